"""What in the data carries each notice item, judged for the item's own regime.

A disclosure catalog item names an *evidence topic*. For one program and one regime, each
topic says whether the data holds what the notice needs and, if not, where the policy owner
should add it. The same topic can ask different things of different regimes: "purposes"
asks GDPR notices for a lawful basis for every jurisdiction of that regime, California's for
a purpose for every category of personal information. The disclosure gate calls
:func:`gap`; a sentence of standard wording the item needs that the organisation left out
is a gap too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..data import model as m
from ..data.policy import Policy
from .facts import ORG, PROGRAM, Undecided, facts_for
from .gap import Ask, Gap
from .rights import ccpa_detail as _ccpa_detail
from .rights import rights as _rights
from .standard_wording import omitted_for
from .wording import circular_end

__all__ = ["GUARANTEED", "ORG", "PROGRAM", "TOPICS", "Gap", "gap"]


def _reachable(contact: m.Contact | None) -> bool:
    return contact is not None and bool(contact.email or contact.phone or contact.address
                                        or contact.url)


def _controller(a: Ask) -> Gap | None:
    org = a.org
    if not (_reachable(org.contact) or org.address):
        return Gap(ORG, ("contact",), "the controller has no e-mail, phone, web page or "
                   "postal address")
    return None


def _dpo(a: Ask) -> Gap | None:
    dpo = a.org.dpo
    if isinstance(dpo, m.Contact) and not _reachable(dpo):
        return Gap(ORG, ("dpo",), "the data protection officer has no contact details")
    return None


def _representative(a: Ask, attr: str, where: str) -> Gap | None:
    rep = getattr(a.org, attr)
    if rep is None:
        return Gap(ORG, (), f"the organisation has no establishment in {where} but names "
                   f"no representative there (`{attr}`)")
    if not _reachable(rep):
        return Gap(ORG, (attr,), f"the representative in {where} has no contact details")
    return None


def _purposes(a: Ask) -> Gap | None:
    for i, purpose in enumerate(a.program.purposes):
        missing = [j.id for j in a.jurisdictions if not purpose.bases_in(j.id)]
        if missing:
            return Gap(PROGRAM, ("purposes", i, "lawful_basis"),
                       f"purpose '{purpose.id}' has no lawful basis for {', '.join(missing)}")
        several = {b for j in a.jurisdictions if len(purpose.bases_in(j.id)) > 1
                   for b in purpose.bases_in(j.id)}
        unexplained = sorted(b.value for b in several - {m.LawfulBasis.LEGITIMATE_INTERESTS}
                             if b not in purpose.basis_reasons)
        if unexplained:
            return Gap(PROGRAM, ("purposes", i, "lawful_basis"),
                       f"purpose '{purpose.id}' rests on several bases without saying what "
                       f"{', '.join(unexplained)} covers (basis_reasons)")
    return None


def _legitimate_interests(a: Ask) -> Gap | None:
    for i, purpose in enumerate(a.program.purposes):
        uses = any(m.LawfulBasis.LEGITIMATE_INTERESTS in purpose.bases_in(j.id)
                   for j in a.jurisdictions)
        if uses and not purpose.legitimate_interest:
            return Gap(PROGRAM, ("purposes", i),
                       f"purpose '{purpose.id}' relies on legitimate interests but does not "
                       "say which (legitimate_interest)")
    return None


def _purposes_using(a: Ask, classification: m.Classification) -> list[tuple[int, m.Purpose]]:
    fields = a.policy.fields_by_id
    return [(i, p) for i, p in enumerate(a.program.purposes)
            if any(f in fields and fields[f].classification is classification
                   for f in p.fields)]


def _special_category(a: Ask, uk: bool) -> Gap | None:
    for i, purpose in _purposes_using(a, m.Classification.SPECIAL_CATEGORY):
        cond = purpose.special_category
        if cond is None:
            return Gap(PROGRAM, ("purposes", i),
                       f"purpose '{purpose.id}' uses special-category data but gives no "
                       "Art. 9(2) condition (special_category)")
        if uk and not cond.uk_schedule_1:
            return Gap(PROGRAM, ("purposes", i, "special_category"),
                       f"purpose '{purpose.id}' gives no DPA 2018 Schedule 1 condition "
                       "(special_category.uk_schedule_1)")
    if uk and _purposes_using(a, m.Classification.SPECIAL_CATEGORY) and \
            a.org.appropriate_policy_document is None:
        return Gap(ORG, (), "the organisation does not say whether it keeps the "
                   "appropriate policy document DPA 2018 Schedule 1 asks for "
                   "(appropriate_policy_document)")
    return None


def _criminal_offence(a: Ask, uk: bool) -> Gap | None:
    for i, purpose in _purposes_using(a, m.Classification.CRIMINAL_OFFENCE):
        basis = purpose.criminal_offence
        if basis is None:
            return Gap(PROGRAM, ("purposes", i),
                       f"purpose '{purpose.id}' uses criminal-offence data but names no "
                       "law that allows it (criminal_offence)")
        if uk and not basis.uk_schedule_1:
            return Gap(PROGRAM, ("purposes", i, "criminal_offence"),
                       f"purpose '{purpose.id}' gives no DPA 2018 Schedule 1 condition "
                       "(criminal_offence.uk_schedule_1)")
    return None


def _data_categories(a: Ask) -> Gap | None:
    if not a.facts.fields:
        return Gap(PROGRAM, ("fields",), "the program lists no known fields")
    return None


def _ccpa_categories(a: Ask) -> Gap | None:
    if not a.facts.fields:
        return Gap(PROGRAM, ("fields",), "the program lists no known fields")
    for f in a.facts.fields:
        if not f.ccpa_category:
            return Gap(PROGRAM, ("fields", a.program.fields.index(f.id)),
                       f"field '{f.id}' has no California category (inventory ccpa_category)")
    return None


def _ccpa_categories_of(a: Ask) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in a.facts.fields:
        if f.ccpa_category:
            out.setdefault(f.ccpa_category, []).append(f.id)
    return out


def _ccpa_purposes(a: Ask) -> Gap | None:
    used = {f for p in a.program.purposes for f in p.fields}
    for category, fields in _ccpa_categories_of(a).items():
        if not used & set(fields):
            return Gap(PROGRAM, ("purposes",), f"no purpose uses the California category "
                       f"'{category}' ({', '.join(fields)})")
    return None


def _ccpa_retention(a: Ask) -> Gap | None:
    covered = a.policy.retention_for(a.program)
    for category, fields in _ccpa_categories_of(a).items():
        bare = [f for f in fields if not covered.get(f)]
        if bare:
            return Gap(PROGRAM, ("fields", a.program.fields.index(bare[0])),
                       f"the California category '{category}' has no retention period or "
                       f"criteria for {', '.join(bare)}")
    return _unstated_period(a)


def _sources(a: Ask) -> Gap | None:
    if not a.program.collection.sources:
        return Gap(PROGRAM, ("collection",), "no source of the data is named "
                   "(collection.other_sources)")
    return None


def _recipients(a: Ask) -> Gap | None:
    if not a.program.recipient_list:
        return Gap(PROGRAM, (), "the program names no recipients (recipients)")
    return None


def _transfers(a: Ask) -> Gap | None:
    for t in a.facts.transfers_from(a.regime):
        i = a.program.transfer_ids.index(t.id)
        if t.mechanism is None:
            return Gap(PROGRAM, ("transfers", i), f"transfer '{t.id}' does not say what "
                       "protects the data there (transfers.yaml mechanism)")
        safeguarded = {m.Mechanism.SCC, m.Mechanism.BCR, m.Mechanism.IDTA,
                       m.Mechanism.UK_ADDENDUM}
        if t.mechanism in safeguarded and not t.safeguards_copy:
            return Gap(PROGRAM, ("transfers", i),
                       f"transfer '{t.id}' does not say how to get a copy of its safeguards "
                       "(transfers.yaml safeguards_copy)")
    return None


def _retention(a: Ask) -> Gap | None:
    known = a.policy.fields_by_id
    for f, rules in a.policy.retention_for(a.program).items():
        if not rules and f in known:
            return Gap(PROGRAM, ("fields", a.program.fields.index(f)),
                       f"no retention rule covers field '{f}'")
    return _unstated_period(a)


def _unstated_period(a: Ask) -> Gap | None:
    schedule = a.policy.retention.rules if a.policy.retention else []
    for r in a.policy.program_rules(a.program):
        if r.period is None and r.criteria is None:
            return Gap("retention", ("rules", schedule.index(r)),
                       f"the retention rule '{r.id}' gives neither a period nor the criteria "
                       "that decide it (period or criteria)")
        if r.criteria is not None and circular_end(r.criteria.ends_when):
            return Gap("retention", ("rules", schedule.index(r), "criteria", "ends_when"),
                       f"the retention rule '{r.id}' says only that records are kept while "
                       "they are needed: the criteria must say what ends the period")
    return None


def _withdraw_consent(a: Ask) -> Gap | None:
    if a.program.consent is None:
        return Gap(PROGRAM, (), "consent is relied on but the program has no `consent:` "
                   "section with the revocation route")
    return None


def _complaint(a: Ask) -> Gap | None:
    # The law asks for the right to complain (the standard sentence complaint.right, whose
    # omission gap() reports); naming the authority is good practice (authority.unnamed),
    # and a named one must be competent (authority.not-competent).
    return None


def _obligation(a: Ask) -> Gap | None:
    if not a.program.notice.obligation:
        return Gap(PROGRAM, ("notice",), "the notice does not say whether providing the data "
                   "is required (notice.obligation)")
    return None


def _automated_decisions(a: Ask) -> Gap | None:
    ad = a.program.automated_decisions
    if ad.exists and not (ad.logic and ad.significance):
        return Gap(PROGRAM, ("automated_decisions",),
                   "automated decisions exist but their logic and significance are not "
                   "explained (logic, significance)")
    return None


def _profiling(a: Ask) -> Gap | None:
    ad = a.program.automated_decisions
    missing = [name for name in ("logic", "significance") if not getattr(ad, name)]
    if ad.profiling and missing:
        what = {"logic": "how it works", "significance": "what it leads to"}
        return Gap(PROGRAM, ("automated_decisions",),
                   f"people are profiled but the notice does not say "
                   f"{' or '.join(what[x] for x in missing)} (automated_decisions."
                   f"{', '.join(missing)})")
    return None


def _objection(a: Ask) -> Gap | None:
    if not _reachable(a.org.privacy_contact):
        return Gap(ORG, ("privacy_contact",), "the privacy contact has no way to be reached")
    return None


def _sold_or_shared(a: Ask) -> Gap | None:
    # The statement is the declaration itself: without it the notice says nothing either
    # way (declaration.missing names only the items the declaration switches on or off).
    if isinstance(a.facts.verdict("sells_or_shares", a.regime), Undecided):
        return Gap(ORG, (), "the organisation does not say whether personal information is "
                   "sold or shared (sells_or_shares)")
    return None


def _privacy_policy(a: Ask) -> Gap | None:
    if not a.org.privacy_policy_url:
        return Gap(ORG, (), "the organisation has no privacy_policy_url")
    return None


def _joint_controllers(a: Ask) -> Gap | None:
    vendors = a.policy.vendors_by_id
    named = {j.vendor for j in a.program.joint_controllers if j.vendor}
    for i, r in enumerate(a.program.recipient_list):
        vendor = vendors.get(r.vendor or "")
        if vendor is not None and vendor.role is m.VendorRole.JOINT_CONTROLLER and \
                vendor.id not in named:
            return Gap(PROGRAM, ("recipients", i),
                       f"'{vendor.name}' is a joint controller but the program gives no "
                       "essence of the arrangement (joint_controllers)")
    return None


# The checks that serve several topics take their parameters through partial(), which calls
# the module's function each time (a check made once by a closure at import would stay the
# function as first loaded).
TOPICS: dict[str, Callable[[Ask], Gap | None]] = {
    "controller": _controller,
    "dpo": _dpo,
    "representative": partial(_representative, attr="eu_representative", where="the EU"),
    "uk-representative": partial(_representative, attr="uk_representative", where="the UK"),
    "purposes": _purposes,
    "legitimate-interests": _legitimate_interests,
    "special-category": partial(_special_category, uk=False),
    "uk-special-category": partial(_special_category, uk=True),
    "criminal-offence": partial(_criminal_offence, uk=False),
    "uk-criminal-offence": partial(_criminal_offence, uk=True),
    "data-categories": _data_categories,
    "ccpa-categories": _ccpa_categories,
    "ccpa-purposes": _ccpa_purposes,
    "ccpa-retention": _ccpa_retention,
    "sources": _sources,
    "recipients": _recipients,
    "transfers": _transfers,
    "retention": _retention,
    "rights": _rights,
    "ccpa-rights": _rights,
    "ccpa-verification": _ccpa_detail("verification", "how a request is verified"),
    "ccpa-agent": _ccpa_detail("authorized_agent", "how an authorised agent can ask"),
    "ccpa-non-retaliation": _ccpa_detail("non_retaliation", "that using a right is never "
                                         "held against the person"),
    "withdraw-consent": _withdraw_consent,
    "complaint": _complaint,
    "obligation": _obligation,
    "automated-decisions": _automated_decisions,
    "profiling": _profiling,
    "objection": _objection,
    "sold-or-shared": _sold_or_shared,
    "opt-out-link": _privacy_policy,
    "privacy-policy": _privacy_policy,
    "joint-controllers": _joint_controllers,
}

# Topics whose text the schema itself carries whenever the item applies: a gap there is
# impossible by construction. Sources and recipients apply only when listed, and each entry
# must have a name and a description or purpose.
GUARANTEED = frozenset({"sources", "recipients"})


def gap(item_id: str, topic: str, regime: str, policy: Policy,
        program: m.Program) -> Gap | None:
    """What is missing for item ``item_id`` (evidence ``topic``, regime ``regime``) in
    ``program``'s notice; None when the data carries it."""
    facts = facts_for(policy, program)
    if topic.startswith("section:"):
        key = topic.removeprefix("section:")
        text = program.notice.sections.get(key, "")
        if not text.strip():
            return Gap(PROGRAM, ("notice", "sections"),
                       f"the notice has no `sections.{key}` text")
        return None
    found = TOPICS[topic](Ask(policy, program, facts, regime))
    if found is not None:
        return found
    left_out = omitted_for(item_id, regime, facts)
    if left_out:
        return Gap(ORG, ("wording", left_out[0]), "the standard wording it needs is left out "
                   f"({', '.join(left_out)})")
    return None
