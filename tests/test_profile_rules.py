"""Every profile rule, each with its pinned message and line."""

from __future__ import annotations

import textwrap

import pytest

from generator.errors import ProfileError
from generator.validate import parse_text
from tests.conftest import BASE_PROFILE

BASE = BASE_PROFILE


def errors(text: str) -> list[str]:
    with pytest.raises(ProfileError) as info:
        parse_text(textwrap.dedent(text), "p.yaml")
    return str(info.value).splitlines()


def with_(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def test_base_is_valid() -> None:
    profile = parse_text(BASE)
    assert profile.name == "lab1"
    assert profile.host.distro == "debian"
    assert profile.vms[0].cpus == 1
    assert profile.vms[0].display is None


@pytest.mark.parametrize(
    ("bridge", "message"),
    [
        ("abcdefghijklmnop", "name longer than 15 characters"),
        ('""', "name is empty"),
        ('"."', "'.' is not a valid interface name"),
        ('".."', "'..' is not a valid interface name"),
        ("br/0", "name may only contain letters, digits, '_', '.' and '-' (found '/')"),
        ("br:0", "name may only contain letters, digits, '_', '.' and '-' (found ':')"),
        ('"br 0"', "name may only contain letters, digits, '_', '.' and '-' (found ' ')"),
    ],
)
def test_interface_names(bridge: str, message: str) -> None:
    assert errors(with_("bridge: virbr0", f"bridge: {bridge}")) == [
        f"p.yaml:5: networks.default.bridge: {message}"
    ]


def test_fifteen_characters_is_fine() -> None:
    parse_text(with_("bridge: virbr0", "bridge: abcdefghijklmno"))


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("a/b", "name must not contain '/'"),
        (".hidden", "name must not start with '.'"),
        ('".."', "name must not start with '.'"),
        ("-x", "name must not start with '-'"),
        ('"a b"', "name may only contain letters, digits, '_', '.' and '-' (found ' ')"),
        ("x" * 65, "name longer than 64 characters"),
    ],
)
def test_bundle_vm_and_network_names(name: str, message: str) -> None:
    assert errors(with_("name: lab1", f"name: {name}")) == [f"p.yaml:1: name: {message}"]
    assert errors(with_("name: web1", f"name: {name}")) == [f"p.yaml:9: vms[0].name: {message}"]
    renamed = with_("  default:", f"  {name}:").replace("network: default", "network: x")
    assert f"p.yaml:3: networks.{name.strip(chr(34))}: {message}" in errors(renamed)


@pytest.mark.parametrize(
    ("subnet", "message"),
    [
        ("192.168.122.1/24", "192.168.122.1/24 has host bits set; the network is 192.168.122.0/24"),
        ("192.168.122.0", "'192.168.122.0' has no prefix length; write it like 192.168.122.0/24"),
        ("192.168.300.0/24", "'192.168.300.0/24' is not an IPv4 CIDR like 192.168.122.0/24"),
        ("192.168.122.0/33", "'192.168.122.0/33' is not an IPv4 CIDR like 192.168.122.0/24"),
        ("10.0.0.0/31", "10.0.0.0/31 is too small; a libvirt network needs at least a /30"),
        ("24", "subnet must be written as a CIDR like 192.168.122.0/24"),
    ],
)
def test_subnet(subnet: str, message: str) -> None:
    text = with_("subnet: 192.168.122.0/24", f"subnet: {subnet}").replace(
        "    dhcp: {start: 192.168.122.2, end: 192.168.122.254}\n", ""
    )
    assert errors(text) == [f"p.yaml:6: networks.default.subnet: {message}"]


@pytest.mark.parametrize(
    ("gateway", "message"),
    [
        ("10.0.0.1", "10.0.0.1 is outside subnet 192.168.122.0/24"),
        ("192.168.122.0", "192.168.122.0 is the network address of 192.168.122.0/24"),
        ("192.168.122.255", "192.168.122.255 is the broadcast address of 192.168.122.0/24"),
    ],
)
def test_gateway(gateway: str, message: str) -> None:
    text = with_("    dhcp:", f"    gateway: {gateway}\n    dhcp:")
    assert errors(text) == [f"p.yaml:7: networks.default.gateway: {message}"]


@pytest.mark.parametrize(
    ("dhcp", "found"),
    [
        (
            "{start: 192.168.122.254, end: 192.168.122.2}",
            [
                "networks.default.dhcp: range is reversed: start 192.168.122.254 is after end 192.168.122.2"
            ],
        ),
        (
            "{start: 192.168.121.2, end: 192.168.122.9}",
            ["networks.default.dhcp.start: 192.168.121.2 is outside subnet 192.168.122.0/24"],
        ),
        (
            "{start: 192.168.122.2, end: 192.168.123.9}",
            ["networks.default.dhcp.end: 192.168.123.9 is outside subnet 192.168.122.0/24"],
        ),
        (
            "{start: 192.168.122.1, end: 192.168.122.9}",
            [
                "networks.default.dhcp: range 192.168.122.1-192.168.122.9 covers the gateway 192.168.122.1"
            ],
        ),
        (
            "{start: 192.168.122.0, end: 192.168.122.9}",
            [
                "networks.default.dhcp: range 192.168.122.0-192.168.122.9 covers the network address 192.168.122.0",
                "networks.default.dhcp: range 192.168.122.0-192.168.122.9 covers the gateway 192.168.122.1",
            ],
        ),
        (
            "{start: 192.168.122.200, end: 192.168.122.255}",
            [
                "networks.default.dhcp: range 192.168.122.200-192.168.122.255 covers the broadcast address 192.168.122.255"
            ],
        ),
        ("{start: 192.168.122.2}", ["networks.default.dhcp.end: required field is missing"]),
    ],
)
def test_dhcp_range(dhcp: str, found: list[str]) -> None:
    text = with_("dhcp: {start: 192.168.122.2, end: 192.168.122.254}", f"dhcp: {dhcp}")
    assert errors(text) == [f"p.yaml:7: {f}" for f in found]


def test_gateway_elsewhere_moves_the_reserved_address() -> None:
    text = with_(
        "    dhcp: {start: 192.168.122.2,",
        "    gateway: 192.168.122.254\n    dhcp: {start: 192.168.122.2,",
    )
    assert errors(text) == [
        "p.yaml:8: networks.default.dhcp: range 192.168.122.2-192.168.122.254 covers the gateway 192.168.122.254"
    ]


HOSTS = """\
    hosts:
      - {mac: "52:54:00:00:00:10", name: web1, ip: 192.168.122.10}
      - {mac: "52:54:00:00:00:11", name: web2, ip: 192.168.122.11}
"""


def hosts(old: str, new: str) -> str:
    return with_("vms:\n", HOSTS.replace(old, new, 1) + "vms:\n")


def test_static_hosts_valid() -> None:
    profile = parse_text(hosts("", ""))
    assert [str(h.ip) for h in profile.networks["default"].hosts] == [
        "192.168.122.10",
        "192.168.122.11",
    ]


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (
            "192.168.122.11",
            "10.1.1.1",
            "p.yaml:10: networks.default.hosts[1].ip: 10.1.1.1 is outside subnet 192.168.122.0/24",
        ),
        (
            "192.168.122.11",
            "192.168.122.1",
            "p.yaml:10: networks.default.hosts[1].ip: 192.168.122.1 is the gateway of 192.168.122.0/24",
        ),
        (
            "192.168.122.11",
            "192.168.122.10",
            "p.yaml:10: networks.default.hosts[1].ip: 192.168.122.10 is already used by hosts[0]",
        ),
        (
            "00:11",
            "00:10",
            "p.yaml:10: networks.default.hosts[1].mac: 52:54:00:00:00:10 is already used by hosts[0]",
        ),
        (
            "web2",
            "web1",
            "p.yaml:10: networks.default.hosts[1].name: web1 is already used by hosts[0]",
        ),
        (
            "web2",
            "-web",
            "p.yaml:10: networks.default.hosts[1].name: host name must be 1-63 letters, digits or '-', not starting or ending with '-'",
        ),
        (
            "192.168.122.11",
            "192.168.122.x",
            "p.yaml:10: networks.default.hosts[1].ip: '192.168.122.x' is not an IPv4 address",
        ),
    ],
)
def test_static_hosts(old: str, new: str, found: str) -> None:
    assert errors(hosts(old, new)) == [found]


@pytest.mark.parametrize(
    ("mac", "message"),
    [
        (
            "01:00:5e:00:00:01",
            "01:00:5e:00:00:01 is a multicast address (first octet is odd); a NIC needs a unicast one",
        ),
        (
            "ff:ff:ff:ff:ff:ff",
            "ff:ff:ff:ff:ff:ff is a multicast address (first octet is odd); a NIC needs a unicast one",
        ),
        ("52:54:00:12:34", "'52:54:00:12:34' is not a MAC address like 52:54:00:12:34:56"),
        ("52-54-00-12-34-56", "'52-54-00-12-34-56' is not a MAC address like 52:54:00:12:34:56"),
        ("00:00:00:00:00:00", "00:00:00:00:00:00 is not a usable MAC address"),
    ],
)
def test_nic_mac(mac: str, message: str) -> None:
    text = with_("      - network: default\n", f'      - network: default\n        mac: "{mac}"\n')
    assert errors(text) == [f"p.yaml:13: vms[0].nics[0].mac: {message}"]


def test_mac_is_normalised_to_lowercase() -> None:
    text = with_(
        "      - network: default\n", '      - network: default\n        mac: "52:54:00:AB:CD:EF"\n'
    )
    assert parse_text(text).vms[0].nics[0].mac == "52:54:00:ab:cd:ef"


def test_duplicate_macs_across_vms() -> None:
    text = BASE.replace(
        "      - network: default\n", '      - network: default\n        mac: "52:54:00:00:00:01"\n'
    )
    text += (
        '  - name: web2\n    memory: 1G\n    nics: [{network: default, mac: "52:54:00:00:00:01"}]\n'
    )
    assert errors(text) == [
        "p.yaml:16: vms[1].nics[0].mac: 52:54:00:00:00:01 is already used by vms[0].nics[0]"
    ]


def test_duplicate_vm_names() -> None:
    text = BASE + "  - name: web1\n    memory: 1G\n"
    assert errors(text) == ["p.yaml:13: vms[1].name: VM name 'web1' is already used by vms[0]"]


def test_nic_names_an_undefined_network() -> None:
    assert errors(with_("network: default", "network: lan")) == [
        "p.yaml:12: vms[0].nics[0].network: unknown network 'lan' (defined: default)"
    ]


@pytest.mark.parametrize(
    ("memory", "message"),
    [
        ("4X", "'4X' is not a memory size; write a whole number and M or G, like 4G or 512M"),
        ("0G", "'0G' is not a memory size; write a whole number and M or G, like 4G or 512M"),
        ("4.5G", "'4.5G' is not a memory size; write a whole number and M or G, like 4G or 512M"),
        ("4096", "must be a valid string, not 4096"),
    ],
)
def test_memory(memory: str, message: str) -> None:
    assert errors(with_("memory: 4G", f"memory: {memory}")) == [
        f"p.yaml:10: vms[0].memory: {message}"
    ]


@pytest.mark.parametrize(
    ("cpus", "message"),
    [
        ("0", "must be greater than or equal to 1"),
        ("-2", "must be greater than or equal to 1"),
        ("two", "must be a valid integer, not 'two'"),
        ("true", "must be a valid integer, not True"),
    ],
)
def test_cpus(cpus: str, message: str) -> None:
    assert errors(with_("memory: 4G", f"memory: 4G\n    cpus: {cpus}")) == [
        f"p.yaml:11: vms[0].cpus: {message}"
    ]


def test_unknown_keys_are_rejected_with_a_suggestion() -> None:
    assert errors(with_("bridge: virbr0", "brige: virbr0")) == [
        "p.yaml:3: networks.default.bridge: required field is missing",
        "p.yaml:5: networks.default.brige: unknown key 'brige' (did you mean 'bridge'?)",
    ]


def test_wrong_types() -> None:
    assert errors(with_("    nics:\n      - network: default\n", "    nics: default\n")) == [
        "p.yaml:11: vms[0].nics: must be a list, not 'default'"
    ]
    assert errors(with_("dhcp: {start: 192.168.122.2, end: 192.168.122.254}", "dhcp: yes")) == [
        "p.yaml:7: networks.default.dhcp: must be a mapping of keys, not True"
    ]


def test_unknown_distro_and_network_type() -> None:
    text = "host: {distro: gentoo}\n" + with_("type: nat", "type: vxlan")
    assert errors(text) == [
        "p.yaml:1: host.distro: must be one of 'debian', 'ubuntu', 'fedora', 'rhel' or 'arch', not 'gentoo'",
        "p.yaml:5: networks.default.type: unknown network type 'vxlan' (one of bridge, isolated, nat, passthrough, routed, user)",
    ]


def test_network_without_type() -> None:
    assert errors(with_("    type: nat\n", "")) == [
        "p.yaml:3: networks.default.type: required field is missing (one of bridge, isolated, nat, passthrough, routed, user)"
    ]


def test_two_networks_one_bridge_and_overlapping_subnets() -> None:
    text = with_(
        "vms:\n",
        "  other:\n    type: nat\n    bridge: virbr0\n    subnet: 192.168.0.0/16\nvms:\n",
    )
    assert errors(text) == [
        "p.yaml:10: networks.other.bridge: virbr0 is already used by network 'default'",
        "p.yaml:11: networks.other.subnet: 192.168.0.0/16 overlaps 192.168.122.0/24 of network 'default'",
    ]


def test_all_problems_are_reported_at_once() -> None:
    text = with_("bridge: virbr0", "bridge: abcdefghijklmnop").replace("memory: 4G", "memory: lots")
    assert len(errors(text)) == 2


def test_display() -> None:
    vnc = parse_text(with_("memory: 4G", "memory: 4G\n    display: {vnc: 7}"))
    assert vnc.vms[0].display is not None and vnc.vms[0].display.vnc == 7
    assert parse_text(with_("memory: 4G", "memory: 4G\n    display: none")).vms[0].display is None
    assert errors(with_("memory: 4G", "memory: 4G\n    display: {vnc: -1}")) == [
        "p.yaml:11: vms[0].display.vnc: must be greater than or equal to 0"
    ]


def test_disk_must_be_absolute() -> None:
    assert errors(with_("memory: 4G", "memory: 4G\n    disk: web1.qcow2")) == [
        "p.yaml:11: vms[0].disk: 'web1.qcow2' is not an absolute path (start it with '/')"
    ]


BRIDGED = """\
name: lab1
networks:
  lan:
    type: bridge
    bridge: br0
    uplink: enp3s0f1
    method: ip
vms:
  - name: web1
    memory: 4G
    nics: [{network: lan}]
"""


def bridged(old: str, new: str) -> str:
    assert old in BRIDGED, old
    return BRIDGED.replace(old, new, 1)


def test_bridge_defaults() -> None:
    net = parse_text(BRIDGED).networks["lan"]
    assert net.type == "bridge"
    assert (net.stp, net.forward_delay, net.mtu, net.address) == (False, 0, None, None)
    static = parse_text(
        bridged(
            "method: ip",
            "method: nmcli\n    address: {cidr: 10.0.0.5/24, gateway: 10.0.0.1, dns: [10.0.0.1]}",
        )
    ).networks["lan"]
    assert static.address is not None and str(static.address.cidr) == "10.0.0.5/24"
    assert (
        parse_text(bridged("method: ip", "method: ip\n    address: dhcp")).networks["lan"].address
        is None
    )


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (
            "uplink: enp3s0f1",
            "uplink: enp3s0f1enp3s0f1",
            "p.yaml:6: networks.lan.uplink: name longer than 15 characters",
        ),
        (
            "bridge: br0",
            "bridge: br/0",
            "p.yaml:5: networks.lan.bridge: name may only contain letters, digits, '_', '.' and '-' (found '/')",
        ),
        (
            "uplink: enp3s0f1",
            "uplink: br0",
            "p.yaml:6: networks.lan.uplink: the uplink must differ from the bridge (br0)",
        ),
        (
            "method: ip",
            "method: wicked",
            "p.yaml:7: networks.lan.method: must be one of 'ip', 'nmcli', 'netplan', 'networkd' or 'ifupdown', not 'wicked'",
        ),
        (
            "uplink: enp3s0f1",
            "uplink: wlp2s0",
            "p.yaml:6: networks.lan.uplink: wlp2s0 is a Wi-Fi NIC (by its name): a Wi-Fi NIC cannot be bridged; use type nat, routed or user",
        ),
        (
            "method: ip",
            "method: ip\n    forward_delay: 1",
            "p.yaml:8: networks.lan.forward_delay: must be 0 or 2-30 seconds (NetworkManager refuses 1)",
        ),
        (
            "method: ip",
            "method: ip\n    forward_delay: 31",
            "p.yaml:8: networks.lan.forward_delay: must be less than or equal to 30",
        ),
        (
            "method: ip",
            "method: ip\n    stp: true",
            "p.yaml:3: networks.lan.forward_delay: with stp on, forward_delay must be 2-30 seconds (the kernel's range)",
        ),
        (
            "method: ip",
            "method: ip\n    mtu: 40",
            "p.yaml:8: networks.lan.mtu: must be greater than or equal to 68",
        ),
        (
            "method: ip",
            "method: ip\n    address: {cidr: 10.0.0.5/24, gateway: 10.0.1.1}",
            "p.yaml:8: networks.lan.address.gateway: 10.0.1.1 is outside 10.0.0.0/24",
        ),
        (
            "method: ip",
            "method: ip\n    address: {cidr: 10.0.0.5/24, gateway: 10.0.0.5}",
            "p.yaml:8: networks.lan.address.gateway: 10.0.0.5 is the host's own address",
        ),
        (
            "method: ip",
            "method: ip\n    address: {cidr: 10.0.0.5}",
            "p.yaml:8: networks.lan.address.cidr: '10.0.0.5' is not an address with prefix length like 192.0.2.10/24",
        ),
        (
            "method: ip",
            "method: ip\n    address: {cidr: 10.0.0.0/24}",
            "p.yaml:8: networks.lan.address.cidr: 10.0.0.0/24 is the network or broadcast address of 10.0.0.0/24, not a host address",
        ),
        (
            "method: ip",
            "method: ip\n    address: static",
            "p.yaml:8: networks.lan.address: must be a mapping of keys, not 'static'",
        ),
        ("    method: ip\n", "", "p.yaml:3: networks.lan.method: required field is missing"),
    ],
)
def test_bridge_rules(old: str, new: str, found: str) -> None:
    assert errors(bridged(old, new)) == [found]


def test_stp_with_a_valid_delay() -> None:
    assert (
        parse_text(bridged("method: ip", "method: ip\n    stp: true\n    forward_delay: 15"))
        .networks["lan"]
        .stp
    )


def test_one_uplink_in_two_bridges() -> None:
    text = bridged(
        "vms:\n",
        "  lan2:\n    type: bridge\n    bridge: br1\n    uplink: enp3s0f1\n    method: nmcli\nvms:\n",
    )
    assert errors(text) == [
        "p.yaml:11: networks.lan2.uplink: enp3s0f1 is already used by network 'lan' (one uplink can be in one bridge only)"
    ]


def test_bridge_lan_overlapping_a_nat_subnet() -> None:
    text = bridged("method: ip", "method: ip\n    address: {cidr: 192.168.122.5/24}").replace(
        "vms:\n", "  nat:\n    type: nat\n    bridge: virbr0\n    subnet: 192.168.0.0/16\nvms:\n"
    )
    assert errors(text) == [
        "p.yaml:12: networks.nat.subnet: 192.168.0.0/16 overlaps 192.168.122.0/24 of network 'lan'"
    ]


PASSED = """\
name: lab1
networks:
  nic81:
    type: passthrough
    device: "81:00.0"
vms:
  - name: web1
    memory: 4G
    nics: [{network: nic81}]
"""


@pytest.mark.parametrize(
    ("device", "normal"),
    [
        ("81:00.0", "0000:81:00.0"),
        ("0000:81:00.0", "0000:81:00.0"),
        ("0000:8A:1F.7", "0000:8a:1f.7"),
        ("10000:01:00.0", "10000:01:00.0"),
    ],
)
def test_pci_addresses_are_normalised(device: str, normal: str) -> None:
    text = PASSED.replace('"81:00.0"', f'"{device}"')
    assert parse_text(text).networks["nic81"].device == normal


@pytest.mark.parametrize(
    ("device", "message"),
    [
        ("81:20.0", "'81:20.0': device 20 is out of range (00-1f)"),
        ("81:00.8", "'81:00.8': function 8 is out of range (0-7)"),
        ("zz:00.0", "'zz:00.0' is not a PCI address like 0000:81:00.0 or 81:00.0"),
        ("81:00", "'81:00' is not a PCI address like 0000:81:00.0 or 81:00.0"),
        ("0:81:00.0", "'0:81:00.0' is not a PCI address like 0000:81:00.0 or 81:00.0"),
    ],
)
def test_malformed_pci_addresses(device: str, message: str) -> None:
    assert errors(PASSED.replace('"81:00.0"', f'"{device}"')) == [
        f"p.yaml:5: networks.nic81.device: {message}"
    ]


def test_one_device_in_two_vms() -> None:
    text = PASSED + "  - name: web2\n    memory: 1G\n    nics: [{network: nic81}]\n"
    assert errors(text) == [
        "p.yaml:12: vms[1].nics[0].network: device 0000:81:00.0 of network 'nic81' is already given to vms[0].nics[0]"
    ]


def test_a_passed_through_nic_has_no_mac() -> None:
    text = PASSED.replace("{network: nic81}", '{network: nic81, mac: "52:54:00:00:00:01"}')
    assert errors(text) == [
        "p.yaml:9: vms[0].nics[0].mac: a passed-through NIC keeps its own MAC; remove mac"
    ]


def test_the_same_nic_bridged_and_passed_through() -> None:
    bridged_too = PASSED.replace(
        "vms:\n",
        "  lan:\n    type: bridge\n    bridge: br0\n    uplink: enp129s0f0\n    method: ip\nvms:\n",
    )
    assert errors(bridged_too) == [
        "p.yaml:5: networks.nic81.device: 0000:81:00.0 is enp129s0f0, the uplink of network 'lan' "
        "(a NIC is either bridged or passed through)"
    ]
    named = PASSED.replace('device: "81:00.0"', 'device: "82:00.0"\n    interface: eno1').replace(
        "vms:\n",
        "  lan:\n    type: bridge\n    bridge: br0\n    uplink: eno1\n    method: ip\nvms:\n",
    )
    assert errors(named) == [
        "p.yaml:10: networks.lan.uplink: eno1 is already used by network 'nic81' (a NIC is either bridged or passed through)"
    ]


def test_two_networks_pass_one_device() -> None:
    text = PASSED.replace(
        "vms:\n", '  again:\n    type: passthrough\n    device: "0000:81:00.0"\nvms:\n'
    )
    assert errors(text) == [
        "p.yaml:8: networks.again.device: 0000:81:00.0 is already passed through by network 'nic81'"
    ]


def test_romfile() -> None:
    assert parse_text(PASSED).networks["nic81"].romfile is None
    assert (
        parse_text(PASSED.replace('"81:00.0"', '"81:00.0"\n    romfile: ""'))
        .networks["nic81"]
        .romfile
        == ""
    )
    assert errors(PASSED.replace('"81:00.0"', '"81:00.0"\n    romfile: rom.bin')) == [
        "p.yaml:6: networks.nic81.romfile: 'rom.bin' is not an absolute path (start it with '/')"
    ]


def test_kernel_boot_fields() -> None:
    assert errors(with_("memory: 4G", "memory: 4G\n    initrd: /boot/initrd.img")) == [
        "p.yaml:11: vms[0].initrd: initrd needs kernel (a direct kernel boot)"
    ]
    assert errors(with_("memory: 4G", "memory: 4G\n    kernel: vmlinuz")) == [
        "p.yaml:11: vms[0].kernel: 'vmlinuz' is not an absolute path (start it with '/')"
    ]
    ok = parse_text(
        with_("memory: 4G", "memory: 4G\n    kernel: /boot/vmlinuz\n    cmdline: console=ttyS0")
    )
    assert ok.vms[0].cmdline == "console=ttyS0"


def test_a_stack_the_distro_does_not_package() -> None:
    text = bridged("method: ip", "method: ifupdown").replace(
        "name: lab1\n", "name: lab1\nhost: {distro: fedora}\n"
    )
    assert errors(text) == [
        "p.yaml:8: networks.lan.method: ifupdown is not packaged for fedora (it is for debian, ubuntu); use nmcli or networkd"
    ]


def test_ifupdown_names_a_file_after_the_network() -> None:
    def renamed(method: str) -> str:
        text = bridged("method: ip", f"method: {method}").replace("  lan:\n", "  lan.1:\n")
        return text.replace("network: lan}", "network: lan.1}")

    assert errors(renamed("ifupdown")) == [
        "p.yaml:3: networks.lan.1: with method ifupdown the network's name becomes a file in "
        "/etc/network/interfaces.d, which ifupdown reads only if it is letters, digits, '-' "
        "and '_': rename 'lan.1'"
    ]
    assert parse_text(renamed("netplan")).networks["lan.1"].method == "netplan"


def test_uplink_mac_is_a_unicast_mac() -> None:
    ok = bridged("method: ip", "method: networkd\n    uplink_mac: 02:E2:E0:00:00:02")
    assert parse_text(ok).networks["lan"].uplink_mac == "02:e2:e0:00:00:02"
    assert errors(bridged("method: ip", "method: networkd\n    uplink_mac: 01:00:5e:00:00:01"))
