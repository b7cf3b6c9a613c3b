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
    """A transfer under standard contractual clauses (the EU's, the UK Addendum or the UK's
    IDTA) records its transfer-impact (UK: transfer risk) assessment.

    Passing:
        - {id: lms-us, mechanism: scc, tia_date: 2026-02-01, …}

    Failing:
        - {id: lms-us, mechanism: scc, …}
    """
    for i, t in enumerate(ctx.policy.transfers.transfers):
        if t.mechanism in _CLAUSES and t.tia_date is None:
            yield Finding(
                f"the transfer '{t.id}' uses standard contractual clauses but records no "
                "transfer-impact assessment",
                ctx.at(ctx.file_of("transfers"), "transfers", i, "mechanism"),
                "assess the destination's laws and practice, then record the date in "
                "`tia_date`")


_CLAUSES = {m.Mechanism.SCC, m.Mechanism.UK_ADDENDUM, m.Mechanism.IDTA}
_UK_TOOLS = {m.Mechanism.UK_ADDENDUM, m.Mechanism.IDTA}


@rule("transfer.uk-tool", needs=("organisation",))
def uk_tool(ctx: Context) -> Iterator[Finding]:
    """Data leaving the UK under contract clauses uses a UK tool: the International Data
    Transfer Agreement (`idta`) or the EU clauses with the UK Addendum (`uk_addendum`); the EU
    clauses alone (`scc`) do not cover it. The UK tools do not cover data leaving the EEA.

    Passing:
        - {id: analytics-uk-us, origin: [gb], destination: United States,
           mechanism: uk_addendum, …}

    Failing:
        - {id: analytics-uk-us, origin: [gb], destination: United States, mechanism: scc, …}
    """
    regimes = {j.id: {r.value for r in j.regimes}
               for j in ctx.policy.organisation.jurisdictions}
    label = ctx.file_of("transfers")
    for i, t in enumerate(ctx.policy.transfers.transfers):
        uk = [o for o in t.origin if "uk_gdpr" in regimes.get(o, set())]
        eu = [o for o in t.origin if "eu_gdpr" in regimes.get(o, set())]
        if uk and t.mechanism is m.Mechanism.SCC:
            yield Finding(f"the transfer '{t.id}' leaves the UK ({', '.join(uk)}) under the EU "
                          "standard contractual clauses alone",
                          ctx.at(label, "transfers", i, "mechanism"),
                          "use `uk_addendum` (the EU clauses with the UK Addendum) or `idta`; "
                          "if EU staff are covered too, record their transfer separately")
        elif eu and t.mechanism in _UK_TOOLS:
            yield Finding(f"the transfer '{t.id}' leaves the EEA ({', '.join(eu)}) under a UK "
                          f"tool ({t.mechanism.value}), which covers UK transfers only",
                          ctx.at(label, "transfers", i, "mechanism"),
                          "use `scc` for the EEA origins, in a transfer of their own")
