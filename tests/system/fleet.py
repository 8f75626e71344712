"""A fleet of SSH hosts in sandboxes, and a controller that drives them with ansible-playbook.

Each host is a :class:`Sandbox` (its own network, /etc, /var and /run) with an sshd that
listens on its management veth only (10.200.0.<10+n>, keys made here); the controller is
one more sandbox with the management bridge 10.200.0.1/24. Every veth is made inside the
controller's namespace and moved into the host's: nothing touches the machine's network.
ansible-playbook runs in the controller with its home, temp files and known hosts under
the fleet's folder; on the hosts, Ansible's temp and async folders are in /run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from tests.system.sandbox import Sandbox

BIN = Path(sys.executable).parent  # the venv's: ansible-playbook comes with the test extras
CONTROLLER = "10.200.0.1"
# the one VM of every fleet host's profile (its unit is installed, it is never started)
VM = {"name": "vm1", "memory": "256M", "accel": "tcg", "vhost": "off", "display": "none"}

SSHD_CONFIG = """\
ListenAddress {address}
PermitRootLogin prohibit-password
AuthorizedKeysFile /etc/ssh/fleet/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PidFile /run/sshd.pid
"""

# what every test rollout tells the role: the hosts are root logins without sudo; the
# bundle goes into the host's own /var; no systemd runs in a sandbox to start VMs
HOST_VARS = {
    "ansible_become": False,
    "ansible_python_interpreter": "/usr/bin/python3",
    "ansible_remote_tmp": "/run/ansible-tmp",
    "ansible_async_dir": "/run/ansible-async",
    "qemu_netgen_dest": "/var/lib/qemu-netgen",
    "qemu_netgen_start_vms": False,
}


def address(n: int) -> str:
    return f"10.200.0.{10 + n}"


def render_project(profiles: list[Path], out: Path) -> Path:
    """The profiles' bundles in ``out``, and their Ansible project in ``out/ansible``."""
    argv = [str(BIN / "qemu-netgen"), "render", *map(str, profiles), "-o", str(out), "-q"]
    subprocess.run([*argv, "--ansible", str(out / "ansible")], check=True)
    return out / "ansible"


class Fleet:
    """``count`` hosts (1-based) and the controller, all closed together."""

    def __init__(self, root: Path, count: int) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.key = root / "key"
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(self.key)], check=True
        )
        self.boxes: list[Sandbox] = []
        try:
            self.ctl = self._box("ctl")
            self.ctl.sh(
                f"""
                ip link add br-mgmt type bridge
                ip addr add {CONTROLLER}/24 dev br-mgmt
                ip link set br-mgmt up
                """
            )
            self.hosts = {n: self._host(n) for n in range(1, count + 1)}
        except BaseException:
            self.close()
            raise

    def _box(self, name: str) -> Sandbox:
        box = Sandbox(self.root / name)
        self.boxes.append(box)
        return box

    def _host(self, n: int) -> Sandbox:
        box = self._box(f"host{n}")
        # the veth is made in the controller's namespace and its far end moved into the host's
        subprocess.run(
            [
                "nsenter",
                "-t",
                str(self.ctl.pid),
                "-n",
                "--",
                "ip",
                "link",
                "add",
                f"mgmt{n}",
                "type",
                "veth",
                "peer",
                "name",
                "mgmt",
                "netns",
                str(box.pid),
            ],
            check=True,
        )
        self.ctl.sh(f"ip link set mgmt{n} master br-mgmt up")
        box.sh(
            f"""
            ip addr add {address(n)}/24 dev mgmt
            ip link set mgmt up
            mkdir -p /run/sshd /etc/ssh/fleet
            ssh-keygen -q -A
            cp {self.key}.pub /etc/ssh/fleet/authorized_keys
            chmod 600 /etc/ssh/fleet/authorized_keys
            hostname fleet-host{n}
            """
        )
        (self.root / f"sshd{n}.conf").write_text(SSHD_CONFIG.format(address=address(n)))
        box.sh(f"cp {self.root}/sshd{n}.conf /etc/ssh/fleet/sshd_config")
        box.start("/usr/sbin/sshd", "-D", "-e", "-f", "/etc/ssh/fleet/sshd_config")
        deadline = time.monotonic() + 20
        while box.run("ss", "-Hltn", f"src {address(n)}").stdout.strip() == "":
            assert time.monotonic() < deadline, f"sshd of host {n} did not listen"
            time.sleep(0.05)
        return box

    def playbook(
        self, project: Path, *args: str, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        """ansible-playbook site.yml ARGS in the project, from the controller."""
        home = self.root / "ansible-home"
        home.mkdir(exist_ok=True)
        env = {
            "PATH": f"{BIN}:{os.environ['PATH']}",
            "HOME": str(home),
            "ANSIBLE_HOME": str(home),
            "ANSIBLE_LOCAL_TEMP": str(home / "tmp"),
            "ANSIBLE_SSH_CONTROL_PATH_DIR": "/run/cp",  # the controller's own /run: short
            "ANSIBLE_HOST_KEY_CHECKING": "False",
            "ANSIBLE_PRIVATE_KEY_FILE": str(self.key),
            "ANSIBLE_REMOTE_USER": "root",
            # (the project's ansible.cfg gives the rest: keep-alives, multiplexing, pipelining)
            "ANSIBLE_SSH_EXTRA_ARGS": "-o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no "
            "-o LogLevel=ERROR",
            "ANSIBLE_TIMEOUT": "5",  # each SSH connection attempt (10 s by default)
            "ANSIBLE_LOG_PATH": str(self.root / "ansible.log"),  # timestamped, for a failure
            "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_FORCE_COLOR": "0",
            "ANSIBLE_STDOUT_CALLBACK": "default",
        }
        argv = ["env", "-C", str(project), *(f"{k}={v}" for k, v in env.items())]
        argv += [str(BIN / "ansible-playbook"), "site.yml", *args]
        return self.ctl.run(*argv, timeout=timeout)

    def close(self) -> None:
        for box in reversed(self.boxes):
            box.close()


def recap(output: str) -> dict[str, dict[str, int]]:
    """PLAY RECAP's counters per host: {"host": {"ok": 3, "changed": 1, ...}}."""
    counts: dict[str, dict[str, int]] = {}
    for line in output.split("PLAY RECAP", 1)[-1].splitlines():
        match = re.match(r"(\S+)\s+:\s+(.*)$", line.strip())
        if match:
            counts[match[1]] = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", match[2])}
    return counts
