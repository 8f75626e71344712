"""What differs between distributions: paths and package names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DistroFacts:
    name: str
    family: str
    qemu: str  # the QEMU system emulator a launch script runs
    bridge_helper: str  # qemu-bridge-helper, compiled-in ACL: {acl_dir}/bridge.conf
    acl_dir: str
    install: str  # the package manager command, up to the package names
    packages_nat: tuple[str, ...]
    packages_qemu: tuple[str, ...]


_DEBIAN_QEMU = ("qemu-system-x86", "qemu-utils")
_DEBIAN_NAT = ("libvirt-daemon-system", "libvirt-clients", "dnsmasq-base", "iptables")
_RH_NAT = ("libvirt-daemon-driver-network", "libvirt-daemon-config-network", "libvirt-client")

DISTROS: dict[str, DistroFacts] = {
    "debian": DistroFacts(
        "debian",
        "debian",
        "qemu-system-x86_64",
        "/usr/lib/qemu/qemu-bridge-helper",
        "/etc/qemu",
        "apt-get install -y --no-install-recommends",
        _DEBIAN_NAT,
        _DEBIAN_QEMU,
    ),
    "ubuntu": DistroFacts(
        "ubuntu",
        "debian",
        "qemu-system-x86_64",
        "/usr/lib/qemu/qemu-bridge-helper",
        "/etc/qemu",
        "apt-get install -y --no-install-recommends",
        _DEBIAN_NAT,
        _DEBIAN_QEMU,
    ),
    "fedora": DistroFacts(
        "fedora",
        "redhat",
        "qemu-system-x86_64",
        "/usr/libexec/qemu-bridge-helper",
        "/etc/qemu",
        "dnf install -y",
        _RH_NAT,
        ("qemu-system-x86-core", "qemu-img"),
    ),
    "rhel": DistroFacts(
        "rhel",
        "redhat",
        "/usr/libexec/qemu-kvm",
        "/usr/libexec/qemu-bridge-helper",
        "/etc/qemu",
        "dnf install -y",
        _RH_NAT,
        ("qemu-kvm", "qemu-img"),
    ),
    "arch": DistroFacts(
        "arch",
        "arch",
        "qemu-system-x86_64",
        "/usr/lib/qemu/qemu-bridge-helper",
        "/etc/qemu",
        "pacman -S --needed --noconfirm",
        ("libvirt", "dnsmasq", "iptables-nft"),
        ("qemu-base",),
    ),
}
