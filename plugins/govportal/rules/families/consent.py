"""Consent at work: rarely freely given, so it is justified, and always revocable."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...data import model as m
from ..registry import Context, Finding, rule
from ..wording import has_duration

_AT_ONCE = re.compile(r"\b(?:immediately|instantly|at once|right away|straight away|"
                      r"the same day|before the next)\b", re.IGNORECASE)


def _consent_purposes(program: m.Program) -> Iterator[tuple[int, m.Purpose, str]]:
    """(index, purpose, first jurisdiction id) for each purpose that relies on consent."""
    for index, purpose in enumerate(program.purposes):
        for jid in purpose.lawful_basis:
            if m.LawfulBasis.CONSENT in purpose.bases_in(jid):
                yield index, purpose, jid
                break


@rule("consent.employment-justification")
def employment_justification(ctx: Context) -> Iterator[Finding]:
    """A purpose that relies on consent from people at work records why that consent is free.

    Employees, managers, contractors and applicants depend on the organisation, so their
    consent is rarely freely given. Contract necessity or legitimate interests with a
    balancing test usually fit better; where consent is still the basis, the purpose says
    why refusing costs the person nothing (`consent_justification`).

    Passing:
        purposes:
          - id: reminders
            lawful_basis: {de: consent}
            consent_justification: Reminders are optional; refusing them changes nothing.

    Failing:
        purposes:
          - id: reminders
            lawful_basis: {de: consent}
    """
    for pid, program in ctx.policy.programs.items():
        groups = ", ".join(dict.fromkeys(ds.group for ds in program.data_subjects))
        for index, purpose, jid in _consent_purposes(program):
            if purpose.consent_justification:
                continue
            yield Finding(
                f"the purpose '{purpose.id}' relies on the consent of people at work "
                f"({groups}) without saying why that consent is freely given",
                ctx.program_at(pid, "purposes", index, "lawful_basis", jid),
                "add `consent_justification` (e.g. the feature is optional and refusing has no "
                "effect), or rely on contract or legitimate interests with a balancing test")


@rule("consent.details-missing")
def details_missing(ctx: Context) -> Iterator[Finding]:
    """A program that relies on consent has a `consent` section: scope, how it is captured,
    how to withdraw it, and how fast withdrawal takes effect.

    Passing:
        purposes: [{id: reminders, lawful_basis: {de: consent}, …}]
        consent:
          scope: [Course reminders]
          captured: In the app, before the first reminder.
          revocation_route: Switch reminders off in the app settings.
          revocation_effect: Reminders stop within 24 hours.

    Failing:
        purposes: [{id: reminders, lawful_basis: {de: consent}, …}]
        # no consent: section
    """
    for pid, program in ctx.policy.programs.items():
        if program.consent is not None:
            continue
        for index, purpose, jid in _consent_purposes(program):
            yield Finding(
                f"the purpose '{purpose.id}' relies on consent, but the program has no "
                "`consent` section (how to withdraw it and how fast that takes effect)",
                ctx.program_at(pid, "purposes", index, "lawful_basis", jid),
                "add `consent:` with choices (each with scope, default and revocation_effect), "
                "captured and revocation_route")
            break


@rule("consent.opt-out-speed")
def opt_out_speed(ctx: Context) -> Iterator[Finding]:
    """Wherever consent is used, the notice says how fast an opt-out stops delivery.

    Each choice's `revocation_effect` names a time ("within 24 hours", "within 2 days") or
    says it is immediate.

    Passing:
        consent:
          choices:
            - {id: tips, scope: Personalised tips, default: off,
               revocation_effect: Tips stop within 24 hours of switching them off.}

    Failing:
        consent:
          choices:
            - {id: tips, scope: Personalised tips, default: off,
               revocation_effect: Tips stop after you switch them off.}
    """
    for pid, program in ctx.policy.programs.items():
        consent = program.consent
        if consent is None:
            continue
        for i, choice in enumerate(consent.choices):
            effect = choice.revocation_effect
            if has_duration(effect) or _AT_ONCE.search(effect):
                continue
            yield Finding(
                f"the consent choice '{choice.id}' of '{pid}' does not say how fast saying no "
                f"takes effect ('{effect}')",
                ctx.program_at(pid, "consent", "choices", i, "revocation_effect"),
                "state a time, e.g. 'Tips stop within 24 hours.' or 'Tips stop immediately.'")


@rule("consent.default-on")
def default_on(ctx: Context) -> Iterator[Finding]:
    """Every consent choice starts off: a box ticked in advance is not consent (GDPR
    Recital 32, Art. 4(11)).

    Passing: `choices: [{id: tips, scope: Personalised tips, default: off, …}]`
    Failing: `choices: [{id: tips, scope: Personalised tips, default: on, …}]`
    """
    for pid, program in ctx.policy.programs.items():
        if program.consent is None:
            continue
        for i, choice in enumerate(program.consent.choices):
            if choice.default is m.ConsentDefault.ON:
                yield Finding(f"the consent choice '{choice.id}' of '{pid}' starts switched "
                              "on, so saying nothing would count as yes",
                              ctx.program_at(pid, "consent", "choices", i, "default"),
                              "start it off (`default: off`) and let the person switch it on")
