"""What the commands do, apart from option parsing: profiles in, bundles or verdicts out.

Each profile is handled on its own and written as soon as it is rendered (nothing is
collected), so one bad profile does not stop the others and memory stays flat.

A profile whose exact bytes this generator has rendered before (see :mod:`generator.records`)
is answered from its record when that settles it: ``validate``, ``render --check``, and
``render``/``--diff`` of a bundle that already matches. Everything else goes the full way;
the modules that parse, validate and render are imported only when a profile needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from generator.errors import EXIT_INVALID, EXIT_OK, NetgenError, OutputError, Problem, ProfileError
from generator.manifest import Entry, RenderedFile, differences, manifest
from generator.records import Record, Records
from generator.sources import read_source

if TYPE_CHECKING:
    from generator.profile import Profile

Say = Callable[[str], None]
Action = Literal["validate", "write", "check", "diff"]


def render_one(profile: Profile) -> list[RenderedFile]:
    from generator import plan, render

    return render.render(plan.build(profile))


class Batch:
    """One run over many profiles: the names already used, what was done, the worst exit code."""

    def __init__(
        self, out: Path, say: Say, err: Say, action: Action, force: bool, records: Records | None
    ) -> None:
        self.out, self.say, self.err = out, say, err
        self.action, self.force = action, force
        self.records = records if records is not None else Records(None)
        self.code = EXIT_OK
        self.written = 0
        self.unchanged = 0
        self.names: dict[str, str] = {}

    def fail(self, error: NetgenError) -> None:
        self.err(str(error))
        self.code = max(self.code, error.exit_code)

    def claim(self, name: str, path: Path) -> bool:
        """Whether ``name`` is still free for ``path`` in this run (an error if not)."""
        first = self.names.setdefault(name, str(path))
        if first != str(path):
            problem = Problem(1, "name", f"bundle {name!r} is also rendered from {first}")
            self.fail(ProfileError(str(path), [problem]))
            return False
        return True

    def run(self, path: Path) -> None:
        try:
            data = read_source(path, str(path))
        except ProfileError as error:
            self.fail(error)
            return
        record = self.records.find(data)
        if record is not None and (not self.claim(record.name, path) or self._answer(path, record)):
            return  # settled by the record (or its name is taken)
        profile = self._load(path, data)
        if profile is None:
            return
        if self.action == "validate":
            self.say(f"{path}: ok")
            return
        files = render_one(profile)
        fresh = Record(profile.name, manifest(files))
        if fresh != record:
            self.records.keep(data, fresh)
        self._act(path, profile.name, files, fresh.entries)

    def _load(self, path: Path, data: bytes) -> Profile | None:
        from generator.validate import parse_text

        try:
            profile = parse_text(data, str(path))
        except ProfileError as error:
            self.fail(error)
            return None
        return profile if self.claim(profile.name, path) else None

    def _answer(self, path: Path, record: Record) -> bool:
        """Settle ``path`` from its record alone, if that is enough; True when settled."""
        if self.action == "validate":
            self.say(f"{path}: ok")
            return True
        dest = self.out / record.name
        stale = differences(record.entries, dest)
        if self.action == "check":
            self._check(path, dest, stale)
            return True
        if stale or dest.is_symlink():
            return False  # something to show or write: that needs the files themselves
        if self.action == "write":
            self._unchanged(dest, len(record.entries))
        return True

    def _act(self, path: Path, name: str, files: list[RenderedFile], entries: list[Entry]) -> None:
        from generator.bundle import diff_bundle, write_bundle

        dest = self.out / name
        if self.action == "check":
            self._check(path, dest, differences(entries, dest))
        elif self.action == "diff":
            lines = diff_bundle(files, dest)
            for line in lines:
                self.say(line.rstrip("\n"))
            if lines:
                self.code = max(self.code, EXIT_INVALID)
        elif not dest.is_symlink() and not differences(entries, dest):
            self._unchanged(dest, len(files))
        else:
            try:
                write_bundle(files, dest, force=self.force)
            except OutputError as error:
                self.fail(error)
                return
            self.written += 1
            self.say(f"{dest}: written ({len(files)} files)")

    def _check(self, path: Path, dest: Path, stale: list[str]) -> None:
        for line in stale:
            self.err(line)
        if stale:
            self.err(f"{dest}: stale; run: qemu-netgen render {path} -o {self.out}")
            self.code = max(self.code, EXIT_INVALID)
        else:
            self.say(f"{dest}: up to date")

    def _unchanged(self, dest: Path, count: int) -> None:
        self.unchanged += 1
        self.say(f"{dest}: unchanged ({count} files)")


def validate_profiles(
    paths: Iterable[Path], say: Say, err: Say, *, records: Records | None = None
) -> int:
    batch = Batch(Path(), say, err, "validate", False, records)
    for path in paths:
        batch.run(path)
    return batch.code


def render_profiles(
    paths: Iterable[Path],
    out: Path,
    say: Say,
    err: Say,
    *,
    action: Action = "write",
    force: bool = False,
    tick: Callable[[], None] = lambda: None,
    records: Records | None = None,
) -> Batch:
    """Render every profile; ``write`` the bundles, ``check`` them or ``diff`` against them."""
    batch = Batch(out, say, err, action, force, records)
    for path in paths:
        batch.run(path)
        tick()
    return batch
