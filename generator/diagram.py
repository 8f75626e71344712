"""The bundle's topology as a Mermaid flowchart, drawn from the plan (never from templates).

Nodes have ids of their own (``n0``, ``n1``, ...), never a name from the profile; every label
is text, escaped by :func:`label` into Mermaid's entity form, so no name can close a label,
start a comment or inject HTML. VMs are grouped per network of their first NIC; past
:data:`VM_EDGE_LIMIT` NICs a group is one node (Mermaid draws at most 500 edges); a label
keeps at most :data:`LABEL_MAX` characters per line, names on lines of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.plan import Plan, VmPlan

LABEL_MAX = 80  # the longest name (64) fits, with its prefix
# Mermaid's node shapes, by what a node is (the legend names them)
SHAPES = {
    "vm": ('["', '"]'),  # rectangle
    "nic": ('(["', '"])'),  # stadium: a NIC of the host
    "bridge": ('[["', '"]]'),  # subroutine: a host bridge
    "network": ('{{"', '"}}'),  # hexagon: a libvirt network
    "user": ('>"', '"]'),  # flag: user-mode networking
    "device": ('[/"', '"/]'),  # parallelogram: a PCI device passed through
    "outside": ('(("', '"))'),  # circle: beyond the host
}
LEGEND = (
    "rectangle: VM · stadium: NIC of the host · double-edged box: host bridge · hexagon: "
    "libvirt network · flag: user-mode network · parallelogram: device passed through · "
    "circle: beyond the host (LAN / upstream) or this host itself"
)
SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:/_-+=()→\u2013")


def label(*lines: str) -> str:
    """Lines of text as one Mermaid label: every character outside a plain set written as an
    entity (``#35;`` for ``#``), lines capped and joined with ``<br>``."""
    out = []
    for line in lines:
        text = line if len(line) <= LABEL_MAX else line[: LABEL_MAX - 1] + "…"
        out.append("".join(c if c in SAFE else f"#{ord(c)};" for c in text))
    return "<br>".join(out)


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # a key of SHAPES
    text: str  # the escaped label

    @property
    def open(self) -> str:
        return SHAPES[self.kind][0]

    @property
    def close(self) -> str:
        return SHAPES[self.kind][1]


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    text: str  # escaped; "" for none


@dataclass(frozen=True)
class Group:
    id: str
    text: str
    members: tuple[str, ...]


@dataclass
class Diagram:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    legend: str = LEGEND

    def add(self, kind: str, *lines: str) -> str:
        node = Node(f"n{len(self.nodes)}", kind, label(*lines))
        self.nodes.append(node)
        return node.id

    def link(self, source: str, target: str, *lines: str) -> None:
        self.edges.append(Edge(source, target, label(*lines) if lines else ""))

    @property
    def grouped(self) -> set[str]:
        return {m for g in self.groups for m in g.members}


# Mermaid refuses a diagram of more than 500 edges (its maxEdges, which a diagram cannot
# raise): past this many VM NICs, each group of VMs is drawn as one node
VM_EDGE_LIMIT = 300


def _order(nic_id: str) -> int:
    """A NIC's place among the VM's NICs in the profile (its QEMU id ends in it)."""
    return int(nic_id.lstrip("abcdefghijklmnopqrstuvwxyz"))


def topology(plan: Plan) -> Diagram:
    """The plan's NICs, bridges, networks, devices and VMs, and how they connect."""
    d = Diagram()
    attach: dict[str, str] = {}  # network name -> the node a VM's NIC attaches to
    bridges: dict[str, str] = {}  # host bridge name -> its node
    uplinks: dict[str, str] = {}  # a NIC of the host -> its node
    shared: dict[str, str] = {}  # "outside" and "this host", made when first needed

    def node_of(kind: str, text: str) -> str:
        if kind not in shared:
            shared[kind] = d.add("outside", text)
        return shared[kind]

    def beyond() -> str:
        return node_of("beyond", "LAN / upstream")

    def this_host() -> str:
        return node_of("host", "this host")

    def uplink(name: str, *lines: str) -> str:
        if name not in uplinks:
            uplinks[name] = d.add("nic", f"uplink {name}", *lines)
            d.link(uplinks[name], beyond())
        return uplinks[name]

    for net in plan.bridges:
        address = "DHCP" if net.dhcp else f"{net.cidr}"
        gateway = f", gateway {net.gateway}" if net.gateway else ""
        port = uplink(net.uplink, f"address ({address}{gateway}) moves to {net.bridge}")
        bridge = d.add(
            "bridge", f"bridge {net.bridge}", f"{net.name}: {net.summary}".replace("`", "")
        )
        d.link(port, bridge, "port")
        bridges[net.bridge] = bridge
        attach[net.name] = bridge
    for lnet in plan.libvirt_nets:
        lines = [
            lnet.name,
            f"{lnet.title} on {lnet.bridge}",
            f"{lnet.subnet}, gateway {lnet.address}",
        ]
        if lnet.dhcp_start is not None:
            lines.append(f"DHCP {lnet.dhcp_start} \u2013 {lnet.dhcp_end}")
        if lnet.ipv6 is not None:
            lines.append(f"IPv6 {lnet.ipv6.subnet}")
            if lnet.ipv6.dhcp_start is not None:
                lines.append(f"DHCPv6 {lnet.ipv6.dhcp_start} \u2013 {lnet.ipv6.dhcp_end}")
        node = d.add("network", *lines)
        attach[lnet.name] = node
        if lnet.kind == "nat":
            d.link(node, beyond(), "masquerade")
        elif lnet.kind == "routed":
            out = bridges.get(lnet.uplink) or uplink(lnet.uplink)
            d.link(node, out, f"route {lnet.subnet}")
    for dev in plan.passthroughs:
        name = f" ({dev.interface})" if dev.interface else ""
        attach[dev.name] = d.add(
            "device", f"PCI {dev.device}{name}", "vfio-pci: the whole IOMMU group"
        )
    users: dict[tuple[str, str], str] = {}  # (VM, user NIC id) -> its node
    for vm in plan.vms:
        for unic in vm.user_nics:
            user = d.add("user", unic.network, f"user mode ({unic.backend}) of VM {vm.name}")
            d.link(user, beyond(), "the host's sockets")
            users[(vm.name, unic.id)] = user

    def nic_links(vm: VmPlan) -> list[tuple[str, str, str]]:
        """(target node, edge text, network) of each of the VM's NICs, in the profile's order."""
        links = [
            (_order(n.id), attach[n.network], f"{n.device} {n.mac}", n.network) for n in vm.nics
        ]
        links += [
            (_order(u.id), users[(vm.name, u.id)], f"{u.device} {u.mac}", u.network)
            for u in vm.user_nics
        ]
        links += [(_order(v.id), attach[v.network], "passthrough", v.network) for v in vm.vfio]
        return [(target, text, network) for _, target, text, network in sorted(links)]

    taps = sum(len(vm.nics) + len(vm.user_nics) + len(vm.vfio) for vm in plan.vms)
    per_network: dict[str, list[str]] = {}
    vm_nodes: dict[str, str] = {}
    if taps <= VM_EDGE_LIMIT:
        for vm in plan.vms:
            node = d.add("vm", f"VM {vm.name}", f"{vm.memory}, {vm.cpus} CPU, {vm.accel}")
            vm_nodes[vm.name] = node
            links = nic_links(vm)
            for target, text, _ in links:
                d.link(node, target, text)
            per_network.setdefault(links[0][2] if links else "", []).append(node)
    else:  # too many to draw one by one: a node per group, an edge per network it uses
        groups: dict[str, list[str]] = {}
        networks: dict[str, set[str]] = {}
        for vm in plan.vms:
            links = nic_links(vm)
            first = links[0][2] if links else ""
            groups.setdefault(first, []).append(vm.name)
            networks.setdefault(first, set()).update(target for target, _, _ in links)
        for first, names in sorted(groups.items()):
            node = d.add("vm", f"{len(names)} VMs", f"{names[0]} \u2026 {names[-1]}")
            for name in names:
                vm_nodes[name] = node
            for target in sorted(networks[first]):
                d.link(node, target, "their NICs")
            per_network.setdefault(first, []).append(node)
    for lnet in plan.libvirt_nets:
        for fwd in lnet.firewall.forwards:
            to = f"VM {fwd.vm}:{fwd.port}" if fwd.vm else f"{fwd.address}:{fwd.port}"
            target = vm_nodes.get(fwd.vm, attach[lnet.name])
            d.link(beyond(), target, f"{fwd.proto} {fwd.listen_text}:{fwd.host_port} → {to}")
    for vm in plan.vms:
        for unic in vm.user_nics:
            for ufwd in unic.forwards:
                start = this_host() if ufwd.listen.startswith("127.") else beyond()
                d.link(
                    start,
                    users[(vm.name, unic.id)],
                    f"{ufwd.proto} {ufwd.listen}:{ufwd.host_port} → VM {vm.name}:{ufwd.port}",
                )
    for index, (network, members) in enumerate(sorted(per_network.items())):
        title = f"VMs on {network}" if network else "VMs without a network"
        d.groups.append(Group(f"g{index}", label(title), tuple(members)))
    return d
