"""The data reference page: every key of every kind of data file, from the JSON Schemas.

The words come from :mod:`govportal.data.schema_reference`, which reads the same schemas the
editor uses, so the page, the editor's hover text and ``govportal new``'s comments cannot
say different things. Each mapping is one table (key, required, type, what to write); on a
phone the tables reflow into cards like every register.
"""

from __future__ import annotations

from typing import Any

from ..data.schema_reference import FileReference, Key, Table, example_text, reference
from .context import PageContext
from .page import DATA_REFERENCE, Page


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _required(key: Key) -> str:
    if key.required:
        return "yes"
    if key.has_default:
        return f"no (left out: {_code(example_text(key.default))})"
    return "no"


def _holds(key: Key, anchors: dict[str, str]) -> str:
    parts = [key.description.strip()]
    if key.allowed:
        parts.append("Allowed: " + ", ".join(_code(v) for v in key.allowed) + ".")
    if key.examples:
        parts.append("Example: " + _code(example_text(key.examples[0])) + ".")
    if key.ref is not None and key.ref in anchors:
        parts.append(f"Its keys: [below](#{anchors[key.ref]}).")
    return " ".join(p for p in parts if p)


def _rows(table: Table, anchors: dict[str, str]) -> list[dict[str, str]]:
    return [{"key": _code(k.name), "required": _required(k), "type": k.type,
             "holds": _holds(k, anchors)} for k in table.keys]


def _file(ref: FileReference) -> dict[str, Any]:
    anchors = {t.name: t.anchor for t in ref.tables if t.name}
    tables = [{"title": t.title, "anchor": t.anchor,
               "where": "At " + ", ".join(_code(path) for path in t.paths)
                        + f" in {_code(ref.file)}.",
               "description": t.description, "rows": _rows(t, anchors)}
              for t in ref.tables]
    return {"schema": ref.schema, "file": ref.file, "description": ref.description,
            "link": f"[{_code(ref.file)}](#{tables[0]['anchor']})",
            "own": tables[0], "nested": tables[1:]}


def data_reference(b: PageContext) -> Page:
    files = [_file(ref) for ref in reference()]
    return Page(DATA_REFERENCE, "Data reference", b.render(
        "data-reference.md.j2", files=files), "owners", {"govportal": "data-reference"})
