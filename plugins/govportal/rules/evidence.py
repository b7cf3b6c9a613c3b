"""What in the data satisfies each notice topic, and what is missing when it does not.

A disclosure catalog item names a *topic* (a section of the notice). For each topic this
module says, for one program, whether the data holds the text that section needs and, if
not, where the policy owner should add it. The disclosure gate calls :func:`gap`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..data import model as m
from ..data.policy import Policy

ORG = "organisation"
PROGRAM = "program"


@dataclass(frozen=True)
class Gap:
    """Where the missing text belongs: in the organisation file or the program's file."""

    owner: str  # ORG or PROGRAM
    path: tuple[str | int, ...]
    detail: str


def _controller(policy: Policy, program: m.Program) -> Gap | None:
    org = policy.organisation
    if not (org.contact.email or org.contact.phone):
        return Gap(ORG, ("contact",), "the controller has no e-mail or phone contact")
    return None


def _dpo(policy: Policy, program: m.Program) -> Gap | None:
    dpo = policy.organisation.dpo
    if dpo is not None and not (dpo.email or dpo.phone or dpo.address):
        return Gap(ORG, ("dpo",), "the data protection officer has no contact details")
    return None


def _representative(policy: Policy, program: m.Program) -> Gap | None:
    rep = policy.organisation.eu_representative
    if rep is not None and not (rep.email or rep.phone or rep.address):
        return Gap(ORG, ("eu_representative",), "the EU representative has no contact details")
    return None


def _purposes(policy: Policy, program: m.Program) -> Gap | None:
    gdpr = {j.id for j in policy.jurisdictions_of(program)
            if {m.Regime.EU_GDPR, m.Regime.UK_GDPR} & set(j.regimes)}
    for i, purpose in enumerate(program.purposes):
        missing = sorted(gdpr - set(purpose.lawful_basis))
        if missing:
            return Gap(PROGRAM, ("purposes", i, "lawful_basis"),
                       f"purpose '{purpose.id}' has no lawful basis for {', '.join(missing)}")
    return None


def _legitimate_interests(policy: Policy, program: m.Program) -> Gap | None:
    for i, purpose in enumerate(program.purposes):
        uses = m.LawfulBasis.LEGITIMATE_INTERESTS in purpose.lawful_basis.values()
        if uses and not purpose.legitimate_interest:
            return Gap(PROGRAM, ("purposes", i),
                       f"purpose '{purpose.id}' relies on legitimate interests but does not "
                       "say which (legitimate_interest)")
    return None


def _data_categories(policy: Policy, program: m.Program) -> Gap | None:
    fields = policy.fields_by_id
    if not any(f in fields for f in program.fields):
        return Gap(PROGRAM, ("fields",), "the program lists no known fields")
    return None


def _ccpa_categories(policy: Policy, program: m.Program) -> Gap | None:
    fields = policy.fields_by_id
    for f in program.fields:
        if f in fields and not fields[f].ccpa_category:
            return Gap(PROGRAM, ("fields", program.fields.index(f)),
                       f"field '{f}' has no California category (inventory ccpa_category)")
    return None


def _sources(policy: Policy, program: m.Program) -> Gap | None:
    if not program.collection.other_sources:
        return Gap(PROGRAM, ("collection",), "no source of the data is named "
                   "(collection.other_sources)")
    return None


def _recipients(policy: Policy, program: m.Program) -> Gap | None:
    for i, r in enumerate(program.recipients):
        if r.kind is m.RecipientKind.PROCESSOR and r.vendor is None:
            return Gap(PROGRAM, ("recipients", i),
                       f"processor recipient '{r.name}' names no vendor")
    return None


def _transfers(policy: Policy, program: m.Program) -> Gap | None:
    transfers = policy.transfers_by_id
    for i, tid in enumerate(program.transfers):
        t = transfers.get(tid)
        if t is None:
            continue
        if t.mechanism in (m.Mechanism.SCC, m.Mechanism.BCR) and not t.safeguards_copy:
            return Gap(PROGRAM, ("transfers", i),
                       f"transfer '{tid}' does not say how to get a copy of its safeguards "
                       "(transfers.yaml safeguards_copy)")
    return None


def _retention(policy: Policy, program: m.Program) -> Gap | None:
    known = policy.fields_by_id
    for f, rules in policy.retention_for(program).items():
        if not rules and f in known:
            return Gap(PROGRAM, ("fields", program.fields.index(f)),
                       f"no retention rule covers field '{f}'")
    return None


def _rights(policy: Policy, program: m.Program) -> Gap | None:
    if policy.organisation.rights is None:
        return Gap(ORG, (), "the organisation does not say how people exercise their rights "
                   "(rights)")
    return None


def _withdraw_consent(policy: Policy, program: m.Program) -> Gap | None:
    if program.consent is None:
        return Gap(PROGRAM, (), "consent is relied on but the program has no `consent:` "
                   "section with the revocation route")
    return None


def _complaint(policy: Policy, program: m.Program) -> Gap | None:
    for j in policy.jurisdictions_of(program):
        gdpr = {m.Regime.EU_GDPR, m.Regime.UK_GDPR} & set(j.regimes)
        if gdpr and j.supervisory_authority is None:
            index = policy.organisation.jurisdictions.index(j)
            return Gap(ORG, ("jurisdictions", index),
                       f"jurisdiction '{j.id}' names no supervisory authority")
    return None


def _obligation(policy: Policy, program: m.Program) -> Gap | None:
    if not program.notice.obligation:
        return Gap(PROGRAM, ("notice",), "the notice does not say whether providing the data "
                   "is required (notice.obligation)")
    return None


def _automated_decisions(policy: Policy, program: m.Program) -> Gap | None:
    ad = program.automated_decisions
    if ad.exists and not (ad.logic and ad.significance):
        return Gap(PROGRAM, ("automated_decisions",),
                   "automated decisions exist but their logic and significance are not "
                   "explained (logic, significance)")
    return None


def _objection(policy: Policy, program: m.Program) -> Gap | None:
    contact = policy.organisation.privacy_contact
    if not (contact.email or contact.phone or contact.address):
        return Gap(ORG, ("privacy_contact",), "the privacy contact has no way to be reached")
    return None


def _privacy_policy(policy: Policy, program: m.Program) -> Gap | None:
    if not policy.organisation.privacy_policy_url:
        return Gap(ORG, (), "the organisation has no privacy_policy_url")
    return None


def _always(policy: Policy, program: m.Program) -> Gap | None:
    return None


TOPICS: dict[str, Callable[[Policy, m.Program], Gap | None]] = {
    "controller": _controller,
    "dpo": _dpo,
    "representative": _representative,
    "purposes": _purposes,
    "legitimate-interests": _legitimate_interests,
    "data-categories": _data_categories,
    "ccpa-categories": _ccpa_categories,
    "sources": _sources,
    "recipients": _recipients,
    "transfers": _transfers,
    "retention": _retention,
    "rights": _rights,
    "withdraw-consent": _withdraw_consent,
    "complaint": _complaint,
    "obligation": _obligation,
    "automated-decisions": _automated_decisions,
    "objection": _objection,
    "sold-or-shared": _always,
    "opt-out-link": _privacy_policy,
    "privacy-policy": _privacy_policy,
    "profiling": _always,  # automated_decisions.statement is required by the schema
}


# Topics whose text the schema itself requires whenever the item applies: a gap there is
# impossible by construction (the schema reports the missing key first).
GUARANTEED = frozenset({"sources", "sold-or-shared", "profiling"})


def gap(topic: str, policy: Policy, program: m.Program) -> Gap | None:
    """What is missing for ``topic`` in ``program``'s notice (None when satisfied)."""
    if topic.startswith("section:"):
        key = topic.removeprefix("section:")
        text = program.notice.sections.get(key, "")
        if not text.strip():
            return Gap(PROGRAM, ("notice", "sections"),
                       f"the notice has no `sections.{key}` text")
        return None
    return TOPICS[topic](policy, program)
