"""`init` and `schema`: a commented starter profile per mode, and the profile's JSON Schema.

The renderer and the profile model are imported by the function that needs each (this
module is imported by every command line).
"""

from __future__ import annotations

from typing import Literal

from generator import names

Mode = Literal["nat", "bridge", "passthrough"]
SCHEMA_ID = "https://qemu-netgen.invalid/profile.schema.json"


def starter_profile(mode: Mode, name: str) -> str:
    """A commented profile for ``mode`` that validates as written."""
    from generator.render import environment

    names.file_name(name)
    return environment().get_template(f"init/{mode}.yaml.j2").render(name=name)


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
