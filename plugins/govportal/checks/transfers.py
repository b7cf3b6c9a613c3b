"""Transfers: data leaving the EU goes to an adequate country or names its safeguard."""

from __future__ import annotations

from collections.abc import Iterator

from .. import model as m
from ..adequacy import Standing, load_adequacy, standing
from ..problems import Severity
from . import Context, Finding, rule


def _from_eu(ctx: Context, transfer: m.Transfer) -> bool:
    jurisdictions = ctx.policy.jurisdictions_by_id
    return any(m.Regime.EU_GDPR in jurisdictions[j].regimes
               for j in transfer.origin if j in jurisdictions)


def _adequacy_claims(ctx: Context) -> Iterator[tuple[int, m.Transfer]]:
    for i, t in enumerate(ctx.policy.transfers.transfers):
        if t.mechanism is m.Mechanism.ADEQUACY and _from_eu(ctx, t):
            yield i, t


@rule("transfer.adequacy-not-listed", needs=("organisation",))
def adequacy_not_listed(ctx: Context) -> Iterator[Finding]:
    """A transfer from the EU that claims adequacy goes to a country on the EU adequacy list.

    The list ships with the portal as dated data with its source (see below). Anywhere else
    needs standard contractual clauses (`scc`), binding corporate rules (`bcr`) or a
    derogation with its reason.

    Passing:
        - {id: coach-ch, origin: [de], destination: Switzerland, mechanism: adequacy, …}

    Failing:
        - {id: coach-in, origin: [de], destination: India, mechanism: adequacy, …}
    """
    as_of = load_adequacy().as_of.isoformat()
    for i, t in _adequacy_claims(ctx):
        if standing(t.destination).standing is Standing.NOT_LISTED:
            yield Finding(
                f"the transfer '{t.id}' to '{t.destination}' claims an adequacy decision, but "
                f"'{t.destination}' is not on the EU adequacy list (as of {as_of})",
                ctx.at(ctx.file_of("transfers"), "transfers", i, "mechanism"),
                "name standard contractual clauses (scc), binding corporate rules (bcr) or a "
                "derogation with its reason; write the country's English name or ISO code")


@rule("transfer.adequacy-scope", severity=Severity.WARNING, needs=("organisation",))
def adequacy_scope(ctx: Context) -> Iterator[Finding]:
    """A transfer that relies on a partial adequacy decision confirms the recipient is covered.

    Some decisions cover only part of a country: for the United States, organisations
    certified under the EU-US Data Privacy Framework; for Canada, commercial organisations
    subject to PIPEDA. The rule warns so that someone checks the vendor's certification; once
    checked, switch it off in `severities`, or use standard contractual clauses.

    Passing:
        - {id: lms-us, origin: [de], destination: United States, mechanism: scc, tia_date: …}

    Failing:
        - {id: lms-us, origin: [de], destination: United States, mechanism: adequacy, …}
    """
    for i, t in _adequacy_claims(ctx):
        verdict = standing(t.destination)
        if verdict.standing is Standing.PARTIAL and verdict.country is not None:
            yield Finding(
                f"the adequacy decision for {verdict.country.name} covers only "
                f"{verdict.country.scope}: confirm that the recipient of '{t.id}' is one",
                ctx.at(ctx.file_of("transfers"), "transfers", i, "mechanism"),
                "check the vendor's certification, or use standard contractual clauses (scc) "
                "with a transfer-impact assessment")


@rule("transfer.derogation-reason")
def derogation_reason(ctx: Context) -> Iterator[Finding]:
    """A transfer under a derogation (GDPR Art. 49) says which one and why it applies.

    Passing:
        - {id: visa-desk, mechanism: derogation,
           derogation_reason: Needed to perform the employee's travel contract (Art. 49(1)(b)).}

    Failing:
        - {id: visa-desk, mechanism: derogation}
    """
    for i, t in enumerate(ctx.policy.transfers.transfers):
        if t.mechanism is m.Mechanism.DEROGATION and not t.derogation_reason:
            yield Finding(
                f"the transfer '{t.id}' relies on a derogation without saying which one or why",
                ctx.at(ctx.file_of("transfers"), "transfers", i, "mechanism"),
                "add `derogation_reason` naming the Art. 49(1) ground and why it applies; "
                "derogations are for occasional transfers only")


@rule("transfer.tia-missing")
def tia_missing(ctx: Context) -> Iterator[Finding]:
    """A transfer under standard contractual clauses records its transfer-impact assessment.

    Passing:
        - {id: lms-us, mechanism: scc, tia_date: 2026-02-01, …}

    Failing:
        - {id: lms-us, mechanism: scc, …}
    """
    for i, t in enumerate(ctx.policy.transfers.transfers):
        if t.mechanism is m.Mechanism.SCC and t.tia_date is None:
            yield Finding(
                f"the transfer '{t.id}' uses standard contractual clauses but records no "
                "transfer-impact assessment",
                ctx.at(ctx.file_of("transfers"), "transfers", i, "mechanism"),
                "assess the destination's laws and practice, then record the date in "
                "`tia_date`")
