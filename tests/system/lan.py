"""A LAN next to the sandboxed host: namespace `lan` with a router address, a "remote"
address reachable only through the host's default route, and dnsmasq serving DHCP.
The sandbox's own network namespace is the host; the veth `enp3s0f1` plays its NIC."""

from __future__ import annotations

import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.system.sandbox import Sandbox

NIC = "enp3s0f1"
ROUTER = "10.99.0.1"
HOST_IP = "10.99.0.2"
REMOTE = "10.98.0.1"
PINNED_IP = "10.99.0.50"


@dataclass
class Lan:
    box: Sandbox
    leases: Path
    dnsmasq: subprocess.Popen[str]

    def stop_dhcp(self) -> None:
        """End our dnsmasq by its PID: the only process in the `lan` namespace we made."""
        pids = self.box.run("ip", "netns", "pids", "lan", check=True).stdout.split()
        assert len(pids) == 1, pids
        self.box.run("kill", pids[0], check=True)
        self.dnsmasq.wait(timeout=10)

    def in_lan(self, *argv: str, **kw: object) -> subprocess.CompletedProcess[str]:
        return self.box.run("ip", "netns", "exec", "lan", *argv, **kw)  # type: ignore[arg-type]


def make_lan(
    box: Sandbox,
    workdir: Path,
    *,
    host_address: bool = True,
    pin_mac: str | None = None,
    host_lease: bool = False,
) -> Lan:
    """With host_lease, the LAN's DHCP server hands the host's NIC (by its MAC) HOST_IP."""
    box.sh(
        f"""
        ip netns add lan
        ip -n lan link set lo up
        ip link add {NIC} type veth peer name lan0 netns lan
        ip -n lan link set lan0 address 02:e2:e0:00:00:01
        ip link set {NIC} address 02:e2:e0:00:00:02
        ip -n lan addr add {ROUTER}/24 dev lan0
        ip -n lan addr add {REMOTE}/32 dev lo
        ip -n lan link set lan0 up
        ip link set {NIC} up
        """
    )
    if host_address:
        box.sh(f"ip addr add {HOST_IP}/24 dev {NIC}\nip route add default via {ROUTER} dev {NIC}")
    leases = workdir / "lan.leases"
    pin = [f"--dhcp-host={pin_mac},{PINNED_IP}"] if pin_mac else []
    if host_lease:
        pin.append(f"--dhcp-host=02:e2:e0:00:00:02,{HOST_IP}")
    dnsmasq = box.start(
        "ip",
        "netns",
        "exec",
        "lan",
        "dnsmasq",
        "--keep-in-foreground",
        "--conf-file=/dev/null",
        "--no-hosts",
        "--no-resolv",
        "--port=0",
        "--user=root",
        "--group=root",
        "--interface=lan0",
        "--bind-interfaces",
        "--except-interface=lo",
        "--dhcp-range=10.99.0.100,10.99.0.199,255.255.255.0,1h",
        f"--dhcp-option=option:router,{ROUTER}",
        "--dhcp-authoritative",
        f"--dhcp-leasefile={leases}",
        "--log-dhcp",
        *pin,
    )
    lan = Lan(box, leases, dnsmasq)
    if host_address:
        deadline = time.monotonic() + 10
        while lan.in_lan("ping", "-c1", "-W1", "-q", HOST_IP).returncode != 0:
            if time.monotonic() > deadline:
                raise AssertionError("the LAN never answered")
            time.sleep(0.1)
    return lan


def bridged(box: Sandbox) -> bool:
    """Whether the NIC is a port of br0."""
    return "master br0" in box.run("ip", "-o", "link", "show", "dev", NIC).stdout


class Probes:
    """Pings every 2 ms while something switches, and counts the probes the switch cost.

    A probe counts as lost when no reply came, when its reply came later than LATE_MS (a
    link that was down queues packets and delivers them late: that is an outage too), or
    when ping could not even send it (an unreachable network).
    """

    # A reply later than this is an outage. A switch that makes replies wait for ARP delays
    # them by up to a second (measured); 200 ms leaves room for a busy shared 2-core VM's
    # scheduling without hiding that.
    LATE_MS = 200.0

    def __init__(self, box: Sandbox, count: int = 1500, v6: str | None = None) -> None:
        # lan -> host address, and host -> remote through the host's default route; with
        # v6, lan -> that IPv6 address of the host too
        ping = ("ping", "-n", "-i", "0.002", "-W", "1", "-c", str(count))
        commands = [
            ("ip", "netns", "exec", "lan", *ping, HOST_IP),
            (*ping, REMOTE),
        ]
        if v6 is not None:
            commands.append(("ip", "netns", "exec", "lan", *ping, "-6", v6))
        # Each ping writes to a file, not a pipe: a pipe fills (64 KiB, ~900 replies) while
        # the switch runs, and a ping blocked on it sends and reads late: lost probes that
        # the switch did not cost (measured: now and then one, in a switch over 1.3 s).
        self.outputs = [tempfile.TemporaryFile(mode="w+") for _ in commands]  # noqa: SIM115
        self.procs = [
            box.start(*argv, stdout=out, stderr=subprocess.STDOUT)
            for argv, out in zip(commands, self.outputs, strict=True)
        ]
        time.sleep(0.5)  # probes are flowing before the switch starts

    def texts(self) -> list[str]:
        """ping's output, once each has ended."""
        texts = []
        for proc, out in zip(self.procs, self.outputs, strict=True):
            proc.wait(timeout=30)
            out.seek(0)
            texts.append(out.read())
            out.close()
        return texts

    @classmethod
    def count_lost(cls, output: str) -> int:
        transmitted = on_time = errors = 0
        for line in output.splitlines():
            if "packets transmitted" in line:
                transmitted = int(line.split()[0])
            elif " bytes from " in line and " time=" in line:
                rtt = float(line.split(" time=")[1].split()[0])
                on_time += rtt <= cls.LATE_MS
            elif "nreachable" in line or "sendmsg" in line:
                errors += 1
        if not transmitted:
            raise AssertionError(f"ping printed no summary:\n{output[-2000:]}")
        return transmitted - on_time + errors

    def lost(self) -> list[int]:
        return [self.count_lost(text) for text in self.texts()]


def no_outage(*switches: list[int]) -> bool:
    """What "moved without a lost packet" can mean, measured: no outage at all, not even two
    probes in a row of any stream, only now and then a single probe: a frame that reaches
    the NIC in the instant it becomes (or stops being) a bridge port can be dropped (the
    kernel's br_add_if hooks the NIC's receive path before it enables the port, so such a
    frame meets a disabled port). Measured with these three streams at 2 ms: a single probe
    in 2 of 80 switches (bench/README.md), in up to 3 of 30 under the whole system tier;
    never two of one stream. A flap or a re-added address costs 3 to thousands."""
    return all(n <= 1 for lost in switches for n in lost)
