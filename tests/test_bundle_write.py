"""Staged, atomic output: a failure leaves the previous bundle exactly as it was."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from generator import bundle
from generator.bundle import write_bundle
from generator.errors import OutputError
from generator.manifest import RenderedFile, differences, manifest
from tests.conftest import ROOT, render_path


def snapshot_tree(root: Path) -> dict[str, bytes | str]:
    tree: dict[str, bytes | str] = {}
    for p in sorted(root.rglob("*")):
        rel = str(p.relative_to(root))
        tree[rel] = (
            f"-> {os.readlink(p)}" if p.is_symlink() else p.read_bytes() if p.is_file() else "dir"
        )
    return tree


@pytest.fixture
def files() -> list[RenderedFile]:
    return render_path(ROOT / "profiles" / "nat.yaml")


@pytest.fixture
def old_bundle(tmp_path: Path, files: list[RenderedFile]) -> Path:
    dest = tmp_path / "out" / "nat"
    write_bundle([RenderedFile(f.path, "old " + f.text, f.mode) for f in files], dest)
    return dest


@pytest.mark.parametrize("fail_at", [1, 4, 9])
def test_failure_on_the_nth_file_keeps_the_old_bundle(
    old_bundle: Path, files: list[RenderedFile], fail_at: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot_tree(old_bundle.parent)
    real_open = os.open
    calls = {"n": 0}

    def failing_open(path: str, flags: int, mode: int = 0o777, **kw: int) -> int:
        if kw:  # shutil.rmtree's own opens, while cleaning up
            return real_open(path, flags, mode, **kw)
        calls["n"] += 1
        if calls["n"] == fail_at:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, flags, mode)

    monkeypatch.setattr(bundle.os, "open", failing_open)
    with pytest.raises(OutputError, match="No space left on device"):
        write_bundle(files, old_bundle)
    assert calls["n"] == fail_at
    assert snapshot_tree(old_bundle.parent) == before  # same bytes, no staging folder left


def test_a_bad_path_midway_keeps_the_old_bundle(
    old_bundle: Path, files: list[RenderedFile]
) -> None:
    before = snapshot_tree(old_bundle.parent)
    poisoned = [*files[:3], RenderedFile("../escaped.sh", "x", 0o755), *files[3:]]
    with pytest.raises(OutputError, match="not a plain path inside the bundle"):
        write_bundle(poisoned, old_bundle)
    assert snapshot_tree(old_bundle.parent) == before
    assert not (old_bundle.parent / "escaped.sh").exists()


def test_success_replaces_everything(old_bundle: Path, files: list[RenderedFile]) -> None:
    write_bundle(files, old_bundle)
    assert differences(manifest(files), old_bundle) == []
    assert [p.name for p in old_bundle.parent.iterdir()] == ["nat"]


def test_without_atomic_exchange_the_fallback_also_works(
    old_bundle: Path, files: list[RenderedFile], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle, "_exchange", lambda a, b: False)
    write_bundle(files, old_bundle)
    assert differences(manifest(files), old_bundle) == []
    assert [p.name for p in old_bundle.parent.iterdir()] == ["nat"]


def test_a_planted_symlink_inside_the_bundle_is_not_followed(
    old_bundle: Path, files: list[RenderedFile], tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    import shutil

    shutil.rmtree(old_bundle / "libvirt")
    (old_bundle / "libvirt").symlink_to(outside)
    write_bundle(files, old_bundle)
    assert snapshot_tree(outside) == {"keep.txt": b"mine"}
    assert (old_bundle / "libvirt").is_dir() and not (old_bundle / "libvirt").is_symlink()


def test_a_bundle_path_that_is_a_symlink_is_refused(
    files: list[RenderedFile], tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    out = tmp_path / "out"
    out.mkdir()
    (out / "nat").symlink_to(outside)
    with pytest.raises(OutputError, match="is a symbolic link"):
        write_bundle(files, out / "nat")
    write_bundle(files, out / "nat", force=True)
    assert snapshot_tree(outside) == {"keep.txt": b"mine"}
    assert not (out / "nat").is_symlink()


def test_a_file_in_the_way_is_refused(files: list[RenderedFile], tmp_path: Path) -> None:
    (tmp_path / "nat").write_text("a file")
    with pytest.raises(OutputError, match="exists and is not a folder"):
        write_bundle(files, tmp_path / "nat")
    assert (tmp_path / "nat").read_text() == "a file"


def test_check_names_odd_shapes_without_following_links(
    files: list[RenderedFile], tmp_path: Path
) -> None:
    """A file where a folder belongs, a folder where a file belongs, links and a FIFO: each is
    named, none is followed or read, and nothing raises."""
    dest = tmp_path / "nat"
    write_bundle(files, dest)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "default.xml").write_bytes((dest / "libvirt" / "default.xml").read_bytes())
    shutil.rmtree(dest / "qemu")
    (dest / "qemu").write_text("a file where a folder belongs\n")
    (dest / "README.md").unlink()
    (dest / "README.md").mkdir()
    shutil.rmtree(dest / "libvirt")
    (dest / "libvirt").symlink_to(outside)  # same content, behind a link
    (dest / "preflight.sh").unlink()
    (dest / "preflight.sh").symlink_to(outside / "default.xml")
    os.mkfifo(dest / "fifo")
    assert differences(manifest(files), dest) == [
        f"{dest}/README.md: a folder, not a regular file",
        f"{dest}/libvirt/default.xml: missing",
        f"{dest}/libvirt/hooks/network: missing",
        f"{dest}/libvirt/hooks/qemu-netgen-nat-default: missing",
        f"{dest}/preflight.sh: a symbolic link, not a regular file",
        f"{dest}/qemu/bridge.conf: missing",
        f"{dest}/fifo: not part of the bundle",
        f"{dest}/libvirt: not part of the bundle",
        f"{dest}/qemu: not part of the bundle",
    ]


def test_a_previous_bundle_that_cannot_be_removed_is_a_warning_not_a_failure(
    old_bundle: Path, files: list[RenderedFile], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new bundle is in place: the write succeeded, and the operator is told where the
    previous one was left."""

    def refuse(path: object, *a: object, **k: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(bundle.shutil, "rmtree", refuse)
    warnings: list[str] = []
    write_bundle(files, old_bundle, warn=warnings.append)
    assert differences(manifest(files), old_bundle) == []
    [warning] = warnings
    assert warning.startswith(
        f"{old_bundle}: written, but the previous bundle could not be removed"
    )
    assert warning.endswith("(Permission denied); remove it by hand")
    left = [p for p in old_bundle.parent.iterdir() if p.name.startswith(".nat.")]
    assert len(left) == 1 and (left[0] / "README.md").read_text().startswith("old ")
    assert str(left[0]) in warning
