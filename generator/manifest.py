"""A bundle as a manifest (path, mode, SHA-256 of each file), and how a folder differs from one.

Standard library only: an unchanged profile's bundle is checked against its recorded
manifest (see :mod:`generator.records`) without importing the renderer. ``render --check``
and the "is there anything to write" test of ``render`` use the same comparison.
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


def _scan(root: str) -> tuple[dict[str, tuple[str, int]], list[str]]:
    """Every entry under ``root`` as ``rel -> (kind, st_mode)``, and the files and symbolic
    links among them (what can be "not part of the bundle"). Links are not followed."""
    found: dict[str, tuple[str, int]] = {}
    leaves: list[str] = []
    pending = [""]
    while pending:
        prefix = pending.pop()
        with os.scandir(f"{root}/{prefix}" if prefix else root) as listing:
            for entry in listing:
                rel = prefix + entry.name
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISLNK(info.st_mode) or stat.S_ISREG(info.st_mode):
                    leaves.append(rel)
                    found[rel] = ("file" if stat.S_ISREG(info.st_mode) else "link", info.st_mode)
                elif stat.S_ISDIR(info.st_mode):
                    found[rel] = ("dir", info.st_mode)
                    pending.append(rel + "/")
                else:
                    found[rel] = ("other", info.st_mode)
    return found, leaves


def differences(entries: Iterable[Entry], dest: Path) -> list[str]:
    """What differs between the bundle ``entries`` describe and the folder ``dest``, one line
    each: missing files, other content, another executable bit, files that do not belong."""
    if not dest.is_dir():
        return [f"{dest}: missing"]
    root = str(dest)
    found, leaves = _scan(root)
    lines: list[str] = []
    expected: set[str] = set()
    for path, mode, sha256 in entries:
        safe_relative(path)
        expected.add(path)
        target = f"{root}/{path}"
        kind, st_mode = found.get(path, ("missing", 0))
        if kind == "missing":
            lines.append(f"{target}: missing")
        elif kind != "file":
            lines.append(f"{target}: not a regular file")
        elif _file_digest(target) != sha256:
            lines.append(f"{target}: content differs")
        elif bool(st_mode & stat.S_IXUSR) != bool(mode & stat.S_IXUSR):
            lines.append(f"{target}: mode differs (expected {mode:o})")
    return lines + [f"{root}/{rel}: not part of the bundle" for rel in _extras(leaves, expected)]


def extra_files(dest: Path, expected: Iterable[str]) -> list[str]:
    """The files and links under the folder ``dest`` that are not ``expected`` (relative
    paths, in path order): what :func:`differences` calls "not part of the bundle"."""
    return _extras(_scan(str(dest))[1], set(expected))


def _extras(leaves: list[str], expected: set[str]) -> list[str]:
    return sorted((rel for rel in leaves if rel not in expected), key=lambda r: r.split("/"))


def _file_digest(path: str) -> str:
    with open(path, "rb") as fh:
        return digest(fh.read())
