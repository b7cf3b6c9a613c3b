"""Analytics and profiling: aggregate by default; individual-level only with a DPIA."""

from __future__ import annotations

from collections.abc import Iterator

from ...data import model as m
from ..registry import Context, Finding, rule

_BEHAVIOUR = {m.Classification.BEHAVIOURAL_METADATA, m.Classification.DEVICE_TELEMETRY}
# Bases under which a person may object to (Art. 21) or withdraw from (Art. 7(3)) processing.
_OPT_OUT_BASES = {m.LawfulBasis.CONSENT, m.LawfulBasis.LEGITIMATE_INTERESTS,
                  m.LawfulBasis.PUBLIC_TASK}


def _individual(program: m.Program) -> bool:
    return program.analytics is not None and program.analytics.level is m.AnalyticsLevel.INDIVIDUAL


@rule("analytics.dpia")
def dpia(ctx: Context) -> Iterator[Finding]:
    """Analytics about individuals, and any profiling, name the DPIA that assessed them.

    Aggregate or pseudonymised analytics are the default; a program that analyses people one
    by one (`analytics.level: individual`) or profiles them (`automated_decisions.profiling:
    true`) records a DPIA reference in `dpia` (or `analytics.dpia`).

    Passing:
        analytics: {level: individual, description: …, dpia: DPIA-2026-03, opt_out: …}

    Failing:
        analytics: {level: individual, description: …, opt_out: …}
    """
    for pid, program in ctx.policy.programs.items():
        if program.dpia or (program.analytics and program.analytics.dpia):
            continue
        if _individual(program):
            what, path = "analyses individuals", ("analytics", "level")
        elif program.automated_decisions.profiling:
            what, path = "profiles people", ("automated_decisions", "profiling")
        else:
            continue
        yield Finding(f"the program '{pid}' {what} but names no DPIA",
                      ctx.program_at(pid, *path),
                      "record the data protection impact assessment in `dpia:`, or keep the "
                      "analytics aggregate or pseudonymised")


@rule("analytics.opt-out")
def opt_out(ctx: Context) -> Iterator[Finding]:
    """Individual-level analytics state how to opt out, where the law gives that right.

    When a purpose of the program relies on consent (which can be withdrawn), legitimate
    interests or a public task (which can be objected to), `analytics.opt_out` says how to
    opt out of the individual analysis.

    Passing:
        analytics:
          level: individual
          opt_out: Switch "personal insights" off in the app; your data then counts only in
            team totals.

    Failing:
        analytics:
          level: individual    # and a purpose relies on legitimate_interests
    """
    for pid, program in ctx.policy.programs.items():
        if not _individual(program) or program.analytics.opt_out:
            continue
        bases = {b for p in program.purposes for b in p.all_bases}
        relied = sorted(b.value for b in bases & _OPT_OUT_BASES)
        if relied:
            yield Finding(
                f"the program '{pid}' analyses individuals under {' and '.join(relied)} but "
                "states no way to opt out",
                ctx.program_at(pid, "analytics", "level"),
                "add `analytics.opt_out` saying how a person stops the individual analysis")


@rule("analytics.pseudonymised-fields", needs=("inventory",))
def pseudonymised_fields(ctx: Context) -> Iterator[Finding]:
    """Analytics declared pseudonymised use behaviour signals kept apart from identities.

    With `analytics.level: pseudonymised`, every behavioural-metadata or device-telemetry
    field of the program is marked `pseudonymised: true` in the inventory.

    Passing:
        # inventory.yaml
        - {id: tip-opens, classification: behavioural_metadata, pseudonymised: true, …}

    Failing:
        - {id: tip-opens, classification: behavioural_metadata, …}
    """
    fields = ctx.policy.fields_by_id
    for pid, program in ctx.policy.programs.items():
        if not program.analytics or program.analytics.level is not m.AnalyticsLevel.PSEUDONYMISED:
            continue
        plain = [f for f in program.fields if f in fields
                 and fields[f].classification in _BEHAVIOUR and not fields[f].pseudonymised]
        if plain:
            names = ", ".join(f"'{f}'" for f in plain)
            yield Finding(
                f"the program '{pid}' declares pseudonymised analytics, but {names} "
                f"{'is' if len(plain) == 1 else 'are'} not marked pseudonymised",
                ctx.program_at(pid, "analytics", "level"),
                "mark the behaviour fields `pseudonymised: true` in inventory.yaml once they "
                "are kept apart from identities, or declare `level: individual` (with a DPIA)")
