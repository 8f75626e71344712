"""Every generated network XML passes libvirt's own schema and its parser (test driver)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import PROFILES
from tests.system.conftest import render_bundle

RICH = """\
name: rich
networks:
  default:
    type: nat
    bridge: virbr0
    subnet: 192.168.122.0/24
    dhcp: {start: 192.168.122.100, end: 192.168.122.254}
    hosts:
      - {mac: "52:54:00:00:00:10", ip: 192.168.122.10, name: web1}
      - {mac: "52:54:00:00:00:11", ip: 192.168.122.11}
    subnet6: "fd00:122::/64"
    dhcp6: {start: "fd00:122::100", end: "fd00:122::1ff"}
  isolated.lab:
    type: nat
    bridge: virbr-lab_1
    subnet: 10.20.30.0/30
    gateway: 10.20.30.2
    autostart: false
"""


def network_xmls(out: Path) -> list[Path]:
    for profile in PROFILES:
        render_bundle(profile.read_text(), out / profile.stem)
    render_bundle(RICH, out / "rich")
    return sorted(out.glob("*/libvirt/*.xml"))


def test_every_network_xml_is_valid_for_libvirt(system: None, tmp_path: Path) -> None:
    xmls = network_xmls(tmp_path / "out")
    assert [p.name for p in xmls] == [
        "lab.xml",  # isolated
        "default.xml",
        "default.xml",
        "default.xml",
        "isolated.lab.xml",  # a NAT network of lab-fedora
        "public.xml",  # routed
    ]
    node = tmp_path / "node.xml"
    node.write_text("<node/>\n")  # the test driver with no predefined networks
    for xml in xmls:
        valid = subprocess.run(
            ["virt-xml-validate", str(xml), "network"], capture_output=True, text=True
        )
        assert valid.returncode == 0 and f"{xml} validates" in valid.stdout + valid.stderr, (
            valid.stderr
        )
        name = xml.stem
        defined = subprocess.run(
            [
                "virsh",
                "-c",
                f"test://{node}",
                f"net-define {xml}; net-start {name}; net-info {name}",
            ],
            capture_output=True,
            text=True,
        )
        assert defined.returncode == 0, defined.stderr
        assert f"Network {name} defined from {xml}" in defined.stdout
        assert "Active:         yes" in defined.stdout


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "<network><name>x</name><ip address='10.0.0.1' netmask='255.255.255.0'><dhcp>"
            "<range start='10.0.1.2' end='10.0.1.9'/></dhcp></ip></network>",
            "is not entirely within network",
        ),
        ("<network><name>x</name><mac address='53:54:00:00:00:01'/></network>", "multicast"),
    ],
)
def test_the_checks_catch_broken_xml(system: None, tmp_path: Path, text: str, error: str) -> None:
    """The two tools above do refuse what libvirt refuses."""
    bad = tmp_path / "bad.xml"
    bad.write_text(text)
    node = tmp_path / "node.xml"
    node.write_text("<node/>\n")
    result = subprocess.run(
        ["virsh", "-c", f"test://{node}", "net-define", str(bad)], capture_output=True, text=True
    )
    assert result.returncode != 0 and error in result.stderr, result.stderr
