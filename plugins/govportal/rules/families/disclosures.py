"""The required-disclosure gate, at the data level: each applicable item has its text."""

from __future__ import annotations

from collections.abc import Iterator

from ...data.suggestions import did_you_mean
from ...problems import Severity
from ..catalog import load_catalog
from ..decisions import Status, decide
from ..evidence import PROGRAM, gap
from ..registry import Context, Finding, rule

_NEEDS = ("organisation", "inventory", "retention")


def _missing(ctx: Context, severity: str) -> Iterator[Finding]:
    policy = ctx.policy
    for pid, program in policy.programs.items():
        for decision in decide(policy, program):  # decided once per notice (see decide)
            req = decision.requirement
            if decision.status is not Status.APPLICABLE or req.severity != severity:
                continue
            found = gap(req.id, req.evidence_topic, req.regime, policy, program)
            if found is None:
                continue
            where = (ctx.program_at(pid, *found.path) if found.owner == PROGRAM
                     else ctx.at(ctx.file_of(found.owner), *found.path))
            yield Finding(
                f"the notice '{pid}' lacks {req.id} ({req.citation}: {req.title.lower()}): "
                f"{found.detail}", where, req.hint)


@rule("disclosure.missing", needs=_NEEDS)
def missing_disclosures(ctx: Context) -> Iterator[Finding]:
    """Every disclosure the law requires of a notice is present and not empty.

    Which items apply is decided from the data: the regimes the notice serves (from the
    jurisdictions of its data subjects) and conditions such as a designated DPO, reliance
    on legitimate interests or consent, transfers or automated decisions. Organisation
    requirements of severity `error` are checked the same way.

    Passing: a program whose purposes rely on legitimate interests says which
    (`legitimate_interest: Helping staff grow in their roles.`).
    Failing: the same purpose without `legitimate_interest` — GDPR Art. 13(1)(d) is not met.
    """
    yield from _missing(ctx, "error")


@rule("disclosure.advisory", severity=Severity.WARNING, needs=_NEEDS)
def advisory_requirements(ctx: Context) -> Iterator[Finding]:
    """Organisation requirements marked `severity: warning` are met (fails under strict).

    Passing: `requirements.yaml` asks for an `escalation` section as a warning, and each
    program has `notice.sections.escalation`.
    Failing: a program without that section.
    """
    yield from _missing(ctx, "warning")


@rule("disclosure.unknown-waiver", needs=_NEEDS)
def unknown_waivers(ctx: Context) -> Iterator[Finding]:
    """A waiver names a catalog item or organisation requirement that exists.

    Passing: `waivers: [{item: gdpr.13.2.e.obligation_to_provide, reason: …}]`.
    Failing: `waivers: [{item: gdpr.13.2.e.obligation, reason: …}]` (no such id).
    """
    known = set(load_catalog().by_id) | {r.id for r in ctx.policy.requirements.requirements}
    for pid, program in ctx.policy.programs.items():
        for i, waiver in enumerate(program.notice.waivers):
            if waiver.item not in known:
                yield Finding(f"the waiver names an unknown disclosure '{waiver.item}'",
                              ctx.program_at(pid, "notice", "waivers", i, "item"),
                              did_you_mean(waiver.item, sorted(known)) or
                              "use an id from the disclosure catalog page")
