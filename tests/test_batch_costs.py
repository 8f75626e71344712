"""What a batch pays once and what each profile pays: counted, not timed (timings are in bench/).

Templates are compiled once per process (in memory: no cache on disk), and the C YAML parser
is used where PyYAML has it.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
import yaml

from generator import loader, plan, precompiled, render
from generator.validate import parse_text
from tests.conftest import PROFILES


def test_templates_compile_once_per_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Where no compiled template is current (here: none shipped), each is compiled once."""
    monkeypatch.setattr(precompiled, "FOLDER", tmp_path / "none")
    render.environment.cache_clear()
    compiled: list[str | None] = []
    original = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment, source: str, name: str | None = None, *a: object
    ) -> object:
        compiled.append(name)
        return original(self, source, name, *a)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    try:
        profiles = [parse_text(path.read_text(), str(path)) for path in PROFILES]
        for profile in profiles * 3:
            render.render(plan.build(profile))
        assert compiled, "nothing was compiled: the count proves nothing"
        assert len(compiled) == len(set(compiled))  # each template once, for 15 renders
    finally:
        render.environment.cache_clear()  # the next test gets the usual environment


def test_the_c_yaml_parser_is_used_where_pyyaml_has_it() -> None:
    assert yaml.__with_libyaml__, "this machine's PyYAML lacks libyaml; .ci/setup installs it"
    assert loader._Loader is yaml.CSafeLoader


def test_shipped_templates_are_used_without_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    render.environment.cache_clear()
    compiled: list[str | None] = []
    original = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment, source: str, name: str | None = None, *a: object
    ) -> object:
        compiled.append(name)
        return original(self, source, name, *a)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    try:
        for path in PROFILES:
            render.render(plan.build(parse_text(path.read_text(), str(path))))
    finally:
        render.environment.cache_clear()
    assert compiled == []
