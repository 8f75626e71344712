"""YAML text -> plain data, keeping the line of every key and list item.

Line numbers are what make ``profiles/x.yaml:12: networks.lan.uplink: ...`` possible.
The document is composed into nodes (the C parser when PyYAML has it), then built into
plain Python values by hand so that each path gets its line. The walk is bounded, so an
alias bomb or a recursive alias is reported, not expanded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import Problem, ProfileError
from generator.sources import MAX_BYTES, read_source

try:  # the C parser is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_NODES = 100_000
MAX_DEPTH = 50

PathKey = tuple[str | int, ...]


@dataclass
class Document:
    """A loaded YAML document: its data and the line each path starts on."""

    source: str
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, path: Iterable[str | int]) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        parts = tuple(path)
        while parts:
            if parts in self.lines:
                return self.lines[parts]
            parts = parts[:-1]
        return self.lines.get((), 1)


class _TooBig(Exception):
    def __init__(self, line: int, message: str, path: PathKey = ()) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.path = path


def field_path(loc: Iterable[str | int]) -> str:
    """``('vms', 0, 'nics', 1, 'mac')`` -> ``vms[0].nics[1].mac``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_INT_TAG = "tag:yaml.org,2002:int"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+")


def _surprising_number(node: ScalarNode) -> str | None:
    """Why a number YAML 1.1 reads from ``node`` is not what it looks like, or None.

    YAML 1.1 (PyYAML) reads ``010`` as octal 8, ``0x10`` as 16, ``1_000`` as 1000 and
    ``1:30`` as 90 (base 60). Only plain decimals are taken; anything else, quoted or not,
    is the operator's to write out."""
    text = node.value
    if node.tag == _INT_TAG and not _DECIMAL.fullmatch(text):
        value = SafeConstructor().construct_yaml_int(node)
        digits = text.lstrip("+-").replace("_", "").lstrip("0") or "0"
        meant = f" ({text[0] if text[0] in '+-' else ''}{digits}?)" if digits.isdigit() else ""
        return (
            f"{text} is read by YAML 1.1 as {value}, which is likely not what is meant: "
            f"write plain decimal digits{meant}, or quote it if it is text"
        )
    if node.tag == _FLOAT_TAG and not _PLAIN_FLOAT.fullmatch(text):
        return f"{text} is not a plain decimal number; write it out, or quote it"
    return None


class _Builder:
    def __init__(self) -> None:
        self.constructor = SafeConstructor()
        self.lines: dict[PathKey, int] = {}
        self.nodes = 0
        self.seen: set[int] = set()  # nodes built once already: met again, they are aliases

    def build(self, node: Node, path: PathKey, depth: int, site: int) -> Any:
        """Build ``node`` at ``path``. ``site`` is the line to report a problem on: where
        the node is used in the document (an alias's own line, not its anchor's)."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooBig(site, f"more than {MAX_NODES} values (an alias expanding too far?)")
        if depth > MAX_DEPTH:
            raise _TooBig(site, f"nested deeper than {MAX_DEPTH} levels (a recursive alias?)")
        aliased = id(node) in self.seen
        self.seen.add(id(node))
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth, site, aliased)
        if isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                item_site = site if aliased or id(item) in self.seen else item.start_mark.line + 1
                self.lines.setdefault((*path, index), item_site)
                items.append(self.build(item, (*path, index), depth + 1, item_site))
            return items
        assert isinstance(node, ScalarNode)
        return self._scalar(node, path, site)

    def _scalar(self, node: ScalarNode, path: PathKey, site: int, what: str = "") -> Any:
        """A scalar's value; one YAML cannot turn into a value (a 5,000-digit number, a
        30th of February) is a problem of the profile, not a traceback."""
        try:
            surprise = _surprising_number(node)
            if surprise is None:
                return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError) as exc:
            shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
            surprise = f"{shown} cannot be read as a value ({exc})"
            if "digits" in str(exc):
                surprise = f"{shown} is a number with too many digits"
        raise _TooBig(site, what + surprise, path)

    def _mapping(
        self, node: MappingNode, path: PathKey, depth: int, site: int, aliased: bool
    ) -> dict[Any, Any]:
        own: set[Any] = set()
        for key_node, _ in node.value:
            key_line = site if aliased else key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                raise _TooBig(key_line, "a key must be a plain value, not a list or mapping", path)
            if key_node.tag == _MERGE_TAG:
                continue
            key = self._scalar(key_node, path, key_line, "key ")
            if key in own:
                raise _TooBig(key_line, f"duplicate key {key!r}", path)
            own.add(key)
        self._check_merges(node, path, site, aliased)
        self.constructor.flatten_mapping(node)  # `<<: *defaults` merges; own keys come last and win
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:  # keys were read above, merged ones below
            key = self.constructor.construct_object(key_node)
            key_line = site if aliased else key_node.start_mark.line + 1
            self.lines[(*path, key)] = key_line
            result[key] = self.build(value_node, (*path, key), depth + 1, key_line)
        return result

    def _check_merges(self, node: MappingNode, path: PathKey, site: int, aliased: bool) -> None:
        """``<<: *defaults`` and ``<<: [*a, *b]``: each merged mapping names a key once, and
        no key comes from two of them (which one wins differs between YAML readers)."""
        merged_from: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE_TAG:
                continue
            line = site if aliased else key_node.start_mark.line + 1
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for index, source in enumerate(sources):
                if not isinstance(source, MappingNode):
                    raise _TooBig(line, "<< merges mappings only", path)
                own: set[Any] = set()
                for sub_key, _ in source.value:
                    if not isinstance(sub_key, ScalarNode) or sub_key.tag == key_node.tag:
                        raise _TooBig(line, "a merged mapping must hold plain keys only", path)
                    key = self._scalar(sub_key, path, line, "key ")
                    if key in own:
                        raise _TooBig(line, f"duplicate key {key!r} in a merged mapping", path)
                    own.add(key)
                    if merged_from.setdefault(key, index) != index:
                        raise _TooBig(
                            line,
                            f"key {key!r} comes from two merged mappings: keep it in one",
                            path,
                        )


def _explicit_tags(text: str) -> list[Problem]:
    """Every explicit tag (``!!binary``, ``!!python/object``, a bare ``!``): a profile is
    plain data, and a tag changes what a value means without showing it."""
    found = []
    for event in yaml.parse(text, Loader=_Loader):
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            mark = event.start_mark
            found.append(
                Problem(
                    mark.line + 1 if mark is not None else 1,
                    "",
                    f"explicit YAML tag {shown} is not allowed: write the plain value",
                )
            )
    return found


def _yaml_problem(exc: yaml.YAMLError, text: str = "") -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow
        line = text[: exc.position].count("\n") + 1
        return Problem(
            line,
            "",
            f"YAML syntax error: unacceptable character #x{exc.character:04x}: {exc.reason}",
        )
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    if isinstance(exc, yaml.MarkedYAMLError):
        parts = [p for p in (exc.context, exc.problem) if p]
        text = "; ".join(parts) if parts else "unreadable YAML"
    else:
        text = str(exc)
    return Problem(line, "", f"YAML syntax error: {text}")


def load_text(text: str | bytes, source: str) -> Document:
    """Parse one YAML document. Raises :class:`ProfileError` for anything unreadable."""
    if isinstance(text, bytes):
        raw = text
        if len(raw) > MAX_BYTES:
            raise ProfileError(source, [Problem(1, "", f"file larger than {MAX_BYTES} bytes")])
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise ProfileError(source, [Problem(line, "", "not UTF-8 text")]) from None
    if len(text) > MAX_BYTES:
        raise ProfileError(source, [Problem(1, "", f"file larger than {MAX_BYTES} bytes")])
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ProfileError(source, [_yaml_problem(exc, text)]) from None
    if root is None:
        raise ProfileError(source, [Problem(1, "", "the profile is empty")])
    if not isinstance(root, MappingNode):
        kind = "a list" if isinstance(root, SequenceNode) else "a single value"
        raise ProfileError(
            source,
            [
                Problem(
                    root.start_mark.line + 1,
                    "",
                    f"the profile must be a mapping of keys, not {kind}",
                )
            ],
        )
    tags = _explicit_tags(text)
    if tags:
        raise ProfileError(source, tags)
    builder = _Builder()
    builder.lines[()] = root.start_mark.line + 1
    try:
        data = builder.build(root, (), 0, root.start_mark.line + 1)
    except _TooBig as exc:
        raise ProfileError(source, [Problem(exc.line, field_path(exc.path), exc.message)]) from None
    except ConstructorError as exc:
        raise ProfileError(source, [_yaml_problem(exc)]) from None
    return Document(source=source, data=data, lines=builder.lines)


def load_file(path: Path, source: str | None = None) -> Document:
    """Read and parse a profile file; ``source`` is the name used in messages."""
    name = source if source is not None else str(path)
    return load_text(read_source(path, name), name)
