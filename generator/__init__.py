"""qemu-netgen: profiles in, reviewable bundles out (NAT, host bridge, vfio-pci passthrough)."""

from __future__ import annotations

import os

# pydantic looks for plugins through every installed distribution's entry points the first
# time a model is built: a third of a single render's time (measured). qemu-netgen uses no
# pydantic plugin; an operator who wants one can still set the variable.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def version() -> str:
    """The installed distribution's version (read only when asked: importlib.metadata is slow)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("qemu-netgen")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0.0.0+checkout"
