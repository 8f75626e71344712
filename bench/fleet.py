#!/usr/bin/env python3
"""Fleet renders: N distinct generated profiles (mixed modes, 1-4 VMs each) in one call of
`qemu-netgen render`, for N in 100, 1,000 and 5,000; wall time, CPU time and the peak memory
(max RSS) of that process.

    .venv/bin/python bench/fleet.py [--sizes 100 1000 5000] [--repeat 3] [--dir /dev/shm]

Two kinds of call are timed:

* first render -- into an empty output folder: every profile is read, validated, planned,
  rendered and written;
* re-render    -- the same call again over the bundles it wrote: every profile is read,
  validated, planned and rendered the same way, each bundle compared with it, none written.

The single-render references are the same two kinds for one profile. Standard library only
(os.wait4 gives the child's own resource usage).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def profile(i: int, rng: random.Random) -> str:
    """One host's profile; the mode mix and VM count vary with i."""
    mode = ("nat", "bridge", "passthrough", "mixed")[i % 4]
    nets: list[str] = []
    names: list[str] = []
    if mode in ("nat", "mixed"):
        nets.append(
            f"  default: {{type: nat, bridge: virbr0, subnet: 10.{i // 250 % 250}.{i % 250}.0/24,"
            f" dhcp: {{start: 10.{i // 250 % 250}.{i % 250}.10, end: 10.{i // 250 % 250}.{i % 250}.200}}}}"
        )
        names.append("default")
    if mode in ("bridge", "mixed"):
        method = "ip" if i % 3 else "nmcli"
        nets.append(
            f"  lan: {{type: bridge, bridge: br0, uplink: eno{1 + i % 4}, method: {method}}}"
        )
        names.append("lan")
    if mode in ("passthrough", "mixed"):
        nets.append(f'  wan: {{type: passthrough, device: "0000:{0x10 + i % 200:02x}:00.0"}}')
    vms = []
    for v in range(1 + rng.randrange(4)):
        nics = ", ".join(f"{{network: {n}}}" for n in names) or ""
        if mode == "passthrough" and v == 0:
            nics = "{network: wan}"
        vms.append(
            f"  - {{name: vm{v}, memory: {rng.choice(['512M', '1G', '2G', '4G'])}, cpus: {1 + v},"
            f" disk: /var/lib/vms/host{i}-vm{v}.qcow2, nics: [{nics}]}}"
        )
    return f"name: host{i:05d}\nnetworks:\n" + "\n".join(nets) + "\nvms:\n" + "\n".join(vms) + "\n"


def run(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in KiB of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(
            f"render failed: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}"
        )
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


Measure = tuple[float, float, int]


def median(runs: list[Measure]) -> Measure:
    """The median wall and CPU time, and the largest peak RSS."""
    walls, cpus, rss = zip(*runs, strict=True)
    return statistics.median(walls), statistics.median(cpus), max(rss)


def first_and_again(argv: list[str], work: Path, repeat: int) -> tuple[Measure, Measure]:
    """`repeat` first renders (into fresh folders) and `repeat` re-renders of them."""
    first, again = [], []
    for r in range(repeat):
        out = work / f"out{r}"
        first.append(run([*argv, "-o", str(out)]))
        again.append(run([*argv, "-o", str(out)]))
    shutil.rmtree(work)
    return median(first), median(again)


def line(label: str, m: Measure, n: int = 1) -> str:
    wall, cpu, rss = m
    return (
        f"{label:<22} {wall:7.3f} s wall ({wall / n * 1000:6.2f} ms/profile), "
        f"{cpu:7.3f} s CPU, peak RSS {rss / 1024:5.1f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the median counts")
    parser.add_argument(
        "--dir", default=None, help="where to put profiles and bundles (default: the temp dir)"
    )
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "generator")], check=True)
    tool = str(Path(sys.executable).parent / "qemu-netgen")
    rng = random.Random(1)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        src = Path(tmp) / "profiles"
        src.mkdir()
        paths = []
        for i in range(max(args.sizes)):
            path = src / f"host{i:05d}.yaml"
            path.write_text(profile(i, rng))
            paths.append(str(path))
        run([tool, "render", paths[0], "-o", str(Path(tmp) / "warm-out")])  # the page cache
        print(
            f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, output under {tmp}"
        )
        single = first_and_again([tool, "render", paths[0]], Path(tmp) / "one", 9)
        print(line("single, first render", single[0]))
        print(line("single, re-render", single[1]))
        results = {}
        for n in args.sizes:
            results[n] = first_and_again(
                [tool, "render", *paths[:n]], Path(tmp) / f"n{n}", args.repeat
            )
            print(line(f"{n:>5}, first render", results[n][0], n))
            print(line(f"{n:>5}, re-render", results[n][1], n))
        for kind, k in (("first render", 0), ("re-render", 1)):
            if 1000 in results:
                print(
                    f"{kind}: 1,000 profiles / single = "
                    f"{results[1000][k][0] / single[k][0]:.1f}x wall, "
                    f"{results[1000][k][1] / single[k][1]:.1f}x CPU (target < 10x)"
                )
            if 1000 in results and 5000 in results:
                print(
                    f"{kind}: 5,000 / 1,000 = {results[5000][k][0] / results[1000][k][0]:.2f}x wall, "
                    f"{results[5000][k][1] / results[1000][k][1]:.2f}x CPU (target <= 5.5x)"
                )


if __name__ == "__main__":
    main()
