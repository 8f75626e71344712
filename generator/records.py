"""Render records: what a profile's exact bytes rendered to, kept between runs.

A record maps (the generator's fingerprint, a profile file's bytes) to the bundle's name and
manifest (path, mode and SHA-256 of every file). With a record, ``render``, ``render --check``
and ``validate`` of an unchanged profile need neither the YAML loader, pydantic nor Jinja:
the bundle on disk is compared with the manifest, file by file. A record never supplies a
file's content, so anything that differs goes the full way (parse, validate, plan, render).

The fingerprint covers everything a render depends on besides the profile: the generator's
own code and templates (by content), the Python version, and the installed files of the
libraries that parse, validate and render (by name, size and modification time).

Records live in one SQLite file in the cache folder (``renders-1.sqlite3``), one row per
profile version; the first run of a new generator version drops the rows of all but the two
most recent older ones. Standard library only. Anything unreadable is a miss; anything
unwritable is skipped: the cache can make a run faster, never wrong and never failed.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from generator.locations import PACKAGE, cache_dir, templates_dir
from generator.manifest import Entry, plain_path

if TYPE_CHECKING:
    import sqlite3

HEADER = "qemu-netgen render record 1\n"
DATABASE = "renders-1.sqlite3"
SCHEMA = """
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS records (
    key TEXT PRIMARY KEY,
    generation TEXT NOT NULL,
    stored REAL NOT NULL,
    record TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS records_generation ON records (generation);
"""
FLUSH_EVERY = 256
# libraries whose behaviour shapes a bundle (PyYAML parses, pydantic validates, Jinja renders)
LIBRARIES = ("yaml", "pydantic", "pydantic_core", "annotated_types", "jinja2", "markupsafe")
KEEP_GENERATIONS = 3
# at most this many records (~1.2 KB each); checked after a run that kept a batch or more
MAX_RECORDS = 50_000


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
        if len(sha256) != 64 or not plain_path(path):
            return None
        entries.append((path, int(mode, 8), sha256))
    name = lines[0][len("name ") :]
    if "/" in name or not plain_path(name):  # one plain folder name
        return None
    return Record(name, entries)


class Records:
    """The render records in one SQLite file; ``Records.default()`` is the operator's cache.

    Records kept during a run are written in batches (one short transaction per
    :data:`FLUSH_EVERY`, and on :meth:`close`), so a fleet costs one commit, not a file per
    profile, and memory stays bounded. Use as a context manager, or call :meth:`close`.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path  # the database file; None: records are turned off
        self._generation: str | None = None
        self._db: sqlite3.Connection | None = None
        self._pending: dict[str, str] = {}
        self._first_of_generation: bool | None = None
        self._kept = 0

    @classmethod
    def default(cls) -> Records:
        base = cache_dir()
        return cls(base / DATABASE if base is not None else None)

    def __enter__(self) -> Records:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _off(self) -> None:
        """Something went wrong with the cache: go on without it (and say nothing)."""
        self.path = None
        self._pending.clear()
        if self._db is not None:
            with contextlib.suppress(Exception):
                self._db.close()
            self._db = None

    def _key(self, data: bytes) -> str | None:
        if self.path is not None and self._generation is None:
            try:
                self._generation = fingerprint()
            except OSError:  # the generator's own files unreadable: no records at all
                self._off()
        if self.path is None or self._generation is None:
            return None
        return hashlib.sha256(self._generation.encode() + b"\0" + data).hexdigest()

    def _connect(self, create: bool) -> sqlite3.Connection | None:
        if self._db is not None or self.path is None:
            return self._db
        if not create and not self.path.exists():
            return None
        import sqlite3  # only here: a run without records does not pay for the import

        for attempt in (1, 2):
            try:
                db = sqlite3.connect(self.path, timeout=2.0, isolation_level=None)
                db.executescript(SCHEMA)
                self._db = db
                return db
            except sqlite3.OperationalError:  # locked, read-only, no such folder: go without
                break
            except sqlite3.DatabaseError:  # not a database (damaged): it is only a cache
                if attempt == 1:
                    for suffix in ("", "-wal", "-shm"):
                        with contextlib.suppress(OSError):
                            os.unlink(f"{self.path}{suffix}")
        self._off()
        return None

    def find(self, data: bytes) -> Record | None:
        """The record of a profile with exactly these bytes, if this generator made one."""
        key = self._key(data)
        if key is None:
            return None
        text = self._pending.get(key)
        if text is None:
            db = self._connect(create=False)
            if db is None:
                return None
            try:
                row = db.execute("SELECT record FROM records WHERE key = ?", (key,)).fetchone()
            except Exception:  # sqlite3.Error, without importing sqlite3 here
                self._off()
                return None
            if row is None or not isinstance(row[0], str):
                return None
            text = row[0]
        try:
            return _parse(text)
        except ValueError:  # damaged: a miss, and the full render keeps a good one
            return None

    def keep(self, data: bytes, record: Record) -> None:
        """Remember what these bytes rendered to (written by :meth:`flush`)."""
        key = self._key(data)
        if key is None:
            return
        self._pending[key] = _format(record)
        self._kept += 1
        if len(self._pending) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        db = self._connect(create=True)
        if db is None:
            return
        rows = [(key, self._generation, time.time(), text) for key, text in self._pending.items()]
        self._pending.clear()
        try:
            if self._first_of_generation is None:
                found = db.execute(
                    "SELECT 1 FROM records WHERE generation = ? LIMIT 1", (self._generation,)
                ).fetchone()
                self._first_of_generation = found is None
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)", rows)
            db.execute("COMMIT")
        except Exception:  # sqlite3.Error: the records are lost, the run is not
            with contextlib.suppress(Exception):
                db.execute("ROLLBACK")
            self._off()

    def close(self) -> None:
        """Write what is pending; drop the records of old generator versions, and the oldest
        records beyond :data:`MAX_RECORDS` after a large run."""
        self.flush()
        if self._db is None:
            return
        with contextlib.suppress(Exception):
            if self._first_of_generation:
                self._db.execute(
                    "DELETE FROM records WHERE generation IN (SELECT generation FROM records"
                    " WHERE generation != ? GROUP BY generation ORDER BY MAX(stored) DESC"
                    " LIMIT -1 OFFSET ?)",
                    (self._generation, KEEP_GENERATIONS - 1),
                )
            if self._first_of_generation or self._kept >= FLUSH_EVERY:
                self._db.execute(
                    "DELETE FROM records WHERE key IN (SELECT key FROM records"
                    " ORDER BY stored DESC LIMIT -1 OFFSET ?)",
                    (MAX_RECORDS,),
                )
        self._first_of_generation = False
        self._kept = 0
        with contextlib.suppress(Exception):
            self._db.close()
        self._db = None
