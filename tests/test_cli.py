"""The command line through Typer's runner: exit codes, messages, what is written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator import version
from generator.cli import app
from tests.conftest import BASE_PROFILE, ROOT

runner = CliRunner()
NAT = str(ROOT / "profiles" / "nat.yaml")


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_validate_ok() -> None:
    assert invoke("validate", NAT) == (0, f"{NAT}: ok\n", "")


def test_validate_reports_every_problem_without_traceback(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", BASE_PROFILE.replace("virbr0", "x" * 16).replace("4G", "4X"))
    good = write(tmp_path, "good.yaml", BASE_PROFILE)
    code, out, err = invoke("validate", bad, good)
    assert code == 1
    assert out == f"{good}: ok\n"
    assert err == (
        f"{bad}:5: networks.default.bridge: name longer than 15 characters\n"
        f"{bad}:10: vms[0].memory: '4X' is not a memory size; write a whole number and M or G, like 4G or 512M\n"
    )
    assert "Traceback" not in err


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert invoke("render")[0] == 2
    assert invoke("render", NAT, "--bogus")[0] == 2
    assert invoke("validate", str(tmp_path / "absent.yaml"))[0] == 2
    assert invoke("frobnicate")[0] == 2


def test_version() -> None:
    assert invoke("--version") == (0, f"qemu-netgen {version()}\n", "")
    assert version() == "0.1.0"


def test_render_writes_the_bundle(tmp_path: Path) -> None:
    code, out, err = invoke("render", NAT, "-o", str(tmp_path))
    assert (code, err) == (0, "")
    assert out == f"{tmp_path}/nat: written (19 files)\n"
    assert (tmp_path / "nat" / "launch-ubuntu1904.sh").stat().st_mode & 0o777 == 0o755
    assert [p.name for p in tmp_path.iterdir()] == ["nat"]  # no staging folders left


def test_invalid_profile_writes_nothing(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", BASE_PROFILE.replace("name: lab1", "name: lab1\nbogus: 1"))
    out = tmp_path / "out"
    code, _, err = invoke("render", bad, "-o", str(out))
    assert (
        code == 1
        and err == f"{bad}:2: bogus: unknown key 'bogus' (allowed: host, name, networks, vms)\n"
    )
    assert not out.exists() or not any(out.iterdir())


def test_check_passes_on_a_fresh_bundle_and_names_stale_files(tmp_path: Path) -> None:
    assert invoke("render", NAT, "-o", str(tmp_path))[0] == 0
    assert invoke("render", NAT, "-o", str(tmp_path), "--check") == (
        0,
        f"{tmp_path}/nat: up to date\n",
        "",
    )
    bundle = tmp_path / "nat"
    (bundle / "README.md").write_text("edited\n")
    (bundle / "libvirt" / "default.xml").unlink()
    (bundle / "extra.txt").write_text("x")
    (bundle / "setup-nat-default.sh").chmod(0o644)
    before = {p: p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    code, out, err = invoke("render", NAT, "-o", str(tmp_path), "--check")
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"{bundle}/README.md: content differs",
        f"{bundle}/libvirt/default.xml: missing",
        f"{bundle}/setup-nat-default.sh: mode 644, expected 755",
        f"{bundle}/extra.txt: not part of the bundle",
        f"{bundle}: stale; run: qemu-netgen render {NAT} -o {tmp_path}",
    ]
    assert before == {
        p: p.read_bytes() for p in bundle.rglob("*") if p.is_file()
    }  # --check writes nothing


def test_check_on_a_missing_bundle(tmp_path: Path) -> None:
    code, _, err = invoke("render", NAT, "-o", str(tmp_path), "--check")
    assert code == 1
    assert err.splitlines()[0] == f"{tmp_path}/nat: missing"
    assert not (tmp_path / "nat").exists()


def test_render_replaces_a_previous_bundle(tmp_path: Path) -> None:
    invoke("render", NAT, "-o", str(tmp_path))
    (tmp_path / "nat" / "leftover.txt").write_text("old")
    assert invoke("render", NAT, "-o", str(tmp_path))[0] == 0
    assert not (tmp_path / "nat" / "leftover.txt").exists()
    assert invoke("render", NAT, "-o", str(tmp_path), "--check")[0] == 0


def test_refuses_a_folder_that_is_not_a_bundle(tmp_path: Path) -> None:
    precious = tmp_path / "nat"
    precious.mkdir()
    (precious / "thesis.tex").write_text("years of work")
    code, _, err = invoke("render", NAT, "-o", str(tmp_path))
    assert code == 3
    assert (
        err
        == f"{precious} exists and is not a qemu-netgen bundle (no .qemu-netgen file); use --force to replace it\n"
    )
    assert (precious / "thesis.tex").read_text() == "years of work"
    assert invoke("render", NAT, "-o", str(tmp_path), "--force")[0] == 0
    assert not (precious / "thesis.tex").exists()


def test_an_empty_folder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "nat").mkdir()
    assert invoke("render", NAT, "-o", str(tmp_path))[0] == 0


def test_two_profiles_with_one_bundle_name(tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    shutil.copy(NAT, copy)
    code, out, err = invoke("render", NAT, str(copy), "-o", str(tmp_path / "out"))
    assert code == 1
    assert err == f"{copy}:4: name: bundle 'nat' is also rendered from {NAT}\n"  # the line of name:
    assert out == f"{tmp_path}/out/nat: written (19 files)\n"


@pytest.mark.parametrize("command", ["render", "validate"])
def test_help(command: str) -> None:
    code, out, _ = invoke(command, "--help")
    assert code == 0 and "PROFILE" in out


def test_a_profile_that_is_not_a_regular_file_is_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)  # opening it for reading would block until a writer came
    link = tmp_path / "link.yaml"
    link.symlink_to(NAT)
    for path, message in (
        (fifo, "cannot read: not a regular file"),
        (link, "is a symbolic link; give the file it points to"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "generator", "validate", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (result.returncode, result.stderr) == (1, f"{path}:1: {message}\n")


def test_init_does_not_write_through_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lab.yaml").symlink_to(tmp_path / "elsewhere.yaml")  # dangling
    code, _, err = invoke("init", "--mode", "nat", "lab")
    assert (code, err) == (3, "lab.yaml exists; use --force to overwrite it\n")
    assert not (tmp_path / "elsewhere.yaml").exists()
    target = tmp_path / "precious.yaml"
    target.write_text("mine\n")
    (tmp_path / "lab.yaml").unlink()
    (tmp_path / "lab.yaml").symlink_to(target)
    assert invoke("init", "--mode", "nat", "lab", "--force")[0] == 0
    assert target.read_text() == "mine\n"  # the link was replaced, not written through
    assert not (tmp_path / "lab.yaml").is_symlink()
    assert invoke("validate", "lab.yaml")[0] == 0


def test_an_interrupt_exits_130_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator import cli
    from generator import runner as batch_runner

    def interrupted(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch_runner, "bundle_files", interrupted)
    monkeypatch.setattr(sys, "argv", ["qemu-netgen", "render", NAT, "-o", str(tmp_path)])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 130
    assert capsys.readouterr().err == "qemu-netgen: interrupted\n"
    assert not (tmp_path / "nat").exists()
