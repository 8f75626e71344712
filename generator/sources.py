"""Reading a profile file: bounded, with a message for humans (standard library only)."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Problem, ProfileError

MAX_BYTES = 1024 * 1024


def read_source(path: Path, source: str) -> bytes:
    """The file's bytes, at most one more than :data:`MAX_BYTES` (the loader reports those)."""
    try:
        with path.open("rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except OSError as exc:
        problem = Problem(1, "", f"cannot read: {exc.strerror or exc}")
        raise ProfileError(source, [problem]) from None
