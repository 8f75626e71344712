"""The system tier: real libvirtd, NetworkManager, dnsmasq, QEMU and a guest, in namespaces.

Every test here needs root and the Debian packages that .ci/run installs. A missing tool
or a missing root fails the test: this tier is never skipped.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator import plan, render
from generator.bundle import write_bundle
from generator.validate import parse_text
from tests.conftest import ROOT, require_tool
from tests.system.guest import Guest, prepare
from tests.system.sandbox import Sandbox, host_links

TOOLS = (
    "ip",
    "ssh",  # the fleet: ansible-playbook reaches its hosts over SSH
    "ssh-keygen",
    "sshd",
    "node",  # Mermaid's own parser checks the README diagrams
    "tar",
    "bridge",
    "unshare",
    "nsenter",
    "qemu-system-x86_64",
    "qemu-img",
    "busybox",
    "cpio",
    "depmod",
    "modprobe",
    "dnsmasq",
    "libvirtd",
    "virsh",
    "virt-xml-validate",
    "xmllint",
    "iptables",
    "NetworkManager",
    "nmcli",
    "dbus-daemon",
    "ping",
    "setsid",
    "netplan",
    "networkctl",
    "ifup",
    "brctl",
    "dhclient",
    "nft",
    "socat",
    "systemd-analyze",
    "setpriv",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/system/" in str(item.fspath):
            item.add_marker(pytest.mark.system)


@pytest.fixture(scope="session")
def system() -> None:
    """Root and every tool of the tier, or a failure that says what is missing."""
    if os.geteuid() != 0:
        pytest.fail("the system tier needs root (namespaces, bridges, taps)")
    for tool in TOOLS:
        require_tool(tool)
    if not Path("/lib/systemd/systemd-networkd").exists():
        pytest.fail("systemd-networkd is missing: install systemd (.ci/run does)")
    if not Path("/usr/lib/qemu/qemu-bridge-helper").exists():
        pytest.fail("qemu-bridge-helper is missing: install qemu-system-x86 (.ci/run does)")


@pytest.fixture(scope="session")
def guest(system: None, tmp_path_factory: pytest.TempPathFactory) -> Guest:
    return prepare(tmp_path_factory.mktemp("guest"))


@pytest.fixture
def sandbox(system: None, tmp_path: Path) -> Iterator[Sandbox]:
    before = host_links()
    with Sandbox(tmp_path / "sandbox") as box:
        yield box
    assert host_links() == before, "a test changed the machine's own interfaces"


def render_bundle(profile_text: str, out: Path) -> Path:
    built = render.render(plan.build(parse_text(textwrap.dedent(profile_text))))
    write_bundle(built, out)
    return out


def example_with_guest(example: str, guest: Guest, cmdline: str, **changes: object) -> str:
    """An example profile whose VMs boot the test guest under TCG, without vhost or disk."""
    data = yaml.safe_load((ROOT / "profiles" / f"{example}.yaml").read_text())
    for vm in data.get("vms", []):
        vm.pop("disk", None)
        vm.update(
            accel="tcg",
            vhost="off",
            memory="256M",
            display="none",
            kernel=str(guest.kernel),
            initrd=str(guest.initrd),
            cmdline=cmdline,
        )
    for key, value in changes.items():
        data[key] = value
    return yaml.safe_dump(data, sort_keys=False)


GUEST_ARGS = ("-no-reboot", "-serial", "stdio", "-monitor", "none")
