"""What the commands do, apart from option parsing: profiles in, bundles or verdicts out.

One function per command (``validate_profiles``, ``write_bundles``, ``check_bundles``,
``diff_bundles``), each a loop over the profiles through one :class:`Batch`. Each profile
is handled on its own and its bundle written as soon as it is rendered (nothing is
collected), so one bad profile does not stop the others and memory stays flat.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable
from pathlib import Path

from generator import plan, render
from generator.bundle import diff_bundle, write_bundle
from generator.errors import EXIT_INVALID, EXIT_OK, NetgenError, OutputError, Problem, ProfileError
from generator.fleet import FleetError, FleetHost, plan_fleet
from generator.loader import load_text
from generator.manifest import RenderedFile, differences, manifest, shown
from generator.profile import Profile
from generator.sources import read_source
from generator.validate import parse_document

Say = Callable[[str], None]


class Batch:
    """One run over many profiles: the bundle names already used, what was written, and
    the worst exit code so far."""

    def __init__(self, err: Say) -> None:
        self.err = err
        self.code = EXIT_OK
        self.written = 0
        self.unchanged = 0
        self.names: dict[str, str] = {}
        self.hosts: list[FleetHost] = []  # every valid profile's, for an Ansible project

    def fail(self, error: NetgenError) -> None:
        self.err(str(error))
        self.code = max(self.code, error.exit_code)

    def load(self, path: Path) -> Profile | None:
        """The valid profile at ``path`` whose bundle name no earlier profile of this run took;
        None (reported) otherwise."""
        try:
            doc = load_text(read_source(path, str(path)), str(path))
            profile = parse_document(doc)
        except ProfileError as error:
            self.fail(error)
            return None
        first = self.names.setdefault(profile.name, str(path))
        if first != str(path):
            problem = Problem(
                doc.line_of(("name",)),
                "name",
                f"bundle {profile.name!r} is also rendered from {first}",
            )
            self.fail(ProfileError(str(path), [problem]))
            return None
        self.hosts.append(FleetHost(profile.name, profile.host.address))
        return profile


def _arg(path: Path) -> str:
    """A path as one shell word, printable, for a command the operator may paste."""
    return shown(shlex.quote(str(path)))


def bundle_files(profile: Profile) -> list[RenderedFile]:
    return render.render(plan.build(profile))


Tick = Callable[[], None]


def _each(
    paths: Iterable[Path], err: Say, tick: Tick, act: Callable[[Batch, Path, Profile], None]
) -> Batch:
    """One batch over ``paths``: ``act`` on each valid profile, then ``tick``."""
    batch = Batch(err)
    for path in paths:
        profile = batch.load(path)
        if profile is not None:
            act(batch, path, profile)
        tick()
    return batch


def validate_profiles(paths: Iterable[Path], say: Say, err: Say) -> int:
    def ok(batch: Batch, path: Path, profile: Profile) -> None:
        say(f"{path}: ok")

    return _each(paths, err, lambda: None, ok).code


def write_bundles(
    paths: Iterable[Path],
    out: Path,
    say: Say,
    err: Say,
    *,
    force: bool = False,
    tick: Tick = lambda: None,
) -> Batch:
    """Write each profile's bundle to ``out/<name>``; one that already matches is left as it is."""

    def write(batch: Batch, path: Path, profile: Profile) -> None:
        done = _write_folder(batch, bundle_files(profile), out / profile.name, say, force=force)
        if done == "written":
            batch.written += 1
        elif done == "unchanged":
            batch.unchanged += 1

    return _each(paths, err, tick, write)


def check_bundles(
    paths: Iterable[Path], out: Path, say: Say, err: Say, *, tick: Tick = lambda: None
) -> Batch:
    """Name every way each bundle on disk differs from a fresh render; write nothing."""

    def check(batch: Batch, path: Path, profile: Profile) -> None:
        hint = f"run: qemu-netgen render {_arg(path)} -o {_arg(out)}"
        _check_folder(batch, bundle_files(profile), out / profile.name, hint, say)

    return _each(paths, err, tick, check)


def diff_bundles(
    paths: Iterable[Path], out: Path, say: Say, err: Say, *, tick: Tick = lambda: None
) -> Batch:
    """A unified diff from each bundle on disk to a fresh render; write nothing."""

    def diff(batch: Batch, path: Path, profile: Profile) -> None:
        _diff_folder(batch, bundle_files(profile), out / profile.name, say)

    return _each(paths, err, tick, diff)


def _fleet_files(batch: Batch, project: Path, out: Path) -> list[RenderedFile] | None:
    """The Ansible project's files for the batch's hosts; None (reported) when a profile
    failed (a project without that host would roll out a fleet with a host missing) or
    the project folder is where a bundle goes."""
    if batch.code != EXIT_OK:  # (the exit code is the profiles' already)
        batch.err(f"{shown(project)}: Ansible project not written: fix the profiles above")
        return None
    try:
        fleet = plan_fleet(batch.hosts, project, out)
    except FleetError as error:
        batch.fail(OutputError(f"{shown(project)}: Ansible project not written: {error}"))
        return None
    return render.render_fleet(fleet)


def write_project(batch: Batch, project: Path, out: Path, say: Say, *, force: bool) -> None:
    """Write the Ansible project that rolls the batch's bundles out (render --ansible)."""
    files = _fleet_files(batch, project, out)
    if files is not None:
        hosts = f", {len(batch.hosts)} hosts"
        _write_folder(batch, files, project, say, force=force, written=hosts)


def check_project(batch: Batch, project: Path, out: Path, say: Say) -> None:
    files = _fleet_files(batch, project, out)
    if files is not None:
        hint = f"render again with --ansible {_arg(project)}"
        _check_folder(batch, files, project, hint, say)


def diff_project(batch: Batch, project: Path, out: Path, say: Say) -> None:
    files = _fleet_files(batch, project, out)
    if files is not None:
        _diff_folder(batch, files, project, say)


def _write_folder(
    batch: Batch,
    files: list[RenderedFile],
    dest: Path,
    say: Say,
    *,
    force: bool,
    written: str = "",
) -> str:
    """Write ``files`` as folder ``dest`` unless it matches them already: "written",
    "unchanged" or (reported) "failed". ``written`` is added to the line that says so."""
    if not differences(manifest(files), dest):
        say(f"{shown(dest)}: unchanged ({len(files)} files)")
        return "unchanged"
    try:
        write_bundle(files, dest, force=force, warn=batch.err)
    except OutputError as error:
        batch.fail(error)
        return "failed"
    say(f"{shown(dest)}: written ({len(files)} files{written})")
    return "written"


def _check_folder(batch: Batch, files: list[RenderedFile], dest: Path, hint: str, say: Say) -> None:
    """Name every way ``dest`` differs from ``files`` (and how to fix it), or say it is fresh."""
    stale = differences(manifest(files), dest)
    for line in stale:
        batch.err(line)
    if stale:
        batch.err(f"{shown(dest)}: stale; {hint}")
        batch.code = max(batch.code, EXIT_INVALID)
    else:
        say(f"{shown(dest)}: up to date")


def _diff_folder(batch: Batch, files: list[RenderedFile], dest: Path, say: Say) -> None:
    """A unified diff from ``dest`` to ``files``."""
    lines = diff_bundle(files, dest)
    for line in lines:
        say(line.rstrip("\n"))
    if lines:
        batch.code = max(batch.code, EXIT_INVALID)
