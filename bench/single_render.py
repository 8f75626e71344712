#!/usr/bin/env python3
"""Single render, whole process: `qemu-netgen render profiles/nat.yaml` against the floor
`python -c "import typer, jinja2, yaml, pydantic"`, interleaved, median of N runs each.

    .venv/bin/python bench/single_render.py [--runs 15]

Standard library only. Prints one line per measure and the ratio render/floor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    # bytecode for the package (PYTHONDONTWRITEBYTECODE may keep Python from writing it)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
    bindir = Path(sys.executable).parent
    tool = str(bindir / "qemu-netgen")
    floor_argv = [sys.executable, "-c", "import typer, jinja2, yaml, pydantic"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        render_argv = [tool, "render", str(ROOT / "profiles" / "nat.yaml"), "-o", str(out)]
        wall(render_argv, ROOT)  # warm the page cache and the bytecode
        wall(floor_argv, ROOT)
        floors, renders = [], []
        for _ in range(args.runs):
            floors.append(wall(floor_argv, ROOT))
            renders.append(wall(render_argv, ROOT))
    floor, render = statistics.median(floors), statistics.median(renders)
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    print(
        f"floor  (import typer, jinja2, yaml, pydantic): median {floor * 1000:.0f} ms of {args.runs}"
    )
    print(
        f"render (qemu-netgen render profiles/nat.yaml):  median {render * 1000:.0f} ms of {args.runs}"
    )
    print(f"ratio render/floor: {render / floor:.2f} (target <= 1.30)")


if __name__ == "__main__":
    main()
