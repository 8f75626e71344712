"""Routed and isolated libvirt networks, end to end with the real libvirtd and the example
bundles `routed` and `isolated`. "VMs" are network namespaces on libvirt's bridges that take
their leases from its dnsmasq; a namespace on the uplink plays the LAN and its router.

Routed: the LAN reaches a VM's own address once it has the route the setup prints, and the
VM sees the LAN's real address (no masquerade). Isolated: two VMs reach each other and the
host, and nothing outside, even with a route to it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.system.conftest import ROOT, render_bundle
from tests.system.daemons import start_libvirtd, wait_until
from tests.system.sandbox import Sandbox, result

HOST = "198.51.100.1"  # the host's address on eno1, the routed network's uplink
LAN = "198.51.100.2"  # a machine on that LAN (and its router)
DROPIN = "/etc/sysctl.d/60-qemu-netgen-routed-public.conf"
UDHCPC_SCRIPT = """#!/bin/sh
case $1 in
    bound|renew)
        ip -4 addr flush dev "$interface"
        ip addr add "$ip/${mask:-24}" dev "$interface"
        [ -z "$router" ] || ip route replace default via "${router%% *}" dev "$interface"
        echo "$ip" >"$LEASE_FILE" ;;
esac
exit 0
"""


def example(name: str, tmp_path: Path) -> Path:
    return render_bundle((ROOT / "profiles" / f"{name}.yaml").read_text(), tmp_path / name)


def vm_on(box: Sandbox, tmp_path: Path, ns: str, bridge: str) -> str:
    """A namespace ``ns`` with a NIC on ``bridge``; its address, leased by libvirt's dnsmasq."""
    box.sh(
        f"""
        ip netns add {ns}
        ip -n {ns} link set lo up
        ip link add {ns}-port type veth peer name eth0 netns {ns}
        ip -n {ns} link set eth0 up
        ip link set {ns}-port master {bridge}
        ip link set {ns}-port up
        """
    )
    script = tmp_path / "udhcpc.sh"
    script.write_text(UDHCPC_SCRIPT)
    script.chmod(0o755)
    lease = tmp_path / f"lease-{ns}"
    box.run(
        "ip", "netns", "exec", ns, "env", f"LEASE_FILE={lease}",
        "busybox", "udhcpc", "-i", "eth0", "-n", "-q", "-t", "20", "-T", "1", "-A", "1",
        "-s", str(script), check=True, timeout=60,
    )  # fmt: skip
    return lease.read_text().strip()


def pings(box: Sandbox, ns: str, address: str) -> bool:
    return box.run("ip", "netns", "exec", ns, "ping", "-c", "1", "-W", "2", address).returncode == 0


def test_a_routed_network_is_reached_at_its_own_addresses_and_an_isolated_one_not_at_all(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    sandbox.sh(
        f"""
        ip netns add lan
        ip -n lan link set lo up
        ip link add eno1 type veth peer name lan0 netns lan
        ip addr add {HOST}/24 dev eno1
        ip link set eno1 up
        ip -n lan addr add {LAN}/24 dev lan0
        ip -n lan link set lan0 up
        sysctl -qw net.ipv4.ip_forward=0
        """
    )
    start_libvirtd(sandbox, tmp_path)
    routed = example("routed", tmp_path)

    setup = sandbox.run("bash", str(routed / "setup-routed-public.sh"))
    assert setup.returncode == 0, setup.stderr
    assert result(setup) == "result: changed"
    xml = sandbox.run("virsh", "net-dumpxml", "public", check=True).stdout
    assert "<forward dev='eno1' mode='route'>" in xml, xml
    assert sandbox.run("sysctl", "-n", "net.ipv4.ip_forward").stdout.strip() == "1"
    assert (
        sandbox.run("cat", DROPIN, check=True).stdout
        == (routed / "sysctl" / "60-qemu-netgen-routed-public.conf").read_text()
    )
    printed = re.search(r"ip route add (\S+) via (\S+)$", setup.stderr, re.MULTILINE)
    assert printed is not None, setup.stderr
    assert printed.groups() == ("203.0.113.0/28", HOST)
    again = sandbox.run("bash", str(routed / "setup-routed-public.sh"))
    assert again.returncode == 0, again.stderr
    assert result(again) == "result: unchanged", again.stderr

    vm = vm_on(sandbox, tmp_path, "web1", "virbr1")
    assert vm.startswith("203.0.113.")
    listener = sandbox.start(
        "ip", "netns", "exec", "web1", "socat", "TCP-LISTEN:8080,reuseaddr",
        "SYSTEM:echo seen $SOCAT_PEERADDR",
    )  # fmt: skip
    wait_until(
        "listener in web1",
        lambda: ":8080 " in sandbox.run("ip", "netns", "exec", "web1", "ss", "-ltnH").stdout,
        proc=listener,
    )
    assert not pings(sandbox, "lan", vm)  # the LAN has no route to the subnet yet
    sandbox.run("ip", "netns", "exec", "lan", *printed.group(0).split(), check=True)
    assert pings(sandbox, "lan", vm)
    reply = sandbox.run(
        "ip", "netns", "exec", "lan", "socat", "-T", "5", "-", f"TCP:{vm}:8080",
        stdin=subprocess.DEVNULL, check=True,
    ).stdout  # fmt: skip
    assert reply.strip() == f"seen {LAN}"  # the VM sees the LAN's own address: not masqueraded

    isolated = example("isolated", tmp_path)
    setup = sandbox.run("bash", str(isolated / "setup-isolated-lab.sh"))
    assert setup.returncode == 0, setup.stderr
    xml = sandbox.run("virsh", "net-dumpxml", "lab", check=True).stdout
    assert "<forward" not in xml, xml
    server = vm_on(sandbox, tmp_path, "server", "virbr2")
    client = vm_on(sandbox, tmp_path, "client", "virbr2")
    assert pings(sandbox, "client", server)
    assert pings(sandbox, "client", "10.10.10.1")  # the host
    # nothing outside, even along a route through the host, either way
    sandbox.run(
        "ip", "-n", "client", "route", "replace", "default", "via", "10.10.10.1", check=True
    )
    sandbox.run("ip", "-n", "lan", "route", "add", "10.10.10.0/24", "via", HOST, check=True)
    assert pings(sandbox, "web1", LAN)  # the routed VM goes out: the host does forward
    assert not pings(sandbox, "client", LAN)
    assert not pings(sandbox, "lan", client)
    assert not pings(sandbox, "client", vm)

    for bundle, script in (
        (isolated, "teardown-isolated-lab.sh"),
        (routed, "teardown-routed-public.sh"),
    ):
        down = sandbox.run("bash", str(bundle / script))
        assert down.returncode == 0, down.stderr
        assert result(down) == "result: changed"
    assert sandbox.run("test", "-e", DROPIN).returncode == 1
    assert sandbox.run("virsh", "net-list", "--all", "--name", check=True).stdout.strip() == ""
    for bridge in ("virbr1", "virbr2"):
        assert sandbox.run("ip", "link", "show", "dev", bridge).returncode != 0
    again = sandbox.run("bash", str(routed / "teardown-routed-public.sh"))
    assert again.returncode == 0 and result(again) == "result: unchanged", again.stderr
