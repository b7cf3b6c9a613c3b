"""Load ``data/`` into validated models, turning every failure into a located problem.

``load_policy(data_dir)`` reads each data file with :mod:`govportal.yamlsafe`, validates it
with its model from :mod:`govportal.model`, and returns a :class:`Policy` that keeps, beside
the models, the parsed documents so any later rule can point at a line and column.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import model as m
from .problems import Location, Problems
from .yamlsafe import Document, format_path, load_bytes
from .yamlsafe import Path as YPath

MAX_FILES = 5_000


@dataclass
class Policy:
    """Everything in ``data/``: one model per file kind, programs by id, and positions."""

    root: Path
    organisation: m.Organisation | None = None
    inventory: m.Inventory | None = None
    roles: m.Roles | None = None
    retention: m.RetentionSchedule | None = None
    vendors: m.VendorRegister | None = None
    transfers: m.TransferRegister = field(default_factory=m.TransferRegister)
    checklists: m.Checklists | None = None
    clauses: m.Clauses | None = None
    mistakes: m.Mistakes | None = None
    playbook: m.Playbook | None = None
    requirements: m.Requirements = field(default_factory=m.Requirements)
    programs: dict[str, m.Program] = field(default_factory=dict)
    program_files: dict[str, str] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # model attribute -> file label

    @property
    def complete(self) -> bool:
        """True when every required file loaded and validated."""
        return all(
            getattr(self, attr) is not None for attr in _ATTRS.values()
        )

    def doc(self, label: str) -> Document:
        return self.documents.get(label) or Document(label)

    def where(self, label: str, path: YPath, *, key: bool = False) -> Location:
        """Location of ``path`` inside the data file ``label``."""
        return self.doc(label).location(path, key=key)

    # Indexes that rules and pages use often. Each is built once and reused for as long as
    # the list it indexes is the same list with the same length (a loaded policy does not
    # change; code that edits one in place should replace the list, not an item of it).
    # Rebuilding them on every access made checking and building grow with the square of
    # the number of programs.
    _indexes: dict[str, tuple[Any, int, Any]] = field(default_factory=dict, repr=False,
                                                       compare=False)

    def _index(self, name: str, items: list[Any] | None, build: Any) -> Any:
        if items is None:
            return build([])
        hit = self._indexes.get(name)
        if hit is not None and hit[0] is items and hit[1] == len(items):
            return hit[2]
        value = build(items)
        self._indexes[name] = (items, len(items), value)
        return value

    @staticmethod
    def _by_id(items: list[Any]) -> dict[str, Any]:
        return {x.id: x for x in items}

    @property
    def fields_by_id(self) -> dict[str, m.DataField]:
        return self._index("fields", self.inventory.fields if self.inventory else None,
                           self._by_id)

    @property
    def views_by_id(self) -> dict[str, m.View]:
        return self._index("views", self.roles.views if self.roles else None, self._by_id)

    @property
    def vendors_by_id(self) -> dict[str, m.Vendor]:
        return self._index("vendors", self.vendors.vendors if self.vendors else None,
                           self._by_id)

    @property
    def transfers_by_id(self) -> dict[str, m.Transfer]:
        return self._index("transfers", self.transfers.transfers, self._by_id)

    @property
    def rules_by_id(self) -> dict[str, m.RetentionRule]:
        return self._index("rules", self.retention.rules if self.retention else None,
                           self._by_id)

    @property
    def jurisdictions_by_id(self) -> dict[str, m.Jurisdiction]:
        return self._index("jurisdictions",
                           self.organisation.jurisdictions if self.organisation else None,
                           self._by_id)

    @property
    def mistakes_by_id(self) -> dict[str, m.Mistake]:
        return self._index("mistakes", self.mistakes.mistakes if self.mistakes else None,
                           self._by_id)

    @staticmethod
    def _coverage(rules: list[m.RetentionRule]) -> tuple[dict, dict]:
        """field → [(position, rule)] for rules of every program, and program → field →
        [(position, rule)] for rules limited to some programs."""
        shared: dict[str, list[tuple[int, m.RetentionRule]]] = {}
        limited: dict[str, dict[str, list[tuple[int, m.RetentionRule]]]] = {}
        for position, rule in enumerate(rules):
            for f in rule.fields:
                if not rule.programs:
                    shared.setdefault(f, []).append((position, rule))
                for pid in dict.fromkeys(rule.programs):
                    limited.setdefault(pid, {}).setdefault(f, []).append((position, rule))
        return shared, limited

    def _covering(self, program: m.Program) -> dict[str, list[tuple[int, m.RetentionRule]]]:
        shared, limited = self._index("coverage", self.retention.rules if self.retention
                                      else None, self._coverage)
        own = limited.get(program.id, {})
        return {f: sorted(shared.get(f, []) + own.get(f, []), key=lambda x: x[0])
                for f in program.fields}

    def jurisdictions_of(self, program: m.Program) -> list[m.Jurisdiction]:
        """The known jurisdictions of a program's data subjects, each once, in order."""
        by_id = self.jurisdictions_by_id
        seen: dict[str, m.Jurisdiction] = {}
        for ds in program.data_subjects:
            for jid in ds.jurisdictions:
                if jid in by_id:
                    seen.setdefault(jid, by_id[jid])
        return list(seen.values())

    def retention_for(self, program: m.Program) -> dict[str, list[m.RetentionRule]]:
        """For each field the program collects, the retention rules that cover it."""
        return {f: [rule for _, rule in found] for f, found in self._covering(program).items()}

    def program_rules(self, program: m.Program) -> list[m.RetentionRule]:
        """The retention rules that apply to a program, in schedule order."""
        found = {pos: rule for pairs in self._covering(program).values() for pos, rule in pairs}
        return [found[pos] for pos in sorted(found)]


_ATTRS = {
    "organisation.yaml": "organisation",
    "inventory.yaml": "inventory",
    "roles.yaml": "roles",
    "retention.yaml": "retention",
    "vendors.yaml": "vendors",
    "transfers.yaml": "transfers",
    "checklists.yaml": "checklists",
    "clauses.yaml": "clauses",
    "mistakes.yaml": "mistakes",
    "incident-response.yaml": "playbook",
    "requirements.yaml": "requirements",
}
_ATTRS = {k: v for k, v in _ATTRS.items() if k not in m.OPTIONAL_FILES}
_ALL_ATTRS = {
    **_ATTRS, "transfers.yaml": "transfers", "requirements.yaml": "requirements"
}


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
        guess = difflib.get_close_matches(name, sorted(known), n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else (
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
        value = _load_one(path, label, model, problems, policy)
        if value is not None:
            setattr(policy, _ALL_ATTRS[name], value)
            policy.files[_ALL_ATTRS[name]] = label

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
        program = _load_one(path, label, m.Program, problems, policy)
        if program is None:
            continue
        if program.id != path.stem:
            problems.add("program.id-matches-file",
                         f"the program id '{program.id}' differs from its file name "
                         f"'{path.name}'", policy.where(label, ("id",)),
                         f"rename the file to {program.id}.yaml or set `id: {path.stem}`")
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


def _inner_model(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


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
    loc: YPath = tuple(p for p in error["loc"] if isinstance(p, (str, int)))
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
    r"^(https://|/)[A-Za-z0-9._~:/?#@!$&*+,;=%-]*$": "a valid https:// or site address",
    r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$": "an ISO 3166 country code such as DE or US-CA",
    r"^[0-9]+(\.[0-9]+){0,2}$": "a version number such as \"1.2\"",
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
        return "write an https:// address"
    if last == "version":
        return 'write the version in quotes, e.g. "1.2"'
    return ""
