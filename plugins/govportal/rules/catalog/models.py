"""The shapes of the legal reference data shipped in this folder, validated when loaded.

A broken catalog fails loudly (in the tests first): unknown topics or conditions, duplicate
ids, and a ``verified`` flag that does not match how far the text was checked.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..facts import CONDITIONS

Verification = Literal["primary", "secondary", "recall"]

# The notice sections a catalog item can point to (pages/templates/notice/<topic>.md.j2).
NOTICE_TOPICS: tuple[str, ...] = (
    "controller", "dpo", "purposes", "legitimate-interests", "data-categories", "sources",
    "recipients", "transfers", "retention", "rights", "withdraw-consent", "complaint",
    "obligation", "automated-decisions", "objection", "sold-or-shared", "opt-out-link",
    "privacy-policy", "joint-controllers",
)


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
        """What in the data backs the item (govportal.rules.evidence), the topic unless given."""
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

    @functools.cached_property
    def by_id(self) -> dict[str, CatalogItem]:
        return {i.id: i for i in self.items}

    @functools.cached_property
    def regime_names(self) -> dict[str, str]:
        """Regime id → its name (the first regime of an id, as the list gives them)."""
        names: dict[str, str] = {}
        for r in self.regimes:
            names.setdefault(r.id, r.name)
        return names

    def regime_name(self, regime: str) -> str:
        return self.regime_names.get(regime, regime)


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


class Authority(_Strict):
    """A supervisory authority (or an enforcement body) as the catalog records it."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    local_name: str | None = None
    country: str = Field(pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
    region: str | None = Field(None, pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
    regime: str
    role: Literal["supervisory", "federal", "enforcement"]
    url: str = Field(pattern=r"^https://")
    complaint_url: str | None = Field(None, pattern=r"^https://")
    address: str | None = None
    verification: Verification
    address_verification: Verification | None = None
    source_note: str = ""
    sources: tuple[str, ...] = Field(min_length=1)


class Authorities(_Strict):
    as_of: dt.date
    authorities: tuple[Authority, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Authorities:
        ids = [a.id for a in self.authorities]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate authority ids: {dupes}")
        return self

    @functools.cached_property
    def by_id(self) -> dict[str, Authority]:
        return {a.id: a for a in self.authorities}

    def competent(self, country: str, region: str | None = None) -> list[Authority]:
        """The supervisory authorities for complaints from ``country`` (for Germany, the
        state authority of ``region``; without a region, every state authority)."""
        found = [a for a in self.authorities if a.country == country and a.role == "supervisory"]
        if region is not None and any(a.region for a in found):
            found = [a for a in found if a.region == region]
        return found


class StandardWording(_Strict):
    """One sentence (or phrase) of the portal's own notice wording, with what it carries."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._()-]*$")
    text: str = Field(min_length=1)
    regimes: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    when: tuple[str, ...] = ()
    citation: str | None = None
    short: str | None = None

    @field_validator("when")
    @classmethod
    def _known_conditions(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [c for c in v if c not in CONDITIONS]
        if unknown:
            raise ValueError(f"unknown condition(s) {unknown}; known: {sorted(CONDITIONS)}")
        return v


class Wording(_Strict):
    wording: tuple[StandardWording, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Wording:
        ids = [w.id for w in self.wording]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate wording ids: {dupes}")
        return self

    @functools.cached_property
    def by_id(self) -> dict[str, StandardWording]:
        return {w.id: w for w in self.wording}


class Figures(_Strict):
    reading: int
    reported: int
    found: int
    missed: int
    false_alarms: int
    borderline: int

    def share(self, part: int, whole: int) -> str:
        return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "n/a"

    @property
    def recall(self) -> str:
        return self.share(self.found, self.reading)

    @property
    def precision(self) -> str:
        return self.share(self.found, self.reported)

    @property
    def precision_firm(self) -> str:
        """Precision with the reading's borderline calls left out of the reports."""
        return self.share(self.found, self.reported - self.borderline)


class Measured(_Strict):
    as_of: dt.date
    notices: tuple[str, ...]
    items: Figures
    gaps: Figures
