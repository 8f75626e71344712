"""QEMU accepts every launch command: each example bundle's launch script, run in a sandbox
where its bridges exist and the ACL is installed, starts QEMU paused; QMP quits it; exit 0."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import PROFILES
from tests.system.conftest import render_bundle
from tests.system.sandbox import Sandbox

QMP = '{"execute": "qmp_capabilities"}\n{"execute": "quit"}\n'
PAUSED = ("-S", "-qmp", "stdio", "-monitor", "none", "-serial", "none", "-parallel", "none")


def adapted(profile: Path, disk: Path) -> str:
    """The example as a test host can run it: TCG, no vhost, a real (empty) disk image."""
    data = yaml.safe_load(profile.read_text())
    data["host"] = {"distro": "debian"}  # this host's helper path; the command line is the same
    for vm in data.get("vms", []):
        vm.update(accel="tcg", vhost="off", disk=str(disk), memory="256M")
    return yaml.safe_dump(data, sort_keys=False)


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.stem)
def test_qemu_accepts_the_launch_command(sandbox: Sandbox, tmp_path: Path, profile: Path) -> None:
    disk = tmp_path / "disk.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(disk), "64M"], check=True)
    bundle = render_bundle(adapted(profile, disk), tmp_path / "bundle")
    launches = sorted(bundle.glob("launch-*.sh"))
    assert launches
    acl = bundle / "qemu" / "bridge.conf"
    if acl.exists():
        for line in acl.read_text().splitlines():
            if line.startswith("allow "):
                bridge = line.split()[1]
                sandbox.sh(f"ip link add name {bridge} type bridge && ip link set {bridge} up")
        sandbox.run("bash", str(bundle / "install-bridge-acl.sh"), check=True)
    if any("passt" in launch.read_text() for launch in launches):
        # passt takes the addresses and routes of the interface with the default route
        sandbox.sh(
            "ip link add uplink0 type veth peer name peer0 && ip link set peer0 up && "
            "ip link set uplink0 up && ip addr add 192.0.2.2/24 dev uplink0 && "
            "ip route add default via 192.0.2.1"
        )

    for launch in launches:
        text = launch.read_text()
        if "vfio-pci" in text:
            # No device to pass through here: the script refuses to start, and QEMU, given
            # the same command line, fails on nothing but the absent host device.
            refused = sandbox.run("bash", str(launch))
            assert refused.returncode == 1 and "is not bound to vfio-pci" in refused.stderr
            dry = sandbox.run("bash", str(launch), "--dry-run", "--", *PAUSED, check=True)
            result = sandbox.run(*shlex.split(dry.stdout), input=QMP, timeout=60)
            assert result.returncode != 0
            errors = [line for line in result.stderr.splitlines() if line.strip()]
            assert errors and all("vfio" in line for line in errors), result.stderr
            assert "no such host device" in result.stderr
            continue
        result = sandbox.run("bash", str(launch), "--", *PAUSED, input=QMP, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        assert '"return": {}' in result.stdout
