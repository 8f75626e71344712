#!/usr/bin/env python3
"""Single render, whole process, side by side with `virt-install --print-xml` (libvirt's
test driver: it prints a domain's XML and touches nothing), interleaved, N runs each:
median wall time and peak memory (the child's own maximum resident set, from wait4).

    .venv/bin/python bench/single_render.py [--runs 21]

Two kinds of render are timed:

* changed   -- the profile's bytes change on every run (a comment line), so it is read,
  validated, planned and rendered, and the bundle on disk compared and rewritten;
* unchanged -- the bundle already matches: the same work, and nothing is written.

There is no cache of any kind: every run does the whole work. Standard library only;
virt-install comes from Debian's virtinst package (not a dependency of the project).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIRT_INSTALL = [
    "virt-install",
    "--connect",
    "test:///default",
    "--print-xml",
    "--name",
    "vm1",
    "--memory",
    "4096",
    "--vcpus",
    "1",
    "--disk",
    "none",
    "--network",
    "network=default,mac=00:16:3e:0c:12:78",
    "--import",
    "--osinfo",
    "detect=off,require=off",
    "--graphics",
    "vnc,port=5907",
]


def run(argv: list[str], before: Callable[[], None] = lambda: None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one run of ``argv``."""
    before()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{argv[0]} failed ({proc.returncode}): {' '.join(argv)}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    if shutil.which("virt-install") is None:
        raise SystemExit("virt-install not found: apt-get install virtinst (for this benchmark)")
    # bytecode for the package (PYTHONDONTWRITEBYTECODE may keep Python from writing it)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
    tool = str(Path(sys.executable).parent / "qemu-netgen")
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "out")
        nat = ROOT / "profiles" / "nat.yaml"
        edited = Path(tmp) / "nat.yaml"
        counter = iter(range(1_000_000))

        def edit() -> None:
            edited.write_text(nat.read_text() + f"# edit {next(counter)}\n")

        measures: dict[str, tuple[list[str], Callable[[], None]]] = {
            "virt-install --print-xml (test driver)": (VIRT_INSTALL, lambda: None),
            "render, changed profile": ([tool, "render", str(edited), "-o", out], edit),
            "render, unchanged profile": ([tool, "render", str(nat), "-o", out], lambda: None),
        }
        times: dict[str, list[float]] = {name: [] for name in measures}
        peaks: dict[str, list[int]] = {name: [] for name in measures}
        for argv, before in measures.values():  # warm the page cache
            run(argv, before)
        for _ in range(args.runs):
            for name, (argv, before) in measures.items():
                seconds, peak = run(argv, before)
                times[name].append(seconds)
                peaks[name].append(peak)
    print(
        f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, {args.runs} runs each"
    )
    base = statistics.median(next(iter(times.values())))
    base_peak = statistics.median(next(iter(peaks.values())))
    for name in measures:
        median = statistics.median(times[name])
        peak = statistics.median(peaks[name])
        print(
            f"{name:<40} median {median * 1000:5.0f} ms ({median / base:.2f}x)"
            f"  peak {peak / 1024:5.1f} MiB ({peak / base_peak:.2f}x)"
        )
    print("target: a changed profile's render within 1.30x virt-install, peak memory below it")


if __name__ == "__main__":
    main()
