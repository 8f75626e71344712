"""render --ansible: the Ansible project's files, its inventory, each bundle's steps.json,
and what ansible-playbook --syntax-check and ansible-lint (production profile) say of it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from typer.testing import CliRunner

from generator import plan
from generator.cli import app
from generator.fleet import FLEET_FILES
from generator.validate import parse_text

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EXAMPLES = sorted((ROOT / "profiles").glob("*.yaml"))


def render(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["render", *args])
    return result.exit_code, result.output


def project(tmp_path: Path, profiles: list[Path] = EXAMPLES) -> Path:
    code, output = render(
        *map(str, profiles),
        "-o",
        str(tmp_path / "out"),
        "--ansible",
        str(tmp_path / "out" / "ansible"),
    )
    assert code == 0, output
    return tmp_path / "out" / "ansible"


def with_address(path: Path, name: str, address: str) -> Path:
    """The NAT example as profile ``name`` whose host is reached at ``address``."""
    data = yaml.safe_load((ROOT / "profiles" / "nat.yaml").read_text())
    data["name"] = name
    data["host"]["address"] = address
    path.write_text(yaml.safe_dump(data))
    return path


def test_the_project_has_exactly_its_files(tmp_path: Path) -> None:
    folder = project(tmp_path)
    found = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert found == sorted([*FLEET_FILES, "SHA256SUMS", ".qemu-netgen"])
    for path in FLEET_FILES:
        text = (folder / path).read_text()
        assert "{% raw" not in text and "{% endraw" not in text, path
        if path.endswith(".yml"):
            assert text.startswith("---\n"), path
            yaml.safe_load(text)


def test_a_host_without_an_address_is_reached_by_its_name(tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "profiles" / "nat.yaml").read_text())
    del data["host"]["address"]
    (tmp_path / "nat.yaml").write_text(yaml.safe_dump(data))
    folder = project(tmp_path, [tmp_path / "nat.yaml"])
    assert yaml.safe_load((folder / "inventory.yml").read_text()) == {
        "qemu_netgen": {"hosts": {"nat": None}}
    }


def test_the_inventory_has_a_host_per_profile_with_its_address(tmp_path: Path) -> None:
    one = with_address(tmp_path / "hv1.yaml", "hv1", "2001:db8::5")
    folder = project(tmp_path, [one, ROOT / "profiles" / "bridge-ip.yaml"])
    inventory = yaml.safe_load((folder / "inventory.yml").read_text())
    assert inventory == {
        "qemu_netgen": {
            "hosts": {
                "bridge-ip": {"ansible_host": "192.0.2.12"},
                "hv1": {"ansible_host": "2001:db8::5"},
            }
        }
    }
    defaults = yaml.safe_load((folder / "roles/qemu_netgen/defaults/main.yml").read_text())
    assert defaults["qemu_netgen_bundles"] == "{{ playbook_dir }}/.."
    assert defaults["qemu_netgen_bundle"] == "{{ inventory_hostname }}"


def test_an_address_that_is_neither_name_nor_ip_is_refused(tmp_path: Path) -> None:
    bad = with_address(tmp_path / "bad.yaml", "bad", '{{ lookup("pipe", "id") }}')
    code, output = render(
        str(bad), "-o", str(tmp_path / "out"), "--ansible", str(tmp_path / "ansible")
    )
    assert code == 1
    assert "host.address: address must be a DNS name" in output
    assert "Ansible project not written: fix the profiles above" in output
    assert not (tmp_path / "ansible").exists()


def test_where_the_project_cannot_go(tmp_path: Path) -> None:
    nat = str(ROOT / "profiles" / "nat.yaml")
    cases = {
        str(tmp_path / "nat"): "it would take the place of bundle 'nat'",
        str(tmp_path): "it would hold the bundles' folder",
    }
    for where, message in cases.items():
        code, output = render(nat, "-o", str(tmp_path), "--ansible", where, "--force")
        assert code == 3, output
        assert f"Ansible project not written: {message}" in output
    assert (tmp_path / "nat" / "setup-nat-default.sh").is_file()  # the bundle is still there


def test_profiles_that_make_no_fleet(tmp_path: Path) -> None:
    one = with_address(tmp_path / "a.yaml", "hv-a", "192.0.2.7")
    two = with_address(tmp_path / "b.yaml", "hv-b", "192.0.2.7")
    local = with_address(tmp_path / "c.yaml", "localhost", "192.0.2.8")
    out, project = str(tmp_path / "out"), str(tmp_path / "ansible")
    code, output = render(str(one), str(two), "-o", out, "--ansible", project)
    assert code == 3
    assert "profiles 'hv-a' and 'hv-b' have the same host.address 192.0.2.7" in output
    code, output = render(str(local), "-o", out, "--ansible", project)
    assert code == 3
    assert "profile 'localhost': that name cannot be an inventory host" in output
    assert not (tmp_path / "ansible").exists()


def test_check_and_diff_see_a_stale_project(tmp_path: Path) -> None:
    folder = project(tmp_path)
    args = [*map(str, EXAMPLES), "-o", str(tmp_path / "out"), "--ansible", str(folder)]
    assert render(*args, "--check")[0] == 0
    (folder / "site.yml").write_text("---\n")
    code, output = render(*args, "--check")
    assert code == 1 and "stale" in output
    code, output = render(*args, "--diff")
    assert code == 1 and "+- name: Connect the VMs of each host" in output


def test_steps_json_is_the_runbook_of_every_example(tmp_path: Path) -> None:
    out = project(tmp_path).parent
    for path in EXAMPLES:
        built = plan.build(parse_text(path.read_text(), str(path)))
        steps = json.loads((out / built.name / "steps.json").read_text())
        assert steps["bundle"] == built.name
        assert [(s["apply"], s["undo"], s["cuts"]) for s in steps["steps"]] == [
            (s.apply, s.undo, s.cuts) for s in built.runbook
        ]
        for step in steps["steps"]:  # every script is in the bundle
            assert (out / built.name / step["apply"]).is_file()
            assert (out / built.name / step["undo"]).is_file()
        assert steps["start"] == [vm.unit.name for vm in built.vms if vm.unit.autostart]
    bridge = json.loads((out / "bridge-ip" / "steps.json").read_text())
    assert [s["cuts"] for s in bridge["steps"]] == ["confirm", "none", "none"]
    nmcli = json.loads((out / "bridge-nmcli" / "steps.json").read_text())
    assert nmcli["steps"][0]["cuts"] == "detached"


def test_syntax_check_and_ansible_lint_production(tmp_path: Path) -> None:
    folder = project(tmp_path)
    work = tmp_path / "lint"
    shutil.copytree(folder.parent, work)  # ansible-lint writes a cache folder into the project
    env = dict(
        os.environ, HOME=str(tmp_path / "home"), ANSIBLE_HOME=str(tmp_path / "home" / ".ansible")
    )
    env["PATH"] = f"{BIN}:{env['PATH']}"
    env["NO_COLOR"] = "1"
    syntax = subprocess.run(
        [str(BIN / "ansible-playbook"), "--syntax-check", "site.yml"],
        cwd=work / "ansible",
        env=env,
        capture_output=True,
        text=True,
    )
    assert syntax.returncode == 0, syntax.stdout + syntax.stderr
    lint = subprocess.run(
        [str(BIN / "ansible-lint"), "--profile", "production", "--offline", "--nocolor"],
        cwd=work / "ansible",
        env=env,
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert "Profile 'production' was required, and it passed" in lint.stderr
