"""The bad-input corpus: each broken profile gives its exact message and exit code 1, with
no traceback and nothing written. Inputs live in tests/bad_profiles/NAME.yaml, the expected
standard error in NAME.expected ({file} stands for the profile's path)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator.cli import app
from generator.sources import MAX_BYTES

CORPUS = Path(__file__).parent / "bad_profiles"
CASES = sorted(CORPUS.glob("*.yaml"))
runner = CliRunner()


def test_the_corpus_is_large() -> None:
    assert len(CASES) >= 110
    assert all(case.with_suffix(".expected").is_file() for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_bad_profile(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    expected = case.with_suffix(".expected").read_text().replace("{file}", str(case))
    for command in (["render", str(case), "-o", str(out)], ["validate", str(case)]):
        result = runner.invoke(app, command)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert result.exit_code == 1
        assert result.stderr == expected
        assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())


def _run(path: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "render", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(256)) * 64, "{file}:2: not UTF-8 text\n"),  # byte 10 is a newline
        (
            b"name: lab\n" + b"#" * (10 * 1024 * 1024) + b"\n",
            f"{{file}}:1: file larger than {MAX_BYTES} bytes\n",
        ),
        (
            b"name: lab\nvms: [\x00]\n",
            "{file}:2: YAML syntax error: unacceptable character #x0000: control characters are not allowed\n",
        ),
    ],
    ids=["binary-garbage", "ten-megabytes", "nul-byte"],
)
def test_generated_bad_input_in_a_real_process(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    result = _run(path, tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr == message.replace("{file}", str(path))
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_corpus_file_in_a_real_process(tmp_path: Path) -> None:
    """No traceback reaches the terminal of a real process either."""
    case = CORPUS / "alias-bomb.yaml"
    result = _run(case, tmp_path / "out")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == case.with_suffix(".expected").read_text().replace("{file}", str(case))
