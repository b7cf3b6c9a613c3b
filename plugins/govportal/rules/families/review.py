"""Owners and review dates: everything published has someone who answers for it, on time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ...data import model as m
from ...problems import Severity
from ..registry import Context, Finding, rule
from ..wording import is_stand_in


@dataclass(frozen=True)
class Reviewed:
    """One item with an owner and a next-review date, and where it is written."""

    what: str
    label: str
    path: tuple[str | int, ...]
    owner: m.Owner
    next_review: dt.date


def reviewed_items(ctx: Context) -> Iterator[Reviewed]:
    """Programs, retention rules, checklists, clauses and the playbook."""
    p = ctx.policy
    for pid, program in p.programs.items():
        yield Reviewed(f"program '{pid}'", p.program_files[pid], (), program.owner,
                       program.next_review)
    if p.retention:
        for i, r in enumerate(p.retention.rules):
            yield Reviewed(f"retention rule '{r.id}'", ctx.file_of("retention"), ("rules", i),
                           r.owner, r.next_review)
    if p.checklists:
        for i, c in enumerate(p.checklists.checklists):
            yield Reviewed(f"checklist '{c.id}'", ctx.file_of("checklists"), ("checklists", i),
                           c.owner, c.next_review)
    if p.clauses:
        for i, c in enumerate(p.clauses.clauses):
            yield Reviewed(f"clause '{c.id}'", ctx.file_of("clauses"), ("clauses", i), c.owner,
                           c.next_review)
    if p.playbook:
        yield Reviewed("the incident response playbook", ctx.file_of("playbook"), (),
                       p.playbook.owner, p.playbook.next_review)


def _days(n: int) -> str:
    return f"{n} day{'s' * (n != 1)}"


@rule("review.overdue")
def overdue(ctx: Context) -> Iterator[Finding]:
    """No program, retention rule, checklist, clause or playbook is past its review date.

    "Today" is the build date: the plugin option `today`, else `SOURCE_DATE_EPOCH`, else the
    clock, so an old commit rebuilds the same way.

    Passing:
        owner: {name: People team}
        next_review: 2027-06-01      # after today

    Failing:
        owner: {name: People team}
        next_review: 2026-06-01      # before today
    """
    today = ctx.options.today
    for item in reviewed_items(ctx):
        if item.next_review < today:
            late = (today - item.next_review).days
            yield Finding(
                f"the review of {item.what} was due on {item.next_review.isoformat()} "
                f"({_days(late)} ago)",
                ctx.at(item.label, *item.path, "next_review"),
                f"review it with its owner ({item.owner.name}), then set the next date in "
                "`next_review`")


@rule("review.due-soon", severity=Severity.WARNING)
def due_soon(ctx: Context) -> Iterator[Finding]:
    """A review date within the warning window (plugin option `review_warning_days`, default
    30) warns, so the review can be planned before the build fails.

    Passing:
        next_review: 2027-06-01      # more than 30 days away

    Failing:
        next_review: 2026-12-01      # 9 days after a build on 2026-11-22
    """
    today = ctx.options.today
    window = ctx.options.review_warning_days
    for item in reviewed_items(ctx):
        left = (item.next_review - today).days
        if 0 <= left <= window:
            when = "today" if left == 0 else f"in {_days(left)}"
            yield Finding(
                f"the review of {item.what} is due on {item.next_review.isoformat()} ({when})",
                ctx.at(item.label, *item.path, "next_review"),
                f"plan the review with its owner ({item.owner.name}); this warns "
                f"{_days(window)} ahead (review_warning_days)")


@rule("review.owner-named")
def owner_named(ctx: Context) -> Iterator[Finding]:
    """Every owner is a real person or team, not a stand-in such as "TBD" or "n/a".

    Passing:
        owner: {name: People team, email: people@example.com}

    Failing:
        owner: {name: TBD}
    """
    for item in reviewed_items(ctx):
        if is_stand_in(item.owner.name):
            yield Finding(f"the owner of {item.what} is '{item.owner.name}', a placeholder",
                          ctx.at(item.label, *item.path, "owner", "name"),
                          "name the person or team that answers for it")
