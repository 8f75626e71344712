"""Port forwards into a NAT network, for real: libvirtd 9.0 (iptables backend) runs the
bundle's network; a "VM" (a network namespace on virbr0 with the VM's MAC, which takes its
fixed lease from libvirt's dnsmasq) listens on port 22; a namespace outside the host reaches
it through the host's port 2222, and so does the host itself (hairpin). The forward outlives
a network restart, a libvirtd restart and a reboot (rules gone, libvirtd started afresh, the
network autostarted: only the hook brings the forward back then, which the test shows first
without it). Teardown leaves the firewall exactly as it found it.

libvirt's nftables backend (libvirt >= 10.4, not on these machines) is proven by loading the
ruleset it builds for the same network (libvirt's own test data,
tests/networkxml2firewalldata/nat-default-linux.nftables and base.nftables, restated in nft's
syntax below), then the bundle's rules, into a namespace."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from tests.system.conftest import example_with_guest, render_bundle
from tests.system.daemons import start_libvirtd, stop_libvirtd, wait_until
from tests.system.guest import Guest
from tests.system.sandbox import Sandbox, result

HOST = "198.51.100.1"  # the host's uplink address
OUTSIDE = "198.51.100.2"
FIXED = "192.168.122.10"
VM_MAC = "00:16:3e:0c:12:78"
HOOK = "/etc/libvirt/hooks/network.d/qemu-netgen-nat-default"

UDHCPC_SCRIPT = """#!/bin/sh
case $1 in
    bound|renew)
        ip -4 addr flush dev "$interface"
        ip addr add "$ip/${mask:-24}" dev "$interface"
        ip route replace default via "${router%% *}" dev "$interface"
        echo "$ip" >"$LEASE_FILE" ;;
esac
exit 0
"""


def nat_bundle(guest: Guest, tmp_path: Path, **network: object) -> Path:
    data = yaml.safe_load(example_with_guest("nat", guest, "console=ttyS0"))
    data["networks"]["default"].update(network)
    return render_bundle(yaml.safe_dump(data), tmp_path / "bundle")


def outside_world(box: Sandbox) -> None:
    box.sh(
        f"""
        ip netns add inet
        ip -n inet link set lo up
        ip link add uplink0 type veth peer name inet0 netns inet
        ip addr add {HOST}/24 dev uplink0
        ip link set uplink0 up
        ip -n inet addr add {OUTSIDE}/24 dev inet0
        ip -n inet link set inet0 up
        ip netns add vm
        ip -n vm link set lo up
        """
    )


def attach_vm(box: Sandbox, tmp_path: Path, first: bool = True) -> None:
    """The VM's NIC on (a new) virbr0, its lease taken from libvirt's dnsmasq."""
    if first:
        box.sh(
            f"""
            ip link add vm-port type veth peer name eth0 netns vm
            ip -n vm link set eth0 address {VM_MAC}
            ip -n vm link set eth0 up
            """
        )
        script = tmp_path / "udhcpc.sh"
        script.write_text(UDHCPC_SCRIPT)
        script.chmod(0o755)
    box.sh("ip link set vm-port master virbr0 && ip link set vm-port up")
    lease = tmp_path / "lease"
    lease.unlink(missing_ok=True)
    box.run(
        "ip", "netns", "exec", "vm", "env", f"LEASE_FILE={lease}",
        "busybox", "udhcpc", "-i", "eth0", "-n", "-q", "-t", "20", "-T", "1", "-A", "1",
        "-s", str(tmp_path / "udhcpc.sh"),
        check=True, timeout=60,
    )  # fmt: skip
    assert lease.read_text().strip() == FIXED  # the VM's fixed lease


def listen(box: Sandbox, ns: str, port: int, reply: str) -> subprocess.Popen[str]:
    proc = box.start(
        "ip", "netns", "exec", ns, "socat", f"TCP-LISTEN:{port},fork,reuseaddr",
        f"SYSTEM:echo {reply}",
    )  # fmt: skip
    wait_until(
        f"listener on {port} in {ns}",
        lambda: f":{port} " in box.run("ip", "netns", "exec", ns, "ss", "-ltnH").stdout,
        proc=proc,
    )
    return proc


def connect(box: Sandbox, ns: str | None, address: str, port: int) -> str:
    """What a TCP connection from ``ns`` (None: the host) reads, or "" when it fails."""
    prefix = ("ip", "netns", "exec", ns) if ns else ()
    result = box.run(
        *prefix, "socat", "-T", "3", "-", f"TCP:{address}:{port},connect-timeout=3",
        stdin=subprocess.DEVNULL, timeout=20,
    )  # fmt: skip
    return result.stdout.strip() if result.returncode == 0 else ""


def forwarded(box: Sandbox) -> bool:
    return connect(box, "inet", HOST, 2222) == "vm-22"


def firewall(box: Sandbox) -> str:
    """iptables-save without its timestamps and counters, and nft's ruleset without its
    counters: the whole firewall, whichever backend libvirt uses."""
    text = box.run("iptables-save", check=True).stdout
    rules = "\n".join(
        line.split(" [")[0] if line.startswith(":") else line
        for line in text.splitlines()
        if not line.startswith("#")
    )
    # nft's own tables (iptables-nft's filter, nat, ... are in iptables-save already, and
    # nft lists their chains in the order they were made, not by meaning)
    tables = box.run("nft", "list", "tables", check=True).stdout.split("\n")
    for line in sorted(tables):
        words = line.split()
        if len(words) == 3 and words[2] not in ("filter", "nat", "mangle", "raw", "security"):
            rules += box.run("nft", "-s", "list", "table", words[1], words[2], check=True).stdout
    return rules


def marked(text: str) -> bool:
    """Whether the bundle's chains, table or marked rules are in ``text``."""
    return any(mark in text for mark in ("QN-", "qemu-netgen", "qemu_netgen"))


def restart_libvirtd(
    box: Sandbox, proc: subprocess.Popen[str], tmp_path: Path
) -> subprocess.Popen[str]:
    before = box.run("cat", "/run/libvirtd.pid", check=True).stdout
    stop_libvirtd(box, proc)
    started = start_libvirtd(box, tmp_path, configured=True)
    assert box.run("cat", "/run/libvirtd.pid", check=True).stdout != before
    return started


def test_forward_reaches_the_vm_and_survives_restarts_and_a_reboot(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    bundle = nat_bundle(guest, tmp_path, domain="lab")
    outside_world(sandbox)
    daemon = start_libvirtd(sandbox, tmp_path)
    # libvirt makes its own chains with its first network and keeps them: the firewall
    # "before" is that of a host where libvirt has run a network
    throwaway = tmp_path / "throwaway.xml"
    throwaway.write_text(
        "<network><name>t</name><forward mode='nat'/><bridge name='virbr9'/>"
        "<ip address='10.99.0.1' netmask='255.255.255.0'/></network>\n"
    )
    sandbox.sh(f"virsh net-create {throwaway} && virsh net-destroy t")
    before = firewall(sandbox)

    setup = sandbox.run("bash", str(bundle / "setup-nat-default.sh"))
    assert setup.returncode == 0, setup.stderr
    assert f"hook {HOOK} installed" in setup.stderr
    assert "the port forwards of default are in place" in setup.stderr
    attach_vm(sandbox, tmp_path)
    listen(sandbox, "vm", 22, "vm-22")
    listen(sandbox, "vm", 23, "vm-23")

    assert forwarded(sandbox)
    assert connect(sandbox, None, HOST, 2222) == "vm-22"  # the host itself (hairpin)
    assert connect(sandbox, "inet", HOST, 2223) == ""  # not forwarded
    # a VM's own traffic to its gateway (an address of the host) is not forwarded
    assert connect(sandbox, "vm", "192.168.122.1", 2222) == ""
    # the VM's name, from the network's dnsmasq (the runbook's resolver lines point at it)
    for name in ("ubuntu1904", "ubuntu1904.lab"):
        answer = sandbox.run(
            "busybox", "nslookup", "-type=a", name, "192.168.122.1", check=True
        ).stdout
        assert f"Address: {FIXED}" in answer, answer
    # the forwarded connection is the only way in: the VM's port 23 stays unreachable
    sandbox.sh(f"ip -n inet route add 192.168.122.0/24 via {HOST}")
    assert connect(sandbox, "inet", FIXED, 22) == ""  # libvirt's reject, still in place
    assert connect(sandbox, "inet", FIXED, 23) == ""
    sandbox.sh(f"ip -n inet route del 192.168.122.0/24 via {HOST}")

    # the setup's rules sit above libvirt's (in FORWARD; or in libvirt's own nftables table
    # where this libvirt uses that backend), and a second run changes nothing
    hook = bundle / "libvirt" / "hooks" / "qemu-netgen-nat-default"
    backend = sandbox.run("bash", str(hook), "--status", check=True).stdout.splitlines()[0]
    print(backend)
    rules = firewall(sandbox)
    if backend.endswith("iptables"):
        forward = [line for line in rules.splitlines() if line.startswith("-A FORWARD")]
        assert "qemu-netgen nat/default" in forward[0], forward
    else:
        cross = sandbox.run("nft", "list", "chain", "ip", "libvirt_network", "guest_cross")
        assert "qemu-netgen nat/default" in cross.stdout
    again = sandbox.run("bash", str(bundle / "setup-nat-default.sh"))
    assert again.returncode == 0, again.stderr
    assert f"hook {HOOK} unchanged" in again.stderr
    assert result(again) == "result: unchanged"  # the hook rebuilt its chains as they were
    assert firewall(sandbox) == rules

    # the network restarted: a new virbr0 (the VM's NIC joins it again). libvirtd took the
    # hook in when setup reloaded it: "stopped" takes the rules away, "started" brings them
    sandbox.run("virsh", "net-destroy", "default", check=True)
    assert not marked(firewall(sandbox))
    sandbox.run("virsh", "net-start", "default", check=True)
    assert firewall(sandbox) == rules
    attach_vm(sandbox, tmp_path, first=False)
    assert forwarded(sandbox)

    # libvirtd restarted
    daemon = restart_libvirtd(sandbox, daemon, tmp_path)
    assert forwarded(sandbox)
    sandbox.sh("virsh net-destroy default && virsh net-start default")
    attach_vm(sandbox, tmp_path, first=False)
    assert forwarded(sandbox)

    def reboot() -> subprocess.Popen[str]:
        """Everything that does not survive a reboot goes; libvirtd starts afresh and
        autostarts the network."""
        stop_libvirtd(sandbox, daemon)
        sandbox.sh(
            """
            kill "$(cat /run/libvirt/network/default.pid)"
            ip link del virbr0
            rm -rf /run/libvirt
            for table in filter nat mangle; do iptables -t "$table" -F; iptables -t "$table" -X; done
            nft flush ruleset
            """
        )
        started = start_libvirtd(sandbox, tmp_path, configured=True)
        wait_until(
            "network default autostarted",
            lambda: sandbox.run("test", "-d", "/sys/class/net/virbr0/bridge").returncode == 0,
        )
        attach_vm(sandbox, tmp_path, first=False)
        return started

    # the premise: without the hook, a reboot loses the forward
    sandbox.run("mv", HOOK, str(tmp_path / "hook-aside"), check=True)
    daemon = reboot()
    assert not forwarded(sandbox)
    sandbox.run("mv", str(tmp_path / "hook-aside"), HOOK, check=True)
    daemon = reboot()
    assert forwarded(sandbox)
    assert connect(sandbox, None, HOST, 2222) == "vm-22"

    teardown = sandbox.run("bash", str(bundle / "teardown-nat-default.sh"))
    assert teardown.returncode == 0, teardown.stderr
    assert sandbox.run("test", "-e", HOOK).returncode == 1
    assert firewall(sandbox) == before


# libvirt's nftables ruleset for network default (virbr0, 192.168.122.0/24, NAT), as its
# nftables backend builds it: the chains of base.nftables, the rules of
# nat-default-linux.nftables (each inserted at the top, so the last inserted comes first)
LIBVIRT_NFT = """
table ip libvirt_network {
  chain forward {
    type filter hook forward priority 0; policy accept;
    counter jump guest_cross
    counter jump guest_input
    counter jump guest_output
  }
  chain guest_output {
    ip saddr 192.168.122.0/24 iif "virbr0" counter accept
    iif "virbr0" counter reject
  }
  chain guest_input {
    oif "virbr0" ip daddr 192.168.122.0/24 ct state related,established counter accept
    oif "virbr0" counter reject
  }
  chain guest_cross {
    iif "virbr0" oif "virbr0" counter accept
  }
  chain guest_nat {
    type nat hook postrouting priority 100; policy accept;
    ip saddr 192.168.122.0/24 ip daddr 224.0.0.0/24 counter return
    ip saddr 192.168.122.0/24 ip daddr 255.255.255.255/32 counter return
    meta l4proto tcp ip saddr 192.168.122.0/24 ip daddr != 192.168.122.0/24 counter masquerade to :1024-65535
    meta l4proto udp ip saddr 192.168.122.0/24 ip daddr != 192.168.122.0/24 counter masquerade to :1024-65535
    ip saddr 192.168.122.0/24 ip daddr != 192.168.122.0/24 counter masquerade
  }
  chain postroute_mangle {
    type filter hook postrouting priority 0; policy accept;
  }
}
"""


def test_forward_on_libvirts_nftables_backend(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    bundle = nat_bundle(guest, tmp_path)
    hook = bundle / "libvirt" / "hooks" / "qemu-netgen-nat-default"
    outside_world(sandbox)
    sandbox.sh(
        """
        sysctl -qw net.ipv4.ip_forward=1
        ip link add virbr0 type bridge
        ip addr add 192.168.122.1/24 dev virbr0
        ip link set virbr0 up
        ip link add vm-port type veth peer name eth0 netns vm
        ip link set vm-port master virbr0 up
        ip -n vm addr add 192.168.122.10/24 dev eth0
        ip -n vm link set eth0 up
        ip -n vm route add default via 192.168.122.1
        """
    )
    ruleset = tmp_path / "libvirt.nft"
    ruleset.write_text(LIBVIRT_NFT)
    sandbox.run("nft", "-f", str(ruleset), check=True)
    before = sandbox.run("nft", "-s", "list", "ruleset", check=True).stdout
    listen(sandbox, "vm", 22, "vm-22")
    listen(sandbox, "vm", 23, "vm-23")

    # the premise: a DNAT of the host's port alone is rejected by libvirt's guest_input
    sandbox.sh(
        "nft add table ip probe && nft 'add chain ip probe pre { type nat hook prerouting "
        "priority dstnat; }' && nft add rule ip probe pre tcp dport 2222 dnat to 192.168.122.10:22"
    )
    assert not forwarded(sandbox)
    sandbox.run("nft", "delete", "table", "ip", "probe", check=True)

    status = sandbox.run("bash", str(hook), "--status", check=True).stdout
    assert "firewall backend of libvirt's networks: nftables" in status
    sandbox.run("bash", str(hook), "--apply", check=True)
    assert forwarded(sandbox)
    assert connect(sandbox, None, HOST, 2222) == "vm-22"  # hairpin
    assert connect(sandbox, "inet", HOST, 2223) == ""
    listing = sandbox.run(
        "nft", "-a", "list", "chain", "ip", "libvirt_network", "guest_cross", check=True
    ).stdout
    assert 'comment "qemu-netgen nat/default"' in listing, listing
    # no iptables rules on an nftables host
    assert "QN-" not in sandbox.run("iptables-save", check=True).stdout

    applied = sandbox.run("nft", "-s", "list", "ruleset", check=True).stdout
    sandbox.run("bash", str(hook), "--apply", check=True)
    assert sandbox.run("nft", "-s", "list", "ruleset", check=True).stdout == applied  # idempotent

    # libvirt's daemon starts again (a restart, or socket-activated virtnetworkd after an
    # idle exit): it takes its rules out and inserts them again at the top of its chains, and
    # calls no hook. The accept in guest_cross is entered before guest_input's reject wherever
    # it is in guest_cross.
    sandbox.sh(
        """
        for chain in guest_input guest_cross guest_output; do
            for h in $(nft -a list chain ip libvirt_network $chain | awk '/counter/ && !/qemu-netgen/ { print $NF }'); do
                nft delete rule ip libvirt_network $chain handle "$h"
            done
        done
        nft insert rule ip libvirt_network guest_output iif virbr0 counter reject
        nft insert rule ip libvirt_network guest_input oif virbr0 counter reject
        nft insert rule ip libvirt_network guest_cross iif virbr0 oif virbr0 counter accept
        nft insert rule ip libvirt_network guest_output ip saddr 192.168.122.0/24 iif virbr0 counter accept
        nft insert rule ip libvirt_network guest_input oif virbr0 ip daddr 192.168.122.0/24 ct state related,established counter accept
        """
    )
    assert forwarded(sandbox)
    # libvirt starts the network at boot: its table is new; the hook ("started") applies
    hooked = sandbox.run(
        "bash", str(hook), "default", "started", "begin", "-", input="<hookData/>", check=True
    )
    assert hooked.stderr == ""
    assert forwarded(sandbox)
    # another network's events are not this hook's
    sandbox.run("bash", str(hook), "other", "stopped", "end", "-", input="", check=True)
    assert forwarded(sandbox)

    sandbox.run("bash", str(hook), "default", "stopped", "end", "-", input="", check=True)
    assert not forwarded(sandbox)
    sandbox.run("bash", str(hook), "--apply", check=True)
    sandbox.run("bash", str(hook), "--remove", check=True)
    assert sandbox.run("nft", "-s", "list", "ruleset", check=True).stdout == before

    # the same accept in guest_input, where libvirt's reject is, works only while on top
    sandbox.sh(
        "nft insert rule ip libvirt_network guest_input oif virbr0 ip daddr 192.168.122.10 "
        "tcp dport 22 ct status dnat accept && "
        "nft add table ip probe && nft 'add chain ip probe pre { type nat hook prerouting "
        "priority dstnat; }' && nft add rule ip probe pre tcp dport 2222 dnat to 192.168.122.10:22"
    )
    assert forwarded(sandbox)  # at the top, it works ...
    sandbox.sh(
        "nft insert rule ip libvirt_network guest_input oif virbr0 ip daddr 192.168.122.0/24 "
        "ct state related,established counter accept && "
        "nft insert rule ip libvirt_network guest_input oif virbr0 counter reject"
    )
    assert not forwarded(sandbox)  # ... until libvirt inserts its rules again


def test_a_failing_hook_says_so_and_never_fails_the_network(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """libvirt fails a network's start when a hook fails, so the hook returns 0 always; a
    failure part-way is still reported (it runs its action where set -e applies)."""
    bundle = nat_bundle(guest, tmp_path)
    hook = bundle / "libvirt" / "hooks" / "qemu-netgen-nat-default"
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "iptables").write_text(
        '#!/bin/sh\ncase "$*" in *DNAT*) echo "iptables: no DNAT today" >&2; exit 1 ;; esac\n'
        'exec /usr/sbin/iptables "$@"\n'
    )
    (shim / "iptables").chmod(0o755)
    path = f"{shim}:/usr/sbin:/usr/bin:/sbin:/bin"
    called = sandbox.run(
        "env", f"PATH={path}", "bash", str(hook), "default", "started", "begin", "-", input=""
    )
    assert called.returncode == 0
    assert "the forwards of network default failed to apply" in called.stderr
    assert "iptables: no DNAT today" in called.stderr
    by_hand = sandbox.run("env", f"PATH={path}", "bash", str(hook), "--apply")
    assert by_hand.returncode == 1 and "no DNAT today" in by_hand.stderr


def test_setup_leaves_another_bundles_hook_of_the_same_name_alone(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """Bundle a-b's network c and bundle a's network b-c would both install
    qemu-netgen-a-b-c: the hook's marker line tells them apart, before anything changes."""
    bundle = nat_bundle(guest, tmp_path)
    start_libvirtd(sandbox, tmp_path)
    sandbox.sh(
        f"""
        mkdir -p /etc/libvirt/hooks/network.d
        printf '#!/bin/sh\\n# another\\n# bundle\\n# qemu-netgen hook of network x, bundle y\\nexit 0\\n' >{HOOK}
        chmod 755 {HOOK}
        """
    )
    foreign = sandbox.run("cat", HOOK, check=True).stdout
    setup = sandbox.run("bash", str(bundle / "setup-nat-default.sh"))
    assert setup.returncode == 1
    assert f"{HOOK} exists and is not this bundle's hook" in setup.stderr
    assert sandbox.run("virsh", "net-info", "default").returncode != 0  # nothing changed
    teardown = sandbox.run("bash", str(bundle / "teardown-nat-default.sh"))
    assert teardown.returncode == 0 and "is not this bundle's hook" in teardown.stderr
    assert sandbox.run("cat", HOOK, check=True).stdout == foreign


DISPATCHER = "/etc/libvirt/hooks/network"


def test_an_old_libvirt_gets_a_dispatcher(sandbox: Sandbox, guest: Guest, tmp_path: Path) -> None:
    """libvirt before 6.5 runs only /etc/libvirt/hooks/network: the setup installs a
    dispatcher there that runs the hooks folder (this libvirt 9.0 plays an old one), leaves an
    operator's own file alone, and the teardown removes only its own, when no hook is left."""
    bundle = nat_bundle(guest, tmp_path)
    hook = bundle / "libvirt" / "hooks" / "qemu-netgen-nat-default"
    outside_world(sandbox)
    start_libvirtd(sandbox, tmp_path)
    old = ("env", "QEMU_NETGEN_LIBVIRT_VERSION=6.0.0")
    setup = sandbox.run(*old, "bash", str(bundle / "setup-nat-default.sh"))
    assert setup.returncode == 0, setup.stderr
    assert f"libvirt 6.0.0 runs only {DISPATCHER}: installed the dispatcher" in setup.stderr
    attach_vm(sandbox, tmp_path)
    listen(sandbox, "vm", 22, "vm-22")
    assert forwarded(sandbox)
    # what libvirt would do at boot: the dispatcher runs the bundle's hook
    sandbox.run("bash", str(hook), "--remove", check=True)
    assert not forwarded(sandbox)
    dispatched = sandbox.run(DISPATCHER, "default", "started", "begin", "-", input="<x/>")
    assert dispatched.returncode == 0, dispatched.stderr
    assert forwarded(sandbox)
    again = sandbox.run(*old, "bash", str(bundle / "setup-nat-default.sh"))
    assert "the dispatcher there is in place" in again.stderr
    # libvirt upgraded past 6.5 runs the folder itself: the dispatcher would run it twice
    upgraded = sandbox.run("bash", str(bundle / "setup-nat-default.sh"))
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"removed the dispatcher {DISPATCHER}" in upgraded.stderr
    assert sandbox.run("test", "-e", DISPATCHER).returncode == 1
    sandbox.run(*old, "bash", str(bundle / "setup-nat-default.sh"), check=True)

    teardown = sandbox.run("bash", str(bundle / "teardown-nat-default.sh"))
    assert teardown.returncode == 0, teardown.stderr
    assert sandbox.run("test", "-e", DISPATCHER).returncode == 1
    assert sandbox.run("test", "-e", HOOK).returncode == 1

    # libvirt still starts networks: it found no hook file gone missing
    throwaway = tmp_path / "t.xml"
    throwaway.write_text("<network><name>t</name><bridge name='virbr9'/></network>\n")
    created = sandbox.run("virsh", "net-create", str(throwaway))
    assert created.returncode == 0, created.stderr
    sandbox.run("virsh", "net-destroy", "t", check=True)

    own_file = tmp_path / "own-hook"
    own_file.write_text("#!/bin/sh\n# the operator's own\nexit 0\n")
    sandbox.run("install", "-m", "0755", str(own_file), DISPATCHER, check=True)
    own = sandbox.run("cat", DISPATCHER, check=True).stdout
    setup = sandbox.run(*old, "bash", str(bundle / "setup-nat-default.sh"))
    assert setup.returncode == 0, setup.stderr
    assert f"{DISPATCHER}, which is not qemu-netgen's" in setup.stderr
    attach_vm(sandbox, tmp_path, first=False)  # the new network's new virbr0
    assert forwarded(sandbox)  # applied now all the same
    sandbox.run("bash", str(bundle / "teardown-nat-default.sh"), check=True)
    assert sandbox.run("cat", DISPATCHER, check=True).stdout == own
