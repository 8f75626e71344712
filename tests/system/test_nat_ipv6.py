"""IPv6 on a NAT network, end to end with the real libvirtd: a host whose default route came
from a router advertisement (IPv6 forwarding, which libvirt turns on, makes the kernel ignore
the next ones unless accept_ra is 2; newer libvirt refuses to start the network then); the
setup gives that interface accept_ra=2 and starts the network; a "VM" (a namespace on
virbr0) configures itself from libvirt's router advertisements and reaches a peer outside,
masqueraded behind the host's address; the teardown takes the drop-in away."""

from __future__ import annotations

import ipaddress
import subprocess
from pathlib import Path

import yaml

from tests.system.conftest import ROOT, render_bundle
from tests.system.daemons import start_libvirtd, wait_until
from tests.system.sandbox import Sandbox, result

HOST6 = "2001:db8:1::1"
PEER6 = "2001:db8:1::2"
SUBNET6 = "fd00:122::/64"
DROPIN = "/etc/sysctl.d/60-qemu-netgen-nat-default-accept-ra.conf"
STATE = "/var/lib/qemu-netgen/nat/default.accept_ra"


def test_an_ipv6_nat_network_starts_where_routes_come_from_ra_and_masquerades(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    data = yaml.safe_load((ROOT / "profiles" / "nat.yaml").read_text())
    data["networks"]["default"].update(subnet6=SUBNET6)
    bundle = render_bundle(yaml.safe_dump(data), tmp_path / "bundle")
    sandbox.sh(
        f"""
        ip netns add inet
        ip -n inet link set lo up
        ip link add uplink0 type veth peer name inet0 netns inet
        ip addr add 198.51.100.1/24 dev uplink0
        ip addr add {HOST6}/64 dev uplink0 nodad
        ip link set uplink0 up
        ip -n inet addr add 198.51.100.2/24 dev inet0
        ip -n inet addr add {PEER6}/64 dev inet0 nodad
        ip -n inet link set inet0 up
        ip route add default via 198.51.100.2 dev uplink0
        # the default route as a router advertisement would have made it
        ip -6 route add default via {PEER6} dev uplink0 proto ra
        sysctl -qw net.ipv6.conf.uplink0.accept_ra=1
        # a namespace may start with the machine's forwarding on; libvirt checks only when off
        sysctl -qw net.ipv6.conf.all.forwarding=0
        """
    )
    start_libvirtd(sandbox, tmp_path)
    preflight = sandbox.run("bash", str(bundle / "preflight.sh")).stdout.splitlines()
    assert any(
        line.startswith("WARN  uplink0 takes router advertisements without accept_ra=2")
        and line.endswith("setup-nat-default.sh sets it (and a drop-in in /etc/sysctl.d keeps it)")
        for line in preflight
    ), preflight

    setup = sandbox.run("bash", str(bundle / "setup-nat-default.sh"))
    assert setup.returncode == 0, setup.stderr
    assert result(setup) == "result: changed"
    assert "uplink0 takes router advertisements (accept_ra=1)" in setup.stderr
    # libvirt turned IPv6 forwarding on: with accept_ra 1 the kernel would now ignore the
    # router advertisements that keep uplink0's default route
    assert sandbox.run("sysctl", "-n", "net.ipv6.conf.all.forwarding").stdout.strip() == "1"
    assert sandbox.run("sysctl", "-n", "net.ipv6.conf.uplink0.accept_ra").stdout.strip() == "2"
    assert sandbox.run("cat", DROPIN, check=True).stdout.splitlines() == [
        "# qemu-netgen: accept_ra for IPv6 network default of bundle nat",
        "net.ipv6.conf.uplink0.accept_ra = 2",
    ]
    assert (
        f" {SUBNET6.replace('/64', '1/64')} "
        in sandbox.run("ip", "-6", "-o", "addr", "show", "dev", "virbr0", check=True).stdout
    )
    again = sandbox.run("bash", str(bundle / "setup-nat-default.sh"))
    assert again.returncode == 0 and result(again) == "result: unchanged", again.stderr
    preflight = sandbox.run("bash", str(bundle / "preflight.sh")).stdout.splitlines()
    assert "PASS  uplink0 takes router advertisements with accept_ra=2" in preflight

    sandbox.sh(
        """
        ip netns add vm
        ip -n vm link set lo up
        ip link add vm-port type veth peer name eth0 netns vm
        ip netns exec vm sysctl -qw net.ipv6.conf.eth0.accept_dad=0
        ip -n vm link set eth0 up
        ip link set vm-port master virbr0
        ip link set vm-port up
        """
    )

    def vm_address() -> str:
        out = sandbox.run("ip", "-n", "vm", "-6", "-o", "addr", "show", "scope", "global").stdout
        words = out.split()
        return words[words.index("inet6") + 1].split("/")[0] if "inet6" in words else ""

    wait_until("an address from libvirt's router advertisements", lambda: vm_address() != "",
               timeout=30)  # fmt: skip
    assert vm_address().startswith("fd00:122::"), vm_address()
    listener = sandbox.start(
        "ip", "netns", "exec", "inet", "socat", "TCP6-LISTEN:8080,reuseaddr",
        "SYSTEM:echo seen $SOCAT_PEERADDR",
    )  # fmt: skip
    wait_until(
        "listener",
        lambda: ":8080 " in sandbox.run("ip", "netns", "exec", "inet", "ss", "-ltnH").stdout,
        proc=listener,
    )
    reply = sandbox.run(
        "ip", "netns", "exec", "vm", "socat", "-T", "5", "-", f"TCP6:[{PEER6}]:8080",
        stdin=subprocess.DEVNULL, check=True,
    ).stdout  # fmt: skip
    # the peer has no route to fd00:122::/64: it answered the host's address, masqueraded
    seen = reply.strip().removeprefix("seen [").removesuffix("]")
    assert ipaddress.IPv6Address(seen) == ipaddress.IPv6Address(HOST6), reply

    down = sandbox.run("bash", str(bundle / "teardown-nat-default.sh"))
    assert down.returncode == 0, down.stderr
    assert result(down) == "result: changed"
    assert sandbox.run("test", "-e", DROPIN).returncode == 1
    # libvirt leaves IPv6 forwarding on: accept_ra stays 2, and the record of its 1 with it
    assert "uplink0 keeps accept_ra=2 (it had 1) while IPv6 forwarding is on" in down.stderr
    assert sandbox.run("sysctl", "-n", "net.ipv6.conf.uplink0.accept_ra").stdout.strip() == "2"
    assert sandbox.run("cat", STATE, check=True).stdout == "uplink0 1\n"
    # once forwarding is off, the teardown run again gives uplink0 its 1 back
    sandbox.run("sysctl", "-qw", "net.ipv6.conf.all.forwarding=0", check=True)
    again = sandbox.run("bash", str(bundle / "teardown-nat-default.sh"))
    assert again.returncode == 0 and result(again) == "result: changed", again.stderr
    assert sandbox.run("sysctl", "-n", "net.ipv6.conf.uplink0.accept_ra").stdout.strip() == "1"
    assert sandbox.run("test", "-e", STATE).returncode == 1
