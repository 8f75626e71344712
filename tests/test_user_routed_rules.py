"""The rules of the user-mode, routed and isolated networks, and what the plan makes of them."""

from __future__ import annotations

import textwrap

import pytest

from generator import plan
from generator.errors import ProfileError
from generator.validate import parse_text


def errors(text: str) -> list[str]:
    with pytest.raises(ProfileError) as info:
        parse_text(textwrap.dedent(text), "p.yaml")
    return str(info.value).splitlines()


def build(text: str) -> plan.Plan:
    return plan.build(parse_text(textwrap.dedent(text), "p.yaml"))


USER = """\
name: u
networks:
  up:
    type: user
    forwards:
      - {host_port: 2222, port: 22}
      - {proto: udp, host_port: 5353, port: 53, listen: 0.0.0.0}
  slow:
    type: user
    backend: slirp
    forwards:
      - {host_port: 8080, port: 80, to: b}
vms:
  - name: a
    memory: 1G
    nics: [{network: up}]
  - name: b
    memory: 1G
    nics: [{network: slow}, {network: slow}]
"""


def test_user_nics_get_passt_or_slirp_with_their_forwards() -> None:
    built = build(USER)
    a, b = built.vms
    (nic,) = a.user_nics
    assert a.nics == () and nic.backend == "passt" and nic.passt is not None
    assert nic.passt.options == (
        "--tcp-ports", "127.0.0.1/2222:22", "--udp-ports", "0.0.0.0/5353:53",
    )  # fmt: skip
    assert [w.text for w in a.args[-2]] == [
        "-netdev", "stream,id=net0,server=off,addr.type=unix,addr.path=",
    ]  # fmt: skip
    assert a.args[-2][1].runtime == "$passt_socket_net0"
    # slirp: the forwards on the VM's first NIC of the network only
    first, second = b.user_nics
    assert [w.text for w in b.args[-4]] == [
        "-netdev",
        "user,id=net0,hostfwd=tcp:127.0.0.1:8080-:80",
    ]
    assert [w.text for w in b.args[-2]] == ["-netdev", "user,id=net1"]
    assert first.passt is None and second.forwards == ()
    assert "passt" in built.packages and "passt" in built.commands
    assert [c.netdev for c in built.user_backend_checks] == ["stream", "user"]
    assert built.acl is None  # no bridge, no helper, no ACL
    assert a.device_checks[0].device == "kvm" and len(a.device_checks) == 1  # no vhost-net


def test_a_slirp_only_bundle_needs_no_passt() -> None:
    built = build(
        USER.replace("type: user\n    forwards", "type: user\n    backend: slirp\n    forwards", 1)
    )
    assert "passt" not in built.packages and "passt" not in built.commands


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (
            "nics: [{network: slow}, {network: slow}]",
            "nics: [{network: up}]",
            "p.yaml:6: networks.up.forwards[0]: name the VM with to: (each VM on a user "
            "network has its own; VMs on 'up': a, b)",
        ),
        (
            "to: b}",
            "to: c}",
            "p.yaml:12: networks.slow.forwards[0].to: no VM 'c' has a NIC on network 'slow' "
            "(VMs on it: b)",
        ),
        (
            "{host_port: 8080, port: 80, to: b}",
            "{host_port: 2222, port: 80, to: b}",
            "p.yaml:12: networks.slow.forwards[0].host_port: tcp port 2222 is already "
            "forwarded by networks.up.forwards[0]",
        ),
        (
            "{host_port: 8080, port: 80, to: b}",
            "{host_port: 2222, port: 80, to: b, listen: 127.0.0.2}",
            None,  # another address: no clash
        ),
        (
            "{host_port: 8080, port: 80, to: b}",
            "{proto: udp, host_port: 5353, port: 80, to: b}",
            "p.yaml:12: networks.slow.forwards[0].host_port: udp port 5353 is already "
            "forwarded by networks.up.forwards[1]",  # 0.0.0.0 takes every address
        ),
        (
            "{host_port: 8080, port: 80, to: b}",
            "{host_port: 8080, port: 80, to: b, listen: 224.0.0.1}",
            "p.yaml:12: networks.slow.forwards[0].listen: 224.0.0.1 is multicast: listen on "
            "127.0.0.1 (the default), 0.0.0.0 (every address) or an address of the host",
        ),
    ],
)
def test_user_forward_rules(old: str, new: str, found: str | None) -> None:
    assert old in USER
    text = USER.replace(old, new, 1)
    if found is None:
        build(text)
    else:
        assert found in errors(text)


def test_low_ports_and_vhost_on_user_nics() -> None:
    text = USER.replace("{host_port: 8080, port: 80, to: b}", "{host_port: 80, port: 80, to: b}")
    text = text.replace(
        "  - name: b\n    memory: 1G\n",
        "  - name: b\n    memory: 1G\n    run_as: dev\n    vhost: on\n",
    )
    assert errors(text) == [
        "p.yaml:12: networks.slow.forwards[0].host_port: port 80 is below 1024, which only root "
        "may listen on, and VM 'b' runs as dev: pick a port of 1024 or above",
        "p.yaml:20: vms[1].vhost: vhost works on a tap, and network 'slow' is user-mode (no "
        "tap): use vhost: auto or off",
    ]
    # as root (run_as left out) a low port is the operator's to take
    assert build(text.replace("    run_as: dev\n    vhost: on\n", "")).vms[1].low_ports == (80,)


def test_a_user_forward_and_a_nat_forward_share_a_port_only_on_other_addresses() -> None:
    nat = """\
    name: n
    networks:
      default:
        type: nat
        bridge: virbr0
        subnet: 192.168.122.0/24
        forwards: [{host_port: 2222, to: 192.168.122.5, port: 22}]
      up:
        type: user
        forwards: [{host_port: 2222, port: 22, listen: LISTEN}]
    vms:
      - {name: a, memory: 1G, nics: [{network: up}]}
    """
    build(nat.replace("LISTEN", "127.0.0.1"))  # the NAT forward leaves loopback alone
    assert errors(nat.replace("LISTEN", "0.0.0.0")) == [
        "p.yaml:10: networks.up.forwards[0].host_port: tcp port 2222 is already forwarded by "
        "networks.default.forwards[0]"
    ]


ROUTED = """\
name: r
networks:
  lan:
    type: bridge
    bridge: br0
    uplink: eno1
    method: ip
  out:
    type: routed
    bridge: virbr1
    uplink: UPLINK
    subnet: 203.0.113.0/28
"""


def test_routed_and_isolated_plans() -> None:
    built = build(
        ROUTED.replace("UPLINK", "br0")
        + "  lab:\n    type: isolated\n    bridge: virbr2\n    subnet: 10.1.0.0/24\n"
    )
    lab, out = built.libvirt_nets
    assert (out.kind, out.forward_mode, out.uplink) == ("routed", "route", "br0")
    assert (lab.kind, lab.forward_mode, lab.uplink, lab.sysctl) == ("isolated", "", "", None)
    assert (
        out.setup_path == "setup-routed-out.sh" and lab.teardown_path == "teardown-isolated-lab.sh"
    )
    assert (
        out.sysctl is not None and out.sysctl.installed == "/etc/sysctl.d/60-qemu-netgen-r-out.conf"
    )
    assert "net.ipv4.ip_forward = 1" in out.sysctl.lines
    assert out.firewall.forwards == ()
    assert [s.apply for s in built.runbook][:2] == ["setup-isolated-lab.sh", "setup-routed-out.sh"]


@pytest.mark.parametrize(
    ("uplink", "found"),
    [
        (
            "eno1",
            "p.yaml:11: networks.out.uplink: eno1 is a port of bridge br0 (network 'lan'): route through br0",
        ),
        (
            "virbr1",
            "p.yaml:11: networks.out.uplink: the uplink must differ from the bridge (virbr1)",
        ),
        ("wlp2s0", None),  # Wi-Fi is what routed is for
    ],
)
def test_routed_uplink(uplink: str, found: str | None) -> None:
    text = ROUTED.replace("UPLINK", uplink)
    if found is None:
        assert build(text).libvirt_nets[0].uplink == uplink
    else:
        assert errors(text) == [found]


def test_routed_and_isolated_networks_take_no_forwards() -> None:
    text = ROUTED.replace("UPLINK", "br0") + "    forwards: [{host_port: 1, to: a, port: 1}]\n"
    assert errors(text) == [
        "p.yaml:13: networks.out.forwards: unknown key 'forwards' for this network type "
        "(forwards belongs to nat and user networks)"
    ]


def test_passt_takes_a_port_once_whatever_the_address() -> None:
    two = USER.replace(
        "      - {proto: udp, host_port: 5353, port: 53, listen: 0.0.0.0}\n",
        "      - {host_port: 2222, port: 23, listen: 127.0.0.2}\n",
    )
    assert errors(two) == [
        "p.yaml:7: networks.up.forwards[1].host_port: tcp port 2222 is already forwarded to VM "
        "'a' by forwards[0]: passt takes a port once, whatever the address it listens on"
    ]
    # slirp binds each address on its own
    slirp = two.replace(
        "type: user\n    forwards", "type: user\n    backend: slirp\n    forwards", 1
    )
    assert [f.listen for f in build(slirp).vms[0].user_nics[0].forwards] == [
        "127.0.0.1",
        "127.0.0.2",
    ]


def test_a_user_forward_listens_on_the_host_not_on_a_guest_address() -> None:
    text = USER.replace("listen: 0.0.0.0}", "listen: 10.9.0.7}").replace(
        "vms:\n", "  lab: {type: isolated, bridge: virbr9, subnet: 10.9.0.0/24}\nvms:\n", 1
    )
    assert errors(text) == [
        "p.yaml:7: networks.up.forwards[1].listen: 10.9.0.7 is inside subnet 10.9.0.0/24 of "
        "network 'lab', an address of its VMs, not of the host (its gateway 10.9.0.1 is the "
        "host's)"
    ]
    build(text.replace("listen: 10.9.0.7}", "listen: 10.9.0.1}"))  # the host's, on that bridge


def test_vhost_on_is_for_the_taps_of_a_vm_that_also_has_user_nics() -> None:
    text = USER.replace(
        "    nics: [{network: up}]",
        "    vhost: on\n    nics: [{network: up}, {network: lab}]",
    ).replace("vms:\n", "  lab: {type: isolated, bridge: virbr9, subnet: 10.9.0.0/24}\nvms:\n", 1)
    built = build(text)
    assert [nic.network for nic in built.vms[0].nics] == ["lab"]
    assert built.vms[0].args[-2][1].runtime == ",vhost=$vhost"


def test_fixed_leases_name_vms_on_isolated_and_routed_networks_too() -> None:
    built = build(
        """\
        name: d
        networks:
          lab:
            type: isolated
            bridge: virbr2
            subnet: 10.10.10.0/24
            hosts: [{mac: "52:54:00:00:00:10", ip: 10.10.10.10}]
        vms:
          - {name: server, memory: 1G, nics: [{network: lab, mac: "52:54:00:00:00:10"}]}
        """
    )
    (lab,) = built.libvirt_nets
    assert [(h.ip, h.names) for h in lab.dns_hosts] == [("10.10.10.10", ("server",))]
