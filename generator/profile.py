"""The profile: what the operator writes, as pydantic v2 models.

Field-level rules live in the types (see :mod:`generator.names`); rules that relate
several fields (a DHCP range inside its subnet, unique MACs, NICs naming defined
networks) live in :mod:`generator.checks`, where each can point at the exact field.
Unknown keys are rejected everywhere.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Interface, IPv4Network, IPv6Address, IPv6Network
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    WithJsonSchema,
    field_validator,
)

from generator import names

# Each rule lives in its validator (with the message an operator sees); the JSON Schema
# gets the same rule as a pattern, for editors.
IfName = Annotated[
    str,
    AfterValidator(names.interface_name),
    WithJsonSchema(
        {"type": "string", "pattern": r"^(?!\.\.?$)(?!all$)(?!default$)(?!-)[A-Za-z0-9_.-]{1,15}$"}
    ),
]
FileName = Annotated[
    str,
    AfterValidator(names.file_name),
    WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$"}),
]
HostName = Annotated[
    str,
    AfterValidator(names.host_name),
    WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"}),
]
Mac = Annotated[
    str,
    AfterValidator(names.mac_address),
    WithJsonSchema(
        {"type": "string", "pattern": r"^[0-9A-Fa-f][02468AaCcEe](:[0-9A-Fa-f]{2}){5}$"}
    ),
]
AbsPath = Annotated[
    str,
    AfterValidator(names.absolute_path),
    WithJsonSchema({"type": "string", "pattern": r"^/[^\x00-\x1f\x7f-\x9f]*$"}),
]
Memory = Annotated[
    str,
    AfterValidator(names.memory_size),
    WithJsonSchema({"type": "string", "pattern": r"^[1-9][0-9]{0,9}[MmGg]$"}),
]

Distro = Literal["debian", "ubuntu", "fedora", "rhel", "arch"]


def _address_text(value: Any) -> Any:
    # pydantic takes a whole number as an address (0 is 0.0.0.0); a profile writes it out
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not an IPv4 address; write it like 192.0.2.1")
    return value


Address = Annotated[
    IPv4Address,
    BeforeValidator(_address_text),
    WithJsonSchema({"type": "string", "format": "ipv4"}),
]


# address ranges no network of a host can use (RFC 6890): packets to them are never routed
SPECIAL_RANGES = (
    (IPv4Network("0.0.0.0/8"), "'this network'"),
    (IPv4Network("127.0.0.0/8"), "loopback"),
    (IPv4Network("169.254.0.0/16"), "link-local"),
    (IPv4Network("224.0.0.0/4"), "multicast"),
    (IPv4Network("240.0.0.0/4"), "reserved, with the broadcast address"),
)


def _subnet(value: Any) -> IPv4Network:
    if not isinstance(value, str):
        raise ValueError("subnet must be written as a CIDR like 192.168.122.0/24")
    try:
        net = IPv4Network(value, strict=False)
    except ValueError:
        raise ValueError(f"{value!r} is not an IPv4 CIDR like 192.168.122.0/24") from None
    if "/" not in value:
        raise ValueError(f"{value!r} has no prefix length; write it like {net.network_address}/24")
    if str(net) != value.strip():
        raise ValueError(f"{value} has host bits set; the network is {net}")
    if net.prefixlen > 30:
        raise ValueError(f"{value} is too small; a libvirt network needs at least a /30")
    for special, what in SPECIAL_RANGES:
        if net.overlaps(special):
            raise ValueError(
                f"{value} overlaps {special} ({what}); use a private range such as 192.168.x.0/24"
            )
    return net


Subnet = Annotated[IPv4Network, BeforeValidator(_subnet)]

ULA = IPv6Network("fc00::/7")


def _subnet6(value: Any) -> IPv6Network:
    if not isinstance(value, str) or "/" not in value or "%" in value:
        raise ValueError(f"{value!r} is not an IPv6 prefix like fd12:3456:789a:1::/64")
    try:
        net = IPv6Network(value, strict=False)
    except ValueError:
        raise ValueError(f"{value!r} is not an IPv6 prefix like fd12:3456:789a:1::/64") from None
    if IPv6Address(value.split("/")[0]) != net.network_address:
        raise ValueError(f"{value} has host bits set; the prefix is {net}")
    if net.prefixlen != 64:
        raise ValueError(
            f"{value} is a /{net.prefixlen}: a libvirt network's IPv6 subnet is a /64 (router "
            "advertisements and SLAAC work on /64 only)"
        )
    if not net.subnet_of(ULA):
        raise ValueError(
            f"{value} is not a unique local prefix (fc00::/7): a NAT network masquerades "
            "IPv6 too, which only makes sense for a private prefix; pick one in fd00::/8"
        )
    return net


Subnet6 = Annotated[
    IPv6Network,
    BeforeValidator(_subnet6),
    WithJsonSchema(
        {"type": "string", "description": "a unique local /64, like fd12:3456:789a:1::/64"}
    ),
]


def _address6_text(value: Any) -> Any:
    if not isinstance(value, str) or "%" in value:  # a zone (%eth0) is not for a network
        raise ValueError(f"{value!r} is not an IPv6 address; write it like fd12:3456:789a:1::10")
    return value


Address6 = Annotated[
    IPv6Address,
    BeforeValidator(_address6_text),
    WithJsonSchema({"type": "string", "format": "ipv6"}),
]


class Strict(BaseModel):
    # defer_build: only the Profile validator is ever used, and building it builds what it
    # needs; building every nested model at import as well cost ~60 ms (measured)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


SshAddress = Annotated[
    str,
    AfterValidator(names.ssh_address),
    WithJsonSchema({"type": "string", "description": "DNS name, IPv4 or IPv6 address"}),
]


class Host(Strict):
    distro: Distro = "debian"
    address: SshAddress | None = None  # where Ansible reaches the host (render --ansible)


class DhcpRange(Strict):
    start: Address
    end: Address


class Dhcp6Range(Strict):
    start: Address6
    end: Address6


class DhcpHost(Strict):
    mac: Mac
    ip: Address
    name: HostName | None = None


Port = Annotated[StrictInt, Field(ge=1, le=65535)]


def _forward_target(value: Any) -> Any:
    # a VM's name, or an address written out (YAML would read a bare number as one)
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a VM name or an IPv4 address")
    return value


class Forward(Strict):
    """A port of the host forwarded into a VM (or a fixed address) of a NAT network."""

    proto: Literal["tcp", "udp"] = "tcp"
    host_port: Port
    to: Annotated[str, BeforeValidator(_forward_target), AfterValidator(names.forward_target)]
    port: Port
    listen: Address | None = None  # None: every address of the host

    @property
    def to_address(self) -> IPv4Address | None:
        """The target as an address, or None when it names a VM."""
        return names.ipv4_or_none(self.to)


DomainName = Annotated[
    str,
    AfterValidator(names.domain_name),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            r"(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$",
        }
    ),
]


class LibvirtNetwork(Strict):
    """A network libvirt makes on its own bridge, with its subnet, DHCP and DNS."""

    bridge: IfName
    subnet: Subnet
    gateway: Address | None = None
    dhcp: DhcpRange | None = None
    hosts: list[DhcpHost] = Field(default_factory=list)
    autostart: bool = True
    domain: DomainName | None = None  # the network's DNS domain, answered locally only

    @property
    def gateway_address(self) -> IPv4Address:
        """The gateway the network uses: as given, or the subnet's first host."""
        return self.gateway if self.gateway is not None else self.subnet.network_address + 1


class NatNetwork(LibvirtNetwork):
    """Masqueraded out of the host's default route; reached only through ``forwards``."""

    type: Literal["nat"]
    forwards: list[Forward] = Field(default_factory=list)
    # IPv6 beside IPv4: a unique local /64, masqueraded like IPv4 (libvirt's <nat ipv6='yes'>);
    # guests configure themselves from router advertisements, and with dhcp6 also by DHCPv6
    subnet6: Subnet6 | None = None
    dhcp6: Dhcp6Range | None = None

    @property
    def gateway6(self) -> IPv6Address | None:
        """The host's IPv6 address on the bridge: the subnet's first host."""
        return self.subnet6.network_address + 1 if self.subnet6 is not None else None


class RoutedNetwork(LibvirtNetwork):
    """Routed, not masqueraded, out of ``uplink``: the router upstream needs a route to the
    subnet through this host (for uplinks that take no foreign MAC: hosted servers, Wi-Fi)."""

    type: Literal["routed"]
    uplink: IfName


class IsolatedNetwork(LibvirtNetwork):
    """No way out: the VMs reach each other and the host only."""

    type: Literal["isolated"]


AnyLibvirtNetwork = NatNetwork | RoutedNetwork | IsolatedNetwork


def _host_cidr(value: Any) -> IPv4Interface:
    if not isinstance(value, str) or "/" not in value:
        raise ValueError(f"{value!r} is not an address with prefix length like 192.0.2.10/24")
    try:
        iface = IPv4Interface(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is not an address with prefix length like 192.0.2.10/24"
        ) from None
    net = iface.network
    if net.prefixlen == 0:
        raise ValueError(f"{value} has prefix length 0: that is every address, not a network")
    for special, what in SPECIAL_RANGES:
        if iface.ip in special and what != "link-local":
            raise ValueError(f"{iface.ip} is in {special} ({what}): not a host address")
    if net.prefixlen <= 30 and iface.ip in (net.network_address, net.broadcast_address):
        raise ValueError(
            f"{value} is the network or broadcast address of {net}, not a host address"
        )
    return iface


HostCidr = Annotated[IPv4Interface, BeforeValidator(_host_cidr)]


class StaticAddress(Strict):
    cidr: HostCidr
    gateway: Address | None = None
    dns: list[Address] = Field(default_factory=list)


class BridgeNetwork(Strict):
    type: Literal["bridge"]
    bridge: IfName
    uplink: IfName
    method: Literal["ip", "nmcli", "netplan", "networkd", "ifupdown"]
    # The uplink's MAC, which the persistent stacks' files pin on the bridge. Absent, the
    # setup script reads it from the NIC and writes it into the files as it installs them.
    uplink_mac: Mac | None = None
    stp: bool = False
    forward_delay: Annotated[StrictInt, Field(ge=0, le=30)] = 0
    mtu: Annotated[StrictInt, Field(ge=68, le=65535)] | None = None
    address: StaticAddress | None = None  # None: DHCP

    @field_validator(
        "address", mode="before", json_schema_input_type=Literal["dhcp"] | StaticAddress
    )
    @classmethod
    def _dhcp(cls, value: Any) -> Any:
        return None if value == "dhcp" else value


class UserForward(Strict):
    """A port of the host forwarded into a VM on a user-mode NIC (passt -t/-u, slirp hostfwd)."""

    proto: Literal["tcp", "udp"] = "tcp"
    host_port: Port
    port: Port
    listen: Address = IPv4Address("127.0.0.1")  # 0.0.0.0: every address of the host
    to: FileName | None = None  # the VM; may be left out when one VM uses the network


class UserNetwork(Strict):
    """User-mode networking: no bridge, no root; each VM's NIC gets its own passt (or QEMU's
    built-in slirp), which reaches out through the host's sockets."""

    type: Literal["user"]
    backend: Literal["passt", "slirp"] = "passt"
    forwards: list[UserForward] = Field(default_factory=list)


PciAddress = Annotated[
    str,
    AfterValidator(names.pci_address),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([0-9A-Fa-f]{4,8}:)?[0-9A-Fa-f]{2}:[01][0-9A-Fa-f]\.[0-7]$",
        }
    ),
]


class PassthroughNetwork(Strict):
    type: Literal["passthrough"]
    device: PciAddress
    interface: IfName | None = None  # the NIC's name on the host, for the checks
    romfile: str | None = None  # "" for none (romfile=), a path, or absent for the device's own

    @field_validator("romfile")
    @classmethod
    def _romfile(cls, value: str | None) -> str | None:
        return value if value in (None, "") else names.absolute_path(value)


Network = Annotated[
    NatNetwork | RoutedNetwork | IsolatedNetwork | BridgeNetwork | PassthroughNetwork | UserNetwork,
    Field(discriminator="type"),
]


class VncDisplay(Strict):
    vnc: Annotated[StrictInt, Field(ge=0, le=59635)]
    listen: Address = IPv4Address("127.0.0.1")


NicModel = Literal["virtio", "e1000e", "e1000", "rtl8139"]


class Nic(Strict):
    network: str
    mac: Mac | None = None
    model: NicModel = "virtio"


UserName = Annotated[
    str,
    AfterValidator(names.user_name),
    WithJsonSchema({"type": "string", "pattern": r"^[a-z_][a-z0-9_-]{0,31}$"}),
]


class Vm(Strict):
    name: FileName
    memory: Memory
    cpus: Annotated[StrictInt, Field(ge=1, le=1024)] = 1
    disk: AbsPath | None = None
    kernel: AbsPath | None = None  # boot this kernel directly (QEMU -kernel)
    initrd: AbsPath | None = None
    cmdline: Annotated[str, AfterValidator(names.visible_text)] | None = None
    display: VncDisplay | None = None
    accel: Literal["kvm", "tcg"] = "kvm"
    vhost: Literal["auto", "on", "off"] = "auto"
    nics: list[Nic] = Field(default_factory=list)
    # as a systemd service (systemd/qemu-netgen-<bundle>-<vm>.service)
    autostart: bool = False  # enabled: started at boot
    restart: Literal["no", "on-failure", "always"] = "on-failure"
    shutdown_timeout: Annotated[StrictInt, Field(ge=1, le=3600)] = 60  # seconds
    run_as: UserName | None = None  # None: root

    @field_validator(
        "vhost", mode="before", json_schema_input_type=Literal["auto", "on", "off"] | bool
    )
    @classmethod
    def _vhost_yaml_bool(cls, value: Any) -> Any:
        # YAML 1.1 reads a bare `on`/`off` as a boolean
        if isinstance(value, bool):
            return "on" if value else "off"
        return value

    @field_validator(
        "restart", mode="before", json_schema_input_type=Literal["no", "on-failure", "always"]
    )
    @classmethod
    def _restart_yaml_bool(cls, value: Any) -> Any:
        # YAML 1.1 reads a bare `no` as false
        return "no" if value is False else value

    @field_validator("display", mode="before", json_schema_input_type=Literal["none"] | VncDisplay)
    @classmethod
    def _display_none(cls, value: Any) -> Any:
        return None if value in (None, "none") else value


class Profile(Strict):
    name: FileName
    host: Host = Field(default_factory=Host)
    networks: dict[FileName, Network] = Field(default_factory=dict)
    vms: list[Vm] = Field(default_factory=list)
