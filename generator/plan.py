"""Profile -> Plan: every value a template prints, decided here.

Templates only format; defaults, derived MACs and UUIDs, file names, helper paths and
the QEMU argument list are all computed in this module, where tests reach them.
Everything is deterministic: the same profile always yields the same plan.
"""

from __future__ import annotations

import hashlib
import itertools
import uuid
from dataclasses import dataclass, replace
from ipaddress import IPv4Address
from typing import Any

from generator import names
from generator.distros import DISTROS, DistroFacts
from generator.forwards import FirewallPlan, plan_firewall
from generator.leases import fixed_leases
from generator.profile import (
    AnyLibvirtNetwork,
    BridgeNetwork,
    LibvirtNetwork,
    NatNetwork,
    PassthroughNetwork,
    Profile,
    RoutedNetwork,
    UserNetwork,
    Vm,
)
from generator.stacks import MAC_TOKEN, STACKS, StackPlan, plan_stack
from generator.units import BUNDLE_TOKEN, UNIT_DIR, UnitPlan, plan_unit

UUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://qemu-netgen.invalid/network")
NIC_DEVICES = {
    "virtio": "virtio-net-pci",
    "e1000e": "e1000e",
    "e1000": "e1000",
    "rtl8139": "rtl8139",
}
ACL_FILE_PREFIX = "qemu-netgen-"


def network_uuid(name: str) -> str:
    """A fixed UUID per network name, so a second ``virsh net-define`` replaces, not fails."""
    return str(uuid.uuid5(UUID_NAMESPACE, name))


def _qemu_value(text: str) -> str:
    """Escape a value inside a QEMU ``key=value,...`` option (a comma is written twice)."""
    return text.replace(",", ",,")


class MacAllocator:
    """Hands out ``52:54:00:xx:xx:xx`` addresses derived from a seed, never twice."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = set(taken)

    def derive(self, *seed: str) -> str:
        counter = 0
        while True:
            text = "\0".join(seed) + (f"\0{counter}" if counter else "")
            digest = hashlib.sha256(text.encode()).digest()
            mac = "52:54:00:" + ":".join(f"{b:02x}" for b in digest[:3])
            if mac not in self.taken:
                self.taken.add(mac)
                return mac
            counter += 1


@dataclass(frozen=True)
class DhcpHostPlan:
    mac: str
    ip: str
    name: str | None


@dataclass(frozen=True)
class DnsHostPlan:
    ip: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class LibvirtNetPlan:
    """A network libvirt makes: NAT (masquerade), routed or isolated."""

    name: str
    kind: str  # nat | routed | isolated: the profile's type
    title: str  # the runbook's words for it ("NAT network")
    forward_mode: str  # <forward mode=...>: nat, route, or "" for none (isolated)
    uplink: str  # routed: the NIC its traffic leaves by (<forward dev=...>); else ""
    uplink_provider: str  # the bundle's script that makes that uplink (a bridge), or ""
    traffic: str  # the runbook's sentence on what libvirt does with its traffic
    uuid: str
    bridge: str
    mac: str
    address: str
    netmask: str
    prefix: int
    subnet: str
    dhcp_start: str | None
    dhcp_end: str | None
    hosts: tuple[DhcpHostPlan, ...]  # the profile's, and the VMs' fixed leases
    dns_hosts: tuple[DnsHostPlan, ...]  # names the network's dnsmasq answers
    domain: str | None
    resolver_advice: str  # the runbook: how the host's own lookups reach those names
    resolver_lines: tuple[str, ...]
    autostart: bool
    firewall: FirewallPlan  # the port forwards (maybe none) and where their rules live
    xml_path: str
    setup_path: str
    teardown_path: str
    sysctl: SysctlPlan | None  # routed: the drop-in that keeps forwarding on at boot
    ipv6: Ipv6Plan | None
    step: int = 0  # its number in the runbook


@dataclass(frozen=True)
class Ipv6Plan:
    """A libvirt network's IPv6: a /64 with the host's address, router advertisements (libvirt's
    dnsmasq sends them) and maybe a DHCPv6 range; masqueraded on NAT networks."""

    subnet: str
    address: str
    prefix: int
    dhcp_start: str | None
    dhcp_end: str | None
    dropin: str  # the sysctl drop-in the setup writes for interfaces that take RA routes
    marker: str  # its first line
    state_path: str  # where the setup records each such interface's accept_ra before


@dataclass(frozen=True)
class SysctlPlan:
    """A sysctl.d drop-in of the bundle that a setup script installs (its teardown removes it)."""

    source: str  # in the bundle
    installed: str
    marker: str  # its first line, by which the scripts know it as theirs
    lines: tuple[str, ...]  # what follows the marker


@dataclass(frozen=True)
class BridgePlan:
    """A host bridge with the uplink enslaved, made by ``ip`` (until reboot), ``nmcli``, or
    written into a persistent stack's files (``stack``) and moved live."""

    name: str
    bridge: str
    uplink: str
    method: str  # ip | nmcli | netplan | networkd | ifupdown
    uplink_mac: str  # the profile's, or "" (the NIC's, read on the host)
    stack: StackPlan | None  # netplan, networkd, ifupdown: the files and their library
    stp: bool
    forward_delay: int  # seconds, as NetworkManager takes it
    forward_delay_cs: int  # centiseconds, as iproute2 takes it
    mtu: int | None
    cidr: str | None  # None: DHCP
    gateway: str | None
    dns: tuple[str, ...]
    apply_path: str
    undo_path: str
    state_path: str  # where the apply script records what it changed, for the undo
    backup_dir: str  # stacks: where the setup script keeps the files it replaces
    route_proto: str  # what routes moved onto the bridge are marked as ("" for as they were)
    move_lifetimes: bool  # whether a leased address keeps its lifetime on the bridge
    mac_token: str  # stacks: what stands for the uplink's MAC in a file, until installed
    connection: str  # nmcli: the bridge profile's name
    port_connection: str  # nmcli: the uplink's port profile's name
    ipv4_settings: tuple[str, ...]  # nmcli: the bridge profile's ipv4.* properties and values
    over_ssh: str  # preflight: what to do when the SSH session runs over the uplink
    on_default_route: str  # preflight: what follows when the default route uses the uplink
    nm_check: str  # preflight: the NetworkManager check this method needs (a template)
    summary: str  # the runbook's words for the method
    readme_step: str  # the runbook's text for the apply step (a template)
    readme_undo: str  # and for the undo
    step: int = 0  # its number in the runbook

    @property
    def dhcp(self) -> bool:
        return self.cidr is None


@dataclass(frozen=True)
class PassthroughPlan:
    """A PCI NIC taken from its host driver and bound to vfio-pci."""

    name: str
    device: str  # DDDD:BB:DD.F, lowercase
    interface: str | None
    romfile: str | None
    bind_path: str
    restore_path: str
    state_path: str
    step: int = 0  # its number in the runbook


@dataclass(frozen=True)
class VfioPlan:
    """A passed-through device on a VM's command line."""

    id: str
    network: str
    device: str
    romfile: str | None
    provider: str  # the bundle script that binds it to vfio-pci


@dataclass(frozen=True)
class QemuArg:
    """One word of the QEMU command line. ``runtime`` is appended to it as the launch
    script expands it (``,vhost=$vhost``: decided on the host, where /dev/vhost-net is)."""

    text: str
    runtime: str = ""


@dataclass(frozen=True)
class NicPlan:
    id: str
    network: str
    bridge: str
    mac: str
    device: str
    provider: str  # the bundle script that creates the bridge
    kind: str  # nat | bridge


@dataclass(frozen=True)
class PasstPlan:
    """The passt process behind one user-mode NIC, started by the VM's launch script."""

    socket: str  # its socket's file name in the VM's passt folder
    pid: str  # and its pid file's
    variable: str  # the launch script's variable with the socket's path, as QEMU reads it
    options: tuple[str, ...]  # the forwards, in passt's words


@dataclass(frozen=True)
class UserForwardPlan:
    proto: str
    listen: str
    host_port: int
    port: int


@dataclass(frozen=True)
class UserNicPlan:
    """A user-mode NIC: no bridge, no tap; passt (one per NIC) or QEMU's slirp."""

    id: str
    network: str
    mac: str
    device: str
    backend: str  # passt | slirp
    forwards: tuple[UserForwardPlan, ...]
    passt: PasstPlan | None


@dataclass(frozen=True)
class NetdevCheck:
    """A -netdev type preflight looks for in QEMU's list (``-netdev help``)."""

    netdev: str
    purpose: str
    fix: str


NETDEV_CHECKS = {
    "passt": NetdevCheck(
        "stream",
        "QEMU 7.2 and later connect to passt with it",
        "upgrade QEMU, or use backend: slirp",
    ),
    "slirp": NetdevCheck(
        "user",
        "slirp, built into QEMU with libslirp",
        "this QEMU was built without slirp; use backend: passt",
    ),
}


@dataclass(frozen=True)
class DeviceCheck:
    """A preflight check of a device node under /dev that a VM needs."""

    device: str  # kvm | vhost-net
    level: str  # fail | warn: what a missing device is for this VM
    message: str  # what preflight says then, with what to do about it


@dataclass(frozen=True)
class VmPlan:
    name: str
    memory: str
    memory_mib: int
    memory_kib: int  # what vfio pins, as `ulimit -l` counts
    cpus: int
    accel: str
    vhost: str
    disk: str | None
    vnc: str | None
    nics: tuple[NicPlan, ...]  # on a bridge, through a tap
    user_nics: tuple[UserNicPlan, ...]
    vfio: tuple[VfioPlan, ...]
    args: tuple[tuple[QemuArg, ...], ...]  # one option and its value per line
    launch_path: str
    device_checks: tuple[DeviceCheck, ...]
    service_args: tuple[tuple[QemuArg, ...], ...]  # added when it runs as a systemd service
    unit: UnitPlan
    step: int = 0  # its number in the runbook

    @property
    def passts(self) -> tuple[PasstPlan, ...]:
        return tuple(nic.passt for nic in self.user_nics if nic.passt is not None)

    @property
    def forward_ports(self) -> tuple[int, ...]:
        """The host ports its user-mode NICs' forwards listen on, lowest first."""
        return tuple(sorted({f.host_port for nic in self.user_nics for f in nic.forwards}))

    @property
    def low_ports(self) -> tuple[int, ...]:
        """Host ports of its forwards that only root may listen on (by default)."""
        return tuple(port for port in self.forward_ports if port < 1024)

    @property
    def vfio_noun(self) -> str:
        return "devices" if len(self.vfio) > 1 else "device"

    @property
    def bridges(self) -> tuple[str, ...]:
        return tuple(sorted({nic.bridge for nic in self.nics}))

    @property
    def bridge_providers(self) -> tuple[tuple[str, str], ...]:
        """(bridge, script that creates it) for each bridge this VM attaches to."""
        return tuple(sorted({(nic.bridge, nic.provider) for nic in self.nics}))


@dataclass(frozen=True)
class AclPlan:
    bridges: tuple[str, ...]
    conf_path: str  # inside the bundle
    installed_path: str  # on the host
    main_path: str  # qemu-bridge-helper's compiled-in ACL
    install_path: str
    remove_path: str
    marker: str = (
        "# Created by qemu-netgen (install-bridge-acl.sh); bundles add their include lines below."
    )
    step: int = 0  # its number in the runbook


@dataclass(frozen=True)
class UnitsPlan:
    """The bundle's systemd units, one per VM, and the scripts that install and remove them."""

    install_path: str
    remove_path: str
    unit_dir: str  # where they are installed
    token: str  # what stands for the bundle's absolute path in a unit, until installed
    step: int = 0  # its number in the runbook


@dataclass(frozen=True)
class Step:
    """One step of the runbook that changes the host, with its undo, for automation."""

    apply: str
    undo: str
    # what the step may do to the connection that runs it: "none"; "confirm": it can cut it
    # and takes --confirm-within / --confirm; "detached": it can cut it and has no roll-back
    # timer (NetworkManager activates in a detached step)
    cuts: str = "none"


@dataclass(frozen=True)
class Plan:
    name: str
    distro: DistroFacts
    libvirt_nets: tuple[LibvirtNetPlan, ...]
    bridges: tuple[BridgePlan, ...]
    passthroughs: tuple[PassthroughPlan, ...]
    vms: tuple[VmPlan, ...]
    acl: AclPlan | None
    units: UnitsPlan | None

    @property
    def packages(self) -> tuple[str, ...]:
        """What the host needs installed for this bundle, in install order."""
        wanted: list[str] = []
        if self.libvirt_nets:
            wanted += self.distro.packages_nat
        if any(b.method == "ip" for b in self.bridges):
            wanted += self.distro.packages_ip
        if any(b.method == "nmcli" for b in self.bridges):
            wanted += self.distro.packages_nmcli
        for stack in STACKS:
            if any(b.method == stack for b in self.bridges):
                wanted += self.distro.packages_ip + getattr(self.distro, f"packages_{stack}")
        if any(b.method == "ifupdown" and b.dhcp for b in self.bridges):
            wanted += self.distro.packages_dhclient
        if self.passthroughs:
            wanted += self.distro.packages_vfio
        if self.uses_passt:
            wanted += self.distro.packages_passt
        if self.has_ipv6:
            wanted += self.distro.packages_sysctl
        if self.vms:
            wanted += self.distro.packages_qemu + self.distro.packages_service
        return tuple(dict.fromkeys(wanted))

    @property
    def optional_packages(self) -> tuple[str, ...]:
        """Installed too where the release has them as packages of their own."""
        if any(b.stack is not None and b.stack.networkd for b in self.bridges):
            return self.distro.optional_networkd
        return ()

    @property
    def forward_drop_advice(self) -> str:
        """What preflight says when Docker's FORWARD policy would drop bridged VM traffic."""
        rules = " ".join(
            f"iptables -I DOCKER-USER -i {b.bridge} -o {b.bridge} -j ACCEPT;" for b in self.bridges
        )
        return (
            "iptables FORWARD policy is DROP (Docker sets it) and bridge-nf-call-iptables=1: VM "
            f"traffic on the bridge is dropped. Fix: {rules} or set the bridge-nf-call sysctls to 0"
        )

    @property
    def forwarding(self) -> tuple[LibvirtNetPlan, ...]:
        """The NAT networks with port forwards."""
        return tuple(net for net in self.libvirt_nets if net.firewall.forwards)

    @property
    def has_forwards(self) -> bool:
        return bool(self.forwarding)

    @property
    def runbook(self) -> tuple[Step, ...]:
        """The steps that change the host, in the runbook's order (undo in reverse)."""
        steps = [Step(n.setup_path, n.teardown_path) for n in self.libvirt_nets]
        steps += [
            Step(b.apply_path, b.undo_path, "detached" if b.method == "nmcli" else "confirm")
            for b in self.bridges
        ]
        steps += [Step(p.bind_path, p.restore_path) for p in self.passthroughs]
        if self.acl is not None:
            steps.append(Step(self.acl.install_path, self.acl.remove_path))
        if self.units is not None:
            steps.append(Step(self.units.install_path, self.units.remove_path))
        return tuple(steps)

    @property
    def reads_sysfs(self) -> bool:
        """Whether preflight looks at NICs or PCI devices in /sys."""
        return bool(self.bridges or self.passthroughs or any(n.uplink for n in self.libvirt_nets))

    @property
    def reads_procfs(self) -> bool:
        """Whether preflight reads /proc/sys (bridged traffic, IPv6's accept_ra)."""
        return bool(self.bridges or self.has_ipv6)

    @property
    def libvirt_bridges(self) -> tuple[str, ...]:
        return tuple(n.bridge for n in self.libvirt_nets)

    @property
    def checks_devices(self) -> bool:
        """Whether preflight looks at /dev/kvm or /dev/vhost-net for some VM."""
        return any(vm.device_checks for vm in self.vms)

    @property
    def commands(self) -> tuple[str, ...]:
        """The commands this bundle's scripts run on the host (for preflight)."""
        wanted: list[str] = []
        if self.libvirt_nets:
            wanted.append("virsh")
        if self.bridges or self.passthroughs:
            wanted.append("ip")
        if any(b.method != "nmcli" for b in self.bridges):
            wanted.append("setsid")  # the lock-out guard's detached roll-back
            wanted.append("flock")  # and its lock against a late --confirm
        if any(b.method == "nmcli" for b in self.bridges):
            wanted.append("nmcli")
        for b in self.bridges:
            wanted += STACK_COMMANDS.get(b.method, ())
        if self.passthroughs:
            wanted.append("modprobe")
        if self.uses_passt:
            wanted.append("passt")
        if self.has_ipv6:
            wanted.append("sysctl")  # accept_ra for the interfaces that take RA routes
        if self.vms:
            wanted += [self.distro.qemu, "socat"]
        return tuple(dict.fromkeys(wanted))

    @property
    def has_ipv6(self) -> bool:
        """Whether a libvirt network of the bundle has IPv6 (accept_ra, sysctl)."""
        return any(n.ipv6 for n in self.libvirt_nets)

    @property
    def uses_passt(self) -> bool:
        return any(vm.passts for vm in self.vms)

    @property
    def user_backend_checks(self) -> tuple[NetdevCheck, ...]:
        """What preflight asks of QEMU's -netdev types for the user-mode NICs."""
        backends = {nic.backend for vm in self.vms for nic in vm.user_nics}
        return tuple(NETDEV_CHECKS[b] for b in sorted(backends))


def _disk_spec(path: str) -> str:
    lower = path.lower()
    fmt = (
        "qcow2"
        if lower.endswith((".qcow2", ".qcow"))
        else "raw"
        if lower.endswith((".raw", ".img"))
        else None
    )
    spec = f"file={_qemu_value(path)},if=virtio"
    return spec + (f",format={fmt}" if fmt else "")


def _line(*words: str) -> tuple[QemuArg, ...]:
    return tuple(QemuArg(w) for w in words)


Device = NicPlan | UserNicPlan | VfioPlan


def _user_netdev(nic: UserNicPlan) -> tuple[QemuArg, ...]:
    """The -netdev of a user-mode NIC: passt's socket (its path known on the host only), or
    slirp with the forwards."""
    if nic.passt is not None:
        spec = f"stream,id={nic.id},server=off,addr.type=unix,addr.path="
        return (QemuArg("-netdev"), QemuArg(spec, runtime="$" + nic.passt.variable))
    spec = f"user,id={nic.id}" + "".join(
        f",hostfwd={f.proto}:{f.listen}:{f.host_port}-:{f.port}" for f in nic.forwards
    )
    return _line("-netdev", spec)


def _plan_vm(profile: Profile, vm: Vm, devices: list[Device], facts: DistroFacts) -> VmPlan:
    nics = tuple(d for d in devices if isinstance(d, NicPlan))
    user_nics = tuple(d for d in devices if isinstance(d, UserNicPlan))
    memory = vm.memory
    lines = [
        _line(facts.qemu),
        _line("-name", vm.name),
        _line("-M", "q35"),
        _line("-accel", vm.accel),
    ]
    if vm.accel == "kvm":
        lines.append(_line("-cpu", "host"))
    lines += [_line("-m", memory), _line("-smp", str(vm.cpus))]
    if vm.disk is not None:
        lines.append(_line("-drive", _disk_spec(vm.disk)))
    if vm.kernel is not None:
        lines.append(_line("-kernel", vm.kernel))
        if vm.initrd is not None:
            lines.append(_line("-initrd", vm.initrd))
        if vm.cmdline is not None:
            lines.append(_line("-append", vm.cmdline))
    vnc = None
    if vm.display is not None:
        vnc = f"{vm.display.listen}:{vm.display.vnc}"
        lines.append(_line("-vnc", vnc))
    else:
        lines.append(_line("-display", "none"))
    for dev in devices:
        if isinstance(dev, VfioPlan):
            spec = f"vfio-pci,host={dev.device},id={dev.id}"
            if dev.romfile is not None:
                spec += f",romfile={_qemu_value(dev.romfile)}"
            lines.append(_line("-device", spec))
            continue
        if isinstance(dev, UserNicPlan):
            lines.append(_user_netdev(dev))
            lines.append(_line("-device", f"{dev.device},netdev={dev.id},mac={dev.mac}"))
            continue
        netdev = f"tap,id={dev.id},br={dev.bridge},helper={_qemu_value(facts.bridge_helper)}"
        lines.append((QemuArg("-netdev"), QemuArg(netdev, runtime=",vhost=$vhost")))
        lines.append(_line("-device", f"{dev.device},netdev={dev.id},mac={dev.mac}"))
    if not nics and not user_nics:
        lines.append(_line("-nic", "none"))
    memory_mib = names.memory_mib(vm.memory)
    unit = plan_unit(profile, vm, facts)
    return VmPlan(
        name=vm.name,
        memory=memory,
        memory_mib=memory_mib,
        memory_kib=memory_mib * 1024,
        cpus=vm.cpus,
        accel=vm.accel,
        vhost=vm.vhost,
        disk=vm.disk,
        vnc=vnc,
        nics=nics,
        user_nics=user_nics,
        vfio=tuple(d for d in devices if isinstance(d, VfioPlan)),
        args=tuple(lines),
        launch_path=f"launch-{vm.name}.sh",
        device_checks=_device_checks(vm, bool(nics)),
        service_args=(
            _line("-qmp", f"unix:{_qemu_value(unit.qmp_path)},server=on,wait=off"),
            _line("-pidfile", unit.pid_path),
        ),
        unit=unit,
    )


def _device_checks(vm: Vm, has_nics: bool) -> tuple[DeviceCheck, ...]:
    """What preflight checks under /dev for ``vm``, and whether a missing device fails."""
    checks = []
    if vm.accel == "kvm":
        checks.append(
            DeviceCheck(
                "kvm",
                "fail",
                "/dev/kvm is missing or not accessible: enable virtualization in the firmware "
                "and load kvm_intel/kvm_amd (or set accel: tcg)",
            )
        )
    vhost = "/dev/vhost-net is not accessible: modprobe vhost_net"
    if has_nics and vm.vhost == "on":
        checks.append(DeviceCheck("vhost-net", "fail", vhost))
    elif has_nics and vm.vhost == "auto":
        checks.append(
            DeviceCheck("vhost-net", "warn", f"{vhost} (without it the VM's network runs slower)")
        )
    return tuple(checks)


# per network type: the runbook's words, libvirt's <forward mode=...> ("" for none), and
# what libvirt does with the traffic (the runbook's sentence)
LIBVIRT_KINDS = {
    "nat": (
        "NAT network",
        "nat",
        "adds masquerade rules: the VMs reach out with the host's address, and nothing "
        "reaches them from outside but through port forwards.",
    ),
    "routed": (
        "routed network",
        "route",
        "routes the subnet out of `{uplink}` without masquerade: the VMs are seen with their "
        "own addresses, and reached at them once the router upstream routes the subnet here.",
    ),
    "isolated": (
        "isolated network",
        "",
        "adds no way out: the VMs reach each other and this host only.",
    ),
}
SYSCTL_DIR = "/etc/sysctl.d"


def libvirt_setup_path(name: str, net: AnyLibvirtNetwork) -> str:
    """The script that defines and starts libvirt network ``name`` (a VM's NIC names it too)."""
    return f"setup-{net.type}-{name}.sh"


def _sysctl(bundle: str, name: str, net: AnyLibvirtNetwork) -> SysctlPlan | None:
    if not isinstance(net, RoutedNetwork):
        return None
    file = f"60-qemu-netgen-{bundle}-{name}.conf"
    return SysctlPlan(
        source=f"sysctl/{file}",
        installed=f"{SYSCTL_DIR}/{file}",
        marker=f"# qemu-netgen: routed network {name} of bundle {bundle}",
        lines=(
            "# libvirt turns forwarding on as it starts the network; this keeps it on from boot",
            "# (IPv6 too, once the network has IPv6: then an uplink that takes router",
            "# advertisements needs net.ipv6.conf.<uplink>.accept_ra = 2, or libvirt refuses it)",
            "net.ipv4.ip_forward = 1",
        ),
    )


def _plan_libvirt(
    bundle: str,
    name: str,
    net: AnyLibvirtNetwork,
    mac: str,
    leases: dict[str, tuple[str, str]],
    bridges: tuple[str, ...],
    providers: dict[str, str],
) -> LibvirtNetPlan:
    """``providers``: the bundle's host bridges and the scripts that make them."""
    """``leases``: VM name -> (MAC of its NIC here, fixed address) for this network."""
    hosts = [DhcpHostPlan(h.mac, str(h.ip), h.name) for h in net.hosts]
    given = {h.mac.lower() for h in net.hosts}
    for vm, (nic_mac, ip) in sorted(leases.items()):
        if nic_mac.lower() not in given:
            hosts.append(DhcpHostPlan(nic_mac, ip, vm if names.is_host_name(vm) else None))
    dns: dict[str, list[str]] = {}
    for host in hosts:
        if host.name is not None:
            dns.setdefault(host.ip, []).append(host.name)
    for vm, (_, ip) in sorted(leases.items()):
        if names.is_host_name(vm) and vm not in dns.get(ip, []):
            dns.setdefault(ip, []).append(vm)
    title, forward_mode, traffic = LIBVIRT_KINDS[net.type]
    uplink = net.uplink if isinstance(net, RoutedNetwork) else ""
    forwards = net.forwards if isinstance(net, NatNetwork) else []
    return LibvirtNetPlan(
        name=name,
        kind=net.type,
        title=title,
        forward_mode=forward_mode,
        uplink=uplink,
        uplink_provider=providers.get(uplink, ""),
        traffic=traffic.format(uplink=uplink),
        uuid=network_uuid(name),
        bridge=net.bridge,
        mac=mac,
        address=str(net.gateway_address),
        netmask=str(net.subnet.netmask),
        prefix=net.subnet.prefixlen,
        subnet=str(net.subnet),
        dhcp_start=str(net.dhcp.start) if net.dhcp else None,
        dhcp_end=str(net.dhcp.end) if net.dhcp else None,
        hosts=tuple(sorted(hosts, key=lambda h: IPv4Address(h.ip))),
        dns_hosts=tuple(
            DnsHostPlan(ip, tuple(found))
            for ip, found in sorted(dns.items(), key=lambda item: IPv4Address(item[0]))
        ),
        domain=net.domain,
        **_resolver(net),
        autostart=net.autostart,
        firewall=plan_firewall(
            bundle, name, net.bridge, forwards, {vm: ip for vm, (_, ip) in leases.items()}, bridges
        ),
        xml_path=f"libvirt/{name}.xml",
        setup_path=libvirt_setup_path(name, net),
        teardown_path=f"teardown-{net.type}-{name}.sh",
        sysctl=_sysctl(bundle, name, net),
        ipv6=_ipv6(bundle, name, net),
    )


def _ipv6(bundle: str, name: str, net: AnyLibvirtNetwork) -> Ipv6Plan | None:
    if not isinstance(net, NatNetwork) or net.subnet6 is None:
        return None
    return Ipv6Plan(
        subnet=str(net.subnet6),
        address=str(net.gateway6),
        prefix=net.subnet6.prefixlen,
        dhcp_start=str(net.dhcp6.start) if net.dhcp6 else None,
        dhcp_end=str(net.dhcp6.end) if net.dhcp6 else None,
        dropin=f"{SYSCTL_DIR}/60-qemu-netgen-{bundle}-{name}-accept-ra.conf",
        marker=f"# qemu-netgen: accept_ra for IPv6 network {name} of bundle {bundle}",
        state_path=f"/var/lib/qemu-netgen/{bundle}/{name}.accept_ra",
    )


def _resolver(net: LibvirtNetwork) -> dict[str, Any]:
    """How the host resolves the network's names: through its dnsmasq, for its domain."""
    gateway = str(net.gateway_address)
    if net.domain is not None:
        return {
            "resolver_advice": (
                f"Names ending in .{net.domain} are answered there and never sent upstream. "
                f"With systemd-resolved, this sends {net.domain} to it and makes "
                f"`ssh <name>` try `<name>.{net.domain}` (until the bridge is made again):"
            ),
            "resolver_lines": (
                f"resolvectl dns {net.bridge} {gateway}",
                f"resolvectl domain {net.bridge} {net.domain}",
            ),
        }
    return {
        "resolver_advice": (
            "The names have no domain (give the network one with `domain:` to route just it "
            "from the host). Without, the host asks this dnsmasq first, which answers the names "
            "and passes every other question on, with this first line in `/etc/resolv.conf`:"
        ),
        "resolver_lines": (f"nameserver {gateway}",),
    }


def _plan_bridge(bundle: str, name: str, net: BridgeNetwork) -> BridgePlan:
    address = net.address
    if net.method == "ip":
        apply_path, undo_path = f"up-bridge-{name}.sh", f"down-bridge-{name}.sh"
        state_dir = "/run/qemu-netgen"  # gone at reboot, like the bridge itself
    else:
        apply_path, undo_path = f"setup-bridge-{name}.sh", f"teardown-bridge-{name}.sh"
        state_dir = "/var/lib/qemu-netgen"  # the stack's files outlive reboots
    stack = plan_stack(name, net)
    persistent = stack is not None
    on_networkd = stack is not None and stack.networkd
    return BridgePlan(
        name=name,
        bridge=net.bridge,
        uplink=net.uplink,
        method=net.method,
        uplink_mac=net.uplink_mac or "",
        stack=stack,
        stp=net.stp,
        forward_delay=net.forward_delay,
        forward_delay_cs=net.forward_delay * 100,
        mtu=net.mtu,
        cidr=str(address.cidr) if address else None,
        gateway=str(address.gateway) if address and address.gateway else None,
        dns=tuple(str(d) for d in address.dns) if address else (),
        apply_path=apply_path,
        undo_path=undo_path,
        state_path=f"{state_dir}/{bundle}/{name}.state",
        backup_dir=f"{state_dir}/{bundle}/{name}.files",
        # systemd-networkd with KeepConfiguration=static (a DHCP bridge) keeps foreign routes
        # of proto static only, and a static bridge's gateway route is its own (proto static):
        # moved as such, it is one route, not two
        route_proto="static" if on_networkd else "",
        # networkd (KeepConfiguration=static) drops a foreign address with a lifetime before
        # its DHCP client has the lease (measured: 3 lost probes); it gives the address its
        # lease's lifetime itself. Elsewhere the address keeps the time it has left.
        move_lifetimes=not on_networkd,
        mac_token=MAC_TOKEN,
        connection=net.bridge,
        port_connection=f"{net.bridge}-port-{net.uplink}",
        ipv4_settings=_ipv4_settings(net),
        over_ssh=(
            "it activates in one detached step; keep a console at hand"
            if net.method == "nmcli"
            else "run it with --confirm-within 120"
        ),
        on_default_route=(
            f"the host's network moves to {net.bridge}"
            + ("" if net.method == "nmcli" else " (over SSH: --confirm-within 120)")
        ),
        nm_check=f"preflight/nm-{'stack' if persistent else net.method}.sh.j2",
        summary=SUMMARIES[net.method],
        readme_step=f"readme/bridge-{'stack' if persistent else net.method}.md.j2",
        readme_undo=f"readme/undo-{'stack' if persistent else net.method}.md.j2",
    )


# what each persistent stack's scripts run, beside ip
STACK_COMMANDS = {
    "netplan": ("netplan", "networkctl"),
    "networkd": ("networkctl",),
    "ifupdown": ("ifup", "ifquery", "brctl"),
}
SUMMARIES = {
    "ip": "`ip` (until reboot)",
    "nmcli": "`nmcli` (persistent)",
    "netplan": "`netplan` (persistent, renderer networkd)",
    "networkd": "`systemd-networkd` (persistent)",
    "ifupdown": "`ifupdown` (persistent)",
}


def _ipv4_settings(net: BridgeNetwork) -> tuple[str, ...]:
    """The bridge profile's IPv4 in nmcli's words: DHCP, or the profile's static address
    (every property set, so an updated profile loses what an older one had)."""
    address = net.address
    if address is None:
        return ("ipv4.method", "auto", "ipv4.addresses", "", "ipv4.gateway", "", "ipv4.dns", "")
    return (
        "ipv4.method",
        "manual",
        "ipv4.addresses",
        str(address.cidr),
        "ipv4.gateway",
        str(address.gateway) if address.gateway else "",
        "ipv4.dns",
        ",".join(str(d) for d in address.dns),
    )


def _plan_passthrough(bundle: str, name: str, net: PassthroughNetwork) -> PassthroughPlan:
    return PassthroughPlan(
        name=name,
        device=net.device,
        interface=net.interface,
        romfile=net.romfile,
        bind_path=f"bind-vfio-{name}.sh",
        restore_path=f"restore-vfio-{name}.sh",
        state_path=f"/run/qemu-netgen/{bundle}/{name}.vfio",  # a binding ends at reboot too
    )


def _user_nic(
    vm: Vm, index: int, network: str, net: UserNetwork, mac: str, model: str
) -> UserNicPlan:
    first = next(i for i, nic in enumerate(vm.nics) if nic.network == network)
    forwards = tuple(
        UserForwardPlan(f.proto, str(f.listen), f.host_port, f.port)
        for f in net.forwards
        if index == first and f.to in (None, vm.name)
    )
    nic_id = f"net{index}"
    passt = None
    if net.backend == "passt":
        options: list[str] = []
        for f in forwards:
            options += [PASST_PORT_OPTIONS[f.proto], f"{f.listen}/{f.host_port}:{f.port}"]
        passt = PasstPlan(
            socket=f"{nic_id}.sock",
            pid=f"{nic_id}.pid",
            variable=f"passt_socket_{nic_id}",
            options=tuple(options),
        )
    return UserNicPlan(
        id=nic_id,
        network=network,
        mac=mac,
        device=NIC_DEVICES[model],
        backend=net.backend,
        forwards=forwards,
        passt=passt,
    )


PASST_PORT_OPTIONS = {"tcp": "--tcp-ports", "udp": "--udp-ports"}


def build(profile: Profile) -> Plan:
    """Resolve every derived value of a validated profile."""
    facts = DISTROS[profile.host.distro]
    explicit = {nic.mac for vm in profile.vms for nic in vm.nics if nic.mac}
    explicit |= {
        h.mac
        for net in profile.networks.values()
        if isinstance(net, LibvirtNetwork)
        for h in net.hosts
    }
    macs = MacAllocator(explicit)

    libvirt_macs = {
        name: macs.derive("network", name)
        for name, net in sorted(profile.networks.items())
        if isinstance(net, LibvirtNetwork)
    }
    bridges = tuple(
        _plan_bridge(profile.name, name, net)
        for name, net in sorted(profile.networks.items())
        if isinstance(net, BridgeNetwork)
    )
    passthroughs = tuple(
        _plan_passthrough(profile.name, name, net)
        for name, net in sorted(profile.networks.items())
        if isinstance(net, PassthroughNetwork)
    )
    providers = (
        {
            name: libvirt_setup_path(name, net)
            for name, net in profile.networks.items()
            if isinstance(net, AnyLibvirtNetwork)
        }
        | {b.name: b.apply_path for b in bridges}
        | {p.name: p.bind_path for p in passthroughs}
    )
    vms = []
    for vm in profile.vms:
        devices: list[Device] = []
        for index, nic in enumerate(vm.nics):
            net = profile.networks[nic.network]
            if isinstance(net, PassthroughNetwork):
                devices.append(
                    VfioPlan(
                        f"hostdev{index}",
                        nic.network,
                        net.device,
                        net.romfile,
                        providers[nic.network],
                    )
                )
                continue
            mac = nic.mac or macs.derive(profile.name, vm.name, str(index))
            if isinstance(net, UserNetwork):
                devices.append(_user_nic(vm, index, nic.network, net, mac, nic.model))
                continue
            devices.append(
                NicPlan(
                    id=f"net{index}",
                    network=nic.network,
                    bridge=net.bridge,
                    mac=mac,
                    device=NIC_DEVICES[nic.model],
                    provider=providers[nic.network],
                    kind=net.type,
                )
            )
        vms.append(_plan_vm(profile, vm, devices, facts))

    nic_macs = {
        (vm.name, nic.network): nic.mac for vm in vms for nic in reversed(vm.nics)
    }  # reversed: the first NIC of a VM on a network wins
    leases: dict[str, dict[str, tuple[str, str]]] = {}
    for lease in fixed_leases(profile):
        if lease.ip is not None:
            mac = nic_macs[(lease.vm, lease.network)]
            leases.setdefault(lease.network, {})[lease.vm] = (mac, str(lease.ip))
    # the bundle's libvirt bridges: their VMs' own traffic to the host is never forwarded
    libvirt_bridges = tuple(
        sorted(net.bridge for net in profile.networks.values() if isinstance(net, LibvirtNetwork))
    )
    libvirt_nets = tuple(
        _plan_libvirt(
            profile.name,
            name,
            net,
            libvirt_macs[name],
            leases.get(name, {}),
            libvirt_bridges,
            {b.bridge: b.apply_path for b in bridges},
        )
        for name, net in sorted(profile.networks.items())
        if isinstance(net, AnyLibvirtNetwork)
    )

    used = tuple(sorted({b for vm in vms for b in vm.bridges}))
    acl = None
    if used:
        acl = AclPlan(
            bridges=used,
            conf_path="qemu/bridge.conf",
            installed_path=f"{facts.acl_dir}/{ACL_FILE_PREFIX}{profile.name}.conf",
            main_path=f"{facts.acl_dir}/bridge.conf",
            install_path="install-bridge-acl.sh",
            remove_path="remove-bridge-acl.sh",
        )
    # the runbook's order, numbered: 1 is preflight, then each step that changes the host
    steps = itertools.count(2)
    libvirt_nets = tuple(replace(n, step=next(steps)) for n in libvirt_nets)
    bridges = tuple(replace(b, step=next(steps)) for b in bridges)
    passthroughs = tuple(replace(p, step=next(steps)) for p in passthroughs)
    acl = replace(acl, step=next(steps)) if acl is not None else None
    units = None
    if vms:
        units = UnitsPlan(
            install_path="install-units.sh",
            remove_path="remove-units.sh",
            unit_dir=UNIT_DIR,
            token=BUNDLE_TOKEN,
            step=next(steps),
        )
    return Plan(
        name=profile.name,
        distro=facts,
        libvirt_nets=libvirt_nets,
        bridges=bridges,
        passthroughs=passthroughs,
        vms=tuple(replace(vm, step=next(steps)) for vm in vms),
        acl=acl,
        units=units,
    )
