"""The profile: what the operator writes, as pydantic v2 models.

Field-level rules live in the types (see :mod:`generator.names`); rules that relate
several fields (a DHCP range inside its subnet, unique MACs, NICs naming defined
networks) live in :mod:`generator.checks`, where each can point at the exact field.
Unknown keys are rejected everywhere.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    field_validator,
)

from generator import names

IfName = Annotated[str, AfterValidator(names.interface_name)]
FileName = Annotated[str, AfterValidator(names.file_name)]
HostName = Annotated[str, AfterValidator(names.host_name)]
Mac = Annotated[str, AfterValidator(names.mac_address)]
AbsPath = Annotated[str, AfterValidator(names.absolute_path)]
Memory = Annotated[str, AfterValidator(names.memory_size)]

Distro = Literal["debian", "ubuntu", "fedora", "rhel", "arch"]


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
        raise ValueError(f"{value} is too small; a NAT network needs at least a /30")
    return net


Subnet = Annotated[IPv4Network, BeforeValidator(_subnet)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Host(Strict):
    distro: Distro = "debian"


class DhcpRange(Strict):
    start: IPv4Address
    end: IPv4Address


class DhcpHost(Strict):
    mac: Mac
    ip: IPv4Address
    name: HostName | None = None


class NatNetwork(Strict):
    type: Literal["nat"]
    bridge: IfName
    subnet: Subnet
    gateway: IPv4Address | None = None
    dhcp: DhcpRange | None = None
    hosts: list[DhcpHost] = Field(default_factory=list)
    autostart: bool = True


Network = NatNetwork


class VncDisplay(Strict):
    vnc: Annotated[StrictInt, Field(ge=0, le=59635)]
    listen: IPv4Address = IPv4Address("127.0.0.1")


NicModel = Literal["virtio", "e1000e", "e1000", "rtl8139"]


class Nic(Strict):
    network: str
    mac: Mac | None = None
    model: NicModel = "virtio"


class Vm(Strict):
    name: FileName
    memory: Memory
    cpus: Annotated[StrictInt, Field(ge=1, le=1024)] = 1
    disk: AbsPath | None = None
    display: VncDisplay | None = None
    accel: Literal["kvm", "tcg"] = "kvm"
    vhost: Literal["auto", "on", "off"] = "auto"
    nics: list[Nic] = Field(default_factory=list)

    @field_validator("vhost", mode="before")
    @classmethod
    def _vhost_yaml_bool(cls, value: Any) -> Any:
        # YAML 1.1 reads a bare `on`/`off` as a boolean
        if isinstance(value, bool):
            return "on" if value else "off"
        return value

    @field_validator("display", mode="before")
    @classmethod
    def _display_none(cls, value: Any) -> Any:
        return None if value in (None, "none") else value


class Profile(Strict):
    name: FileName
    host: Host = Field(default_factory=Host)
    networks: dict[FileName, Network] = Field(default_factory=dict)
    vms: list[Vm] = Field(default_factory=list)
