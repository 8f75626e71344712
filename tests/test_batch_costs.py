"""What a batch pays once and what each profile pays: counted, not timed (timings are in bench/).

Templates are compiled once per process, the Jinja environment and the profile validator are
built once, the C YAML parser is used where PyYAML has it, and commands that need no profile
do not import the machinery that reads one.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
import yaml

from generator import loader, plan, render
from generator.profile import Profile
from generator.validate import parse_text
from tests.conftest import BASE_PROFILE, PROFILES, fresh_process


def test_templates_compile_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QEMU_NETGEN_NO_CACHE", "1")  # no bytecode cache: every load compiles
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
        assert render.environment() is render.environment()
    finally:
        render.environment.cache_clear()  # the next test gets the usual environment


def test_the_profile_validator_is_built_once() -> None:
    parse_text(BASE_PROFILE)
    validator = Profile.__pydantic_validator__
    for n in range(5):
        parse_text(BASE_PROFILE.replace("lab1", f"lab{n + 2}"))
    assert Profile.__pydantic_validator__ is validator


def test_the_c_yaml_parser_is_used_where_pyyaml_has_it() -> None:
    assert yaml.__with_libyaml__, "this machine's PyYAML lacks libyaml; .ci/setup installs it"
    assert loader._Loader is yaml.CSafeLoader


@pytest.mark.parametrize(
    "argv", [["--version"], ["--help"], ["render", "--help"], ["init", "--help"]]
)
def test_commands_without_a_profile_load_no_profile_machinery(
    argv: list[str], tmp_path: Path
) -> None:
    code, output, loaded = fresh_process(argv, tmp_path)
    assert code == 0 and output, output
    assert loaded == []
