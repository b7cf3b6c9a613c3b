"""Load ``data/`` into validated models, turning every failure into a located problem.

``load_policy(data_dir)`` reads each data file with :mod:`.yaml_reader`, validates it with
its model from :mod:`.model` (:mod:`.validation`), and returns a :class:`~.policy.Policy`
that keeps, beside the models, the parsed documents so any later rule can point at a line
and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..problems import Location, Problems
from . import model as m
from .declarations import declared_ids, program_ids
from .policy import _ALL_ATTRS, Policy
from .suggestions import did_you_mean
from .validation import validate
from .yaml_reader import load_bytes

MAX_FILES = 5_000


def _label(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def load_policy(data_dir: Path, problems: Problems, *, label_base: Path | None = None) -> Policy:
    """Read and validate every file under ``data_dir``. Never raises for bad data."""
    data_dir = Path(data_dir)
    base = label_base if label_base is not None else data_dir.parent
    policy = Policy(root=data_dir)
    if not data_dir.is_dir():
        problems.add("data.missing-dir", f"the data folder '{_label(data_dir, base)}' does not "
                     "exist", Location(_label(data_dir, base)),
                     "create it, or point the plugin's `data_dir` option at your data")
        return policy

    known = set(m.SINGLE_FILES) | {m.PROGRAMS_DIR}
    for entry in sorted(data_dir.iterdir()):
        name = entry.name
        if name.startswith(".") or name in known:
            continue
        label = _label(entry, base)
        hint = did_you_mean(name, sorted(known)) or (
            "data/ holds only: " + ", ".join(sorted(known)))
        problems.add("data.unknown-file", f"'{name}' is not a known data file",
                     Location(label), hint)

    for name, model in m.SINGLE_FILES.items():
        path = data_dir / name
        label = _label(path, base)
        if not path.exists():
            if name not in m.OPTIONAL_FILES:
                problems.add("data.missing-file", f"the required data file '{name}' is missing",
                             Location(label), f"create {label} (see the README's data guide)")
            continue
        mark = problems.mark()
        value = _load_one(path, label, model, problems, policy)
        if value is not None:
            setattr(policy, _ALL_ATTRS[name], value)
            policy.files[_ALL_ATTRS[name]] = label
        else:
            _not_loaded(policy, problems, mark, label, declared_ids(name, _parsed(policy, label)))

    programs_dir = data_dir / m.PROGRAMS_DIR
    if not programs_dir.is_dir():
        problems.add("data.missing-file", "the 'programs' folder is missing",
                     Location(_label(programs_dir, base)),
                     "create data/programs/ with one YAML file per program")
        return policy
    files = sorted(p for p in programs_dir.iterdir() if not p.name.startswith("."))
    for path in files[:MAX_FILES]:
        label = _label(path, base)
        if path.is_dir() or path.suffix not in (".yaml", ".yml"):
            problems.add("data.unknown-file", f"'{path.name}' is not a program file",
                         Location(label), "programs/ holds only <program-id>.yaml files")
            continue
        mark = problems.mark()
        program = _load_one(path, label, m.Program, problems, policy)
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
              policy: Policy) -> Any:
    if _escapes(path, policy.root):
        problems.add("data.symlink", "the file is a link to something outside the data folder",
                     Location(label), "replace the link with the file itself: the build reads "
                     "only what is in the data folder")
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.add("data.unreadable", f"the file cannot be read: {exc.strerror}",
                     Location(label), "check the file's permissions")
        return None
    doc = load_bytes(raw, label, problems)
    policy.documents[label] = doc
    if not doc.ok:
        return None
    if doc.data is None:
        problems.add("data.empty-file", "the file is empty", Location(label, 1, 1),
                     f"fill it in: it holds a {model.__name__} (see schemas/"
                     f"{m.SCHEMA_NAMES.get(model, 'program')}.schema.json)")
        return None
    return validate(doc, model, problems)


def _escapes(path: Path, root: Path) -> bool:
    """True when ``path`` is a symbolic link that leads out of the data folder (a pull
    request could otherwise publish, or quote in error messages, any file of the build
    machine)."""
    if not path.is_symlink():
        return False
    try:
        path.resolve(strict=True).relative_to(root.resolve())
    except (OSError, ValueError, RuntimeError):
        return True
    return False


