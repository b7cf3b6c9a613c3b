"""``govportal new``: start a program, a vendor, a transfer or a retention rule.

A program gets a file of its own (``data/programs/<id>.yaml``); a vendor, a transfer and a
retention rule are appended to the list in their file, whose text, comments included, stays
as it was. The new record holds every required key and every declaration the check asks
for (other sources, recipients, transfers, automated decisions, the manager guide's answer
per field), each with ``TODO`` for its value and a comment above it saying what to write:
the key's description from the data model (:mod:`.schema_reference`), so the comment, the
editor's hover text and the data reference page say the same. ``govportal check`` then
names each ``TODO`` still left (``data.placeholder``, :mod:`.unfilled`).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..problems import Problems
from . import model as m
from . import schemas
from .scaffold_templates import PROGRAM, RECORDS
from .schema_reference import example_text, key_at
from .suggestions import as_id
from .yaml_reader import load_text

KINDS = ("program", "vendor", "transfer", "retention")
WIDTH = 96
_COMMENT = re.compile(r"^(\s*)#\? (\S+)$")


class Refused(Exception):
    """The record cannot be written; ``usage`` when the command itself was wrong."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass
class ListFile:
    """A data file that holds one kind of record as a list under one key."""

    name: str
    key: str
    model: type[m.Strict]
    what: str


LISTS = {
    "vendor": ListFile("vendors.yaml", "vendors", m.VendorRegister, "vendor"),
    "transfer": ListFile("transfers.yaml", "transfers", m.TransferRegister, "transfer"),
    "retention": ListFile("retention.yaml", "rules", m.RetentionSchedule, "retention rule"),
}

def _path(dotted: str) -> tuple[str | int, ...]:
    return tuple(int(p) if p.isdigit() else p for p in dotted.split("."))


def comment(model: type[m.Strict], path: tuple[str | int, ...], indent: str) -> list[str]:
    """The comment lines above a key: what to write, the allowed values, an example."""
    key = key_at(model, path)
    if key is None:
        raise KeyError(f"the model {model.__name__} has no key at {path}")
    words = key.description.strip()
    if key.allowed:
        words += " Allowed: " + ", ".join(key.allowed) + "."
    if key.examples:
        words += f" Example: {example_text(key.examples[0])}"
    return textwrap.wrap(words, WIDTH - len(indent), initial_indent=f"{indent}# ",
                         subsequent_indent=f"{indent}# ", break_on_hyphens=False)


def render(template: str, model: type[m.Strict], prefix: tuple[str | int, ...] = (),
           **values: str) -> str:
    """The template with its values filled in and each ``#? path`` line replaced by the
    comment that describes the key at ``prefix + path``."""
    out: list[str] = []
    for line in template.format(**values).splitlines():
        marker = _COMMENT.match(line)
        if marker:
            out += comment(model, (*prefix, *_path(marker.group(2))), marker.group(1))
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def check_id(kind: str, record_id: str) -> None:
    if kind not in KINDS:
        raise Refused(f"unknown kind of record '{kind}': one of {', '.join(KINDS)}",
                      usage=True)
    if not re.match(m.ID_PATTERN, record_id):
        meant = as_id(record_id)
        hint = f" (did you mean '{meant}'?)" if meant and re.match(m.ID_PATTERN, meant) else ""
        raise Refused(f"'{record_id}' is not a valid id{hint}: ids use lower-case letters, "
                      "digits and hyphens, start and end with a letter or digit, at most 64 "
                      "characters (it becomes part of page addresses)", usage=True)


def _read(path: Path, label: str) -> Any:
    problems = Problems()
    doc = load_text(path.read_text(encoding="utf-8"), label, problems)
    if not doc.ok:
        raise Refused(f"{label} cannot be read, so nothing was added: fix it first "
                      f"(`govportal check` says what is wrong)")
    return doc


def _parsed(data_dir: Path, name: str) -> dict[str, Any]:
    """A data file as plain data, or nothing when it is missing or does not parse (the
    scaffold then asks for what it would have filled in)."""
    path = data_dir / name
    if not path.is_file():
        return {}
    doc = load_text(path.read_text(encoding="utf-8"), path.name, Problems())
    return doc.data if doc.ok and isinstance(doc.data, dict) else {}


def _sections(data_dir: Path, record_id: str) -> str:
    """``notice.sections``: one TODO per section the organisation's own requirements ask
    of every notice (or of this program's), each named with its requirement."""
    wanted = []
    for req in _parsed(data_dir, "requirements.yaml").get("requirements") or []:
        if not isinstance(req, dict) or not req.get("section"):
            continue
        only = ((req.get("applies_when") or {}).get("programs") or [])
        if only and record_id not in only:
            continue
        when = req.get("applies_when") or {}
        where = ", ".join(str(v) for v in [*(when.get("jurisdictions") or []),
                                            *(when.get("regimes") or [])])
        about = f"{req.get('title', req.get('id'))} ({req.get('id')}"
        about += f"; where it applies: {where})" if where else ")"
        lines = textwrap.wrap(f"The organisation's requirement: {about}. Delete the key "
                              "when it does not apply to this program.", WIDTH - 6,
                              initial_indent="    # ", subsequent_indent="    # ")
        wanted.append("\n".join(lines) + f"\n    {req['section']}: TODO")
    if not wanted:
        return ""
    return "  #? notice.sections\n  sections:\n" + "\n".join(wanted) + "\n"


def program_text(data_dir: Path, record_id: str) -> str:
    """A new program file, its jurisdictions taken from ``organisation.yaml``."""
    org = _parsed(data_dir, "organisation.yaml")
    places = [j for j in org.get("jurisdictions") or [] if isinstance(j, dict) and "id" in j]
    names = ", ".join(str(j["id"]) for j in places) or "see data/organisation.yaml"
    gdpr = [str(j["id"]) for j in places
            if {"eu_gdpr", "uk_gdpr"} & set(j.get("regimes") or [])]
    bases = "{" + ", ".join(f"{j}: TODO" for j in gdpr) + "}" if gdpr else "TODO"
    head = schemas.reference_line("program", depth=2)
    return head + "\n" + render(PROGRAM, m.Program, id=record_id, jurisdictions=names,
                                bases=bases, sections=_sections(data_dir, record_id))


def new_program(data_dir: Path, record_id: str) -> Path:
    check_id("program", record_id)
    folder = data_dir / m.PROGRAMS_DIR
    target = folder / f"{record_id}.yaml"
    if target.exists():
        raise Refused(f"data/{m.PROGRAMS_DIR}/{target.name} already exists: the program "
                      f"'{record_id}' is there; choose another id or edit that file")
    for other in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        doc = load_text(other.read_text(encoding="utf-8"), other.name, Problems())
        if doc.ok and isinstance(doc.data, dict) and doc.data.get("id") == record_id:
            raise Refused(f"data/{m.PROGRAMS_DIR}/{other.name} already has the id "
                          f"'{record_id}': choose another id")
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(program_text(data_dir, record_id), encoding="utf-8", newline="\n")
    return target


def _appended(text: str, lines: list[str], key: str, items: list[Any], doc: Any,
              block: str) -> str:
    """``text`` with ``block`` (an entry, dash at column 0) added at the end of the list."""
    dash = 2
    if items:
        first = lines[doc.values[(key, 0)][0] - 1]
        if not first.lstrip().startswith("- "):
            raise Refused(f"the list `{key}` is not written one entry per line; add the "
                          "entry by hand")
        dash = len(first) - len(first.lstrip())
    entry = textwrap.indent(block, " " * dash)
    top = [k for k in doc.data]
    later = top[top.index(key) + 1:]
    if not items:
        start = doc.keys[(key,)][0] - 1
        lines[start] = re.sub(rf"^{re.escape(key)}:\s*(\[\s*\])?\s*(#.*)?$",
                              lambda mt: f"{key}:" + (f"  {mt.group(2)}" if mt.group(2)
                                                      else ""), lines[start])
        if not lines[start].rstrip().startswith(f"{key}:") or "[" in lines[start]:
            raise Refused(f"the list `{key}` is not written one entry per line; add the "
                          "entry by hand")
    if not later:
        body = "\n".join(lines).rstrip("\n")
        return body + "\n" + entry
    stop = doc.keys[(later[0],)][0] - 1
    while stop > 0 and (not lines[stop - 1].strip() or lines[stop - 1].startswith("#")):
        stop -= 1
    return "\n".join([*lines[:stop], entry.rstrip("\n"), *lines[stop:]]) + "\n"


def create(data_dir: Path, kind: str, record_id: str) -> tuple[Path, int]:
    """Write the new record; (the file written, how many TODOs it holds)."""
    from .unfilled import placeholders

    path = (new_program(data_dir, record_id) if kind == "program"
            else new_record(data_dir, kind, record_id))
    doc = load_text(path.read_text(encoding="utf-8"), path.name, Problems())
    return path, len(list(placeholders(doc.data)))


def new_record(data_dir: Path, kind: str, record_id: str) -> Path:
    """Append a new vendor, transfer or retention rule to its list file."""
    check_id(kind, record_id)
    spec = LISTS[kind]
    path = data_dir / spec.name
    label = f"data/{spec.name}"
    if not path.exists():
        path.write_text(schemas.reference_line(spec.name.removesuffix(".yaml"))
                        + f"\n{spec.key}: []\n",
                        encoding="utf-8", newline="\n")
    doc = _read(path, label)
    data = doc.data if isinstance(doc.data, dict) else None
    items = data.get(spec.key) if data is not None else None
    if data is None or not isinstance(items, list | type(None)):
        raise Refused(f"{label} does not hold a list under `{spec.key}:`; add the {spec.what} "
                      "by hand")
    items = items or []
    if any(isinstance(i, dict) and i.get("id") == record_id for i in items):
        raise Refused(f"{label} already has a {spec.what} with the id '{record_id}': choose "
                      "another id or edit that entry")
    block = render(RECORDS[kind], spec.model, (spec.key,), id=record_id)
    text = path.read_text(encoding="utf-8")
    new_text = _appended(text, text.splitlines(), spec.key, items, doc, block)
    after = load_text(new_text, label, Problems())
    if not after.ok or (after.data or {}).get(spec.key, [])[:-1] != items or \
            {k: v for k, v in after.data.items() if k != spec.key} != \
            {k: v for k, v in data.items() if k != spec.key}:
        raise Refused(f"adding the {spec.what} would change what {label} holds; add it by "
                      "hand")
    path.write_text(new_text, encoding="utf-8", newline="\n")
    return path
