"""qemu-netgen: profiles in, reviewable bundles out (NAT, host bridge, vfio-pci passthrough)."""

from __future__ import annotations


def version() -> str:
    """The installed distribution's version (read only when asked: importlib.metadata is slow)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("qemu-netgen")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0.0.0+checkout"
