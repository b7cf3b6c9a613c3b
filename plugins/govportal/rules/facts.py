"""What the data says about one notice, as the disclosure catalog's conditions need it.

:class:`NoticeFacts` is built from model objects (no files); :data:`CONDITIONS` names each
condition a catalog item may depend on (a DPO designated, legitimate interests relied on,
transfers present …), with plain words for when it holds and when it does not.

A condition has three answers, never two: it holds, it does not (the item does not apply,
and the reason is shown), or the data does not say (:class:`Undecided`). Absence is never
read as "not applicable": a condition that switches items off is decided from an explicit
statement in the data (``dpo: {none: …}``, ``transfers: {none: …}``) or from facts the law
uses (where the organisation is established); when neither is there, the items it decides
stay undecided and the check names the statement to add.

Conditions are judged per regime: "legitimate interests are relied on" for the UK items
looks at the bases given for UK jurisdictions only, "data is transferred" at transfers
leaving a jurisdiction of that regime.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from ..data import model as m
from ..data.policy import Policy

ORG = "organisation"
PROGRAM = "program"


@dataclass(frozen=True)
class Undecided:
    """The data does not say: what is missing, where it belongs and how to say it."""

    owner: str  # ORG or PROGRAM: the file the statement belongs in
    path: tuple[str | int, ...]
    what: str  # "whether a data protection officer is designated"
    hint: str


Verdict = bool | Undecided


@dataclass(frozen=True)
class NoticeFacts:
    """What the data says about one notice, as the catalog's conditions need it.

    Build it with :meth:`build` (from model objects) or :meth:`of` (from a loaded policy).
    ``fields``, ``transfers`` and ``vendors`` hold the program's known entries only; unknown
    ids are reported by the reference rules, not here.
    """

    organisation: m.Organisation
    program: m.Program
    fields: tuple[m.DataField, ...] = ()
    transfers: tuple[m.Transfer, ...] = ()
    vendors: Mapping[str, m.Vendor] = field(default_factory=dict)
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
              transfers: Mapping[str, m.Transfer] | None = None,
              vendors: Mapping[str, m.Vendor] | None = None) -> NoticeFacts:
        """Facts for ``program`` from the organisation, inventory fields by id, transfers by
        id and vendors by id."""
        transfers = transfers or {}
        return cls(organisation, program,
                   tuple(fields[f] for f in program.fields if f in fields),
                   tuple(transfers[t] for t in program.transfer_ids if t in transfers),
                   dict(vendors or {}))

    @classmethod
    def of(cls, policy: Policy, program: m.Program) -> NoticeFacts:
        return cls.build(policy.organisation, program, policy.fields_by_id,
                         policy.transfers_by_id, policy.vendors_by_id)

    @cached_property
    def regimes(self) -> frozenset[str]:
        """The regimes the notice serves: those of its data subjects' jurisdictions."""
        return frozenset(r.value for j in self.jurisdictions for r in j.regimes)

    def jurisdictions_in(self, regime: str) -> tuple[m.Jurisdiction, ...]:
        """The notice's jurisdictions protected by ``regime``."""
        return tuple(j for j in self.jurisdictions if regime in {r.value for r in j.regimes})

    def bases_in(self, regime: str) -> frozenset[m.LawfulBasis]:
        """Every lawful basis a purpose gives for a jurisdiction of ``regime``."""
        return self._bases.get(regime, frozenset())

    @cached_property
    def _bases(self) -> dict[str, frozenset[m.LawfulBasis]]:
        out: dict[str, frozenset[m.LawfulBasis]] = {}
        for regime in self.regimes:
            jids = [j.id for j in self.jurisdictions_in(regime)]
            out[regime] = frozenset(b for p in self.program.purposes for jid in jids
                                    for b in p.bases_in(jid))
        return out

    @cached_property
    def bases(self) -> frozenset[m.LawfulBasis]:
        """Every lawful basis any purpose relies on, in any jurisdiction."""
        return frozenset(b for p in self.program.purposes for b in p.all_bases)

    def transfers_from(self, regime: str) -> tuple[m.Transfer, ...]:
        """The program's transfers that leave a jurisdiction of ``regime``."""
        jids = {j.id for j in self.jurisdictions_in(regime)}
        return tuple(t for t in self.transfers if jids & set(t.origin))

    def verdict(self, name: str, regime: str) -> Verdict:
        """Whether condition ``name`` holds for the items of ``regime``."""
        key = (name, regime)
        cache = self._verdicts
        if key not in cache:
            cache[key] = CONDITIONS[name].test(self, regime)
        return cache[key]

    @cached_property
    def _verdicts(self) -> dict[tuple[str, str], Verdict]:
        return {}


@dataclass(frozen=True)
class Condition:
    """A named condition: its test, and plain words for when it holds and when it fails.

    ``fails`` is the reason shown for an item that is not applicable because of it.
    """

    test: Callable[[NoticeFacts, str], Verdict]
    holds: str
    fails: str


_LI = m.LawfulBasis.LEGITIMATE_INTERESTS
_PUBLIC_TASK = m.LawfulBasis.PUBLIC_TASK
_EEA_REGIME = "eu_gdpr"
_UK_REGIME = "uk_gdpr"


def _other_sources(f: NoticeFacts, regime: str) -> Verdict:
    sources = f.program.collection.other_sources
    if sources is None or sources == []:
        return Undecided(PROGRAM, ("collection", "other_sources"),
                         "whether any of the data comes from somewhere other than the person",
                         "list the sources under `collection.other_sources`, or write "
                         "`other_sources: {none: …}` saying that everything comes from the "
                         "person")
    return isinstance(sources, list)


def _dpo(f: NoticeFacts, regime: str) -> Verdict:
    dpo = f.organisation.dpo
    if dpo is None:
        return Undecided(ORG, ("dpo",), "whether a data protection officer is designated",
                         "give `dpo:` with a name and contact details, or write `dpo: {none: "
                         "…}` saying why none is designated")
    return not m.is_declared_none(dpo)


def _not_established_in(regime: str) -> Callable[[NoticeFacts, str], Verdict]:
    def test(f: NoticeFacts, _: str) -> Verdict:
        org = f.organisation
        if org.establishments is None:
            return Undecided(ORG, ("establishments",),
                             "where the organisation is established (it decides whether a "
                             "representative is needed and which authority is competent)",
                             "list `establishments:` with the jurisdiction of each office, "
                             "e.g. `- {jurisdiction: de, region: DE-BE, main: true}`")
        regimes = {j.id: {r.value for r in j.regimes} for j in org.jurisdictions}
        return not any(regime in regimes.get(e.jurisdiction, set())
                       for e in org.establishments)
    return test


def _declared_list(attr: str, what: str, hint: str) -> Callable[[NoticeFacts, str], Verdict]:
    def test(f: NoticeFacts, regime: str) -> Verdict:
        value = getattr(f.program, attr)
        if value is None or value == []:  # an empty list says nothing: write {none: why}
            return Undecided(PROGRAM, (attr,), what, hint)
        if not isinstance(value, list):
            return False
        if attr == "transfers":
            return bool(f.transfers_from(regime))
        return bool(value)
    return test


def _sells_or_shares(f: NoticeFacts, regime: str) -> Verdict:
    value = f.program.sells_or_shares
    if value is None:
        value = f.organisation.sells_or_shares
    if value is None:
        return Undecided(ORG, ("sells_or_shares",),
                         "whether personal information is sold or shared (California)",
                         "write `sells_or_shares: false` (or true) in organisation.yaml")
    return value


def _joint_controllers(f: NoticeFacts, regime: str) -> bool:
    if f.program.joint_controllers:
        return True
    return any(r.vendor in f.vendors and f.vendors[r.vendor].role is
               m.VendorRole.JOINT_CONTROLLER for r in f.program.recipient_list)


CONDITIONS: dict[str, Condition] = {
    "collected_directly": Condition(
        lambda f, r: f.program.collection.from_subject,
        "the data is collected from the person or by observing them",
        "no data is collected from the person (collection.from_subject is false)"),
    "collected_indirectly": Condition(
        _other_sources,
        "some data comes from other sources",
        "all data comes from the person, as collection.other_sources says"),
    "has_dpo": Condition(
        _dpo,
        "a data protection officer is designated",
        "no data protection officer is designated, as organisation.dpo says"),
    "needs_eu_representative": Condition(
        _not_established_in(_EEA_REGIME),
        "the organisation has no establishment in the EU, so it names a representative there "
        "(GDPR Art. 27)",
        "the organisation is established in the EU (organisation.establishments), so no "
        "representative is needed"),
    "needs_uk_representative": Condition(
        _not_established_in(_UK_REGIME),
        "the organisation has no establishment in the UK, so it names a representative there "
        "(UK GDPR Art. 27)",
        "the organisation is established in the UK (organisation.establishments), so no "
        "representative is needed"),
    "uses_legitimate_interests": Condition(
        lambda f, r: _LI in f.bases_in(r),
        "a purpose relies on legitimate interests",
        "no purpose relies on legitimate interests in these jurisdictions"),
    "uses_consent": Condition(
        lambda f, r: m.LawfulBasis.CONSENT in f.bases_in(r) or f.program.consent is not None,
        "consent is relied on",
        "no purpose relies on consent here and the program has no consent section"),
    "has_recipients": Condition(
        _declared_list("recipients", "who receives the data",
                       "list `recipients:` (names or categories), or write `recipients: "
                       "{none: …}` saying that no one else receives it"),
        "the data has recipients",
        "no one receives the data, as recipients says"),
    "has_transfers": Condition(
        _declared_list("transfers", "whether the data leaves the country it is collected in",
                       "list the transfer ids under `transfers:`, or write `transfers: "
                       "{none: …}` saying where the data stays"),
        "data is transferred from these jurisdictions to another country",
        "no transfer leaves these jurisdictions, as transfers says"),
    "has_automated_decisions": Condition(
        lambda f, r: f.program.automated_decisions.exists,
        "solely automated decisions are made",
        "no solely automated decisions are made (automated_decisions.exists is false)"),
    "has_profiling": Condition(
        lambda f, r: f.program.automated_decisions.profiling,
        "people are profiled",
        "no profiling (automated_decisions.profiling is false)"),
    "sells_or_shares": Condition(
        _sells_or_shares,
        "personal information is sold or shared",
        "personal information is neither sold nor shared, as sells_or_shares says"),
    "has_sensitive_data": Condition(
        lambda f, r: any(x.sensitive for x in f.fields),
        "special-category data (health, beliefs, union membership …) is used",
        "no field is classified special_category"),
    "has_ccpa_sensitive_data": Condition(
        lambda f, r: any(x.california_sensitive for x in f.fields),
        "sensitive personal information (California) is collected",
        "no field is sensitive personal information under California law (ccpa_sensitive, "
        "or special_category)"),
    "has_criminal_offence_data": Condition(
        lambda f, r: any(x.classification is m.Classification.CRIMINAL_OFFENCE
                         for x in f.fields),
        "data about criminal convictions or offences is used",
        "no field is classified criminal_offence"),
    "uses_public_task_or_li": Condition(
        lambda f, r: bool({_LI, _PUBLIC_TASK} & f.bases_in(r)),
        "a purpose relies on a public task or legitimate interests",
        "no purpose relies on a public task or legitimate interests here"),
    "uses_consent_or_contract": Condition(
        lambda f, r: bool({m.LawfulBasis.CONSENT, m.LawfulBasis.CONTRACT} & f.bases_in(r)),
        "a purpose relies on consent or on a contract",
        "no purpose relies on consent or a contract here"),
    "has_joint_controllers": Condition(
        _joint_controllers,
        "another organisation decides with us how the data is used (joint controllers)",
        "no joint controller: no entry in joint_controllers and no recipient whose vendor is "
        "a joint_controller"),
}


def facts_for(policy: Policy, program: m.Program) -> NoticeFacts:
    """The facts of one notice of a loaded policy, made once (every rule, page and check
    asks; a new policy is decided afresh)."""
    memo: dict[int, tuple[m.Program, NoticeFacts]] = policy.__dict__.setdefault("_facts", {})
    known = memo.get(id(program))
    if known is None or known[0] is not program:
        known = memo[id(program)] = (program, NoticeFacts.of(policy, program))
    return known[1]
