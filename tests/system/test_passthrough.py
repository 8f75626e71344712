"""Passthrough, end to end: inside a TCG guest with an emulated Intel IOMMU, the bundle's
bind script gives the guest's e1000e to vfio-pci and the restore script gives it back."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.system.conftest import render_bundle
from tests.system.guest import HERE, Guest, build_initramfs, newest_kernel

# An e1000e and an e1000 behind a PCIe-to-PCI bridge: the three share one IOMMU group.
DEVICES = (
    "-device",
    "pcie-pci-bridge,id=pb,addr=04.0",
    "-device",
    "e1000e,bus=pb,addr=01.0",
    "-device",
    "e1000,bus=pb,addr=02.0",
)
DEVICE = "0000:01:01.0"  # the e1000e, the profile's device


@pytest.fixture(scope="module")
def vfio_initrd(guest: Guest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("vfio")
    data = yaml.safe_load((ROOT / "profiles" / "passthrough.yaml").read_text())
    data["networks"]["nic81"]["device"] = DEVICE
    bundle = render_bundle(yaml.safe_dump(data), work / "bundle")
    initrd = work / "guest-vfio.cpio.gz"
    build_initramfs(
        initrd,
        newest_kernel()[0],
        files={
            "/bundle/bind-vfio-nic81.sh": bundle / "bind-vfio-nic81.sh",
            "/bundle/restore-vfio-nic81.sh": bundle / "restore-vfio-nic81.sh",
            "/qn/vfio-test.sh": HERE / "guest-vfio-test.sh",
        },
        binaries=("/bin/bash", "/usr/bin/install"),
    )
    return initrd


def boot(guest: Guest, initrd: Path, iommu: bool) -> str:
    machine = (
        ["-M", "q35,kernel-irqchip=split", "-device", "intel-iommu,intremap=on"]
        if iommu
        else ["-M", "q35"]
    )
    cmdline = "console=ttyS0 panic=-1 qn.mode=script qn.script=/qn/vfio-test.sh"
    if iommu:
        cmdline += " intel_iommu=on iommu=pt"
    started = time.monotonic()
    result = subprocess.run(
        [
            "unshare",
            "--net",
            "--",
            "qemu-system-x86_64",
            "-accel",
            "tcg",
            *machine,
            "-m",
            "256M",
            "-display",
            "none",
            "-monitor",
            "none",
            "-serial",
            "stdio",
            "-no-reboot",
            "-nic",
            "none",
            *DEVICES,
            "-kernel",
            str(guest.kernel),
            "-initrd",
            str(initrd),
            "-append",
            cmdline,
        ],
        capture_output=True,
        text=True,
        timeout=90,
        stdin=subprocess.DEVNULL,
    )
    print(f"guest (iommu={iommu}): {time.monotonic() - started:.1f} s")
    assert result.returncode == 0, result.stderr
    return "\n".join(line for line in result.stdout.splitlines() if line.startswith("QN: "))


def test_bind_and_restore_in_a_guest_with_an_iommu(guest: Guest, vfio_initrd: Path) -> None:
    out = boot(guest, vfio_initrd, iommu=True)
    print(out)
    e1000e, e1000 = DEVICE, "0000:01:02.0"
    assert f"QN: group: 0000:00:04.0 {e1000e} {e1000}" in out, out
    assert f"QN: before: {e1000e}=e1000e (null) {e1000}=e1000 (null)" in out, out

    # the whole group goes to vfio-pci (the PCI bridge stays), and comes back
    assert "QN: bind> bind-vfio-nic81.sh: 0000:00:04.0 is a PCI bridge: left as it is" in out
    assert f"QN: after bind: {e1000e}=vfio-pci vfio-pci {e1000}=vfio-pci vfio-pci" in out, out
    assert "present" in out and "missing" not in out, out
    assert "ok: group" in out and "is on vfio-pci" in out, out
    assert "already bound to vfio-pci; nothing to do" in out, out
    # each step's result line (what the Ansible role reads)
    for line in (
        "bind> result: changed",
        "bind-again> result: unchanged",
        "restore> result: changed",
    ):
        assert f"QN: {line}\nQN: {line.split('>')[0]}> exit 0" in out, out
    assert "QN: restore> restore-vfio-nic81.sh: ok: every device is back on its driver" in out
    assert f"QN: after restore: {e1000e}=e1000e (null) {e1000}=e1000 (null)" in out, out

    # a member the operator had put on vfio-pci (driver_override, as driverctl does) is
    # recorded as such and left there by restore, which succeeds
    assert f"QN: operator's: {e1000e}=e1000e (null) {e1000}=vfio-pci vfio-pci" in out, out
    assert "QN: restore-op> exit 0" in out, out
    assert f"QN: after restore-op: {e1000e}=e1000e (null) {e1000}=vfio-pci vfio-pci" in out, out

    # the give-back fails too: the device left without a driver is named, with the command
    # that finishes it, the exit is non-zero and the record stays for restore
    assert (
        f"QN: bind-blocked> bind-vfio-nic81.sh: not given back: {e1000e} is left with no "
        f"driver; it was on e1000e (by hand: echo {e1000e} > /sys/bus/pci/drivers/e1000e/bind)"
    ) in out, out
    assert "run restore-vfio-nic81.sh from this bundle to finish" in out, out
    assert "QN: bind-blocked> exit 1" in out, out
    assert f"QN: after bind-blocked: {e1000e}=none (null) {e1000}=e1000 (null)" in out, out
    assert f"QN: record kept: 0000:00:04.0 none (null);{e1000e} e1000e (null);" in out, out
    assert "QN: restore-after-blocked> exit 0" in out, out
    assert f"QN: after restore-after-blocked: {e1000e}=e1000e (null) {e1000}=e1000 (null)" in out
    assert "QN: record gone after restore" in out, out


def test_bind_refuses_without_an_iommu(guest: Guest, vfio_initrd: Path) -> None:
    out = boot(guest, vfio_initrd, iommu=False)
    assert (
        "QN: bind> bind-vfio-nic81.sh: error: the IOMMU is off (/sys/kernel/iommu_groups is empty)"
        in out
    ), out
    assert "QN: driver after bind: e1000e" in out, out
