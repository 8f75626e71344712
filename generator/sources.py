"""Reading a profile file: bounded, with a message for humans (standard library only)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.errors import Problem, ProfileError

MAX_BYTES = 1024 * 1024


def _refuse(source: str, message: str) -> ProfileError:
    return ProfileError(source, [Problem(1, "", message)])


def read_source(path: Path, source: str) -> bytes:
    """The file's bytes, at most one more than :data:`MAX_BYTES` (the loader reports those).

    Only a regular file is read: it is opened without following a symbolic link and without
    blocking, so a link, a FIFO or a device given as a profile is refused, never read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _refuse(source, "is a symbolic link; give the file it points to") from None
        raise _refuse(source, f"cannot read: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "rb") as fh:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):
                kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
                raise _refuse(source, f"cannot read: {kind}")
            return fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _refuse(source, f"cannot read: {exc.strerror or exc}") from None
