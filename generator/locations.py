"""Where the templates are (standard library only)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """Where the templates are: inside the installed package, else the checkout's top level."""
    for candidate in (PACKAGE / "templates", PACKAGE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise RuntimeError(f"qemu-netgen templates not found next to {PACKAGE}")  # broken install
