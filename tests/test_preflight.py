"""preflight.sh: each check against prepared states (fake ip/nmcli/iptables and sysfs-,
proc- and dev-like trees). It only reads: the fakes refuse every change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator import plan, render
from generator.bundle import write_bundle
from generator.validate import parse_text
from tests.test_vfio_scripts import NIC_A, SysTree

FAKES = Path(__file__).parent / "fakes"

BRIDGED = """\
name: lab
networks:
  lan: {type: bridge, bridge: br0, uplink: enp3s0f1, method: METHOD}
vms:
  - {name: vm1, memory: 1G, nics: [{network: lan}]}
"""
NATTED = """\
name: lab
networks:
  default: {type: nat, bridge: virbr0, subnet: 192.168.122.0/24}
vms:
  - {name: vm1, memory: 1G, accel: tcg, vhost: on, nics: [{network: default}]}
"""
PASSED = """\
name: lab
networks:
  nic81: {type: passthrough, device: "81:00.0"}
vms:
  - {name: vm1, memory: 1G, nics: [{network: nic81}]}
"""
UPLINK = {"mac": "02:e2:e0:00:00:02", "addrs": ["10.99.0.2/24"]}


class Host:
    def __init__(self, tmp_path: Path) -> None:
        self.dir = tmp_path
        self.net: dict[str, Any] = {"links": {}}
        self.nm: dict[str, Any] = {"connections": [], "devices": {}, "running": False}
        self.sys = SysTree(tmp_path / "sys")
        for d in ("proc/sys/net/bridge", "dev"):
            (tmp_path / d).mkdir(parents=True)
        self.env = {
            **os.environ,
            "PATH": f"{FAKES}:{os.environ['PATH']}",
            "FAKE_NET": str(tmp_path / "net.json"),
            "FAKE_NM": str(tmp_path / "nm.json"),
            "FAKE_LOG": str(tmp_path / "calls.log"),
            "QEMU_NETGEN_SYSFS": str(tmp_path / "sys"),
            "QEMU_NETGEN_PROCFS": str(tmp_path / "proc"),
            "QEMU_NETGEN_DEVFS": str(tmp_path / "dev"),
        }
        self.env.pop("SSH_CONNECTION", None)

    def uplink(self, name: str = "enp3s0f1", state: str = "up") -> None:
        self.net["links"][name] = UPLINK
        (self.dir / "sys/class/net" / name).mkdir(parents=True, exist_ok=True)
        (self.dir / "sys/class/net" / name / "operstate").write_text(state + "\n")

    def preflight(self, profile: str, **env: str) -> tuple[int, list[str]]:
        out = self.dir / "bundle"
        write_bundle(render.render(plan.build(parse_text(profile))), out)
        (self.dir / "net.json").write_text(json.dumps(self.net))
        (self.dir / "nm.json").write_text(json.dumps(self.nm))
        result = subprocess.run(
            ["bash", str(out / "preflight.sh")],
            capture_output=True,
            text=True,
            env={**self.env, **env},
        )
        assert result.stderr == "", result.stderr
        return result.returncode, result.stdout.splitlines()


def test_a_host_ready_for_a_bridge(tmp_path: Path) -> None:
    host = Host(tmp_path)
    host.uplink()
    (tmp_path / "dev/kvm").write_text("")
    (tmp_path / "dev/vhost-net").write_text("")
    code, lines = host.preflight(BRIDGED.replace("METHOD", "ip"))
    assert code == 0, lines
    assert "PASS  uplink enp3s0f1 exists and is up" in lines
    assert "PASS  neither this session nor the default route depends on enp3s0f1" in lines
    assert "PASS  NetworkManager does not manage enp3s0f1" in lines
    assert "PASS  bridged traffic bypasses iptables (bridge-nf-call-iptables is not 1)" in lines
    assert "PASS  /dev/kvm is accessible" in lines and "PASS  /dev/vhost-net is accessible" in lines
    assert lines[-1].startswith("preflight: ") and lines[-1].endswith(" 0 FAIL")
    assert all(line.startswith(("PASS  ", "WARN  ", "FAIL  ", "preflight: ")) for line in lines)


def test_uplink_missing_down_or_taken(tmp_path: Path) -> None:
    host = Host(tmp_path)
    code, lines = host.preflight(BRIDGED.replace("METHOD", "ip"))
    assert code == 1
    assert (
        "FAIL  uplink enp3s0f1 does not exist: check the profile's uplink (ip -br link lists the NICs)"
        in lines
    )
    host.uplink(state="down")
    code, lines = host.preflight(BRIDGED.replace("METHOD", "ip"))
    assert (
        "WARN  uplink enp3s0f1 is not up (no cable, or link down): the bridge will have no carrier"
        in lines
    )
    host.net["links"]["br0"] = {"mac": "02:00:00:00:00:09"}
    code, lines = host.preflight(BRIDGED.replace("METHOD", "ip"))
    assert code == 1
    assert (
        "FAIL  br0 already exists and enp3s0f1 is not its port: pick another bridge name, or remove it"
        in lines
    )


def test_the_host_talks_through_the_uplink(tmp_path: Path) -> None:
    host = Host(tmp_path)
    host.uplink()
    host.net["default_routes"] = ["default via 10.99.0.1 dev enp3s0f1"]
    _, lines = host.preflight(BRIDGED.replace("METHOD", "ip"))
    assert any(
        line.startswith(
            "WARN  the default route uses enp3s0f1, which up-bridge-lan.sh makes a bridge port"
        )
        for line in lines
    )
    host.net["route_get"] = {"192.0.2.7": "enp3s0f1"}
    _, lines = host.preflight(
        BRIDGED.replace("METHOD", "ip"), SSH_CONNECTION="192.0.2.7 50000 10.99.0.2 22"
    )
    assert any(
        line.startswith("WARN  this SSH session (from 192.0.2.7) runs over enp3s0f1")
        and "--confirm-within 120" in line
        for line in lines
    )


def test_networkmanager_and_the_ip_method(tmp_path: Path) -> None:
    host = Host(tmp_path)
    host.uplink()
    host.nm = {
        "running": True,
        "connections": [],
        "devices": {"enp3s0f1": {"GENERAL.STATE": "100 (connected)"}},
    }
    _, lines = host.preflight(BRIDGED.replace("METHOD", "ip"))
    assert (
        "WARN  NetworkManager manages enp3s0f1 and may undo what the ip method does: use method: nmcli, "
        "or run: nmcli device set enp3s0f1 managed no"
    ) in lines
    _, lines = host.preflight(BRIDGED.replace("METHOD", "nmcli"))
    assert "PASS  NetworkManager is running" in lines
    host.nm["running"] = False
    code, lines = host.preflight(BRIDGED.replace("METHOD", "nmcli"))
    assert (
        code == 1
        and "FAIL  NetworkManager is not running: method nmcli needs it (systemctl start NetworkManager)"
        in lines
    )


def test_docker_forward_drop_with_br_netfilter(tmp_path: Path) -> None:
    host = Host(tmp_path)
    root = tmp_path / "as-root"  # the FORWARD policy is read as root only
    root.mkdir()
    (root / "id").write_text(
        '#!/bin/sh\n[ "$1" = -u ] && echo 0 && exit 0\nexec /usr/bin/id "$@"\n'
    )
    (root / "id").chmod(0o755)
    host.env["PATH"] = f"{root}:{host.env['PATH']}"
    host.uplink()
    (tmp_path / "proc/sys/net/bridge/bridge-nf-call-iptables").write_text("1\n")
    code, lines = host.preflight(BRIDGED.replace("METHOD", "ip"), FAKE_FORWARD_POLICY="DROP")
    assert code == 1
    assert any(line.startswith("WARN  bridge-nf-call-iptables=1 (br_netfilter)") for line in lines)
    assert any(
        line.startswith(
            "FAIL  iptables FORWARD policy is DROP (Docker sets it) and bridge-nf-call-iptables=1"
        )
        and "iptables -I DOCKER-USER -i br0 -o br0 -j ACCEPT" in line
        for line in lines
    )
    (tmp_path / "proc/sys/net/bridge/bridge-nf-call-iptables").write_text("0\n")
    code, lines = host.preflight(BRIDGED.replace("METHOD", "ip"), FAKE_FORWARD_POLICY="DROP")
    assert (
        "WARN  iptables FORWARD policy is DROP (Docker sets it); harmless while bridge-nf-call-iptables stays 0"
        in lines
    )


@pytest.mark.parametrize(
    ("routes", "verdict"),
    [
        (
            ["10.0.0.0/8 dev eth1 proto kernel scope link src 10.0.0.5"],
            "PASS  subnet 192.168.122.0/24 of NAT network default overlaps no route on this host",
        ),
        (
            ["192.168.0.0/16 dev eth1 proto kernel scope link src 192.168.1.5"],
            "FAIL  subnet 192.168.122.0/24 of NAT network default overlaps routes already on this host: 192.168.0.0/16 (dev eth1); pick another subnet",
        ),
        (
            ["192.168.122.0/25 via 10.0.0.1 dev eth1"],
            "FAIL  subnet 192.168.122.0/24 of NAT network default overlaps routes already on this host: 192.168.122.0/25 (dev eth1); pick another subnet",
        ),
        (
            ["192.168.122.0/24 dev virbr0 proto kernel scope link src 192.168.122.1"],
            "PASS  subnet 192.168.122.0/24 of NAT network default overlaps no route on this host",
        ),  # its own, already running
        (
            ["192.168.122.7 via 10.0.0.1 dev eth1"],
            "FAIL  subnet 192.168.122.0/24 of NAT network default overlaps routes already on this host: 192.168.122.7/32 (dev eth1); pick another subnet",
        ),
    ],
    ids=["apart", "inside-a-larger", "inside-it", "its-own", "a-host-route"],
)
def test_nat_subnet_overlap_by_cidr(tmp_path: Path, routes: list[str], verdict: str) -> None:
    host = Host(tmp_path)
    (tmp_path / "dev/vhost-net").write_text("")
    host.net["routes_all"] = ["default via 10.0.0.1 dev eth1", *routes]
    code, lines = host.preflight(NATTED)
    assert verdict in lines, lines
    assert code == (1 if verdict.startswith("FAIL") else 0), lines


def test_vhost_on_and_kvm(tmp_path: Path) -> None:
    host = Host(tmp_path)
    code, lines = host.preflight(NATTED)
    assert code == 1
    assert "FAIL  /dev/vhost-net is not accessible: modprobe vhost_net" in lines  # vhost: on
    assert not any("/dev/kvm" in line for line in lines)  # accel: tcg
    code, lines = host.preflight(NATTED.replace("accel: tcg", "accel: kvm"))
    assert any(line.startswith("FAIL  /dev/kvm is missing or not accessible") for line in lines)


def test_passthrough_group_and_iommu(tmp_path: Path) -> None:
    host = Host(tmp_path)
    code, lines = host.preflight(PASSED)
    assert code == 1 and any(line.startswith("FAIL  the IOMMU is off") for line in lines)
    host.sys.device(NIC_A, 12, ifname="enp129s0f0")
    host.sys.device("0000:81:00.1", 12, driver=None)
    code, lines = host.preflight(PASSED)
    assert "PASS  the IOMMU is on" in lines
    assert (
        f"PASS  IOMMU group 12: {NIC_A} (ixgbe) 0000:81:00.1 (no driver) (all of these go to vfio-pci)"
        in lines
    )
    host.net["default_routes"] = ["default via 10.0.0.1 dev enp129s0f0"]
    code, lines = host.preflight(PASSED)
    assert code == 1
    assert (
        f"FAIL  enp129s0f0 ({NIC_A}) in the group carries the default route: passing it "
        "through cuts the host off (bind-vfio-nic81.sh refuses it without --force)"
    ) in lines


def test_preflight_and_bind_apply_one_cut_off_rule(tmp_path: Path) -> None:
    """A group member with an address: the bind script refuses it, so preflight fails it
    (it used to pass it); both say it in the same words."""
    host = Host(tmp_path)
    host.sys.device(NIC_A, 12, ifname="enp129s0f0")
    host.net["links"]["enp129s0f0"] = {"mac": "02:00:00:00:00:01", "addrs": ["10.0.0.5/24"]}
    code, lines = host.preflight(PASSED)
    assert code == 1
    assert (
        f"FAIL  enp129s0f0 ({NIC_A}) in the group has address(es) 10.0.0.5/24: passing it "
        "through cuts the host off (bind-vfio-nic81.sh refuses it without --force)"
    ) in lines
    bundle = host.dir / "bundle"
    bind = subprocess.run(
        ["bash", str(bundle / "bind-vfio-nic81.sh"), "--dry-run"],
        capture_output=True,
        text=True,
        env=host.env,
    )
    assert bind.returncode == 1
    assert f"refusing: enp129s0f0 ({NIC_A}) has address(es) 10.0.0.5/24" in bind.stderr


def test_preflight_changes_nothing(tmp_path: Path) -> None:
    host = Host(tmp_path)
    host.uplink()
    host.preflight(BRIDGED.replace("METHOD", "ip"))
    calls = (tmp_path / "calls.log").read_text().splitlines()
    assert calls and all(c.split()[1] in ("-o", "-4", "-t", "-g") for c in calls), calls


@pytest.mark.parametrize("method", ["ip", "netplan", "networkd", "ifupdown"])
def test_a_wifi_uplink_cannot_be_bridged(tmp_path: Path, method: str) -> None:
    host = Host(tmp_path)
    host.uplink()
    (tmp_path / "sys/class/net/enp3s0f1/wireless").mkdir()
    code, lines = host.preflight(BRIDGED.replace("METHOD", method))
    assert code == 1
    assert (
        "FAIL  enp3s0f1 is a Wi-Fi NIC: a Wi-Fi NIC cannot be bridged (the access point drops frames of other MACs); use type nat, routed or user"
        in lines
    )


FORWARDED = """\
name: lab
networks:
  default:
    type: nat
    bridge: virbr0
    subnet: 192.168.122.0/24
    dhcp: {start: 192.168.122.100, end: 192.168.122.254}
    forwards:
      - {host_port: 2222, to: vm1, port: 22}
      - {proto: udp, host_port: 5353, to: vm1, port: 53}
vms:
  - {name: vm1, memory: 1G, accel: tcg, vhost: "off", nics: [{network: default}]}
"""


def test_forwards_ports_in_use_and_the_firewall_backend(tmp_path: Path) -> None:
    host = Host(tmp_path)
    _, lines = host.preflight(FORWARDED, FAKE_SS_LISTEN="tcp:22 udp:53")
    assert "PASS  tcp port 2222 is free on this host" in lines
    assert "PASS  udp port 5353 is free on this host" in lines
    backend = [line for line in lines if "firewall backend" in line]
    assert backend == [
        "PASS  libvirt's firewall backend here: iptables (no firewall_backend set and no "
        "nftables table of libvirt's seen; libvirt before 10.4 has only iptables); the forwards' "
        "hook uses the same"
    ]
    _, lines = host.preflight(
        FORWARDED, FAKE_SS_LISTEN="tcp:2222 udp:5353", FAKE_NFT_TABLES="libvirt_network"
    )
    assert any(line.startswith("WARN  tcp port 2222 is in use by a service") for line in lines)
    assert any(line.startswith("WARN  udp port 5353 is in use by a service") for line in lines)
    assert any(
        line.startswith("PASS  libvirt's firewall backend here: nftables (libvirt's table")
        for line in lines
    )
    conf = tmp_path / "network.conf"
    conf.write_text('# a comment\nfirewall_backend = "nftables"\n')
    _, lines = host.preflight(FORWARDED, QEMU_NETGEN_LIBVIRT_NETWORK_CONF=str(conf))
    assert (
        f"PASS  libvirt's firewall backend here: nftables (firewall_backend in {conf}); the "
        "forwards' hook uses the same"
    ) in lines


def test_forwards_on_a_libvirt_without_hook_folders(tmp_path: Path) -> None:
    host = Host(tmp_path)
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "virsh").write_text('#!/bin/sh\n[ "$1" = --version ] && echo 6.0.0\n')
    (shim / "virsh").chmod(0o755)
    _, lines = host.preflight(FORWARDED, PATH=f"{shim}:{host.env['PATH']}")
    assert any(
        line.startswith("PASS  libvirt 6.0.0 runs only /etc/libvirt/hooks/network: the setup puts")
        for line in lines
    ), lines
    (shim / "virsh").write_text('#!/bin/sh\n[ "$1" = --version ] && echo 10.10.0\n')
    _, lines = host.preflight(FORWARDED, PATH=f"{shim}:{host.env['PATH']}")
    assert (
        "PASS  libvirt 10.10.0 runs the forwards' hook from /etc/libvirt/hooks/network.d" in lines
    )


ROUTED = """\
name: lab
networks:
  out: {type: routed, bridge: virbr1, uplink: wlp2s0, subnet: 203.0.113.0/28}
"""


def test_a_routed_network_needs_its_uplink_and_may_route_out_of_wifi(tmp_path: Path) -> None:
    host = Host(tmp_path)
    code, lines = host.preflight(ROUTED)
    assert code == 1
    assert (
        "FAIL  uplink wlp2s0 of routed network out does not exist: check the profile's uplink "
        "(ip -br link lists the NICs)"
    ) in lines
    host.uplink("wlp2s0")
    (tmp_path / "sys/class/net/wlp2s0/wireless").mkdir()
    code, lines = host.preflight(ROUTED)
    assert "PASS  uplink wlp2s0 of routed network out exists" in lines
    assert not [line for line in lines if "Wi-Fi" in line]


USER = """\
name: lab
networks:
  up: {type: user}
  slow: {type: user, backend: slirp}
vms:
  - {name: vm1, memory: 1G, accel: tcg, nics: [{network: up}, {network: slow}]}
"""


@pytest.mark.parametrize(
    ("netdevs", "found"),
    [
        (
            "socket stream dgram tap user",
            [
                "PASS  QEMU here has -netdev stream (QEMU 7.2 and later connect to passt with it)",
                "PASS  QEMU here has -netdev user (slirp, built into QEMU with libslirp)",
            ],
        ),
        (
            "socket tap",  # QEMU before 7.2, built without libslirp
            [
                "FAIL  QEMU here has no -netdev stream (QEMU 7.2 and later connect to passt "
                "with it): upgrade QEMU, or use backend: slirp",
                "FAIL  QEMU here has no -netdev user (slirp, built into QEMU with libslirp): "
                "this QEMU was built without slirp; use backend: passt",
            ],
        ),
    ],
)
def test_user_mode_backends_are_asked_of_qemu(
    tmp_path: Path, netdevs: str, found: list[str]
) -> None:
    host = Host(tmp_path)
    bindir = tmp_path / "bin"
    bindir.mkdir()
    words = "\\n".join(netdevs.split())
    (bindir / "qemu-system-x86_64").write_text(
        f'#!/bin/sh\n[ "$1 $2" = "-netdev help" ] && printf "Available netdev backend types:\\n{words}\\n"\n'
    )
    (bindir / "qemu-system-x86_64").chmod(0o755)
    _, lines = host.preflight(USER, PATH=f"{bindir}:{host.env['PATH']}")
    assert [line for line in lines if "-netdev" in line] == found
    assert ("PASS  command passt" in lines) == bool(shutil.which("passt"))


def test_a_routed_network_may_go_out_through_a_bridge_the_bundle_makes(tmp_path: Path) -> None:
    host = Host(tmp_path)
    host.uplink("eno1")
    text = ROUTED.replace("uplink: wlp2s0", "uplink: br0") + (
        "  lan: {type: bridge, bridge: br0, uplink: eno1, method: ip}\n"
    )
    _, lines = host.preflight(text)
    assert (
        "PASS  uplink br0 of routed network out does not exist yet: up-bridge-lan.sh makes it"
    ) in lines


def fake_tool(where: Path, name: str, script: str) -> None:
    bindir = where / "bin"
    bindir.mkdir(exist_ok=True)
    (bindir / name).write_text("#!/bin/sh\n" + script)
    (bindir / name).chmod(0o755)


# firewalld cannot run in the test sandboxes (it wants its D-Bus service and would take the
# namespace's whole firewall); these fakes answer as firewall-cmd 1.3 does
FIREWALLD = """\
case "$*" in
  --state) echo running ;;
  --get-zones) echo "block dmz drop external home internal ZONES public trusted work" ;;
  --get-zone-of-interface=virbr0) ZONE_OF_VIRBR0 ;;
  "--permanent --zone=libvirt --get-target") echo "${FAKE_FW_TARGET:-ACCEPT}" ;;
  *) exit 2 ;;
esac
"""


@pytest.mark.parametrize(
    ("zones", "zone_of", "backend", "found"),
    [
        (
            "libvirt",
            "echo libvirt",
            "nftables",
            [
                "PASS  firewalld runs and has libvirt's zone 'libvirt'",
                "PASS  firewalld's zone 'libvirt' forwards (target ACCEPT); libvirt masquerades "
                "in its own rules",
            ],
        ),
        (
            "libvirt",
            "echo libvirt",
            "nftables DROP",
            [
                "PASS  firewalld runs and has libvirt's zone 'libvirt'",
                "FAIL  firewalld's zone 'libvirt' has target 'DROP', not ACCEPT: it drops what "
                "the guests send through the host; firewall-cmd --permanent --zone=libvirt "
                "--set-target=ACCEPT && firewall-cmd --reload",
            ],
        ),
        (
            "",
            "exit 2",
            "nftables",
            [
                "FAIL  firewalld runs and has no zone 'libvirt', in which libvirt puts its "
                "bridges: run firewall-cmd --reload once libvirt is installed (it ships "
                "/usr/lib/firewalld/zones/libvirt.xml)"
            ],
        ),
        (
            "libvirt",
            "echo public",
            "nftables",
            [
                "PASS  firewalld runs and has libvirt's zone 'libvirt'",
                "PASS  firewalld's zone 'libvirt' forwards (target ACCEPT); libvirt masquerades "
                "in its own rules",
                "FAIL  firewalld has virbr0 in zone 'public', not 'libvirt': its guests get no "
                "DHCP or DNS and no way out; firewall-cmd --permanent --zone=public "
                "--remove-interface=virbr0 && firewall-cmd --reload (libvirt puts it in its "
                "zone as the network starts)",
            ],
        ),
        (
            "libvirt",
            "echo libvirt",
            "iptables",
            [
                "PASS  firewalld runs and has libvirt's zone 'libvirt'",
                "PASS  firewalld's zone 'libvirt' forwards (target ACCEPT); libvirt masquerades "
                "in its own rules",
                "WARN  firewalld uses its iptables backend (FirewallBackend in FWCONF) and "
                "libvirt nftables: the two sets of rules do not see each other's accepts; set "
                "FirewallBackend=nftables and restart firewalld",
            ],
        ),
    ],
)
def test_firewalld_zone_and_backend(
    tmp_path: Path, zones: str, zone_of: str, backend: str, found: list[str]
) -> None:
    host = Host(tmp_path)
    backend, _, target = backend.partition(" ")
    fake_tool(
        tmp_path,
        "firewall-cmd",
        FIREWALLD.replace("ZONES", zones).replace("ZONE_OF_VIRBR0", zone_of),
    )
    conf = tmp_path / "firewalld.conf"
    conf.write_text(f"# firewalld\nFirewallBackend={backend}\n")
    libvirt_conf = tmp_path / "network.conf"
    libvirt_conf.write_text('firewall_backend = "nftables"\n')
    _, lines = host.preflight(
        NATTED,
        PATH=f"{tmp_path / 'bin'}:{host.env['PATH']}",
        QEMU_NETGEN_FIREWALLD_CONF=str(conf),
        QEMU_NETGEN_LIBVIRT_NETWORK_CONF=str(libvirt_conf),
        FAKE_FW_TARGET=target or "ACCEPT",
    )
    got = [line for line in lines if "firewalld" in line]
    assert [
        g.replace(str(conf), "FWCONF") for g in got if not g.startswith("PASS  firewalld's backend")
    ] == found


@pytest.mark.parametrize(
    ("policy", "backend", "found"),
    [
        (
            '"DROP"',
            "nftables",
            'FAIL  ufw is active with DEFAULT_FORWARD_POLICY="DROP" (DEFAULTS): it drops the '
            "guests' forwarded traffic, which libvirt accepts in its own nftables table only; "
            "allow it per bridge (ufw route allow in on virbr0; ufw route allow out on virbr0; ) "
            'or set DEFAULT_FORWARD_POLICY="ACCEPT" there and ufw reload',
        ),
        (
            '"REJECT"',
            "nftables",
            'FAIL  ufw is active with DEFAULT_FORWARD_POLICY="REJECT" (DEFAULTS): it drops the '
            "guests' forwarded traffic, which libvirt accepts in its own nftables table only; "
            "allow it per bridge (ufw route allow in on virbr0; ufw route allow out on virbr0; ) "
            'or set DEFAULT_FORWARD_POLICY="ACCEPT" there and ufw reload',
        ),
        (
            '"DROP"',
            "iptables",
            'WARN  ufw is active with DEFAULT_FORWARD_POLICY="DROP" (DEFAULTS): libvirt\'s '
            "iptables jumps come first in FORWARD and let its guests through, until ufw is "
            "reloaded before libvirt; to be sure, allow it per bridge (ufw route allow in on "
            'virbr0; ufw route allow out on virbr0; ) or set DEFAULT_FORWARD_POLICY="ACCEPT" '
            "there and ufw reload",
        ),
        ('"ACCEPT"', "nftables", "PASS  ufw is active; its forward policy is ACCEPT"),
    ],
)
def test_ufw_forward_policy(tmp_path: Path, policy: str, backend: str, found: str) -> None:
    # ufw needs its own iptables chains and /etc: faked, with its defaults file; preflight
    # asks ufw only as root, so `id -u` says 0 here whoever runs the test
    host = Host(tmp_path)
    fake_tool(tmp_path, "ufw", 'echo "Status: active"\n')
    fake_tool(tmp_path, "id", '[ "$1" = -u ] && echo 0 && exit 0\nexec /usr/bin/id "$@"\n')
    defaults = tmp_path / "ufw"
    defaults.write_text(f'IPV6=yes\nDEFAULT_INPUT_POLICY="DROP"\nDEFAULT_FORWARD_POLICY={policy}\n')
    libvirt_conf = tmp_path / "network.conf"
    libvirt_conf.write_text(f'firewall_backend = "{backend}"\n')
    code, lines = host.preflight(
        NATTED,
        PATH=f"{tmp_path / 'bin'}:{host.env['PATH']}",
        QEMU_NETGEN_UFW_DEFAULTS=str(defaults),
        QEMU_NETGEN_LIBVIRT_NETWORK_CONF=str(libvirt_conf),
    )
    assert [line for line in lines if "ufw" in line] == [found.replace("DEFAULTS", str(defaults))]
    if found.startswith("FAIL"):
        assert code == 1
