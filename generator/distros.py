"""What differs between distributions: paths and package names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DistroFacts:
    name: str
    qemu: str  # the QEMU system emulator a launch script runs
    bridge_helper: str  # qemu-bridge-helper; its ACL is compiled in: {acl_dir}/bridge.conf
    install: tuple[str, ...]  # the package manager command, up to the package names
    refresh: tuple[str, ...]  # what updates the package lists first (may be empty)
    packages_nat: tuple[str, ...]
    packages_qemu: tuple[str, ...]
    packages_ip: tuple[str, ...]
    packages_nmcli: tuple[str, ...]
    packages_vfio: tuple[str, ...] = ("kmod", "pciutils")
    packages_netplan: tuple[str, ...] = ("netplan.io", "systemd")
    packages_networkd: tuple[str, ...] = ("systemd",)
    packages_ifupdown: tuple[str, ...] = ("ifupdown", "bridge-utils")
    packages_dhclient: tuple[str, ...] = ("isc-dhcp-client",)  # what ifupdown's dhcp runs
    packages_service: tuple[str, ...] = ("socat",)  # what a VM's unit talks QMP with
    packages_passt: tuple[str, ...] = ("passt",)  # user-mode networking (type: user)
    packages_sysctl: tuple[str, ...] = ("procps",)  # sysctl, for accept_ra (IPv6 networks)
    libvirt_unit: str = "libvirtd.service"  # the daemon that runs libvirt's networks
    # systemd-networkd where a release ships it apart from systemd (Debian 13)
    optional_networkd: tuple[str, ...] = ()
    known: tuple[str, ...] = ("true",)  # asks whether the package manager knows a package
    # asks whether a package is installed: it exits 0 and prints `query_installed` if so
    query: tuple[str, ...] = ("pacman", "-T", "--")
    query_installed: str = ""
    acl_dir: str = "/etc/qemu"


_DEBIAN_FAMILY = {
    "qemu": "qemu-system-x86_64",
    "bridge_helper": "/usr/lib/qemu/qemu-bridge-helper",
    "install": ("apt-get", "install", "-y", "--no-install-recommends"),
    "refresh": ("apt-get", "update"),
    "packages_nat": ("libvirt-daemon-system", "libvirt-clients", "dnsmasq-base", "iptables"),
    "packages_qemu": ("qemu-system-x86", "qemu-utils"),
    "packages_ip": ("iproute2",),
    "packages_nmcli": ("network-manager",),
    "optional_networkd": ("systemd-networkd",),
    "known": ("apt-cache", "show", "--"),
    "query": ("dpkg-query", "-W", "-f=${db:Status-Status}", "--"),
    "query_installed": "installed",
}
_REDHAT_FAMILY = {
    "bridge_helper": "/usr/libexec/qemu-bridge-helper",
    "install": ("dnf", "install", "-y"),
    "refresh": (),
    "packages_nat": (
        "libvirt-daemon-driver-network",
        "libvirt-daemon-config-network",
        "libvirt-client",
    ),
    "packages_ip": ("iproute",),
    "packages_nmcli": ("NetworkManager",),
    "packages_netplan": ("netplan", "systemd-networkd"),
    "packages_networkd": ("systemd-networkd",),
    "packages_sysctl": ("procps-ng",),
    "libvirt_unit": "virtnetworkd.service",  # modular daemons, the default since Fedora 35
    "query": ("rpm", "-q", "--qf", "installed", "--"),
    "query_installed": "installed",
}

DISTROS: dict[str, DistroFacts] = {
    "debian": DistroFacts(name="debian", **_DEBIAN_FAMILY),  # type: ignore[arg-type]
    "ubuntu": DistroFacts(name="ubuntu", **_DEBIAN_FAMILY),  # type: ignore[arg-type]
    "fedora": DistroFacts(
        name="fedora",
        qemu="qemu-system-x86_64",
        packages_qemu=("qemu-system-x86-core", "qemu-img"),
        **_REDHAT_FAMILY,  # type: ignore[arg-type]
    ),
    "rhel": DistroFacts(
        name="rhel",
        qemu="/usr/libexec/qemu-kvm",  # RHEL ships no qemu-system-x86_64
        packages_qemu=("qemu-kvm", "qemu-img"),
        **_REDHAT_FAMILY,  # type: ignore[arg-type]
    ),
    "arch": DistroFacts(
        name="arch",
        qemu="qemu-system-x86_64",
        bridge_helper="/usr/lib/qemu/qemu-bridge-helper",
        install=("pacman", "-S", "--needed", "--noconfirm"),
        refresh=(),  # pacman -Sy alone would be a partial upgrade
        packages_nat=("libvirt", "dnsmasq", "iptables-nft"),
        packages_qemu=("qemu-base",),
        packages_ip=("iproute2",),
        packages_nmcli=("networkmanager",),
        packages_netplan=("netplan", "systemd"),
        packages_sysctl=("procps-ng",),
    ),
}
