"""Lost probes while the host's network moves onto a bridge and back, per method.

Runs as root from the checkout after `.ci/setup --system`, inside namespaces it makes and
removes (the system tier's sandbox): a LAN namespace probes the host every 2 ms (IPv4 and
IPv6), and the host probes a remote address behind its default route. For each method it
runs the bundle's setup and teardown RUNS times and reports, per direction, the lost probes
(no reply, a reply later than 200 ms, or not sent) and the longest gap between two replies.
Beside them, the plain ways an operator does it today, with the same files: `netplan apply`
(shimmed systemctl restarts networkd, as netplan calls it) and `ifdown enp3s0f1; ifup br0`.

    .venv/bin/python bench/bridge_switch.py --runs 10
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import itertools

from tests.system import test_bridge_stacks as stacks
from tests.system.conftest import render_bundle
from tests.system.daemons import NetworkManager
from tests.system.lan import NIC, Probes, make_lan
from tests.system.sandbox import Sandbox

SEQ = re.compile(r"icmp_seq=(\d+) .*time=([0-9.]+)")


class Gaps(Probes):
    """Probes that also keep ping's output, to find the longest gap between replies."""

    def results(self) -> list[tuple[int, float]]:
        out = []
        for text in self.texts():
            seqs = sorted(
                int(m.group(1)) for m in SEQ.finditer(text) if float(m.group(2)) <= self.LATE_MS
            )
            sent = re.search(r"(\d+) packets transmitted", text)
            # from the probe before the first to the one after the last: a silence at either
            # end is a gap too
            edges = [0, *seqs, (int(sent.group(1)) if sent else 0) + 1]
            gap = max((b - a for a, b in itertools.pairwise(edges)), default=0)
            out.append((self.count_lost(text), max(gap - 1, 0) * 2.0))
        return out


class Guest:  # the profiles' VMs are never started here
    kernel = Path("/nonexistent/vmlinux")
    initrd = Path("/nonexistent/initrd")


def profile(method: str) -> str:
    if method in stacks.STACKS:
        return stacks.profile_for(method, Guest)  # type: ignore[arg-type]
    text = stacks.profile_for("networkd", Guest)  # type: ignore[arg-type]
    text = text.replace("method: networkd", f"method: {method}")
    if method == "nmcli":  # the NIC's DHCP lease, as NetworkManager had it
        text = re.sub(r"address:\n(\s+cidr: .*\n\s+gateway: .*\n)", "address: dhcp\n", text)
    return text


def one_host(work: Path, method: str, runs: int) -> list[tuple[str, list[tuple[int, float]]]]:
    rows = []
    with Sandbox(work / "sandbox") as box:
        if method == "nmcli":
            # NetworkManager has the NIC with its own DHCP profile (IPv4 only), as on a desktop
            make_lan(box, work, host_address=False, host_lease=True)
            NetworkManager(box, work, NIC, "br0").own_profile()
        else:
            make_lan(box, work)
            stacks.live_uplink(box)
        if method in stacks.STACKS:
            stacks.Stack(box, work, method)
        bundle = render_bundle(profile(method), work / "bundle")
        up, down = (
            ("up-bridge-lan.sh", "down-bridge-lan.sh")
            if method == "ip"
            else ("setup-bridge-lan.sh", "teardown-bridge-lan.sh")
        )
        for _ in range(runs):
            for label, script in (("setup", up), ("teardown", down)):
                probes = Gaps(box, v6=None if method == "nmcli" else stacks.HOST6)
                result = box.run("bash", str(bundle / script))
                if result.returncode != 0:
                    raise SystemExit(f"{method} {label} failed:\n{result.stderr}")
                rows.append((f"{method} {label}", probes.results()))
    return rows


def plain(work: Path, way: str, runs: int) -> list[tuple[str, list[tuple[int, float]]]]:
    """The operator's way: the stack's own apply, from the same live uplink."""
    rows = []
    for run in range(runs):
        with Sandbox(work / f"plain-{run}") as box:
            make_lan(box, work)
            stacks.live_uplink(box)
            stack = stacks.Stack(box, work, way)
            bundle = render_bundle(profile(way), work / f"bundle-{run}")
            mac = box.run("cat", f"/sys/class/net/{NIC}/address", check=True).stdout.strip()
            files = (bundle / way).glob("*.yaml" if way == "netplan" else "*")
            for file in sorted(files):
                target = {
                    "netplan": f"/etc/netplan/{file.name}",
                    "ifupdown": f"/etc/network/interfaces.d/{file.name}",
                }[way]
                box.sh(
                    f"cat >{target} <<'EOF'\n{file.read_text().replace('@UPLINK_MAC@', mac)}EOF\nchmod 600 {target}"
                )
            if way == "netplan":
                shim = work / "shim"
                shim.mkdir(exist_ok=True)
                # netplan apply calls systemctl to restart networkd; here the bench does it
                (shim / "systemctl").write_text("#!/bin/bash\nexit 0\n")
                (shim / "systemctl").chmod(0o755)
                command = f"PATH={shim}:$PATH netplan apply"
            else:
                command = f"ifdown {NIC} 2>/dev/null; ip addr flush dev {NIC}; ifup br0"
            probes = Gaps(box, v6=stacks.HOST6)
            box.sh(command, check=False)
            if way == "netplan":
                assert stack.networkd is not None
                stack.networkd.stop()
                stack.networkd.start()
            rows.append((f"{way}: plain", probes.results()))
    return rows


def summary(what: str, got: list[list[tuple[int, float]]]) -> str:
    streams = range(len(got[0]))  # nmcli: IPv4 only
    sums = [sum(g[i][0] for g in got) for i in streams]
    worst = [max(g[i][0] for g in got) for i in streams]
    gaps = [max(g[i][1] for g in got) for i in streams]
    lost = " / ".join(f"{s} ({w})" for s, w in zip(sums, worst, strict=True))
    return f"{what:22} {len(got):>4}  {lost:40}  " + " / ".join(f"{g:.0f}" for g in gaps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--methods", default="ip,networkd,netplan,ifupdown,nmcli")
    parser.add_argument("--plain", default="netplan,ifupdown")
    args = parser.parse_args()
    print(
        f"{'what':22} {'runs':>4}  {'lost v4 in / out / v6 in (sum, worst run)':40}  longest gap ms"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for method in filter(None, args.methods.split(",")):
            rows = one_host(Path(tmp) / method, method, args.runs)
            for what in dict.fromkeys(r[0] for r in rows):
                print(summary(what, [r[1] for r in rows if r[0] == what]), flush=True)
        for way in filter(None, args.plain.split(",")):
            rows = plain(Path(tmp) / f"plain-{way}", way, max(1, args.runs // 5))
            print(summary(rows[0][0], [r[1] for r in rows]), flush=True)


if __name__ == "__main__":
    main()
