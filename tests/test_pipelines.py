"""Lint: no generated script ends a pipeline with a reader that stops early.

Under ``set -o pipefail`` a pipeline whose last command exits before reading everything
(``grep -q``, ``grep -m``, ``head``, ``read``, an awk program with ``exit``, ``sed q``)
kills the writer with SIGPIPE on its next write, and the pipeline fails although the
reader found what it looked for. How often depends on scheduling: rarely on an idle host,
often under load (measured against libvirtd: 72-124 wrong answers in 200 with the CPU busy).
Scripts capture the output first and test it from a here-string instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import locations
from generator.runner import write_bundles
from tests.conftest import PROFILES

# one pipe (not ||, not |&), then an early-exiting reader as the next command
EARLY_READER = re.compile(
    r"""(?<![|&])\|(?![|&])\s*\{?\s*(?:
        grep\b(?:\s+-[^\s|;&]*)*?\s+-(?:[A-Za-z]*[qmlL](?![A-Za-z-])|[A-Za-z]*[qmlL][A-Za-z]+|-quiet|-silent|-max-count|-files-with)
      | head\b
      | read\b
      | sed\b(?:\s+-\w+)*\s+'?[0-9$]*q
      | awk\b[^'|;]*'[^']*\bexit\b
    )""",
    re.VERBOSE,
)


def logical_lines(text: str) -> list[tuple[int, str]]:
    """Lines joined where a command goes on (a trailing backslash or pipe)."""
    out: list[tuple[int, str]] = []
    pending, start = "", 0
    for number, line in enumerate(text.splitlines(), 1):
        if not pending:
            start = number
        if line.lstrip().startswith("#"):
            continue
        pending += line.rstrip("\\") + " "
        if line.rstrip().endswith(("\\", "|")) and not line.rstrip().endswith("||"):
            continue
        out.append((start, pending))
        pending = ""
    if pending:
        out.append((start, pending))
    return out


def early_readers(text: str) -> list[str]:
    return [f"{n}: {line.strip()}" for n, line in logical_lines(text) if EARLY_READER.search(line)]


@pytest.mark.parametrize(
    "line",
    [
        'virsh net-list --all --name | grep -qxF -- "$NET"',
        "iptables -S | grep -qx -- '-P FORWARD DROP'",
        "getcap x | grep -q cap_net_admin",
        "ip route | grep -m1 default",
        "ip route | grep -c x | head -n 1",
        "ip -o link | awk '{ print $2; exit }'",
        "ip -o link show dev x |\n  awk -v k=1 '{ if ($1 == k) { print; exit } }'",
        "virsh net-list | { read -r first; }",
        "seq 1 9 | sed -n 1q",
        "ls | grep --quiet x",
        "ls | grep -v y | grep -l x",
    ],
)
def test_the_lint_catches_early_readers(line: str) -> None:
    assert early_readers(line), line


@pytest.mark.parametrize(
    "line",
    [
        'grep -qxF -- "$NET" <<<"$names"',
        "ip -4 route show | awk '{ print $1 }'",
        "cmd || grep -q x file",
        "printf '%s\\n' \"$a\" | awk '{ print $1 }' | sort",
        "# ip route | grep -q default  (a comment)",
        "done | sort",
        "virsh net-dumpxml x | grep -v '^<network'",
    ],
)
def test_the_lint_lets_full_readers_pass(line: str) -> None:
    assert not early_readers(line), line


TEMPLATES = sorted(locations.templates_dir().rglob("*.sh.j2"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_no_template_ends_a_pipeline_early(template: Path) -> None:
    assert early_readers(template.read_text()) == []


def test_no_generated_script_ends_a_pipeline_early(tmp_path: Path) -> None:
    assert write_bundles(PROFILES, tmp_path, lambda _: None, print).code == 0
    found = {
        str(script.relative_to(tmp_path)): early_readers(script.read_text())
        for script in sorted(tmp_path.rglob("*.sh"))
    }
    assert len(found) >= 10
    assert {name: lines for name, lines in found.items() if lines} == {}
