"""Loaded YAML -> validated :class:`Profile`, or one :class:`ProfileError` with every problem.

pydantic's messages are written for programmers; here each becomes
``FILE:LINE: field.path: message`` in the operator's terms.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator import checks, profile
from generator.errors import Problem, ProfileError
from generator.loader import Document, load_file, load_text


def _network_tags() -> frozenset[str]:
    union = get_args(profile.Network)[0]
    return frozenset(
        tag for model in get_args(union) for tag in get_args(model.model_fields["type"].annotation)
    )


_NETWORK_TAGS = _network_tags()


def _all_field_names() -> frozenset[str]:
    found: set[str] = set()
    for obj in vars(profile).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel):
            found.update(obj.model_fields)
    return frozenset(found)


_FIELDS = _all_field_names()


def _tags() -> str:
    return ", ".join(sorted(_NETWORK_TAGS))


def _clean_loc(loc: Sequence[str | int]) -> tuple[str | int, ...]:
    """Drop pydantic's bookkeeping (``[key]``, union tags) from an error location."""
    parts = [p for p in loc if p != "[key]"]
    if len(parts) >= 3 and parts[0] == "networks" and parts[2] in _NETWORK_TAGS:
        del parts[2]
    return tuple(parts)


def field_path(loc: Iterable[str | int]) -> str:
    """``('vms', 0, 'nics', 1, 'mac')`` -> ``vms[0].nics[1].mac``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _message(err: ErrorDetails) -> str:
    kind = err["type"]
    msg = err["msg"]
    value = err.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        key = str(err["loc"][-1]) if err["loc"] else ""
        close = difflib.get_close_matches(key, sorted(_FIELDS), n=1)
        return f"unknown key {key!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
    if kind == "union_tag_not_found":
        return f"required field is missing (one of {_tags()})"
    if kind == "union_tag_invalid":
        return (
            f"unknown network type {_short((err.get('ctx') or {}).get('tag'))} (one of {_tags()})"
        )
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be a mapping of keys, not {_short(value)}"
    if kind == "list_type":
        return f"must be a list, not {_short(value)}"
    if kind == "literal_error":
        expected = (err.get("ctx") or {}).get("expected", "")
        return f"must be one of {expected}, not {_short(value)}"
    if kind.startswith(("ip_v4", "ip_any")):
        return f"{_short(value)} is not an IPv4 address"
    text = msg.replace("Input should be", "must be")
    if kind.endswith("_type") or kind.endswith("_parsing"):
        text += f", not {_short(value)}"
    return text


def parse_document(doc: Document) -> profile.Profile:
    """Validate a loaded document; raise :class:`ProfileError` listing every problem."""
    try:
        result = profile.Profile.model_validate(doc.data)
    except ValidationError as exc:
        found = []
        for err in exc.errors(include_url=False):
            loc = _clean_loc(err["loc"])
            if err["type"] in ("union_tag_not_found", "union_tag_invalid"):
                loc = (*loc, "type")
            found.append(Problem(doc.line_of(loc), field_path(loc), _message(err)))
        raise ProfileError(doc.source, found) from None
    cross = checks.problems(result)
    if cross:
        raise ProfileError(
            doc.source,
            [Problem(doc.line_of(path), field_path(path), message) for path, message in cross],
        )
    return result


def parse_text(text: str | bytes, source: str = "<profile>") -> profile.Profile:
    return parse_document(load_text(text, source))


def parse_file(path: Path, source: str | None = None) -> profile.Profile:
    return parse_document(load_file(path, source))
