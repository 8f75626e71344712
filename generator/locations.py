"""Where things are: the templates, and the operator's cache folder (standard library only)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """Where the templates are: inside the installed package, else the checkout's top level."""
    for candidate in (PACKAGE / "templates", PACKAGE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise RuntimeError(f"qemu-netgen templates not found next to {PACKAGE}")  # broken install


def cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/qemu-netgen`` (``~/.cache`` by default), or None when turned off
    with ``QEMU_NETGEN_NO_CACHE`` or when it cannot be made."""
    if os.environ.get("QEMU_NETGEN_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base, "qemu-netgen")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return folder
