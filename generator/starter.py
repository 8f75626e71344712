"""`init` and `schema`: a commented starter profile per mode, and the profile's JSON Schema.

The renderer and the profile model are imported by the function that needs each.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Literal

from generator import names
from generator.errors import OutputError

Mode = Literal["nat", "bridge", "passthrough", "routed", "isolated", "user"]
Distro = Literal["debian", "ubuntu", "fedora", "rhel", "arch"]  # as the profile's host.distro
# the bridge method that fits each distribution's own network stack
STARTER_METHODS = {
    "debian": "ifupdown",
    "ubuntu": "netplan",
    "fedora": "nmcli",
    "rhel": "nmcli",
    "arch": "networkd",
}
SCHEMA_ID = "https://qemu-netgen.invalid/profile.schema.json"


def starter_profile(mode: Mode, name: str, distro: Distro = "debian") -> str:
    """A commented profile for ``mode`` on ``distro`` that validates as written."""
    from generator.render import environment

    names.file_name(name)
    template = environment().get_template(f"init/{mode}.yaml.j2")
    return template.render(name=name, distro=distro, method=STARTER_METHODS[distro])


def schema_text() -> str:
    import json

    from generator.profile import Profile

    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **Profile.model_json_schema(),
        "title": "qemu-netgen profile",
    }
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def write_new(target: Path, text: str, *, force: bool) -> None:
    """Write ``text`` to ``target``, a new file. Anything already there (a dangling link
    included) is refused unless ``force``, which replaces it; nothing is written through a
    link."""
    if os.path.lexists(target):
        if not force:
            raise OutputError(f"{target} exists; use --force to overwrite it")
        if target.is_dir() and not target.is_symlink():
            raise OutputError(f"{target} is a folder; give a file name")
    staging = target.with_name(f".{target.name}.new-{os.getpid()}")
    try:
        fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "w") as fh:
            fh.write(text)
        os.replace(staging, target)  # replaces a link itself, never what it points to
    except OSError as exc:
        with contextlib.suppress(OSError):
            staging.unlink()
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
