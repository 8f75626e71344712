"""Rules that relate several fields of a profile.

Each rule is a small generator of ``(path, message)`` pairs, so that every problem points
at the field to fix and all of them are reported at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from ipaddress import IPv4Address, IPv4Network

from generator import names
from generator.leases import Lease, fixed_leases
from generator.profile import (
    SPECIAL_RANGES,
    BridgeNetwork,
    LibvirtNetwork,
    NatNetwork,
    PassthroughNetwork,
    Profile,
    RoutedNetwork,
    UserNetwork,
    Vm,
)

Path = tuple[str | int, ...]
Found = Iterator[tuple[Path, str]]


def _subnet_addresses(name: str, net: LibvirtNetwork) -> Found:
    base: Path = ("networks", name)
    subnet = net.subnet
    gateway = net.gateway_address
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


def _ipv6(name: str, net: NatNetwork) -> Found:
    base: Path = ("networks", name)
    if net.dhcp6 is None:
        return
    if net.subnet6 is None:
        yield (*base, "dhcp6"), "a DHCPv6 range needs subnet6 (the network's IPv6 /64)"
        return
    start, end = net.dhcp6.start, net.dhcp6.end
    inside = True
    for key, ip in (("start", start), ("end", end)):
        if ip not in net.subnet6:
            inside = False
            yield (*base, "dhcp6", key), f"{ip} is outside subnet6 {net.subnet6}"
    if start > end:
        yield (*base, "dhcp6"), f"range is reversed: start {start} is after end {end}"
    elif inside and net.gateway6 is not None and start <= net.gateway6 <= end:
        yield (*base, "dhcp6"), f"range {start}-{end} covers the gateway {net.gateway6}"
    elif inside and start == net.subnet6.network_address:
        yield (*base, "dhcp6"), f"{start} is the subnet-router anycast address of {net.subnet6}"
    elif inside and int(start) >> 16 != int(end) >> 16:
        yield (
            (*base, "dhcp6"),
            f"range {start}-{end} differs before its last 16 bits: libvirt takes at most 65536 "
            "addresses that share the first seven groups (like ::1:0 to ::1:ffff)",
        )


def _hosts_unique(name: str, net: LibvirtNetwork) -> Found:
    for attr in ("mac", "ip", "name"):
        seen: dict[object, int] = {}
        for index, host in enumerate(net.hosts):
            value = getattr(host, attr)
            if value is None:
                continue
            if isinstance(value, str):
                value = value.lower()  # DNS names and MACs ignore case
            if value in seen:
                yield (
                    ("networks", name, "hosts", index, attr),
                    f"{value} is already used by hosts[{seen[value]}]",
                )
            else:
                seen[value] = index


def _bridge_settings(name: str, net: BridgeNetwork) -> Found:
    base: Path = ("networks", name)
    if net.uplink == net.bridge:
        yield (*base, "uplink"), f"the uplink must differ from the bridge ({net.bridge})"
    if net.forward_delay == 1:
        yield (*base, "forward_delay"), "must be 0 or 2-30 seconds (NetworkManager refuses 1)"
    elif net.stp and net.forward_delay < 2:
        yield (
            (*base, "forward_delay"),
            "with stp on, forward_delay must be 2-30 seconds (the kernel's range)",
        )
    address = net.address
    if address is not None and address.gateway is not None:
        if address.gateway not in address.cidr.network:
            yield (
                (*base, "address", "gateway"),
                f"{address.gateway} is outside {address.cidr.network}",
            )
        elif address.gateway == address.cidr.ip:
            yield (*base, "address", "gateway"), f"{address.gateway} is the host's own address"
        elif address.cidr.network.prefixlen <= 30 and address.gateway in (
            address.cidr.network.network_address,
            address.cidr.network.broadcast_address,
        ):
            yield (
                (*base, "address", "gateway"),
                f"{address.gateway} is the network or broadcast address of {address.cidr.network}",
            )


# where each persistent host stack exists as a package (ip and nmcli are everywhere)
STACK_DISTROS = {
    "netplan": ("debian", "ubuntu", "fedora", "arch"),
    "networkd": ("debian", "ubuntu", "fedora", "rhel", "arch"),
    "ifupdown": ("debian", "ubuntu"),
}


def _bridge_host(profile: Profile, name: str, net: BridgeNetwork) -> Found:
    """What the profile itself shows cannot work on the host it names."""
    base: Path = ("networks", name)
    if names.is_wireless_name(net.uplink):
        yield (
            (*base, "uplink"),
            f"{net.uplink} is a Wi-Fi NIC (by its name): a Wi-Fi NIC cannot be bridged; "
            "use type nat, routed or user",
        )
    distros = STACK_DISTROS.get(net.method)
    if distros is not None and profile.host.distro not in distros:
        yield (
            (*base, "method"),
            f"{net.method} is not packaged for {profile.host.distro} "
            f"(it is for {', '.join(distros)}); use nmcli or networkd",
        )
    if net.method == "ifupdown" and "." in net.bridge:
        yield (
            (*base, "bridge"),
            f"ifupdown reads {net.bridge!r} as VLAN {net.bridge.split('.', 1)[1]!r} of "
            f"{net.bridge.split('.', 1)[0]!r}: name the bridge without a dot",
        )
    if net.method == "ifupdown" and not names.is_run_parts_name(name):
        yield (
            base,
            f"with method ifupdown the network's name becomes a file in "
            f"/etc/network/interfaces.d, which ifupdown reads only if it is letters, "
            f"digits, '-' and '_': rename {name!r}",
        )


def network_rules(profile: Profile) -> Found:
    for name, net in profile.networks.items():
        if isinstance(net, LibvirtNetwork):
            yield from _subnet_addresses(name, net)
            yield from _hosts_unique(name, net)
        if isinstance(net, NatNetwork):
            yield from _ipv6(name, net)
        if isinstance(net, RoutedNetwork) and net.uplink == net.bridge:
            yield (
                ("networks", name, "uplink"),
                f"the uplink must differ from the bridge ({net.bridge})",
            )
        elif isinstance(net, BridgeNetwork):
            yield from _bridge_settings(name, net)
            yield from _bridge_host(profile, name, net)


def networks_distinct(profile: Profile) -> Found:
    """Interface names are used once; subnets do not overlap."""
    interfaces: dict[str, tuple[str, str]] = {}  # name -> (network, key)
    for name, net in profile.networks.items():
        named: list[tuple[str, str]] = []
        if isinstance(net, LibvirtNetwork | BridgeNetwork):
            named.append(("bridge", net.bridge))
        if isinstance(net, BridgeNetwork):
            named.append(("uplink", net.uplink))
        if isinstance(net, PassthroughNetwork) and net.interface:
            named.append(("interface", net.interface))
        for key, ifname in named:
            if ifname not in interfaces:
                interfaces[ifname] = (name, key)
                continue
            other, other_key = interfaces[ifname]
            if other == name:
                continue  # bridge == uplink is _bridge_settings' to report
            why = ""
            if "interface" in (key, other_key):
                why = " (a NIC is either bridged or passed through)"
            elif key == other_key == "uplink":
                why = " (one uplink can be in one bridge only)"
            yield ("networks", name, key), f"{ifname} is already used by network {other!r}{why}"
    yield from _routed_uplinks(profile, interfaces)
    yield from _devices_distinct(profile)
    subnets: list[tuple[str, Path, IPv4Network]] = []
    for name, net in profile.networks.items():
        if isinstance(net, LibvirtNetwork):
            subnets.append((name, ("subnet",), net.subnet))
        elif isinstance(net, BridgeNetwork) and net.address is not None:
            subnets.append((name, ("address", "cidr"), net.address.cidr.network))
    subnets6 = [
        (name, net.subnet6)
        for name, net in profile.networks.items()
        if isinstance(net, NatNetwork) and net.subnet6 is not None
    ]
    for i, (name, subnet6) in enumerate(subnets6):
        for other_name, other6 in subnets6[:i]:
            if subnet6.overlaps(other6):
                yield (
                    ("networks", name, "subnet6"),
                    f"{subnet6} overlaps {other6} of network {other_name!r}",
                )
    for i, (name, where, subnet) in enumerate(subnets):
        for other_name, _, other_subnet in subnets[:i]:
            if subnet.overlaps(other_subnet):
                yield (
                    ("networks", name, *where),
                    f"{subnet} overlaps {other_subnet} of network {other_name!r}",
                )


def _routed_uplinks(profile: Profile, interfaces: dict[str, tuple[str, str]]) -> Found:
    """A routed network leaves by a NIC or bridge of the host, not by a port of a bridge
    (whose traffic is the bridge's) or a NIC passed through to a VM, nor its own bridge."""
    for name, net in profile.networks.items():
        if not isinstance(net, RoutedNetwork) or net.uplink not in interfaces:
            continue
        other, key = interfaces[net.uplink]
        if other == name:
            continue  # its own bridge: network_rules reports it
        owner = profile.networks[other]
        if key == "uplink" and isinstance(owner, BridgeNetwork):
            yield (
                ("networks", name, "uplink"),
                f"{net.uplink} is a port of bridge {owner.bridge} (network {other!r}): "
                f"route through {owner.bridge}",
            )
        elif key == "interface":
            yield (
                ("networks", name, "uplink"),
                f"{net.uplink} is passed through to a VM by network {other!r}: the host "
                "cannot route through it",
            )
        elif key == "bridge" and isinstance(owner, LibvirtNetwork):
            yield (
                ("networks", name, "uplink"),
                f"{net.uplink} is the bridge of libvirt network {other!r}: route out of a NIC "
                "or host bridge",
            )


def _devices_distinct(profile: Profile) -> Found:
    """A PCI device is passed through by one network, and is not also a bridge's uplink."""
    uplinks = {
        names.pci_of_interface_name(net.uplink): (name, net.uplink)
        for name, net in profile.networks.items()
        if isinstance(net, BridgeNetwork)
    }
    devices: dict[str, str] = {}
    for name, net in profile.networks.items():
        if not isinstance(net, PassthroughNetwork):
            continue
        if net.device in devices:
            yield (
                ("networks", name, "device"),
                f"{net.device} is already passed through by network {devices[net.device]!r}",
            )
        devices.setdefault(net.device, name)
        if net.device in uplinks:
            bridge_net, uplink = uplinks[net.device]
            yield (
                ("networks", name, "device"),
                f"{net.device} is {uplink}, the uplink of network {bridge_net!r} (a NIC is either bridged or passed through)",
            )


def vm_rules(profile: Profile) -> Found:
    """VM names unique, NICs name defined networks, explicit MACs unique profile-wide."""
    names: dict[str, int] = {}
    displays: dict[tuple[str, int], int] = {}
    macs: dict[str, str] = {}
    passed: dict[str, str] = {}
    known = ", ".join(sorted(profile.networks)) or "none"
    for v, vm in enumerate(profile.vms):
        if vm.kernel is None:
            for key in ("initrd", "cmdline"):
                if getattr(vm, key) is not None:
                    yield ("vms", v, key), f"{key} needs kernel (a direct kernel boot)"
        if vm.display is not None:
            display = (str(vm.display.listen), vm.display.vnc)
            if display in displays:
                yield (
                    ("vms", v, "display", "vnc"),
                    f"VNC display {vm.display.vnc} on {display[0]} is already used by "
                    f"vms[{displays[display]}]: the second VM could not start",
                )
            else:
                displays[display] = v
        if vm.name in names:
            yield (
                ("vms", v, "name"),
                f"VM name {vm.name!r} is already used by vms[{names[vm.name]}]",
            )
        else:
            names[vm.name] = v
        for n, nic in enumerate(vm.nics):
            net = profile.networks.get(nic.network)
            if net is None:
                yield (
                    ("vms", v, "nics", n, "network"),
                    f"unknown network {nic.network!r} (defined: {known})",
                )
            elif isinstance(net, PassthroughNetwork):
                here = f"vms[{v}].nics[{n}]"
                if nic.network in passed:
                    yield (
                        ("vms", v, "nics", n, "network"),
                        f"device {net.device} of network {nic.network!r} is already given to {passed[nic.network]}",
                    )
                passed.setdefault(nic.network, here)
                if nic.mac is not None:
                    yield (
                        ("vms", v, "nics", n, "mac"),
                        "a passed-through NIC keeps its own MAC; remove mac",
                    )
                    continue
            if nic.mac is None:
                continue
            here = f"vms[{v}].nics[{n}]"
            if nic.mac in macs:
                yield ("vms", v, "nics", n, "mac"), f"{nic.mac} is already used by {macs[nic.mac]}"
            else:
                macs[nic.mac] = here


# what libvirt's dnsmasq answers on each network's gateway
GATEWAY_SERVICES = {
    ("udp", 53): "names",
    ("tcp", 53): "names",
    ("udp", 67): "leases",
}


def forward_rules(profile: Profile) -> Found:
    """Each forward reaches a VM or address of its network; no host port is taken twice."""
    vms = {vm.name: vm for vm in profile.vms}
    for name, net in profile.networks.items():
        if not isinstance(net, NatNetwork):
            continue
        reserved = {
            net.subnet.network_address: "the network address",
            net.subnet.broadcast_address: "the broadcast address",
            net.gateway_address: "the gateway",
        }
        fixed = {h.ip for h in net.hosts}
        for index, fwd in enumerate(net.forwards):
            base: Path = ("networks", name, "forwards", index)
            address = fwd.to_address
            if address is not None:
                if address not in net.subnet:
                    yield (*base, "to"), f"{address} is outside subnet {net.subnet}"
                elif address in reserved:
                    yield (*base, "to"), f"{address} is {reserved[address]} of {net.subnet}"
                elif (
                    net.dhcp is not None
                    and net.dhcp.start <= address <= net.dhcp.end
                    and address not in fixed
                ):
                    yield (
                        (*base, "to"),
                        f"{address} is inside the DHCP range {net.dhcp.start}-{net.dhcp.end}, "
                        "so any VM may get it: name the VM, or give the address a hosts entry",
                    )
            elif fwd.to not in vms:
                known = ", ".join(sorted(vms)) or "none"
                yield (*base, "to"), f"unknown VM {fwd.to!r} (VMs: {known})"
            elif not any(nic.network == name for nic in vms[fwd.to].nics):
                yield (
                    (*base, "to"),
                    f"VM {fwd.to!r} has no NIC on network {name!r}: a forward reaches a VM "
                    "through the network it names",
                )
            listen = fwd.listen
            special = next(
                (what for rng, what in SPECIAL_RANGES if listen is not None and listen in rng), None
            )
            if listen is not None and special is not None:
                yield (
                    (*base, "listen"),
                    f"{listen} is {special}, not an address of the host a forward can listen "
                    "on; name one of the host's addresses, or leave listen out for all of them",
                )
            elif listen is None and (fwd.proto, fwd.host_port) in GATEWAY_SERVICES:
                yield (
                    (*base, "host_port"),
                    f"{fwd.proto} port {fwd.host_port} on every address of the host includes "
                    "the gateways of libvirt's networks, where their VMs ask dnsmasq for "
                    f"{GATEWAY_SERVICES[(fwd.proto, fwd.host_port)]}: give listen (an address "
                    "of the host)",
                )
            elif listen is not None and listen in net.subnet:
                yield (
                    (*base, "listen"),
                    f"{listen} is inside the network's own subnet {net.subnet}: "
                    "name an address of the host outside it",
                )
    for lease in fixed_leases(profile):
        if lease.ip is not None:
            continue
        net = profile.networks[lease.network]
        assert isinstance(net, NatNetwork)
        yield (
            _forward_to(profile, lease),
            f"VM {lease.vm!r} needs a fixed address for this forward and {net.subnet} has none "
            "left outside the DHCP range: shrink the range, or give the VM's NIC a mac and a "
            "hosts entry with that mac",
        )


# where a forward listens: every address but loopback (a NAT forward without listen: its
# DNAT leaves 127.0.0.0/8 alone), every address (a user forward on 0.0.0.0), or one
EVERY_BUT_LOOPBACK, EVERY = "", "0.0.0.0"


def _listens_overlap(one: str, other: str) -> bool:
    if EVERY in (one, other) or one == other:
        return True
    for a, b in ((one, other), (other, one)):
        if a == EVERY_BUT_LOOPBACK:
            return not IPv4Address(b).is_loopback
    return False


def host_ports_distinct(profile: Profile) -> Found:
    """No host port is taken twice on one address, by NAT forwards and user forwards alike."""
    seen: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for name, net in profile.networks.items():
        if isinstance(net, NatNetwork):
            forwards = [
                (f.proto, f.host_port, EVERY_BUT_LOOPBACK if f.listen is None else str(f.listen))
                for f in net.forwards
            ]
        elif isinstance(net, UserNetwork):
            forwards = [(f.proto, f.host_port, str(f.listen)) for f in net.forwards]
        else:
            continue
        for index, (proto, port, listen) in enumerate(forwards):
            key = (proto, port)
            for other_listen, other in seen.get(key, []):
                if _listens_overlap(listen, other_listen):
                    yield (
                        ("networks", name, "forwards", index, "host_port"),
                        f"{proto} port {port} is already forwarded by {other}",
                    )
                    break
            seen.setdefault(key, []).append((listen, f"networks.{name}.forwards[{index}]"))


def user_rules(profile: Profile) -> Found:
    """User-mode networks: each forward reaches one VM on the network; root's ports and vhost
    are not for them."""
    for name, net in profile.networks.items():
        if not isinstance(net, UserNetwork):
            continue
        users = [vm for vm in profile.vms if any(nic.network == name for nic in vm.nics)]
        ports: dict[tuple[str, str, int], int] = {}  # (VM, proto, port) -> forward
        for index, fwd in enumerate(net.forwards):
            base: Path = ("networks", name, "forwards", index)
            special = next((what for rng, what in SPECIAL_RANGES if fwd.listen in rng), None)
            guests = next(
                (
                    (other, o)
                    for other, o in profile.networks.items()
                    if isinstance(o, LibvirtNetwork)
                    and fwd.listen in o.subnet
                    and fwd.listen != o.gateway_address
                ),
                None,
            )
            if special is not None and not fwd.listen.is_loopback and str(fwd.listen) != EVERY:
                yield (
                    (*base, "listen"),
                    f"{fwd.listen} is {special}: listen on 127.0.0.1 (the default), 0.0.0.0 "
                    "(every address) or an address of the host",
                )
            elif guests is not None:
                yield (
                    (*base, "listen"),
                    f"{fwd.listen} is inside subnet {guests[1].subnet} of network "
                    f"{guests[0]!r}, an address of its VMs, not of the host (its gateway "
                    f"{guests[1].gateway_address} is the host's)",
                )
            if fwd.to is None:
                if len(users) != 1:
                    on = ", ".join(vm.name for vm in users) or "none"
                    yield (
                        base,
                        f"name the VM with to: (each VM on a user network has its own; VMs "
                        f"on {name!r}: {on})",
                    )
                    continue
                target: Vm | None = users[0]
            else:
                target = next((vm for vm in users if vm.name == fwd.to), None)
                if target is None:
                    yield (
                        (*base, "to"),
                        f"no VM {fwd.to!r} has a NIC on network {name!r} (VMs on it: "
                        f"{', '.join(vm.name for vm in users) or 'none'})",
                    )
                    continue
            if target is not None and net.backend == "passt":
                key = (target.name, fwd.proto, fwd.host_port)
                if key in ports:
                    yield (
                        (*base, "host_port"),
                        f"{fwd.proto} port {fwd.host_port} is already forwarded to VM "
                        f"{target.name!r} by forwards[{ports[key]}]: passt takes a port "
                        "once, whatever the address it listens on",
                    )
                ports.setdefault(key, index)
            if target is not None and fwd.host_port < 1024 and target.run_as not in (None, "root"):
                yield (
                    (*base, "host_port"),
                    f"port {fwd.host_port} is below 1024, which only root may listen on, and "
                    f"VM {target.name!r} runs as {target.run_as}: pick a port of 1024 or above",
                )
    for v, vm in enumerate(profile.vms):
        kinds = {nic.network: profile.networks.get(nic.network) for nic in vm.nics}
        on_user = [name for name, net in kinds.items() if isinstance(net, UserNetwork)]
        taps = [net for net in kinds.values() if isinstance(net, LibvirtNetwork | BridgeNetwork)]
        if on_user and not taps and vm.vhost == "on":
            yield (
                ("vms", v, "vhost"),
                f"vhost works on a tap, and network {on_user[0]!r} is user-mode (no tap): "
                "use vhost: auto or off",
            )


def _forward_to(profile: Profile, lease: Lease) -> Path:
    """Where a derived lease comes from: the `to` of the first forward to its VM."""
    net = profile.networks[lease.network]
    assert isinstance(net, NatNetwork)
    index = next(i for i, f in enumerate(net.forwards) if f.to == lease.vm)
    return ("networks", lease.network, "forwards", index, "to")


def dns_names_rules(profile: Profile) -> Found:
    """A VM given a derived lease answers to its name in the network's DNS: a hosts entry of
    that name for another MAC would make two addresses answer to it."""
    leases = [lease for lease in fixed_leases(profile) if lease.derived]
    derived = {(lease.network, lease.vm.lower()) for lease in leases}
    named: dict[tuple[str, str], str] = {}
    for lease in leases:  # DNS names ignore case: Web and web would be one name, two addresses
        key = (lease.network, lease.vm.lower())
        if key in named:
            yield (
                _forward_to(profile, lease),
                f"VMs {named[key]!r} and {lease.vm!r} would answer to one DNS name (names "
                "ignore case) with two addresses: rename one",
            )
        named.setdefault(key, lease.vm)
    for name, net in profile.networks.items():
        if not isinstance(net, NatNetwork):
            continue
        for index, host in enumerate(net.hosts):
            if host.name is not None and (name, host.name.lower()) in derived:
                yield (
                    ("networks", name, "hosts", index, "name"),
                    f"{host.name!r} is the name of a VM that a forward gives an address of "
                    f"its own on this network, and {host.mac} is not its NIC's MAC: give the "
                    f"VM's NIC mac {host.mac!r} (the forward then uses this entry), or the "
                    "entry another name",
                )


def service_rules(profile: Profile) -> Found:
    """What a VM's systemd unit can and cannot do with its NICs."""
    for v, vm in enumerate(profile.vms):
        for n, nic in enumerate(vm.nics):
            net = profile.networks.get(nic.network)
            if vm.autostart and isinstance(net, BridgeNetwork) and net.method == "ip":
                yield (
                    ("vms", v, "autostart"),
                    f"the VM starts at boot, but bridge {net.bridge} of network "
                    f"{nic.network!r} (method ip) is gone after a reboot: use a persistent "
                    "method (nmcli, netplan, networkd, ifupdown) or autostart: false",
                )
            if vm.run_as not in (None, "root") and isinstance(net, PassthroughNetwork):
                yield (
                    ("vms", v, "run_as"),
                    f"VM {vm.name!r} has passed-through device {net.device} (nics[{n}]): vfio "
                    "needs root's device access and locked memory; leave run_as out",
                )


RULES: tuple[Callable[[Profile], Found], ...] = (
    network_rules,
    networks_distinct,
    vm_rules,
    forward_rules,
    host_ports_distinct,
    user_rules,
    dns_names_rules,
    service_rules,
)


def problems(profile: Profile) -> list[tuple[Path, str]]:
    """Every cross-field problem of a profile that passed field validation."""
    return [found for rule in RULES for found in rule(profile)]
