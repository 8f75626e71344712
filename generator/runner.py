"""What the commands do, apart from option parsing: profiles in, bundles or verdicts out.

Each profile is handled on its own and written as soon as it is rendered (nothing is
collected), so one bad profile does not stop the others and memory stays flat.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from generator import plan, render
from generator.bundle import diff_bundle, stale_files, write_bundle
from generator.errors import EXIT_INVALID, EXIT_OK, NetgenError, OutputError, Problem, ProfileError
from generator.profile import Profile
from generator.validate import parse_file

Say = Callable[[str], None]
Action = Literal["write", "check", "diff"]


def render_one(profile: Profile) -> list[render.RenderedFile]:
    return render.render(plan.build(profile))


class _Batch:
    """Tracks names already used in this run and the worst exit code."""

    def __init__(self, err: Say) -> None:
        self.err = err
        self.code = EXIT_OK
        self.names: dict[str, str] = {}

    def fail(self, error: NetgenError) -> None:
        self.err(str(error))
        self.code = max(self.code, error.exit_code)

    def load(self, path: Path) -> Profile | None:
        try:
            profile = parse_file(path, str(path))
        except ProfileError as error:
            self.fail(error)
            return None
        first = self.names.setdefault(profile.name, str(path))
        if first != str(path):
            problem = Problem(1, "name", f"bundle {profile.name!r} is also rendered from {first}")
            self.fail(ProfileError(str(path), [problem]))
            return None
        return profile


def validate_profiles(paths: Iterable[Path], say: Say, err: Say) -> int:
    batch = _Batch(err)
    for path in paths:
        if batch.load(path) is not None:
            say(f"{path}: ok")
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
) -> int:
    """Render every profile; ``write`` the bundles, ``check`` them or ``diff`` against them."""
    batch = _Batch(err)
    for path in paths:
        profile = batch.load(path)
        if profile is not None:
            _one(batch, path, profile, out, say, err, action, force)
        tick()
    return batch.code


def _one(
    batch: _Batch,
    path: Path,
    profile: Profile,
    out: Path,
    say: Say,
    err: Say,
    action: Action,
    force: bool,
) -> None:
    files = render_one(profile)
    dest = out / profile.name
    if action == "check":
        stale = stale_files(files, dest)
        for line in stale:
            err(line)
        if stale:
            err(f"{dest}: stale; run: qemu-netgen render {path} -o {out}")
            batch.code = max(batch.code, EXIT_INVALID)
        else:
            say(f"{dest}: up to date")
    elif action == "diff":
        lines = diff_bundle(files, dest)
        for line in lines:
            say(line.rstrip("\n"))
        if lines:
            batch.code = max(batch.code, EXIT_INVALID)
    else:
        try:
            write_bundle(files, dest, force=force)
        except OutputError as error:
            batch.fail(error)
            return
        say(f"{dest}: written ({len(files)} files)")
