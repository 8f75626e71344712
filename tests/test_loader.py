"""YAML loading: line numbers for every path, and every way a file can be unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ProfileError
from generator.loader import MAX_NODES, load_file, load_text
from generator.sources import MAX_BYTES


def problems(text: str | bytes) -> list[str]:
    with pytest.raises(ProfileError) as info:
        load_text(text, "p.yaml")
    return str(info.value).splitlines()


def test_lines_of_keys_and_list_items() -> None:
    doc = load_text(
        "name: a\nnetworks:\n  lan:\n    bridge: br0\nvms:\n  - name: x\n  - name: y\n", "p"
    )
    assert doc.line_of(("name",)) == 1
    assert doc.line_of(("networks", "lan", "bridge")) == 4
    assert doc.line_of(("vms", 1)) == 7
    assert doc.line_of(("vms", 1, "name")) == 7
    # a missing key is reported at its nearest ancestor
    assert doc.line_of(("networks", "lan", "subnet")) == 3
    assert doc.line_of(("nowhere",)) == 1


def test_values_are_plain_python() -> None:
    doc = load_text("a: 1\nb: [x, true]\nc: {d: 1.5}\ne: null\n", "p")
    assert doc.data == {"a": 1, "b": ["x", True], "c": {"d": 1.5}, "e": None}


def test_merge_keys_and_aliases_resolve() -> None:
    doc = load_text("base: &b {memory: 4G, cpus: 2}\nvm:\n  <<: *b\n  cpus: 4\n", "p")
    assert doc.data["vm"] == {"memory": "4G", "cpus": 4}


def test_syntax_error_names_the_line() -> None:
    assert problems("name: ok\nvms: [unclosed\nother: 1\n") == [
        "p.yaml:3: YAML syntax error: while parsing a flow sequence; "
        "did not find expected ',' or ']'"
    ]


def test_duplicate_key_is_an_error() -> None:
    assert problems("name: a\nname: b\n") == ["p.yaml:2: duplicate key 'name'"]


def test_empty_file() -> None:
    assert problems("") == ["p.yaml:1: the profile is empty"]
    assert problems("# only a comment\n") == ["p.yaml:1: the profile is empty"]


def test_root_must_be_a_mapping() -> None:
    assert problems("- a\n- b\n") == ["p.yaml:1: the profile must be a mapping of keys, not a list"]
    assert problems("just text\n") == [
        "p.yaml:1: the profile must be a mapping of keys, not a single value"
    ]


def test_binary_garbage() -> None:
    assert problems(b"name: a\n\xff\xfe\x00garbage") == ["p.yaml:2: not UTF-8 text"]


def test_huge_file_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# x\n" * (10 * 1024 * 1024 // 4))
    with pytest.raises(ProfileError) as info:
        load_file(big, "big.yaml")
    assert str(info.value) == f"big.yaml:1: file larger than {MAX_BYTES} bytes"


def test_alias_bomb_is_reported_not_expanded() -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i, name in enumerate("bcdefghi"):
        prev = "a" if i == 0 else "bcdefghi"[i - 1]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    assert problems("\n".join(lines) + "\n")[0].endswith(
        f"more than {MAX_NODES} values (an alias expanding too far?)"
    )


def test_recursive_alias() -> None:
    assert problems("a: &a [*a]\n")[0].startswith("p.yaml:1: ")


def test_complex_keys_refused() -> None:
    assert problems("? [a, b]\n: 1\n") == [
        "p.yaml:1: a key must be a plain value, not a list or mapping"
    ]


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        load_file(tmp_path / "absent.yaml", "absent.yaml")
    assert str(info.value) == "absent.yaml:1: cannot read: No such file or directory"
