"""Generated scripts: shellcheck, bash -n, and what each prints with --dry-run."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from generator.runner import write_bundles
from tests.conftest import PROFILES, require_tool

SHELLCHECK = "shellcheck"


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert write_bundles(PROFILES, out, lambda _: None, print).code == 0
    return out


def scripts(out: Path) -> list[Path]:
    return sorted(out.rglob("*.sh"))


def test_every_bundle_has_scripts(bundles: Path) -> None:
    assert len(scripts(bundles)) >= 5


def test_shellcheck_all_severities(bundles: Path) -> None:
    tool = require_tool(SHELLCHECK)
    found = scripts(bundles)
    result = subprocess.run(
        [tool, "--norc", "--severity=style", "--shell=bash", *map(str, found)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_bash_syntax_and_header(bundles: Path) -> None:
    for script in scripts(bundles):
        subprocess.run(["bash", "-n", str(script)], check=True)
        lines = script.read_text().splitlines()
        assert lines[0] == "#!/usr/bin/env bash", script
        assert "set -euo pipefail" in lines[:10], script
        assert script.stat().st_mode & stat.S_IXUSR


def test_shellcheck_finds_problems_at_all(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sh"
    bad.write_text("#!/usr/bin/env bash\necho $1\n")
    result = subprocess.run([require_tool(SHELLCHECK), "--norc", str(bad)], capture_output=True)
    assert result.returncode != 0


# --- dry runs against a fake virsh ---------------------------------------------------

FAKE_VIRSH = r"""#!/usr/bin/env bash
# A stand-in for virsh: state from FAKE_STATE ("absent", or "UUID ACTIVE AUTOSTART"),
# every call appended to FAKE_LOG.
printf '%s\n' "$*" >>"$FAKE_LOG"
[[ ${FAKE_STATE:-} == unreachable ]] && { echo "error: failed to connect" >&2; exit 1; }
read -r uuid active autostart <<<"$FAKE_STATE"
case $1 in
  net-list) [[ $uuid == absent ]] || echo default ;;
  net-info)
    printf 'Name:           default\nUUID:           %s\nActive:         %s\nPersistent:     yes\nAutostart:      %s\nBridge:         virbr0\n' \
      "$uuid" "$active" "$autostart" ;;
  net-dumpxml) echo "<network><name>default</name></network>" ;;
  *) echo "fake virsh: $1 must not run in a dry run" >&2; exit 3 ;;
esac
"""


@pytest.fixture
def fake_virsh(tmp_path: Path) -> dict[str, str]:
    bindir = tmp_path / "bin"
    bindir.mkdir()
    virsh = bindir / "virsh"
    virsh.write_text(FAKE_VIRSH)
    virsh.chmod(0o755)
    return {"PATH": f"{bindir}:{os.environ['PATH']}", "FAKE_LOG": str(tmp_path / "virsh.log")}


def dry_run(script: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(script), "--dry-run", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )


NAT_UUID = "94b0ba08-4eaa-508f-b095-b27dbcf38519"


def test_setup_on_a_host_without_the_network(bundles: Path, fake_virsh: dict[str, str]) -> None:
    result = dry_run(
        bundles / "nat" / "setup-nat-default.sh", {**fake_virsh, "FAKE_STATE": "absent"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"virsh net-define {bundles}/nat/libvirt/default.xml",
        "virsh net-start default",
        "virsh net-autostart default",
        *hook_install(bundles),
    ]


def hook_install(bundles: Path) -> list[str]:
    """What the NAT example's setup prints to install its forwards' hook (this machine has
    none installed) and apply the forwards."""
    hook = f"{bundles}/nat/libvirt/hooks/qemu-netgen-nat-default"
    return [
        "install -d -m 0755 /etc/libvirt/hooks/network.d",
        f"install -m 0755 {hook} /etc/libvirt/hooks/network.d/qemu-netgen-nat-default",
        f"{hook} --apply",
    ]


def test_setup_again_on_a_running_network(bundles: Path, fake_virsh: dict[str, str]) -> None:
    state = {**fake_virsh, "FAKE_STATE": f"{NAT_UUID} yes yes"}
    result = dry_run(bundles / "nat" / "setup-nat-default.sh", state)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"virsh net-define {bundles}/nat/libvirt/default.xml",
        *hook_install(bundles),
    ]
    assert "network default is already running" in result.stderr
    calls = Path(fake_virsh["FAKE_LOG"]).read_text().split()
    assert not {"net-define", "net-start", "net-autostart", "net-destroy"} & set(calls)


def test_setup_adopts_a_foreign_uuid(bundles: Path, fake_virsh: dict[str, str]) -> None:
    foreign = "417b7ead-6342-40a4-b29f-02fa2d4df491"
    result = dry_run(
        bundles / "nat" / "setup-nat-default.sh", {**fake_virsh, "FAKE_STATE": f"{foreign} no no"}
    )
    assert result.returncode == 0, result.stderr
    assert f"network default already exists with uuid {foreign}; keeping that uuid" in result.stderr
    define, start, autostart, *hook = result.stdout.splitlines()
    assert hook == hook_install(bundles)
    assert define.startswith("virsh net-define /") and not define.endswith("libvirt/default.xml")
    assert (start, autostart) == ("virsh net-start default", "virsh net-autostart default")


def test_setup_without_libvirt_shows_the_full_sequence(
    bundles: Path, fake_virsh: dict[str, str]
) -> None:
    result = dry_run(
        bundles / "nat" / "setup-nat-default.sh", {**fake_virsh, "FAKE_STATE": "unreachable"}
    )
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 3 + len(hook_install(bundles))
    assert "libvirt is not reachable here" in result.stderr


def test_teardown(bundles: Path, fake_virsh: dict[str, str]) -> None:
    script = bundles / "nat" / "teardown-nat-default.sh"
    running = dry_run(script, {**fake_virsh, "FAKE_STATE": f"{NAT_UUID} yes yes"})
    # the forwards go first (the bundle's hook removes its rules; none is installed here)
    unhook = f"{bundles}/nat/libvirt/hooks/qemu-netgen-nat-default --remove"
    assert running.stdout.splitlines() == [
        unhook,
        "virsh net-destroy default",
        "virsh net-undefine default",
    ]
    stopped = dry_run(script, {**fake_virsh, "FAKE_STATE": f"{NAT_UUID} no no"})
    assert stopped.stdout.splitlines() == [unhook, "virsh net-undefine default"]
    absent = dry_run(script, {**fake_virsh, "FAKE_STATE": "absent"})
    assert (absent.returncode, absent.stdout) == (0, unhook + "\n")
    assert "not defined; nothing to do" in absent.stderr


def test_scripts_refuse_unknown_arguments(bundles: Path) -> None:
    for script in scripts(bundles):
        result = subprocess.run(["bash", str(script), "--bogus"], capture_output=True, text=True)
        assert result.returncode == 2, script
        assert "unknown argument: --bogus" in result.stderr
        helped = subprocess.run(["bash", str(script), "--help"], capture_output=True, text=True)
        assert helped.returncode == 0 and helped.stdout.startswith("Usage: "), script


def test_root_is_required_without_dry_run(bundles: Path) -> None:
    if os.geteuid() == 0:
        # as root, check the guard itself by faking a non-root id
        env = {**os.environ, "PATH": f"{_fake_id(bundles)}:{os.environ['PATH']}"}
    else:
        env = dict(os.environ)
    for name in (
        "setup-nat-default.sh",
        "teardown-nat-default.sh",
        "install-bridge-acl.sh",
        "remove-bridge-acl.sh",
    ):
        result = subprocess.run(
            ["bash", str(bundles / "nat" / name)], capture_output=True, text=True, env=env
        )
        assert result.returncode == 1, name
        assert "must run as root" in result.stderr, name


def _fake_id(where: Path) -> Path:
    bindir = where / ".fake-id"
    bindir.mkdir(exist_ok=True)
    (bindir / "id").write_text(
        '#!/bin/sh\n[ "$1" = -u ] && echo 1000 && exit 0\nexec /usr/bin/id "$@"\n'
    )
    (bindir / "id").chmod(0o755)
    return bindir


def test_launch_dry_run_prints_the_whole_command(bundles: Path) -> None:
    result = subprocess.run(
        [
            "bash",
            str(bundles / "nat" / "launch-ubuntu1904.sh"),
            "--dry-run",
            "--",
            "-S",
            "-name",
            "x y",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    vhost = "on" if os.access("/dev/vhost-net", os.R_OK | os.W_OK) else "off"
    assert result.stdout == (
        "qemu-system-x86_64 -name ubuntu1904 -M q35 -accel kvm -cpu host -m 4G -smp 1"
        " -drive file=/root/ubuntu1904.qcow2,if=virtio,format=qcow2 -vnc 127.0.0.1:7"
        f" -netdev tap,id=net0,br=virbr0,helper=/usr/lib/qemu/qemu-bridge-helper,vhost={vhost}"
        " -device virtio-net-pci,netdev=net0,mac=00:16:3e:0c:12:78 -S -name 'x y'\n"
    )


def test_launch_names_what_is_missing(bundles: Path) -> None:
    # test machines never have virbr0 outside a namespace
    assert not Path("/sys/class/net/virbr0").exists()
    result = subprocess.run(
        ["bash", str(bundles / "nat" / "launch-ubuntu1904.sh")], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "missing: bridge virbr0 does not exist: run setup-nat-default.sh" in result.stderr
    assert "VM ubuntu1904 not started: fix the above first" in result.stderr


def test_a_bundle_that_needs_one_command_passes_shellcheck(tmp_path: Path) -> None:
    """preflight's command loop over a single command (shellcheck's SC2043 once fired here)."""
    profile = tmp_path / "solo.yaml"
    profile.write_text("name: solo\nvms:\n  - {name: vm1, memory: 1G}\n")
    assert write_bundles([profile], tmp_path / "out", lambda _: None, print).code == 0
    found = scripts(tmp_path / "out")
    result = subprocess.run(
        [require_tool(SHELLCHECK), "--norc", "--severity=style", "--shell=bash", *map(str, found)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_script_takes_dry_run(bundles: Path) -> None:
    """What the README promises: --dry-run is understood by every script (preflight too,
    which changes nothing either way). Only the parsing is tried here: --help after it."""
    for script in scripts(bundles):
        result = subprocess.run(
            ["bash", str(script), "--dry-run", "--help"], capture_output=True, text=True
        )
        assert result.returncode == 0, f"{script}: {result.stderr}"
        assert "--dry-run" in result.stdout, script
