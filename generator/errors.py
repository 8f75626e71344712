"""User-facing errors.

Everything the operator can cause (a bad profile, a stale bundle, a folder we must not
overwrite) is raised as a subclass of :class:`NetgenError`. The CLI prints ``str(error)``
and exits with ``error.exit_code``; it never shows a traceback for these.

Exit codes (documented in README.md):

* 0 -- success
* 1 -- an invalid profile, or (``render --check``) a stale or missing bundle
* 2 -- usage error (unknown option, missing argument; raised by Typer/Click)
* 3 -- the output could not be written (not a bundle folder, I/O error)
* 130 -- interrupted (Ctrl-C); a bundle being written is left as it was
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_INTERRUPTED = 130


class NetgenError(Exception):
    """Base class of every error meant for a human rather than a developer."""

    exit_code = EXIT_INVALID


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a profile, located as precisely as we can."""

    line: int
    field: str
    message: str


class ProfileError(NetgenError):
    """A profile that cannot be read or does not validate.

    Carries every problem found, so the operator fixes them all in one go.
    """

    exit_code = EXIT_INVALID

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        # by line; problems on one line keep the order they were found in
        self.problems = sorted(dict.fromkeys(problems), key=lambda p: p.line)
        super().__init__(self.render())

    def render(self) -> str:
        lines = []
        for p in self.problems:
            where = f"{self.source}:{p.line}"
            lines.append(f"{where}: {p.field}: {p.message}" if p.field else f"{where}: {p.message}")
        return "\n".join(lines)


class StaleBundleError(NetgenError):
    """``render --check`` found committed bundle files that differ from a fresh render."""

    exit_code = EXIT_INVALID


class OutputError(NetgenError):
    """The bundle could not be written: refused, or the file system said no."""

    exit_code = EXIT_OUTPUT
