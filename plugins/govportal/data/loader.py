"""Load ``data/`` into validated models, turning every failure into a located problem.

``load_policy(data_dir)`` reads each data file with :mod:`.yaml_reader`, validates it with
its model from :mod:`.model` (:mod:`.validation`), and returns a :class:`~.policy.Policy`
that keeps, beside the models, the parsed documents so any later rule can point at a line
and column.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..problems import Location, Problems
from . import model as m
from . import unfilled
from .declarations import declared_ids, program_ids
from .file_policy import Folder, Refusal, TooLarge
from .load_memo import LoadMemo
from .policy import _ALL_ATTRS, Policy
from .suggestions import did_you_mean
from .translations import TRANSLATIONS_DIR, load_translations
from .validation import validate
from .yaml_reader import MAX_BYTES, load_bytes

MAX_FILES = 5_000


def _label(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def load_policy(data_dir: Path, problems: Problems, *, label_base: Path | None = None,
                memo: LoadMemo | None = None) -> Policy:
    """Read and validate every file under ``data_dir``. Never raises for bad data.
    ``memo``: a live preview's files from its last check (see :mod:`.load_memo`)."""
    data_dir = Path(data_dir)
    load_one = functools.partial(_load_one, memo=memo)
    base = label_base if label_base is not None else data_dir.parent
    policy = Policy(root=data_dir)
    if not data_dir.is_dir():
        problems.add("data.missing-dir", f"the data folder '{_label(data_dir, base)}' does not "
                     "exist", Location(_label(data_dir, base)),
                     "create it, or point the plugin's `data_dir` option at your data")
        return policy

    folder = policy.folder = Folder(data_dir, "the data folder")
    known = set(m.SINGLE_FILES) | {m.PROGRAMS_DIR, TRANSLATIONS_DIR}
    for entry in folder.listing(data_dir):
        name = entry.name
        if name in known:
            continue
        label = _label(entry, base)
        hint = did_you_mean(name, sorted(known)) or (
            "data/ holds only: " + ", ".join(sorted(known)))
        problems.add("data.unknown-file", f"'{name}' is not a known data file",
                     Location(label), hint)

    for name, model in m.SINGLE_FILES.items():
        path = data_dir / name
        label = _label(path, base)
        if not path.exists() and not path.is_symlink():
            if name not in m.OPTIONAL_FILES:
                problems.add("data.missing-file", f"the required data file '{name}' is missing",
                             Location(label), f"create {label} (see the README's data guide)")
            continue
        mark = problems.mark()
        value = load_one(path, label, model, problems, policy)
        if value is not None:
            setattr(policy, _ALL_ATTRS[name], value)
            policy.files[_ALL_ATTRS[name]] = label
        else:
            _not_loaded(policy, problems, mark, label, declared_ids(name, _parsed(policy, label)))

    programs_dir = data_dir / m.PROGRAMS_DIR
    refused = folder.refusal(programs_dir, "folder")
    if refused is not None:
        problems.add(refused.rule, refused.message, Location(_label(programs_dir, base)),
                     refused.hint)
        return policy
    if not programs_dir.is_dir():
        problems.add("data.missing-file", "the 'programs' folder is missing",
                     Location(_label(programs_dir, base)),
                     "create data/programs/ with one YAML file per program")
        return policy
    files = folder.listing(programs_dir)
    for path in files[:MAX_FILES]:
        label = _label(path, base)
        if folder.is_dir(path) or path.suffix not in (".yaml", ".yml"):
            problems.add("data.unknown-file", f"'{path.name}' is not a program file",
                         Location(label), "programs/ holds only <program-id>.yaml files")
            continue
        mark = problems.mark()
        program = load_one(path, label, m.Program, problems, policy)
        if program is None:
            _not_loaded(policy, problems, mark, label,
                        program_ids(path.stem, _parsed(policy, label)))
            continue
        if program.id != path.stem:  # references by the file's name follow from this one
            problems.add("program.id-matches-file",
                         f"the program id '{program.id}' differs from its file name "
                         f"'{path.name}'", policy.where(label, ("id",)),
                         f"rename the file to {program.id}.yaml or set `id: {path.stem}`",
                         causes=[("program", path.stem)])
            policy.unloaded.setdefault("program", {}).setdefault(path.stem, label)
        if program.id in policy.programs:
            problems.add("ids.duplicate", f"the program id '{program.id}' is used twice "
                         f"(also in {policy.program_files[program.id]})",
                         policy.where(label, ("id",)), "give each program its own id")
            continue
        policy.programs[program.id] = program
        policy.program_files[program.id] = label
    if len(files) > MAX_FILES:
        problems.add("data.too-many-files", f"programs/ holds more than {MAX_FILES} files",
                     Location(_label(programs_dir, base)), "remove stray files")
    load_translations(data_dir, policy, problems, load_one, lambda p: _label(p, base))
    return policy


def _parsed(policy: Policy, label: str) -> Any:
    doc = policy.documents.get(label)
    return doc.data if doc is not None and doc.ok else None


def _not_loaded(policy: Policy, problems: Problems, mark: int, label: str,
                ids: set[tuple[str, ...]]) -> None:
    """A file that did not load still declares its ids: references to them are not
    "unknown", they follow from the file's own problems (its first error is their root)."""
    for kind, name in sorted(ids):
        policy.unloaded.setdefault(kind, {}).setdefault(name, label)
    problems.add_causes(mark, ids)


def _load_one(path: Path, label: str, model: type[BaseModel], problems: Problems,
              policy: Policy, memo: LoadMemo | None = None) -> Any:
    raw = policy.folder.read(path, MAX_BYTES)
    if isinstance(raw, Refusal):
        problems.add(raw.rule, raw.message, Location(label), raw.hint)
        return None
    if isinstance(raw, TooLarge):
        problems.add("yaml.too-large", f"the file is {raw.size:,} bytes; the limit is "
                     f"{MAX_BYTES:,}", Location(label, 1, 1), "split the data into smaller files")
        return None
    if raw is None:
        problems.add("data.unreadable", "the file cannot be read: it disappeared while the "
                     "data was read", Location(label), "run the check again")
        return None
    sha = policy.sources[path.relative_to(policy.root).as_posix()] = \
        hashlib.sha256(raw).hexdigest()
    if memo is not None and (kept := memo.get(label, model, sha)) is not None:
        policy.documents[label] = kept[0]
        return kept[1]
    before = problems.mark()
    value = _read_one(raw, label, model, problems, policy)
    if memo is not None:
        if value is not None and problems.mark() == before:
            memo.keep(label, model, sha, policy.documents[label], value)
        else:
            memo.forget(label, model)
    return value


def _read_one(raw: bytes, label: str, model: type[BaseModel], problems: Problems,
              policy: Policy) -> Any:
    doc = load_bytes(raw, label, problems)
    policy.documents[label] = doc
    if not doc.ok:
        return None
    if doc.data is None:
        problems.add("data.empty-file", "the file is empty", Location(label, 1, 1),
                     f"fill it in: it holds a {model.__name__} (see schemas/"
                     f"{m.SCHEMA_NAMES.get(model, 'program')}.schema.json)")
        return None
    todo = unfilled.report(doc, model, problems)
    value = validate(doc, model, problems, frozenset(todo))
    return None if todo else value  # a file with a TODO is not used until it is filled in
