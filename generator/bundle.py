"""Writing bundles: stage next to the target, then swap; and ``--diff`` against disk.

A bundle is replaced as a whole. The new files are written into a staging folder in the
same parent; only when every file is written is the staging folder swapped in (an atomic
exchange where the kernel offers ``renameat2``, else two renames with roll-back). Any
failure before that leaves the previous bundle untouched and removes the staging folder.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from generator.errors import OutputError
from generator.manifest import MARKER, RenderedFile, extra_files, safe_relative

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False where the system cannot."""
    import ctypes  # only here: importing it costs a fresh process a few milliseconds

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def is_bundle(folder: Path) -> bool:
    return (folder / MARKER).is_file() and not (folder / MARKER).is_symlink()


def _refuse_unless_forced(dest: Path, force: bool) -> None:
    if dest.is_symlink():
        if not force:
            raise OutputError(
                f"{dest} is a symbolic link, not a bundle folder; use --force to replace the link"
            )
        dest.unlink()
        return
    if not dest.exists():
        return
    if not dest.is_dir():
        if not force:
            raise OutputError(f"{dest} exists and is not a folder; use --force to replace it")
        dest.unlink()
        return
    if not is_bundle(dest) and any(dest.iterdir()) and not force:
        raise OutputError(
            f"{dest} exists and is not a qemu-netgen bundle (no {MARKER} file); "
            "use --force to replace it"
        )


def _write_tree(root: Path, files: Iterable[RenderedFile]) -> None:
    made = {root}
    for item in files:
        target = root.joinpath(*safe_relative(item.path).parts)
        if target.parent not in made:  # one mkdir per folder, not one per file
            target.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
            made.add(target.parent)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, item.mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(item.text.encode())
            os.fchmod(fh.fileno(), item.mode)


def write_bundle(files: Iterable[RenderedFile], dest: Path, *, force: bool = False) -> None:
    """Replace ``dest`` with exactly ``files``; all or nothing."""
    parent = dest.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _refuse_unless_forced(dest, force)
        staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.staging-", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write {dest}: {exc.strerror or exc}") from None
    try:
        _write_tree(staging, files)
        staging.chmod(0o755)
        if dest.exists():
            if _exchange(staging, dest):
                shutil.rmtree(staging)  # now holds the previous bundle
                return
            old = Path(tempfile.mkdtemp(prefix=f".{dest.name}.old-", dir=parent))
            os.rename(dest, old / "bundle")
            try:
                os.rename(staging, dest)
            except OSError:
                os.rename(old / "bundle", dest)
                raise
            shutil.rmtree(old)
        else:
            os.rename(staging, dest)
    except OSError as exc:
        raise OutputError(f"cannot write {dest}: {exc.strerror or exc}") from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _text_of(path: Path) -> list[str]:
    try:
        return path.read_text(errors="replace").splitlines(keepends=True)
    except (FileNotFoundError, IsADirectoryError):
        return []


def diff_bundle(files: Iterable[RenderedFile], dest: Path) -> list[str]:
    """A unified diff from the bundle on disk to a fresh render (nothing is written)."""
    import difflib

    lines: list[str] = []
    expected: set[str] = set()
    for item in files:
        expected.add(item.path)
        target = dest.joinpath(*safe_relative(item.path).parts)
        old = _text_of(target) if target.is_file() and not target.is_symlink() else []
        new = item.text.splitlines(keepends=True)
        exists = target.is_file()
        lines += difflib.unified_diff(
            old, new, f"a/{item.path}" if exists else "/dev/null", f"b/{item.path}"
        )
        if exists and bool(target.stat().st_mode & stat.S_IXUSR) != bool(item.mode & stat.S_IXUSR):
            lines.append(
                f"mode of {item.path}: {stat.S_IMODE(target.stat().st_mode):o} -> {item.mode:o}\n"
            )
    if dest.is_dir():
        for rel in extra_files(dest, expected):
            lines += difflib.unified_diff(_text_of(dest / rel), [], f"a/{rel}", "/dev/null")
    return [
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    ]
