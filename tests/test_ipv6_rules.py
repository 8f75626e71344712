"""IPv6 on NAT networks: the profile's rules and what the plan and the XML make of them."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET

import pytest

from generator import plan, render
from generator.errors import ProfileError
from generator.validate import parse_text

NAT6 = """\
name: v6
networks:
  default:
    type: nat
    bridge: virbr0
    subnet: 192.168.122.0/24
    subnet6: SUBNET6
    DHCP6
"""


def text(subnet6: str = '"fd00:122::/64"', dhcp6: str = "") -> str:
    return NAT6.replace("SUBNET6", subnet6).replace("DHCP6", dhcp6)


def errors(profile: str) -> list[str]:
    with pytest.raises(ProfileError) as info:
        parse_text(textwrap.dedent(profile), "p.yaml")
    return str(info.value).splitlines()


@pytest.mark.parametrize(
    ("subnet6", "message"),
    [
        ('"fd00:122::1/64"', "fd00:122::1/64 has host bits set; the prefix is fd00:122::/64"),
        (
            '"fd00:122::/56"',
            "fd00:122::/56 is a /56: a libvirt network's IPv6 subnet is a /64 (router "
            "advertisements and SLAAC work on /64 only)",
        ),
        (
            '"2001:db8:5::/64"',
            "2001:db8:5::/64 is not a unique local prefix (fc00::/7): a NAT network masquerades "
            "IPv6 too, which only makes sense for a private prefix; pick one in fd00::/8",
        ),
        ("fd00", "'fd00' is not an IPv6 prefix like fd12:3456:789a:1::/64"),
        ("64", "64 is not an IPv6 prefix like fd12:3456:789a:1::/64"),
    ],
)
def test_subnet6(subnet6: str, message: str) -> None:
    assert errors(text(subnet6)) == [f"p.yaml:7: networks.default.subnet6: {message}"]


@pytest.mark.parametrize(
    ("dhcp6", "found"),
    [
        (
            'dhcp6: {start: "fd00:99::10", end: "fd00:122::20"}',
            [
                "p.yaml:8: networks.default.dhcp6.start: fd00:99::10 is outside subnet6 fd00:122::/64"
            ],
        ),
        (
            'dhcp6: {start: "fd00:122::20", end: "fd00:122::10"}',
            [
                "p.yaml:8: networks.default.dhcp6: range is reversed: start fd00:122::20 is "
                "after end fd00:122::10"
            ],
        ),
        (
            'dhcp6: {start: "fd00:122::", end: "fd00:122::10"}',
            [
                "p.yaml:8: networks.default.dhcp6: range fd00:122::-fd00:122::10 covers the gateway fd00:122::1"
            ],
        ),
        (
            'dhcp6: {start: "fd00:122::10", end: 12}',
            [
                "p.yaml:8: networks.default.dhcp6.end: 12 is not an IPv6 address; write it like fd12:3456:789a:1::10"
            ],
        ),
    ],
)
def test_dhcp6(dhcp6: str, found: list[str]) -> None:
    assert errors(text(dhcp6=dhcp6)) == found


def test_dhcp6_needs_subnet6_and_subnets6_do_not_overlap() -> None:
    without = NAT6.replace("    subnet6: SUBNET6\n", "").replace(
        "DHCP6", 'dhcp6: {start: "fd00::10", end: "fd00::20"}'
    )
    assert errors(without) == [
        "p.yaml:7: networks.default.dhcp6: a DHCPv6 range needs subnet6 (the network's IPv6 /64)"
    ]
    two = text() + (
        '  other: {type: nat, bridge: virbr1, subnet: 10.0.0.0/24, subnet6: "fd00:122::/64"}\n'
    )
    assert errors(two) == [
        "p.yaml:9: networks.other.subnet6: fd00:122::/64 overlaps fd00:122::/64 of network "
        "'default'"
    ]


def test_the_xml_masquerades_ipv6_and_serves_the_range() -> None:
    built = plan.build(
        parse_text(text(dhcp6='dhcp6: {start: "fd00:122::100", end: "fd00:122::1ff"}'))
    )
    (net,) = built.libvirt_nets
    assert net.ipv6 is not None and net.ipv6.address == "fd00:122::1"
    files = {f.path: f.text for f in render.render(built)}
    root = ET.fromstring(files["libvirt/default.xml"])
    forward = root.find("forward")
    assert forward is not None and forward.get("mode") == "nat"
    assert forward.find("nat").attrib == {"ipv6": "yes"}  # type: ignore[union-attr]
    v6 = [ip for ip in root.findall("ip") if ip.get("family") == "ipv6"]
    assert [ip.attrib for ip in v6] == [
        {"family": "ipv6", "address": "fd00:122::1", "prefix": "64"}
    ]
    assert v6[0].find("dhcp/range").attrib == {"start": "fd00:122::100", "end": "fd00:122::1ff"}  # type: ignore[union-attr]
    assert "sysctl" in built.commands and "procps" in built.packages
    # without subnet6 nothing of this
    plain = plan.build(parse_text(NAT6.replace("    subnet6: SUBNET6\n", "").replace("DHCP6", "")))
    assert plain.libvirt_nets[0].ipv6 is None and "sysctl" not in plain.commands


def test_a_dhcp6_range_libvirt_can_take_and_no_zones() -> None:
    big = text(dhcp6='dhcp6: {start: "fd00:122::1:0", end: "fd00:122::2:ffff"}')
    assert errors(big) == [
        "p.yaml:8: networks.default.dhcp6: range fd00:122::1:0-fd00:122::2:ffff differs before "
        "its last 16 bits: libvirt takes at most 65536 addresses that share the first seven "
        "groups (like ::1:0 to ::1:ffff)"
    ]
    anycast = text(dhcp6='dhcp6: {start: "fd00:122::", end: "fd00:122::0"}')
    assert errors(anycast) == [
        "p.yaml:8: networks.default.dhcp6: fd00:122:: is the subnet-router anycast address of "
        "fd00:122::/64"
    ]
    assert errors(text('"fd00:122::%eth0/64"')) == [
        "p.yaml:7: networks.default.subnet6: 'fd00:122::%eth0/64' is not an IPv6 prefix like "
        "fd12:3456:789a:1::/64"
    ]
    zone = text(dhcp6='dhcp6: {start: "fd00:122::100%eth0", end: "fd00:122::1ff"}')
    assert errors(zone) == [
        "p.yaml:8: networks.default.dhcp6.start: 'fd00:122::100%eth0' is not an IPv6 address; "
        "write it like fd12:3456:789a:1::10"
    ]
