"""The loaded policy: one validated model per data file, programs by id, and positions.

:class:`Policy` is what :func:`~govportal.data.loader.load_policy` returns and every later
stage reads. Beside the models it keeps each file's parsed :class:`~.positions.Document`, so
a rule can point at a line and column, and a few indexes (fields, views, vendors … by id)
built once.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..problems import Location
from . import model as m
from .positions import Document
from .positions import Path as YPath

# The memos the rules keep on a policy, one entry per program (``rules.facts``: a notice's
# facts; ``rules.decisions``: each requirement's status for it). Both are made from the
# records of the data files alone, never from a translation.
PROGRAM_MEMOS = ("_facts", "_decisions")
TRANSLATIONS_DIR = "translations"  # data/translations/: the data in other languages


def source_files(policy: Policy) -> list[tuple[str, str]]:
    """Every data file the policy was read from but the translations, with its SHA-256,
    in path order: what its records, and so the rules' per-program memos, are made of."""
    return sorted((path, sha) for path, sha in policy.sources.items()
                  if path.split("/", 1)[0] != TRANSLATIONS_DIR)


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
    # The SHA-256 of every file read, by its path inside the data folder (the manifest's
    # data fingerprint is made from these: it covers exactly what the check and build read).
    sources: dict[str, str] = field(default_factory=dict, repr=False)
    folder: Any = field(default=None, repr=False)  # the data folder's file_policy.Folder
    # data/translations/: language -> kind -> the loaded file, and (language, kind) -> label
    translations: dict[str, dict[str, Any]] = field(default_factory=dict)
    translation_files: dict[tuple[str, str], str] = field(default_factory=dict)
    # Ids declared by files that did not load (read as written): kind -> id -> file label.
    unloaded: dict[str, dict[str, str]] = field(default_factory=dict)

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
    def _coverage(rules: list[m.RetentionRule]) -> tuple[dict, dict, dict]:
        """field → [(position, rule)] for rules of every program, program → field →
        [(position, rule)] for rules limited to some programs, and each program's covering
        rules as :meth:`_covering` works them out (made with the index, so that a
        schedule changed is a new index with none kept)."""
        shared: dict[str, list[tuple[int, m.RetentionRule]]] = {}
        limited: dict[str, dict[str, list[tuple[int, m.RetentionRule]]]] = {}
        for position, rule in enumerate(rules):
            for f in rule.fields:
                if not rule.programs:
                    shared.setdefault(f, []).append((position, rule))
                for pid in dict.fromkeys(rule.programs):
                    limited.setdefault(pid, {}).setdefault(f, []).append((position, rule))
        return shared, limited, {}

    def _covering(self, program: m.Program) -> dict[str, list[tuple[int, m.RetentionRule]]]:
        """For each field the program collects, its covering rules by position: worked out
        once per program (the rules ask it for every disclosure item) for as long as it is
        the same program object with the same list of fields (callers never change what it
        returns)."""
        shared, limited, kept = self._index(
            "coverage", self.retention.rules if self.retention else None, self._coverage)
        hit = kept.get(program.id)
        if hit is not None and hit[0] is program and hit[1] is program.fields \
                and hit[2] == len(program.fields):
            return hit[3]
        own = limited.get(program.id, {})
        found = {f: sorted(shared.get(f, []) + own.get(f, []), key=lambda x: x[0])
                 for f in program.fields}
        kept[program.id] = (program, program.fields, len(program.fields), found)
        return found

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


def untranslated(policy: Policy) -> Policy:
    """``policy`` without its translations, the only view of it the source language's
    registers and indexes get, and the rules that do not read the translations: what they
    print or find cannot depend on a translation, so a live preview's memos of them
    (:func:`~..pages.page_memo.source_key`, :mod:`~..rules.kept_findings`) may leave the
    translations out of their keys."""
    if not policy.translations and not policy.translation_files:
        return policy
    labels = set(policy.translation_files.values())
    view = dataclasses.replace(
        policy, translations={}, translation_files={},
        documents={k: v for k, v in policy.documents.items() if k not in labels},
        sources=dict(source_files(policy)))
    # What the rules decided of each program, which they keep on the policy (its facts and
    # each requirement's status, read from the records alone, never from a translation),
    # holds for the view, made of the same records: not decided a second time.
    for memo in PROGRAM_MEMOS:
        view.__dict__[memo] = policy.__dict__.setdefault(memo, {})
    return view
