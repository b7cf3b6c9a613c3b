"""JSON Schemas for the data files, generated from the model (never written by hand).

One schema per kind of data file, named by :data:`govportal.data.model.SCHEMA_NAMES`. The
committed copies in ``schemas/`` let an editor with a YAML language server complete keys and
flag mistakes while the owner types; each data file names its schema in a first-line
comment::

    # yaml-language-server: $schema=../schemas/retention.schema.json

``govportal schemas`` rewrites the copies; ``govportal schemas --check`` and a test fail when
they are stale. The plugin publishes the same schemas under ``schemas/`` on the site.
"""

from __future__ import annotations

import functools
import inspect
import json
from pathlib import Path
from typing import Any

from . import model as m

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SUFFIX = ".schema.json"


def _file_of(model: type[m.Strict]) -> str:
    """The data file a model describes, as the owner sees it."""
    for name, candidate in m.SINGLE_FILES.items():
        if candidate is model:
            return f"data/{name}"
    if model is m.TranslationFile:
        return "data/translations/<lang>/<kind>.yaml"
    return f"data/{m.PROGRAMS_DIR}/<program-id>.yaml"


def filename(name: str) -> str:
    return f"{name}{SUFFIX}"


def schema_for(model: type[m.Strict]) -> dict[str, Any]:
    """The JSON Schema of one data file kind, with its identity first (a fresh copy)."""
    return json.loads(_schema_text(model))


@functools.cache
def _schema_text(model: type[m.Strict]) -> str:
    """The schema's text, made once per process: it follows from the code alone (pydantic
    takes a tenth of a second for all of them, on every rebuild of a live preview)."""
    return render(_schema(model))


def _schema(model: type[m.Strict]) -> dict[str, Any]:
    name = m.SCHEMA_NAMES[model]
    generated = model.model_json_schema()
    generated.pop("title", None)
    summary = inspect.cleandoc(model.__doc__ or "").split("\n\n")[0].replace("\n", " ")
    if summary.startswith("``"):  # "``data/x.yaml``: what it holds."
        summary = summary.partition(": ")[2] or f"The contents of {_file_of(model)}."
    head: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": filename(name),
        "title": _file_of(model),
        "description": f"{summary[:1].upper()}{summary[1:]} Generated from the portal's data "
                       "model: do not edit by hand.",
    }
    head.update({k: v for k, v in generated.items() if k != "description"})
    return head


def render(schema: dict[str, Any]) -> str:
    """Stable text: sorted keys would scramble property order, so keep the model's order."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def all_schemas() -> dict[str, str]:
    """File name → schema text, for every kind of data file."""
    return {filename(name): _schema_text(model)
            for model, name in sorted(m.SCHEMA_NAMES.items(), key=lambda item: item[1])}


def stale(out_dir: Path) -> list[str]:
    """Names of schema files in ``out_dir`` that are missing, outdated or no longer made."""
    wanted = all_schemas()
    found = {p.name for p in out_dir.glob(f"*{SUFFIX}")} if out_dir.is_dir() else set()
    bad = [name for name, text in wanted.items()
           if name not in found or (out_dir / name).read_text(encoding="utf-8") != text]
    bad += sorted(found - set(wanted))
    return sorted(bad)


def write(out_dir: Path) -> list[str]:
    """Write every schema into ``out_dir`` (and remove retired ones); return what changed."""
    changed = stale(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = all_schemas()
    for name in changed:
        path = out_dir / name
        if name in wanted:
            path.write_text(wanted[name], encoding="utf-8", newline="\n")
        else:
            path.unlink()
    return changed


def reference_line(name: str, depth: int = 1) -> str:
    """The first-line comment a data file uses to name its schema (``depth`` folders deep
    below the repository root)."""
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{filename(name)}"
