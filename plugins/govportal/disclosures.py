"""The disclosure catalog and which of its items each notice must meet.

The catalog (``catalog/disclosures.yaml``) ships with the package as data. Which items apply
to a notice is decided from the data, never by hand: the regimes a notice serves come from
the jurisdictions of the program's data subjects, and each conditional item names
conditions (a DPO designated, legitimate interests relied on, transfers present …) that are
computed here. An item that does not apply gets the reason it was decided; an item a
program waives needs a written reason.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from . import model as m
from .loader import Policy


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CatalogItem(_Strict):
    id: str
    regime: str
    citation: str
    title: str
    description: str
    topic: str
    evidence: str | None = None
    when: tuple[str, ...] = ()
    severity: Literal["error", "warning"] = "error"
    verification: Literal["primary", "secondary", "recall"]
    hint: str

    @property
    def verified(self) -> bool:
        return self.verification == "primary"

    @property
    def evidence_topic(self) -> str:
        return self.evidence or self.topic


class RegimeInfo(_Strict):
    id: str
    name: str
    description: str


class Advisory(_Strict):
    id: str
    title: str
    description: str
    hint: str


class Catalog(_Strict):
    regimes: tuple[RegimeInfo, ...]
    items: tuple[CatalogItem, ...] = Field(min_length=1)
    advisories: tuple[Advisory, ...] = ()

    @property
    def by_id(self) -> dict[str, CatalogItem]:
        return {i.id: i for i in self.items}

    def regime_name(self, regime: str) -> str:
        return next((r.name for r in self.regimes if r.id == regime), regime)


class BreachTimeline(_Strict):
    id: str
    regime: str
    citation: str
    audience: str
    deadline: str
    hours: int | None = None
    days: int | None = None
    condition: str = ""
    verification: Literal["primary", "secondary", "recall"]

    @property
    def verified(self) -> bool:
        return self.verification == "primary"


def _read(name: str) -> object:
    text = resources.files("govportal").joinpath("catalog", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def load_catalog() -> Catalog:
    """The packaged catalog, validated (a broken catalog fails loudly, in tests first)."""
    return Catalog.model_validate(_read("disclosures.yaml"))


@cache
def load_breach_timelines() -> tuple[BreachTimeline, ...]:
    data = _read("breach.yaml")
    return tuple(BreachTimeline.model_validate(t) for t in data["timelines"])  # type: ignore[index]


def breach_timelines_for(regimes: set[str]) -> list[BreachTimeline]:
    return [t for t in load_breach_timelines() if t.regime in regimes]


# ------------------------------------------------------------------ facts and conditions


@dataclass(frozen=True)
class NoticeFacts:
    """What the data says about one notice, as the catalog's conditions need it."""

    program: m.Program
    organisation: m.Organisation
    jurisdictions: tuple[m.Jurisdiction, ...]
    fields: tuple[m.DataField, ...]

    @classmethod
    def of(cls, policy: Policy, program: m.Program) -> NoticeFacts:
        by_id = policy.jurisdictions_by_id
        seen: dict[str, m.Jurisdiction] = {}
        for ds in program.data_subjects:
            for jid in ds.jurisdictions:
                if jid in by_id:
                    seen.setdefault(jid, by_id[jid])
        known = policy.fields_by_id
        return cls(program, policy.organisation, tuple(seen.values()),
                   tuple(known[f] for f in program.fields if f in known))

    @cached_property
    def regimes(self) -> set[str]:
        return {r.value for j in self.jurisdictions for r in j.regimes}

    @cached_property
    def bases(self) -> set[m.LawfulBasis]:
        return {b for p in self.program.purposes for b in p.lawful_basis.values()}


@dataclass(frozen=True)
class Condition:
    test: Callable[[NoticeFacts], bool]
    holds: str  # why the item applies, in plain words
    fails: str  # why it does not


CONDITIONS: dict[str, Condition] = {
    "collected_directly": Condition(
        lambda f: f.program.collection.from_subject,
        "the data is collected from the person or by observing them",
        "no data is collected from the person (collection.from_subject is false)"),
    "collected_indirectly": Condition(
        lambda f: bool(f.program.collection.other_sources),
        "some data comes from other sources",
        "all data comes from the person (collection.other_sources is empty)"),
    "has_dpo": Condition(
        lambda f: f.organisation.dpo is not None,
        "a data protection officer is designated",
        "no data protection officer is designated (organisation.dpo is not set)"),
    "uses_legitimate_interests": Condition(
        lambda f: m.LawfulBasis.LEGITIMATE_INTERESTS in f.bases,
        "a purpose relies on legitimate interests",
        "no purpose relies on legitimate interests"),
    "uses_consent": Condition(
        lambda f: m.LawfulBasis.CONSENT in f.bases or f.program.consent is not None,
        "consent is relied on",
        "no purpose relies on consent and the program has no consent section"),
    "has_recipients": Condition(
        lambda f: bool(f.program.recipients),
        "the data has recipients", "the program lists no recipients"),
    "has_transfers": Condition(
        lambda f: bool(f.program.transfers),
        "data is transferred across borders", "the program lists no transfers"),
    "has_automated_decisions": Condition(
        lambda f: f.program.automated_decisions.exists,
        "solely automated decisions are made",
        "no solely automated decisions are made (automated_decisions.exists is false)"),
    "has_profiling": Condition(
        lambda f: f.program.automated_decisions.profiling,
        "people are profiled", "no profiling (automated_decisions.profiling is false)"),
    "sells_or_shares": Condition(
        lambda f: f.program.sells_or_shares or f.organisation.sells_or_shares,
        "personal information is sold or shared",
        "personal information is neither sold nor shared"),
    "has_sensitive_data": Condition(
        lambda f: any(x.classification is m.Classification.SPECIAL_CATEGORY for x in f.fields),
        "sensitive (special category) data is collected",
        "no field is classified special_category"),
}


class Status(enum.StrEnum):
    APPLICABLE = "applicable"
    NOT_APPLICABLE = "not_applicable"
    WAIVED = "waived"


@dataclass(frozen=True)
class Requirement:
    """A catalog item or an organisation-specific requirement, as the gate sees it."""

    id: str
    regime: str
    citation: str
    title: str
    description: str
    topic: str
    evidence_topic: str
    severity: str
    verification: str
    hint: str

    @property
    def verified(self) -> bool:
        return self.verification == "primary"


@dataclass(frozen=True)
class Decision:
    requirement: Requirement
    status: Status
    reason: str


def _from_item(item: CatalogItem) -> Requirement:
    return Requirement(item.id, item.regime, item.citation, item.title, item.description,
                       item.topic, item.evidence_topic, item.severity, item.verification,
                       item.hint)


def _from_org(req: m.Requirement) -> Requirement:
    return Requirement(req.id, "organisation", req.citation, req.title, req.description,
                       f"section:{req.section}", f"section:{req.section}", req.severity.value,
                       "organisation", f"add `notice.sections.{req.section}` to the program")


@cache
def _catalog_requirements() -> tuple[tuple[Requirement, tuple[str, ...]], ...]:
    return tuple((_from_item(i), tuple(i.when)) for i in load_catalog().items)


def requirements(policy: Policy) -> list[tuple[Requirement, tuple[str, ...]]]:
    """Every requirement with its conditions: the catalog's, then the organisation's."""
    out = list(_catalog_requirements())
    out += [(_from_org(r), ()) for r in policy.requirements.requirements]
    return out


def decide(policy: Policy, program: m.Program) -> list[Decision]:
    """Every requirement's status for one notice, with the reason it was decided."""
    facts = NoticeFacts.of(policy, program)
    waivers = {w.item: w.reason for w in program.notice.waivers}
    org_reqs = {r.id: r for r in policy.requirements.requirements}
    decisions = []
    for req, when in requirements(policy):
        reason = _not_applicable(req, when, facts, org_reqs.get(req.id))
        if reason is not None:
            decisions.append(Decision(req, Status.NOT_APPLICABLE, reason))
        elif req.id in waivers:
            decisions.append(Decision(req, Status.WAIVED, waivers[req.id]))
        else:
            decisions.append(Decision(req, Status.APPLICABLE, _applies(req, when, facts)))
    return decisions


def _applies(req: Requirement, when: tuple[str, ...], facts: NoticeFacts) -> str:
    parts = [CONDITIONS[c].holds for c in when]
    if req.regime == "organisation":
        return "an organisation requirement that covers this program"
    served = f"the notice serves {req.regime}"
    return "; ".join([served, *parts])


def _not_applicable(req: Requirement, when: tuple[str, ...], facts: NoticeFacts,
                    org_req: m.Requirement | None) -> str | None:
    if org_req is not None:
        cond = org_req.applies_when
        program = facts.program
        jids = {j.id for j in facts.jurisdictions}
        if cond.programs and program.id not in cond.programs:
            return "the requirement is limited to other programs"
        if cond.jurisdictions and not jids & set(cond.jurisdictions):
            return ("the program has no data subjects in "
                    + ", ".join(cond.jurisdictions))
        if cond.regimes and not facts.regimes & {r.value for r in cond.regimes}:
            return "the program serves none of " + ", ".join(r.value for r in cond.regimes)
        return None
    if req.regime not in facts.regimes:
        return f"the notice does not serve {req.regime} (no data subjects there)"
    for name in when:
        if not CONDITIONS[name].test(facts):
            return CONDITIONS[name].fails
    return None


def topic_items(policy: Policy, program: m.Program) -> dict[str, list[str]]:
    """Topic → ids of the requirements that topic's section must satisfy (applicable ones)."""
    out: dict[str, list[str]] = {}
    for d in decide(policy, program):
        if d.status is Status.APPLICABLE:
            out.setdefault(d.requirement.topic, []).append(d.requirement.id)
    return out
