"""What an employee would call material about a notice, and what changed between two
versions, in words an employee understands."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from ..data import model as m
from ..data.placeholders import kept_for
from ..data.policy import Policy
from ..pages.context import N_
from ..pages.labels import CLASSIFICATION_LABELS
from ..text.safe_markdown import export_text


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RetentionFact(_Model):
    record: str
    period: str
    days: int | None = None  # None: kept by criteria, not for a fixed period


class FieldFact(_Model):
    label: str
    category: str


class Facts(_Model):
    """What an employee would call material about a notice, in comparable form."""

    purposes: dict[str, str] = Field(default_factory=dict)  # id → description (plain text)
    recipients: list[str] = Field(default_factory=list)
    transfers: dict[str, str] = Field(default_factory=dict)  # id → destination
    fields: dict[str, FieldFact] = Field(default_factory=dict)
    retention: dict[str, RetentionFact] = Field(default_factory=dict)  # rule id → period

    @property
    def categories(self) -> set[str]:
        return {f.category for f in self.fields.values()}


def facts_of(policy: Policy, program: m.Program) -> Facts:
    """The material facts of a program's notice as the data says now."""
    fields = policy.fields_by_id
    transfers = policy.transfers_by_id
    text = export_text  # the lock file is a machine-readable file too: plain text only
    return Facts(
        purposes={p.id: text(p.description) for p in program.purposes},
        recipients=sorted({text(r.name) for r in program.recipient_list}),
        transfers={t: text(transfers[t].destination) for t in program.transfer_ids
                   if t in transfers},
        fields={f: FieldFact(label=text(fields[f].label),
                             category=fields[f].classification.value)
                for f in program.fields if f in fields},
        retention={r.id: RetentionFact(record=text(r.record_type), period=text(kept_for(r)),
                                       days=r.days)
                   for r in policy.program_rules(program)},
    )


@dataclass(frozen=True)
class Difference:
    """One change between two versions, in words an employee understands."""

    kind: str  # purpose, recipient, transfer, category, field, retention
    change: str  # added, removed, longer, shorter
    text: str
    material: bool


Words = Callable[[str], str]  # the portal's wording in a language (gettext)
Names = Callable[[str, str, str], str]  # (kind, id, text the facts hold) -> text to print


def _as_written(text: str) -> str:
    return text


def _as_recorded(kind: str, key: str, text: str) -> str:
    return text


def _category(value: str) -> str:
    try:
        return CLASSIFICATION_LABELS[m.Classification(value)]
    except ValueError:
        return value.replace("_", " ")


def differences(old: Facts, new: Facts, words: Words = _as_written,
                names: Names = _as_recorded) -> list[Difference]:
    """What changed from ``old`` to ``new``; additions and longer periods are material.

    The sentences are in the data's language; with ``words`` (a language's catalog) and
    ``names`` (the text of a purpose, field, transfer, recipient, retention record or period
    in that language) they are in another."""
    out: list[Difference] = []

    def say(frame: str, **values: str) -> str:
        return words(frame) % values

    def both(a: Iterable[str], b: Iterable[str]) -> tuple[list[str], list[str]]:
        sa, sb = set(a), set(b)
        return sorted(sb - sa), sorted(sa - sb)

    def purpose(facts: Facts, p: str) -> str:
        return names("purpose", p, facts.purposes[p])

    def category(c: str) -> str:
        return words(_category(c))

    added, removed = both(old.purposes, new.purposes)
    out += [Difference("purpose", "added", say(N_("New purpose: %(what)s"),
                                               what=purpose(new, p)), True) for p in added]
    out += [Difference("purpose", "removed", say(N_("No longer used for: %(what)s"),
                                                 what=purpose(old, p)), False) for p in removed]
    added, removed = both(old.recipients, new.recipients)
    out += [Difference("recipient", "added", say(N_("New recipient: %(who)s"),
                                                 who=names("recipient", r, r)), True)
            for r in added]
    out += [Difference("recipient", "removed", say(N_("No longer shared with: %(who)s"),
                                                   who=names("recipient", r, r)), False)
            for r in removed]
    added, removed = both(old.transfers, new.transfers)
    out += [Difference("transfer", "added", say(
        N_("New transfer to %(where)s"), where=names("transfer", t, new.transfers[t])), True)
        for t in added]
    out += [Difference("transfer", "removed", say(
        N_("No longer transferred to %(where)s"), where=names("transfer", t, old.transfers[t])),
        False) for t in removed]
    added, removed = both(old.categories, new.categories)
    out += [Difference("category", "added", say(N_("New kind of information: %(what)s"),
                                                what=category(c)), True) for c in added]
    out += [Difference("category", "removed", say(N_("No longer uses: %(what)s"),
                                                  what=category(c)), False) for c in removed]
    added, removed = both(old.fields, new.fields)
    out += [Difference("field", "added", say(N_("Also uses: %(what)s"), what=names(
        "field", f, new.fields[f].label)), False) for f in added]
    out += [Difference("field", "removed", say(N_("No longer uses: %(what)s"), what=names(
        "field", f, old.fields[f].label)), False) for f in removed]

    def record(facts: Facts, rid: str) -> str:
        return names("retention", rid, facts.retention[rid].record)

    def period(facts: Facts, rid: str) -> str:
        return names("period", rid, facts.retention[rid].period)

    for rid in sorted(set(old.retention) & set(new.retention)):
        before, after = old.retention[rid], new.retention[rid]
        text = say(N_("%(record)s kept %(after)s instead of %(before)s"),
                   record=record(new, rid), after=period(new, rid), before=period(old, rid))
        if after.days is not None and before.days is not None:
            if after.days != before.days:
                longer = after.days > before.days
                out.append(Difference("retention", "longer" if longer else "shorter", text,
                                      longer))
        elif after.period != before.period:  # criteria: whether it is longer cannot be told
            out.append(Difference("retention", "changed", text, True))
    added, removed = both(old.retention, new.retention)
    out += [Difference("retention", "added", say(N_("%(record)s kept %(period)s"),
                                                 record=record(new, r), period=period(new, r)),
                       False) for r in added]
    out += [Difference("retention", "removed", say(N_("%(record)s no longer kept"),
                                                   record=record(old, r)), False)
            for r in removed]
    return out
