"""A throwaway machine for one test: private mount, network, PID and UTS namespaces.

Inside, /run is an empty tmpfs, /etc and /var are overlays whose writes land in the
test's own folder, and /sys is this network namespace's sysfs (read-only but for
/sys/devices, so NetworkManager manages the veths without udev). Every command runs in it
through nsenter. Closing it SIGKILLs unshare, whose --kill-child takes PID 1 of the
namespace and with it every daemon started inside; the namespaces and mounts vanish.
Nothing is changed outside: not the machine's interfaces, routes, firewall, /etc or /var.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import Any

SETUP = r"""
set -euo pipefail
root=$1
mount -t tmpfs -o mode=755 qn-run /run
mkdir -p /run/lock /run/dbus /run/netns /run/user
mount -t sysfs qn-sysfs "$root/sysfs"
mount -t sysfs -o ro qn-sysfs-ro /sys
mount --bind "$root/sysfs/devices" /sys/devices
mount -t overlay qn-etc -o "lowerdir=/etc,upperdir=$root/etc/upper,workdir=$root/etc/work" /etc
mount -t overlay qn-var -o "lowerdir=/var,upperdir=$root/var/upper,workdir=$root/var/work" /var
ip link set lo up
hostname qn-sandbox
touch "$root/ready"
# PID 1 reaps the daemons that double-fork (dnsmasq): bash collects any child it is told of
while :; do sleep 1 & wait $!; done
"""


def result(proc: subprocess.CompletedProcess[str]) -> str:
    """The result line a runbook step ends its output with ("result: changed" or
    "result: unchanged"), or "" when its last line is something else."""
    lines = proc.stdout.splitlines()
    last = lines[-1] if lines else ""
    return last if last in ("result: changed", "result: unchanged") else ""


class Sandbox:
    def __init__(self, root: Path) -> None:
        self.root = root
        for d in ("sysfs", "etc/upper", "etc/work", "var/upper", "var/work"):
            (root / d).mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [
                "unshare",
                "--mount",
                "--net",
                "--pid",
                "--uts",
                "--fork",
                "--mount-proc",
                "--propagation",
                "private",
                "--kill-child",
                "bash",
                "-c",
                SETUP,
                "sandbox",
                str(root),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while not (root / "ready").exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                self.close()
                raise RuntimeError(f"sandbox did not start: {err}")
            time.sleep(0.02)
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()
        self.pid = int(children[0])  # PID 1 inside

    def command(self, *argv: str) -> list[str]:
        return ["nsenter", "-t", str(self.pid), "-m", "-n", "-p", "-u", "--", *argv]

    def run(
        self, *argv: str, check: bool = False, timeout: float = 120, **kw: Any
    ) -> subprocess.CompletedProcess[str]:
        kw.setdefault("capture_output", True)
        result = subprocess.run(self.command(*argv), text=True, timeout=timeout, **kw)
        if check and result.returncode != 0:
            raise AssertionError(
                f"{' '.join(argv)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
            )
        return result

    def sh(self, script: str, check: bool = True, **kw: Any) -> subprocess.CompletedProcess[str]:
        return self.run("bash", "-c", "set -euo pipefail\n" + script, check=check, **kw)

    def start(self, *argv: str, **kw: Any) -> subprocess.Popen[str]:
        """A background process inside; it dies with the sandbox at the latest."""
        kw.setdefault("stdout", subprocess.PIPE)
        kw.setdefault("stderr", subprocess.STDOUT)
        return subprocess.Popen(self.command(*argv), text=True, **kw)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()  # SIGKILL: unshare ignores SIGTERM; --kill-child ends PID 1
        self.proc.wait(timeout=10)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def host_links() -> set[str]:
    """The machine's own interfaces (to prove a test left them alone)."""
    return set(os.listdir("/sys/class/net"))
