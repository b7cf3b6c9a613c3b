"""Which of the catalog's items, and of the organisation's own requirements, each notice must meet.

Decided from the data, never by hand: the regimes a notice serves come from the
jurisdictions of the program's data subjects, and each conditional item names conditions
(:data:`~.facts.CONDITIONS`). An item that does not apply carries the reason it was
decided; an item a program waives carries the waiver's written reason.

:func:`applicability` is pure (facts and a catalog in, decisions out); :func:`decide` is the
convenience the rules and pages use with a loaded :class:`~govportal.data.policy.Policy`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..data import model as m
from ..data.policy import Policy
from .catalog import load_catalog
from .catalog.models import Catalog, CatalogItem
from .facts import CONDITIONS, NoticeFacts, Undecided, facts_for


class Status(enum.StrEnum):
    APPLICABLE = "applicable"
    NOT_APPLICABLE = "not_applicable"
    WAIVED = "waived"
    UNDECIDED = "undecided"  # the data does not say whether the item applies


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
    undecided: Undecided | None = None  # what the data must say, for an undecided item

    @property
    def requirement(self) -> Requirement:
        return self.item


def org_requirements(requirements: m.Requirements | None) -> list[Requirement]:
    """The organisation's own requirements as catalog-like items (topic ``section:<key>``)."""
    return [Requirement.of_org(r) for r in requirements.requirements] if requirements else []


def _blocker(req: Requirement, facts: NoticeFacts) -> str | Undecided | None:
    """Why ``req`` does not apply to the notice, what the data must say before it can be
    decided, or None when it applies. A condition that fails wins over one undecided."""
    cond = req.applies_when
    if cond is not None:
        jids = {j.id for j in facts.jurisdictions}
        if cond.programs and facts.program.id not in cond.programs:
            return "the requirement is limited to other programs"
        if cond.jurisdictions and not jids & set(cond.jurisdictions):
            return "the program has no data subjects in " + ", ".join(cond.jurisdictions)
        if cond.regimes and not facts.regimes & {r.value for r in cond.regimes}:
            return "the program serves none of " + ", ".join(
                _regime(r.value) for r in cond.regimes)
        return None
    if req.regime not in facts.regimes:
        return f"the notice does not serve {_regime(req.regime)} (no data subjects there)"
    undecided: Undecided | None = None
    for name in req.when:
        verdict = facts.verdict(name, req.regime)
        if isinstance(verdict, Undecided):
            undecided = undecided or verdict
        elif not verdict:
            return CONDITIONS[name].fails
    return undecided


def _regime(regime: str) -> str:
    """A regime as readers name it (``EU GDPR``), not its code (``eu_gdpr``)."""
    return load_catalog().regime_name(regime)


def _applies(req: Requirement) -> str:
    if req.applies_when is not None:
        return "an organisation requirement that covers this program"
    return "; ".join([f"the notice serves {_regime(req.regime)}", *(CONDITIONS[c].holds
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
    reqs = [*catalog_requirements(catalog), *org_requirements(requirements)]
    out = []
    for req in reqs:
        blocked = _blocker(req, facts)
        if isinstance(blocked, Undecided):
            out.append(Decision(req, Status.UNDECIDED, f"the data does not say {blocked.what}",
                                blocked))
        elif blocked is not None:
            out.append(Decision(req, Status.NOT_APPLICABLE, blocked))
        elif req.id in reasons:
            out.append(Decision(req, Status.WAIVED, reasons[req.id]))
        else:
            out.append(Decision(req, Status.APPLICABLE, _applies(req)))
    return out


_CATALOG_REQUIREMENTS: dict[int, tuple[Catalog, tuple[Requirement, ...]]] = {}


def catalog_requirements(catalog: Catalog) -> tuple[Requirement, ...]:
    """The catalog's items as requirements, made once per catalog (not once per notice)."""
    known = _CATALOG_REQUIREMENTS.get(id(catalog))
    if known is None or known[0] is not catalog:
        known = _CATALOG_REQUIREMENTS[id(catalog)] = (
            catalog, tuple(Requirement.of_item(i) for i in catalog.items))
    return known[1]


def unknown_waivers(waivers: Sequence[m.Waiver], catalog: Catalog,
                    requirements: m.Requirements | None = None) -> list[tuple[int, m.Waiver]]:
    """The waivers (with their index) that name no catalog item or organisation
    requirement."""
    known = set(catalog.by_id) | {r.id for r in org_requirements(requirements)}
    return [(i, w) for i, w in enumerate(waivers) if w.item not in known]


# ------------------------------------------------------------------ with a loaded policy


def requirements(policy: Policy) -> list[tuple[Requirement, tuple[str, ...]]]:
    """Every requirement with its conditions: the catalog's, then the organisation's."""
    reqs = [*catalog_requirements(load_catalog()), *org_requirements(policy.requirements)]
    return [(r, r.when) for r in reqs]


def decide(policy: Policy, program: m.Program) -> list[Decision]:
    """Every requirement's status for one notice of a loaded policy.

    Decided once per notice of a loaded policy (the notice page, the coverage page and
    files, the rules and the output check all ask); a new policy is decided afresh."""
    memo: dict[int, tuple[m.Program, list[Decision]]] = policy.__dict__.setdefault(
        "_decisions", {})
    known = memo.get(id(program))
    if known is not None and known[0] is program:
        return list(known[1])
    decisions = applicability(facts_for(policy, program), load_catalog(),
                              program.notice.waivers, policy.requirements)
    memo[id(program)] = (program, decisions)
    return list(decisions)


def topic_items(policy: Policy, program: m.Program) -> dict[str, list[str]]:
    """Topic → ids of the requirements that topic's section must satisfy (applicable ones)."""
    out: dict[str, list[str]] = {}
    for d in decide(policy, program):
        if d.status is Status.APPLICABLE:
            out.setdefault(d.item.topic, []).append(d.item.id)
    return out
