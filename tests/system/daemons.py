"""Real daemons inside a sandbox: libvirtd (network driver) and dbus + NetworkManager.

Their configuration and state live in the sandbox's /etc and /var overlays and its /run
tmpfs; they die with the sandbox's PID namespace."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from tests.system.sandbox import Sandbox


def wait_until(
    what: str,
    test: Callable[[], bool],
    timeout: float = 30,
    proc: subprocess.Popen[str] | None = None,
    detail: Callable[[], str] = lambda: "",
) -> None:
    deadline = time.monotonic() + timeout
    while not test():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(
                f"{what}: the daemon exited ({proc.returncode}):\n{proc.stdout.read() if proc.stdout else ''}"
            )
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s\n{detail()}")
        time.sleep(0.1)


def start_libvirtd(box: Sandbox, workdir: Path, configured: bool = False) -> subprocess.Popen[str]:
    """libvirtd in the sandbox; ``configured``: again, over the /etc/libvirt it had."""
    box.sh(
        "true"
        if configured
        else f"""
        mount -t tmpfs -o mode=755 qn-libvirt /etc/libvirt
        echo 'log_outputs="3:file:{workdir}/libvirtd.log"' >/etc/libvirt/libvirtd.conf
        mkdir -p /var/lib/libvirt /var/cache/libvirt /var/log/libvirt
        # Debian's libvirt refuses to start without its compile-time user (normally made
        # by libvirt-daemon-system, which a host like this does not have)
        getent passwd libvirt-qemu >/dev/null || {{
            echo 'libvirt-qemu:x:64055:64055:Libvirt Qemu:/var/lib/libvirt:/usr/sbin/nologin' >>/etc/passwd
            echo 'libvirt-qemu:x:64055:' >>/etc/group
        }}
        """
    )
    proc = box.start("libvirtd")
    wait_until(
        "libvirtd socket",
        lambda: box.run("test", "-S", "/run/libvirt/libvirt-sock").returncode == 0,
        proc=proc,
    )
    wait_until(
        "virsh net-list", lambda: box.run("virsh", "net-list", "--all").returncode == 0, proc=proc
    )
    return proc


def stop_libvirtd(box: Sandbox, proc: subprocess.Popen[str]) -> None:
    """SIGTERM to libvirtd itself (``proc`` is nsenter, its parent), and wait for its end."""
    pid = box.run("cat", "/run/libvirtd.pid", check=True).stdout.strip()
    box.run("kill", pid, check=True)
    wait_until("libvirtd gone", lambda: box.run("kill", "-0", pid).returncode != 0)
    proc.wait(timeout=30)


NM_CONF = """\
[main]
plugins=keyfile
dhcp=internal
dns=none
rc-manager=unmanaged
hostname-mode=none
auth-polkit=false
no-auto-default=*

[keyfile]
unmanaged-devices=except:interface-name:{nic},except:interface-name:{bridge}

[logging]
level=INFO
"""


class NetworkManager:
    """dbus-daemon and NetworkManager; restart() plays a reboot of the network stack."""

    def __init__(self, box: Sandbox, workdir: Path, nic: str, bridge: str) -> None:
        self.box, self.workdir, self.nic, self.bridge = box, workdir, nic, bridge
        self.conf = workdir / "nm.conf"
        self.conf.write_text(NM_CONF.format(nic=nic, bridge=bridge))
        box.sh(
            """
            for d in /var/lib/NetworkManager /etc/NetworkManager/system-connections /etc/NetworkManager/conf.d; do
                mkdir -p "$d"; mount -t tmpfs -o mode=700 qn-nm "$d"
            done
            dbus-daemon --system --fork
            """
        )
        wait_until(
            "dbus", lambda: box.run("test", "-S", "/run/dbus/system_bus_socket").returncode == 0
        )
        self.proc: subprocess.Popen[str] | None = None
        self.start()

    def start(self) -> None:
        log = open(self.workdir / "nm.log", "a")  # noqa: SIM115 - the daemon writes to it
        self.proc = self.box.start(
            "NetworkManager",
            "--debug",
            f"--config={self.conf}",
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        wait_until(
            "NetworkManager running",
            lambda: (
                self.box.run("nmcli", "-t", "-f", "RUNNING", "general").stdout.strip() == "running"
            ),
            proc=self.proc,
        )
        wait_until(
            f"NetworkManager managing {self.nic}",
            lambda: any(
                line.startswith(f"{self.nic}:")
                and line.split(":")[1] in ("disconnected", "connected", "connecting")
                for line in self.box.run(
                    "nmcli", "-t", "-f", "DEVICE,STATE", "device"
                ).stdout.splitlines()
            ),
        )

    def own_profile(self, name: str = "Wired connection 1") -> str:
        """The NIC's own DHCP profile, up: the host as it is before a bundle comes."""
        self.box.run(
            "nmcli",
            "connection",
            "add",
            "type",
            "ethernet",
            "ifname",
            self.nic,
            "con-name",
            name,
            "ipv4.method",
            "auto",
            "ipv6.method",
            "ignore",
            check=True,
        )
        self.box.run("nmcli", "--wait", "30", "connection", "up", name, check=True)
        return name

    def stop(self) -> None:
        assert self.proc is not None
        self.proc.terminate()  # our own NetworkManager, by its PID
        self.proc.wait(timeout=20)

    def reboot(self) -> None:
        """Stop NM, reset the links as a reboot would (NM leaves them configured), start it."""
        self.stop()
        self.box.sh(
            f"ip link del {self.bridge} 2>/dev/null || true\n"
            f"ip link set {self.nic} nomaster 2>/dev/null || true\n"
            f"ip -4 addr flush dev {self.nic}\nrm -rf /run/NetworkManager"
        )
        self.start()


def start_dbus(box: Sandbox) -> None:
    """The system bus, once per sandbox (networkctl and nmcli talk to their daemons on it)."""
    if box.run("test", "-S", "/run/dbus/system_bus_socket").returncode == 0:
        return
    box.sh("mkdir -p /run/dbus\ndbus-daemon --system --fork")
    wait_until("dbus", lambda: box.run("test", "-S", "/run/dbus/system_bus_socket").returncode == 0)


class Networkd:
    """systemd-networkd started by hand (the sandbox's read-only /sys tells it there is no
    udev to wait for); restart() plays a boot of the network stack."""

    BINARY = "/lib/systemd/systemd-networkd"

    def __init__(self, box: Sandbox, workdir: Path) -> None:
        self.box, self.workdir = box, workdir
        start_dbus(box)
        box.sh(
            "mkdir -p /run/systemd/netif /etc/systemd/network\n"
            "chown systemd-network:systemd-network /run/systemd/netif"
        )
        self.proc: subprocess.Popen[str] | None = None
        self.start()

    def start(self) -> None:
        log = open(self.workdir / "networkd.log", "a")  # noqa: SIM115 - the daemon writes to it
        self.proc = self.box.start(
            self.BINARY,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "SYSTEMD_LOG_LEVEL": "debug"},
        )
        wait_until(
            "systemd-networkd on the bus",
            lambda: self.box.run("networkctl", "list").returncode == 0,
            proc=self.proc,
            detail=lambda: (self.workdir / "networkd.log").read_text()[-3000:],
        )

    def stop(self) -> None:
        assert self.proc is not None
        self.proc.terminate()  # our own networkd, by its PID
        self.proc.wait(timeout=20)

    def state(self, link: str) -> str:
        """networkd's word for a link: configured, configuring, unmanaged, failed..."""
        out = self.box.run("networkctl", "list", "--no-legend", link).stdout.split()
        return out[-1] if out else ""
