"""The VMs as systemd services: every unit passes `systemd-analyze verify` as installed; the
install and remove scripts in a sandbox (systemd is not PID 1 here: they enable on disk, as
in a chroot); and the stop path for real: the unit's ExecStop presses the TCG guest's ACPI
power button over QMP and QEMU exits within the timeout; a guest that ignores the button is
still running when the stop script gives up, and ends with the SIGTERM that systemd sends
next (KillMode=mixed: to the main process only). systemd's own part, the signal after
ExecStop, is played by the test."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from generator import plan
from generator.validate import parse_file
from tests.conftest import ROOT
from tests.system.conftest import GUEST_ARGS, example_with_guest, render_bundle
from tests.system.daemons import wait_until
from tests.system.guest import Guest
from tests.system.sandbox import Sandbox, result

TOKEN = "@BUNDLE_DIR@"
EXAMPLES = sorted((ROOT / "profiles").glob("*.yaml"))


def installed_text(unit: Path, bundle: Path) -> str:
    return unit.read_text().replace(TOKEN, str(bundle))


@pytest.mark.parametrize("profile", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_unit_verifies(system: None, profile: Path, tmp_path: Path) -> None:
    bundle = render_bundle(profile.read_text(), tmp_path / "bundle")
    units = sorted((bundle / "systemd").glob("*.service"))
    assert len(units) == len(plan.build(parse_file(profile)).vms)
    for unit in units:
        target = tmp_path / "etc" / unit.name
        target.parent.mkdir(exist_ok=True)
        target.write_text(installed_text(unit, bundle))
        result = subprocess.run(
            ["systemd-analyze", "verify", "--man=no", str(target)],
            capture_output=True,
            text=True,
        )
        # it exits 0 on a line it cannot parse, saying so: the output must be empty
        assert (result.returncode, result.stdout + result.stderr) == (0, ""), unit.name


def test_a_unit_with_every_option_verifies(system: None, tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "profiles" / "lab-fedora.yaml").read_text())
    data["networks"]["office"]["method"] = "networkd"
    data["vms"][0].update(run_as="qemuvm", restart="always", shutdown_timeout=5, autostart=True)
    bundle = render_bundle(yaml.safe_dump(data), tmp_path / "bundle")
    unit = bundle / "systemd" / "qemu-netgen-lab-fedora-web1.service"
    text = installed_text(unit, bundle)
    for line in (
        "User=qemuvm",
        "SupplementaryGroups=kvm",
        "Restart=always",
        "TimeoutStopSec=35",
        f"ExecStop={bundle}/stop-web1.sh --pid ${{MAINPID}} --timeout 5",
        "Wants=virtnetworkd.service network-online.target",
        "After=virtnetworkd.service network-online.target systemd-networkd.service",
    ):
        assert line in text.splitlines(), line
    router = installed_text(bundle / "systemd" / "qemu-netgen-lab-fedora-router.service", bundle)
    assert f"ExecStartPre={bundle}/bind-vfio-wan.sh" in router
    assert f"ExecStopPost={bundle}/restore-vfio-wan.sh" in router
    assert "LimitMEMLOCK=infinity" in router
    for path in (unit, bundle / "systemd" / "qemu-netgen-lab-fedora-router.service"):
        target = tmp_path / path.name
        target.write_text(installed_text(path, bundle))
        result = subprocess.run(
            ["systemd-analyze", "verify", "--man=no", str(target)], capture_output=True, text=True
        )
        assert (result.returncode, result.stdout + result.stderr) == (0, ""), path.name


def test_verify_catches_a_broken_unit(system: None, tmp_path: Path) -> None:
    """The check above can fail: a misspelt key and a missing script are reported."""
    bundle = render_bundle((ROOT / "profiles" / "nat.yaml").read_text(), tmp_path / "bundle")
    unit = bundle / "systemd" / "qemu-netgen-nat-ubuntu1904.service"
    broken = tmp_path / unit.name
    broken.write_text(
        installed_text(unit, bundle).replace("KillMode=", "KilMode=").replace("launch-", "lunch-")
    )
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(broken)], capture_output=True, text=True
    )
    assert "KilMode" in result.stderr and "lunch-ubuntu1904.sh" in result.stderr


def unit_dir_listing(box: Sandbox) -> str:
    return box.run("find", "/etc/systemd/system", "-printf", "%p %l\\n", check=True).stdout


def test_install_and_remove_units(sandbox: Sandbox, guest: Guest, tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "profiles" / "nat.yaml").read_text())
    data["vms"].append({"name": "spare", "memory": "1G", "nics": [{"network": "default"}]})
    bundle = render_bundle(yaml.safe_dump(data), tmp_path / "bundle").resolve()
    os.chmod(tmp_path, 0o755)
    before = unit_dir_listing(sandbox)
    install = str(bundle / "install-units.sh")
    unit = "/etc/systemd/system/qemu-netgen-nat-ubuntu1904.service"
    spare = "/etc/systemd/system/qemu-netgen-nat-spare.service"

    dry = sandbox.run("bash", install, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert (
        f"sed 's|@BUNDLE_DIR@|{bundle}|g' -- {bundle}/systemd/qemu-netgen-nat-ubuntu1904.service > {unit}"
        in dry.stdout
    )
    assert "systemctl enable -- qemu-netgen-nat-ubuntu1904.service" in dry.stdout
    assert unit_dir_listing(sandbox) == before

    first = sandbox.run("bash", install)
    assert first.returncode == 0, first.stderr
    assert result(first) == "result: changed"
    text = sandbox.run("cat", unit, check=True).stdout
    assert f"ExecStart={bundle}/launch-ubuntu1904.sh --service" in text and TOKEN not in text
    wants = "/etc/systemd/system/multi-user.target.wants"
    assert (
        sandbox.run("readlink", f"{wants}/qemu-netgen-nat-ubuntu1904.service").stdout.strip()
        == unit
    )
    assert sandbox.run("test", "-e", f"{wants}/qemu-netgen-nat-spare.service").returncode == 1
    assert sandbox.run("test", "-f", spare).returncode == 0  # installed, not enabled
    assert "systemd is not running here" in first.stderr
    installed = unit_dir_listing(sandbox)

    again = sandbox.run("bash", install)
    assert again.returncode == 0, again.stderr
    assert "unit qemu-netgen-nat-ubuntu1904.service unchanged" in again.stderr
    assert result(again) == "result: unchanged"
    assert unit_dir_listing(sandbox) == installed

    # autostart turned off in the profile: a new render's install disables it
    data["vms"][0]["autostart"] = False
    changed = render_bundle(yaml.safe_dump(data), tmp_path / "bundle").resolve()
    assert changed == bundle
    off = sandbox.run("bash", install)
    assert off.returncode == 0, off.stderr
    assert sandbox.run("test", "-e", f"{wants}/qemu-netgen-nat-ubuntu1904.service").returncode == 1

    # a VM gone from the profile: its unit goes with the next install
    spare_vm = data["vms"].pop()
    render_bundle(yaml.safe_dump(data), tmp_path / "bundle")
    pruned = sandbox.run("bash", install)
    assert pruned.returncode == 0, pruned.stderr
    assert (
        "qemu-netgen-nat-spare.service is this bundle's unit of a VM the profile no longer has"
        in pruned.stderr
    )
    assert sandbox.run("test", "-e", spare).returncode == 1

    remove = str(bundle / "remove-units.sh")
    removed = sandbox.run("bash", remove)
    assert removed.returncode == 0, removed.stderr
    assert result(removed) == "result: changed"
    assert unit_dir_listing(sandbox) == before
    gone = sandbox.run("bash", remove, check=True)
    assert "is not installed" in gone.stderr and result(gone) == "result: unchanged"

    # a unit of the same name that is not this bundle's is neither replaced nor removed
    data["vms"].append(spare_vm)
    render_bundle(yaml.safe_dump(data), tmp_path / "bundle")
    sandbox.sh(f"printf '[Service]\\nExecStart=/bin/true\\n' >{spare}")
    refused = sandbox.run("bash", install)
    assert refused.returncode == 1
    assert f"{spare} exists and is not this bundle's unit" in refused.stderr
    assert sandbox.run("test", "-e", unit).returncode == 1  # refused before anything changed
    kept = sandbox.run("bash", remove)
    assert kept.returncode == 0 and f"{spare} is not this bundle's unit: left alone" in kept.stderr
    assert sandbox.run("cat", spare, check=True).stdout == "[Service]\nExecStart=/bin/true\n"


def test_install_refuses_a_bundle_others_can_change(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    bundle = render_bundle((ROOT / "profiles" / "nat.yaml").read_text(), tmp_path / "b").resolve()
    os.chmod(tmp_path, 0o755)
    before = unit_dir_listing(sandbox)
    os.chmod(bundle, 0o777)
    loose = sandbox.run("bash", str(bundle / "install-units.sh"))
    assert loose.returncode == 1 and f"{bundle} is owned by uid 0 with mode 777" in loose.stderr
    os.chmod(bundle, 0o755)
    os.chmod(bundle / "launch-ubuntu1904.sh", 0o777)
    script = sandbox.run("bash", str(bundle / "install-units.sh"))
    assert (
        script.returncode == 1
        and "launch-ubuntu1904.sh is owned by uid 0 with mode 777" in script.stderr
    )
    assert unit_dir_listing(sandbox) == before


def service_vm(
    sandbox: Sandbox, guest: Guest, tmp_path: Path, acpi: str, timeout: int
) -> tuple[Path, str]:
    """A bundle whose VM boots the idle test guest, and the installed unit's text."""
    text = example_with_guest("nat", guest, f"console=ttyS0 panic=-1 qn.mode=idle qn.acpi={acpi}")
    data = yaml.safe_load(text)
    data["networks"] = {}
    data["vms"][0]["nics"] = []
    data["vms"][0]["shutdown_timeout"] = timeout
    bundle = render_bundle(yaml.safe_dump(data), tmp_path / "bundle").resolve()
    unit = installed_text(bundle / "systemd" / "qemu-netgen-nat-ubuntu1904.service", bundle)
    return bundle, unit


def exec_line(unit: str, key: str, mainpid: int = 0) -> list[str]:
    """The command of ``key=`` as systemd runs it (${MAINPID} expanded)."""
    (line,) = [text for text in unit.splitlines() if text.startswith(f"{key}=")]
    return line.split("=", 1)[1].replace("${MAINPID}", str(mainpid)).split()


def start_unit(sandbox: Sandbox, unit: str) -> tuple[subprocess.Popen[str], int, Path]:
    """ExecStart in the unit's RuntimeDirectory, as systemd would; QEMU's pid and serial log."""
    runtime = re.search(r"^RuntimeDirectory=(.+)$", unit, re.M)
    assert runtime is not None
    sandbox.run("install", "-d", "-m", "0750", f"/run/{runtime.group(1)}", check=True)
    serial = Path(sandbox.root) / "serial.log"
    command = exec_line(unit, "ExecStart")
    proc = sandbox.start(
        *command, "--", *GUEST_ARGS[:1], "-serial", f"file:{serial}", "-monitor", "none"
    )
    pidfile = f"/run/{runtime.group(1)}/qemu.pid"
    wait_until(
        "guest ready",
        lambda: serial.exists() and "QN: READY" in serial.read_text(errors="replace"),
        timeout=90,
        proc=proc,
        detail=lambda: serial.read_text(errors="replace")[-2000:] if serial.exists() else "",
    )
    pid = int(sandbox.run("cat", pidfile, check=True).stdout)
    return proc, pid, serial


def test_stop_powers_the_guest_down_over_qmp(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    _, unit = service_vm(sandbox, guest, tmp_path, acpi="handle", timeout=30)
    proc, pid, serial = start_unit(sandbox, unit)
    started = time.monotonic()
    stop = sandbox.run(*exec_line(unit, "ExecStop", pid), timeout=60)
    took = time.monotonic() - started
    assert stop.returncode == 0, stop.stderr
    assert "powered down" in stop.stderr
    assert "QN: POWER-BUTTON" in serial.read_text(errors="replace")
    assert proc.wait(timeout=10) == 0  # QEMU exited by itself, and cleanly
    print(f"QMP power-down to QEMU's exit: {took:.1f} s")
    assert took < 30
    again = sandbox.run(*exec_line(unit, "ExecStop", pid), timeout=60)
    assert again.returncode == 0 and "not running" in again.stderr


def test_a_guest_that_ignores_the_button_is_killed_after_the_timeout(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    _, unit = service_vm(sandbox, guest, tmp_path, acpi="ignore", timeout=3)
    proc, pid, _ = start_unit(sandbox, unit)
    started = time.monotonic()
    stop = sandbox.run(*exec_line(unit, "ExecStop", pid), timeout=60)
    took = time.monotonic() - started
    assert stop.returncode == 1
    assert "did not power down within 3 s" in stop.stderr
    assert 3 <= took < 10
    assert proc.poll() is None  # QEMU still runs: the guest ignored the button
    assert re.search(r"^KillMode=mixed$", unit, re.M) and "TimeoutStopSec=33" in unit
    sandbox.run("kill", "-TERM", str(pid), check=True)  # what systemd sends then
    proc.wait(timeout=10)
    assert sandbox.run("kill", "-0", str(pid)).returncode != 0


def test_the_unit_waits_for_its_bridge_and_then_says_what_is_missing(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """At boot the unit may start before libvirt has made the network's bridge: it waits,
    bounded, then fails naming the bridge and the step that makes it."""
    bundle = render_bundle(
        example_with_guest("nat", guest, "console=ttyS0"), tmp_path / "bundle"
    ).resolve()
    unit = installed_text(bundle / "systemd" / "qemu-netgen-nat-ubuntu1904.service", bundle)
    sandbox.run("install", "-d", "/run/qemu-netgen/nat-ubuntu1904", check=True)
    command = exec_line(unit, "ExecStart")
    started = time.monotonic()
    absent = sandbox.run("env", "QEMU_NETGEN_BRIDGE_WAIT=2", *command, timeout=60)
    assert absent.returncode == 1
    assert 2 <= time.monotonic() - started < 10
    assert "waited 2 s for bridge virbr0" in absent.stderr
    assert "bridge virbr0 does not exist: run setup-nat-default.sh" in absent.stderr
    # the bridge comes up while the unit waits: it goes on to the next check (the ACL here)
    late = sandbox.start("env", "QEMU_NETGEN_BRIDGE_WAIT=30", *command, stderr=subprocess.PIPE)
    time.sleep(1)
    sandbox.sh("ip link add virbr0 type bridge")
    _, err = late.communicate(timeout=60)
    assert "bridge virbr0 does not exist" not in err
    assert re.search(r"waited [0-9]+ s for bridge virbr0", err)
    assert "the ACL does not allow bridge virbr0" in err or "is missing or unreadable" in err


def test_a_unit_with_run_as_runs_and_stops_as_that_user(
    sandbox: Sandbox, guest: Guest, tmp_path: Path
) -> None:
    """User= as systemd would apply it (setpriv here): QEMU, its QMP socket and pid file
    belong to the user, and the stop script, run as the user too, powers the guest down."""
    text = example_with_guest("nat", guest, "console=ttyS0 panic=-1 qn.mode=idle qn.acpi=handle")
    data = yaml.safe_load(text)
    data["networks"] = {}
    # the user reaches nothing under the test's private /tmp folders: bundle and guest go
    # to the sandbox's own /run, as root's and readable, as on a host
    data["vms"][0].update(
        nics=[], run_as="qemuvm", kernel="/run/qn-guest/vmlinux", initrd="/run/qn-guest/initrd"
    )
    bundle = render_bundle(yaml.safe_dump(data), tmp_path / "bundle")
    unit = installed_text(
        bundle / "systemd" / "qemu-netgen-nat-ubuntu1904.service", Path("/run/qn-bundle")
    )
    assert "User=qemuvm" in unit.splitlines()
    sandbox.sh(
        f"""
        echo 'qemuvm:x:64100:64100::/nonexistent:/usr/sbin/nologin' >>/etc/passwd
        echo 'qemuvm:x:64100:' >>/etc/group
        cp -r {bundle} /run/qn-bundle
        install -d /run/qn-guest
        install -m 0644 {guest.kernel} /run/qn-guest/vmlinux
        install -m 0644 {guest.initrd} /run/qn-guest/initrd
        install -m 0644 -o qemuvm /dev/null /run/qn-serial.log
        install -d -m 0750 -o qemuvm -g qemuvm /run/qemu-netgen/nat-ubuntu1904
        """
    )
    as_user = ("setpriv", "--reuid=qemuvm", "--regid=qemuvm", "--clear-groups")

    def serial() -> str:
        return sandbox.run("cat", "/run/qn-serial.log").stdout

    proc = sandbox.start(
        *as_user, *exec_line(unit, "ExecStart"), "--", "-no-reboot", "-serial",
        "file:/run/qn-serial.log", "-monitor", "none",
    )  # fmt: skip
    wait_until(
        "guest ready",
        lambda: "QN: READY" in serial(),
        timeout=90,
        proc=proc,
        detail=lambda: serial()[-2000:],
    )
    owners = sandbox.run(
        "stat", "-c", "%U %n", "/run/qemu-netgen/nat-ubuntu1904/qmp.sock",
        "/run/qemu-netgen/nat-ubuntu1904/qemu.pid", check=True,
    ).stdout  # fmt: skip
    assert owners.split()[::2] == ["qemuvm", "qemuvm"], owners
    pid = sandbox.run("cat", "/run/qemu-netgen/nat-ubuntu1904/qemu.pid", check=True).stdout.strip()
    assert sandbox.run("ps", "-o", "user=", "-p", pid, check=True).stdout.strip() == "qemuvm"
    stop = sandbox.run(*as_user, *exec_line(unit, "ExecStop", int(pid)), timeout=60)
    assert stop.returncode == 0, stop.stderr
    assert "QN: POWER-BUTTON" in serial()
    assert proc.wait(timeout=10) == 0
