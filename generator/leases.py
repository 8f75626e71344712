"""Fixed addresses of VMs on NAT networks: the operator's, or derived for a port forward.

A forward needs its VM at a known address, so a VM named in a forward gets a static DHCP
lease: the operator's ``hosts:`` entry for the NIC's MAC when there is one, else an
address derived from the network's and the VM's names, inside the subnet and outside the
DHCP range, the gateway and the other fixed addresses. The same profile always yields the
same addresses; adding a VM moves no other VM's address unless both hash to the same one.
Both the rules (:mod:`generator.checks`, which reports a network with no room left) and
the plan use this module.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from ipaddress import IPv4Address

from generator.profile import NatNetwork, Profile


@dataclass(frozen=True)
class Lease:
    network: str
    vm: str
    nic: int  # the index of the VM's first NIC on the network
    ip: IPv4Address | None  # None: no room left for a derived address
    derived: bool  # False: the operator's hosts entry


def _free_intervals(net: NatNetwork) -> list[tuple[int, int]]:
    """Addresses a derived lease may take, as inclusive integer intervals."""
    first = int(net.subnet.network_address) + 1
    last = int(net.subnet.broadcast_address) - 1
    taken = sorted(
        [(int(net.gateway_address), int(net.gateway_address))]
        + [(int(h.ip), int(h.ip)) for h in net.hosts]
        + ([(int(net.dhcp.start), int(net.dhcp.end))] if net.dhcp else [])
    )
    free: list[tuple[int, int]] = []
    at = first
    for start, end in taken:
        if start > at:
            free.append((at, min(start - 1, last)))
        at = max(at, end + 1)
        if at > last:
            break
    if at <= last:
        free.append((at, last))
    return [(a, b) for a, b in free if a <= b]


def _nth(free: list[tuple[int, int]], index: int) -> int:
    for start, end in free:
        size = end - start + 1
        if index < size:
            return start + index
        index -= size
    raise IndexError(index)


def _derive(network: str, vm: str, free: list[tuple[int, int]], taken: set[int]) -> int | None:
    total = sum(end - start + 1 for start, end in free)
    if total <= len(taken):
        return None
    digest = hashlib.sha256(f"{network}\0{vm}".encode()).digest()
    index = int.from_bytes(digest[:8], "big") % total
    while (address := _nth(free, index)) in taken:
        index = (index + 1) % total
    return address


def fixed_leases(profile: Profile) -> list[Lease]:
    """Every VM's fixed address per NAT network (VMs without one are not listed)."""
    found: list[Lease] = []
    for name, net in sorted(profile.networks.items()):
        if not isinstance(net, NatNetwork):
            continue
        by_mac = {h.mac.lower(): h.ip for h in net.hosts}
        forwarded = {f.to for f in net.forwards if f.to_address is None}
        free = _free_intervals(net)
        taken: set[int] = set()
        for vm in sorted(profile.vms, key=lambda v: v.name):
            nic = next((i for i, n in enumerate(vm.nics) if n.network == name), None)
            if nic is None:
                continue
            mac = vm.nics[nic].mac
            if mac is not None and mac.lower() in by_mac:
                found.append(Lease(name, vm.name, nic, by_mac[mac.lower()], derived=False))
            elif vm.name in forwarded:
                address = _derive(name, vm.name, free, taken)
                if address is not None:
                    taken.add(address)
                found.append(
                    Lease(
                        name,
                        vm.name,
                        nic,
                        IPv4Address(address) if address is not None else None,
                        derived=True,
                    )
                )
    return found
