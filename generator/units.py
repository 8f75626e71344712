"""A VM as a systemd service: what its unit says, decided from the VM and its networks.

The unit runs the bundle's own scripts: the launch script (its checks, then QEMU in the
foreground with a QMP socket and a pid file under ``/run/qemu-netgen/``), the stop script
(power down over QMP, wait up to the VM's ``shutdown_timeout``), and for a passed-through
NIC the bind and restore scripts around it. The unit in the bundle names the scripts under
:data:`BUNDLE_TOKEN`; ``install-units.sh`` writes the bundle's absolute path in as it installs
the unit, so the bundle is reviewed and committed without a host's path in it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from generator.distros import DistroFacts
from generator.profile import (
    BridgeNetwork,
    LibvirtNetwork,
    PassthroughNetwork,
    Profile,
    UserNetwork,
    Vm,
)

BUNDLE_TOKEN = "@BUNDLE_DIR@"
UNIT_DIR = "/etc/systemd/system"
RUN_DIR = "/run/qemu-netgen"
# how long a started unit waits for the bridges of its NICs (libvirt autostarts its network,
# the host's stack brings its bridge up, both after the unit may have started)
BRIDGE_WAIT = 120
# systemd's own margin past the stop script's wait, for the stop script and the kill
STOP_MARGIN = 30
QMP_NAME = "qmp.sock"
PASST_SUFFIX = ".passt"
PASST_SOCKETS = "sockets"  # root's passt runs as nobody: its sockets go in a folder of nobody's
XDG_RUNTIME_LONGEST = "/run/user/4294967294"
# a UNIX socket's path is at most 107 bytes (sun_path holds 108 with the NUL): a longer
# bundle and VM name give the VM's runtime folder a hash of the two instead
SOCKET_PATH_MAX = 107
# what orders a VM after the host stack that makes a persistent bridge
STACK_UNITS = {
    "nmcli": "NetworkManager.service",
    "networkd": "systemd-networkd.service",
    "netplan": "systemd-networkd.service",
    "ifupdown": "networking.service",
}


@dataclass(frozen=True)
class UnitPlan:
    name: str  # qemu-netgen-<bundle>-<vm>.service
    path: str  # in the bundle
    installed: str  # where install-units.sh puts it
    description: str
    wants: tuple[str, ...]
    after: tuple[str, ...]
    start_pre: tuple[str, ...]  # bundle scripts run before QEMU (vfio bind)
    stop_post: tuple[str, ...]  # and after it stopped (vfio restore)
    launch: str  # the launch script
    stop: str  # the stop script
    user: str  # "" for root
    groups: tuple[str, ...]  # supplementary groups (device access)
    restart: str
    shutdown_timeout: int  # what the stop script waits for the guest
    timeout_stop: int  # what systemd waits for the stop, then kills
    runtime_dir: str  # below /run, made by systemd for the unit's user
    passt_dir: str  # where the launch script run by root puts passt's pid files
    passt_sockets: str  # and, in a folder of this name in it (nobody's), its sockets
    qmp_path: str
    pid_path: str
    memlock: bool  # vfio pins all guest memory
    autostart: bool
    bridge_wait: int
    marker: str  # the first line, by which install-units.sh knows its own units


def plan_unit(profile: Profile, vm: Vm, facts: DistroFacts) -> UnitPlan:
    name = f"qemu-netgen-{profile.name}-{vm.name}"
    wants: list[str] = []
    after: list[str] = []
    start_pre: list[str] = []
    stop_post: list[str] = []
    for nic in vm.nics:
        net = profile.networks[nic.network]
        if isinstance(net, LibvirtNetwork):
            wants.append(facts.libvirt_unit)
            after.append(facts.libvirt_unit)
        elif isinstance(net, UserNetwork):
            # passt and slirp take the host's addresses and routes as they start
            wants.append("network-online.target")
            after.append("network-online.target")
        elif isinstance(net, BridgeNetwork):
            if net.method in STACK_UNITS:
                wants.append("network-online.target")
                after += ["network-online.target", STACK_UNITS[net.method]]
        elif isinstance(net, PassthroughNetwork):
            start_pre.append(f"bind-vfio-{nic.network}.sh")
            stop_post.append(f"restore-vfio-{nic.network}.sh")
    user = "" if vm.run_as in (None, "root") else vm.run_as
    taps = [n for n in vm.nics if not isinstance(profile.networks[n.network], UserNetwork)]
    needs_kvm = vm.accel == "kvm" or (taps and vm.vhost != "off")
    runtime_dir = f"qemu-netgen/{profile.name}-{vm.name}"
    # passt's sockets: root's launch puts them in /run/<runtime_dir>.passt/sockets/, another
    # user's in $XDG_RUNTIME_DIR/<runtime_dir>/ (/run/user/<uid>, a uid of up to 10 digits)
    sockets = [f"/run/{runtime_dir}/{QMP_NAME}"]
    if any(isinstance(profile.networks.get(n.network), UserNetwork) for n in vm.nics):
        last = f"net{len(vm.nics)}.sock"
        sockets += [
            f"/run/{runtime_dir}{PASST_SUFFIX}/{PASST_SOCKETS}/{last}",
            f"{XDG_RUNTIME_LONGEST}/{runtime_dir}/{last}",
        ]
    if max(len(path) for path in sockets) > SOCKET_PATH_MAX:
        digest = hashlib.sha256(f"{profile.name}\0{vm.name}".encode()).hexdigest()[:16]
        runtime_dir = f"qemu-netgen/{digest}"
    return UnitPlan(
        name=f"{name}.service",
        path=f"systemd/{name}.service",
        installed=f"{UNIT_DIR}/{name}.service",
        description=f"QEMU VM {vm.name} (qemu-netgen bundle {profile.name})",
        wants=tuple(dict.fromkeys(wants)),
        after=tuple(dict.fromkeys(after)),
        start_pre=tuple(start_pre),
        stop_post=tuple(reversed(stop_post)),
        launch=f"launch-{vm.name}.sh",
        stop=f"stop-{vm.name}.sh",
        user=user,
        groups=("kvm",) if user and needs_kvm else (),
        restart=vm.restart,
        shutdown_timeout=vm.shutdown_timeout,
        timeout_stop=vm.shutdown_timeout + STOP_MARGIN,
        runtime_dir=runtime_dir,
        passt_dir=f"/run/{runtime_dir}{PASST_SUFFIX}",
        passt_sockets=PASST_SOCKETS,
        qmp_path=f"/run/{runtime_dir}/{QMP_NAME}",
        pid_path=f"/run/{runtime_dir}/qemu.pid",
        memlock=bool(start_pre),
        autostart=vm.autostart,
        bridge_wait=BRIDGE_WAIT,
        marker=f"# qemu-netgen unit of VM {vm.name}, bundle {profile.name}",
    )
