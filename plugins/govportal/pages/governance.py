"""The governance page: who answers for what, how a policy change is approved and told,
where to escalate, what is reviewed how often (with the next review dates the data holds),
who approves which change (the same reading of the data that writes ``.github/CODEOWNERS``),
and the rollout plan, each step with its dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..rules.approvals import approvals
from .context import PageContext
from .page import GOVERNANCE, Page, checklist_uri, notice_uri


@dataclass(frozen=True)
class Due:
    """A dated review the data records."""

    what: str
    owner: str
    due: dt.date
    link: str | None = None


@dataclass(frozen=True)
class Step:
    """One rollout step with its calendar dates and where it stands on the build's day."""

    title: str
    first_day: int
    last_day: int
    start: dt.date
    end: dt.date
    owner: str
    outcome: str
    state: str  # Done | Under way | Planned


def _grouped(title: str, one: str, many: str, dated: list[tuple[dt.date, str]],
             link: str) -> list[Due]:
    """One row per review date for a register's many entries (13 retention rules due on
    two dates are two rows, not thirteen)."""
    by_day: dict[dt.date, list[str]] = {}
    for day, owner in dated:
        by_day.setdefault(day, []).append(owner)
    return [Due(f"{title}: {len(owners)} {one if len(owners) == 1 else many}",
                ", ".join(dict.fromkeys(owners)), day, link)
            for day, owners in by_day.items()]


def next_reviews(b: PageContext) -> list[Due]:
    """Every next-review date in the data, soonest first."""
    policy = b.policy
    out = [Due(f"Notice and manager guide: {p.title}", p.owner.name, p.next_review,
               notice_uri(p.id)) for p in policy.programs.values()]
    out += [Due(f"Checklist: {c.title}", c.owner.name, c.next_review, checklist_uri(c.id))
            for c in policy.checklists.checklists]
    out += _grouped("Sample policy language", "clause", "clauses",
                    [(c.next_review, c.owner.name) for c in policy.clauses.clauses], "clauses.md")
    out += _grouped("Retention schedule", "record type", "record types",
                    [(r.next_review, r.owner.name) for r in policy.retention.rules],
                    "retention.md")
    playbook = policy.playbook
    out.append(Due("Incident response playbook", playbook.owner.name, playbook.next_review,
                   "incident-response.md"))
    return sorted(out, key=lambda d: (d.due, d.what))


def rollout_steps(b: PageContext) -> list[Step]:
    plan = b.policy.organisation.governance.rollout
    if plan is None:
        return []
    steps = []
    for s in plan.steps:
        start = plan.start + dt.timedelta(days=s.first_day - 1)
        end = plan.start + dt.timedelta(days=s.last_day - 1)
        state = "Done" if end < b.today else "Under way" if start <= b.today else "Planned"
        steps.append(Step(s.title, s.first_day, s.last_day, start, end, s.owner, s.outcome,
                          state))
    return steps


def governance(b: PageContext) -> Page:
    gov = b.policy.organisation.governance
    plan = gov.rollout
    end = plan.start + dt.timedelta(days=plan.days - 1) if plan else None
    pilot_programs = ([b.policy.programs[p] for p in plan.pilot.programs
                       if p in b.policy.programs] if plan and plan.pilot else [])
    return Page(GOVERNANCE, "Governance", b.render(
        "governance.md.j2", gov=gov, plan=plan, plan_end=end, steps=rollout_steps(b),
        pilot_programs=pilot_programs, reviews=next_reviews(b),
        approvals=approvals(b.policy)), "owners",
        {"govportal": "governance"})
