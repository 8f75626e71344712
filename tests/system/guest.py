"""The test guest: Debian's kernel (uncompressed, booted by its PVH entry) and a busybox
initramfs built at test time. Nothing here is downloaded; it uses what .ci/run installs."""

from __future__ import annotations

import gzip
import lzma
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODULES = (
    "virtio_pci",
    "virtio_net",
    "e1000e",
    "e1000",
    "vfio-pci",
    "vfio_iommu_type1",
    "button",  # the ACPI power button, which QMP's system_powerdown presses
    "evdev",  # its events, for the guest to read
)
XZ_MAGIC = b"\xfd7zXZ\x00"


@dataclass(frozen=True)
class Guest:
    kernel: Path  # uncompressed vmlinux
    initrd: Path
    kver: str


def newest_kernel() -> tuple[str, Path]:
    """The newest /boot/vmlinuz-* that has its modules installed (not `uname -r`)."""
    found = []
    for image in Path("/boot").glob("vmlinuz-*"):
        kver = image.name.removeprefix("vmlinuz-")
        if (Path("/lib/modules") / kver).is_dir():
            found.append(
                (
                    tuple(int(p) if p.isdigit() else 0 for p in kver.replace("-", ".").split(".")),
                    kver,
                    image,
                )
            )
    if not found:
        raise RuntimeError("no kernel with modules in /boot: install linux-image-amd64")
    _, kver, image = max(found)
    return kver, image


def extract_vmlinux(bzimage: Path, out: Path) -> None:
    """Decompress the xz payload of a bzImage: an ELF that QEMU boots through PVH."""
    data = bzimage.read_bytes()
    start = data.find(XZ_MAGIC)
    if start < 0:
        raise RuntimeError(f"no xz stream in {bzimage}")
    elf = lzma.LZMADecompressor(format=lzma.FORMAT_XZ).decompress(data[start:])
    if not elf.startswith(b"\x7fELF"):
        raise RuntimeError(f"{bzimage}: the xz payload is not an ELF kernel")
    out.write_bytes(elf)


def _copy_module(path: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".xz":
        dest.write_bytes(lzma.decompress(path.read_bytes()))
    elif path.suffix == ".gz":
        dest.write_bytes(gzip.decompress(path.read_bytes()))
    else:
        shutil.copyfile(path, dest)


def _copy_binary(binary: str, stage: Path) -> None:
    """A dynamically linked host binary with the libraries ldd names."""
    needed = [binary]
    out = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
    needed += [w for w in out.split() if w.startswith("/")]
    for path in needed:
        dest = stage / path.lstrip("/")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(os.path.realpath(path), dest)


def build_initramfs(
    out: Path, kver: str, files: dict[str, Path] | None = None, binaries: tuple[str, ...] = ()
) -> None:
    stage = out.parent / (out.name + ".stage")
    shutil.rmtree(stage, ignore_errors=True)
    for d in (
        "bin",
        "sbin",
        "etc",
        "proc",
        "sys",
        "dev",
        "tmp",
        "run",
        "usr/bin",
        "usr/sbin",
        "lib/modules",
    ):
        (stage / d).mkdir(parents=True, exist_ok=True)
    busybox = shutil.which("busybox") or "/bin/busybox"
    ldd = subprocess.run(["ldd", busybox], capture_output=True, text=True)
    if "not a dynamic executable" not in ldd.stdout + ldd.stderr:
        raise RuntimeError(f"{busybox} is dynamically linked: install busybox-static")
    shutil.copy2(busybox, stage / "bin/busybox")
    (stage / "bin/sh").symlink_to("busybox")
    shutil.copy2(HERE / "guest-init.sh", stage / "init")
    shutil.copy2(HERE / "guest-udhcpc.sh", stage / "etc/udhcpc.script")
    (stage / "init").chmod(0o755)
    (stage / "etc/udhcpc.script").chmod(0o755)

    order: list[str] = []
    for module in MODULES:
        deps = subprocess.run(
            ["modprobe", "-S", kver, "--show-depends", module],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for line in deps.splitlines():
            words = line.split()
            if words[:1] == ["insmod"] and words[1] not in order:
                order.append(words[1])
    listed = []
    for ko in order:
        rel = Path(ko).relative_to(f"/lib/modules/{kver}")
        rel = rel.with_suffix("") if rel.suffix in (".xz", ".gz") else rel
        _copy_module(Path(ko), stage / "lib/modules" / kver / rel)
        listed.append(f"{kver}/{rel}")
    (stage / "modules.list").write_text("\n".join(listed) + "\n")
    for name in ("modules.order", "modules.builtin", "modules.builtin.modinfo"):
        src = Path("/lib/modules") / kver / name
        if src.exists():
            shutil.copy2(src, stage / "lib/modules" / kver / name)
    subprocess.run(["depmod", "-b", str(stage), kver], check=True)

    for binary in binaries:
        _copy_binary(binary, stage)
    for dest, src in (files or {}).items():
        target = stage / dest.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
        target.chmod(0o755)

    listing = subprocess.run(["find", "."], cwd=stage, capture_output=True, check=True).stdout
    archive = subprocess.run(
        ["cpio", "-o", "-H", "newc", "-R", "0:0", "--quiet"],
        cwd=stage,
        input=listing,
        capture_output=True,
        check=True,
    ).stdout
    out.write_bytes(gzip.compress(archive, compresslevel=6))
    shutil.rmtree(stage)


def prepare(workdir: Path) -> Guest:
    kver, bzimage = newest_kernel()
    kernel = workdir / "vmlinux"
    extract_vmlinux(bzimage, kernel)
    initrd = workdir / "guest.cpio.gz"
    build_initramfs(initrd, kver)
    return Guest(kernel=kernel, initrd=initrd, kver=kver)
