"""Templates compiled ahead of time into Python modules inside the package.

Compiling the templates is most of a single render's time. ``compiled_templates/`` holds
them as Jinja compiles them (``python -m generator.render`` writes it; a test fails when
it is not what the templates give now), with the SHA-256 of each template's source. A
compiled template is used only while its template's source still has that checksum;
otherwise the template is compiled in memory. Nothing is loaded from outside the package:
these modules are part of the installed code, like every other module of it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

import jinja2

from generator.locations import PACKAGE

FOLDER = PACKAGE / "compiled_templates"
SUMS = "sources.json"


SUM_NAME = "qemu_netgen_source_sum"


def source_sum(environment: jinja2.Environment, source: str) -> str:
    """What a compiled template depends on: its source, the Jinja version and the
    environment's syntax and whitespace settings."""
    settings = (
        jinja2.__version__,
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.keep_trailing_newline,
        environment.newline_sequence,
    )
    return hashlib.sha256(repr(settings).encode() + b"\0" + source.encode()).hexdigest()


class Loader(jinja2.BaseLoader):
    """Templates from ``folder``; each one compiled ahead of time when that is current."""

    def __init__(self, folder: Path, compiled: Path | None = None) -> None:
        compiled = compiled if compiled is not None else FOLDER
        self.files = jinja2.FileSystemLoader(str(folder))
        self.compiled = jinja2.ModuleLoader(str(compiled))
        try:
            sums = json.loads((compiled / SUMS).read_text())
        except (OSError, ValueError):
            sums = {}
        self.sums: dict[str, str] = {
            k: v for k, v in (sums.items() if isinstance(sums, dict) else ()) if isinstance(v, str)
        }

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        return self.files.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.files.list_templates()

    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        source, filename, uptodate = self.files.get_source(environment, name)
        expected = source_sum(environment, source)
        if self.sums.get(name) == expected:
            template = self._shipped(environment, name, globals, expected)
            if template is not None:
                return template
        code = environment.compile(source, name, filename)
        return environment.template_class.from_code(environment, code, globals or {}, uptodate)

    def _shipped(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None,
        expected: str,
    ) -> jinja2.Template | None:
        """The compiled module of ``name``, if it says (as imported: its bytecode included)
        that it was compiled from ``expected``; None for any other or a damaged one."""
        module = self.compiled.get_module_filename(name).removesuffix(".py")
        full = f"{self.compiled.package_name}.{module}"
        try:
            mod = __import__(full, None, None, ["root"])
        except Exception:  # missing or damaged: the template is compiled instead
            return None
        finally:
            sys.modules.pop(full, None)
        if getattr(mod, SUM_NAME, None) != expected:
            return None
        try:
            return environment.template_class.from_module_dict(
                environment, mod.__dict__, globals or {}
            )
        except Exception:
            return None


def write(environment: jinja2.Environment, folder: Path = FOLDER) -> None:
    """Compile every template of ``environment`` into ``folder``, with their checksums."""
    folder.mkdir(exist_ok=True)
    for old in folder.glob("tmpl_*.py"):
        old.unlink()
    environment.compile_templates(str(folder), zip=None, ignore_errors=False)
    loader = environment.loader
    assert loader is not None
    sums = {
        name: source_sum(environment, loader.get_source(environment, name)[0])
        for name in sorted(loader.list_templates())
    }
    module = jinja2.ModuleLoader(str(folder))
    for name, checksum in sums.items():
        path = folder / module.get_module_filename(name)
        path.write_text(path.read_text().rstrip("\n") + f"\n{SUM_NAME} = {checksum!r}\n")
    (folder / SUMS).write_text(json.dumps(sums, indent=1, sort_keys=True) + "\n")
    (folder / "__init__.py").write_text('"""Generated by generator.precompiled; do not edit."""\n')
