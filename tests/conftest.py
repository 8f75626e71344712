"""Shared fixtures: where the checkout is, the example profiles, rendering helpers."""

from __future__ import annotations

import shutil
import sys
import textwrap
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


def pytest_report_header() -> str:
    """Which versions of the real tools the system tier runs against (Debian 12 or 13)."""
    import subprocess

    packages = [
        "libvirt-daemon",
        "network-manager",
        "netplan.io",
        "systemd",
        "systemd-networkd",
        "ifupdown",
        "isc-dhcp-client",
        "qemu-system-x86",
        "iproute2",
    ]
    found = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Package} ${Version}\\n", *packages],
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    return "system tier versions: " + ", ".join(line for line in found if line.strip())
