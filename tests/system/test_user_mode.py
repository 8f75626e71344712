"""User-mode networking, end to end: the example `user` bundle's launch script, run as a
user who is not root, starts passt for the guest (or gives QEMU slirp), which gets its
address by DHCP, reaches a listener in another namespace through the host's sockets, and is
reached through the forward; passt ends with QEMU and leaves no file behind."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from tests.system.conftest import example_with_guest, render_bundle
from tests.system.daemons import wait_until
from tests.system.guest import Guest
from tests.system.sandbox import Sandbox

HOST = "203.0.113.2"  # the sandbox's uplink address: passt gives the guest this one
ROUTER = "203.0.113.1"
PEER = "198.51.100.2"  # a listener behind the router
LISTENER = r"""
import socket, sys
server = socket.create_server((sys.argv[1], 8080))
print("listening", flush=True)
conn, (peer, _) = server.accept()
conn.makefile().readline()
conn.sendall(f"seen {peer}\n".encode())
conn.close()
"""
CLIENT = r"""
import socket
with socket.create_connection(("127.0.0.1", 2222), timeout=10) as conn:
    conn.sendall(b"hello from the host\n")
    print(conn.makefile().readline().strip())
"""


# what the guest leases from each backend: passt gives it the host's address and router,
# QEMU's slirp its own private 10.0.2.0/24
LEASES = {"passt": (HOST, ROUTER), "slirp": ("10.0.2.15", "10.0.2.2")}


@pytest.mark.parametrize("backend", ["passt", "slirp"])
def test_a_rootless_guest_reaches_out_and_is_reached_through_its_forward(
    sandbox: Sandbox, guest: Guest, tmp_path: Path, backend: str
) -> None:
    cmdline = f"console=ttyS0 panic=-1 qn.mode=dhcp qn.ping=none qn.connect={PEER}:8080 qn.serve=22"
    data = yaml.safe_load(example_with_guest("user", guest, cmdline))
    data["networks"]["uplink"]["backend"] = backend
    # the user reaches nothing under the test's private /tmp folders: bundle and guest go to
    # the sandbox's own /run, root's and readable, as on a host
    data["vms"][0].update(kernel="/run/qn-guest/vmlinux", initrd="/run/qn-guest/initrd")
    bundle = render_bundle(yaml.safe_dump(data), tmp_path / "bundle")
    sandbox.sh(
        f"""
        ip netns add inet
        ip -n inet link set lo up
        ip link add uplink0 type veth peer name inet0 netns inet
        ip addr add {HOST}/24 dev uplink0
        ip link set uplink0 up
        ip -n inet addr add {ROUTER}/24 dev inet0
        ip -n inet addr add {PEER}/32 dev lo
        ip -n inet link set inet0 up
        ip route add default via {ROUTER} dev uplink0
        echo 'vmuser:x:64200:64200::/nonexistent:/usr/sbin/nologin' >>/etc/passwd
        echo 'vmuser:x:64200:' >>/etc/group
        cp -r {bundle} /run/qn-bundle
        install -d /run/qn-guest
        install -m 0644 {guest.kernel} /run/qn-guest/vmlinux
        install -m 0644 {guest.initrd} /run/qn-guest/initrd
        install -m 0644 -o vmuser /dev/null /run/qn-serial.log
        install -d -m 0700 -o vmuser /run/user/64200
        """
    )
    log = tmp_path / "listener.log"
    with log.open("w") as out:
        listener = sandbox.start(
            "ip", "netns", "exec", "inet", "python3", "-c", LISTENER, PEER, stdout=out
        )
    wait_until("the listener", lambda: "listening" in log.read_text(), timeout=10, proc=listener)

    def serial() -> str:
        return sandbox.run("cat", "/run/qn-serial.log").stdout

    started = time.monotonic()
    vm = sandbox.start(
        "setpriv", "--reuid=vmuser", "--regid=vmuser", "--clear-groups",
        "env", "XDG_RUNTIME_DIR=/run/user/64200",
        "bash", "/run/qn-bundle/launch-dev.sh", "--",
        "-no-reboot", "-serial", "file:/run/qn-serial.log", "-monitor", "none",
    )  # fmt: skip
    wait_until(
        "the guest serves port 22", lambda: "QN: SERVING 22" in serial(), timeout=90, proc=vm,
        detail=lambda: serial()[-2000:],
    )  # fmt: skip
    print(f"guest ready: {time.monotonic() - started:.1f} s")
    passt = sandbox.run("pgrep", "-a", "passt").stdout
    if backend == "passt":
        assert "/run/user/64200/qemu-netgen/user-dev/net0.sock" in passt, passt
        owner = sandbox.run("ps", "-o", "user=", "-p", passt.split()[0], check=True).stdout
        assert owner.strip() == "vmuser"
    else:
        assert passt == ""

    reached = sandbox.run("python3", "-c", CLIENT, check=True).stdout.strip()
    assert reached == "the guest got: hello from the host"
    out, _ = vm.communicate(timeout=60)
    text = serial()
    assert vm.returncode == 0, out + text[-2000:]
    ip, router = LEASES[backend]
    assert f"QN: LEASE ip={ip} router={router}" in text, text[-2000:]
    # the peer saw the host's address: the backend connected from the host's own socket
    assert f"QN: CONNECT {PEER}:8080 reply=seen {HOST}" in text, text[-2000:]
    assert "QN: SERVED" in text and "QN: RESULT PASS" in text

    # passt ended with QEMU; its socket, pid file and folder are gone
    assert sandbox.run("pgrep", "passt").returncode == 1
    assert sandbox.run("test", "-e", "/run/user/64200/qemu-netgen/user-dev").returncode == 1
    listener.wait(timeout=10)


FAKE_QEMU = r"""#!/bin/bash
# stands in for QEMU: connects to the passt socket its -netdev names, then exits 3
for arg in "$@"; do
  [[ $arg == stream,* ]] && socket=${arg##*addr.path=}
done
python3 -c 'import socket, sys; s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])' "${socket//,,/,}"
echo "connected to ${socket//,,/,}"
folder=${socket%/*}
stat -c '%U %a %n' "$folder" "${folder%/*}" "${folder%/*}"/*.pid
exit 3
"""


def test_passt_ends_with_qemu_and_a_running_passt_is_not_started_twice(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """Root's launch: passt runs as nobody with its socket in a folder of nobody's, the pid
    file in a folder of root's; QEMU's exit status is the script's; its passt, files and
    folders are gone after it."""
    bundle = render_bundle(example_with_guest("user", guest, "console=ttyS0"), tmp_path / "b")
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "qemu-system-x86_64").write_text(FAKE_QEMU)
    (fake / "qemu-system-x86_64").chmod(0o755)
    sandbox.sh(
        f"""
        ip link add uplink0 type veth peer name peer0
        ip addr add {HOST}/24 dev uplink0
        ip link set uplink0 up && ip link set peer0 up
        ip route add default via {ROUTER} dev uplink0
        """
    )
    env = ("env", f"PATH={fake}:/usr/sbin:/usr/bin:/sbin:/bin")
    launch = sandbox.run(*env, "bash", str(bundle / "launch-dev.sh"), timeout=60)
    folder = "/run/qemu-netgen/user-dev.passt"
    assert launch.returncode == 3, launch.stderr
    # passt (nobody) made its socket in nobody's folder; root's pid file is in root's
    assert launch.stdout.splitlines() == [
        f"connected to {folder}/sockets/net0.sock",
        f"nobody 700 {folder}/sockets",
        f"root 755 {folder}",
        f"root 644 {folder}/net0.pid",
    ]
    assert sandbox.run("pgrep", "passt").returncode == 1
    assert sandbox.run("test", "-e", folder).returncode == 1  # made by the run, gone with it

    # a passt that still runs for the VM (its pid file names it) is not started over
    sandbox.sh(
        f"install -d {folder} && cp /bin/sleep /run/passt && "
        f"{{ /run/passt 60 >/dev/null 2>&1 & echo $! >{folder}/net0.pid; }}"
    )
    again = sandbox.run(*env, "bash", str(bundle / "launch-dev.sh"), timeout=60)
    assert again.returncode == 1, again.stderr
    assert "passt of VM dev already runs" in again.stderr, again.stderr
