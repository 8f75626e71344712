"""Bridge mode with `ip`, end to end: the bundle's own scripts, a LAN with dnsmasq, a guest."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import yaml

from tests.system.conftest import GUEST_ARGS, example_with_guest, render_bundle
from tests.system.daemons import wait_until
from tests.system.guest import Guest
from tests.system.lan import (
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

GUEST_MAC = "00:16:3e:0c:12:78"  # the example profile's


def host_state(box: Sandbox) -> str:
    """What `down` must give back exactly: the NIC's addresses, every route of every table
    in both families, and the permanent neighbour entries."""
    addrs = box.run("ip", "-4", "-o", "addr", "show", "dev", NIC, check=True).stdout
    routes = box.run("ip", "-4", "route", "show", "table", "all", check=True).stdout
    routes6 = box.run("ip", "-6", "route", "show", "table", "all", check=True).stdout
    neigh = box.run("ip", "neigh", "show", "nud", "permanent", check=True).stdout
    return "\n".join((addrs.split("\\", 1)[0], routes, routes6, neigh))


def policy_state(box: Sandbox) -> None:
    """What the kernel flushes with a NIC's last IPv4 address, beyond the main table: a
    policy-routing table's route and static neighbours (and IPv6 routes for good measure)."""
    box.sh(
        f"""
        ip route add 10.60.0.0/16 via 10.99.0.254 dev {NIC} table 100
        ip neigh add 10.99.0.77 lladdr 02:00:00:00:00:77 dev {NIC} nud permanent
        ip -6 addr add 2001:db8:1::2/64 dev {NIC} nodad
        ip -6 route add 2001:db8:5::/48 via 2001:db8:1::1 dev {NIC} table 100
        ip -6 neigh add 2001:db8:1::77 lladdr 02:00:00:00:00:77 dev {NIC} nud permanent
        # the link-local address settles (DAD) before the test takes its "before"
        for _ in $(seq 100); do
            [[ -n $(ip -6 addr show dev {NIC} scope link) && -z $(ip -6 addr show dev {NIC} tentative) ]] && break
            sleep 0.05
        done
        """
    )


def test_bridge_ip_end_to_end(sandbox: Sandbox, guest: Guest, tmp_path: Path) -> None:
    lan = make_lan(sandbox, tmp_path, pin_mac=GUEST_MAC)
    sandbox.run(
        "ip",
        "route",
        "add",
        "10.50.0.0/16",
        "via",
        "10.99.0.254",
        "dev",
        NIC,
        "metric",
        "50",
        check=True,
    )
    policy_state(sandbox)
    profile = example_with_guest(
        "bridge-ip", guest, f"console=ttyS0 panic=-1 qn.mode=dhcp qn.ping={ROUTER},{REMOTE}"
    )
    bundle = render_bundle(profile, tmp_path / "bundle")
    before = host_state(sandbox)

    preflight = sandbox.run("bash", str(bundle / "preflight.sh"))
    assert preflight.returncode == 0, preflight.stdout
    assert "PASS  uplink enp3s0f1 exists and is up" in preflight.stdout
    assert (
        "WARN  the default route uses enp3s0f1, which up-bridge-lan.sh makes a bridge port"
        in preflight.stdout
    )
    assert host_state(sandbox) == before

    probes = Probes(sandbox)
    up = sandbox.run("bash", str(bundle / "up-bridge-lan.sh"))
    lost_up = probes.lost()
    assert up.returncode == 0, up.stderr
    assert no_outage(lost_up), f"probes lost during up (lan->host, host->remote): {lost_up}"
    assert bridged(sandbox)
    assert " 10.99.0.2/24 " in sandbox.run("ip", "-4", "-o", "addr", "show", "dev", "br0").stdout
    assert "inet " not in sandbox.run("ip", "-4", "-o", "addr", "show", "dev", NIC).stdout
    assert (
        sandbox.run("ip", "route", "show", "default").stdout.strip()
        == f"default via {ROUTER} dev br0"
    )
    # what the kernel flushed from the NIC is on the bridge meanwhile
    assert (
        "10.60.0.0/16 via 10.99.0.254 dev br0"
        in sandbox.run("ip", "route", "show", "table", "100").stdout
    )
    assert (
        "10.99.0.77 lladdr 02:00:00:00:00:77 PERMANENT"
        in sandbox.run("ip", "neigh", "show", "dev", "br0").stdout
    )
    print(f"up: lost {lost_up}")

    # up again changes nothing
    state = host_state(sandbox) + sandbox.run("ip", "-o", "link").stdout
    again = sandbox.run("bash", str(bundle / "up-bridge-lan.sh"))
    assert again.returncode == 0 and "nothing to do" in again.stderr
    assert result(again) == "result: unchanged"
    assert host_state(sandbox) + sandbox.run("ip", "-o", "link").stdout == state

    # the guest, started by the bundle's launch script, gets a lease from the LAN
    sandbox.run("bash", str(bundle / "install-bridge-acl.sh"), check=True)
    started = time.monotonic()
    vm = sandbox.run("bash", str(bundle / "launch-ubuntu1904.sh"), "--", *GUEST_ARGS, timeout=60)
    print(f"guest: {time.monotonic() - started:.1f} s")
    assert vm.returncode == 0, vm.stdout[-3000:] + vm.stderr
    assert f"QN: LEASE ip={PINNED_IP} router={ROUTER}" in vm.stdout
    assert f"QN: PING {ROUTER} ok" in vm.stdout and f"QN: PING {REMOTE} ok" in vm.stdout
    assert "QN: RESULT PASS" in vm.stdout
    assert f" {GUEST_MAC} {PINNED_IP} " in lan.leases.read_text()

    probes = Probes(sandbox)
    down = sandbox.run("bash", str(bundle / "down-bridge-lan.sh"))
    lost_down = probes.lost()
    assert down.returncode == 0, down.stderr
    assert result(down) == "result: changed"
    assert no_outage(lost_down), f"probes lost during down: {lost_down}"
    print(f"down: lost {lost_down}")
    assert host_state(sandbox) == before
    assert sandbox.run("ip", "link", "show", "dev", "br0").returncode != 0

    # down again: nothing to do
    again = sandbox.run("bash", str(bundle / "down-bridge-lan.sh"))
    assert again.returncode == 0 and "nothing to do" in again.stderr
    assert result(again) == "result: unchanged"
    assert host_state(sandbox) == before


def test_lockout_guard_and_rollback(sandbox: Sandbox, guest: Guest, tmp_path: Path) -> None:
    make_lan(sandbox, tmp_path)
    policy_state(sandbox)
    bundle = render_bundle(
        example_with_guest("bridge-ip", guest, "console=ttyS0"), tmp_path / "bundle"
    )
    up = str(bundle / "up-bridge-lan.sh")
    before = host_state(sandbox)
    over_uplink = {"SSH_CONNECTION": f"{REMOTE} 50022 10.99.0.2 22"}
    env = lambda extra: {**__import__("os").environ, **extra}  # noqa: E731

    refused = sandbox.run("bash", up, env=env(over_uplink))
    assert refused.returncode == 1
    assert f"the SSH session from {REMOTE} reaches this host through {NIC}" in refused.stderr
    assert host_state(sandbox) == before and not bridged(sandbox)

    # no confirmation: the detached timer rolls back
    timed = sandbox.run("bash", up, "--confirm-within", "2", env=env(over_uplink))
    assert timed.returncode == 0, timed.stderr
    assert bridged(sandbox)
    deadline = time.monotonic() + 10
    while bridged(sandbox) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(0.5)
    assert not bridged(sandbox)
    assert host_state(sandbox) == before

    # confirmed in time: the bridge stays
    assert sandbox.run("bash", up, "--confirm-within", "2", env=env(over_uplink)).returncode == 0
    confirm = sandbox.run("bash", up, "--confirm")
    assert confirm.returncode == 0 and "confirmed" in confirm.stderr
    time.sleep(3)
    assert bridged(sandbox)
    assert sandbox.run("bash", str(bundle / "down-bridge-lan.sh")).returncode == 0
    assert host_state(sandbox) == before


def test_a_failure_part_way_restores_the_host(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    make_lan(sandbox, tmp_path)
    policy_state(sandbox)
    bundle = render_bundle(
        example_with_guest("bridge-ip", guest, "console=ttyS0"), tmp_path / "bundle"
    )
    before = host_state(sandbox)
    failing = tmp_path / "bin"
    failing.mkdir()
    (failing / "ip").write_text(
        '#!/bin/bash\n[[ "$*" == *"route replace 10.60.0.0/16"*"dev br0" ]] && { echo "injected failure" >&2; exit 2; }\n'
        'exec /usr/sbin/ip "$@"\n'
    )
    (failing / "ip").chmod(0o755)
    import os

    result = sandbox.run(
        "bash",
        str(bundle / "up-bridge-lan.sh"),
        env={**os.environ, "PATH": f"{failing}:{os.environ['PATH']}"},
    )
    assert result.returncode == 1
    assert "injected failure" in result.stderr and "restoring enp3s0f1 as it was" in result.stderr
    assert host_state(sandbox) == before
    assert sandbox.run("ip", "link", "show", "dev", "br0").returncode != 0


def test_the_probes_do_see_an_outage(sandbox: Sandbox, tmp_path: Path) -> None:
    """The zeros above mean something: 300 ms cuts of the host's network are counted,
    whether the packets are dropped, queued or cannot be sent."""
    make_lan(sandbox, tmp_path)
    probes = Probes(sandbox)
    sandbox.sh(
        f"ip addr del 10.99.0.2/24 dev {NIC}; sleep 0.3; ip addr add 10.99.0.2/24 dev {NIC}\n"
        f"ip route replace default via {ROUTER} dev {NIC}"
    )
    lost = probes.lost()
    assert all(n >= 10 for n in lost), lost
    probes = Probes(sandbox)
    sandbox.sh(
        f"ip link set {NIC} down; sleep 0.3; ip link set {NIC} up; ip route replace default via {ROUTER} dev {NIC}"
    )
    lost = probes.lost()
    assert all(n >= 10 for n in lost), lost


def test_a_dry_run_of_the_timed_rollback_changes_nothing(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """--dry-run with --rollback-after prints the roll-back's bookkeeping; the pending
    roll-back and a confirmation stay, so a real --confirm still finds them."""
    bundle = render_bundle(
        example_with_guest("bridge-ip", guest, "console=ttyS0"), tmp_path / "bundle"
    )
    state = "/run/qemu-netgen/bridge-ip/lan.state"
    sandbox.sh(
        f"mkdir -p /run/qemu-netgen/bridge-ip\necho 12345 >{state}.rollback\ntouch {state}.confirmed"
    )
    result = sandbox.run(
        "bash", str(bundle / "down-bridge-lan.sh"), "--dry-run", "--rollback-after", "1"
    )
    assert result.returncode == 0, result.stderr
    assert f"rm -f -- {state}.confirmed {state}.rollback" in result.stdout
    sandbox.sh(f"test -f {state}.rollback && test -f {state}.confirmed")


def test_a_late_confirm_never_keeps_what_the_roll_back_took_apart(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """--confirm-within's timer and --confirm decide one at a time: a --confirm in time keeps
    the bridge; one once the roll-back has begun, or after it, exits 1 and says so."""
    make_lan(sandbox, tmp_path)
    bundle = render_bundle(example_with_guest("bridge-ip", guest, "console=ttyS0"), tmp_path / "b")
    up, down = str(bundle / "up-bridge-lan.sh"), str(bundle / "down-bridge-lan.sh")
    pending = "/run/qemu-netgen/bridge-ip/lan.state.rollback"

    def gone(path: str) -> Callable[[], bool]:
        return lambda: sandbox.run("test", "-e", path).returncode != 0

    # in time: the bridge outlives the deadline
    assert sandbox.run("bash", up, "--confirm-within", "2").returncode == 0
    kept = sandbox.run("bash", up, "--confirm")
    assert kept.returncode == 0 and "confirmed: br0 stays" in kept.stderr, kept.stderr
    time.sleep(3)
    assert bridged(sandbox)
    assert sandbox.run("bash", down).returncode == 0

    # too late: the roll-back came first
    assert sandbox.run("bash", up, "--confirm-within", "1").returncode == 0
    wait_until("the roll-back did not run", lambda: not bridged(sandbox), timeout=20)
    marked = "/run/qemu-netgen/bridge-ip/lan.state.rolling-back"
    wait_until("the roll-back's mark stays", gone(marked), timeout=20)
    late = sandbox.run("bash", up, "--confirm")
    assert late.returncode == 1 and "nothing to confirm" in late.stderr, late.stderr

    # while the roll-back runs (each of its ip calls slowed by 0.3 s): --confirm is too late
    slow = tmp_path / "slow"
    slow.mkdir()
    (slow / "ip").write_text('#!/bin/bash\nsleep 0.3\nexec /usr/sbin/ip "$@"\n')
    (slow / "ip").chmod(0o755)
    path = f"{slow}:/usr/sbin:/usr/bin:/sbin:/bin"
    assert sandbox.run("env", f"PATH={path}", "bash", up, "--confirm-within", "1").returncode == 0
    assert sandbox.run("test", "-e", pending).returncode == 0
    # the timer removes its pending mark once it has decided to roll back
    wait_until("the timer did not decide", gone(pending), timeout=20)
    assert bridged(sandbox), "the roll-back was over before --confirm came: slow it down more"
    during = sandbox.run("bash", up, "--confirm")
    assert during.returncode == 1 and "too late" in during.stderr, during.stderr
    wait_until("the roll-back did not finish", lambda: not bridged(sandbox), timeout=20)
    wait_until("the roll-back's mark stays", gone(marked), timeout=20)
    late = sandbox.run("bash", up, "--confirm")
    assert late.returncode == 1 and "nothing to confirm" in late.stderr, late.stderr


def test_an_mtu_below_1280_is_refused_where_the_uplink_has_ipv6(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """Below 1280 the kernel turns IPv6 off on the bridge and its port: the move of the NIC's
    IPv6 addresses would fail half-way. Refused before anything changes; on a NIC without
    IPv6 the same MTU is set, and the roll-back gives the NIC its own MTU back."""
    make_lan(sandbox, tmp_path)
    profile = yaml.safe_load(example_with_guest("bridge-ip", guest, "console=ttyS0"))
    profile["networks"]["lan"]["mtu"] = 68
    bundle = render_bundle(yaml.safe_dump(profile), tmp_path / "b")
    up = str(bundle / "up-bridge-lan.sh")
    before = host_state(sandbox) + sandbox.run("ip", "-o", "link", "show", NIC).stdout
    refused = sandbox.run("bash", up)
    assert refused.returncode == 1
    assert "mtu 68 is below 1280, where the kernel turns IPv6 off" in refused.stderr
    assert host_state(sandbox) + sandbox.run("ip", "-o", "link", "show", NIC).stdout == before

    sandbox.run("sysctl", "-q", f"net.ipv6.conf.{NIC}.disable_ipv6=1", check=True)
    assert sandbox.run("bash", up, "--confirm-within", "1").returncode == 0
    assert " mtu 68 " in sandbox.run("ip", "-o", "link", "show", NIC).stdout
    wait_until("no roll-back", lambda: not bridged(sandbox), timeout=20)
    assert " mtu 1500 " in sandbox.run("ip", "-o", "link", "show", NIC).stdout
