"""Review dates and owners at their edges: the day itself, one day, the end of the window.

Each test edits the rule cases' base folder (``tests/cases/rules/base/``) in a temporary copy
and compares the problems of the rules it is about with the lines written out below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govportal import pipeline
from govportal.rules import registry
from tests.conftest import CASES, mutated

BASE = CASES / "rules" / "base"
TODAY = dt.date(2026, 11, 22)


def problems(tmp_path: Path, edits: list[tuple[str, str, str]], prefix: str,
             **options: object) -> list[str]:
    """Every problem of the rules whose id starts with ``prefix``, as `govportal check`
    prints it (hint on the second line)."""
    data = mutated(tmp_path, BASE, edits)
    result = pipeline.check(data, registry.Options(today=TODAY, **options),
                            label_base=tmp_path)
    return [p.format_text() for p in result.problems if p.rule.startswith(prefix)]


NEXT = "next_review: 2027-06-01"


def test_a_review_due_today_warns_and_is_not_yet_overdue(tmp_path: Path) -> None:
    assert problems(tmp_path, [("programs/milestones.yaml", NEXT, "next_review: 2026-11-22")],
                    "review.") == [
        "data/programs/milestones.yaml:6:14: warning [review.due-soon] next_review: the "
        "review of program 'milestones' is due on 2026-11-22 (today)\n"
        "    hint: plan the review with its owner (People team); this warns 30 days ahead "
        "(review_warning_days)",
    ]


def test_a_review_one_day_late_is_overdue_by_one_day(tmp_path: Path) -> None:
    assert problems(tmp_path, [("programs/coaching.yaml", NEXT, "next_review: 2026-11-21")],
                    "review.") == [
        "data/programs/coaching.yaml:6:14: error [review.overdue] next_review: the review of "
        "program 'coaching' was due on 2026-11-21 (1 day ago)\n"
        "    hint: review it with its owner (People team), then set the next date in "
        "`next_review`",
    ]


def test_the_warning_window_includes_its_last_day_and_says_one_day(tmp_path: Path) -> None:
    edits = [("retention.yaml", NEXT, "next_review: 2026-12-22"),   # 30 days: the last day
             ("retention.yaml", NEXT, "next_review: 2026-12-23"),   # 31 days: outside
             ("retention.yaml", NEXT, "next_review: 2026-11-23"),   # tomorrow
             ("checklists.yaml", NEXT, "next_review: 2026-11-23")]
    assert problems(tmp_path, edits, "review.") == [
        "data/checklists.yaml:8:18: warning [review.due-soon] checklists[0].next_review: the "
        "review of checklist 'pre-launch-review' is due on 2026-11-23 (in 1 day)\n"
        "    hint: plan the review with its owner (Privacy team); this warns 30 days ahead "
        "(review_warning_days)",
        "data/retention.yaml:12:18: warning [review.due-soon] rules[0].next_review: the "
        "review of retention rule 'learning-records' is due on 2026-12-22 (in 30 days)\n"
        "    hint: plan the review with its owner (People team); this warns 30 days ahead "
        "(review_warning_days)",
        "data/retention.yaml:35:18: warning [review.due-soon] rules[2].next_review: the "
        "review of retention rule 'engagement-aggregates' is due on 2026-11-23 (in 1 day)\n"
        "    hint: plan the review with its owner (People team); this warns 30 days ahead "
        "(review_warning_days)",
    ]


def test_a_window_of_one_day_says_one_day(tmp_path: Path) -> None:
    edits = [("incident-response.yaml", NEXT, "next_review: 2026-11-23"),
             ("clauses.yaml", NEXT, "next_review: 2026-11-24")]
    assert problems(tmp_path, edits, "review.", review_warning_days=1) == [
        "data/incident-response.yaml:3:14: warning [review.due-soon] next_review: the review "
        "of the incident response playbook is due on 2026-11-23 (in 1 day)\n"
        "    hint: plan the review with its owner (Security team); this warns 1 day ahead "
        "(review_warning_days)",
    ]


def test_every_kind_of_item_reports_a_stand_in_owner(tmp_path: Path) -> None:
    edits = [("programs/milestones.yaml", "owner: {name: People team}", "owner: {name: TBD}"),
             ("checklists.yaml", "owner: {name: People team}", "owner: {name: tbd}"),
             ("clauses.yaml", "owner: {name: Legal}", "owner: {name: N/A}")]
    assert problems(tmp_path, edits, "review.owner") == [
        "data/checklists.yaml:18:19: error [review.owner-named] checklists[1].owner.name: the "
        "owner of checklist 'manager-one-to-ones' is 'tbd', a placeholder\n"
        "    hint: name the person or team that answers for it",
        "data/clauses.yaml:8:19: error [review.owner-named] clauses[0].owner.name: the owner "
        "of clause 'retention-clause' is 'N/A', a placeholder\n"
        "    hint: name the person or team that answers for it",
        "data/programs/milestones.yaml:5:15: error [review.owner-named] owner.name: the owner "
        "of program 'milestones' is 'TBD', a placeholder\n"
        "    hint: name the person or team that answers for it",
    ]
