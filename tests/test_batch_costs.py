"""What a batch pays once and what each profile pays: counted, not timed (timings are in bench/).

Templates come compiled with the package; where one is not current it is compiled once per
process, in memory (no cache on disk). The C YAML parser is used where PyYAML has it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
import yaml

from generator import loader, plan, precompiled, render
from generator.validate import parse_text
from tests.conftest import PROFILES


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str | None]]:
    """The names of the templates Jinja compiles while the test renders."""
    names: list[str | None] = []
    original = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment, source: str, name: str | None = None, *a: object
    ) -> object:
        names.append(name)
        return original(self, source, name, *a)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    render.environment.cache_clear()
    yield names
    render.environment.cache_clear()  # the next test gets the usual environment


def render_examples(times: int) -> None:
    profiles = [parse_text(path.read_text(), str(path)) for path in PROFILES]
    for profile in profiles * times:
        render.render(plan.build(profile))


def test_templates_compile_once_per_process(
    compiled: list[str | None], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Where no compiled template is current (here: none shipped), each is compiled once."""
    monkeypatch.setattr(precompiled, "FOLDER", tmp_path / "none")
    render_examples(3)
    assert compiled, "nothing was compiled: the count proves nothing"
    assert len(compiled) == len(set(compiled))  # each template once, for 15 renders


def test_shipped_templates_are_used_without_compiling(compiled: list[str | None]) -> None:
    render_examples(1)
    assert compiled == []


def test_the_c_yaml_parser_is_used_where_pyyaml_has_it() -> None:
    assert yaml.__with_libyaml__, "this machine's PyYAML lacks libyaml; .ci/setup installs it"
    assert loader._Loader is yaml.CSafeLoader
