"""Fleets: the Ansible project of `render --ansible`, run by ansible-playbook over real SSH
against three hosts in sandboxes: a NAT network (with libvirtd), an `ip` bridge on a second
NIC, and an `ip` bridge on the NIC that carries the SSH connection itself."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.system.daemons import start_libvirtd, wait_until
from tests.system.fleet import HOST_VARS, VM, Fleet, address, recap, render_project
from tests.system.sandbox import Sandbox


def profiles(folder: Path, mgmt_mtu: int | None = None) -> list[Path]:
    """The fleet's three profiles (host n reached at address(n))."""
    nat = {
        "name": "fleet-nat",
        "host": {"address": address(1)},
        "networks": {"default": {"type": "nat", "bridge": "virbr0", "subnet": "192.168.122.0/24"}},
        "vms": [{**VM, "nics": [{"network": "default"}]}],
    }
    lan = {
        "name": "fleet-lan",
        "host": {"address": address(2)},
        "networks": {
            "lan": {"type": "bridge", "bridge": "br-lan", "uplink": "lan0", "method": "ip"}
        },
        "vms": [{**VM, "nics": [{"network": "lan"}]}],
    }
    mgmt: dict[str, object] = {"type": "bridge", "bridge": "br0", "uplink": "mgmt", "method": "ip"}
    if mgmt_mtu is not None:
        mgmt["mtu"] = mgmt_mtu
    ssh = {
        "name": "fleet-mgmt",
        "host": {"address": address(3)},
        "networks": {"mgmt": mgmt},
        "vms": [{**VM, "nics": [{"network": "mgmt"}]}],
    }
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for data in (nat, lan, ssh):
        path = folder / f"{data['name']}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False))
        paths.append(path)
    return paths


def state(box: Sandbox) -> str:
    """What a rollout changes and its teardown must give back: links and their masters,
    addresses, routes, libvirt's networks, and the files under the places the steps write."""
    return "\n".join(
        box.sh(command, check=False).stdout
        for command in (
            'ip -o link | awk \'{print $2, $0 ~ /master/ ? "port" : ""}\'',
            "ip -4 -o addr | awk '{print $2, $4}'",
            "ip -4 route",
            "virsh net-list --all --name 2>/dev/null || true",
            # files, not folders: install-bridge-acl.sh leaves /etc/qemu, and the role the
            # folder that held the bundle, where it made them
            "find /etc/qemu /etc/systemd/system /etc/libvirt/hooks /var/lib/qemu-netgen"
            " ! -type d -printf '%p %m\\n' 2>/dev/null | sort || true",
        )
    )


@pytest.fixture
def fleet(system: None, tmp_path: Path) -> Iterator[Fleet]:
    fleet = Fleet(tmp_path / "fleet", 3)
    try:
        start_libvirtd(fleet.hosts[1], tmp_path)
        fleet.hosts[2].sh(
            """
            ip link add lan0 type veth peer name lan0-peer
            ip addr add 10.77.0.2/24 dev lan0
            ip link set lan0 up
            ip link set lan0-peer up
            """
        )
        yield fleet
    finally:
        fleet.close()


def run(
    fleet: Fleet, project: Path, tmp_path: Path, *args: str, **extra: object
) -> subprocess.CompletedProcess[str]:
    # no package step on the NAT host: its bundle's packages (libvirt-daemon-system) are not
    # installed on this machine, and the hosts have no way out to a mirror; the other two
    # hosts run it (everything present: "result: unchanged")
    extra_vars = {
        **HOST_VARS,
        "qemu_netgen_install_packages": "{{ inventory_hostname != 'fleet-nat' }}",
        "qemu_netgen_serial": 3,  # one batch, the hosts in parallel (unless a test says otherwise)
        **extra,
    }
    vars_file = tmp_path / "extra-vars.yml"
    vars_file.write_text(yaml.safe_dump(extra_vars))
    started = time.monotonic()
    result = fleet.playbook(project, "-e", f"@{vars_file}", *args)
    print(
        f"ansible-playbook {' '.join(args)}: rc {result.returncode}, {time.monotonic() - started:.1f} s"
    )
    return result


HOSTS = ("fleet-lan", "fleet-mgmt", "fleet-nat")


def test_a_fleet_converges_reruns_unchanged_and_tears_down(fleet: Fleet, tmp_path: Path) -> None:
    project = render_project(profiles(tmp_path / "profiles"), tmp_path / "out")
    before = {n: state(box) for n, box in fleet.hosts.items()}

    first = run(fleet, project, tmp_path)
    print(first.stdout[-6000:])
    assert first.returncode == 0, first.stdout[-6000:] + first.stderr
    counts = recap(first.stdout)
    assert sorted(counts) == list(HOSTS)
    for host in HOSTS:
        assert counts[host]["failed"] == 0 and counts[host]["unreachable"] == 0, counts
        assert counts[host]["changed"] > 0, counts
    nat, lan, mgmt = fleet.hosts[1], fleet.hosts[2], fleet.hosts[3]
    assert "Active:         yes" in nat.run("virsh", "net-info", "default").stdout
    assert "master br-lan" in lan.run("ip", "-o", "link", "show", "lan0").stdout
    assert " 10.77.0.2/24 " in lan.run("ip", "-o", "addr", "show", "br-lan").stdout
    # the third host's SSH runs over the NIC that is now a port of br0, and it stayed up
    assert "master br0" in mgmt.run("ip", "-o", "link", "show", "mgmt").stdout
    assert f" {address(3)}/24 " in mgmt.run("ip", "-o", "addr", "show", "br0").stdout
    assert mgmt.run("test", "-e", "/run/qemu-netgen/fleet-mgmt/mgmt.state.rollback").returncode == 1
    confirmed = first.stdout.split("Confirm the step, so that it is not rolled back", 1)
    assert "ok: [fleet-mgmt]" in confirmed[1].split("TASK", 1)[0], first.stdout[-4000:]

    again = run(fleet, project, tmp_path)
    assert again.returncode == 0, again.stdout[-6000:] + again.stderr
    counts = recap(again.stdout)
    assert all(counts[host]["changed"] == 0 for host in HOSTS), again.stdout[-6000:]

    down = run(fleet, project, tmp_path, "--tags", "teardown")
    assert down.returncode == 0, down.stdout[-6000:] + down.stderr
    assert all(recap(down.stdout)[host]["changed"] > 0 for host in HOSTS)
    for n, box in fleet.hosts.items():
        assert state(box) == before[n], f"host {n} is not as it was"


def test_a_host_that_loses_ssh_rolls_back_by_itself_and_stops_the_rollout(
    fleet: Fleet, tmp_path: Path
) -> None:
    """fleet-mgmt's profile gives br0 and its port (the NIC that carries SSH, IPv4 only) an
    MTU of 68: no TCP segment gets through any more. The play cannot reconnect, marks the host failed,
    and the host rolls the bridge back by itself; with the role's defaults (serial
    [1, 25%], max_fail_percentage 0) the rollout stops after that batch."""
    project = render_project(profiles(tmp_path / "profiles", mgmt_mtu=68), tmp_path / "out")
    mgmt = fleet.hosts[3]
    # (the up script refuses an MTU below 1280 on a NIC with IPv6: this one is IPv4 only)
    mgmt.run("sysctl", "-q", "net.ipv6.conf.mgmt.disable_ipv6=1", check=True)
    before = state(mgmt)
    log = "/run/qemu-netgen/fleet-mgmt/mgmt.state.log"
    quick = {"qemu_netgen_confirm_within": 6, "qemu_netgen_reconnect_timeout": 3}

    def failed_in(output: str) -> None:
        """fleet-mgmt failed where the role waits for it: the reconnection timed out, the
        connection it made was cut, or (it answered again only once the roll-back began)
        --confirm refused."""
        fatal = output.split("fatal: [fleet-mgmt]", 1)[1].split("\n", 1)[0]
        assert (
            "UNREACHABLE" in fatal  # the cut came while the play asked for the step's result
            or "timed out waiting for ping module test" in fatal
            or "nothing to confirm" in fatal
            or "too late: not confirmed in time" in fatal
        ), fatal

    def rolled_back() -> None:
        wait_until(
            "fleet-mgmt did not roll back",
            lambda: "master br0" not in mgmt.run("ip", "-o", "link", "show", "mgmt").stdout,
        )
        assert "not confirmed within 6 s: rolling back" in mgmt.run("cat", log).stdout
        # as it was, but for the bundle's copy (the play stopped at the bridge's step)
        assert [
            line for line in state(mgmt).splitlines() if "/var/lib/qemu-netgen" not in line
        ] == [line for line in before.splitlines() if "/var/lib/qemu-netgen" not in line]

    stopped = run(fleet, project, tmp_path, qemu_netgen_serial=[1, "25%"], **quick)
    print(stopped.stdout[-4000:])
    assert stopped.returncode in (2, 4), stopped.stdout[-6000:] + stopped.stderr
    counts = recap(stopped.stdout)
    assert counts["fleet-lan"]["failed"] == 0 and counts["fleet-lan"]["changed"] > 0
    assert counts["fleet-mgmt"]["failed"] + counts["fleet-mgmt"]["unreachable"] == 1, counts
    assert "fleet-nat" not in counts  # the batch after the failed one never started
    failed_in(stopped.stdout)
    rolled_back()
    assert fleet.hosts[1].run("virsh", "net-info", "default").returncode != 0

    # one batch that tolerates a failed host: the others finish
    tolerant = run(
        fleet, project, tmp_path, qemu_netgen_serial=3, qemu_netgen_max_fail_percentage=50, **quick
    )
    print(tolerant.stdout[-4000:])
    assert tolerant.returncode in (2, 4), tolerant.stdout[-6000:] + tolerant.stderr
    counts = recap(tolerant.stdout)
    assert counts["fleet-mgmt"]["failed"] + counts["fleet-mgmt"]["unreachable"] == 1, counts
    failed_in(tolerant.stdout)
    assert counts["fleet-lan"]["failed"] == 0 and counts["fleet-nat"]["failed"] == 0, counts
    assert "Active:         yes" in fleet.hosts[1].run("virsh", "net-info", "default").stdout
    rolled_back()
    # and when the host answers again, the late --confirm is refused, never taken
    late = mgmt.run("bash", "/var/lib/qemu-netgen/fleet-mgmt/up-bridge-mgmt.sh", "--confirm")
    assert late.returncode == 1 and "nothing to confirm" in late.stderr, late.stderr
