"""preflight.sh against a real (sandboxed) host: routes, links and the firewall as they are."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.system.conftest import render_bundle
from tests.system.daemons import wait_until
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


def lines_of(box: Sandbox, bundle: Path) -> list[str]:
    return box.run("bash", str(bundle / "preflight.sh")).stdout.splitlines()


def test_host_conflicts_of_a_nat_network_with_the_real_tools(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """Each conflict made for real in the sandbox (its own /etc, firewall and sockets), then
    undone: preflight FAILs it with the fix, and PASSes once it is gone. firewalld and ufw
    cannot run here; tests/test_preflight.py fakes them."""
    bundle = render_bundle((ROOT / "profiles" / "nat.yaml").read_text(), tmp_path / "bundle")
    sandbox.sh(
        "ip link add eth1 type veth peer name eth1p && ip link set eth1 up && ip link set eth1p up"
    )
    clean = lines_of(sandbox, bundle)
    for line in (
        "PASS  /etc/resolv.conf exists",
        "PASS  no DNS or DHCP server listens on the wildcard address",
        "PASS  no other nftables table drops the bridges' traffic by policy",
        "PASS  subnet 192.168.122.0/24 of NAT network default overlaps no route on this host",
    ):
        assert line in clean, "\n".join(clean)

    # a dangling /etc/resolv.conf (systemd-resolved's link with resolved gone)
    sandbox.sh(
        "mv /etc/resolv.conf /etc/resolv.conf.qn && ln -s /run/nowhere/resolv.conf /etc/resolv.conf"
    )
    found = lines_of(sandbox, bundle)
    assert any(
        line.startswith("FAIL  /etc/resolv.conf is a dangling link (to /run/nowhere/resolv.conf)")
        for line in found
    ), found
    sandbox.sh("rm /etc/resolv.conf && mv /etc/resolv.conf.qn /etc/resolv.conf")

    # a DNS server on 0.0.0.0:53 (a system dnsmasq without bind-interfaces)
    dns = sandbox.start(
        "dnsmasq", "--keep-in-foreground", "--no-resolv", "--no-hosts", "--port=53",
        "--listen-address=0.0.0.0", "--pid-file=/run/qn-dnsmasq.pid",
    )  # fmt: skip
    try:
        wait_until(
            "dnsmasq on 0.0.0.0:53",
            lambda: "0.0.0.0:53 " in sandbox.run("ss", "-H", "-lnu").stdout,
            proc=dns,
        )
        found = lines_of(sandbox, bundle)
        wildcard = [line for line in found if "wildcard" in line]
        assert len(wildcard) == 1 and wildcard[0].startswith(
            "FAIL  a DNS or DHCP server listens on the wildcard address (0.0.0.0:53"
        ), found
        assert "dnsmasq" in wildcard[0]
    finally:
        dns.kill()
        dns.wait(timeout=10)

    # an inet filter table whose forward chain drops by policy and knows nothing of virbr0
    sandbox.sh(
        "nft add table inet guard && "
        "nft add chain inet guard gate '{ type filter hook forward priority 0; policy drop; }'"
    )
    found = lines_of(sandbox, bundle)
    assert (
        "FAIL  nftables chain inet guard gate drops by policy on the forward hook and no rule of "
        "it accepts the bridges: it drops the guests' traffic; accept them: nft insert rule inet "
        'guard gate iifname "virbr0" accept; nft insert rule inet guard gate oifname "virbr0" '
        "accept; "
    ) in found, found
    # and an input chain, the most common hardened ruleset: DHCP and DNS die there
    sandbox.sh("nft add chain inet guard in '{ type filter hook input priority 0; policy drop; }'")
    found = lines_of(sandbox, bundle)
    assert found[-1].startswith("preflight: "), found  # the script went on to its summary
    assert (
        "FAIL  nftables chain inet guard in drops by policy on the input hook and no rule of it "
        "accepts the bridges: it drops the guests' DHCP and DNS; accept them: nft insert rule "
        'inet guard in iifname "virbr0" udp dport { 53, 67, 547 } accept; nft insert rule inet '
        'guard in iifname "virbr0" tcp dport 53 accept; '
    ) in found, found
    # a chain that jumps elsewhere may accept them there: a warning, not a failure
    sandbox.sh("nft add chain inet guard more && nft add rule inet guard in jump more")
    found = lines_of(sandbox, bundle)
    assert any(
        line.startswith(
            "WARN  nftables chain inet guard in drops by policy on the input hook "
            "and accepts the bridges only perhaps"
        )
        for line in found
    ), found
    sandbox.sh(
        "nft delete table inet guard && nft add table inet guard && "
        "nft add chain inet guard gate '{ type filter hook forward priority 0; policy drop; }'"
    )
    sandbox.sh(
        'nft insert rule inet guard gate iifname "virbr0" accept && '
        'nft insert rule inet guard gate oifname "virbr0" accept'
    )
    assert "PASS  no other nftables table drops the bridges' traffic by policy" in lines_of(
        sandbox, bundle
    )

    # rules in both iptables flavours
    sandbox.sh("iptables-legacy -A INPUT -i lo -j ACCEPT && iptables-nft -A INPUT -i lo -j ACCEPT")
    found = lines_of(sandbox, bundle)
    assert any(
        line.startswith("WARN  iptables rules in both flavours (1 legacy, 1 nf_tables")
        for line in found
    ), found

    # an address inside the subnet without its prefix route
    sandbox.sh("ip addr add 192.168.122.7/32 dev eth1")
    found = lines_of(sandbox, bundle)
    assert (
        "FAIL  subnet 192.168.122.0/24 of NAT network default overlaps routes already on this "
        "host: 192.168.122.7/32 (dev eth1); pick another subnet"
    ) in found, found
