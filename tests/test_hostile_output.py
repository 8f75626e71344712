"""Hostile output folders: whatever is planted in a bundle folder (or as it), `render --check`
and `--diff` name it as a difference; they never read through a link, never open a FIFO or a
device, never hang and never show a traceback, and `--check` never calls such a folder "up to
date"."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT

NAT = str(ROOT / "profiles" / "nat.yaml")
SECRET = "TOP-SECRET-CONTENT"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        timeout=60,  # a FIFO that is opened would block here
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    assert cli("render", NAT, "-o", str(tmp_path / "out")).returncode == 0
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET + "\n")
    return tmp_path / "out" / "nat"


def link_to_secret(b: Path) -> None:
    (b / "README.md").unlink()
    (b / "README.md").symlink_to(b.parent.parent / "secret.txt")


def extra_link_to_secret(b: Path) -> None:
    (b / "notes.md").symlink_to(b.parent.parent / "secret.txt")


def link_to_dev_zero(b: Path) -> None:
    (b / "README.md").unlink()
    (b / "README.md").symlink_to("/dev/zero")


def extra_link_to_dev_zero(b: Path) -> None:
    (b / "zero").symlink_to("/dev/zero")


def link_loop(b: Path) -> None:
    (b / "README.md").unlink()
    (b / "README.md").symlink_to(b / "README.md")


def fifo_for_a_file(b: Path) -> None:
    (b / "README.md").unlink()
    os.mkfifo(b / "README.md")


def extra_fifo(b: Path) -> None:
    os.mkfifo(b / "pipe")


def folder_for_a_file(b: Path) -> None:
    (b / "README.md").unlink()
    (b / "README.md").mkdir()
    (b / "README.md" / "inner").write_text(SECRET)


def link_for_a_folder(b: Path) -> None:
    target = b.parent.parent / "elsewhere"
    target.mkdir()
    (target / "default.xml").write_text(SECRET)
    shutil.rmtree(b / "libvirt")
    (b / "libvirt").symlink_to(target)


def setuid_script(b: Path) -> None:
    (b / "launch-ubuntu1904.sh").chmod(0o4755)


def world_writable_script(b: Path) -> None:
    (b / "launch-ubuntu1904.sh").chmod(0o777)


def group_writable_readme(b: Path) -> None:
    (b / "README.md").chmod(0o664)


def empty_folder(b: Path) -> None:
    (b / "empty").mkdir()


def empty_extra_file(b: Path) -> None:
    (b / "extra").touch()


def owned_by_someone_else(b: Path) -> None:
    nobody = 65534
    os.chown(b / "launch-ubuntu1904.sh", nobody, nobody)
    os.chown(b / "libvirt", nobody, nobody)


def socket_file(b: Path) -> None:
    import socket

    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(b / "sock"))


def world_writable_bundle_folder(b: Path) -> None:
    b.chmod(0o777)


def world_writable_subfolder(b: Path) -> None:
    (b / "libvirt").chmod(0o777)


def huge_sparse_file(b: Path) -> None:
    with open(b / "README.md", "r+b") as fh:
        fh.truncate(3 * 1024**3)  # 3 GiB, sparse: a comparison must not read it


def name_with_a_carriage_return(b: Path) -> None:
    (b / "evil\rREADME.md").write_text("x")


def path_longer_than_the_kernel_takes(b: Path) -> None:
    fd = os.open(b, os.O_RDONLY)
    try:
        for _ in range(40):  # 40 x 200 characters: past PATH_MAX (4096)
            os.mkdir("d" * 200, dir_fd=fd)
            next_fd = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = next_fd
    finally:
        os.close(fd)


PLANTS: list[Callable[[Path], None]] = [
    link_to_secret,
    extra_link_to_secret,
    link_to_dev_zero,
    extra_link_to_dev_zero,
    link_loop,
    fifo_for_a_file,
    extra_fifo,
    folder_for_a_file,
    link_for_a_folder,
    setuid_script,
    world_writable_script,
    group_writable_readme,
    empty_folder,
    empty_extra_file,
    socket_file,
    owned_by_someone_else,
    world_writable_bundle_folder,
    world_writable_subfolder,
    huge_sparse_file,
    name_with_a_carriage_return,
    path_longer_than_the_kernel_takes,
]


@pytest.mark.parametrize("plant", PLANTS, ids=lambda f: f.__name__)
def test_check_and_diff_name_what_was_planted(bundle: Path, plant: Callable[[Path], None]) -> None:
    plant(bundle)
    out = str(bundle.parent)
    check = cli("render", NAT, "-o", out, "--check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "up to date" not in check.stdout
    assert f"{bundle}: stale" in check.stderr
    diff = cli("render", NAT, "-o", out, "--diff")
    assert diff.returncode == 1, diff.stdout + diff.stderr
    for result in (check, diff):
        assert "Traceback" not in result.stderr, result.stderr
        assert SECRET not in result.stdout + result.stderr  # never read through a link
        assert len(result.stdout) < 200_000  # /dev/zero was not read
        assert "\r" not in result.stdout + result.stderr  # planted names are shown escaped
    # render itself replaces the planted bundle, and the bundle is then up to date
    written = cli("render", NAT, "-o", out)
    assert written.returncode == 0, written.stderr
    assert "Traceback" not in written.stderr
    assert cli("render", NAT, "-o", out, "--check").returncode == 0
    assert (bundle.parent.parent / "secret.txt").read_text() == SECRET + "\n"


def test_a_bundle_folder_that_is_a_link_is_never_up_to_date(bundle: Path, tmp_path: Path) -> None:
    real = tmp_path / "real"
    bundle.rename(real)
    bundle.symlink_to(real)
    out = str(bundle.parent)
    check = cli("render", NAT, "-o", out, "--check")
    assert check.returncode == 1
    assert f"{bundle}: a symbolic link, not a bundle folder" in check.stderr
    diff = cli("render", NAT, "-o", out, "--diff")
    assert diff.returncode == 1
    assert f"# {bundle}: a symbolic link, not a bundle folder; not read" in diff.stdout
    assert "--- /dev/null" in diff.stdout and "--- a/" not in diff.stdout
    written = cli("render", NAT, "-o", out)
    assert written.returncode == 3 and "is a symbolic link" in written.stderr


def test_the_mode_is_compared_whole(bundle: Path) -> None:
    (bundle / "launch-ubuntu1904.sh").chmod(0o4755)
    check = cli("render", NAT, "-o", str(bundle.parent), "--check")
    assert f"{bundle}/launch-ubuntu1904.sh: mode 4755, expected 755" in check.stderr
    diff = cli("render", NAT, "-o", str(bundle.parent), "--diff")
    assert "mode of launch-ubuntu1904.sh: 4755 -> 755" in diff.stdout


def test_a_fifo_in_the_bundle_is_named_not_opened(bundle: Path) -> None:
    os.mkfifo(bundle / "pipe")
    (bundle / "README.md").unlink()
    os.mkfifo(bundle / "README.md")
    check = cli("render", NAT, "-o", str(bundle.parent), "--check")
    assert f"{bundle}/README.md: a FIFO, not a regular file" in check.stderr
    assert f"{bundle}/pipe: not part of the bundle" in check.stderr
    diff = cli("render", NAT, "-o", str(bundle.parent), "--diff")
    assert "# README.md: a FIFO, not a regular file; not read" in diff.stdout
    assert "# pipe: a FIFO that is not part of the bundle" in diff.stdout


def test_folder_modes_are_compared_and_written_whatever_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "out"
    old = os.umask(0o077)
    try:
        assert cli("render", NAT, "-o", str(out)).returncode == 0
    finally:
        os.umask(old)
    bundle = out / "nat"
    assert oct(bundle.stat().st_mode & 0o777) == oct(0o755)
    assert oct((bundle / "libvirt").stat().st_mode & 0o777) == oct(0o755)
    (bundle / "libvirt").chmod(0o777)
    check = cli("render", NAT, "-o", str(out), "--check")
    assert f"{bundle}/libvirt: mode 777, expected 755" in check.stderr


def test_the_stale_hint_is_one_pasteable_command(tmp_path: Path) -> None:
    odd = tmp_path / "lab; rm -rf ~"
    odd.mkdir()
    profile = odd / "nat.yaml"
    profile.write_text((ROOT / "profiles" / "nat.yaml").read_text())
    check = cli("render", str(profile), "-o", str(tmp_path / "out"), "--check")
    assert check.returncode == 1
    assert f"run: qemu-netgen render '{profile}' -o {tmp_path / 'out'}" in check.stderr
