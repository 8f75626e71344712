#!/usr/bin/env python3
"""Fleet renders: N distinct generated profiles (mixed modes, 1-4 VMs each) in one call of
`qemu-netgen render`, for N in 100, 1,000 and 5,000; wall time and the peak memory (max
RSS) of that process.

    .venv/bin/python bench/fleet.py [--sizes 100 1000 5000]

Standard library only (os.wait4 gives the child's own resource usage).
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


def median_run(argv: list[str], out: Path, repeat: int) -> tuple[float, float, int]:
    """The median of `repeat` runs (wall, CPU) and the largest peak RSS; a fresh output each."""
    runs = []
    for r in range(repeat):
        runs.append(run([*argv, "-o", str(out / str(r))]))
    walls, cpus, rss = zip(*runs)
    return statistics.median(walls), statistics.median(cpus), max(rss)


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
        single, single_cpu, _ = median_run([tool, "render", paths[0]], Path(tmp) / "one", 5)
        print(
            f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, output under {tmp}"
        )
        print(
            f"single render: {single * 1000:.0f} ms wall, {single_cpu * 1000:.0f} ms CPU (median of 5)"
        )
        results = {}
        for n in args.sizes:
            out = Path(tmp) / f"out{n}"
            elapsed, cpu, rss = median_run([tool, "render", *paths[:n]], out, args.repeat)
            results[n] = (elapsed, cpu)
            print(
                f"{n:>5} profiles: {elapsed:6.2f} s wall ({elapsed / n * 1000:5.2f} ms/profile), "
                f"{cpu:6.2f} s CPU, peak RSS {rss / 1024:5.1f} MiB"
            )
            shutil.rmtree(out)
        if 1000 in results:
            print(
                f"1,000 profiles / single render: {results[1000][0] / single:.1f}x wall, "
                f"{results[1000][1] / single_cpu:.1f}x CPU (target < 10x)"
            )
        if 1000 in results and 5000 in results:
            print(
                f"5,000 / 1,000: {results[5000][0] / results[1000][0]:.2f}x wall, "
                f"{results[5000][1] / results[1000][1]:.2f}x CPU (target <= 5.5x)"
            )


if __name__ == "__main__":
    main()
