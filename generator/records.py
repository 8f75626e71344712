"""Render records: what a profile's exact bytes rendered to, kept between runs.

A record maps (the generator's fingerprint, a profile file's bytes) to the bundle's name and
manifest (path, mode and SHA-256 of every file). With a record, ``render``, ``render --check``
and ``validate`` of an unchanged profile need neither the YAML loader, pydantic nor Jinja:
the bundle on disk is compared with the manifest, file by file. A record never supplies a
file's content, so anything that differs goes the full way (parse, validate, plan, render).

The fingerprint covers everything a render depends on besides the profile: the generator's
own code and templates (by content), the Python version, and the installed files of the
libraries that parse, validate and render (by name, size and modification time).

Records live in ``<cache>/renders/<fingerprint>/``, one small file per profile version,
written atomically; a new generator version starts a new folder and drops all but the most
recent others. Standard library only. Anything unreadable is a miss; anything unwritable is
skipped: the cache can make a run faster, never wrong and never failed.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import shutil
import sys
from pathlib import Path
from typing import NamedTuple

from generator.locations import PACKAGE, cache_dir, templates_dir
from generator.manifest import Entry

HEADER = "qemu-netgen render record 1\n"
# libraries whose behaviour shapes a bundle (PyYAML parses, pydantic validates, Jinja renders)
LIBRARIES = ("yaml", "pydantic", "pydantic_core", "annotated_types", "jinja2", "markupsafe")
KEEP_GENERATIONS = 3


class Record(NamedTuple):
    name: str  # the bundle's name (the profile's ``name``)
    entries: list[Entry]


def _own_files() -> list[Path]:
    roots = [PACKAGE]
    templates = templates_dir()
    if not templates.is_relative_to(PACKAGE):  # a checkout: templates/ beside generator/
        roots.append(templates)
    found = []
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            found += [Path(folder, n) for n in sorted(names) if not n.endswith((".pyc", ".pyo"))]
    return found


def _library_files(name: str) -> list[tuple[str, int, int]]:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return [(name, 0, 0)]
    folder = Path(spec.origin).parent if spec.submodule_search_locations else Path(spec.origin)
    if not folder.is_dir():
        info = folder.stat()
        return [(str(folder), info.st_mtime_ns, info.st_size)]
    listing = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file():
                info = entry.stat()
                listing.append((entry.path, info.st_mtime_ns, info.st_size))
    return sorted(listing)


def fingerprint() -> str:
    """What, besides the profile, decides the bundle: this code, its templates, its libraries."""
    h = hashlib.sha256(HEADER.encode())
    h.update(f"{sys.implementation.name} {sys.version}\n".encode())
    for path in _own_files():
        h.update(f"{path.relative_to(PACKAGE.parent)}\n".encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    for library in LIBRARIES:
        for name, mtime, size in _library_files(library):
            h.update(f"{name} {mtime} {size}\n".encode())
    return h.hexdigest()[:32]


def _format(record: Record) -> str:
    lines = [HEADER, f"name {record.name}\n"]
    lines += [f"{mode:o} {sha256} {path}\n" for path, mode, sha256 in record.entries]
    return "".join(lines)


def _parse(text: str) -> Record | None:
    header, _, rest = text.partition("\n")
    lines = rest.split("\n")
    if header + "\n" != HEADER or not lines or not lines[0].startswith("name ") or lines[-1]:
        return None
    entries: list[Entry] = []
    for line in lines[1:-1]:
        mode, sha256, path = line.split(" ", 2)
        if len(sha256) != 64 or not path:
            return None
        entries.append((path, int(mode, 8), sha256))
    name = lines[0][len("name ") :]
    if not name or "/" in name or name in (".", ".."):
        return None
    return Record(name, entries)


class Records:
    """The records in one folder; ``Records.default()`` is the operator's cache."""

    def __init__(self, root: Path | None) -> None:
        self.root = root  # None: records are turned off
        self._folder: Path | None = None

    @classmethod
    def default(cls) -> Records:
        base = cache_dir()
        return cls(base / "renders" if base is not None else None)

    def _generation(self) -> Path | None:
        if self.root is not None and self._folder is None:
            try:
                self._folder = self.root / fingerprint()
            except OSError:  # the generator's own files unreadable: no records at all
                self.root = None
        return self._folder

    def _path(self, data: bytes) -> Path | None:
        folder = self._generation()
        if folder is None:
            return None
        key = hashlib.sha256(folder.name.encode() + b"\0" + data).hexdigest()
        return folder / key[:2] / key[2:]

    def find(self, data: bytes) -> Record | None:
        """The record of a profile with exactly these bytes, if this generator made one."""
        path = self._path(data)
        if path is None:
            return None
        try:
            return _parse(path.read_text())
        except (OSError, ValueError):  # absent, unreadable or damaged: a miss
            return None

    def keep(self, data: bytes, record: Record) -> None:
        """Remember what these bytes rendered to (atomically; silently not when unwritable)."""
        path = self._path(data)
        if path is None:
            return
        fresh = not path.parent.parent.exists()
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            temporary.write_text(_format(record))
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()
        if fresh:
            self._drop_old_generations()

    def _drop_old_generations(self) -> None:
        assert self.root is not None and self._folder is not None
        with contextlib.suppress(OSError):
            others = [p for p in self.root.iterdir() if p != self._folder and p.is_dir()]
            others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
            for old in others[KEEP_GENERATIONS - 1 :]:
                shutil.rmtree(old, ignore_errors=True)
