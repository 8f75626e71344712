"""Persistent bridges on netplan, systemd-networkd and ifupdown, end to end: the real tools
in the sandbox, a live uplink (IPv4 and IPv6 addresses, a default route, a policy-routing
table, static neighbours) moved onto the bridge and back while the LAN probes the host
every 2 ms, a "reboot" of the stack, the lock-out guard, and a guest on the bridge."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.system.conftest import GUEST_ARGS, example_with_guest, render_bundle
from tests.system.daemons import Networkd
from tests.system.guest import Guest
from tests.system.lan import (
    HOST_IP,
    NIC,
    PINNED_IP,
    REMOTE,
    ROUTER,
    Probes,
    bridged,
    make_lan,
    no_outage,
)
from tests.system.sandbox import Sandbox, result

GUEST_MAC = "00:16:3e:0c:12:78"  # the example profiles'
HOST6, ROUTER6 = "2001:db8:1::2", "2001:db8:1::1"
RUNS = int(os.environ.get("QN_RUNS", "5"))  # setups and teardowns measured per stack
STACKS = ("networkd", "netplan", "ifupdown")


class Stack:
    """The host's network stack in the sandbox, as it runs before a bundle comes."""

    def __init__(self, box: Sandbox, workdir: Path, name: str) -> None:
        self.box, self.name = box, name
        self.networkd: Networkd | None = None
        if name in ("networkd", "netplan"):
            self.networkd = Networkd(box, workdir)
        else:
            box.sh("mkdir -p /run/network")

    def reboot(self) -> None:
        """What a boot gives: no bridge, a bare NIC, the stack starting from its files."""
        if self.networkd is not None:
            self.networkd.stop()
        self.box.sh(
            f"""
            ip link del br0 2>/dev/null || true
            ip addr flush dev {NIC}
            ip link set {NIC} down
            ip link set {NIC} up
            """
        )
        if self.name == "netplan":
            self.box.sh("rm -rf /run/systemd/network\nnetplan generate")
        if self.networkd is not None:
            self.networkd.start()
        else:
            self.box.sh("rm -f /run/network/ifstate\nifup -a")

    def configured(self) -> bool:
        if self.networkd is None:
            state = self.box.run("cat", "/run/network/ifstate").stdout
            return "br0=br0" in state.splitlines()
        return self.networkd.state("br0") == "configured"


def host_state(box: Sandbox) -> str:
    """What teardown must give back exactly: the NIC's addresses (both families, with
    their flags), every route of every table in both families, the permanent neighbours."""
    out = []
    for argv in (
        ("ip", "-d", "-o", "addr", "show", "dev", NIC),
        ("ip", "-4", "route", "show", "table", "all"),
        ("ip", "-6", "route", "show", "table", "all"),
        ("ip", "neigh", "show", "nud", "permanent"),
        ("ip", "-d", "-o", "link", "show", "dev", NIC),
    ):
        text = box.run(*argv, check=True).stdout
        # lifetimes count down; the rest must be equal
        out.append("\n".join(line.split(" valid_lft")[0] for line in text.splitlines()))
    # the NIC's settings systemd-networkd changes on a port it manages
    settings = " ".join(
        f"/proc/sys/net/{family}/conf/{NIC}/{name}"
        for family, name in (
            ("ipv6", "accept_ra"),
            ("ipv6", "use_tempaddr"),
            ("ipv6", "proxy_ndp"),
            ("ipv6", "disable_ipv6"),
            ("ipv6", "accept_dad"),
            ("ipv4", "promote_secondaries"),
        )
    )
    out.append(box.sh(f"grep -H . {settings}").stdout)
    return "\n".join(out)


def live_uplink(box: Sandbox) -> None:
    """The host before the bundle: beside the LAN's IPv4 address and default route, an
    IPv6 address and default route, a policy-routing table and static neighbours."""
    box.sh(
        f"""
        ip -n lan -6 addr add {ROUTER6}/64 dev lan0 nodad
        ip -6 addr add {HOST6}/64 dev {NIC} nodad
        ip -6 route add default via {ROUTER6} dev {NIC} metric 1024
        ip route add 10.60.0.0/16 via 10.99.0.254 dev {NIC} table 100
        ip neigh add 10.99.0.77 lladdr 02:00:00:00:00:77 dev {NIC} nud permanent
        ip -6 neigh add 2001:db8:1::77 lladdr 02:00:00:00:00:77 dev {NIC} nud permanent
        for _ in $(seq 100); do
            [[ -n $(ip -6 addr show dev {NIC} scope link) && -z $(ip -6 addr show dev {NIC} tentative) ]] && break
            sleep 0.05
        done
        ip netns exec lan ping -6 -c1 -W2 {HOST6} >/dev/null
        """
    )


def profile_for(stack: str, guest: Guest) -> str:
    text = example_with_guest(
        f"bridge-{stack}",
        guest,
        f"console=ttyS0 panic=-1 qn.mode=dhcp qn.ping={ROUTER},{REMOTE}",
    )
    data = yaml.safe_load(text)
    data["host"] = {"distro": "debian"}
    data["networks"]["lan"]["address"] = {"cidr": f"{HOST_IP}/24", "gateway": ROUTER}
    return yaml.safe_dump(data, sort_keys=False)


def measured(box: Sandbox, script: Path, *args: str) -> list[int]:
    probes = Probes(box, v6=HOST6)
    result = box.run("bash", str(script), *args)
    lost = probes.lost()
    assert result.returncode == 0, result.stdout + result.stderr
    return lost


@pytest.fixture(params=STACKS)
def stack(request: pytest.FixtureRequest, sandbox: Sandbox, tmp_path: Path) -> Iterator[Stack]:
    make_lan(sandbox, tmp_path, pin_mac=GUEST_MAC)
    live_uplink(sandbox)
    yield Stack(sandbox, tmp_path, request.param)


def test_zero_loss_setup_and_teardown(
    stack: Stack, sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    bundle = render_bundle(profile_for(stack.name, guest), tmp_path / "bundle")
    setup, teardown = bundle / "setup-bridge-lan.sh", bundle / "teardown-bridge-lan.sh"
    installed = {
        "networkd": "/etc/systemd/network/10-br0.netdev",
        "netplan": "/etc/netplan/60-qemu-netgen-lan.yaml",
        "ifupdown": "/etc/network/interfaces.d/qemu-netgen-lan",
    }[stack.name]
    before = host_state(sandbox)
    # a dry run prints every command and every file, with the NIC's MAC, and changes nothing
    listing = "ls -AR /etc/netplan /etc/systemd/network /etc/network /run 2>/dev/null"
    files_before = sandbox.sh(listing, check=False).stdout
    dry = sandbox.run("bash", str(setup), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert f"cat >{installed} <<'QEMU_NETGEN_EOF'" in dry.stdout, dry.stdout
    assert "02:e2:e0:00:00:02" in dry.stdout and "@UPLINK_MAC@" not in dry.stdout
    assert "ip link set dev enp3s0f1 master br0" in dry.stdout
    assert host_state(sandbox) == before
    assert sandbox.sh(listing, check=False).stdout == files_before
    losses = []
    for run in range(RUNS):
        lost_up = measured(sandbox, setup)
        assert bridged(sandbox)
        assert f" {HOST_IP}/24 " in sandbox.run("ip", "-o", "addr", "show", "dev", "br0").stdout
        assert f" {HOST6}/64 " in sandbox.run("ip", "-o", "addr", "show", "dev", "br0").stdout
        assert "inet " not in sandbox.run("ip", "-4", "-o", "addr", "show", "dev", NIC).stdout
        assert (
            "10.60.0.0/16 via 10.99.0.254 dev br0"
            in sandbox.run("ip", "route", "show", "table", "100").stdout
        )
        if run == 0:
            # what the stack keeps as it adopts the bridge: routes, static neighbours
            time.sleep(1)
            assert "10.60.0.0/16" in sandbox.run("ip", "route", "show", "table", "100").stdout
            neigh = sandbox.run("ip", "neigh", "show", "dev", "br0", "nud", "permanent").stdout
            assert "10.99.0.77 " in neigh and "2001:db8:1::77 " in neigh, neigh
            assert f"default via {ROUTER} dev br0" in sandbox.run("ip", "route").stdout
        assert sandbox.run("test", "-f", installed).returncode == 0
        if run == 0:
            # networkd calls a link configured once router discovery gave up (~9 s)
            deadline = time.monotonic() + 20
            while not stack.configured() and time.monotonic() < deadline:
                time.sleep(0.1)
            assert stack.configured(), f"{stack.name} did not take over br0"
            # the stack found nothing to change: a second setup is a no-op
            state = (
                host_state(sandbox) + sandbox.run("ip", "-o", "addr", "show", "dev", "br0").stdout
            )
            again = sandbox.run("bash", str(setup))
            assert again.returncode == 0 and "nothing to do" in again.stderr, again.stderr
            assert result(again) == "result: unchanged"
            assert (
                host_state(sandbox) + sandbox.run("ip", "-o", "addr", "show", "dev", "br0").stdout
                == state
            )
        lost_down = measured(sandbox, teardown)
        assert not bridged(sandbox)
        assert sandbox.run("ip", "link", "show", "dev", "br0").returncode != 0
        assert host_state(sandbox) == before
        assert sandbox.run("test", "-e", installed).returncode != 0
        losses.append((lost_up, lost_down))
    print(
        f"{stack.name}: lost (lan->host v4, host->remote, lan->host v6) per run, setup/teardown: {losses}"
    )
    assert no_outage(*(lost for run in losses for lost in run)), losses
    again = sandbox.run("bash", str(teardown))
    assert again.returncode == 0 and "nothing to do" in again.stderr, again.stderr
    assert result(again) == "result: unchanged"


def test_reboot_guest_and_lockout(
    stack: Stack, sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    bundle = render_bundle(profile_for(stack.name, guest), tmp_path / "bundle")
    setup, teardown = bundle / "setup-bridge-lan.sh", bundle / "teardown-bridge-lan.sh"
    before = host_state(sandbox)
    over_uplink = {**os.environ, "SSH_CONNECTION": f"{REMOTE} 50022 {HOST_IP} 22"}

    # the lock-out guard: refused, then rolled back by itself when --confirm does not come
    refused = sandbox.run("bash", str(setup), env=over_uplink)
    assert refused.returncode == 1 and "locked out" in refused.stderr, refused.stderr
    timed = sandbox.run("bash", str(setup), "--confirm-within", "2", env=over_uplink)
    assert timed.returncode == 0, timed.stderr
    assert bridged(sandbox)
    deadline = time.monotonic() + 15
    while bridged(sandbox) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)
    assert not bridged(sandbox)
    assert host_state(sandbox) == before
    files = sandbox.run(
        "sh", "-c", "ls /etc/netplan /etc/systemd/network /etc/network/interfaces.d 2>/dev/null"
    ).stdout
    assert "qemu-netgen" not in files and "br0" not in files, files

    # set up for good, then a reboot: the stack alone brings the bridge back
    assert sandbox.run("bash", str(setup), "--confirm-within", "2", env=over_uplink).returncode == 0
    assert sandbox.run("bash", str(setup), "--confirm").returncode == 0
    time.sleep(3)
    assert bridged(sandbox)
    stack.reboot()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        addrs = sandbox.run("ip", "-4", "-o", "addr", "show", "dev", "br0").stdout
        if bridged(sandbox) and f" {HOST_IP}/24 " in addrs:
            break
        time.sleep(0.2)
    assert bridged(sandbox), f"after the reboot {NIC} is not in br0"
    assert f" {HOST_IP}/24 " in sandbox.run("ip", "-4", "-o", "addr", "show", "dev", "br0").stdout
    mac = sandbox.run("cat", f"/sys/class/net/{NIC}/address").stdout
    assert sandbox.run("cat", "/sys/class/net/br0/address").stdout == mac
    deadline = time.monotonic() + 10
    while (
        sandbox.run("ip", "route", "show", "default").stdout.strip()
        != f"default via {ROUTER} dev br0"
        and time.monotonic() < deadline
    ):
        time.sleep(0.2)
    assert (
        sandbox.run("ip", "route", "show", "default")
        .stdout.strip()
        .startswith(f"default via {ROUTER} dev br0")
    )

    # a guest on the bridge gets its lease from the LAN
    sandbox.run("bash", str(bundle / "install-bridge-acl.sh"), check=True)
    vm = sandbox.run("bash", str(bundle / "launch-ubuntu1904.sh"), "--", *GUEST_ARGS, timeout=90)
    assert vm.returncode == 0, vm.stdout[-3000:] + vm.stderr
    assert f"QN: LEASE ip={PINNED_IP} router={ROUTER}" in vm.stdout
    assert "QN: RESULT PASS" in vm.stdout

    down = sandbox.run("bash", str(teardown))
    assert down.returncode == 0, down.stderr
    assert not bridged(sandbox)
    assert f" {HOST_IP}/24 " in sandbox.run("ip", "-4", "-o", "addr", "show", "dev", NIC).stdout


CONFLICTS = {
    # stack: (what the host has, what setup and preflight say)
    "networkd": (
        "printf '[Match]\\nName=enp3s*\\n[Network]\\nDHCP=yes\\n' >/etc/systemd/network/05-wired.network",
        "/etc/systemd/network/05-wired.network takes enp3s0f1 before 10-enp3s0f1.network does",
    ),
    "netplan": (
        "printf 'network:\\n  version: 2\\n  ethernets:\\n    enp3s0f1:\\n      dhcp4: true\\n'"
        " >/etc/netplan/50-cloud-init.yaml; chmod 600 /etc/netplan/50-cloud-init.yaml",
        "/etc/netplan/50-cloud-init.yaml names enp3s0f1 too",
    ),
    "ifupdown": (
        "printf 'allow-hotplug enp3s0f1\\niface enp3s0f1 inet dhcp\\n' >>/etc/network/interfaces",
        "/etc/network/interfaces:4: allow-hotplug enp3s0f1",
    ),
}


def test_setup_refuses_what_the_host_shows(
    stack: Stack, sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """A file of the stack that claims the uplink, another stack that has it: setup refuses
    before it changes anything, and preflight fails with the same words."""
    bundle = render_bundle(profile_for(stack.name, guest), tmp_path / "bundle")
    setup = str(bundle / "setup-bridge-lan.sh")
    listing = (
        "ls -A /etc/netplan /etc/systemd/network /etc/network/interfaces.d /run/network 2>/dev/null"
    )
    files_before = sandbox.sh(listing, check=False).stdout

    def refused(why: str) -> None:
        before = host_state(sandbox)  # as the host is now, with the conflict in place
        result = sandbox.run("bash", setup)
        assert result.returncode == 1, result.stderr
        assert why in result.stderr, result.stderr
        assert host_state(sandbox) == before and not bridged(sandbox)
        preflight = sandbox.run("bash", str(bundle / "preflight.sh"))
        assert preflight.returncode == 1
        assert "FAIL  " in preflight.stdout and why in preflight.stdout, preflight.stdout

    host_file, why = CONFLICTS[stack.name]
    sandbox.sh(host_file)
    refused(why)
    sandbox.sh(
        "rm -f /etc/systemd/network/05-wired.network /etc/netplan/50-cloud-init.yaml\n"
        "sed -i '/enp3s0f1/d' /etc/network/interfaces"
    )
    assert sandbox.sh(listing, check=False).stdout == files_before, "setup wrote files"
    # another stack has the uplink up
    if stack.name == "ifupdown":
        Networkd(sandbox, tmp_path)
        sandbox.sh(
            "printf '[Match]\\nName=enp3s0f1\\n[Network]\\nAddress=10.99.0.2/24\\nKeepConfiguration=yes\\n'"
            " >/etc/systemd/network/20-wired.network\nnetworkctl reload"
        )
        time.sleep(1)
        refused("systemd-networkd configures enp3s0f1 from /etc/systemd/network/20-wired.network")
        sandbox.sh("rm /etc/systemd/network/20-wired.network\nnetworkctl reload")
    else:
        sandbox.sh("mkdir -p /run/network\necho enp3s0f1=enp3s0f1 >>/run/network/ifstate")
        refused("ifupdown has enp3s0f1 up")
        sandbox.sh("rm /run/network/ifstate")


def holds_lease(box: Sandbox, name: str) -> bool:
    """Whether the stack's own DHCP client holds the host's lease on br0."""
    if name == "ifupdown":  # ifupdown's dhclient, as ifup would have started it
        leases = box.run("cat", "/var/lib/dhcp/dhclient.br0.leases").stdout
        return f"fixed-address {HOST_IP};" in leases
    index = box.run("cat", "/sys/class/net/br0/ifindex").stdout.strip()
    lease = box.run("cat", f"/run/systemd/netif/leases/{index}").stdout
    return f"ADDRESS={HOST_IP}" in lease.splitlines()


@pytest.mark.parametrize("name", STACKS)
def test_a_dhcp_host_keeps_its_lease(
    name: str, sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """address: dhcp: the leased address moves with the time it has left, without a lost
    probe, and the stack's own DHCP client takes the lease over on the bridge (same MAC,
    same address); teardown gives the NIC its address back, lifetime included."""
    lan = make_lan(sandbox, tmp_path, host_lease=True)
    live_uplink(sandbox)
    # the NIC's address as a DHCP client leaves it: with the lease's lifetime
    sandbox.sh(f"ip addr change {HOST_IP}/24 dev {NIC} valid_lft 3000 preferred_lft 3000")
    stack = Stack(sandbox, tmp_path, name)
    data = yaml.safe_load(profile_for(name, guest))
    data["networks"]["lan"]["address"] = "dhcp"
    bundle = render_bundle(yaml.safe_dump(data), tmp_path / "bundle")
    before = host_state(sandbox)
    lost = measured(sandbox, bundle / "setup-bridge-lan.sh")
    addrs = sandbox.run("ip", "-4", "-o", "addr", "show", "dev", "br0").stdout
    assert f" {HOST_IP}/24 " in addrs and " dynamic " in addrs, addrs
    deadline = time.monotonic() + 30
    while not (holds_lease(sandbox, name) and stack.configured()):
        assert time.monotonic() < deadline, f"{name}'s DHCP client did not take the lease over"
        time.sleep(0.2)
    assert f" 02:e2:e0:00:00:02 {HOST_IP} " in lan.leases.read_text()
    assert bridged(sandbox)
    lost_down = measured(sandbox, bundle / "teardown-bridge-lan.sh")
    print(f"{name} dhcp: lost on setup {lost}, on teardown {lost_down}")
    assert no_outage(lost, lost_down), (lost, lost_down)
    assert host_state(sandbox) == before
    if name == "ifupdown":  # its dhclient is stopped, not left to renew a lease on nothing
        assert sandbox.run("test", "-e", "/run/dhclient.br0.pid").returncode != 0 or (
            sandbox.run("sh", "-c", "kill -0 $(cat /run/dhclient.br0.pid)").returncode != 0
        )


def test_the_profile_address_goes_with_the_bridge(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """A profile address the NIC does not have is put on the bridge, and taken away with
    it: teardown gives the NIC back what it had, not what the profile added."""
    make_lan(sandbox, tmp_path)
    live_uplink(sandbox)
    Stack(sandbox, tmp_path, "networkd")
    data = yaml.safe_load(profile_for("networkd", guest))
    data["networks"]["lan"]["address"] = {"cidr": "10.99.0.3/24", "gateway": ROUTER}
    bundle = render_bundle(yaml.safe_dump(data), tmp_path / "bundle")
    before = host_state(sandbox)
    lost = measured(sandbox, bundle / "setup-bridge-lan.sh")
    on_bridge = sandbox.run("ip", "-4", "-o", "addr", "show", "dev", "br0").stdout
    assert f" {HOST_IP}/24 " in on_bridge and " 10.99.0.3/24 " in on_bridge
    assert no_outage(lost, measured(sandbox, bundle / "teardown-bridge-lan.sh"))
    assert host_state(sandbox) == before


def test_a_teardown_by_hand_stops_the_pending_roll_back(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """setup --confirm-within, then teardown by hand, then setup again: the first setup's
    timer must not undo the second."""
    make_lan(sandbox, tmp_path)
    Stack(sandbox, tmp_path, "networkd")
    bundle = render_bundle(profile_for("networkd", guest), tmp_path / "bundle")
    setup, teardown = str(bundle / "setup-bridge-lan.sh"), str(bundle / "teardown-bridge-lan.sh")
    assert sandbox.run("bash", setup, "--confirm-within", "3").returncode == 0
    assert sandbox.run("bash", teardown).returncode == 0
    assert sandbox.run("bash", setup).returncode == 0
    time.sleep(5)
    assert bridged(sandbox), "the stale roll-back took the bridge apart"
    late = sandbox.run("bash", setup, "--confirm")
    assert late.returncode == 0 and "no roll-back is pending" in late.stderr
    assert sandbox.run("bash", teardown).returncode == 0
    late = sandbox.run("bash", setup, "--confirm")
    assert late.returncode == 1 and "nothing to confirm" in late.stderr
