"""What the data says about one notice, as the disclosure catalog's conditions need it.

:class:`NoticeFacts` is built from model objects (no files); :data:`CONDITIONS` names each
condition a catalog item may depend on (a DPO designated, legitimate interests relied on,
transfers present …), with plain words for when it holds and when it does not, the reason
shown for an item that does not apply.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from ..data import model as m
from ..data.policy import Policy


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

    @cached_property
    def regimes(self) -> frozenset[str]:
        """The regimes the notice serves: those of its data subjects' jurisdictions."""
        return frozenset(r.value for j in self.jurisdictions for r in j.regimes)

    @cached_property
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
