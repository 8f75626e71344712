"""Bridge mode with nmcli, end to end: a real NetworkManager 1.42 makes br0 from the bundle's
script, keeps it across a simulated reboot, and gives the NIC its own profile back."""

from __future__ import annotations

import time
from pathlib import Path

from tests.system.conftest import GUEST_ARGS, example_with_guest, render_bundle
from tests.system.daemons import NetworkManager, wait_until
from tests.system.guest import Guest
from tests.system.lan import NIC, PINNED_IP, ROUTER, make_lan
from tests.system.sandbox import Sandbox, result

GUEST_MAC = "00:16:3e:0c:12:78"
OWN = "Wired connection 1"


def ipv4(box: Sandbox, dev: str) -> str:
    return box.run("ip", "-4", "-o", "addr", "show", "dev", dev).stdout


def profiles(box: Sandbox) -> list[str]:
    return sorted(
        box.run("nmcli", "-t", "-f", "NAME", "connection", "show", check=True).stdout.splitlines()
    )


def test_bridge_nmcli_end_to_end(sandbox: Sandbox, guest: Guest, tmp_path: Path) -> None:
    lan = make_lan(sandbox, tmp_path, host_address=False, pin_mac=GUEST_MAC)
    nm = NetworkManager(sandbox, tmp_path, NIC, "br0")
    nm.own_profile(OWN)  # the host before the bundle: the NIC with its own DHCP profile
    own_lease = ipv4(sandbox, NIC).split()[3]
    assert own_lease.startswith("10.99.0.1")

    bundle = render_bundle(
        example_with_guest(
            "bridge-nmcli", guest, f"console=ttyS0 panic=-1 qn.mode=dhcp qn.ping={ROUTER}"
        ),
        tmp_path / "bundle",
    )
    started = time.monotonic()
    setup = sandbox.run("bash", str(bundle / "setup-bridge-lan.sh"))
    print(f"setup: {time.monotonic() - started:.1f} s")
    assert setup.returncode == 0, setup.stderr
    assert result(setup) == "result: changed"
    assert "master br0" in sandbox.run("ip", "-o", "link", "show", "dev", NIC).stdout
    assert f" {own_lease} " in ipv4(sandbox, "br0"), (
        "br0 keeps the NIC's MAC, so DHCP gives the same lease"
    )
    assert "inet " not in ipv4(sandbox, NIC)
    assert f"default via {ROUTER} dev br0" in sandbox.run("ip", "route", "show", "default").stdout
    assert profiles(sandbox) == sorted([OWN, "br0", "br0-port-enp3s0f1"])
    assert (
        sandbox.run(
            "nmcli", "-g", "connection.autoconnect", "connection", "show", OWN
        ).stdout.strip()
        == "no"
    )

    again = sandbox.run("bash", str(bundle / "setup-bridge-lan.sh"))
    assert again.returncode == 0, again.stderr
    assert "already up" in again.stderr
    assert result(again) == "result: unchanged"  # the profiles had every property already
    assert profiles(sandbox) == sorted([OWN, "br0", "br0-port-enp3s0f1"]), "no duplicate profiles"

    # a guest on br0 gets its lease from the LAN
    sandbox.run("bash", str(bundle / "install-bridge-acl.sh"), check=True)
    vm = sandbox.run("bash", str(bundle / "launch-ubuntu1904.sh"), "--", *GUEST_ARGS, timeout=60)
    assert vm.returncode == 0, vm.stdout[-3000:] + vm.stderr
    assert (
        f"QN: LEASE ip={PINNED_IP} router={ROUTER}" in vm.stdout and "QN: RESULT PASS" in vm.stdout
    )

    # a reboot: NetworkManager starts again on reset links, and the bridge wins
    nm.reboot()
    wait_until(
        "br0 back with a lease after the reboot", lambda: f" {own_lease} " in ipv4(sandbox, "br0")
    )
    assert "master br0" in sandbox.run("ip", "-o", "link", "show", "dev", NIC).stdout

    teardown = sandbox.run("bash", str(bundle / "teardown-bridge-lan.sh"))
    assert teardown.returncode == 0, teardown.stderr
    wait_until("the NIC's own lease back", lambda: f" {own_lease} " in ipv4(sandbox, NIC))
    assert sandbox.run("ip", "link", "show", "dev", "br0").returncode != 0
    assert profiles(sandbox) == [OWN]
    assert (
        sandbox.run(
            "nmcli", "-g", "connection.autoconnect", "connection", "show", OWN
        ).stdout.strip()
        == "yes"
    )
    active = sandbox.run(
        "nmcli", "-t", "-f", "NAME,DEVICE", "connection", "show", "--active"
    ).stdout
    assert f"{OWN}:{NIC}" in active
    assert lan.dnsmasq.poll() is None

    again = sandbox.run("bash", str(bundle / "teardown-bridge-lan.sh"))
    assert again.returncode == 0 and "nothing to do" in again.stderr
