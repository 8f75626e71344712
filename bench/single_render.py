#!/usr/bin/env python3
"""Single render, whole process: `qemu-netgen render profiles/nat.yaml` against the floor
`python -c "import typer, jinja2, yaml, pydantic"`, interleaved, median of N runs each.

    .venv/bin/python bench/single_render.py [--runs 21]

Three kinds of render are timed, because they do different work:

* unchanged -- the profile's bytes were rendered before and the bundle matches: answered from
  the render record (a pre-commit hook or CI check over profiles that did not change; a fleet
  re-render where few did);
* changed   -- the profile's bytes are new on every run (a comment line changes), so it is
  read, validated, planned and rendered, and the bundle compared (an edited profile);
* no cache  -- QEMU_NETGEN_NO_CACHE=1: no records and no compiled templates either (a first
  run on a new machine).

Standard library only. Prints one line per measure and each ratio to the floor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(argv: list[str], env: dict[str, str], before: Callable[[], None] = lambda: None) -> float:
    before()
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    # bytecode for the package (PYTHONDONTWRITEBYTECODE may keep Python from writing it)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
    tool = str(Path(sys.executable).parent / "qemu-netgen")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_CACHE_HOME=str(Path(tmp) / "cache"))
        env.pop("QEMU_NETGEN_NO_CACHE", None)
        no_cache = dict(env, QEMU_NETGEN_NO_CACHE="1")
        out = str(Path(tmp) / "out")
        nat = ROOT / "profiles" / "nat.yaml"
        edited = Path(tmp) / "nat.yaml"
        counter = iter(range(1_000_000))

        def edit() -> None:
            edited.write_text(nat.read_text() + f"# edit {next(counter)}\n")

        measures: dict[str, tuple[list[str], dict[str, str], Callable[[], None]]] = {
            "floor (import typer, jinja2, yaml, pydantic)": (
                [sys.executable, "-c", "import typer, jinja2, yaml, pydantic"],
                env,
                lambda: None,
            ),
            "render, unchanged profile": ([tool, "render", str(nat), "-o", out], env, lambda: None),
            "render, changed profile": ([tool, "render", str(edited), "-o", out], env, edit),
            "render, no cache (QEMU_NETGEN_NO_CACHE=1)": (
                [tool, "render", str(nat), "-o", out],
                no_cache,
                lambda: None,
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in measures}
        for argv, run_env, before in measures.values():  # warm the page cache and the caches
            wall(argv, run_env, before)
        for _ in range(args.runs):
            for name, (argv, run_env, before) in measures.items():
                times[name].append(wall(argv, run_env, before))
    print(
        f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, {args.runs} runs each"
    )
    floor = statistics.median(next(iter(times.values())))
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<45} median {median * 1000:5.0f} ms  {median / floor:.2f}x the floor")
    print("target: a single render within 1.30x the floor")


if __name__ == "__main__":
    main()
