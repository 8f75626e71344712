"""Hosts that differ from the profile, and failures part-way: each apply script checks what
it relies on before changing anything, and a failure puts back what it already did."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from tests.conftest import ROOT
from tests.system.conftest import example_with_guest, render_bundle
from tests.system.daemons import NetworkManager, start_libvirtd, wait_until
from tests.system.guest import Guest
from tests.system.lan import NIC, make_lan
from tests.system.sandbox import Sandbox
from tests.test_vfio_scripts import NIC_A, SysTree


def failing(tmp_path: Path, tool: str, real: str, when: str) -> dict[str, str]:
    """An environment whose `tool` fails when its arguments match the bash pattern `when`."""
    bindir = tmp_path / f"fail-{tool}"
    bindir.mkdir()
    (bindir / tool).write_text(
        f'#!/bin/bash\n[[ "$*" == {when} ]] && {{ echo "injected failure" >&2; exit 1; }}\nexec {real} "$@"\n'
    )
    (bindir / tool).chmod(0o755)
    return {**os.environ, "PATH": f"{bindir}:{os.environ['PATH']}"}


def test_nat_setup_undoes_a_failed_start(sandbox: Sandbox, guest: Guest, tmp_path: Path) -> None:
    bundle = render_bundle(example_with_guest("nat", guest, "console=ttyS0"), tmp_path / "bundle")
    start_libvirtd(sandbox, tmp_path)
    env = failing(tmp_path, "virsh", "/usr/bin/virsh", '"net-start "*')
    result = sandbox.run("bash", str(bundle / "setup-nat-default.sh"), env=env)
    assert result.returncode == 1
    assert (
        "injected failure" in result.stderr
        and "putting network default back as it was" in result.stderr
    )
    assert sandbox.run("virsh", "net-list", "--all", "--name", check=True).stdout.strip() == ""

    # an older definition of the same network comes back as it was
    old = tmp_path / "old.xml"
    old.write_text(
        (bundle / "libvirt" / "default.xml").read_text().replace("192.168.122.", "192.168.100.")
    )
    sandbox.run("virsh", "net-define", str(old), check=True)
    result = sandbox.run("bash", str(bundle / "setup-nat-default.sh"), env=env)
    assert result.returncode == 1
    dumped = sandbox.run("virsh", "net-dumpxml", "--inactive", "default", check=True).stdout
    assert "192.168.100.1" in dumped and "192.168.122.1" not in dumped


def test_nat_setup_rollback_restores_state_and_autostart(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """An operator's network, stopped and without autostart: setup fails after it turned
    autostart on; the roll-back leaves it defined as before, stopped, autostart off."""
    bundle = render_bundle(example_with_guest("nat", guest, "console=ttyS0"), tmp_path / "bundle")
    start_libvirtd(sandbox, tmp_path)
    foreign = tmp_path / "foreign.xml"
    foreign.write_text(
        "<network><name>default</name><uuid>417b7ead-6342-40a4-b29f-02fa2d4df491</uuid>"
        "<forward mode='nat'/><bridge name='virbr0'/>"
        "<ip address='192.168.100.1' netmask='255.255.255.0'/></network>\n"
    )
    sandbox.run("virsh", "net-define", str(foreign), check=True)
    before = sandbox.run("virsh", "net-dumpxml", "--inactive", "default", check=True).stdout
    info = sandbox.run("virsh", "net-info", "default", check=True).stdout
    assert "Active:         no" in info and "Autostart:      no" in info

    # net-autostart does its work, then fails (as a command that dies part-way would)
    bindir = tmp_path / "late-fail"
    bindir.mkdir()
    (bindir / "virsh").write_text(
        '#!/bin/bash\n/usr/bin/virsh "$@" || exit\n'
        '[[ $1 == net-autostart ]] && { echo "injected failure" >&2; exit 1; }\nexit 0\n'
    )
    (bindir / "virsh").chmod(0o755)
    env = {**os.environ, "PATH": f"{bindir}:{os.environ['PATH']}"}
    result = sandbox.run("bash", str(bundle / "setup-nat-default.sh"), env=env)
    assert result.returncode == 1, result.stderr
    assert "injected failure" in result.stderr and "back as it was" in result.stderr

    info = sandbox.run("virsh", "net-info", "default", check=True).stdout
    assert "Active:         no" in info, info
    assert "Autostart:      no" in info, info
    after = sandbox.run("virsh", "net-dumpxml", "--inactive", "default", check=True).stdout
    assert after == before
    assert sandbox.run("ip", "link", "show", "dev", "virbr0").returncode != 0


def test_nat_setup_refuses_a_bridge_name_in_use(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    bundle = render_bundle(example_with_guest("nat", guest, "console=ttyS0"), tmp_path / "bundle")
    start_libvirtd(sandbox, tmp_path)
    sandbox.sh("ip link add virbr0 type veth peer name other0")
    result = sandbox.run("bash", str(bundle / "setup-nat-default.sh"))
    assert result.returncode == 1
    assert "an interface virbr0 already exists and network default is not running" in result.stderr
    assert sandbox.run("virsh", "net-list", "--all", "--name", check=True).stdout.strip() == ""


def test_nmcli_setup_undoes_a_bridge_that_never_comes_up(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    lan = make_lan(sandbox, tmp_path, host_address=False)
    own = NetworkManager(sandbox, tmp_path, NIC, "br0").own_profile()
    lan.stop_dhcp()  # the LAN stops answering DHCP
    bundle = render_bundle(
        example_with_guest("bridge-nmcli", guest, "console=ttyS0"), tmp_path / "bundle"
    )
    result = sandbox.run("bash", str(bundle / "setup-bridge-lan.sh"), "--wait", "3")
    assert result.returncode == 1
    assert "br0 coming up with enp3s0f1 as its port did not happen within 3 s" in result.stderr
    assert "putting enp3s0f1's profiles back" in result.stderr
    wait_until(
        "the added profiles gone",
        lambda: (
            sandbox.run("nmcli", "-t", "-f", "NAME", "connection", "show").stdout.strip() == own
        ),
        timeout=15,
        detail=lambda: (
            sandbox.run("nmcli", "-t", "-f", "NAME,UUID,DEVICE,STATE", "connection", "show").stdout
        ),
    )
    assert (
        sandbox.run(
            "nmcli", "-g", "connection.autoconnect", "connection", "show", own
        ).stdout.strip()
        == "yes"
    )


def test_nmcli_setup_refuses_a_foreign_interface_of_that_name(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    make_lan(sandbox, tmp_path, host_address=False)
    NetworkManager(sandbox, tmp_path, NIC, "br0")
    sandbox.sh("ip link add br0 type veth peer name other0")
    bundle = render_bundle(
        example_with_guest("bridge-nmcli", guest, "console=ttyS0"), tmp_path / "bundle"
    )
    result = sandbox.run("bash", str(bundle / "setup-bridge-lan.sh"))
    assert result.returncode == 1
    assert "an interface br0 already exists and is not NetworkManager's br0" in result.stderr
    assert (
        sandbox.run("nmcli", "-t", "-f", "NAME", "connection", "show", check=True).stdout.strip()
        == ""
    )


def test_vfio_bind_gives_back_what_it_took_when_a_write_fails(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    tree = SysTree(tmp_path / "sys")
    tree.device(NIC_A, 12)
    tree.device("0000:81:00.1", 12, driver="igb")
    (tmp_path / "sys/bus/pci/drivers/vfio-pci").mkdir()
    (tmp_path / "sys/bus/pci/drivers/igb/unbind").mkdir()  # the second device's unbind fails
    data = yaml.safe_load((ROOT / "profiles" / "passthrough.yaml").read_text())
    bundle = render_bundle(yaml.safe_dump(data), tmp_path / "bundle")
    env = {
        **os.environ,
        "QEMU_NETGEN_SYSFS": str(tmp_path / "sys"),
        "QEMU_NETGEN_DEVFS": str(tmp_path / "dev"),
    }
    result = sandbox.run("bash", str(bundle / "bind-vfio-nic81.sh"), env=env)
    assert result.returncode == 1
    assert "giving the devices back" in result.stderr
    for bdf in (NIC_A, "0000:81:00.1"):  # driver_override is cleared on both again
        assert (tmp_path / "sys/bus/pci/devices" / bdf / "driver_override").read_text() == "\n"


def test_vfio_bind_records_nothing_when_vfio_pci_cannot_be_loaded(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    tree = SysTree(tmp_path / "sys")
    tree.device(NIC_A, 12)
    before = tree.files()
    data = yaml.safe_load((ROOT / "profiles" / "passthrough.yaml").read_text())
    bundle = render_bundle(yaml.safe_dump(data), tmp_path / "bundle")
    env = {
        **failing(tmp_path, "modprobe", "/sbin/modprobe", "vfio-pci"),
        "QEMU_NETGEN_SYSFS": str(tmp_path / "sys"),
        "QEMU_NETGEN_DEVFS": str(tmp_path / "dev"),
    }
    result = sandbox.run("bash", str(bundle / "bind-vfio-nic81.sh"), env=env)
    assert result.returncode == 1
    assert "injected failure" in result.stderr
    assert sandbox.run("test", "-e", "/run/qemu-netgen/passthrough/nic81.vfio").returncode == 1
    assert tree.files() == before
    restore = sandbox.run("bash", str(bundle / "restore-vfio-nic81.sh"), env=env)
    assert restore.returncode == 0 and "nothing to do" in restore.stderr, restore.stderr
