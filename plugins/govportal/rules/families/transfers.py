"""Transfers: data leaving the EU goes to an adequate country or names its safeguard."""

from __future__ import annotations

from collections.abc import Iterator

from ...data import model as m
from ..adequacy import Standing, standing
from ..catalog import load_adequacy
from ..registry import Context, Finding, rule


@rule("transfer.adequacy-not-listed")
def adequacy_not_listed(ctx: Context) -> Iterator[Finding]:
    """A transfer that relies on adequacy goes to a destination on the EU adequacy list.

    The list ships with the portal as dated data with its sources (shown below); transfers
    inside the EEA need no mechanism. The decision for the United States covers only
    importers certified under the EU-US Data Privacy Framework, which the transfer states
    with `dpf_certified: true`. Anywhere else needs standard contractual clauses (`scc`),
    binding corporate rules (`bcr`) or a derogation with its reason.

    Passing:
        - {id: coach-ch, origin: [de], destination: Switzerland, mechanism: adequacy, …}
        - {id: lms-us, origin: [de], destination: United States, mechanism: adequacy,
           dpf_certified: true, …}

    Failing:
        - {id: coach-in, origin: [de], destination: India, mechanism: adequacy, …}
        - {id: lms-us, origin: [de], destination: United States, mechanism: adequacy, …}
    """
    as_of = load_adequacy().as_of.isoformat()
    label = ctx.file_of("transfers")
    for i, t in enumerate(ctx.policy.transfers.transfers):
        if t.mechanism is not m.Mechanism.ADEQUACY:
            continue
        verdict = standing(t.destination)
        if verdict.standing is Standing.NOT_LISTED:
            yield Finding(
                f"the transfer '{t.id}' to '{t.destination}' relies on adequacy, but "
                f"'{t.destination}' is not on the EU adequacy list (as of {as_of})",
                ctx.at(label, "transfers", i, "mechanism"),
                "name standard contractual clauses (scc), binding corporate rules (bcr) or a "
                "derogation with its reason; write the country's English name or ISO code")
        elif verdict.standing is Standing.DPF_ONLY and not t.dpf_certified:
            yield Finding(
                f"the transfer '{t.id}' relies on adequacy, but the decision for the United "
                "States covers only importers certified under the EU-US Data Privacy "
                "Framework, and the transfer does not say its importer is",
                ctx.at(label, "transfers", i, "mechanism"),
                "set `dpf_certified: true` once the importer's certification is confirmed, or "
                "use standard contractual clauses (scc) with a transfer-impact assessment")


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
