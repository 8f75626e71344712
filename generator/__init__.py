"""qemu-netgen: profiles in, reviewable bundles out (NAT, host bridge, vfio-pci passthrough)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("qemu-netgen")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
