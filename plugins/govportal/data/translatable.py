"""Which texts of the data readers get in their language, their fingerprints, the languages
each page needs, and the policy as it reads in another language.

A text is translatable when its model types it :data:`~.model.types.Text` or
:data:`~.model.types.Label` (both carry the :data:`~.model.types.TRANSLATABLE` mark). Each
has a key: the kind of file, the record's id and the text's path in the record (see
:mod:`.model.translations`). The data is written in :data:`SOURCE_LANGUAGE`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from . import model as m
from .build_memo import TranslationMemo, kept_records, once
from .internal_fields import internal_fields
from .policy import Policy
from .positions import Path as YPath

SOURCE_LANGUAGE = "en"  # the language the data in data/ is written in (the site's root)
ORGANISATION_ID = "organisation"  # the record id of organisation.yaml's one record
# Kind of translation file → (the policy's attribute, the list of records inside it); the
# organisation is one record, programs are the policy's programs by id.
LIST_KINDS: dict[str, tuple[str, str]] = {
    "inventory": ("inventory", "fields"),
    "roles": ("roles", "views"),
    "retention": ("retention", "rules"),
    "vendors": ("vendors", "vendors"),
    "transfers": ("transfers", "transfers"),
    "checklists": ("checklists", "checklists"),
    "clauses": ("clauses", "clauses"),
    "mistakes": ("mistakes", "mistakes"),
    "requirements": ("requirements", "requirements"),
}
KINDS = ("organisation", "programs", *LIST_KINDS)
# The kinds whose texts the pages published per language print (notices, manager guides,
# checklists); the others (sample clauses) are published in the source language only, and
# a translation of them is checked but never required.
PAGE_KINDS = ("organisation", "programs", "inventory", "roles", "retention", "transfers",
              "checklists", "mistakes", "requirements")
# Parts of a record that only pages in the source language print (the governance page, the
# launch-readiness register): translatable, never required.
SOURCE_ONLY = {"organisation": ("governance",), "programs": ("launch_readiness",),
               "requirements": ("description",)}
PLACEHOLDER = re.compile(r"\[\[[^\[\]\n]{1,200}\]\]")


class Need(enum.IntEnum):
    """How much a page needs a language: the strongest need of the jurisdictions it serves."""

    OPTIONAL = 1
    DUE = 2  # required, from a date still ahead
    REQUIRED = 3


@dataclass(frozen=True)
class SourceText:
    """One translatable text of the data, where it was written and its translation key."""

    kind: str
    record: str
    key: str
    text: str
    label: str  # the data file
    path: YPath  # inside the data file


def fingerprint(text: str) -> str:
    """The short SHA-256 a translation records of its source: the text in Unicode NFC with
    every run of whitespace one space and none at either end (reflowing a paragraph in the
    YAML does not make its translations stale).

    >>> fingerprint("Hello  world\\n") == fingerprint("Hello world")
    True
    >>> len(fingerprint("x"))
    12
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def placeholders(text: str) -> list[str]:
    """The ``[[kind:id]]`` placeholders of a text, sorted (each as often as it occurs)."""
    return sorted(PLACEHOLDER.findall(text))


# ------------------------------------------------------------------ the texts of the data
def _marked(annotation: Any) -> bool:
    if get_origin(annotation) is Annotated:
        args = get_args(annotation)
        return any(a is m.TRANSLATABLE for a in args[1:]) or _marked(args[0])
    return any(_marked(a) for a in get_args(annotation))


@functools.cache
def _field_marks(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """(field name, whether its text is translatable) of a model, in field order: the type
    decides, so it is worked out once per model, not once per record."""
    return tuple((name, any(a is m.TRANSLATABLE for a in info.metadata)
                  or _marked(info.annotation))
                 for name, info in model.model_fields.items())


def _texts(value: Any, flag: bool, raw: YPath, key: tuple[str, ...]
           ) -> Iterator[tuple[YPath, tuple[str, ...], str]]:
    if isinstance(value, BaseModel):
        given = value.model_fields_set
        for name, marked in _field_marks(type(value)):
            child = getattr(value, name, None)
            if name not in given or child is None:
                continue
            yield from _texts(child, marked, (*raw, name), (*key, name))
    elif isinstance(value, str):
        if flag and not isinstance(value, enum.Enum):
            yield raw, key, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            part = getattr(item, "id", None)
            yield from _texts(item, flag, (*raw, i), (*key, part if isinstance(part, str)
                                                        else str(i)))
    elif isinstance(value, dict):
        for k, item in value.items():
            yield from _texts(item, flag, (*raw, str(k)), (*key, str(k)))


def _records(policy: Policy) -> Iterator[tuple[str, str, Any, str, YPath]]:
    """(kind, record id, model, file label, path of the record in its file)."""
    if policy.organisation is not None:
        yield ("organisation", ORGANISATION_ID, policy.organisation,
               policy.files.get("organisation", "data/organisation.yaml"), ())
    for pid, program in policy.programs.items():
        yield "programs", pid, program, policy.program_files[pid], ()
    for kind, (attr, items) in LIST_KINDS.items():
        container = getattr(policy, attr, None)
        if container is None:
            continue
        label = policy.files.get(attr, f"data/{attr}.yaml")
        for i, record in enumerate(getattr(container, items)):
            yield kind, record.id, record, label, (items, i)


def source_texts(policy: Policy) -> dict[tuple[str, str, str], SourceText]:
    """Every translatable text of the data by (kind, record id, key), in file order; the
    internal edition's fields are never translated (a translation would be published).
    Within :func:`~.build_memo.once_per_build`, gathered once per policy (each caller gets its own
    copy)."""
    return dict(once(policy, "source texts", lambda: _source_texts(policy)))


def _source_texts(policy: Policy) -> dict[tuple[str, str, str], SourceText]:
    found: dict[tuple[str, str, str], SourceText] = {}
    internal = {(label, path) for label, path, _ in internal_fields(policy)}
    kept = kept_records()
    seen = set()
    for kind, rid, record, label, at in _records(policy):
        seen.add((kind, rid, label, at))
        for raw, key, text in _record_texts(kept, kind, rid, record, label, at):
            if (label, raw) in internal:
                continue
            dotted = ".".join(key)
            found[(kind, rid, dotted)] = SourceText(kind, rid, dotted, text, label, raw)
    if kept is not None:  # a record no longer in the data is not kept
        for slot in [slot for slot in kept.texts if slot not in seen]:
            del kept.texts[slot]
    return found


def _record_texts(kept: TranslationMemo | None, kind: str, rid: str, record: Any, label: str,
                  at: YPath) -> Iterable[tuple[YPath, tuple[str, ...], str]]:
    """One record's translatable texts (path in its file, key, text); from ``kept`` when
    the record is the one they were gathered from."""
    if kept is None:
        return _texts(record, False, at, ())
    slot = (kind, rid, label, at)
    hit = kept.texts.get(slot)
    if hit is not None and hit[0] is record:
        return hit[1]
    found = tuple(_texts(record, False, at, ()))
    kept.texts[slot] = (record, found)
    return found


# ------------------------------------------------------------------ which languages
def jurisdiction_needs(jurisdiction: m.Jurisdiction, today: dt.date) -> dict[str, Need]:
    """The languages a jurisdiction's pages need (English, required, when it names none)."""
    langs = jurisdiction.languages
    if langs is None:
        return {SOURCE_LANGUAGE: Need.REQUIRED}
    due = langs.required_from is not None and today < langs.required_from
    needs = {code: Need.OPTIONAL for code in langs.optional}
    needs.update({code: Need.DUE if due else Need.REQUIRED for code in langs.required})
    return needs


def _combine(needs: Iterator[dict[str, Need]]) -> dict[str, Need]:
    out: dict[str, Need] = {}
    for one in needs:
        for code, need in one.items():
            out[code] = max(out.get(code, need), need)
    return out


def program_needs(policy: Policy, program: m.Program, today: dt.date) -> dict[str, Need]:
    """Language → how much the program's notice and guide need it."""
    return _combine(jurisdiction_needs(j, today) for j in policy.jurisdictions_of(program))


def organisation_needs(policy: Policy, today: dt.date) -> dict[str, Need]:
    """Language → how much the pages of every jurisdiction need it."""
    juris = policy.organisation.jurisdictions if policy.organisation else []
    return _combine(jurisdiction_needs(j, today) for j in juris)


def is_source_only(kind: str, key: str) -> bool:
    """Whether a text is printed only by pages in the source language."""
    return key.split(".", 1)[0] in SOURCE_ONLY.get(kind, ())


def record_needs(policy: Policy, kind: str, record: str, today: dt.date) -> dict[str, Need]:
    """Language → how much the texts of one record are needed (nothing for a kind that is
    published in the source language only)."""
    if kind == "programs" and record in policy.programs:
        needs = program_needs(policy, policy.programs[record], today)
    elif kind in PAGE_KINDS:
        needs = organisation_needs(policy, today)
    else:
        return {}
    needs.pop(SOURCE_LANGUAGE, None)
    return needs


def site_languages(policy: Policy, today: dt.date) -> list[str]:
    """Every language some page may be published in, the source language first."""
    codes = sorted(organisation_needs(policy, today))
    return [SOURCE_LANGUAGE, *(c for c in codes if c != SOURCE_LANGUAGE)]


# ------------------------------------------------------------------ the policy in a language
def translations_in(policy: Policy, language: str) -> dict[tuple[str, str, str], str]:
    """(kind, record id, key) → the translated text, for one language."""
    out: dict[tuple[str, str, str], str] = {}
    for kind, loaded in policy.translations.get(language, {}).items():
        for rid, texts in loaded.root.items():
            for key, item in texts.items():
                out[(kind, rid, key)] = item.text
    return out


def _replace(value: Any, key: tuple[str, ...], lookup: Callable[[str], str | None]) -> Any:
    if isinstance(value, BaseModel):
        updates = {}
        for name in type(value).model_fields:
            child = getattr(value, name, None)
            if name in value.model_fields_set and child is not None:
                new = _replace(child, (*key, name), lookup)
                if new is not child:
                    updates[name] = new
        return value.model_copy(update=updates) if updates else value
    if isinstance(value, str) and not isinstance(value, enum.Enum):
        found = lookup(".".join(key))
        return found if found is not None else value
    if isinstance(value, list):
        new_list = [_replace(item, (*key, getattr(item, "id", None) if isinstance(
            getattr(item, "id", None), str) else str(i)), lookup) for i, item in enumerate(value)]
        return new_list if any(a is not b for a, b in zip(new_list, value, strict=True)) \
            else value
    if isinstance(value, dict):
        new_dict = {k: _replace(v, (*key, str(k)), lookup) for k, v in value.items()}
        return new_dict if any(new_dict[k] is not v for k, v in value.items()) else value
    return value


def translated_policy(policy: Policy, language: str) -> Policy:
    """The policy as it reads in ``language``: each translatable text replaced by its
    translation where one exists (the source text stays where none does; the check decides
    whether that may be published). Ids, codes, dates and positions are the source's.

    Within :func:`~.build_memo.once_per_build`, made once per policy and language."""
    return once(policy, ("translated", language),
                 lambda: _translated_policy(policy, language))


def _translated_policy(policy: Policy, language: str) -> Policy:
    texts = translations_in(policy, language)
    if not texts:
        return policy
    mine: dict[tuple[str, str], dict[str, str]] = {}  # each record's translated texts
    for (kind, rid, key), text in texts.items():
        mine.setdefault((kind, rid), {})[key] = text
    may: dict[tuple[str, str], set[str]] = {}  # the keys of each record's own texts
    for kind, rid, key in source_texts(policy):
        may.setdefault((kind, rid), set()).add(key)
    kept = kept_records()
    used: set[tuple[str, str, str]] = set()  # the kept slots this translation asked for

    def swap(kind: str, rid: str, record: Any) -> Any:
        found = mine.get((kind, rid))
        if not found:
            return record  # nothing to replace: the record as it is
        keys = frozenset(may.get((kind, rid), ()))
        slot = (language, kind, rid)
        used.add(slot)
        hit = kept.translated.get(slot) if kept is not None else None
        if hit is not None and hit[0] is record and hit[1] == found and hit[2] == keys:
            kept.reused += 1  # type: ignore[union-attr]
            return hit[3]
        new = _replace(record, (), lambda key: found.get(key) if key in keys else None)
        if kept is not None:
            kept.translated[slot] = (record, found, keys, new)
            kept.made += 1
        return new

    changes: dict[str, Any] = {"_indexes": {}}
    if policy.organisation is not None:
        changes["organisation"] = swap("organisation", ORGANISATION_ID, policy.organisation)
    changes["programs"] = {pid: swap("programs", pid, p) for pid, p in policy.programs.items()}
    for kind, (attr, items) in LIST_KINDS.items():
        container = getattr(policy, attr, None)
        if container is not None:
            records = [swap(kind, r.id, r) for r in getattr(container, items)]
            changes[attr] = container.model_copy(update={items: records})
    if kept is not None:  # a record gone, or no longer translated: not kept
        for slot in [slot for slot in kept.translated
                     if slot[0] == language and slot not in used]:
            del kept.translated[slot]
    return dataclasses.replace(policy, **changes)
