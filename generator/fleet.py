"""A fleet: the Ansible project that rolls a folder of bundles out, one host per profile.

``render --ansible DIR`` writes it next to the bundles. Its role is the same for every
fleet; what differs is only the inventory (each profile's name as the host, with
``host.address`` as ``ansible_host`` when the profile gives one) and where the bundles are,
relative to the project. Each bundle says its own steps in ``steps.json``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

# the project's files, each rendered from templates/ansible/<path>.j2
FLEET_FILES = (
    "ansible.cfg",
    "inventory.yml",
    "site.yml",
    "roles/qemu_netgen/README.md",
    "roles/qemu_netgen/defaults/main.yml",
    "roles/qemu_netgen/handlers/main.yml",
    "roles/qemu_netgen/meta/main.yml",
    "roles/qemu_netgen/tasks/main.yml",
    "roles/qemu_netgen/tasks/apply.yml",
    "roles/qemu_netgen/tasks/copy.yml",
    "roles/qemu_netgen/tasks/cut.yml",
    "roles/qemu_netgen/tasks/step.yml",
    "roles/qemu_netgen/tasks/teardown.yml",
    "roles/qemu_netgen/tasks/undo.yml",
)
GROUP = "qemu_netgen"  # the inventory group site.yml targets


@dataclass(frozen=True)
class FleetHost:
    name: str  # the inventory host: the profile's (and its bundle's) name
    address: str | None  # ansible_host; None: the name is how SSH finds it


@dataclass(frozen=True)
class FleetPlan:
    hosts: tuple[FleetHost, ...]
    bundles: str  # the bundles' folder, relative to the project's
    group: str = GROUP


# names an inventory host cannot have: Ansible's own groups, the project's group, and the
# controller (the role packs each bundle there: delegate_to localhost)
RESERVED = {"all", "ungrouped", GROUP, "localhost"}
_PLAIN_PATH = re.compile(r"[A-Za-z0-9._/-]+")


class FleetError(ValueError):
    """A fleet that cannot be rolled out as rendered."""


def plan_fleet(hosts: list[FleetHost], project: Path, bundles: Path) -> FleetPlan:
    """The project in ``project`` for ``hosts``, whose bundles are in ``bundles``."""
    where, out = project.absolute(), bundles.absolute()
    if where == out or where in out.parents:
        raise FleetError("it would hold the bundles' folder, which it replaces as a whole")
    names = {host.name for host in hosts}
    if where.parent == out and where.name in names:
        raise FleetError(f"it would take the place of bundle {where.name!r}")
    for host in hosts:
        if host.name in RESERVED:
            raise FleetError(f"profile {host.name!r}: that name cannot be an inventory host")
    seen: dict[str, str] = {}
    for host in hosts:
        if host.address is None:
            continue
        first = seen.setdefault(host.address.lower(), host.name)
        if first != host.name:
            raise FleetError(
                f"profiles {first!r} and {host.name!r} have the same host.address "
                f"{host.address}: one host, two bundles that would undo each other"
            )
    relative = os.path.relpath(out, where)
    if not _PLAIN_PATH.fullmatch(relative):
        raise FleetError(
            f"the bundles' folder as seen from it ({relative}) must be letters, digits, "
            "'.', '_', '-' and '/'"
        )
    return FleetPlan(
        hosts=tuple(sorted(hosts, key=lambda h: h.name)),
        bundles=Path(relative).as_posix(),
    )
