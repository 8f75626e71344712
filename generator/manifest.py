"""A bundle as a manifest (path, mode, SHA-256 of each file), and how a folder differs from one.

``render --check`` and the "is there anything to write" test of ``render`` use the same
comparison. A bundle folder is only scanned: nothing in it is opened unless it is a regular
file (opened without following links and without blocking), so a planted link, FIFO or
device is named as a difference, never read.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import OutputError

MARKER = ".qemu-netgen"

# (path relative to the bundle, mode, SHA-256 of the content in hex)
Entry = tuple[str, int, str]


@dataclass(frozen=True)
class RenderedFile:
    path: str  # relative to the bundle folder, '/'-separated
    text: str
    mode: int


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest(files: Iterable[RenderedFile]) -> list[Entry]:
    return [(f.path, f.mode, digest(f.text.encode())) for f in files]


def safe_relative(path: str) -> PurePosixPath:
    if not plain_path(path):
        raise OutputError(f"refusing to write {path!r}: not a plain path inside the bundle")
    return PurePosixPath(path)


def plain_path(path: str) -> bool:
    """A relative path without empty, ``.`` or ``..`` parts."""
    return not path.startswith("/") and all(p not in ("", ".", "..") for p in path.split("/"))


KINDS = {
    stat.S_IFREG: "file",
    stat.S_IFDIR: "folder",
    stat.S_IFLNK: "symbolic link",
    stat.S_IFIFO: "FIFO",
    stat.S_IFSOCK: "socket",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
}


def kind_of(st_mode: int) -> str:
    return KINDS.get(stat.S_IFMT(st_mode), "special file")


FOLDER_MODE = 0o755
MAX_FILE_BYTES = 16 * 1024 * 1024  # a bundle file is a few KiB: a larger one differs, unread


def scan(root: Path) -> tuple[dict[str, int], dict[str, str]]:
    """Every entry under the folder ``root`` as ``relative path -> st_mode``, and the entries
    that could not be read (``relative path -> why``). Links are not followed and nothing
    is opened: a FIFO, a device or a link to one is only named."""
    found: dict[str, int] = {}
    unreadable: dict[str, str] = {}
    pending = [""]
    while pending:
        prefix = pending.pop()
        try:
            with os.scandir(f"{root}/{prefix}" if prefix else root) as listing:
                for entry in listing:
                    rel = prefix + entry.name
                    try:
                        mode = entry.stat(follow_symlinks=False).st_mode
                    except OSError as exc:
                        unreadable[rel] = exc.strerror or str(exc)
                        continue
                    found[rel] = mode
                    if stat.S_ISDIR(mode):
                        pending.append(rel + "/")
        except OSError as exc:
            unreadable[prefix.rstrip("/") or "."] = exc.strerror or str(exc)
    return found, unreadable


def shown(path: Path | str) -> str:
    """A path for a message: characters that do not print (a planted name with a carriage
    return or a terminal escape) are written as escapes."""
    text = str(path)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def folder_problem(dest: Path) -> str | None:
    """Why ``dest`` cannot be read as a bundle folder (missing, a link, a file...), or None."""
    try:
        mode = os.lstat(dest).st_mode
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return None
    return f"a {kind_of(mode)}, not a bundle folder"


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes | None:
    """The bytes of the regular file at ``path``, opened without following a link and
    without blocking; None for anything else, for a file that cannot be read, and for one
    larger than ``limit`` (not read at all)."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        try:
            return fh.read(limit + 1)
        except OSError:
            return None


def differences(entries: Iterable[Entry], dest: Path) -> list[str]:
    """What differs between the bundle ``entries`` describe and the folder ``dest``, one line
    each: missing files, entries that are not regular files, other content, another mode or
    owner (a bundle's files belong to the user who renders it), and every entry that is not
    the bundle's. Nothing but regular files is ever opened."""
    problem = folder_problem(dest)
    if problem is not None:
        return [f"{shown(dest)}: {problem}"]
    found, unreadable = scan(dest)
    lines = [f"{shown(dest / rel)}: cannot be read ({why})" for rel, why in unreadable.items()]
    expected: set[str] = set()
    for path, mode, sha256 in entries:
        safe_relative(path)
        expected.add(path)
        target = dest / path
        st_mode = found.get(path)
        if st_mode is None:
            lines.append(f"{shown(target)}: missing")
        elif not stat.S_ISREG(st_mode):
            lines.append(f"{shown(target)}: a {kind_of(st_mode)}, not a regular file")
        elif stat.S_IMODE(st_mode) != mode:
            lines.append(f"{shown(target)}: mode {stat.S_IMODE(st_mode):o}, expected {mode:o}")
        elif (owner := owner_of(target)) != os.geteuid():
            lines.append(f"{shown(target)}: owned by uid {owner}, not by the user rendering")
        elif (data := read_regular(target)) is None or digest(data) != sha256:
            lines.append(f"{shown(target)}: content differs")
    for folder, folder_mode, owner in bundle_folders(dest, found, expected):
        if owner not in (os.geteuid(), None):
            lines.append(f"{shown(dest / folder)}: owned by uid {owner}, not by the user rendering")
        if folder_mode != FOLDER_MODE:
            lines.append(f"{shown(dest / folder)}: mode {folder_mode:o}, expected {FOLDER_MODE:o}")
    return lines + [
        f"{shown(dest / rel)}: not part of the bundle" for rel in foreign(found, expected)
    ]


def owner_of(path: Path) -> int | None:
    """Who owns ``path`` (not following a link); None if it is gone."""
    try:
        return os.lstat(path).st_uid
    except OSError:
        return None


def bundle_folders(
    dest: Path, found: dict[str, int], expected: Iterable[str]
) -> list[tuple[str, int, int | None]]:
    """The bundle folder (``"."``) and every folder of it that holds an expected file, as
    (relative path, permission bits, owner): what is compared with :data:`FOLDER_MODE` and
    the user rendering."""
    folders = [(".", os.lstat(dest).st_mode)]
    folders += [(f, found[f]) for f in sorted(folders_of(expected)) if f in found]
    return [
        (folder, stat.S_IMODE(mode), owner_of(dest / folder))
        for folder, mode in folders
        if stat.S_ISDIR(mode)
    ]


def folders_of(expected: Iterable[str]) -> set[str]:
    """Every folder (inside the bundle) that holds one of the ``expected`` files."""
    folders = {rel.rsplit("/", 1)[0] for rel in expected if "/" in rel}
    return {f.rsplit("/", i)[0] for f in folders for i in range(f.count("/") + 1)}


def foreign(found: dict[str, int], expected: set[str]) -> list[str]:
    """The entries of ``found`` that are not the bundle's, in path order: files, links and
    other entries that are not ``expected`` (a file or link where one of its folders belongs
    too), and folders that hold none of its files (named once, not what is inside them)."""
    ancestors = folders_of(expected)
    out = []
    for rel in sorted(found, key=lambda r: r.split("/")):
        if rel in expected or (rel in ancestors and stat.S_ISDIR(found[rel])):
            continue
        parent = rel.rsplit("/", 1)[0] if "/" in rel else ""
        if parent and parent not in ancestors:
            continue  # inside a foreign folder, which is named already
        out.append(rel)
    return out
