"""README.md opens with the two commands, and CI runs the test command it gives."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def _blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", (ROOT / "README.md").read_text(), flags=re.S)


def test_readme_opens_with_render_and_test_commands() -> None:
    render, test = _blocks()[:2]
    assert "qemu-netgen render profiles/*.yaml" in render
    assert "pytest" in test and "--system" in test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    test = _blocks()[1]
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test in ci
