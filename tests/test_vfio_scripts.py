"""The vfio bind/restore scripts' decisions, against a sysfs-like tree and a fake ip.

QEMU_NETGEN_SYSFS points the scripts at the tree; only tests set it. The fake ip refuses
every change, and --dry-run must not write into the tree either.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from generator import plan, render
from generator.bundle import write_bundle
from generator.validate import parse_text

FAKES = Path(__file__).parent / "fakes"
NIC_A, NIC_B = "0000:81:00.0", "0000:81:00.1"

PROFILE = """\
name: lab
networks:
  nic81:
    type: passthrough
    device: "81:00.0"
vms:
  - {name: vm1, memory: 1G, nics: [{network: nic81}]}
"""


class SysTree:
    """A minimal sysfs: PCI devices, their drivers, IOMMU groups and network interfaces."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for d in ("kernel/iommu_groups", "bus/pci/devices", "bus/pci/drivers", "class/net"):
            (root / d).mkdir(parents=True, exist_ok=True)

    def device(
        self,
        bdf: str,
        group: int,
        driver: str | None = "ixgbe",
        cls: str = "0x020000",
        ifname: str | None = None,
    ) -> None:
        dev = self.root / "bus/pci/devices" / bdf
        dev.mkdir()
        (dev / "class").write_text(cls + "\n")
        (dev / "driver_override").write_text("(null)\n")
        members = self.root / f"kernel/iommu_groups/{group}/devices"
        members.mkdir(parents=True, exist_ok=True)
        (members / bdf).symlink_to(dev)
        (dev / "iommu_group").symlink_to(self.root / f"kernel/iommu_groups/{group}")
        if driver:
            (self.root / "bus/pci/drivers" / driver).mkdir(exist_ok=True)
            (dev / "driver").symlink_to(self.root / "bus/pci/drivers" / driver)
        if ifname:
            (dev / "net" / ifname).mkdir(parents=True)
            (self.root / "class/net" / ifname).mkdir()
            (self.root / "class/net" / ifname / "device").symlink_to(dev)

    def files(self) -> dict[str, str]:
        return {
            str(p.relative_to(self.root)): p.read_text()
            for p in sorted(self.root.rglob("*"))
            if p.is_file()
        }


@pytest.fixture
def scripts(tmp_path: Path) -> Path:
    out = tmp_path / "bundle"
    write_bundle(render.render(plan.build(parse_text(PROFILE))), out)
    return out


def run(
    tmp_path: Path, script: Path, *args: str, net: dict | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    (tmp_path / "net.json").write_text(json.dumps({"links": {}, **(net or {})}))
    environ = {
        **os.environ,
        "PATH": f"{FAKES}:{os.environ['PATH']}",
        "FAKE_NET": str(tmp_path / "net.json"),
        "FAKE_LOG": str(tmp_path / "calls.log"),
        "QEMU_NETGEN_SYSFS": str(tmp_path / "sys"),
        **env,
    }
    environ.pop("SSH_CONNECTION", None) if "SSH_CONNECTION" not in env else None
    return subprocess.run(["bash", str(script), *args], capture_output=True, text=True, env=environ)


def test_bind_a_viable_group(tmp_path: Path, scripts: Path) -> None:
    tree = SysTree(tmp_path / "sys")
    tree.device(NIC_A, 12, ifname="enp129s0f0")
    tree.device(NIC_B, 12, ifname="enp129s0f1")
    before = tree.files()
    result = run(tmp_path, scripts / "bind-vfio-nic81.sh", "--dry-run")
    assert result.returncode == 0, result.stderr
    s = tmp_path / "sys"
    assert result.stdout.splitlines() == [
        "modprobe vfio-pci",
        "install -d -m 0700 -- /run/qemu-netgen/lab",
        f"printf '%s\\n' '{NIC_A} ixgbe (null)' '{NIC_B} ixgbe (null)' > /run/qemu-netgen/lab/nic81.vfio",
        f"echo vfio-pci > {s}/bus/pci/devices/{NIC_A}/driver_override",
        f"echo {NIC_A} > {s}/bus/pci/devices/{NIC_A}/driver/unbind",
        f"echo {NIC_A} > {s}/bus/pci/drivers_probe",
        f"echo vfio-pci > {s}/bus/pci/devices/{NIC_B}/driver_override",
        f"echo {NIC_B} > {s}/bus/pci/devices/{NIC_B}/driver/unbind",
        f"echo {NIC_B} > {s}/bus/pci/drivers_probe",
    ]
    assert f"IOMMU group 12: {NIC_A} {NIC_B}" in result.stderr
    assert tree.files() == before


def test_a_pci_bridge_in_the_group_is_left_alone_and_an_unbound_device_is_not_unbound(
    tmp_path: Path, scripts: Path
) -> None:
    tree = SysTree(tmp_path / "sys")
    tree.device("0000:80:01.0", 12, driver="pcieport", cls="0x060400")
    tree.device(NIC_A, 12, driver=None)
    (tmp_path / "sys/bus/pci/drivers/vfio-pci").mkdir()
    result = run(tmp_path, scripts / "bind-vfio-nic81.sh", "--dry-run")
    assert result.returncode == 0, result.stderr
    s = tmp_path / "sys"
    assert result.stdout.splitlines()[2:] == [
        f"echo vfio-pci > {s}/bus/pci/devices/{NIC_A}/driver_override",
        f"echo {NIC_A} > {s}/bus/pci/drivers_probe",
    ]
    assert "0000:80:01.0 is a PCI bridge: left as it is" in result.stderr


def test_already_bound_changes_nothing(tmp_path: Path, scripts: Path) -> None:
    tree = SysTree(tmp_path / "sys")
    tree.device(NIC_A, 12, driver="vfio-pci")
    result = run(tmp_path, scripts / "bind-vfio-nic81.sh", "--dry-run")
    assert (result.returncode, result.stdout) == (0, "")
    assert "group 12 is already bound to vfio-pci; nothing to do" in result.stderr


def test_refuses_without_an_iommu(tmp_path: Path, scripts: Path) -> None:
    tree = SysTree(tmp_path / "sys")
    (tmp_path / "sys/bus/pci/devices" / NIC_A).mkdir()
    assert tree.files() == {}
    result = run(tmp_path, scripts / "bind-vfio-nic81.sh", "--dry-run")
    assert result.returncode == 1 and result.stdout == ""
    assert "the IOMMU is off" in result.stderr and "intel_iommu=on" in result.stderr


def test_refuses_a_missing_device(tmp_path: Path, scripts: Path) -> None:
    tree = SysTree(tmp_path / "sys")
    tree.device("0000:03:00.0", 4)
    result = run(tmp_path, scripts / "bind-vfio-nic81.sh", "--dry-run")
    assert result.returncode == 1
    assert f"there is no PCI device {NIC_A} here (lspci -D lists them)" in result.stderr


@pytest.mark.parametrize(
    ("net", "env", "reason"),
    [
        (
            {"default_routes": ["default via 10.0.0.1 dev enp129s0f1 proto dhcp"]},
            {},
            f"enp129s0f1 ({NIC_B}) carries the default route",
        ),
        (
            {"links": {"enp129s0f0": {"mac": "02:00:00:00:00:01", "addrs": ["10.0.0.5/24"]}}},
            {},
            f"enp129s0f0 ({NIC_A}) has address(es) 10.0.0.5/24",
        ),
        (
            {"route_get": {"192.0.2.9": "enp129s0f0"}},
            {"SSH_CONNECTION": "192.0.2.9 50000 10.0.0.5 22"},
            f"enp129s0f0 ({NIC_A}) carries this SSH session (from 192.0.2.9)",
        ),
    ],
    ids=["default-route", "address", "ssh"],
)
def test_refuses_to_cut_the_host_off(
    tmp_path: Path, scripts: Path, net: dict, env: dict[str, str], reason: str
) -> None:
    tree = SysTree(tmp_path / "sys")
    tree.device(NIC_A, 12, ifname="enp129s0f0")
    tree.device(NIC_B, 12, ifname="enp129s0f1")
    refused = run(tmp_path, scripts / "bind-vfio-nic81.sh", "--dry-run", net=net, **env)
    assert refused.returncode == 1 and refused.stdout == ""
    assert f"refusing: {reason}" in refused.stderr
    assert "use --force" in refused.stderr
    forced = run(tmp_path, scripts / "bind-vfio-nic81.sh", "--dry-run", "--force", net=net, **env)
    assert forced.returncode == 0, forced.stderr
    assert "going ahead anyway (--force)" in forced.stderr


def test_refuses_a_bridge_port(tmp_path: Path, scripts: Path) -> None:
    tree = SysTree(tmp_path / "sys")
    tree.device(NIC_A, 12, ifname="enp129s0f0")
    (tmp_path / "sys/class/net/br0").mkdir()
    (tmp_path / "sys/class/net/enp129s0f0/master").symlink_to(tmp_path / "sys/class/net/br0")
    result = run(tmp_path, scripts / "bind-vfio-nic81.sh", "--dry-run")
    assert result.returncode == 1
    assert f"refusing: enp129s0f0 ({NIC_A}) is a port of bridge br0" in result.stderr


def test_restore_gives_the_group_back(tmp_path: Path, scripts: Path) -> None:
    tree = SysTree(tmp_path / "sys")
    tree.device(NIC_A, 12, driver="vfio-pci")
    tree.device(NIC_B, 12, driver="vfio-pci")
    (tmp_path / "sys/bus/pci/devices" / NIC_A / "driver_override").write_text("vfio-pci\n")
    before = tree.files()
    result = run(tmp_path, scripts / "restore-vfio-nic81.sh", "--dry-run")
    assert result.returncode == 0, result.stderr
    s = tmp_path / "sys"
    assert result.stdout.splitlines() == [
        f"echo '' > {s}/bus/pci/devices/{NIC_A}/driver_override",
        f"echo {NIC_A} > {s}/bus/pci/drivers/vfio-pci/unbind",
        f"echo {NIC_A} > {s}/bus/pci/drivers_probe",
        f"echo {NIC_B} > {s}/bus/pci/drivers/vfio-pci/unbind",
        f"echo {NIC_B} > {s}/bus/pci/drivers_probe",
        "rm -f -- /run/qemu-netgen/lab/nic81.vfio",
    ]
    assert tree.files() == before


def test_restore_with_nothing_bound(tmp_path: Path, scripts: Path) -> None:
    tree = SysTree(tmp_path / "sys")
    tree.device(NIC_A, 12)
    result = run(tmp_path, scripts / "restore-vfio-nic81.sh", "--dry-run")
    assert (result.returncode, result.stdout) == (0, "")
    assert "nothing to do" in result.stderr
