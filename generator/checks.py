"""Rules that relate several fields of a profile.

Each rule is a small generator of ``(path, message)`` pairs, so that every problem points
at the field to fix and all of them are reported at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from ipaddress import IPv4Address

from generator.profile import NatNetwork, Profile

Path = tuple[str | int, ...]
Found = Iterator[tuple[Path, str]]


def gateway_of(net: NatNetwork) -> IPv4Address:
    """The gateway a NAT network uses: as given, or the subnet's first host."""
    return net.gateway if net.gateway is not None else net.subnet.network_address + 1


def _nat_addresses(name: str, net: NatNetwork) -> Found:
    base: Path = ("networks", name)
    subnet = net.subnet
    gateway = gateway_of(net)
    reserved = {
        subnet.network_address: "the network address",
        subnet.broadcast_address: "the broadcast address",
    }
    if gateway not in subnet:
        yield (*base, "gateway"), f"{gateway} is outside subnet {subnet}"
    elif gateway in reserved:
        yield (*base, "gateway"), f"{gateway} is {reserved[gateway]} of {subnet}"
    reserved[gateway] = "the gateway"
    if net.dhcp is not None:
        start, end = net.dhcp.start, net.dhcp.end
        inside = True
        for key, ip in (("start", start), ("end", end)):
            if ip not in subnet:
                inside = False
                yield (*base, "dhcp", key), f"{ip} is outside subnet {subnet}"
        if start > end:
            yield (*base, "dhcp"), f"range is reversed: start {start} is after end {end}"
        elif inside:
            for ip, what in sorted(reserved.items()):
                if start <= ip <= end:
                    yield (*base, "dhcp"), f"range {start}-{end} covers {what} {ip}"
    for index, host in enumerate(net.hosts):
        where = (*base, "hosts", index, "ip")
        if host.ip not in subnet:
            yield where, f"{host.ip} is outside subnet {subnet}"
        elif host.ip in reserved:
            yield where, f"{host.ip} is {reserved[host.ip]} of {subnet}"


def _nat_hosts_unique(name: str, net: NatNetwork) -> Found:
    for attr in ("mac", "ip", "name"):
        seen: dict[object, int] = {}
        for index, host in enumerate(net.hosts):
            value = getattr(host, attr)
            if value is None:
                continue
            if value in seen:
                yield (
                    ("networks", name, "hosts", index, attr),
                    f"{value} is already used by hosts[{seen[value]}]",
                )
            else:
                seen[value] = index


def network_rules(profile: Profile) -> Found:
    for name, net in profile.networks.items():
        yield from _nat_addresses(name, net)
        yield from _nat_hosts_unique(name, net)


def networks_distinct(profile: Profile) -> Found:
    """Two networks may not share a bridge, and NAT subnets may not overlap."""
    bridges: dict[str, str] = {}
    for name, net in profile.networks.items():
        if net.bridge in bridges:
            yield (
                ("networks", name, "bridge"),
                f"bridge {net.bridge} is already used by network {bridges[net.bridge]!r}",
            )
        else:
            bridges[net.bridge] = name
    items = list(profile.networks.items())
    for i, (name, net) in enumerate(items):
        for other_name, other in items[:i]:
            if net.subnet.overlaps(other.subnet):
                yield (
                    ("networks", name, "subnet"),
                    f"{net.subnet} overlaps {other.subnet} of network {other_name!r}",
                )


def vm_rules(profile: Profile) -> Found:
    """VM names unique, NICs name defined networks, explicit MACs unique profile-wide."""
    names: dict[str, int] = {}
    macs: dict[str, str] = {}
    known = ", ".join(sorted(profile.networks)) or "none"
    for v, vm in enumerate(profile.vms):
        if vm.name in names:
            yield (
                ("vms", v, "name"),
                f"VM name {vm.name!r} is already used by vms[{names[vm.name]}]",
            )
        else:
            names[vm.name] = v
        for n, nic in enumerate(vm.nics):
            if nic.network not in profile.networks:
                yield (
                    ("vms", v, "nics", n, "network"),
                    f"unknown network {nic.network!r} (defined: {known})",
                )
            if nic.mac is None:
                continue
            here = f"vms[{v}].nics[{n}]"
            if nic.mac in macs:
                yield ("vms", v, "nics", n, "mac"), f"{nic.mac} is already used by {macs[nic.mac]}"
            else:
                macs[nic.mac] = here


RULES: tuple[Callable[[Profile], Found], ...] = (network_rules, networks_distinct, vm_rules)


def problems(profile: Profile) -> list[tuple[Path, str]]:
    """Every cross-field problem of a profile that passed field validation."""
    return [found for rule in RULES for found in rule(profile)]
