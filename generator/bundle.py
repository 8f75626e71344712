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
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.errors import OutputError
from generator.manifest import (
    FOLDER_MODE,
    MARKER,
    RenderedFile,
    bundle_folders,
    folder_problem,
    foreign,
    kind_of,
    owner_of,
    read_regular,
    safe_relative,
    scan,
    shown,
)

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
            target.parent.mkdir(parents=True, exist_ok=True)
            for folder in (target.parent, *target.parent.parents):
                if folder == root:
                    break
                folder.chmod(FOLDER_MODE)  # whatever the umask: --check compares folder modes
            made.add(target.parent)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, item.mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(item.text.encode())
            os.fchmod(fh.fileno(), item.mode)


def write_bundle(
    files: Iterable[RenderedFile],
    dest: Path,
    *,
    force: bool = False,
    warn: Callable[[str], None] = lambda _: None,
) -> None:
    """Replace ``dest`` with exactly ``files``; all or nothing. Once the new bundle is in
    place, a previous one that cannot be removed is only warned about (the write is done)."""
    parent = dest.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(f"cannot write {shown(dest)}: {shown(parent)} is not a folder")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _refuse_unless_forced(dest, force)
        staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.staging-", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write {dest}: {exc.strerror or exc}") from None
    leftover: Path | None = None  # the previous bundle, once the new one is in place
    try:
        _write_tree(staging, files)
        staging.chmod(FOLDER_MODE)
        if not dest.exists():
            os.rename(staging, dest)
        elif _exchange(staging, dest):
            leftover = staging  # now holds the previous bundle
        else:
            old = Path(tempfile.mkdtemp(prefix=f".{dest.name}.old-", dir=parent))
            os.rename(dest, old / "bundle")
            try:
                os.rename(staging, dest)
            except OSError:
                os.rename(old / "bundle", dest)
                os.rmdir(old)
                raise
            leftover = old
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {dest}: {exc.strerror or exc}") from None
        raise
    if leftover is not None:
        try:
            shutil.rmtree(leftover)
        except OSError as exc:
            warn(
                f"{dest}: written, but the previous bundle could not be removed from {leftover}"
                f" ({exc.strerror or exc}); remove it by hand"
            )


MAX_DIFF_BYTES = 1024 * 1024  # a bundle file is a few KiB; a larger one is shown cut


def _lines(data: bytes | None) -> list[str]:
    if data is None:
        return []
    return data.decode(errors="replace").splitlines(keepends=True)


def _read_for_diff(path: Path, label: str, notes: list[str]) -> bytes | None:
    """A regular file's bytes for the diff; a note when it cannot be read or is too large."""
    data = read_regular(path, MAX_DIFF_BYTES)
    if data is None:
        notes.append(f"# {label}: unreadable or over {MAX_DIFF_BYTES} bytes; not read\n")
    return data


def diff_bundle(files: Iterable[RenderedFile], dest: Path) -> list[str]:
    """A unified diff from the bundle on disk to a fresh render (nothing is written). Only
    regular files are read; anything else in the folder, or a folder that is not one, is
    named in a ``#`` line and diffed as if absent."""
    import difflib

    notes: list[str] = []
    problem = folder_problem(dest)
    found: dict[str, int] = {}
    if problem is None:
        found, unreadable = scan(dest)
        notes += [f"# {shown(rel)}: cannot be read ({why})\n" for rel, why in unreadable.items()]
    elif problem != "missing":
        notes.append(f"# {shown(dest)}: {problem}; not read\n")
    lines: list[str] = []
    expected: set[str] = set()
    for item in files:
        expected.add(item.path)
        target = dest.joinpath(*safe_relative(item.path).parts)
        st_mode = found.get(item.path)
        old: bytes | None = None
        if st_mode is not None and stat.S_ISREG(st_mode):
            old = _read_for_diff(target, item.path, notes)
        elif st_mode is not None:
            notes.append(f"# {item.path}: a {kind_of(st_mode)}, not a regular file; not read\n")
        lines += difflib.unified_diff(
            _lines(old),
            item.text.splitlines(keepends=True),
            f"a/{item.path}" if old is not None else "/dev/null",
            f"b/{item.path}",
        )
        if old is not None and (owner := owner_of(target)) not in (os.geteuid(), None):
            notes.append(f"# {item.path}: owned by uid {owner}, not by the user rendering\n")
        if old is not None and st_mode is not None and stat.S_IMODE(st_mode) != item.mode:
            lines.append(f"mode of {item.path}: {stat.S_IMODE(st_mode):o} -> {item.mode:o}\n")
    if problem is None:
        for folder, folder_mode, owner in bundle_folders(dest, found, expected):
            if owner not in (os.geteuid(), None):
                notes.append(f"# {folder}/: owned by uid {owner}, not by the user rendering\n")
            if folder_mode != FOLDER_MODE:
                lines.append(f"mode of {folder}/: {folder_mode:o} -> {FOLDER_MODE:o}\n")
    for rel in foreign(found, expected):
        st_mode = found[rel]
        if stat.S_ISREG(st_mode):
            old = _read_for_diff(dest / rel, shown(rel), notes)
            gone = list(difflib.unified_diff(_lines(old), [], f"a/{shown(rel)}", "/dev/null"))
            lines += gone or [f"--- a/{shown(rel)}\n", "+++ /dev/null\n"]  # an empty file too
        else:
            notes.append(f"# {shown(rel)}: a {kind_of(st_mode)} that is not part of the bundle\n")
    return notes + [
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    ]
