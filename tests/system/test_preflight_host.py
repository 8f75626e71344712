"""preflight.sh against a real (sandboxed) host: routes, links and the firewall as they are."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.system.conftest import render_bundle
from tests.system.sandbox import Sandbox


def test_nat_subnet_overlap_on_a_real_routing_table(sandbox: Sandbox, tmp_path: Path) -> None:
    bundle = render_bundle((ROOT / "profiles" / "nat.yaml").read_text(), tmp_path / "bundle")
    sandbox.sh(
        "ip link add dummy0 type veth peer name dummy1 && ip link set dummy1 up && ip link set dummy0 up"
    )
    sandbox.sh("ip addr add 10.1.0.5/16 dev dummy0")
    clean = sandbox.run("bash", str(bundle / "preflight.sh"))
    assert (
        "PASS  subnet 192.168.122.0/24 of NAT network default overlaps no route on this host"
        in clean.stdout
    ), clean.stdout
    sandbox.sh("ip addr add 192.168.0.5/16 dev dummy0")
    clash = sandbox.run("bash", str(bundle / "preflight.sh"))
    assert clash.returncode == 1
    assert (
        "FAIL  subnet 192.168.122.0/24 of NAT network default overlaps routes already on this host: 192.168.0.0/16 (dev dummy0); "
        "pick another subnet"
    ) in clash.stdout


def test_docker_like_firewall_on_a_bridge_host(sandbox: Sandbox, tmp_path: Path) -> None:
    bundle = render_bundle((ROOT / "profiles" / "bridge-ip.yaml").read_text(), tmp_path / "bundle")
    sandbox.sh(
        "ip link add enp3s0f1 type veth peer name peer0 && ip link set peer0 up && ip link set enp3s0f1 up"
    )
    sandbox.sh("iptables -P FORWARD DROP")
    result = sandbox.run("bash", str(bundle / "preflight.sh"))
    lines = result.stdout.splitlines()
    nf = sandbox.run("cat", "/proc/sys/net/bridge/bridge-nf-call-iptables").stdout.strip()
    if nf == "1":
        assert any(
            line.startswith("FAIL  iptables FORWARD policy is DROP (Docker sets it)")
            for line in lines
        ), lines
    else:
        assert (
            "WARN  iptables FORWARD policy is DROP (Docker sets it); harmless while bridge-nf-call-iptables stays 0"
            in lines
        )
    assert "PASS  uplink enp3s0f1 exists and is up" in lines
