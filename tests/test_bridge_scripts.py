"""The bridge scripts' decisions and exact commands, in dry runs against fake ip/nmcli/ss.

The fakes answer queries from a JSON description of the host and refuse every command
that would change it, so these tests also prove that --dry-run changes nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest

from generator import plan, render
from generator.bundle import write_bundle
from generator.validate import parse_text
from tests.conftest import ROOT

FAKES = Path(__file__).parent / "fakes"

PROFILE = """\
name: lab
networks:
  lan:
    type: bridge
    bridge: br0
    uplink: enp3s0f1
    method: METHOD
EXTRA
vms:
  - {name: vm1, memory: 1G, nics: [{network: lan}]}
"""

NIC = {
    "mac": "02:e2:e0:00:00:02",
    "addrs": ["10.99.0.2/24 brd 10.99.0.255"],
    "routes": [
        "default via 10.99.0.1 proto static",
        "10.50.0.0/16 via 10.99.0.254 metric 50",
        "10.99.0.0/24 proto kernel scope link src 10.99.0.2",
        "10.60.0.0/16 via 10.99.0.254 table 100",
        "local 10.99.0.2 table local proto kernel scope host src 10.99.0.2",
        "broadcast 10.99.0.255 table local proto kernel scope link src 10.99.0.2",
    ],
    "routes6": [
        "2001:db8:5::/48 via 2001:db8:1::1 table 100 metric 1024 pref medium",
        "fe80::/64 proto kernel metric 256 pref medium",
        "2001:db8:1::/64 proto ra metric 100 expires 86390sec pref medium",
        "multicast ff00::/8 table local proto kernel metric 256 pref medium",
    ],
    "permanent": {"10.99.0.77": "02:00:00:00:00:77"},
    "permanent6": {"2001:db8:1::77": "02:00:00:00:00:77"},
}


def bundle(tmp_path: Path, method: str, extra: str = "") -> Path:
    text = PROFILE.replace("METHOD", method).replace("EXTRA\n", textwrap.indent(extra, "    "))
    out = tmp_path / "lab"
    write_bundle(render.render(plan.build(parse_text(text))), out)
    return out


class Host:
    """A fake host for one test: its links (for ip) and NetworkManager state (for nmcli)."""

    def __init__(self, tmp_path: Path, links: dict[str, Any], **extra: Any) -> None:
        self.dir = tmp_path
        self.log = tmp_path / "calls.log"
        (tmp_path / "net.json").write_text(json.dumps({"links": links, **extra}))
        self.nm: dict[str, Any] = {"connections": [], "devices": {}}
        self.env = {
            **os.environ,
            "PATH": f"{FAKES}:{os.environ['PATH']}",
            "FAKE_NET": str(tmp_path / "net.json"),
            "FAKE_NM": str(tmp_path / "nm.json"),
            "FAKE_LOG": str(self.log),
        }
        self.env.pop("SSH_CONNECTION", None)

    def run(self, script: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        (self.dir / "nm.json").write_text(json.dumps(self.nm))
        return subprocess.run(
            ["bash", str(script), *args], capture_output=True, text=True, env={**self.env, **env}
        )


def test_ip_up_moves_addresses_and_routes_in_the_measured_order(tmp_path: Path) -> None:
    out = bundle(tmp_path, "ip")
    result = Host(tmp_path, {"enp3s0f1": NIC}).run(out / "up-bridge-lan.sh", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "install -d -m 0700 -- /run/qemu-netgen/lab",
        "printf '%s\\n' 'addr 10.99.0.2/24 brd 10.99.0.255'"
        " 'route -4 default via 10.99.0.1 proto static'"
        " 'route -4 10.50.0.0/16 via 10.99.0.254 metric 50'"
        " 'route -4 10.60.0.0/16 via 10.99.0.254 table 100'"
        " 'route -6 2001:db8:5::/48 via 2001:db8:1::1 table 100 metric 1024 pref medium'"
        " 'neigh -4 10.99.0.77 02:00:00:00:00:77' 'neigh -6 2001:db8:1::77 02:00:00:00:00:77'"
        " 'mtu 1500' 'up 1' > /run/qemu-netgen/lab/lan.state",
        "ip link add name br0 address 02:e2:e0:00:00:02 type bridge stp_state 0 forward_delay 0",
        "ip link set dev br0 up",
        "ip addr add 10.99.0.2/24 brd 10.99.0.255 dev br0",
        "ip link set dev enp3s0f1 master br0",
        # static neighbours and routes of every table and both families follow the
        # addresses; the IPv6 ones, which the kernel keeps on the NIC, are taken off it
        "ip -4 neigh replace 10.99.0.77 lladdr 02:00:00:00:00:77 dev br0 nud permanent",
        "ip -6 neigh replace 2001:db8:1::77 lladdr 02:00:00:00:00:77 dev br0 nud permanent",
        "ip -4 route replace default via 10.99.0.1 proto static dev br0",
        "ip -4 route replace 10.50.0.0/16 via 10.99.0.254 metric 50 dev br0",
        "ip -4 route replace 10.60.0.0/16 via 10.99.0.254 table 100 dev br0",
        "ip -6 route replace 2001:db8:5::/48 via 2001:db8:1::1 table 100 metric 1024 pref medium dev br0",
        "ip -6 route del 2001:db8:5::/48 via 2001:db8:1::1 table 100 metric 1024 pref medium dev enp3s0f1",
        "ip -6 neigh del 2001:db8:1::77 dev enp3s0f1",
        "ip addr del 10.99.0.2/24 dev enp3s0f1",
    ]


def test_ip_up_with_stp_delay_and_mtu(tmp_path: Path) -> None:
    out = bundle(tmp_path, "ip", "stp: true\nforward_delay: 15\nmtu: 9000\n")
    result = Host(tmp_path, {"enp3s0f1": NIC}).run(out / "up-bridge-lan.sh", "--dry-run")
    lines = result.stdout.splitlines()
    # iproute2 counts centiseconds: 15 s is 1500
    assert (
        lines[2]
        == "ip link add name br0 mtu 9000 address 02:e2:e0:00:00:02 type bridge stp_state 1 forward_delay 1500"
    )
    assert lines[3] == "ip link set dev enp3s0f1 mtu 9000"


def test_ip_up_puts_a_static_address_that_is_not_there_yet(tmp_path: Path) -> None:
    out = bundle(tmp_path, "ip", "address: {cidr: 10.99.0.7/24, gateway: 10.99.0.1}\n")
    bare = {"mac": "02:e2:e0:00:00:02", "addrs": [], "routes": []}
    result = Host(tmp_path, {"enp3s0f1": bare}).run(out / "up-bridge-lan.sh", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "ip addr add 10.99.0.7/24 dev br0" in result.stdout.splitlines()
    assert "ip -4 route replace default via 10.99.0.1 dev br0" in result.stdout.splitlines()


def test_ip_up_twice_changes_nothing(tmp_path: Path) -> None:
    out = bundle(tmp_path, "ip")
    links = {
        "enp3s0f1": {**NIC, "addrs": [], "routes": [], "master": "br0"},
        "br0": {"mac": NIC["mac"], "addrs": NIC["addrs"], "routes": NIC["routes"]},
    }
    result = Host(tmp_path, links).run(out / "up-bridge-lan.sh", "--dry-run")
    assert (result.returncode, result.stdout) == (0, "")
    assert "enp3s0f1 is already a port of br0; nothing to do" in result.stderr


@pytest.mark.parametrize(
    ("links", "message"),
    [
        ({}, "uplink enp3s0f1 does not exist (ip link show enp3s0f1): check the profile"),
        (
            {"enp3s0f1": {**NIC, "master": "br9"}},
            "enp3s0f1 is already a port of br9; take it out first (ip link set dev enp3s0f1 nomaster)",
        ),
        (
            {"enp3s0f1": NIC, "br0": {"mac": "02:00:00:00:00:09"}},
            "br0 already exists without enp3s0f1 in it: it was not made by this script",
        ),
    ],
)
def test_ip_up_checks_the_host_before_changing_it(
    tmp_path: Path, links: dict[str, Any], message: str
) -> None:
    out = bundle(tmp_path, "ip")
    host = Host(tmp_path, links)
    result = host.run(out / "up-bridge-lan.sh", "--dry-run")
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "how",
    [{"SSH_CONNECTION": "10.99.0.1 50022 10.99.0.2 22"}, {"FAKE_SS": "10.99.0.1"}],
    ids=["ssh-connection", "ss"],
)
def test_lockout_guard(tmp_path: Path, how: dict[str, str]) -> None:
    out = bundle(tmp_path, "ip")
    host = Host(tmp_path, {"enp3s0f1": NIC}, route_get={"10.99.0.1": "enp3s0f1"})
    refused = host.run(out / "up-bridge-lan.sh", "--dry-run", **how)
    assert refused.returncode == 1 and refused.stdout == ""
    assert "the SSH session from 10.99.0.1 reaches this host through enp3s0f1" in refused.stderr
    assert "--confirm-within 120" in refused.stderr

    timed = host.run(out / "up-bridge-lan.sh", "--dry-run", "--confirm-within", "120", **how)
    assert timed.returncode == 0, timed.stderr
    assert (
        timed.stdout.splitlines()[-1]
        == f"setsid bash {out}/down-bridge-lan.sh --rollback-after 120"
    )

    forced = host.run(out / "up-bridge-lan.sh", "--dry-run", "--force", **how)
    assert forced.returncode == 0 and "setsid" not in forced.stdout


def test_lockout_guard_ignores_sessions_over_other_nics(tmp_path: Path) -> None:
    out = bundle(tmp_path, "ip")
    host = Host(tmp_path, {"enp3s0f1": NIC}, route_get={"192.0.2.50": "eno2"})
    result = host.run(
        out / "up-bridge-lan.sh", "--dry-run", SSH_CONNECTION="192.0.2.50 50022 192.0.2.2 22"
    )
    assert result.returncode == 0, result.stderr


def test_ip_down_mirrors_up(tmp_path: Path) -> None:
    out = bundle(tmp_path, "ip")
    links = {
        "enp3s0f1": {**NIC, "addrs": [], "routes": [], "master": "br0"},
        "br0": {
            "mac": NIC["mac"],
            "addrs": NIC["addrs"],
            "routes": NIC["routes"],
            "neigh": {"10.99.0.1": "02:e2:e0:00:00:01"},
        },
    }
    result = Host(tmp_path, links).run(out / "down-bridge-lan.sh", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "ip addr add 10.99.0.2/24 brd 10.99.0.255 dev enp3s0f1",
        "ip neigh replace 10.99.0.1 lladdr 02:e2:e0:00:00:01 dev enp3s0f1 nud stale",
        "ip -4 route replace default via 10.99.0.1 proto static dev enp3s0f1",
        "ip -4 route replace 10.50.0.0/16 via 10.99.0.254 metric 50 dev enp3s0f1",
        "ip -4 route replace 10.60.0.0/16 via 10.99.0.254 table 100 dev enp3s0f1",
        "ip addr del 10.99.0.2/24 dev br0",
        "ip link set dev enp3s0f1 nomaster",
        "ip link del dev br0",
        "rm -f -- /run/qemu-netgen/lab/lan.state",
    ]


def test_ip_down_on_an_unbridged_host_is_a_no_op(tmp_path: Path) -> None:
    out = bundle(tmp_path, "ip")
    result = Host(tmp_path, {"enp3s0f1": NIC}).run(out / "down-bridge-lan.sh", "--dry-run")
    assert (result.returncode, result.stdout) == (0, "")
    assert "enp3s0f1 is not bridged; nothing to do" in result.stderr


def test_ip_down_leaves_a_foreign_bridge_alone(tmp_path: Path) -> None:
    out = bundle(tmp_path, "ip")
    result = Host(tmp_path, {"enp3s0f1": NIC, "br0": {"mac": "02:00:00:00:00:09"}}).run(
        out / "down-bridge-lan.sh", "--dry-run"
    )
    assert result.returncode == 1 and result.stdout == ""
    assert "br0 exists but enp3s0f1 is not its port and there is no record" in result.stderr


# --- nmcli -------------------------------------------------------------------------------

WIRED = {
    "uuid": "11111111-1111-1111-1111-111111111111",
    "name": "Wired connection 1",
    "type": "802-3-ethernet",
    "ifname": "enp3s0f1",
    "autoconnect": "yes",
}
OTHER = {
    "uuid": "22222222-2222-2222-2222-222222222222",
    "name": "eno2",
    "type": "802-3-ethernet",
    "ifname": "eno2",
    "autoconnect": "yes",
}


BRIDGE_CON = {
    "uuid": "33333333-3333-3333-3333-333333333333",
    "name": "br0",
    "type": "bridge",
    "ifname": "br0",
    "autoconnect": "yes",
}
PORT_CON = {
    "uuid": "44444444-4444-4444-4444-444444444444",
    "name": "br0-port-enp3s0f1",
    "type": "802-3-ethernet",
    "ifname": "enp3s0f1",
    "autoconnect": "yes",
}


def nm_host(tmp_path: Path) -> Host:
    host = Host(tmp_path, {"enp3s0f1": NIC})
    host.nm = {
        "connections": [WIRED, OTHER],
        "devices": {
            "enp3s0f1": {
                "GENERAL.STATE": "100 (connected)",
                "GENERAL.CONNECTION": "Wired connection 1",
            }
        },
    }
    return host


def test_nmcli_setup_on_a_fresh_host(tmp_path: Path) -> None:
    out = bundle(tmp_path, "nmcli")
    result = nm_host(tmp_path).run(out / "setup-bridge-lan.sh", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "install -d -m 0700 -- /var/lib/qemu-netgen/lab",
        f"printf '%s\\n' '{WIRED['uuid']} yes 1' > /var/lib/qemu-netgen/lab/lan.state",
        "nmcli connection add type bridge con-name br0 ifname br0 bridge.stp no bridge.forward-delay 0"
        " ipv4.method auto ipv4.addresses '' ipv4.gateway '' ipv4.dns ''"
        " ethernet.cloned-mac-address 02:e2:e0:00:00:02 connection.autoconnect yes connection.autoconnect-slaves 1",
        "nmcli connection add type ethernet con-name br0-port-enp3s0f1 ifname enp3s0f1 master br0"
        " slave-type bridge connection.autoconnect yes",
        f"nmcli connection modify uuid {WIRED['uuid']} connection.autoconnect no",
        "nmcli connection up id br0-port-enp3s0f1",
        "nmcli connection up id br0",
    ]


def test_nmcli_setup_static_address_and_stp(tmp_path: Path) -> None:
    out = bundle(
        tmp_path,
        "nmcli",
        "stp: true\nforward_delay: 15\nmtu: 9000\n"
        "address: {cidr: 10.99.0.7/24, gateway: 10.99.0.1, dns: [10.99.0.1, 10.99.0.2]}\n",
    )
    result = nm_host(tmp_path).run(out / "setup-bridge-lan.sh", "--dry-run")
    assert result.returncode == 0, result.stderr
    add_bridge, add_port = result.stdout.splitlines()[2:4]
    assert "bridge.stp yes bridge.forward-delay 15 " in add_bridge  # NetworkManager counts seconds
    assert (
        " ipv4.method manual ipv4.addresses 10.99.0.7/24 ipv4.gateway 10.99.0.1 ipv4.dns 10.99.0.1,10.99.0.2 "
        in add_bridge
    )
    assert add_port.endswith("802-3-ethernet.mtu 9000")


def test_nmcli_setup_again_updates_in_place(tmp_path: Path) -> None:
    out = bundle(tmp_path, "nmcli")
    host = nm_host(tmp_path)
    bridge, port = BRIDGE_CON, PORT_CON
    host.nm["connections"] = [{**WIRED, "autoconnect": "no"}, OTHER, bridge, port]
    host.nm["devices"] = {
        "enp3s0f1": {"GENERAL.STATE": "100 (connected)", "GENERAL.CONNECTION": "br0-port-enp3s0f1"},
        "br0": {
            "GENERAL.STATE": "100 (connected)",
            "GENERAL.CONNECTION": "br0",
            "IP4.ADDRESS[1]": "10.99.0.2/24",
        },
    }
    result = host.run(out / "setup-bridge-lan.sh", "--dry-run")
    assert result.returncode == 0, result.stderr
    commands = [line.split(" ")[:3] for line in result.stdout.splitlines()]
    assert ["nmcli", "connection", "add"] not in commands
    assert commands.count(["nmcli", "connection", "modify"]) == 2
    assert "nmcli connection up" not in result.stdout
    assert "br0 is already up with enp3s0f1 as its port" in result.stderr


def test_nmcli_needs_networkmanager(tmp_path: Path) -> None:
    out = bundle(tmp_path, "nmcli")
    host = nm_host(tmp_path)
    host.nm["running"] = False
    result = host.run(out / "setup-bridge-lan.sh", "--dry-run")
    assert result.returncode == 1
    assert "NetworkManager is not running" in result.stderr


def test_nmcli_refuses_an_unmanaged_uplink(tmp_path: Path) -> None:
    out = bundle(tmp_path, "nmcli")
    host = nm_host(tmp_path)
    host.nm["devices"]["enp3s0f1"]["GENERAL.STATE"] = "10 (unmanaged)"
    result = host.run(out / "setup-bridge-lan.sh", "--dry-run")
    assert result.returncode == 1
    assert "NetworkManager does not manage enp3s0f1; use method: ip" in result.stderr


def test_nmcli_teardown_deletes_both_profiles_in_one_detached_step(tmp_path: Path) -> None:
    out = bundle(tmp_path, "nmcli")
    host = nm_host(tmp_path)
    bridge, port = BRIDGE_CON, PORT_CON
    host.nm["connections"] = [{**WIRED, "autoconnect": "no"}, OTHER, bridge, port]
    result = host.run(out / "teardown-bridge-lan.sh", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"nmcli connection delete uuid {port['uuid']} uuid {bridge['uuid']}",
        "rm -f -- /var/lib/qemu-netgen/lab/lan.state",
    ]


def test_nmcli_teardown_with_nothing_to_undo(tmp_path: Path) -> None:
    out = bundle(tmp_path, "nmcli")
    result = nm_host(tmp_path).run(out / "teardown-bridge-lan.sh", "--dry-run")
    assert (result.returncode, result.stdout) == (0, "")
    assert "nothing to do" in result.stderr


def test_example_bridge_bundles_file_sets() -> None:
    from tests.conftest import render_path

    ip_files = [f.path for f in render_path(ROOT / "profiles" / "bridge-ip.yaml")]
    nm_files = [f.path for f in render_path(ROOT / "profiles" / "bridge-nmcli.yaml")]
    common = [
        ".qemu-netgen",
        "README.md",
        "SHA256SUMS",
        "install-bridge-acl.sh",
        "install-packages.sh",
        "install-units.sh",
        "launch-ubuntu1904.sh",
        "preflight.sh",
        "qemu/bridge.conf",
        "remove-bridge-acl.sh",
        "remove-units.sh",
        "steps.json",
        "stop-ubuntu1904.sh",
        "systemd/qemu-netgen-bridge-METHOD-ubuntu1904.service",
    ]
    ip_common = [f.replace("METHOD", "ip") for f in common]
    nm_common = [f.replace("METHOD", "nmcli") for f in common]
    assert ip_files == sorted([*ip_common, "down-bridge-lan.sh", "up-bridge-lan.sh"])
    assert nm_files == sorted([*nm_common, "setup-bridge-lan.sh", "teardown-bridge-lan.sh"])


@pytest.mark.parametrize("bridge", ["1e2", "0100", "100.0"])
def test_nmcli_names_are_compared_as_text_not_numbers(tmp_path: Path, bridge: str) -> None:
    """awk compares two numeric-looking strings as numbers: a bridge called 1e2 would have
    found (and deleted, and rewritten) an unrelated profile called 100."""
    text = PROFILE.replace("METHOD", "nmcli").replace("EXTRA\n", "").replace("br0", f"'{bridge}'")
    out = tmp_path / "lab"
    write_bundle(render.render(plan.build(parse_text(text))), out)
    host = nm_host(tmp_path)
    other = {"uuid": "99999999-9999-9999-9999-999999999999", "name": "100", "type": "bridge"}
    host.nm["connections"] = [{**other, "ifname": "other", "autoconnect": "yes"}]
    teardown = host.run(out / "teardown-bridge-lan.sh", "--dry-run")
    assert teardown.returncode == 0, teardown.stderr
    assert other["uuid"] not in teardown.stdout and "nothing to do" in teardown.stderr
    setup = host.run(out / "setup-bridge-lan.sh", "--dry-run")
    assert other["uuid"] not in setup.stdout, setup.stdout
