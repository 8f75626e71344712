"""A bundle as a manifest (path, mode, SHA-256 of each file), and how a folder differs from one.

Standard library only: an unchanged profile's bundle is checked against its recorded
manifest (see :mod:`generator.records`) without importing the renderer. ``render --check``
and the "is there anything to write" test of ``render`` use the same comparison.
"""

from __future__ import annotations

import hashlib
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
    rel = PurePosixPath(path)
    if rel.is_absolute() or not rel.parts or any(p in ("", ".", "..") for p in rel.parts):
        raise OutputError(f"refusing to write {path!r}: not a plain path inside the bundle")
    return rel


def differences(entries: Iterable[Entry], dest: Path) -> list[str]:
    """What differs between the bundle ``entries`` describe and the folder ``dest``, one line
    each: missing files, other content, another executable bit, files that do not belong."""
    if not dest.is_dir():
        return [f"{dest}: missing"]
    found: list[str] = []
    expected: set[str] = set()
    for path, mode, sha256 in entries:
        expected.add(path)
        target = dest.joinpath(*safe_relative(path).parts)
        try:
            info = target.lstat()
        except FileNotFoundError:
            found.append(f"{target}: missing")
            continue
        if not stat.S_ISREG(info.st_mode):
            found.append(f"{target}: not a regular file")
        elif digest(target.read_bytes()) != sha256:
            found.append(f"{target}: content differs")
        elif bool(info.st_mode & stat.S_IXUSR) != bool(mode & stat.S_IXUSR):
            found.append(f"{target}: mode differs (expected {mode:o})")
    for found_path in sorted(dest.rglob("*")):
        rel = found_path.relative_to(dest).as_posix()
        if (found_path.is_file() or found_path.is_symlink()) and rel not in expected:
            found.append(f"{found_path}: not part of the bundle")
    return found
