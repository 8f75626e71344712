"""install-bridge-acl.sh / remove-bridge-acl.sh on a real /etc (the sandbox's overlay):
the operator's bridge.conf keeps its lines, the include is added once, the undo is exact."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.system.conftest import render_bundle
from tests.system.sandbox import Sandbox, result


def read(box: Sandbox, path: str) -> str:
    return box.run("cat", path, check=True).stdout


def test_an_existing_bridge_conf_keeps_its_lines(sandbox: Sandbox, tmp_path: Path) -> None:
    bundle = render_bundle((ROOT / "profiles" / "nat.yaml").read_text(), tmp_path / "bundle")
    operator = "# the operator's own\nallow br9\ninclude /etc/qemu/other.conf\n"
    (tmp_path / "bridge.conf").write_text(operator)
    sandbox.sh(
        f"mkdir -p /etc/qemu && cp {tmp_path}/bridge.conf /etc/qemu/ && chmod 0640 /etc/qemu/bridge.conf"
    )
    first = sandbox.run("bash", str(bundle / "install-bridge-acl.sh"))
    assert first.returncode == 0, first.stderr
    assert result(first) == "result: changed"
    assert (
        "is not readable by every user" in first.stderr
    )  # 0640: a non-root user could not read it
    assert (
        read(sandbox, "/etc/qemu/bridge.conf")
        == operator + "include /etc/qemu/qemu-netgen-nat.conf\n"
    )
    assert "allow virbr0" in read(sandbox, "/etc/qemu/qemu-netgen-nat.conf")
    assert sandbox.run("stat", "-c", "%a", "/etc/qemu/qemu-netgen-nat.conf").stdout.strip() == "644"
    again = sandbox.run("bash", str(bundle / "install-bridge-acl.sh"))
    assert again.returncode == 0 and "already includes" in again.stderr
    assert result(again) == "result: unchanged"
    assert (
        read(sandbox, "/etc/qemu/bridge.conf").count("include /etc/qemu/qemu-netgen-nat.conf") == 1
    )
    removed = sandbox.run("bash", str(bundle / "remove-bridge-acl.sh"))
    assert removed.returncode == 0, removed.stderr
    assert result(removed) == "result: changed"
    assert read(sandbox, "/etc/qemu/bridge.conf") == operator
    assert sandbox.run("stat", "-c", "%a", "/etc/qemu/bridge.conf").stdout.strip() == "640"
    assert sandbox.run("test", "-e", "/etc/qemu/qemu-netgen-nat.conf").returncode == 1
    assert not Path("/etc/qemu/qemu-netgen-nat.conf").exists()  # the machine's /etc is untouched


def test_a_bridge_conf_made_by_the_bundle_goes_with_it(sandbox: Sandbox, tmp_path: Path) -> None:
    bundle = render_bundle((ROOT / "profiles" / "bridge-ip.yaml").read_text(), tmp_path / "bundle")
    sandbox.sh("rm -rf /etc/qemu")
    assert sandbox.run("bash", str(bundle / "install-bridge-acl.sh")).returncode == 0
    assert sandbox.run("stat", "-c", "%a", "/etc/qemu/bridge.conf").stdout.strip() == "644"
    assert (
        read(sandbox, "/etc/qemu/bridge.conf").splitlines()[-1]
        == "include /etc/qemu/qemu-netgen-bridge-ip.conf"
    )
    assert sandbox.run("bash", str(bundle / "remove-bridge-acl.sh")).returncode == 0
    assert sandbox.run("test", "-e", "/etc/qemu/bridge.conf").returncode == 1
    again = sandbox.run("bash", str(bundle / "remove-bridge-acl.sh"))
    assert again.returncode == 0 and "already gone" in again.stderr
    assert result(again) == "result: unchanged"
