"""Fixed addresses of VMs on libvirt networks: the operator's, or derived for a port forward
(NAT networks).

A forward needs its VM at a known address, so a VM named in a forward gets a static DHCP
lease: the operator's ``hosts:`` entry for the NIC's MAC when there is one, else an
address derived from the network's and the VM's names, inside the subnet and outside the
DHCP range, the gateway, the other fixed addresses and the addresses forwards name. The same
profile always yields the same addresses; another VM, fixed lease or range moves a VM's
address only when it takes the very address (or the run of addresses) the VM's hash lands on.
Both the rules (:mod:`generator.checks`, which reports a network with no room left) and
the plan use this module.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass
from ipaddress import IPv4Address

from generator.profile import LibvirtNetwork, NatNetwork, Profile


@dataclass(frozen=True)
class Lease:
    network: str
    vm: str
    nic: int  # the index of the VM's first NIC on the network
    ip: IPv4Address | None  # None: no room left for a derived address
    derived: bool  # False: the operator's hosts entry


def _forwards_to_vms(net: LibvirtNetwork) -> set[str]:
    """The VMs a NAT network's forwards name (only NAT networks have forwards)."""
    if not isinstance(net, NatNetwork):
        return set()
    return {f.to for f in net.forwards if f.to_address is None}


def _reserved(net: LibvirtNetwork) -> list[tuple[int, int]]:
    """What a derived lease may not take, as sorted inclusive integer intervals: the gateway,
    the DHCP range, the fixed leases and the addresses forwards name."""
    taken = [(int(net.gateway_address), int(net.gateway_address))]
    taken += [(int(h.ip), int(h.ip)) for h in net.hosts]
    if isinstance(net, NatNetwork):
        taken += [(int(f.to_address), int(f.to_address)) for f in net.forwards if f.to_address]
    if net.dhcp is not None and net.dhcp.start <= net.dhcp.end:
        taken.append((int(net.dhcp.start), int(net.dhcp.end)))
    return sorted(taken)


def _derive(
    network: str, vm: str, net: LibvirtNetwork, reserved: list[tuple[int, int]], taken: set[int]
) -> int | None:
    """An address for ``vm``: where the hash of the names falls in the subnet's host
    addresses, or the next free one after it (wrapping). Only what sits between the hash
    and the address moves it: another fixed lease elsewhere in the subnet does not.
    ``reserved``: :func:`_reserved` clipped to the subnet's hosts and merged."""
    first = int(net.subnet.network_address) + 1
    last = int(net.subnet.broadcast_address) - 1
    busy = sum(b - a + 1 for a, b in reserved) + len(taken)
    if busy >= last - first + 1:
        return None
    digest = hashlib.sha256(f"{network}\0{vm}".encode()).digest()
    address = first + int.from_bytes(digest[:8], "big") % (last - first + 1)
    starts = [a for a, _ in reserved]
    while True:  # each pass skips one interval or one taken address: it ends
        at = bisect.bisect_right(starts, address) - 1
        if at >= 0 and address <= reserved[at][1]:
            address = reserved[at][1] + 1
        elif address in taken:
            address += 1
        else:
            return address
        if address > last:
            address = first


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def fixed_leases(profile: Profile) -> list[Lease]:
    """Every VM's fixed address per libvirt network (VMs without one are not listed)."""
    found: list[Lease] = []
    for name, net in sorted(profile.networks.items()):
        if not isinstance(net, LibvirtNetwork):
            continue
        by_mac = {h.mac.lower(): h.ip for h in net.hosts}
        forwarded = _forwards_to_vms(net)
        first = int(net.subnet.network_address) + 1
        last = int(net.subnet.broadcast_address) - 1
        reserved = _merge(
            [(max(a, first), min(b, last)) for a, b in _reserved(net) if b >= first and a <= last]
        )
        taken: set[int] = set()
        for vm in sorted(profile.vms, key=lambda v: v.name):
            nic = next((i for i, n in enumerate(vm.nics) if n.network == name), None)
            if nic is None:
                continue
            mac = vm.nics[nic].mac
            if mac is not None and mac.lower() in by_mac:
                found.append(Lease(name, vm.name, nic, by_mac[mac.lower()], derived=False))
            elif vm.name in forwarded:
                address = _derive(name, vm.name, net, reserved, taken)
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
