"""A parsed YAML document checked against its model: every pydantic error a located problem.

Unknown keys get a "did you mean"; patterns get a plain name ("a valid id", "an ISO 3166
country code"); long values are shortened when quoted.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from ..problems import Location, Problems
from . import model as m
from .model.types import URL_PATTERN
from .positions import Document, format_path
from .positions import Path as YPath


def validate(doc: Document, model: type[BaseModel], problems: Problems) -> Any:
    """Validate ``doc.data`` against ``model``; each pydantic error becomes a problem."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _report(doc, model, error, problems)
        return None


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
            problems: Problems) -> None:
    loc: YPath = tuple(p for p in error["loc"]
                       if isinstance(p, (str, int)) and p not in _UNION_TAGS)
    kind = error["type"]
    if kind == "extra_forbidden":
        key = loc[-1]
        choices = _fields_at(model, loc[:-1])
        guess = difflib.get_close_matches(str(key), choices, n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'?" if guess else (
            "allowed keys here: " + ", ".join(choices) if choices else "remove it")
        problems.add("schema.unknown-key", f"unknown key '{key}'",
                     doc.location(loc, key=True), hint)
        return
    if kind == "missing":
        parent = doc.location(loc[:-1])
        where = Location(parent.file, parent.line, parent.column, format_path(loc))
        problems.add("schema.missing", f"the required key '{loc[-1]}' is missing", where,
                     f"add `{loc[-1]}:` to the mapping that starts here")
        return
    value = error.get("input")
    shown = _shown(value)
    message = error["msg"]
    if kind in ("model_type", "dict_type"):
        message = "input should be a mapping of keys and values"
    if kind == "string_pattern_mismatch":
        hint = _pattern_hint(loc)
        what = _PATTERN_NAMES.get(str(error.get("ctx", {}).get("pattern", "")))
        if what is not None:
            message = f"{shown} is not {what}"
            foreign = [c for c in str(value) if not c.isascii()]
            if foreign:  # a look-alike letter (Cyrillic 'а' for Latin 'a') is invisible
                message += f" (it contains the non-ASCII character U+{ord(foreign[0]):04X})"
            problems.add("schema.value", message, doc.location(loc), hint)
            return
    elif kind == "enum":
        hint = "use one of: " + str(error.get("ctx", {}).get("expected", ""))
    else:
        hint = _HINTS.get(kind, "")
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    if isinstance(value, str) and kind == "bool_type":
        problems.add("schema.type", f"{shown} is not true or false", doc.location(loc), hint)
        return
    problems.add("schema.type" if kind.endswith("_type") else "schema.value",
                 f"{message[0].lower()}{message[1:]} (got {shown})", doc.location(loc), hint)


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
