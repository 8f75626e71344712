"""The example bundles: exact file set, then every file's mode and content (snapshots)."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from generator.runner import check_bundles, check_project
from tests.conftest import PROFILES, ROOT, files_by_path, render_path

NAT_FILES = [
    ".qemu-netgen",
    "README.md",
    "SHA256SUMS",
    "install-bridge-acl.sh",
    "install-packages.sh",
    "install-units.sh",
    "launch-ubuntu1904.sh",
    "libvirt/default.xml",
    "libvirt/hooks/network",
    "libvirt/hooks/qemu-netgen-nat-default",
    "preflight.sh",
    "qemu/bridge.conf",
    "remove-bridge-acl.sh",
    "remove-units.sh",
    "setup-nat-default.sh",
    "steps.json",
    "stop-ubuntu1904.sh",
    "systemd/qemu-netgen-nat-ubuntu1904.service",
    "teardown-nat-default.sh",
]
# libvirt runs them by their names
EXECUTABLE = ("libvirt/hooks/network", "libvirt/hooks/qemu-netgen-nat-default")


def test_examples_exist() -> None:
    assert [p.name for p in PROFILES][:1] and "nat.yaml" in [p.name for p in PROFILES]


def test_nat_bundle_file_set_and_modes() -> None:
    files = render_path(ROOT / "profiles" / "nat.yaml")
    assert [f.path for f in files] == NAT_FILES
    for f in files:
        executable = f.path.endswith(".sh") or f.path in EXECUTABLE
        assert f.mode == (0o755 if executable else 0o644), f.path


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.stem)
def test_bundle_snapshot(profile: Path, snapshot: SnapshotAssertion) -> None:
    files = render_path(profile)
    assert {f.path: {"mode": f"{f.mode:04o}", "text": f.text} for f in files} == snapshot


def test_nat_network_xml() -> None:
    text = files_by_path(render_path(ROOT / "profiles" / "nat.yaml"))["libvirt/default.xml"].text
    root = ET.fromstring(text)
    assert root.findtext("name") == "default"
    assert root.find("forward").get("mode") == "nat"  # type: ignore[union-attr]
    assert root.find("bridge").attrib == {"name": "virbr0", "stp": "on", "delay": "0"}  # type: ignore[union-attr]
    ip = root.find("ip")
    assert ip is not None and ip.attrib == {"address": "192.168.122.1", "netmask": "255.255.255.0"}
    assert ip.find("dhcp/range").attrib == {"start": "192.168.122.2", "end": "192.168.122.254"}  # type: ignore[union-attr]
    assert root.findtext("uuid") == "94b0ba08-4eaa-508f-b095-b27dbcf38519"


def test_sha256sums_cover_every_other_file() -> None:
    import hashlib

    files = files_by_path(render_path(ROOT / "profiles" / "nat.yaml"))
    listed = {}
    for line in files["SHA256SUMS"].text.splitlines():
        digest, path = line.split("  ", 1)
        listed[path] = digest
    assert set(listed) == set(files) - {"SHA256SUMS", ".qemu-netgen"}
    for path, digest in listed.items():
        assert hashlib.sha256(files[path].text.encode()).hexdigest() == digest


def test_committed_bundles_are_fresh() -> None:
    said: list[str] = []
    batch = check_bundles(PROFILES, ROOT / "out", said.append, said.append)
    check_project(batch, ROOT / "out" / "ansible", ROOT / "out", said.append)
    assert batch.code == 0, "\n".join(said)
    committed = sorted(p.name for p in (ROOT / "out").iterdir() if p.is_dir())
    assert committed == sorted([*(p.stem for p in PROFILES), "ansible"])


def _render_with_seed(seed: str, out: Path) -> dict[str, bytes]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run(
        [sys.executable, "-m", "generator", "render", *map(str, PROFILES), "-o", str(out)],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
    )
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_renders_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    first = _render_with_seed("0", tmp_path / "a")
    second = _render_with_seed("12345", tmp_path / "b")
    third = _render_with_seed("random", tmp_path / "c")
    assert first and first == second == third


def test_routed_and_isolated_network_xml_and_file_sets() -> None:
    routed = files_by_path(render_path(ROOT / "profiles" / "routed.yaml"))
    root = ET.fromstring(routed["libvirt/public.xml"].text)
    assert root.find("forward").attrib == {"mode": "route", "dev": "eno1"}  # type: ignore[union-attr]
    assert root.find("ip").attrib == {"address": "203.0.113.1", "netmask": "255.255.255.240"}  # type: ignore[union-attr]
    conf = routed["sysctl/60-qemu-netgen-routed-public.conf"]
    assert conf.mode == 0o644
    assert [line for line in conf.text.splitlines() if not line.startswith("#")] == [
        "net.ipv4.ip_forward = 1"
    ]
    isolated = files_by_path(render_path(ROOT / "profiles" / "isolated.yaml"))
    root = ET.fromstring(isolated["libvirt/lab.xml"].text)
    assert root.find("forward") is None  # libvirt: no <forward> is an isolated network
    assert {"setup-isolated-lab.sh", "teardown-isolated-lab.sh"} <= set(isolated)
    assert not [p for p in isolated if p.startswith(("sysctl/", "libvirt/hooks/"))]


def test_the_user_bundle_changes_nothing_on_the_host_but_its_units() -> None:
    files = [f.path for f in render_path(ROOT / "profiles" / "user.yaml")]
    assert files == [
        ".qemu-netgen",
        "README.md",
        "SHA256SUMS",
        "install-packages.sh",
        "install-units.sh",
        "launch-dev.sh",
        "preflight.sh",
        "remove-units.sh",
        "steps.json",
        "stop-dev.sh",
        "systemd/qemu-netgen-user-dev.service",
    ]
