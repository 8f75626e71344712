"""Operator conveniences: schema, init, render --diff, progress, pre-commit hooks."""

from __future__ import annotations

import io
import json
import sys
import typing
from pathlib import Path

import jsonschema
import pytest
import typer
import yaml
from typer.testing import CliRunner

from generator import cli, starter
from generator.cli import app
from tests.conftest import PROFILES, ROOT

runner = CliRunner()
NAT = str(ROOT / "profiles" / "nat.yaml")


def schema() -> dict:
    return json.loads(starter.schema_text())


def test_committed_schema_is_current() -> None:
    assert (ROOT / "profiles" / "schema.json").read_text() == starter.schema_text()
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0 and result.stdout == starter.schema_text()


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.stem)
def test_examples_point_editors_at_the_schema_and_pass_it(profile: Path) -> None:
    text = profile.read_text()
    assert text.splitlines()[0] == "# yaml-language-server: $schema=schema.json"
    jsonschema.validate(yaml.safe_load(text), schema())


BAD = {
    "unknown key": "name: a\nbogus: 1\n",
    "name with a slash": "name: a/b\n",
    "no name": "vms: []\n",
    "long bridge": "name: a\nnetworks:\n  n: {type: nat, bridge: abcdefghijklmnop, subnet: 10.0.0.0/24}\n",
    "unknown network type": "name: a\nnetworks:\n  n: {type: vxlan}\n",
    "multicast mac": "name: a\nvms: [{name: v, memory: 1G, nics: [{network: n, mac: '01:00:5e:00:00:01'}]}]\n",
    "bad memory": "name: a\nvms: [{name: v, memory: lots}]\n",
    "cpus zero": "name: a\nvms: [{name: v, memory: 1G, cpus: 0}]\n",
    "bad pci address": "name: a\nnetworks:\n  n: {type: passthrough, device: '81:20.0'}\n",
    "bad method": "name: a\nnetworks:\n  n: {type: bridge, bridge: br0, uplink: eth0, method: wicked}\n",
}


@pytest.mark.parametrize("text", BAD.values(), ids=BAD.keys())
def test_the_schema_rejects_bad_profiles(text: str) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(text), schema())


@pytest.mark.parametrize("mode", ["nat", "bridge", "passthrough", "routed", "isolated", "user"])
def test_init_writes_a_starter_that_validates(
    mode: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "--mode", mode, "edge1"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "edge1.yaml"
    text = written.read_text()
    assert text.startswith("# yaml-language-server: $schema=schema.json\n")
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) >= 3  # commented
    assert runner.invoke(app, ["validate", str(written)]).exit_code == 0
    jsonschema.validate(yaml.safe_load(text), schema())
    assert yaml.safe_load(text)["name"] == "edge1"
    again = runner.invoke(app, ["init", "--mode", mode, "edge1"])
    assert again.exit_code == 3 and "exists; use --force" in again.stderr
    assert runner.invoke(app, ["init", "--mode", mode, "edge1", "--force"]).exit_code == 0


def test_init_to_stdout_and_bad_input() -> None:
    result = runner.invoke(app, ["init", "--mode", "nat", "no", "-o", "-"])
    assert (
        result.exit_code == 0 and yaml.safe_load(result.stdout)["name"] == "no"
    )  # quoted, not a boolean
    assert runner.invoke(app, ["init", "--mode", "vxlan"]).exit_code == 2
    assert runner.invoke(app, ["init", "--mode", "nat", ".hidden"]).exit_code == 2


def test_render_diff(tmp_path: Path) -> None:
    out = tmp_path / "out"
    fresh = runner.invoke(app, ["render", NAT, "-o", str(out), "--diff"])
    assert fresh.exit_code == 1
    assert "--- /dev/null\n+++ b/README.md\n" in fresh.stdout
    assert not out.exists()  # --diff writes nothing
    runner.invoke(app, ["render", NAT, "-o", str(out)])
    same = runner.invoke(app, ["render", NAT, "-o", str(out), "--diff"])
    assert (same.exit_code, same.stdout) == (0, "")
    conf = out / "nat" / "qemu" / "bridge.conf"
    conf.write_text(conf.read_text().replace("allow virbr0", "allow br9"))
    (out / "nat" / "notes.txt").write_text("mine\n")
    before = conf.read_text()
    changed = runner.invoke(app, ["render", NAT, "-o", str(out), "--diff"])
    assert changed.exit_code == 1
    assert "--- a/qemu/bridge.conf\n+++ b/qemu/bridge.conf\n" in changed.stdout
    assert "\n-allow br9\n+allow virbr0\n" in changed.stdout
    assert "--- a/notes.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-mine\n" in changed.stdout
    assert conf.read_text() == before
    assert "\x1b[" not in changed.stdout  # no colour in a pipe
    assert runner.invoke(app, ["render", NAT, "--check", "--diff"]).exit_code == 2


def test_diff_is_coloured_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    cli._say_diff("+allow virbr0")
    cli._say_diff("-allow br9")
    out = capsys.readouterr().out
    assert "\x1b[32m+allow virbr0" in out and "\x1b[31m-allow br9" in out


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    tty = _Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    with cli._progress(3, quiet=False) as tick:
        for _ in range(3):
            tick()
    assert "rendering" in tty.getvalue()
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    with cli._progress(3, quiet=False) as tick:
        tick()
    assert pipe.getvalue() == ""


def test_summary_on_a_terminal_counts_written_and_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stderr", _Tty())
    paths = [Path(p) for p in PROFILES]
    for expected in (
        f"{tmp_path}/: {len(paths)} bundles written, 0 unchanged, of {len(paths)} profiles\n",
        f"{tmp_path}/: 0 bundles written, {len(paths)} unchanged, of {len(paths)} profiles\n",
    ):
        with pytest.raises(typer.Exit) as done:
            cli.render(paths, output=tmp_path)
        assert done.value.exit_code == 0
        assert capsys.readouterr().out == expected
    assert "rendering" in sys.stderr.getvalue()  # type: ignore[attr-defined]


def test_quiet(tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", NAT, "-o", str(tmp_path), "--quiet"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_pre_commit_hooks_run_the_check() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    by_id = {h["id"]: h for h in hooks}
    assert by_id["qemu-netgen-check"]["entry"] == "qemu-netgen render --check --quiet"
    assert by_id["qemu-netgen-validate"]["entry"] == "qemu-netgen validate"
    for hook in hooks:
        assert hook["language"] == "python"


@pytest.mark.parametrize(
    ("distro", "method"),
    [("debian", "ifupdown"), ("ubuntu", "netplan"), ("arch", "networkd"), ("fedora", "nmcli")],
)
def test_init_bridge_offers_the_method_of_the_distro(distro: str, method: str) -> None:
    from generator.profile import Distro as ProfileDistro
    from generator.starter import STARTER_METHODS, Distro, starter_profile
    from generator.validate import parse_text

    assert (
        set(STARTER_METHODS) == set(typing.get_args(Distro)) == set(typing.get_args(ProfileDistro))
    )
    profile = parse_text(starter_profile("bridge", "lab", distro))  # type: ignore[arg-type]
    assert (profile.host.distro, profile.networks["lan"].method) == (distro, method)
