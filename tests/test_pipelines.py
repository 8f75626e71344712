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


def logical_lines(text: str) -> list[tuple[int, str]]:
    """Commands as bash reads them: lines joined where a command goes on (a trailing
    backslash or pipe, or a single-quoted text, such as an awk program, that is still
    open); comment lines left out."""
    out: list[tuple[int, str]] = []
    pending, start, heredoc = "", 0, ""
    for number, line in enumerate(text.splitlines(), 1):
        if heredoc:  # a here-document's lines are data, apostrophes and all
            heredoc = "" if line.strip() == heredoc else heredoc
            continue
        if not pending:
            start = number
            if line.lstrip().startswith("#"):
                continue
        pending += line.rstrip("\\") + "\n"
        stripped = line.rstrip()
        open_quote = _unquoted(pending).count("'") % 2 == 1
        if (
            open_quote
            or stripped.endswith("\\")
            or (stripped.endswith("|") and not stripped.endswith("||"))
        ):
            continue
        out.append((start, pending))
        opened = re.search(
            r"<<-?\s*['\"]?([A-Za-z_]+)['\"]?", _unquoted(pending).replace("<<<", "")
        )
        heredoc = opened.group(1) if opened else ""
        pending = ""
    if pending:
        out.append((start, pending))
    return out


def _unquoted(text: str) -> str:
    """``text`` without double-quoted parts, so an apostrophe inside "..." opens nothing."""
    return re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)


def stages(line: str) -> list[str]:
    """The commands of a pipeline: split on ``|`` and ``|&`` outside quotes, not on ``||``."""
    parts, current, quote, i = [], "", "", 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == quote:
                quote = ""
            elif c == "\\" and quote == '"':
                current += c
                i += 1
                c = line[i] if i < len(line) else ""
        elif c in "'\"":
            quote = c
        elif c == "|" and line[i + 1 : i + 2] == "|":
            current += "||"
            i += 2
            continue
        elif c == "|":
            parts.append(current)
            current = ""
            i += 2 if line[i + 1 : i + 2] == "&" else 1
            continue
        current += c
        i += 1
    return [*parts, current]


_PREFIX = re.compile(r"^[\s({]*(?:(?:[A-Za-z_][A-Za-z0-9_]*=\S*|command|builtin|exec|nice)\s+)*")
_GREP_EARLY = re.compile(
    r"\s-[A-Za-z]*[qmlL]|\s--(?:quiet|silent|max-count|files-with-matches|files-without-match)\b"
)


def reader_stops_early(stage: str) -> bool:
    command = _PREFIX.sub("", stage)
    word = command.split(maxsplit=1)[0] if command.split() else ""
    if word in ("grep", "egrep", "fgrep", "zgrep", "rg"):
        return bool(_GREP_EARLY.search(" " + command))
    if word in ("head", "read", "cmp", "line"):
        return True
    if word == "while":
        return re.search(r"\b(break|exit|return)\b", command) is not None
    if word == "sed":
        scripts = re.findall(r"'([^']*)'|\"([^\"]*)\"", command)
        text = " ".join(a or b for a, b in scripts) or command
        return re.search(r"(^|[;{}\s/$0-9])[qQ]([\s;}]|$)", text) is not None
    if word in ("awk", "gawk", "mawk"):
        return re.search(r"\bexit\b", command) is not None
    return False


def early_readers(text: str) -> list[str]:
    found = []
    for number, line in logical_lines(text):
        if any(reader_stops_early(stage) for stage in stages(line)[1:]):
            found.append(f"{number}: {line.strip()}")
    return found


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
        # what an independent review found the first version missed
        "ls | LC_ALL=C grep -q x",
        "ls | command grep -q x",
        "ls |& grep -q x",
        "ls | grep PAT -q",
        "ls | awk '\n  /x/ {\n    print\n    exit\n  }'",
        "ls | sed -n '1{p;q}'",
        "ls | sed '/x/q'",
        "ls | while read -r x; do break; done",
        "ls | ( read -r x )",
        "ls | fgrep -q x",
        "ls | egrep -q x",
        "ls | cmp -s - file",
        "ls | IFS= read -r x",
        "cat <<USAGE\nit's a here-document\nUSAGE\nls | grep -q x",
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
        "awk '$1 || $2 { print }' file | sort",
        'ls | while read -r x; do echo "$x"; done',
        "ls | sed 's/q/r/'",
        'echo "it\'s" | tr a b',
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
