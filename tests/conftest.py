"""Shared fixtures: where the checkout is, the example profiles, rendering helpers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import plan, render
from generator.manifest import RenderedFile
from generator.validate import parse_file, parse_text

ROOT = Path(__file__).resolve().parent.parent
PROFILES = sorted((ROOT / "profiles").glob("*.yaml"))


BASE_PROFILE = """\
name: lab1
networks:
  default:
    type: nat
    bridge: virbr0
    subnet: 192.168.122.0/24
    dhcp: {start: 192.168.122.2, end: 192.168.122.254}
vms:
  - name: web1
    memory: 4G
    nics:
      - network: default
"""


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests' caches (render records, compiled templates) start empty and are theirs:
    nothing from the operator's ~/.cache decides a result, nothing is left in it."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


# what a command line must not load unless it reads a profile
HEAVY = ("yaml", "jinja2", "pydantic.main", "generator.profile", "generator.render")


def fresh_process(argv: list[str], cache_home: Path) -> tuple[int, list[str], list[str]]:
    """Run ``qemu-netgen ARGV`` in a fresh Python: its exit code, its output lines, and which
    of :data:`HEAVY` it loaded."""
    probe = (
        "import sys\n"
        "from generator.cli import main\n"
        f"sys.argv = ['qemu-netgen', *{argv!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code or 0\n"
        f"print(code, *[m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    *output, last = result.stdout.splitlines()
    code, *loaded = last.split()
    return int(code), output, loaded


def render_text(text: str) -> list[RenderedFile]:
    return render.render(plan.build(parse_text(textwrap.dedent(text))))


def render_path(path: Path) -> list[RenderedFile]:
    return render.render(plan.build(parse_file(path)))


def files_by_path(files: list[RenderedFile]) -> dict[str, RenderedFile]:
    return {f.path: f for f in files}


@pytest.fixture
def nat_yaml() -> str:
    return (ROOT / "profiles" / "nat.yaml").read_text()


def require_tool(name: str) -> str:
    """The path of a tool the test needs; a missing tool fails the test, never skips it."""
    beside = Path(sys.executable).parent / name  # tools pip installed into this venv
    found = str(beside) if beside.is_file() else shutil.which(name)
    if not found:
        pytest.fail(
            f"{name} is not installed: run .ci/run, which installs every tool the tests use"
        )
    return found
