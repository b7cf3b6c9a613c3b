"""The disclosure catalog and which of its items each notice must meet.

The catalog (``catalog/disclosures.yaml``) ships with the package as data, next to the breach
deadlines (``breach.yaml``), the EU adequacy list (``adequacy.yaml``) and the record of
processing fields (``ropa.yaml``). Each file is validated with small pydantic models when
loaded, so a broken catalog fails loudly (in the tests first).

Which items apply to a notice is decided from the data, never by hand: the regimes a notice
serves come from the jurisdictions of the program's data subjects, and each conditional item
names conditions (a DPO designated, legitimate interests relied on, transfers present …)
computed by :data:`CONDITIONS`. An item that does not apply carries the reason it was
decided; an item a program waives carries the waiver's written reason.

Everything here is pure: :class:`NoticeFacts` is built from model objects, and
:func:`applicability` needs no files. :func:`decide` is the convenience the rules and pages
use with a loaded :class:`~govportal.loader.Policy`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from . import model as m
from .loader import Policy

Verification = Literal["primary", "secondary", "recall"]

# The notice sections a catalog item can point to (templates/notice/<topic>.md.j2).
NOTICE_TOPICS: tuple[str, ...] = (
    "controller", "dpo", "purposes", "legitimate-interests", "data-categories", "sources",
    "recipients", "transfers", "retention", "rights", "withdraw-consent", "complaint",
    "obligation", "automated-decisions", "objection", "sold-or-shared", "opt-out-link",
    "privacy-policy",
)


# ------------------------------------------------------------------ facts and conditions


@dataclass(frozen=True)
class NoticeFacts:
    """What the data says about one notice, as the catalog's conditions need it.

    Build it with :meth:`build` (from model objects) or :meth:`of` (from a loaded policy).
    ``fields`` and ``transfers`` hold the program's known entries only; unknown ids are
    reported by the reference rules, not here.
    """

    organisation: m.Organisation
    program: m.Program
    fields: tuple[m.DataField, ...] = ()
    transfers: tuple[m.Transfer, ...] = ()
    jurisdictions: tuple[m.Jurisdiction, ...] = field(init=False)

    def __post_init__(self) -> None:
        by_id = {j.id: j for j in self.organisation.jurisdictions}
        seen: dict[str, m.Jurisdiction] = {}
        for ds in self.program.data_subjects:
            for jid in ds.jurisdictions:
                if jid in by_id:
                    seen.setdefault(jid, by_id[jid])
        object.__setattr__(self, "jurisdictions", tuple(seen.values()))

    @classmethod
    def build(cls, organisation: m.Organisation, program: m.Program,
              fields: Mapping[str, m.DataField],
              transfers: Mapping[str, m.Transfer] | None = None) -> NoticeFacts:
        """Facts for ``program`` from the organisation, inventory fields by id and transfers
        by id."""
        transfers = transfers or {}
        return cls(organisation, program,
                   tuple(fields[f] for f in program.fields if f in fields),
                   tuple(transfers[t] for t in program.transfers if t in transfers))

    @classmethod
    def of(cls, policy: Policy, program: m.Program) -> NoticeFacts:
        return cls.build(policy.organisation, program, policy.fields_by_id,
                         policy.transfers_by_id)

    @property
    def regimes(self) -> frozenset[str]:
        """The regimes the notice serves: those of its data subjects' jurisdictions."""
        return frozenset(r.value for j in self.jurisdictions for r in j.regimes)

    @property
    def bases(self) -> frozenset[m.LawfulBasis]:
        """Every lawful basis any purpose relies on, in any jurisdiction."""
        return frozenset(b for p in self.program.purposes for b in p.lawful_basis.values())

    @cached_property
    def conditions(self) -> dict[str, bool]:
        """Each condition of :data:`CONDITIONS` and whether it holds for this notice."""
        return {name: c(self) for name, c in CONDITIONS.items()}


@dataclass(frozen=True)
class Condition:
    """A named condition: its test, and plain words for when it holds and when it fails.

    ``fails`` is the reason shown for an item that is not applicable because of it.
    """

    test: Callable[[NoticeFacts], bool]
    holds: str
    fails: str

    def __call__(self, facts: NoticeFacts) -> bool:
        return self.test(facts)

    @property
    def explanation(self) -> str:
        """The "not applicable because …" reason (same as ``fails``)."""
        return self.fails


_LI = m.LawfulBasis.LEGITIMATE_INTERESTS
_PUBLIC_TASK = m.LawfulBasis.PUBLIC_TASK

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
    "has_eu_representative": Condition(
        lambda f: f.organisation.eu_representative is not None,
        "the organisation names a representative in the EU",
        "no EU representative is named (organisation.eu_representative is not set)"),
    "uses_legitimate_interests": Condition(
        lambda f: _LI in f.bases,
        "a purpose relies on legitimate interests",
        "no purpose relies on legitimate interests"),
    "uses_consent": Condition(
        lambda f: m.LawfulBasis.CONSENT in f.bases or f.program.consent is not None,
        "consent is relied on",
        "no purpose relies on consent and the program has no consent section"),
    "has_recipients": Condition(
        lambda f: bool(f.program.recipients),
        "the data has recipients",
        "the program lists no recipients"),
    "has_transfers": Condition(
        lambda f: bool(f.program.transfers),
        "data is transferred across borders",
        "the program lists no transfers"),
    "has_automated_decisions": Condition(
        lambda f: f.program.automated_decisions.exists,
        "solely automated decisions are made",
        "no solely automated decisions are made (automated_decisions.exists is false)"),
    "has_profiling": Condition(
        lambda f: f.program.automated_decisions.profiling,
        "people are profiled",
        "no profiling (automated_decisions.profiling is false)"),
    "sells_or_shares": Condition(
        lambda f: f.program.sells_or_shares or f.organisation.sells_or_shares,
        "personal information is sold or shared",
        "personal information is neither sold nor shared (sells_or_shares is false for the "
        "program and the organisation)"),
    "has_sensitive_data": Condition(
        lambda f: any(x.classification is m.Classification.SPECIAL_CATEGORY for x in f.fields),
        "sensitive (special category) data is collected",
        "no field is classified special_category"),
    "uses_public_task_or_li": Condition(
        lambda f: bool({_LI, _PUBLIC_TASK} & f.bases),
        "a purpose relies on a public task or legitimate interests",
        "no purpose relies on a public task or legitimate interests"),
}


# ------------------------------------------------------------------ catalog models


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_verified(verification: str, verified: bool, what: str) -> None:
    if verified != (verification == "primary"):
        raise ValueError(f"{what}: verified must be {verification == 'primary'} for "
                         f"verification '{verification}' (only primary is verified)")


class CatalogItem(_Strict):
    """One required disclosure."""

    id: str = Field(pattern=r"^[a-z]+\.[A-Za-z0-9_.-]+$")
    regime: str
    citation: str
    title: str
    description: str
    topic: str
    evidence: str | None = None
    when: tuple[str, ...] = ()
    severity: Literal["error", "warning"]
    verification: Verification
    verified: bool
    source_note: str
    hint: str

    @field_validator("topic")
    @classmethod
    def _known_topic(cls, v: str) -> str:
        if v not in NOTICE_TOPICS:
            raise ValueError(f"unknown topic '{v}'; use one of {', '.join(NOTICE_TOPICS)}")
        return v

    @field_validator("when")
    @classmethod
    def _known_conditions(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [c for c in v if c not in CONDITIONS]
        if unknown:
            raise ValueError(f"unknown condition(s) {unknown}; known: {sorted(CONDITIONS)}")
        if len(set(v)) != len(v):
            raise ValueError("a condition is listed twice")
        return v

    @model_validator(mode="after")
    def _verified_matches(self) -> CatalogItem:
        _check_verified(self.verification, self.verified, self.id)
        return self

    @property
    def evidence_topic(self) -> str:
        """What in the data backs the item (govportal.evidence), the topic unless given."""
        return self.evidence or self.topic


class RegimeInfo(_Strict):
    id: str
    name: str
    description: str
    notice_scope: str


class Advisory(_Strict):
    """Good practice, not law: reported as a warning."""

    id: str = Field(pattern=r"^advice\.[a-z0-9-]+$")
    severity: Literal["warning"] = "warning"
    title: str
    description: str
    hint: str


class NotCovered(_Strict):
    """A duty the catalog knowingly does not check, and why."""

    id: str
    citation: str
    title: str
    reason: str


class Catalog(_Strict):
    regimes: tuple[RegimeInfo, ...] = Field(min_length=1)
    items: tuple[CatalogItem, ...] = Field(min_length=1)
    advisories: tuple[Advisory, ...] = ()
    not_covered: tuple[NotCovered, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        ids = [i.id for i in self.items] + [a.id for a in self.advisories]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate ids: {dupes}")
        regimes = {r.id for r in self.regimes}
        stray = sorted({i.regime for i in self.items} - regimes)
        if stray:
            raise ValueError(f"items name undeclared regimes: {stray}")
        return self

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
    hours: int | None = Field(None, gt=0)
    days: int | None = Field(None, gt=0)
    condition: str = ""
    verification: Verification
    verified: bool
    source_note: str

    @model_validator(mode="after")
    def _verified_matches(self) -> BreachTimeline:
        _check_verified(self.verification, self.verified, self.id)
        if self.hours is not None and self.days is not None:
            raise ValueError(f"{self.id}: give hours or days, not both")
        return self


class _BreachFile(_Strict):
    timelines: tuple[BreachTimeline, ...] = Field(min_length=1)


class Destination(_Strict):
    name: str
    code: str = Field(pattern=r"^[A-Z]{2,3}$")
    note: str | None = None


class UkAdequacy(_Strict):
    as_of: dt.date | None
    verification: Verification
    verified: bool
    note: str
    destinations: tuple[Destination, ...] = ()


class Adequacy(_Strict):
    """The EU adequacy list (GDPR Art. 45) as dated data, and the UK list if verified."""

    as_of: dt.date
    verification: Verification
    verified: bool
    sources: tuple[str, ...] = Field(min_length=1)
    destinations: tuple[Destination, ...] = Field(min_length=1)
    eea_verification: Verification
    eea: tuple[Destination, ...] = Field(min_length=1)  # not third countries at all
    uk: UkAdequacy

    @model_validator(mode="after")
    def _verified_matches(self) -> Adequacy:
        _check_verified(self.verification, self.verified, "adequacy")
        _check_verified(self.uk.verification, self.uk.verified, "adequacy.uk")
        return self

    def find(self, destination: str) -> Destination | None:
        """The EU-list entry for a destination given by name or code (any case)."""
        key = destination.strip().lower()
        return next((d for d in self.destinations if key in (d.name.lower(), d.code.lower())),
                    None)


class RopaField(_Strict):
    id: str = Field(pattern=r"^gdpr\.30\.1\.[a-g]\.[a-z_]+$")
    citation: str
    title: str
    description: str
    condition: str | None = None
    export_columns: tuple[str, ...] = Field(min_length=1)


class Ropa(_Strict):
    verification: Verification
    verified: bool
    fields: tuple[RopaField, ...] = Field(min_length=7, max_length=7)

    @model_validator(mode="after")
    def _verified_matches(self) -> Ropa:
        _check_verified(self.verification, self.verified, "ropa")
        return self


def _read(name: str) -> object:
    text = resources.files("govportal").joinpath("catalog", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def load_catalog() -> Catalog:
    """The packaged catalog, validated (a broken catalog fails loudly, in tests first)."""
    return Catalog.model_validate(_read("disclosures.yaml"))


@cache
def load_breach_timelines() -> tuple[BreachTimeline, ...]:
    return _BreachFile.model_validate(_read("breach.yaml")).timelines


def breach_timelines_for(regimes: Iterable[str]) -> list[BreachTimeline]:
    wanted = set(regimes)
    return [t for t in load_breach_timelines() if t.regime in wanted]


@cache
def load_adequacy() -> Adequacy:
    return Adequacy.model_validate(_read("adequacy.yaml"))


@cache
def load_ropa() -> Ropa:
    return Ropa.model_validate(_read("ropa.yaml"))


# ------------------------------------------------------------------ decisions


class Status(enum.StrEnum):
    APPLICABLE = "applicable"
    NOT_APPLICABLE = "not_applicable"
    WAIVED = "waived"


ORGANISATION = "organisation"  # the regime and verification of organisation requirements


@dataclass(frozen=True)
class Requirement:
    """A catalog item or an organisation-specific requirement, as the gate sees it.

    Catalog items carry their ``when`` conditions; organisation requirements carry their
    ``applies_when`` (regime and verification are both ``"organisation"``).
    """

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
    when: tuple[str, ...] = ()
    applies_when: m.Conditions | None = None

    @property
    def verified(self) -> bool:
        return self.verification == "primary"

    @classmethod
    def of_item(cls, item: CatalogItem) -> Requirement:
        return cls(item.id, item.regime, item.citation, item.title, item.description,
                   item.topic, item.evidence_topic, item.severity, item.verification,
                   item.hint, tuple(item.when))

    @classmethod
    def of_org(cls, req: m.Requirement) -> Requirement:
        topic = f"section:{req.section}"
        return cls(req.id, ORGANISATION, req.citation, req.title, req.description, topic,
                   topic, req.severity.value, ORGANISATION,
                   f"add `notice.sections.{req.section}` to the program",
                   applies_when=req.applies_when)


@dataclass(frozen=True)
class Decision:
    """One requirement's status for one notice, with the reason it was decided."""

    item: Requirement
    status: Status
    reason: str

    @property
    def requirement(self) -> Requirement:
        return self.item


def org_requirements(requirements: m.Requirements | None) -> list[Requirement]:
    """The organisation's own requirements as catalog-like items (topic ``section:<key>``)."""
    return [Requirement.of_org(r) for r in requirements.requirements] if requirements else []


def _blocker(req: Requirement, facts: NoticeFacts) -> str | None:
    """Why ``req`` does not apply to the notice, or None when it applies."""
    cond = req.applies_when
    if cond is not None:
        jids = {j.id for j in facts.jurisdictions}
        if cond.programs and facts.program.id not in cond.programs:
            return "the requirement is limited to other programs"
        if cond.jurisdictions and not jids & set(cond.jurisdictions):
            return "the program has no data subjects in " + ", ".join(cond.jurisdictions)
        if cond.regimes and not facts.regimes & {r.value for r in cond.regimes}:
            return "the program serves none of " + ", ".join(r.value for r in cond.regimes)
        return None
    if req.regime not in facts.regimes:
        return f"the notice does not serve {req.regime} (no data subjects there)"
    for name in req.when:
        if not facts.conditions[name]:
            return CONDITIONS[name].fails
    return None


def _applies(req: Requirement) -> str:
    if req.applies_when is not None:
        return "an organisation requirement that covers this program"
    return "; ".join([f"the notice serves {req.regime}", *(CONDITIONS[c].holds
                                                           for c in req.when)])


def _waiver_reasons(waivers: Iterable[m.Waiver] | Mapping[str, str]) -> dict[str, str]:
    if isinstance(waivers, Mapping):
        return dict(waivers)
    return {w.item: w.reason for w in waivers}


def applicability(facts: NoticeFacts, catalog: Catalog,
                  waivers: Iterable[m.Waiver] | Mapping[str, str] = (),
                  requirements: m.Requirements | None = None) -> list[Decision]:
    """Every catalog item's (then every organisation requirement's) status for one notice.

    Not applicable wins over waived: an item that does not apply keeps its reason even when
    a program also waives it. ``waivers`` are the program's ``notice.waivers`` (or a mapping
    of item id to reason).
    """
    reasons = _waiver_reasons(waivers)
    reqs = [Requirement.of_item(i) for i in catalog.items] + org_requirements(requirements)
    out = []
    for req in reqs:
        blocked = _blocker(req, facts)
        if blocked is not None:
            out.append(Decision(req, Status.NOT_APPLICABLE, blocked))
        elif req.id in reasons:
            out.append(Decision(req, Status.WAIVED, reasons[req.id]))
        else:
            out.append(Decision(req, Status.APPLICABLE, _applies(req)))
    return out


def unknown_waivers(waivers: Sequence[m.Waiver], catalog: Catalog,
                    requirements: m.Requirements | None = None) -> list[tuple[int, m.Waiver]]:
    """The waivers (with their index) that name no catalog item or organisation
    requirement."""
    known = set(catalog.by_id) | {r.id for r in org_requirements(requirements)}
    return [(i, w) for i, w in enumerate(waivers) if w.item not in known]


# ------------------------------------------------------------------ with a loaded policy


def requirements(policy: Policy) -> list[tuple[Requirement, tuple[str, ...]]]:
    """Every requirement with its conditions: the catalog's, then the organisation's."""
    reqs = [Requirement.of_item(i) for i in load_catalog().items]
    reqs += org_requirements(policy.requirements)
    return [(r, r.when) for r in reqs]


def decide(policy: Policy, program: m.Program) -> list[Decision]:
    """Every requirement's status for one notice of a loaded policy."""
    return applicability(NoticeFacts.of(policy, program), load_catalog(),
                         program.notice.waivers, policy.requirements)


def topic_items(policy: Policy, program: m.Program) -> dict[str, list[str]]:
    """Topic → ids of the requirements that topic's section must satisfy (applicable ones)."""
    out: dict[str, list[str]] = {}
    for d in decide(policy, program):
        if d.status is Status.APPLICABLE:
            out.setdefault(d.item.topic, []).append(d.item.id)
    return out
