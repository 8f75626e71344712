"""Port forwards into a NAT network: every firewall rule, as words, for both of libvirt's
firewall backends.

The rules live in chains (iptables) or a table (nftables) of the bundle's own, named from
a tag of the bundle's and the network's names, so that removing them removes exactly them.
What has to sit where libvirt's own rules are is one jump per built-in chain (iptables,
marked by a comment, inserted above libvirt's) or one accept rule inside libvirt's own table
(nftables, marked by a comment): an accept in another table cannot overrule libvirt's
reject, every base chain on the hook sees the packet.

With nftables the accept goes into libvirt's ``guest_cross`` chain, which its ``forward``
chain jumps to before ``guest_input`` (libvirt inserts the jumps to guest_output, guest_input
and guest_cross each at the top, once, when it makes the table). guest_cross holds accepts
only, so the rule works wherever in it it lands; in guest_input it would have to stay above
libvirt's reject, and libvirt puts its rules back at the top of its chains whenever its
daemon starts (socket-activated virtnetworkd does so after every idle exit) without calling
any hook.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from generator.profile import Forward

HOOK_DIR = "/etc/libvirt/hooks/network.d"
# libvirt before 6.5 runs only this one file: where the bundle puts a dispatcher that runs
# HOOK_DIR's hooks as a newer libvirt does (the operator's own file there is left alone)
DISPATCHER = "/etc/libvirt/hooks/network"
DISPATCHER_SINCE = (6, 5)
LIBVIRT_CHAIN = "guest_cross"  # see above
DISPATCHER_MARKER = f"# qemu-netgen dispatcher: runs the hooks in {HOOK_DIR}"


@dataclass(frozen=True)
class ForwardPlan:
    proto: str  # tcp | udp
    host_port: int
    listen: str | None  # None: every address of the host
    address: str  # where it goes
    port: int
    vm: str  # the VM it reaches, or "" when the profile named an address
    dnat: tuple[str, ...]  # iptables: the rule in the bundle's nat chain
    accept: tuple[str, ...]  # iptables: the rule in the bundle's filter chain
    nft_dnat: str  # nftables: the rule in the bundle's prerouting chain
    nft_dnat_local: str  # and in its output chain (the host connecting to itself)
    nft_element: str  # nftables: its element of the accept rule's set (address . proto . port)

    @property
    def listen_text(self) -> str:
        return self.listen if self.listen is not None else "every address"


@dataclass(frozen=True)
class Jump:
    table: str
    chain: str
    rule: tuple[str, ...]  # what it matches, then -j target
    target: str


@dataclass(frozen=True)
class FirewallPlan:
    """A NAT network's forwards and where their rules live."""

    network: str
    bridge: str
    forwards: tuple[ForwardPlan, ...]
    comment: str  # marks the rules that sit among libvirt's
    nat_chain: str  # iptables, table nat
    filter_chain: str  # iptables, table filter
    jumps: tuple[Jump, ...]  # iptables: into the bundle's chains, each above libvirt's
    nft_table: str  # nftables: the bundle's table (family ip)
    inside: tuple[str, ...]  # bridges whose traffic the DNAT chains return untouched
    nft_accept: str  # nftables: the rule it inserts into libvirt's chain
    nft_chain: str  # that chain, in table ip libvirt_network
    hook_path: str  # in the bundle
    hook_installed: str  # where libvirt runs it
    marker: str  # its fourth line, by which the scripts know it as this bundle's
    hook_dir: str
    dispatcher_path: str  # in the bundle
    dispatcher_installed: str
    dispatcher_marker: str  # its fourth line
    dispatcher_since: str  # the libvirt version from which no dispatcher is needed

    @property
    def firewalld_advice(self) -> str:
        ports = " ".join(f"--add-port={f.host_port}/{f.proto}" for f in self.forwards)
        return f"firewall-cmd --permanent --zone=ZONE {ports}; firewall-cmd --reload"

    @property
    def ufw_advice(self) -> str:
        return "; ".join(
            f"ufw route allow proto {f.proto} to {f.address} port {f.port}" for f in self.forwards
        )


def _tag(bundle: str, network: str) -> str:
    return hashlib.sha256(f"{bundle}\0{network}".encode()).hexdigest()[:8]


# nftables takes comments of at most 128 characters
COMMENT_MAX = 128


def plan_firewall(
    bundle: str,
    name: str,
    bridge: str,
    given: Sequence[Forward],
    addresses: dict[str, str],
    bridges: tuple[str, ...],
) -> FirewallPlan:
    """``addresses``: each VM's fixed address on this network (see :mod:`generator.leases`);
    ``bridges``: the bundle's libvirt bridges, whose VMs' own traffic to the host (their gateway
    address is the host's too) is never forwarded."""
    tag = _tag(bundle, name)
    comment = f"qemu-netgen {bundle}/{name}"
    if len(comment) > COMMENT_MAX:
        comment = f"qemu-netgen {tag}"
    nat_chain, filter_chain = f"QN-{tag}-DNAT", f"QN-{tag}-FWD"
    forwards = []
    for fwd in given:
        address = str(fwd.to_address) if fwd.to_address is not None else addresses[fwd.to]
        listen = str(fwd.listen) if fwd.listen is not None else None
        to = f"{address}:{fwd.port}"
        nft_match = (f"ip daddr {listen} " if listen else "") + "fib daddr type local"
        match = ("-p", fwd.proto, "-m", fwd.proto, "--dport", str(fwd.host_port))
        forwards.append(
            ForwardPlan(
                proto=fwd.proto,
                host_port=fwd.host_port,
                listen=listen,
                address=address,
                port=fwd.port,
                vm="" if fwd.to_address is not None else fwd.to,
                dnat=(
                    *(("-d", listen) if listen else ()),
                    *match,
                    *("-j", "DNAT", "--to-destination", to),
                ),
                accept=(
                    *("-d", address, "-o", bridge, "-p", fwd.proto, "-m", fwd.proto),
                    *("--dport", str(fwd.port), "-m", "conntrack", "--ctstate", "DNAT"),
                    *("-j", "ACCEPT"),
                ),
                nft_dnat=f"{nft_match} {fwd.proto} dport {fwd.host_port} dnat to {to}",
                nft_dnat_local=(
                    f"ip daddr != 127.0.0.0/8 {nft_match} "
                    f"{fwd.proto} dport {fwd.host_port} dnat to {to}"
                ),
                nft_element=f"{address} . {fwd.proto} . {fwd.port}",
            )
        )
    marked = ("-m", "comment", "--comment", comment)
    elements = ", ".join(f.nft_element for f in forwards)
    return FirewallPlan(
        network=name,
        bridge=bridge,
        forwards=tuple(forwards),
        comment=comment,
        nat_chain=nat_chain,
        filter_chain=filter_chain,
        jumps=(
            Jump(
                "nat", "PREROUTING", ("-m", "addrtype", "--dst-type", "LOCAL", *marked), nat_chain
            ),
            # the host itself connecting to one of its addresses (not loopback: the kernel
            # drops a packet from 127.0.0.1 that leaves by another interface)
            Jump(
                "nat",
                "OUTPUT",
                ("!", "-d", "127.0.0.0/8", "-m", "addrtype", "--dst-type", "LOCAL", *marked),
                nat_chain,
            ),
            Jump("filter", "FORWARD", marked, filter_chain),
        ),
        nft_table=f"qemu_netgen_{tag}",
        inside=bridges,
        nft_accept=(
            f'oifname "{bridge}" ip daddr . meta l4proto . th dport {{ {elements} }} '
            f'ct status dnat counter accept comment "{comment}"'
        ),
        nft_chain=LIBVIRT_CHAIN,
        marker=f"# qemu-netgen hook of network {name}, bundle {bundle}",
        hook_dir=HOOK_DIR,
        dispatcher_path="libvirt/hooks/network",
        dispatcher_installed=DISPATCHER,
        dispatcher_marker=DISPATCHER_MARKER,
        dispatcher_since=".".join(str(n) for n in DISPATCHER_SINCE),
        hook_path=f"libvirt/hooks/qemu-netgen-{bundle}-{name}",
        hook_installed=f"{HOOK_DIR}/qemu-netgen-{bundle}-{name}",
    )
