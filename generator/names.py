"""Rules for the strings that become interface names, file names and MAC addresses.

Each rule is a plain function that returns the normalised value or raises ``ValueError``
with the message the operator sees. The profile model wraps them as pydantic types.
"""

from __future__ import annotations

import re
import unicodedata
from ipaddress import IPv4Address, ip_address

IFNAME_MAX = 15  # IFNAMSIZ is 16 including the terminating NUL
NAME_MAX = 64

_IFNAME_CHARS = re.compile(r"[A-Za-z0-9_.-]+")
_NAME_CHARS = _IFNAME_CHARS
_MAC = re.compile(r"[0-9a-f]{2}(:[0-9a-f]{2}){5}")
_HOSTNAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def _bad_chars(value: str) -> str:
    bad = sorted({c for c in value if not _NAME_CHARS.fullmatch(c)})
    return " ".join(repr(c) for c in bad)


# "all" and "default" name the kernel's per-protocol settings (/proc/sys/net/ipv4/conf/all),
# so no interface can have them; to qemu-bridge-helper, "allow all" admits every bridge.
RESERVED_IFNAMES = ("all", "default")


def interface_name(value: str) -> str:
    """A Linux interface name: 1-15 of ``[A-Za-z0-9_.-]``, not ``.``, ``..``, ``all`` or
    ``default``, not starting with ``-`` (a command would read it as an option)."""
    if value == "":
        raise ValueError("name is empty")
    if len(value) > IFNAME_MAX:
        raise ValueError(f"name longer than {IFNAME_MAX} characters")
    if value in (".", ".."):
        raise ValueError(f"{value!r} is not a valid interface name")
    if value in RESERVED_IFNAMES:
        raise ValueError(
            f"{value!r} cannot name an interface (the kernel keeps it for its settings, and "
            f"qemu-bridge-helper reads 'allow {value}' as every bridge)"
        )
    if value.startswith("-"):
        raise ValueError("name must not start with '-' (commands would read it as an option)")
    if "help".startswith(value):
        raise ValueError(f"{value!r} cannot name an interface: nmcli reads it as 'help'")
    if not _IFNAME_CHARS.fullmatch(value):
        raise ValueError(
            f"name may only contain letters, digits, '_', '.' and '-' (found {_bad_chars(value)})"
        )
    return value


def file_name(value: str) -> str:
    """A name that becomes a file or folder name: no ``/``, no leading ``.`` or ``-``."""
    if value == "":
        raise ValueError("name is empty")
    if len(value) > NAME_MAX:
        raise ValueError(f"name longer than {NAME_MAX} characters")
    if "/" in value:
        raise ValueError("name must not contain '/'")
    if value.startswith("."):
        raise ValueError("name must not start with '.'")
    if value.startswith("-"):
        raise ValueError("name must not start with '-'")
    if not _NAME_CHARS.fullmatch(value):
        raise ValueError(
            f"name may only contain letters, digits, '_', '.' and '-' (found {_bad_chars(value)})"
        )
    return value


def host_name(value: str) -> str:
    """A DHCP host name: one DNS label."""
    if not _HOSTNAME.fullmatch(value):
        raise ValueError(
            "host name must be 1-63 letters, digits or '-', not starting or ending with '-'"
        )
    return value


def is_host_name(value: str) -> bool:
    """Whether ``value`` is a DNS name of one or more labels (a VM name may be one)."""
    return len(value) <= 253 and all(_HOSTNAME.fullmatch(label) for label in value.split("."))


def _is_dns_name(value: str) -> bool:
    """A name of DNS labels that does not read as an IPv4 address (all digits and dots)."""
    return is_host_name(value) and not value.replace(".", "").isdigit()


def ssh_address(value: str) -> str:
    """Where SSH reaches a host: a DNS name, an IPv4 address or an IPv6 address."""
    try:
        ip_address(value)
        return value
    except ValueError:
        pass
    if not _is_dns_name(value):
        raise ValueError(
            "address must be a DNS name (like hv1.example.org) or an IPv4 or IPv6 address"
        )
    return value


def domain_name(value: str) -> str:
    """A DNS domain: labels of letters, digits and '-', joined by dots."""
    if not _is_dns_name(value):
        raise ValueError(
            "domain must be DNS labels (1-63 letters, digits or '-', not starting or ending "
            "with '-') joined by dots, like lab or vms.example.org"
        )
    return value


_USER = re.compile(r"[a-z_][a-z0-9_-]{0,31}")


def user_name(value: str) -> str:
    """A local user's name as useradd accepts it by default (no '$', no dots, lower case)."""
    if not _USER.fullmatch(value):
        raise ValueError(
            "user name must be 1-32 lower-case letters, digits, '_' or '-', starting with a "
            f"letter or '_' (found {value!r})"
        )
    return value


def ipv4_or_none(value: str) -> IPv4Address | None:
    """``value`` as an IPv4 address when it is written as one."""
    try:
        return IPv4Address(value)
    except ValueError:
        return None


def forward_target(value: str) -> str:
    """A forward's ``to``: an IPv4 address, or a VM's name (checked against the VMs later)."""
    if ipv4_or_none(value) is not None:
        return value
    if value.count(".") == 3 and value.replace(".", "").isdigit():
        raise ValueError(f"{value!r} is not an IPv4 address")
    return file_name(value)


def mac_address(value: str) -> str:
    """A unicast Ethernet address, returned in lowercase."""
    mac = value.strip().lower()
    if not _MAC.fullmatch(mac):
        raise ValueError(f"{value!r} is not a MAC address like 52:54:00:12:34:56")
    first = int(mac[:2], 16)
    if first & 0x01:
        raise ValueError(
            f"{mac} is a multicast address (first octet is odd); a NIC needs a unicast one"
        )
    if mac == "00:00:00:00:00:00":
        raise ValueError("00:00:00:00:00:00 is not a usable MAC address")
    return mac


_MEMORY = re.compile(r"([1-9][0-9]*)([MG])")
MEMORY_MAX_MIB = 16 * 1024 * 1024  # 16 TiB: more than any host has, far below what overflows


def memory_mib(value: str) -> int:
    """``4G`` or ``512M`` -> MiB."""
    match = _MEMORY.fullmatch(value.strip().upper())
    if not match:
        raise ValueError(
            f"{value!r} is not a memory size; write a whole number and M or G, like 4G or 512M"
        )
    digits, unit = match.groups()
    mib = int(digits[:12]) * (1024 if unit == "G" else 1)  # 12 digits: already too much
    if len(digits) > 12 or mib > MEMORY_MAX_MIB:
        raise ValueError(f"{value} is more memory than a VM can have (at most 16384G)")
    return mib


def memory_size(value: str) -> str:
    """Validate a memory size and return it normalised (``4g`` -> ``4G``)."""
    memory_mib(value)
    return value.strip().upper()


# letters and symbols that print as nothing: Hangul fillers, the Braille blank, and others
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5\u180e")


def _hidden(c: str) -> bool:
    """A character that does not show as itself: not printable (controls, format characters
    such as bidi overrides and zero-width ones, separators), a combining mark or variation
    selector (it changes the character before it), or a letter that prints as a blank."""
    if c == " ":
        return False
    return not c.isprintable() or unicodedata.category(c) in ("Mn", "Me") or c in _BLANK_LOOKING


def visible_text(value: str) -> str:
    """Free text that reaches a script or the runbook: every character shows as itself in a
    terminal and in a review. No control characters (terminal escapes, line breaks, tabs),
    no bidirectional overrides, zero-width or other format characters, no line or paragraph
    separators: each of those can hide or reorder what a reviewer reads."""
    hidden = sorted({c for c in value if _hidden(c)})
    if hidden:
        codes = ", ".join(f"U+{ord(c):04X}" for c in hidden)
        raise ValueError(
            f"contains characters that do not show as themselves ({codes}): "
            "a terminal or a review would hide or reorder them"
        )
    return value


def absolute_path(value: str) -> str:
    """A host path used in a script: absolute, one line of visible characters."""
    if not value.startswith("/"):
        raise ValueError(f"{value!r} is not an absolute path (start it with '/')")
    return visible_text(value)


_PCI = re.compile(r"(?:([0-9a-f]{4,8}):)?([0-9a-f]{2}):([0-9a-f]{2})\.([0-9a-f])")


def pci_address(value: str) -> str:
    """``81:00.0`` or ``0000:81:00.0``, any case -> ``0000:81:00.0`` (as sysfs names it)."""
    match = _PCI.fullmatch(value.strip().lower())
    if not match:
        raise ValueError(f"{value!r} is not a PCI address like 0000:81:00.0 or 81:00.0")
    domain, bus, device, function = match.groups()
    if int(device, 16) > 0x1F:
        raise ValueError(f"{value!r}: device {device} is out of range (00-1f)")
    if int(function, 16) > 7:
        raise ValueError(f"{value!r}: function {function} is out of range (0-7)")
    return f"{int(domain or '0', 16):04x}:{bus}:{device}.{function}"


_PREDICTABLE = re.compile(r"en(?:P\d+)?p(\d+)s(\d+)(?:f(\d+))?(?:[a-z].*)?")


def pci_of_interface_name(name: str) -> str | None:
    """The PCI address a predictable name like ``enp129s0f0`` encodes (domain 0), if any."""
    match = _PREDICTABLE.fullmatch(name)
    if not match:
        return None
    bus, slot, function = (int(g) if g else 0 for g in match.groups())
    if bus > 0xFF or slot > 0x1F or function > 7:
        return None
    return f"0000:{bus:02x}:{slot:02x}.{function}"


# Wi-Fi NICs: the kernel's wlan0 and systemd's predictable wl* names (wlp2s0, wlx00c0ca...)
_WIRELESS = re.compile(r"wl(?:an\d+|p\d+s\d+.*|x[0-9a-f]{12}|o\d+.*|s\d+.*)")


def is_wireless_name(name: str) -> bool:
    """Whether ``name`` is a Wi-Fi NIC's by the naming schemes (the host checks sysfs too)."""
    return _WIRELESS.fullmatch(name) is not None


_RUN_PARTS = re.compile(r"[A-Za-z0-9_-]+")


def is_run_parts_name(name: str) -> bool:
    """Whether ifupdown's ``source-directory`` (run-parts rules) reads a file of this name."""
    return _RUN_PARTS.fullmatch(name) is not None
