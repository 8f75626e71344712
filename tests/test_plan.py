"""Profile -> Plan: the derived values, each pinned."""

from __future__ import annotations

import textwrap
import time
import uuid
from ipaddress import IPv4Address

from generator import plan, render
from generator.plan import MacAllocator, network_uuid
from generator.validate import parse_text
from tests.conftest import ROOT

PROFILE = """\
name: lab1
host: {distro: DISTRO}
networks:
  default:
    type: nat
    bridge: virbr0
    subnet: 192.168.122.0/24
    dhcp: {start: 192.168.122.2, end: 192.168.122.254}
    hosts:
      - {mac: "52:54:00:00:00:20", ip: 192.168.122.20, name: db}
      - {mac: "52:54:00:00:00:10", ip: 192.168.122.10}
  iso:
    type: nat
    bridge: virbr9
    subnet: 10.9.0.0/24
    gateway: 10.9.0.254
vms:
  - name: web1
    memory: 512m
    cpus: 2
    disk: /var/lib/vms/a,b.qcow2
    display: {vnc: 3}
    nics:
      - network: default
      - network: iso
        model: e1000e
      - {network: default, mac: "52:54:00:AA:00:01"}
  - name: web2
    memory: 1G
    accel: tcg
    vhost: off
"""


def build(distro: str = "debian") -> plan.Plan:
    return plan.build(parse_text(PROFILE.replace("DISTRO", distro)))


def test_network_uuid_is_fixed_per_name() -> None:
    assert network_uuid("default") == network_uuid("default")
    assert network_uuid("default") != network_uuid("other")
    assert uuid.UUID(network_uuid("default")).version == 5
    assert build().libvirt_nets[0].uuid == network_uuid("default")


def test_nat_derivations() -> None:
    default, iso = build().libvirt_nets
    assert (default.name, default.address, default.netmask, default.prefix) == (
        "default",
        "192.168.122.1",
        "255.255.255.0",
        24,
    )
    assert (default.dhcp_start, default.dhcp_end) == ("192.168.122.2", "192.168.122.254")
    assert [h.ip for h in default.hosts] == [
        "192.168.122.10",
        "192.168.122.20",
    ]  # sorted by address
    assert (iso.address, iso.dhcp_start, iso.hosts) == ("10.9.0.254", None, ())
    assert default.xml_path == "libvirt/default.xml"
    assert (default.setup_path, default.teardown_path) == (
        "setup-nat-default.sh",
        "teardown-nat-default.sh",
    )


def test_derived_macs_are_deterministic_unicast_and_unique() -> None:
    first, second = build(), build()
    macs = [nic.mac for nic in first.vms[0].nics]
    assert macs == [nic.mac for nic in second.vms[0].nics]
    assert macs[2] == "52:54:00:aa:00:01"  # given MACs are kept, lowercased
    for mac in macs[:2]:
        assert mac.startswith("52:54:00:")
    assert len(set(macs)) == 3
    bridge_macs = {n.mac for n in first.libvirt_nets}
    assert not bridge_macs & set(macs)


def test_derived_mac_depends_on_bundle_vm_and_index() -> None:
    a = MacAllocator(set()).derive("lab1", "web1", "0")
    assert a == MacAllocator(set()).derive("lab1", "web1", "0")
    assert a != MacAllocator(set()).derive("lab2", "web1", "0")
    assert a != MacAllocator(set()).derive("lab1", "web2", "0")
    assert a != MacAllocator(set()).derive("lab1", "web1", "1")


def test_derived_mac_steps_around_a_taken_one() -> None:
    wanted = MacAllocator(set()).derive("lab1", "web1", "0")
    other = MacAllocator({wanted}).derive("lab1", "web1", "0")
    assert other != wanted and other.startswith("52:54:00:")


def test_qemu_command_line() -> None:
    vm = build().vms[0]
    words = [[a.text for a in line] for line in vm.args]
    assert words == [
        ["qemu-system-x86_64"],
        ["-name", "web1"],
        ["-M", "q35"],
        ["-accel", "kvm"],
        ["-cpu", "host"],
        ["-m", "512M"],
        ["-smp", "2"],
        ["-drive", "file=/var/lib/vms/a,,b.qcow2,if=virtio,format=qcow2"],  # QEMU's comma escape
        ["-vnc", "127.0.0.1:3"],
        ["-netdev", "tap,id=net0,br=virbr0,helper=/usr/lib/qemu/qemu-bridge-helper"],
        ["-device", f"virtio-net-pci,netdev=net0,mac={vm.nics[0].mac}"],
        ["-netdev", "tap,id=net1,br=virbr9,helper=/usr/lib/qemu/qemu-bridge-helper"],
        ["-device", f"e1000e,netdev=net1,mac={vm.nics[1].mac}"],
        ["-netdev", "tap,id=net2,br=virbr0,helper=/usr/lib/qemu/qemu-bridge-helper"],
        ["-device", "virtio-net-pci,netdev=net2,mac=52:54:00:aa:00:01"],
    ]
    vhost = [a.text for line in vm.args for a in line if a.runtime == ",vhost=$vhost"]
    assert vhost == [w[1] for w in words if w[0] == "-netdev"]
    assert [a.runtime for line in vm.args for a in line if a.text not in vhost] == [""] * (
        sum(len(line) for line in vm.args) - len(vhost)
    )
    assert (vm.memory_mib, vm.memory_kib) == (512, 512 * 1024)


def test_vm_without_nics_or_display() -> None:
    vm = build().vms[1]
    words = [[a.text for a in line] for line in vm.args]
    assert ["-accel", "tcg"] in words and ["-cpu", "host"] not in words
    assert ["-display", "none"] in words
    assert words[-1] == ["-nic", "none"]  # else QEMU adds a user-mode NIC of its own
    assert vm.vhost == "off"


def test_distro_paths() -> None:
    assert build("fedora").distro.bridge_helper == "/usr/libexec/qemu-bridge-helper"
    assert build("rhel").distro.qemu == "/usr/libexec/qemu-kvm"
    assert build("ubuntu").distro.bridge_helper == "/usr/lib/qemu/qemu-bridge-helper"
    netdev = build("fedora").vms[0].args[9][1].text
    assert netdev.endswith("helper=/usr/libexec/qemu-bridge-helper")


def test_acl_lists_each_used_bridge_once() -> None:
    acl = build().acl
    assert acl is not None
    assert acl.bridges == ("virbr0", "virbr9")
    assert acl.installed_path == "/etc/qemu/qemu-netgen-lab1.conf"
    assert acl.main_path == "/etc/qemu/bridge.conf"


def test_no_acl_without_tap_nics() -> None:
    text = textwrap.dedent(
        """\
        name: bare
        vms: [{name: a, memory: 1G}]
        """
    )
    assert plan.build(parse_text(text)).acl is None


def test_passthrough_on_the_command_line() -> None:
    text = textwrap.dedent(
        """\
        name: pt
        networks:
          nic81: {type: passthrough, device: "81:00.0", romfile: ""}
          nic82: {type: passthrough, device: "0000:82:00.0", romfile: "/opt/roms/a,b.rom"}
          nat: {type: nat, bridge: virbr0, subnet: 192.168.122.0/24}
        vms:
          - name: a
            memory: 2G
            nics: [{network: nic81}, {network: nat}, {network: nic82}]
          - name: b
            memory: 1G
        """
    )
    built = plan.build(parse_text(text))
    vm = built.vms[0]
    words = [[a.text for a in line] for line in vm.args]
    assert ["-device", "vfio-pci,host=0000:81:00.0,id=hostdev0,romfile="] in words
    assert ["-device", "vfio-pci,host=0000:82:00.0,id=hostdev2,romfile=/opt/roms/a,,b.rom"] in words
    # profile order is kept: vfio, tap, vfio
    devices = [w[1].split(",")[0] for w in words if w[0] == "-device"]
    assert devices == ["vfio-pci", "virtio-net-pci", "vfio-pci"]
    assert [d.provider for d in vm.vfio] == ["bind-vfio-nic81.sh", "bind-vfio-nic82.sh"]
    assert [(p.bind_path, p.restore_path, p.state_path) for p in built.passthroughs] == [
        ("bind-vfio-nic81.sh", "restore-vfio-nic81.sh", "/run/qemu-netgen/pt/nic81.vfio"),
        ("bind-vfio-nic82.sh", "restore-vfio-nic82.sh", "/run/qemu-netgen/pt/nic82.vfio"),
    ]
    assert "pciutils" in built.packages


def test_bridge_plan_converts_forward_delay_for_each_tool() -> None:
    text = textwrap.dedent(
        """\
        name: br
        networks:
          lan: {type: bridge, bridge: br0, uplink: eno1, method: ip, stp: true, forward_delay: 15}
          wan: {type: bridge, bridge: br1, uplink: eno2, method: nmcli, address: {cidr: 10.0.0.5/24}}
        """
    )
    lan, wan = plan.build(parse_text(text)).bridges
    assert (lan.forward_delay, lan.forward_delay_cs) == (15, 1500)
    assert (lan.apply_path, lan.undo_path) == ("up-bridge-lan.sh", "down-bridge-lan.sh")
    assert lan.state_path == "/run/qemu-netgen/br/lan.state"
    assert (wan.apply_path, wan.undo_path) == ("setup-bridge-wan.sh", "teardown-bridge-wan.sh")
    assert wan.state_path == "/var/lib/qemu-netgen/br/wan.state"
    assert (wan.cidr, wan.gateway, wan.dhcp, lan.dhcp) == ("10.0.0.5/24", None, False, True)
    assert (wan.connection, wan.port_connection) == ("br1", "br1-port-eno2")


def test_direct_kernel_boot() -> None:
    text = textwrap.dedent(
        """\
        name: k
        vms:
          - name: tiny
            memory: 256M
            accel: tcg
            kernel: /boot/vmlinuz
            initrd: /tmp/guest.cpio.gz
            cmdline: "console=ttyS0 panic=-1 qn.mode='dhcp x'"
        """
    )
    words = [[a.text for a in line] for line in plan.build(parse_text(text)).vms[0].args]
    assert words[-5:] == [
        ["-kernel", "/boot/vmlinuz"],
        ["-initrd", "/tmp/guest.cpio.gz"],
        ["-append", "console=ttyS0 panic=-1 qn.mode='dhcp x'"],
        ["-display", "none"],
        ["-nic", "none"],
    ]


FORWARDS = """\
name: fw
networks:
  default:
    type: nat
    bridge: virbr0
    subnet: 192.168.122.0/24
    dhcp: {start: 192.168.122.100, end: 192.168.122.254}
    domain: lab
    hosts:
      - {mac: "52:54:00:00:00:20", ip: 192.168.122.20, name: db}
    forwards:
      - {host_port: 2222, to: web1, port: 22}
      - {proto: udp, host_port: 5353, to: 192.168.122.20, port: 53, listen: 192.0.2.10}
      - {host_port: 8080, to: web2, port: 80}
vms:
  - name: web1
    memory: 1G
    nics: [{network: default}]
  - name: web2
    memory: 1G
    nics: [{network: default, mac: "52:54:00:00:00:20"}]
EXTRA
"""


def _nat(text: str) -> plan.LibvirtNetPlan:
    (net,) = plan.build(parse_text(text)).libvirt_nets
    return net


def test_a_forwarded_vm_gets_a_fixed_lease_outside_the_range() -> None:
    built = plan.build(parse_text(FORWARDS.replace("EXTRA\n", "")))
    (net,) = built.libvirt_nets
    web1 = built.vms[0].nics[0].mac
    derived = [h for h in net.hosts if h.mac == web1]
    assert len(derived) == 1 and derived[0].name == "web1"
    address = IPv4Address(derived[0].ip)
    assert IPv4Address("192.168.122.2") <= address < IPv4Address("192.168.122.100")
    assert address != IPv4Address("192.168.122.20")
    # web2's NIC has the MAC of the operator's hosts entry: that address, no second lease
    assert [h.ip for h in net.hosts if h.mac == "52:54:00:00:00:20"] == ["192.168.122.20"]
    # names: the hosts entry's and the VMs' (web2 shares db's address)
    assert {(d.ip, d.names) for d in net.dns_hosts} == {
        (str(address), ("web1",)),
        ("192.168.122.20", ("db", "web2")),
    }
    forwarded_to = [f.address for f in net.firewall.forwards]
    assert forwarded_to == [str(address), "192.168.122.20", "192.168.122.20"]
    assert net.resolver_lines == (
        "resolvectl dns virbr0 192.168.122.1",
        "resolvectl domain virbr0 lab",
    )


def test_derived_leases_are_stable() -> None:
    """The same profile gives the same address; another VM, or the VMs in another order,
    leave it where it was."""
    text = FORWARDS.replace("EXTRA\n", "")
    first = _nat(text).firewall.forwards[0].address
    assert _nat(text).firewall.forwards[0].address == first
    more = text + "  - {name: web3, memory: 1G, nics: [{network: default}]}\n"
    more = more.replace(
        "      - {host_port: 8080",
        "      - {host_port: 2223, to: web3, port: 22}\n      - {host_port: 8080",
    )
    assert _nat(more).firewall.forwards[0].address == first
    data = parse_text(text)
    swapped = data.model_copy(update={"vms": list(reversed(data.vms))})
    (net,) = plan.build(swapped).libvirt_nets
    assert net.firewall.forwards[0].address == first


def test_lease_derivation_on_a_large_subnet_does_not_enumerate_it() -> None:
    text = (
        FORWARDS.replace("EXTRA\n", "")
        .replace("192.168.122.0/24", "10.0.0.0/8")
        .replace("192.168.122.100", "10.0.0.2")
        .replace("192.168.122.254", "10.255.255.200")
        .replace("192.168.122.20", "10.255.255.220")
    )
    started = time.monotonic()
    address = IPv4Address(_nat(text).firewall.forwards[0].address)
    assert time.monotonic() - started < 2
    assert IPv4Address("10.255.255.201") <= address <= IPv4Address("10.255.255.254")


def test_forward_rules_as_words() -> None:
    net = _nat(FORWARDS.replace("EXTRA\n", ""))
    fw = net.firewall
    ssh, dns, _ = fw.forwards
    to = f"{ssh.address}:22"
    assert ssh.dnat == (
        "-p",
        "tcp",
        "-m",
        "tcp",
        "--dport",
        "2222",
        "-j",
        "DNAT",
        "--to-destination",
        to,
    )
    assert ssh.accept[:4] == ("-d", ssh.address, "-o", "virbr0")
    assert ssh.accept[-4:] == ("--ctstate", "DNAT", "-j", "ACCEPT")
    assert dns.dnat[:2] == ("-d", "192.0.2.10")
    assert dns.nft_dnat == (
        "ip daddr 192.0.2.10 fib daddr type local udp dport 5353 dnat to 192.168.122.20:53"
    )
    assert ssh.nft_dnat == f"fib daddr type local tcp dport 2222 dnat to {to}"
    assert ssh.nft_dnat_local.startswith("ip daddr != 127.0.0.0/8 fib daddr type local")
    assert fw.nft_chain == "guest_cross"
    assert f"{ssh.address} . tcp . 22, 192.168.122.20 . udp . 53" in fw.nft_accept
    assert fw.nat_chain.startswith("QN-") and len(fw.nat_chain) <= 28
    assert fw.hook_installed == "/etc/libvirt/hooks/network.d/qemu-netgen-fw-default"


def test_units_follow_the_nics() -> None:
    text = (ROOT / "profiles" / "lab-fedora.yaml").read_text()
    built = plan.build(parse_text(text))
    web1, router = (vm.unit for vm in built.vms)
    assert web1.wants == ("virtnetworkd.service", "network-online.target")
    assert web1.after == (
        "virtnetworkd.service",
        "network-online.target",
        "NetworkManager.service",
    )
    assert (web1.start_pre, web1.stop_post, web1.memlock) == ((), (), False)
    assert router.start_pre == ("bind-vfio-wan.sh",)
    assert router.stop_post == ("restore-vfio-wan.sh",)
    assert router.memlock
    assert (web1.user, web1.groups, web1.timeout_stop) == ("", (), 90)
    assert web1.qmp_path == "/run/qemu-netgen/lab-fedora-web1/qmp.sock"
    debian = plan.build(parse_text((ROOT / "profiles" / "nat.yaml").read_text()))
    (unit,) = (vm.unit for vm in debian.vms)
    assert unit.wants == unit.after == ("libvirtd.service",)
    assert unit.autostart


def test_a_derived_lease_stays_when_a_fixed_lease_is_added_elsewhere() -> None:
    text = FORWARDS.replace("EXTRA\n", "")
    first = _nat(text).firewall.forwards[0].address
    for ip in ("192.168.122.3", "192.168.122.99"):
        if ip == first:
            continue
        more = text.replace(
            "    forwards:\n",
            f'      - {{mac: "52:54:00:00:00:77", ip: {ip}}}\n    forwards:\n',
        )
        assert _nat(more).firewall.forwards[0].address == first, ip


def test_long_names_get_short_firewall_comments_and_socket_paths() -> None:
    bundle, net, vm = "b" * 64, "n" * 64, "v" * 64
    text = (
        f"name: {bundle}\nnetworks:\n  {net}:\n    type: nat\n    bridge: virbr0\n"
        "    subnet: 10.1.0.0/24\n    dhcp: {start: 10.1.0.100, end: 10.1.0.200}\n"
        f"    forwards: [{{host_port: 2222, to: {vm}, port: 22}}]\n"
        f"vms:\n  - {{name: {vm}, memory: 1G, nics: [{{network: {net}}}]}}\n"
    )
    built = plan.build(parse_text(text))
    assert len(built.libvirt_nets[0].firewall.comment) <= 128  # nftables' limit
    assert built.libvirt_nets[0].firewall.comment.startswith("qemu-netgen ")
    assert len(built.vms[0].unit.qmp_path) <= 107  # a UNIX socket path's limit
    short = plan.build(parse_text((ROOT / "profiles" / "nat.yaml").read_text()))
    assert short.libvirt_nets[0].firewall.comment == "qemu-netgen nat/default"
    assert short.vms[0].unit.qmp_path == "/run/qemu-netgen/nat-ubuntu1904/qmp.sock"


def test_restart_no_written_bare() -> None:
    text = "name: x\nvms:\n  - {name: a, memory: 1G, restart: no}\n"
    assert plan.build(parse_text(text)).vms[0].unit.restart == "no"


def test_forwards_on_two_networks_render_one_dispatcher() -> None:
    text = FORWARDS.replace(
        "EXTRA\n",
        "  - {name: web3, memory: 1G, nics: [{network: other}]}\n",
    ).replace(
        "vms:\n",
        "  other:\n    type: nat\n    bridge: virbr1\n    subnet: 10.2.0.0/24\n"
        "    forwards: [{host_port: 2223, to: web3, port: 22}]\nvms:\n",
        1,
    )
    files = [f.path for f in render.render(plan.build(parse_text(text)))]
    assert files.count("libvirt/hooks/network") == 1
    assert "libvirt/hooks/qemu-netgen-fw-default" in files
    assert "libvirt/hooks/qemu-netgen-fw-other" in files
    nats = plan.build(parse_text(text)).libvirt_nets
    # each network's DNAT chain returns the VMs' own traffic of both bridges
    assert [n.firewall.inside for n in nats] == [("virbr0", "virbr1")] * 2
