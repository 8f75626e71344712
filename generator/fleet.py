"""A fleet: the Ansible project that rolls a folder of bundles out, one host per profile.

``render --ansible DIR`` writes it next to the bundles. Its role is the same for every
fleet; what differs is only the inventory (each profile's name as the host, with
``host.address`` as ``ansible_host`` when the profile gives one) and where the bundles are,
relative to the project. Each bundle says its own steps in ``steps.json``.
"""

from __future__ import annotations

import os
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


def plan_fleet(hosts: list[FleetHost], project: Path, bundles: Path) -> FleetPlan:
    """The project in ``project`` for ``hosts``, whose bundles are in ``bundles``."""
    relative = os.path.relpath(bundles.absolute(), project.absolute())
    return FleetPlan(
        hosts=tuple(sorted(hosts, key=lambda h: h.name)),
        bundles=Path(relative).as_posix(),
    )
