"""A parsed YAML document checked against its model: every pydantic error a located problem.

Unknown keys, enum values, yes/no values and ids get a "did you mean" (from
:mod:`.suggestions`); a required key missing because it was misspelt is not reported apart:
it follows from the unknown key, which says so. Patterns get a plain name ("a valid id", "an
ISO 3166 country code"); long values are shortened when quoted.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from ..problems import Location, Problems
from . import model as m
from .model.types import URL_PATTERN
from .positions import Document, format_path
from .positions import Path as YPath
from .suggestions import as_id, closest, did_you_mean


def validate(doc: Document, model: type[BaseModel], problems: Problems,
             skip: frozenset[YPath] = frozenset()) -> Any:
    """Validate ``doc.data`` against ``model``; each pydantic error becomes a problem,
    except those at a path in ``skip`` (a ``TODO`` already reported as still to fill in)."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        errors = _one_per_union(_with_data_paths(exc.errors(include_url=False), doc.data))
        missing = {_loc(e) for e in errors if e["type"] == "missing"}
        for error in errors:
            if _loc(error) not in skip:
                _report(doc, model, error, problems, missing)
        return None


def _loc(error: dict[str, Any]) -> YPath:
    """The error's path in the data (set by :func:`_with_data_paths`)."""
    return error["data_loc"]


def _with_data_paths(errors: list[dict[str, Any]], data: Any) -> list[dict[str, Any]]:
    """Each error with ``data_loc``, its path in the data: the model's union tags
    (``named``, or pydantic's type names such as ``list[str-enum[LawfulBasis]]``) are not
    part of it. A part is kept when the data holds it there, or when it cannot be a tag.

    >>> [_with_data_paths([{"loc": ("b", "list[x]")}], {"b": "y"})[0]["data_loc"]]
    [('b',)]
    >>> [_with_data_paths([{"loc": ("[",)}], {"[": None})[0]["data_loc"]]
    [('[',)]
    """
    for error in errors:
        path: list[str | int] = []
        current = data
        for part in error["loc"]:
            if isinstance(part, int):
                path.append(part)
                current = current[part] if isinstance(current, list) and \
                    -len(current) <= part < len(current) else None
            elif isinstance(current, dict) and part in current:
                path.append(part)
                current = current[part]
            elif isinstance(part, str) and part not in _UNION_TAGS and "[" not in part:
                path.append(part)  # a key the data lacks (a missing or unknown key)
                current = None
        error["data_loc"] = tuple(path)
    return errors


_SHAPE_ERRORS = frozenset({"list_type", "dict_type", "model_type", "string_type"})


def _one_per_union(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One error per value a union rejected: pydantic reports each branch that failed, e.g.
    for ``legitimat_interests`` both "should be a list" (the list branch) and "should be
    'consent', …" (the single value branch). The branch that had the right shape says
    what is wrong; the others only say that the value is not of their shape.

    >>> one = {"type": "enum", "loc": ("b", "str-enum[B]"), "input": "x"}
    >>> other = {"type": "list_type", "loc": ("b", "list[str-enum[B]]"), "input": "x"}
    >>> [e["type"] for e in _one_per_union(_with_data_paths([other, one], {"b": "x"}))]
    ['enum']
    """
    by_value: dict[YPath, list[dict[str, Any]]] = {}
    for error in errors:
        if len(_loc(error)) < len(error["loc"]):  # inside a union
            by_value.setdefault(_loc(error), []).append(error)
    dropped: set[int] = set()
    for group in by_value.values():
        shaped = [e for e in group if e["type"] not in _SHAPE_ERRORS]
        if shaped and len(group) > 1:
            dropped |= {id(e) for e in group if e["type"] in _SHAPE_ERRORS}
    return [e for e in errors if id(e) not in dropped]


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys a model accepts at ``loc`` (for "did you mean" suggestions)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    return list(getattr(current, "model_fields", {}))


def carried_by(model: type[BaseModel], keys: list[str]) -> list[str]:
    """The notice evidence topics the key at ``keys`` carries (``x-carries`` metadata, see
    :func:`govportal.data.model.types.carries`); empty for a key that carries none."""
    current: Any = model
    info = None
    for key in keys:
        info = getattr(current, "model_fields", {}).get(key) if current is not None else None
        if info is None:
            return []
        current = _inner_model(info.annotation)
    extra = info.json_schema_extra if info is not None else None
    return list(extra.get("x-carries", [])) if isinstance(extra, dict) else []


def _inner_model(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


# The tags of the model's discriminated unions appear in error paths, not in the data.
_UNION_TAGS = m.DECLARED_TAGS | {"shared", "by-regime", "authority-id", "authority-named"}

_HINTS = {
    "missing": "add it",
    "bool_type": "write true or false (yes/no/on/off are not booleans here)",
    "int_type": "write a whole number without quotes or leading zeros",
    "string_type": "write text; put quotes around values like 1.0, true or 2026-01-01",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD",
    "date_parsing": "write the date as YYYY-MM-DD",
    "date_type": "write the date as YYYY-MM-DD",
    "string_pattern_mismatch": "",
    "list_type": "write a list (lines starting with '- ')",
    "dict_type": "write a mapping of keys and values",
    "model_type": "write a mapping of keys and values",
    "enum": "",
    "too_short": "add at least one entry",
    "string_too_short": "write some text: an empty value says nothing",
    "string_too_long": "shorten the text",
    "value_error": "",
}


def _report(doc: Document, model: type[BaseModel], error: dict[str, Any],
            problems: Problems, missing: set[YPath]) -> None:
    loc = _loc(error)
    kind = error["type"]
    if kind == "extra_forbidden":
        key = loc[-1]
        choices = _fields_at(model, loc[:-1])
        guess = closest(str(key), choices)
        hint = f"did you mean '{guess}'?" if guess else (
            "allowed keys here: " + ", ".join(choices) if choices else "remove it")
        causes = []
        if guess is not None and (*loc[:-1], guess) in missing:  # `sumary:` for `summary:`
            hint += f" ('{guess}' is required, and missing here)"
            causes = [_missing_key(doc, (*loc[:-1], guess))]
        problems.add("schema.unknown-key", f"unknown key '{key}'",
                     doc.location(loc, key=True), hint, causes=causes)
        return
    if kind == "missing":
        parent = doc.location(loc[:-1])
        where = Location(parent.file, parent.line, parent.column, format_path(loc))
        problems.add("schema.missing", f"the required key '{loc[-1]}' is missing", where,
                     f"add `{loc[-1]}:` to the mapping that starts here",
                     follows=_missing_key(doc, loc))
        return
    value = error.get("input")
    shown = _shown(value)
    message = error["msg"]
    if kind in ("model_type", "dict_type"):
        message = "input should be a mapping of keys and values"
    if kind == "string_pattern_mismatch":
        hint = _pattern_hint(loc)
        pattern = str(error.get("ctx", {}).get("pattern", ""))
        what = _PATTERN_NAMES.get(pattern)
        meant = as_id(str(value)) if pattern == m.ID_PATTERN else None
        if meant is not None and re.match(m.ID_PATTERN, meant):
            hint = f"did you mean '{meant}'? {hint}"
        if what is not None:
            message = f"{shown} is not {what}"
            foreign = [c for c in str(value) if not c.isascii()]
            if foreign:  # a look-alike letter (Cyrillic 'а' for Latin 'a') is invisible
                message += f" (it contains the non-ASCII character U+{ord(foreign[0]):04X})"
            problems.add("schema.value", message, doc.location(loc), hint)
            return
    elif kind == "enum":
        expected = str(error.get("ctx", {}).get("expected", ""))
        hint = did_you_mean(str(value), _QUOTED.findall(expected)) or "use one of: " + expected
    else:
        hint = _HINTS.get(kind, "")
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
        if message.startswith("write a period") and isinstance(value, str):
            hint = _period_hint(value)
    if isinstance(value, str) and kind == "bool_type":
        guess = closest(value, ("true", "false"))
        problems.add("schema.type", f"{shown} is not true or false", doc.location(loc),
                     f"did you mean {guess}?" if guess else hint)
        return
    problems.add("schema.type" if kind.endswith("_type") else "schema.value",
                 f"{message[0].lower()}{message[1:]} (got {shown})", doc.location(loc), hint)


_QUOTED = re.compile(r"'([^']*)'")


_PERIOD_WRITTEN = re.compile(r"\s*([0-9]+)\s*([A-Za-z]+)\.?\s*")
_UNITS = ("day", "days", "week", "weeks", "month", "months", "year", "years")


def _period_hint(value: str) -> str:
    """``2 yaers`` → did you mean '2 years'?"""
    written = _PERIOD_WRITTEN.fullmatch(value)
    unit = closest(written.group(2), _UNITS) if written else None
    if written is None or unit is None or not 1 <= int(written.group(1)) <= 9999:
        return ""
    number = int(written.group(1))
    unit = unit.removesuffix("s") + ("s" if number != 1 else "")
    return f"did you mean '{number} {unit}'?"


def _missing_key(doc: Document, loc: YPath) -> tuple[str, ...]:
    return ("key", doc.file, format_path(loc))


# What a value matching each pattern of the model is called, for messages.
_PATTERN_NAMES = {
    m.ID_PATTERN: "a valid id",
    r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$": "a valid e-mail address",
    URL_PATTERN: "an https:// address or a site address (one '/' and then a path)",
    r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$": "an ISO 3166 country code such as DE or US-CA",
    m.VERSION_PATTERN: "a version number such as \"1.2\"",
}
_SHOWN_MAX = 60


def _shown(value: Any) -> str:
    """The value a problem quotes, as the policy owner wrote it (long text shortened)."""
    if value is None:
        return "nothing: the value is empty"
    if isinstance(value, str) and len(value) > _SHOWN_MAX:
        return f"{value[:_SHOWN_MAX - 20]!r}… ({len(value):,} characters)"
    if isinstance(value, (str, int, float, bool)):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _pattern_hint(loc: YPath) -> str:
    last = str(loc[-1]) if loc else ""
    if last == "id" or last.endswith("s") or isinstance(loc[-1] if loc else None, int):
        return ("ids use lower-case letters, digits and hyphens only (no spaces, dots or "
                "slashes), at most 64 characters")
    if last == "email":
        return "write an e-mail address like privacy@example.com"
    if last in ("url", "website", "privacy_policy_url"):
        return ("write an https:// address, or a site address that starts with a single / "
                "(never //host or /\\host, which lead to another site)")
    if last == "version":
        return 'write the version in quotes, e.g. "1.2"'
    return ""
