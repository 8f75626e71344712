"""The wheel: built from the checkout, installed into a fresh venv, used from elsewhere."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT, render_path


def test_wheel_installs_and_renders_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = dist.glob("qemu_netgen-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "generator/templates/vm/launch.sh.j2" in names
    assert "generator/templates/common/lib.sh.j2" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([venv / "bin" / "pip", "install", "-q", str(wheel)], check=True)

    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(ROOT / "profiles" / "nat.yaml", work / "host.yaml")
    result = subprocess.run(
        [venv / "bin" / "qemu-netgen", "render", "host.yaml"],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "out/nat: written (19 files)\n"
    for f in render_path(ROOT / "profiles" / "nat.yaml"):
        assert (work / "out" / "nat" / f.path).read_text() == f.text, f.path
    # the installed copy uses its own templates, not the checkout's
    where = subprocess.run(
        [
            venv / "bin" / "python",
            "-c",
            "from generator.locations import templates_dir; print(templates_dir())",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(venv))
