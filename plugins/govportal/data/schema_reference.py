"""The data files' keys in words, read from their JSON Schemas.

The data reference page (``pages/data_reference.py``) and the scaffolds of ``govportal new``
(:mod:`.scaffold`) both describe a key through :func:`reference`, so what the page says a
key holds, what a new file's comment asks for and what the editor shows on hover are the one
description in the model (the schema is generated from it by :mod:`.schemas`).

Each kind of data file is a list of :class:`Table` values: the file's own keys first, then
one table per kind of mapping nested in it (a purpose, a contact …), in the order the file
first reaches them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import model as m
from . import schemas
from .model.types import URL_PATTERN

# What a value matching each of the model's patterns is called.
_PATTERNS = {
    m.ID_PATTERN: "id",
    m.VERSION_PATTERN: "version in quotes",
    r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$": "e-mail address",
    URL_PATTERN: "https:// address or site address",
    r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$": "country code",
}
_DECLARED = "Declared"


@dataclass
class Key:
    """One key of a mapping, in words."""

    name: str
    type: str
    required: bool
    description: str
    allowed: list[str] = field(default_factory=list)
    examples: list[Any] = field(default_factory=list)
    default: Any = None
    has_default: bool = False
    ref: str | None = None  # the nested mapping's definition, when the value is one


@dataclass
class Table:
    """The keys of one kind of mapping, and the YAML paths where it occurs."""

    name: str  # the definition's name ("" for the file itself)
    title: str  # the definition's name in words ("retention rule")
    anchor: str
    paths: list[str]
    description: str
    keys: list[Key]


@dataclass
class FileReference:
    schema: str  # "program"
    file: str  # "data/programs/<program-id>.yaml"
    description: str
    tables: list[Table]


_NUMBER_LIKE = re.compile(r"^[0-9][0-9.]*$")


def example_text(value: Any) -> str:
    """An example as a policy owner writes it in YAML, on one line: ``"1.2"`` quoted (it
    would be a number), a date or a sentence as it is, ``[de, gb]``, ``{none: …}``."""
    if isinstance(value, str):
        return f'"{value}"' if _NUMBER_LIKE.match(value) else value
    import yaml

    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.removesuffix("\n...\n").strip()


def _ref_name(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


class _Reader:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema.get("$defs", {})

    def is_object(self, name: str) -> bool:
        return "properties" in self.defs.get(name, {})

    def words(self, node: dict[str, Any]) -> str:
        """The type of a value, in words (``list of ids``, ``true or false`` …)."""
        name = _ref_name(node)
        if name is not None:
            target = self.defs.get(name, {})
            if "enum" in target:
                return "an allowed value"
            if name == _DECLARED:
                return "`{none: why}`"
            title = _title(name)
            return f"{'an' if title[0] in 'aeiou' else 'a'} {title} mapping"
        for union in ("anyOf", "oneOf"):
            if union in node:
                parts = [self.words(b) for b in node[union] if b.get("type") != "null"]
                return " or ".join(dict.fromkeys(parts))
        kind = node.get("type")
        if kind == "string":
            if "enum" in node:
                return "an allowed value"
            if node.get("format") == "date":
                return "date (YYYY-MM-DD)"
            return _PATTERNS.get(node.get("pattern", ""), "text")
        if kind == "boolean":
            return "true or false"
        if kind == "integer":
            low, high = node.get("minimum"), node.get("maximum")
            return "whole number" + (f" from {low} to {high}" if low is not None and high
                                     is not None else f", {low} or more" if low is not None
                                     else "")
        if kind == "array":
            item = self.words(node.get("items", {}))
            return f"list of {_plural(item)}"
        if kind == "object":
            values = node.get("additionalProperties")
            keys = "text"
            if isinstance(node.get("patternProperties"), dict):
                pattern, values = next(iter(node["patternProperties"].items()))
                keys = _PATTERNS.get(pattern, "text")
            if isinstance(values, dict):
                return f"mapping of {keys} to {self.words(values)}"
            return "mapping"
        return "any value"

    def allowed(self, node: Any) -> list[str]:
        """Every fixed value the key accepts (its enum, wherever it sits in the type)."""
        if isinstance(node, list):
            return [v for part in node for v in self.allowed(part)]
        if not isinstance(node, dict):
            return []
        name = _ref_name(node)
        if name is not None:
            return [str(v) for v in self.defs.get(name, {}).get("enum", [])]
        found = [str(v) for v in node.get("enum", [])]
        for key in ("anyOf", "oneOf", "items", "additionalProperties"):
            found += self.allowed(node.get(key))
        for value in (node.get("patternProperties") or {}).values():
            found += self.allowed(value)
        return list(dict.fromkeys(found))

    def nested(self, node: Any, suffix: str = "") -> list[tuple[str, str]]:
        """The definitions of the mappings a value may hold, in order, each with where it
        sits below the key (``[]`` in a list, ``.<key>`` as a mapping's value)."""
        if isinstance(node, list):
            return [n for part in node for n in self.nested(part, suffix)]
        if not isinstance(node, dict):
            return []
        name = _ref_name(node)
        if name is not None:
            return [(name, suffix)] if self.is_object(name) else []
        found = self.nested(node.get("anyOf"), suffix) + self.nested(node.get("oneOf"), suffix)
        found += self.nested(node.get("items"), suffix + "[]")
        found += self.nested(node.get("additionalProperties"), suffix + ".<key>")
        for value in (node.get("patternProperties") or {}).values():
            found += self.nested(value, suffix + ".<key>")
        return found

    def keys(self, node: dict[str, Any]) -> list[Key]:
        required = set(node.get("required", []))
        out = []
        for name, prop in node.get("properties", {}).items():
            refs = self.nested(prop)
            out.append(Key(name, self.words(prop), name in required,
                           " ".join(str(prop.get("description", "")).split()),
                           self.allowed(prop),
                           list(prop.get("examples", [])), prop.get("default"),
                           prop.get("default") is not None, refs[0][0] if refs else None))
        return out


# Definitions whose name does not read as words once split.
_TITLES = {"HrSignoff": "HR sign-off", "Dpa": "data processing agreement",
           "DataSubjects": "data subject group", "PolicyChanges": "policy change",
           "Declared": "statement that there is none"}


def _title(name: str) -> str:
    """``RetentionRule`` → ``retention rule``."""
    return _TITLES.get(name) or re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).lower()


def _plural(words: str) -> str:
    if words.startswith(("a ", "an ")) and words.endswith(" mapping"):
        return words.partition(" ")[2] + "s"
    if words == "an allowed value":
        return "allowed values"
    if words in ("id", "text", "e-mail address", "country code"):
        return {"id": "ids", "text": "texts", "e-mail address": "e-mail addresses",
                "country code": "country codes"}[words]
    return words


def file_reference(model: type[m.Strict]) -> FileReference:
    """Every table of keys of one kind of data file."""
    name = m.SCHEMA_NAMES[model]
    schema = schemas.schema_for(model)
    reader = _Reader(schema)
    tables: dict[str, Table] = {}
    queue: list[tuple[str, str, dict[str, Any]]] = [("", "", schema)]
    while queue:
        def_name, path, node = queue.pop(0)
        if def_name in tables:
            tables[def_name].paths.append(path)
            continue
        description = "" if not def_name else str(node.get("description", ""))
        table = Table(def_name, _title(def_name) if def_name else "",
                      f"{name}-{def_name.lower()}" if def_name else name,
                      [path] if path else [], description, reader.keys(node))
        tables[def_name] = table
        for key in table.keys:
            for child, below in dict.fromkeys(reader.nested(node["properties"][key.name])):
                where = f"{path}.{key.name}" if path else key.name
                queue.append((child, where + below, reader.defs[child]))
    summary = str(schema["description"]).split(" Generated from the portal's data model")[0]
    return FileReference(name, str(schema["title"]), summary,
                         list(tables.values()))


def reference() -> list[FileReference]:
    """Every kind of data file: programs first (the file owners write most), then the rest
    in the order of ``data/``."""
    models = [m.Program, *m.SINGLE_FILES.values()]
    return [file_reference(model) for model in models]


def _branches(reader: _Reader, node: Any) -> list[dict[str, Any]]:
    """``node`` and every schema it may stand for (its reference, its union's branches)."""
    if not isinstance(node, dict):
        return []
    found = [node]
    name = _ref_name(node)
    if name is not None:
        found += _branches(reader, reader.defs.get(name))
    for union in ("anyOf", "oneOf"):
        for branch in node.get(union, []):
            found += _branches(reader, branch)
    return found


def key_at(model: type[m.Strict], path: tuple[str | int, ...]) -> Key | None:
    """The key a YAML path in a file of ``model`` leads to (the nearest named key for a
    list entry or a mapping's value), or None when the schema has no such place."""
    schema = schemas.schema_for(model)
    reader = _Reader(schema)
    node: Any = schema
    key: Key | None = None
    for part in path:
        branches = _branches(reader, node)
        if isinstance(part, int):
            node = next((b["items"] for b in branches if isinstance(b.get("items"), dict)),
                        None)
        else:
            owner = next((b for b in branches if part in b.get("properties", {})), None)
            if owner is not None:
                node = owner["properties"][part]
                key = next(k for k in reader.keys(owner) if k.name == part)
                continue
            node = next((v for b in branches
                         for v in [b.get("additionalProperties"),
                                   *(b.get("patternProperties") or {}).values()]
                         if isinstance(v, dict)), None)
        if node is None:
            return None
    return key


def table_for(model: type[m.Strict], def_name: str = "") -> Table:
    """One table of a file kind: its own keys (``""``), or a nested mapping's."""
    for table in file_reference(model).tables:
        if table.name == def_name:
            return table
    raise KeyError(def_name)
