"""The persistent host stacks a bridge can live in: netplan, systemd-networkd, ifupdown.

For each, the files its setup script installs (where, with which mode, from which
template) and every value those templates print, decided here. The setup and teardown
scripts are one protocol for all three (``templates/bridge/stack-*.sh.j2``); what differs
per stack is these files and a small bash library (``templates/bridge/stacks/``) that
checks the host and tells the stack's daemon to adopt or release the bridge.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.profile import BridgeNetwork

STACKS = ("netplan", "networkd", "ifupdown")
# Written into a file where the uplink's MAC belongs when the profile does not give it;
# the setup script puts the NIC's MAC there as it installs the file.
MAC_TOKEN = "@UPLINK_MAC@"


def _keep(net: BridgeNetwork) -> tuple[str, str]:
    """What systemd-networkd keeps of what the setup script moved onto the bridge, instead
    of dropping and re-adding it as it adopts the link (measured: dropping costs probes).
    A static bridge: everything ("yes"). A DHCP bridge: "static" (addresses, and routes of
    proto static, which the moved routes get), as with "yes" its lease would never expire;
    networkd then drops foreign static neighbours (the setup script says so)."""
    return ("KeepConfiguration", "static" if net.address is None else "yes")


@dataclass(frozen=True)
class Section:
    """A block of a stack's file: a header line and its ``key value`` entries."""

    header: str
    entries: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class StackFile:
    path: str  # inside the bundle
    target: str  # where the setup script installs it
    mode: int
    template: str
    sections: tuple[Section, ...] = ()

    @property
    def octal_mode(self) -> str:
        return f"{self.mode:04o}"


@dataclass(frozen=True)
class StackPlan:
    name: str  # netplan | networkd | ifupdown
    files: tuple[StackFile, ...]
    library: str  # the template of its bash functions
    daemon: str  # what adopts the bridge, in the runbook's words
    networkd_files: tuple[str, ...]  # what systemd-networkd configures the links from, if it does
    port_network_file: str  # of those, the uplink's ("" without networkd)
    bridge_network_file: str  # and the bridge's
    packages_hint: str  # what install-packages.sh installs for it, in the runbook's words

    @property
    def networkd(self) -> bool:
        """Whether systemd-networkd runs the bridge (netplan renders for it)."""
        return bool(self.networkd_files)


def _networkd_files(net: BridgeNetwork, mac: str) -> tuple[StackFile, ...]:
    bridge, uplink = net.bridge, net.uplink
    netdev = [("Name", bridge), ("Kind", "bridge"), ("MACAddress", mac)]
    if net.mtu is not None:
        netdev.append(("MTUBytes", str(net.mtu)))
    network: list[tuple[str, str]] = []
    extra: list[Section] = []
    if net.address is None:
        network.append(("DHCP", "ipv4"))
        # the lease the uplink had (a DHCP server keys it by MAC; networkd's default is a DUID)
        extra.append(Section("[DHCPv4]", (("ClientIdentifier", "mac"),)))
    else:
        network.append(("Address", str(net.address.cidr)))
        if net.address.gateway is not None:
            network.append(("Gateway", str(net.address.gateway)))
        network += [("DNS", str(d)) for d in net.address.dns]
    network.append(_keep(net))
    port_link = [("RequiredForOnline", "no")]  # boot does not wait for the port
    if net.mtu is not None:
        port_link.append(("MTUBytes", str(net.mtu)))
    folder, etc = "networkd", "/etc/systemd/network"
    return (
        StackFile(
            f"{folder}/10-{bridge}.netdev",
            f"{etc}/10-{bridge}.netdev",
            0o644,
            "bridge/networkd/ini.j2",
            (
                Section("[NetDev]", tuple(netdev)),
                Section(
                    "[Bridge]",
                    (
                        ("STP", "yes" if net.stp else "no"),
                        ("ForwardDelaySec", str(net.forward_delay)),
                    ),
                ),
            ),
        ),
        StackFile(
            f"{folder}/10-{bridge}.network",
            f"{etc}/10-{bridge}.network",
            0o644,
            "bridge/networkd/ini.j2",
            (
                Section("[Match]", (("Name", bridge),)),
                Section("[Network]", tuple(network)),
                *extra,
            ),
        ),
        StackFile(
            f"{folder}/10-{uplink}.network",
            f"{etc}/10-{uplink}.network",
            0o644,
            "bridge/networkd/ini.j2",
            (
                Section("[Match]", (("Name", uplink),)),
                Section("[Link]", tuple(port_link)),
                Section("[Network]", (("Bridge", bridge),)),
            ),
        ),
    )


def _ifupdown_files(name: str, net: BridgeNetwork, mac: str) -> tuple[StackFile, ...]:
    options: list[tuple[str, str]] = []
    if net.address is None:
        header = f"iface {net.bridge} inet dhcp"
    else:
        header = f"iface {net.bridge} inet static"
        options.append(("address", str(net.address.cidr)))
        if net.address.gateway is not None:
            options.append(("gateway", str(net.address.gateway)))
        if net.address.dns:
            options.append(("dns-nameservers", " ".join(str(d) for d in net.address.dns)))
    options += [
        ("bridge_ports", net.uplink),
        ("bridge_stp", "on" if net.stp else "off"),
        ("bridge_fd", str(net.forward_delay)),
        ("bridge_hw", mac),
    ]
    if net.mtu is not None:
        options.append(("mtu", str(net.mtu)))
    file = f"qemu-netgen-{name}"
    return (
        StackFile(
            f"ifupdown/{file}",
            f"/etc/network/interfaces.d/{file}",
            0o644,
            "bridge/ifupdown/interfaces.j2",
            (
                Section(f"iface {net.uplink} inet manual", ()),
                Section(f"auto {net.bridge}", ()),
                Section(header, tuple(options)),
            ),
        ),
    )


def _flow(value: object) -> str:
    """A YAML flow value (JSON is one): quoted and escaped as YAML reads it back."""
    return json.dumps(value)


def _netplan_files(name: str, net: BridgeNetwork, mac: str) -> tuple[StackFile, ...]:
    # renderer on each device, never for the whole file: a file-wide renderer would also
    # move the host's other devices (say, from NetworkManager) to networkd
    port = [
        ("renderer", "networkd"),
        ("dhcp4", "false"),
        ("dhcp6", "false"),
        ("accept-ra", "false"),
        ("link-local", "[]"),
        ("optional", "true"),  # boot does not wait for the port
    ]
    bridge = [
        ("renderer", "networkd"),
        ("interfaces", _flow([net.uplink])),
        ("macaddress", _flow(mac)),
    ]
    if net.mtu is not None:
        port.append(("mtu", str(net.mtu)))
        bridge.append(("mtu", str(net.mtu)))
    if net.address is None:
        bridge += [("dhcp4", "true"), ("dhcp-identifier", "mac")]
    else:
        bridge += [("dhcp4", "false"), ("addresses", _flow([str(net.address.cidr)]))]
        if net.address.gateway is not None:
            bridge.append(("routes", _flow([{"to": "default", "via": str(net.address.gateway)}])))
        if net.address.dns:
            bridge.append(("nameservers", _flow({"addresses": [str(d) for d in net.address.dns]})))
    bridge.append(("parameters", _flow({"stp": net.stp, "forward-delay": net.forward_delay})))
    file = f"60-qemu-netgen-{name}.yaml"
    # netplan 0.106 says KeepConfiguration only as `critical: true`, which is "yes": a drop-in
    # for the .network file it generates says what _keep decides
    dropin = f"10-netplan-{net.bridge}.network.d/60-qemu-netgen-{name}.conf"
    return (
        StackFile(
            f"netplan/{file}",
            f"/etc/netplan/{file}",
            0o600,  # netplan warns about files others can read
            "bridge/netplan/bridge.yaml.j2",
            (
                Section(net.uplink, tuple(port)),
                Section(net.bridge, tuple(bridge)),
            ),
        ),
        StackFile(
            f"netplan/{dropin}",
            f"/etc/systemd/network/{dropin}",
            0o644,
            "bridge/networkd/ini.j2",
            (Section("[Network]", (_keep(net),)),),
        ),
    )


def plan_stack(name: str, net: BridgeNetwork) -> StackPlan | None:
    """The files and scripts of a persistent stack, or None for ip and nmcli."""
    mac = net.uplink_mac or MAC_TOKEN
    if net.method == "networkd":
        files = _networkd_files(net, mac)
        return StackPlan(
            "networkd",
            files,
            "bridge/stacks/networkd.sh.j2",
            "systemd-networkd",
            tuple(f.target for f in files if f.target.endswith(".network")),
            files[2].target,
            files[1].target,
            "systemd (systemd-networkd)",
        )
    if net.method == "netplan":
        return StackPlan(
            "netplan",
            _netplan_files(name, net, mac),
            "bridge/stacks/netplan.sh.j2",
            "netplan (renderer networkd)",
            tuple(
                f"/run/systemd/network/10-netplan-{dev}.network" for dev in (net.bridge, net.uplink)
            ),
            f"/run/systemd/network/10-netplan-{net.uplink}.network",
            f"/run/systemd/network/10-netplan-{net.bridge}.network",
            "netplan.io",
        )
    if net.method == "ifupdown":
        return StackPlan(
            "ifupdown",
            _ifupdown_files(name, net, mac),
            "bridge/stacks/ifupdown.sh.j2",
            "ifupdown",
            (),
            "",
            "",
            "ifupdown and bridge-utils",
        )
    return None
