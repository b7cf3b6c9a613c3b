"""Incident response: a named triage owner, deadlines from the catalog, real remedies."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..catalog import breach_timelines_for
from ..registry import Context, Finding, rule
from ..wording import is_stand_in, typed_deadline

_REMEDIES = (
    ("revoking tokens (forced token revocation)",
     re.compile(r"\btokens?\b", re.I), re.compile(r"revok|revoc|invalidat|expir|rotat", re.I),
     "add a step such as 'Revoke every access and refresh token of the affected accounts.'"),
    ("resetting passwords",
     re.compile(r"\b(?:passwords?|passphrases?|credentials?)\b", re.I),
     re.compile(r"reset|rotat|chang|renew", re.I),
     "add a step such as 'Force a password reset for the affected accounts.'"),
)


def timelines(regimes: set[str]) -> list:
    """The catalog's breach timelines for ``regimes`` (none when the catalog is absent)."""
    try:
        return breach_timelines_for(regimes)
    except FileNotFoundError:
        return []


@rule("incident.triage-owner", needs=("playbook",))
def triage_owner(ctx: Context) -> Iterator[Finding]:
    """The playbook names a triage owner who can be reached: a person or team, and an
    e-mail address.

    Passing:
        triage_owner: {name: Security on-call, email: security@example.com}

    Failing:
        triage_owner: {name: TBD}
    """
    owner = ctx.policy.playbook.triage_owner
    label = ctx.file_of("playbook")
    if is_stand_in(owner.name):
        yield Finding(f"the triage owner '{owner.name}' is a placeholder, not a person or team",
                      ctx.at(label, "triage_owner", "name"),
                      "name the person or on-call team that triages incidents")
    elif not owner.email:
        yield Finding(f"the triage owner '{owner.name}' has no e-mail address",
                      ctx.at(label, "triage_owner", "name"),
                      "add `email:` to `triage_owner`: an address that reaches them at any "
                      "hour")


@rule("incident.timelines", needs=("organisation", "playbook"))
def notification_timelines(ctx: Context) -> Iterator[Finding]:
    """For every regime the organisation operates in, the catalog has breach notification
    timelines, so the playbook shows them (they are never typed into the data).

    The regimes come from `organisation.jurisdictions[].regimes`; the timelines from the
    portal's breach catalog (GDPR Art. 33 and 34, UK GDPR, Cal. Civ. Code 1798.82).

    Passing:
        jurisdictions:
          - {id: de, country: DE, regimes: [eu_gdpr], …}   # the catalog has eu_gdpr timelines

    Failing:
        jurisdictions:
          - {id: us-ca, country: US-CA, regimes: [ccpa], …}
        # while the breach catalog has no ccpa timeline
    """
    label = ctx.file_of("organisation")
    reported: set[str] = set()
    for i, jurisdiction in enumerate(ctx.policy.organisation.jurisdictions):
        for j, regime in enumerate(jurisdiction.regimes):
            if regime.value in reported or timelines({regime.value}):
                continue
            reported.add(regime.value)
            yield Finding(
                f"the breach catalog has no notification timeline for {regime.value} "
                f"(jurisdiction '{jurisdiction.id}')",
                ctx.at(label, "jurisdictions", i, "regimes", j),
                "the playbook cannot say when to notify: add the regime's deadlines to the "
                "portal's breach catalog (catalog/breach.yaml)")


@rule("incident.remedial-actions", needs=("playbook",))
def remedial_actions(ctx: Context) -> Iterator[Finding]:
    """The remedial actions include forced token revocation and password resets.

    A compromised delivery channel (a lost phone, a leaked token) is contained by revoking
    sessions and credentials, not only by investigating.

    Passing:
        remedial_actions:
          - Revoke every access and refresh token of the affected accounts.
          - Force a password reset for the affected accounts.

    Failing:
        remedial_actions:
          - Tell the affected people what happened.
    """
    actions = ctx.policy.playbook.remedial_actions
    for what, subject, verb, hint in _REMEDIES:
        if not any(subject.search(a) and verb.search(a) for a in actions):
            yield Finding(f"the remedial actions do not include {what}",
                          ctx.at(ctx.file_of("playbook"), "remedial_actions"), hint)


@rule("incident.typed-deadline", needs=("playbook",))
def typed_deadline_rule(ctx: Context) -> Iterator[Finding]:
    """The playbook does not type notification deadlines by hand.

    The playbook page lists each regime's deadlines from the catalog; a deadline typed into
    a step ("tell the regulator within 72 hours") goes stale when the law changes. Internal
    deadlines ("call legal within one hour") are fine.

    Passing:
        steps: [Decide with legal whether the breach must be notified.]

    Failing:
        steps: [Notify the supervisory authority within 72 hours.]
    """
    playbook = ctx.policy.playbook
    texts: list[tuple[tuple[str | int, ...], str]] = []
    for i, c in enumerate(playbook.classification):
        texts.append((("classification", i, "description"), c.description))
        texts += [(("classification", i, "examples", j), e) for j, e in enumerate(c.examples)]
    for i, phase in enumerate(playbook.phases):
        texts += [(("phases", i, "steps", j), s) for j, s in enumerate(phase.steps)]
    texts += [(("remedial_actions", j), a) for j, a in enumerate(playbook.remedial_actions)]
    texts += [(("legal_escalation",), playbook.legal_escalation),
              (("evidence",), playbook.evidence),
              (("tabletop", "scenario"), playbook.tabletop.scenario)]
    for path, text in texts:
        found = typed_deadline(text)
        if found:
            yield Finding(f"the playbook types a notification deadline by hand ('{found}')",
                          ctx.at(ctx.file_of("playbook"), *path),
                          "remove it: the playbook page lists every regime's deadlines from "
                          "the catalog")
