"""Loaded YAML -> validated :class:`Profile`, or one :class:`ProfileError` with every problem.

pydantic's messages are written for programmers; here each becomes
``FILE:LINE: field.path: message`` in the operator's terms.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator import checks, profile
from generator.errors import Problem, ProfileError
from generator.loader import Document, field_path, load_file, load_text


def _network_models() -> tuple[type[BaseModel], ...]:
    """The network models of the profile's discriminated union."""
    return get_args(get_args(profile.Network)[0])


def _tag(model: type[BaseModel]) -> str:
    return str(get_args(model.model_fields["type"].annotation)[0])


def _network_tags() -> frozenset[str]:
    return frozenset(_tag(model) for model in _network_models())


_NETWORK_TAGS = _network_tags()


def _step(node: Any, part: str | int) -> Any:
    """From a model or type annotation one step down ``part`` of an error location."""
    while get_origin(node) is Annotated:
        node = get_args(node)[0]
    if isinstance(node, type) and issubclass(node, BaseModel):
        field = node.model_fields.get(str(part))
        return field.annotation if field else None
    origin = get_origin(node)
    if origin is list:
        return get_args(node)[0]
    if origin is dict:
        return get_args(node)[1]
    if origin in (Union, UnionType):
        models = [a for a in get_args(node) if isinstance(a, type) and issubclass(a, BaseModel)]
        for model in models:  # a discriminated union: the location names the tag
            tag = model.model_fields.get("type")
            if tag is not None and part in get_args(tag.annotation):
                return model
        return _step(models[0], part) if len(models) == 1 else None
    return None


def _keys_at(loc: Sequence[str | int]) -> list[str]:
    """The keys the model allows where an unknown key was found (raw pydantic location)."""
    node: Any = profile.Profile
    for part in loc[:-1]:
        if part == "[key]":
            return []
        node = _step(node, part)
        if node is None:
            return []
    while get_origin(node) is Annotated:
        node = get_args(node)[0]
    if get_origin(node) in (Union, UnionType):  # `StaticAddress | None`
        models = [a for a in get_args(node) if isinstance(a, type) and issubclass(a, BaseModel)]
        node = models[0] if len(models) == 1 else None
    if isinstance(node, type) and issubclass(node, BaseModel):
        return sorted(node.model_fields)
    return []


def _in_a_network(loc: Sequence[str | int]) -> bool:
    return len(loc) == 4 and loc[0] == "networks" and loc[2] in _NETWORK_TAGS


def _network_types_with(key: str) -> list[str]:
    """The network types that have a field ``key``."""
    return sorted(_tag(model) for model in _network_models() if key in model.model_fields)


def _tags() -> str:
    return ", ".join(sorted(_NETWORK_TAGS))


def _clean_loc(loc: Sequence[str | int]) -> tuple[str | int, ...]:
    """Drop pydantic's bookkeeping (``[key]``, union tags) from an error location."""
    parts = [p for p in loc if p != "[key]"]
    if len(parts) >= 3 and parts[0] == "networks" and parts[2] in _NETWORK_TAGS:
        del parts[2]
    return tuple(parts)


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
        allowed = _keys_at(err["loc"])
        owners = _network_types_with(key) if _in_a_network(err["loc"]) else []
        if owners:
            return f"unknown key {key!r} for this network type ({key} belongs to {' and '.join(owners)} networks)"
        close = difflib.get_close_matches(key, allowed, n=1)
        if close:
            return f"unknown key {key!r} (did you mean {close[0]!r}?)"
        return f"unknown key {key!r}" + (f" (allowed: {', '.join(allowed)})" if allowed else "")
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
