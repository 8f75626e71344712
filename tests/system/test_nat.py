"""NAT mode, end to end: a real libvirtd runs the bundle's network; a guest on virbr0 gets
its fixed lease and reaches a peer outside only through the masquerade."""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from tests.system.conftest import GUEST_ARGS, example_with_guest, render_bundle
from tests.system.daemons import start_libvirtd
from tests.system.guest import Guest
from tests.system.sandbox import Sandbox, result

PEER = "198.51.100.2"  # "the internet": it has no route back to 192.168.122.0/24
FIXED = "192.168.122.10"
GUEST_MAC = "00:16:3e:0c:12:78"


def masquerade(box: Sandbox) -> list[int]:
    """The packet counts of libvirt's masquerade rules for 192.168.122.0/24, with its iptables
    backend (libvirt 9.0) or its nftables one (a newer libvirt where nft is installed)."""
    counts = []
    for line in box.run("iptables-save", "-c", "-t", "nat", check=True).stdout.splitlines():
        if "-s 192.168.122.0/24 ! -d 192.168.122.0/24" in line and "MASQUERADE" in line:
            counts.append(int(line[1:].split(":")[0]))
    table = box.run("nft", "list", "table", "ip", "libvirt_network").stdout
    for line in table.splitlines():
        if "ip saddr 192.168.122.0/24" in line and "masquerade" in line:
            words = line.split()
            counts.append(int(words[words.index("packets") + 1]))
    return counts


def test_nat_end_to_end(sandbox: Sandbox, guest: Guest, tmp_path: Path) -> None:
    data = yaml.safe_load(
        example_with_guest(
            "nat", guest, f"console=ttyS0 panic=-1 qn.mode=dhcp qn.ping=192.168.122.1,{PEER}"
        )
    )
    data["networks"]["default"]["hosts"] = [{"mac": GUEST_MAC, "ip": FIXED, "name": "ubuntu1904"}]
    bundle = render_bundle(yaml.safe_dump(data), tmp_path / "bundle")

    sandbox.sh(
        f"""
        ip netns add inet
        ip -n inet link set lo up
        ip link add uplink0 type veth peer name inet0 netns inet
        ip addr add 198.51.100.1/24 dev uplink0
        ip link set uplink0 up
        ip -n inet addr add {PEER}/24 dev inet0
        ip -n inet link set inet0 up
        ip route add default via {PEER} dev uplink0
        """
    )
    started = time.monotonic()
    start_libvirtd(sandbox, tmp_path)
    print(f"libvirtd: {time.monotonic() - started:.1f} s")

    setup = sandbox.run("bash", str(bundle / "setup-nat-default.sh"))
    assert setup.returncode == 0, setup.stderr
    assert result(setup) == "result: changed"
    info = sandbox.run("virsh", "net-info", "default", check=True).stdout
    for field in (
        "Active:         yes",
        "Persistent:     yes",
        "Autostart:      yes",
        "Bridge:         virbr0",
        "UUID:           94b0ba08-4eaa-508f-b095-b27dbcf38519",
    ):
        assert field in info, info
    assert (
        " 192.168.122.1/24 "
        in sandbox.run("ip", "-4", "-o", "addr", "show", "dev", "virbr0").stdout
    )
    assert masquerade(sandbox), "no masquerade rule for 192.168.122.0/24"

    again = sandbox.run("bash", str(bundle / "setup-nat-default.sh"))
    assert again.returncode == 0, again.stderr
    assert "definition of default unchanged" in again.stderr
    assert "network default is already running" in again.stderr
    assert result(again) == "result: unchanged"

    sandbox.run("bash", str(bundle / "install-bridge-acl.sh"), check=True)
    started = time.monotonic()
    vm = sandbox.run("bash", str(bundle / "launch-ubuntu1904.sh"), "--", *GUEST_ARGS, timeout=60)
    print(f"guest: {time.monotonic() - started:.1f} s")
    assert vm.returncode == 0, vm.stdout[-3000:] + vm.stderr
    assert f"QN: LEASE ip={FIXED} router=192.168.122.1" in vm.stdout
    assert f"QN: PING {PEER} ok" in vm.stdout, vm.stdout[-2000:]
    assert "QN: RESULT PASS" in vm.stdout
    assert any(packets > 0 for packets in masquerade(sandbox))

    teardown = sandbox.run("bash", str(bundle / "teardown-nat-default.sh"))
    assert teardown.returncode == 0, teardown.stderr
    assert result(teardown) == "result: changed"
    assert sandbox.run("virsh", "net-info", "default").returncode != 0
    assert sandbox.run("ip", "link", "show", "dev", "virbr0").returncode != 0
    assert sandbox.run("pgrep", "-x", "dnsmasq").returncode == 1
    assert masquerade(sandbox) == []
    again = sandbox.run("bash", str(bundle / "teardown-nat-default.sh"))
    assert again.returncode == 0 and "nothing to do" in again.stderr
    assert result(again) == "result: unchanged"


def test_nat_setup_adopts_an_existing_network_of_the_same_name(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    bundle = render_bundle(example_with_guest("nat", guest, "console=ttyS0"), tmp_path / "bundle")
    start_libvirtd(sandbox, tmp_path)
    # a distribution's own 'default': another uuid, another subnet
    foreign = tmp_path / "foreign.xml"
    foreign.write_text(
        "<network><name>default</name><uuid>417b7ead-6342-40a4-b29f-02fa2d4df491</uuid>"
        "<bridge name='virbr0'/><ip address='192.168.100.1' netmask='255.255.255.0'/></network>\n"
    )
    sandbox.run("virsh", "net-define", str(foreign), check=True)
    plain = sandbox.run("virsh", "net-define", str(bundle / "libvirt" / "default.xml"))
    assert "already exists with uuid" in plain.stderr  # what happens without the bundle
    setup = sandbox.run("bash", str(bundle / "setup-nat-default.sh"))
    assert setup.returncode == 0, setup.stderr
    assert "keeping that uuid so the definition is replaced" in setup.stderr
    dumped = sandbox.run("virsh", "net-dumpxml", "default", check=True).stdout
    assert "417b7ead-6342-40a4-b29f-02fa2d4df491" in dumped and "192.168.122.1" in dumped


def ifindex(box: Sandbox, dev: str) -> str:
    return box.run("cat", f"/sys/class/net/{dev}/ifindex", check=True).stdout.strip()


def test_nat_rerun_leaves_an_unchanged_running_network_alone(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """A running network's live XML has what libvirt adds at start (the NAT port range, the
    connections count): a re-run compares what was defined, so an unchanged network is not
    reported as changed, and --restart does not restart it (attached guests keep their link)."""
    bundle = render_bundle(example_with_guest("nat", guest, "console=ttyS0"), tmp_path / "bundle")
    start_libvirtd(sandbox, tmp_path)
    setup = str(bundle / "setup-nat-default.sh")
    sandbox.run("bash", setup, check=True)
    live = sandbox.run("virsh", "net-dumpxml", "default", check=True).stdout
    inactive = sandbox.run("virsh", "net-dumpxml", "--inactive", "default", check=True).stdout
    assert "<port start='1024' end='65535'/>" in live and "<port" not in inactive  # the premise
    index = ifindex(sandbox, "virbr0")

    again = sandbox.run("bash", setup)
    assert again.returncode == 0, again.stderr
    assert "definition of default unchanged" in again.stderr
    assert "previous definition" not in again.stderr, again.stderr
    restart = sandbox.run("bash", setup, "--restart")
    assert restart.returncode == 0, restart.stderr
    assert "previous definition" not in restart.stderr, restart.stderr
    assert "network default is already running" in restart.stderr
    assert ifindex(sandbox, "virbr0") == index

    # a real change is still seen, and --restart applies it
    data = yaml.safe_load(example_with_guest("nat", guest, "console=ttyS0"))
    data["networks"]["default"]["dhcp"] = {"start": "192.168.122.100", "end": "192.168.122.200"}
    changed = render_bundle(yaml.safe_dump(data), tmp_path / "changed")
    pending = sandbox.run("bash", str(changed / "setup-nat-default.sh"))
    assert pending.returncode == 0, pending.stderr
    assert "definition of default updated" in pending.stderr
    assert "still has its previous definition; run again with --restart" in pending.stderr
    assert ifindex(sandbox, "virbr0") == index
    applied = sandbox.run("bash", str(changed / "setup-nat-default.sh"), "--restart")
    assert applied.returncode == 0, applied.stderr
    assert ifindex(sandbox, "virbr0") != index
    live = sandbox.run("virsh", "net-dumpxml", "default", check=True).stdout
    assert "<range start='192.168.122.100' end='192.168.122.200'" in live, live
    settled = sandbox.run("bash", str(changed / "setup-nat-default.sh"))
    assert "previous definition" not in settled.stderr, settled.stderr
