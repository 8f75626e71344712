"""The bundle's topology as a Mermaid flowchart, drawn from the plan (never from templates).

Nodes have ids of their own (``n0``, ``n1``, ...), never a name from the profile; every label
is text, escaped by :func:`label` into Mermaid's entity form, so no name can close a label,
start a comment or inject HTML. VMs are grouped per network they first attach to; a label
keeps at most :data:`LABEL_MAX` characters per line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.plan import Plan

LABEL_MAX = 60
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
    "circle: beyond the host"
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


def topology(plan: Plan) -> Diagram:
    """The plan's NICs, bridges, networks, devices and VMs, and how they connect."""
    d = Diagram()
    attach: dict[str, str] = {}  # network name -> the node a VM's NIC attaches to
    outside = ""

    def beyond() -> str:
        nonlocal outside
        if not outside:
            outside = d.add("outside", "LAN / upstream")
        return outside

    for net in plan.bridges:
        address = "DHCP" if net.dhcp else f"{net.cidr}"
        port = d.add("nic", f"uplink {net.uplink}", f"address ({address}) moves to {net.bridge}")
        bridge = d.add(
            "bridge", f"bridge {net.bridge}", f"{net.name}: {net.summary}".replace("`", "")
        )
        d.link(port, bridge, "port")
        d.link(port, beyond())
        attach[net.name] = bridge
    for lnet in plan.libvirt_nets:
        lines = [
            f"{lnet.name}: {lnet.title} on {lnet.bridge}",
            f"{lnet.subnet}, gateway {lnet.address}",
        ]
        if lnet.dhcp_start is not None:
            lines.append(f"DHCP {lnet.dhcp_start} \u2013 {lnet.dhcp_end}")
        if lnet.ipv6 is not None:
            lines.append(f"IPv6 {lnet.ipv6.subnet}")
        node = d.add("network", *lines)
        attach[lnet.name] = node
        if lnet.kind == "nat":
            d.link(node, beyond(), "masquerade")
        elif lnet.kind == "routed":
            uplink = d.add("nic", f"uplink {lnet.uplink}", f"routes {lnet.subnet}")
            d.link(node, uplink, "route")
            d.link(uplink, beyond())
        for fwd in lnet.firewall.forwards:
            target = f"{fwd.address}:{fwd.port}"
            d.link(beyond(), node, f"{fwd.proto} {fwd.listen_text}:{fwd.host_port} → {target}")
    for dev in plan.passthroughs:
        name = f" ({dev.interface})" if dev.interface else ""
        attach[dev.name] = d.add(
            "device", f"PCI {dev.device}{name}", "vfio-pci: the whole IOMMU group"
        )
    per_network: dict[str, list[str]] = {}
    for vm in plan.vms:
        node = d.add("vm", f"VM {vm.name}", f"{vm.memory}, {vm.cpus} CPU, {vm.accel}")
        first = None
        for nic in vm.nics:
            d.link(node, attach[nic.network], f"{nic.device} {nic.mac}")
            first = first or nic.network
        for unic in vm.user_nics:
            user = d.add("user", f"{unic.network}: user mode ({unic.backend})")
            d.link(node, user, f"{unic.device} {unic.mac}")
            d.link(user, beyond(), "the host's sockets")
            for ufwd in unic.forwards:
                d.link(
                    beyond(), user, f"{ufwd.proto} {ufwd.listen}:{ufwd.host_port} → :{ufwd.port}"
                )
            first = first or unic.network
        for vfio in vm.vfio:
            d.link(node, attach[vfio.network], "passthrough")
            first = first or vfio.network
        per_network.setdefault(first or "", []).append(node)
    for index, (network, members) in enumerate(sorted(per_network.items())):
        title = f"VMs on {network}" if network else "VMs without a network"
        d.groups.append(Group(f"g{index}", label(title), tuple(members)))
    return d
