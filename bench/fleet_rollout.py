#!/usr/bin/env python3
"""Fleet rollouts: `ansible-playbook site.yml` of a `render --ansible` project against N SSH
hosts in sandboxes (N = 1, 3, 9), with forks = N and one batch (serial = N), so the hosts
are driven in parallel. Each host gets an `ip` bridge on a second NIC of its own (the step
runs detached with --confirm-within, reconnects and confirms, as on a real fleet).

    .venv/bin/python bench/fleet_rollout.py [--sizes 1 3 9] [--repeat 3] [--vs-forks-1]

For each N it times, --repeat times over: the first rollout (every step changes the host),
a second one (every step finds nothing to do) and the teardown (--tags teardown), and
prints min / median / max of each. --vs-forks-1 also times the largest N with forks = 1
(one host after another) for the side-by-side. As root: it makes namespaces (nothing
outside them changes), like the system tier, and needs what .ci/setup --system installs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from tests.system.fleet import HOST_VARS, VM, Fleet, address, render_project  # noqa: E402


def project(work: Path, count: int) -> Path:
    paths = []
    for n in range(1, count + 1):
        data = {
            "name": f"bench-{n}",
            "host": {"address": address(n)},
            "networks": {
                "lan": {"type": "bridge", "bridge": "br-lan", "uplink": "lan0", "method": "ip"}
            },
            "vms": [{**VM, "nics": [{"network": "lan"}]}],
        }
        path = work / f"bench-{n}.yaml"
        path.write_text(yaml.safe_dump(data))
        paths.append(path)
    return render_project(paths, work / "out")


def timed(fleet: Fleet, folder: Path, extra: Path, forks: int, *args: str) -> float:
    started = time.monotonic()
    result = fleet.playbook(folder, "-e", f"@{extra}", "--forks", str(forks), *args)
    took = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"ansible-playbook failed ({result.returncode}):\n{result.stdout[-4000:]}")
    return took


def spread(values: list[float]) -> str:
    return f"{min(values):6.1f} {statistics.median(values):6.1f} {max(values):6.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 3, 9])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--vs-forks-1", action="store_true")
    args = parser.parse_args()
    print("hosts forks   first rollout (s)    second (s)          teardown (s)")
    print("                min    med    max   min    med    max   min    med    max")
    runs = [(n, n) for n in args.sizes]
    if args.vs_forks_1:
        runs.append((max(args.sizes), 1))
    for count, forks in runs:
        with tempfile.TemporaryDirectory(prefix="fleet-bench-") as tmp:
            work = Path(tmp)
            folder = project(work, count)
            extra = work / "extra.yml"
            extra.write_text(yaml.safe_dump({**HOST_VARS, "qemu_netgen_serial": count}))
            fleet = Fleet(work / "fleet", count)
            try:
                for box in fleet.hosts.values():
                    box.sh(
                        "ip link add lan0 type veth peer name lan0-peer; "
                        "ip addr add 10.77.0.2/24 dev lan0; ip link set lan0 up; "
                        "ip link set lan0-peer up"
                    )
                first, second, down = [], [], []
                for _ in range(args.repeat):
                    first.append(timed(fleet, folder, extra, forks))
                    second.append(timed(fleet, folder, extra, forks))
                    down.append(timed(fleet, folder, extra, forks, "--tags", "teardown"))
            finally:
                fleet.close()
        print(f"{count:5} {forks:5}  {spread(first)}  {spread(second)}  {spread(down)}", flush=True)


if __name__ == "__main__":
    main()
