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

DEVICE = "0000:00:03.0"  # where the e1000e is put below


@pytest.fixture(scope="module")
def vfio_initrd(guest: Guest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("vfio")
    data = yaml.safe_load((ROOT / "profiles" / "passthrough.yaml").read_text())
    data["networks"]["nic81"]["device"] = "00:03.0"
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
            "-device",
            "e1000e,addr=03.0",
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
    assert "QN: driver before: e1000e" in out, out
    assert "QN: driver after bind: vfio-pci" in out, out
    assert "present" in out and "missing" not in out, out
    assert "ok: group" in out and "is on vfio-pci" in out, out
    assert "already bound to vfio-pci; nothing to do" in out, out
    assert "QN: driver after restore: e1000e" in out, out
    assert "QN: driver_override after restore: (null)" in out, out
    assert "ok: every device is back on its driver" in out, out


def test_bind_refuses_without_an_iommu(guest: Guest, vfio_initrd: Path) -> None:
    out = boot(guest, vfio_initrd, iommu=False)
    assert (
        "QN: bind> bind-vfio-nic81.sh: error: the IOMMU is off (/sys/kernel/iommu_groups is empty)"
        in out
    ), out
    assert "QN: driver after bind: e1000e" in out, out
