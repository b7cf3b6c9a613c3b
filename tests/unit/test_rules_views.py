"""Views at their edges: a field high-risk but not special category, raw detail in the
manager's view, an audit view with two raw fields and no approver.

The test edits the rule cases' base folder (``tests/cases/rules/base/``) in a temporary copy
and compares the view rules' problems with the lines written out below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govportal import pipeline
from govportal.rules import registry
from tests.conftest import CASES, mutated

BASE = CASES / "rules" / "base"
TODAY = dt.date(2026, 11, 22)


def test_each_view_rule_names_the_kind_of_field_and_view(tmp_path: Path) -> None:
    edits = [
        # course-status (a learning record, in manager-view) becomes high-risk
        ("inventory.yaml", "classification: learning_record\n",
         "classification: learning_record\n    high_risk: true\n"),
        # access-log (in audit-view only) becomes raw detail too
        ("inventory.yaml", "classification: audit_log\n",
         "classification: audit_log\n    raw_detail: true\n"),
        # quiz-answers (raw detail) is shown in the contextual manager-view too
        ("inventory.yaml", "raw_detail: true\n    views: [audit-view]",
         "raw_detail: true\n    views: [manager-view, audit-view]"),
        # the audit view no longer names who signs off
        ("roles.yaml", "approver: HR lead, ", ""),
    ]
    data = mutated(tmp_path, BASE, edits)
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path)
    assert [p.format_text() for p in result.problems if p.rule.startswith("views.")] == [
        "data/inventory.yaml:13:13: error [views.sensitive-in-contextual] fields[1].views[0]: "
        "the high-risk field 'course-status' is shown in the contextual view 'manager-view'\n"
        "    hint: remove 'manager-view' from the field's views: managers see only coarse "
        "fields; keep it to the audit view",
        "data/inventory.yaml:20:13: error [views.raw-detail-outside-audit] fields[2].views[0]: "
        "the raw-detail field 'quiz-answers' is shown in 'manager-view', a contextual view\n"
        "    hint: raw timestamps and item-level answers belong only in the audit view; show a "
        "status or outcome field in this view instead",
        "data/roles.yaml:22:17: error [views.raw-detail-signoff] views[2].hr_signoff: the "
        "audit view 'audit-view' shows raw detail ('quiz-answers', 'access-log') but does not "
        "name who signs off\n"
        "    hint: set `hr_signoff: {required: true, approver: …, how: …}` for this view",
    ]


def test_an_audit_view_in_order_does_not_end_the_check_of_the_next(tmp_path: Path) -> None:
    edits = [
        # a second audit view after the signed-off one, without sign-off
        ("roles.yaml", "how: A ticket the HR lead approves.}\n",
         "how: A ticket the HR lead approves.}\n  - {id: case-view, name: Case view, role: hr, "
         "kind: audit, purpose: Cases., hr_signoff: {required: false}}\n"),
        ("inventory.yaml", "raw_detail: true\n    views: [audit-view]",
         "raw_detail: true\n    views: [audit-view, case-view]"),
    ]
    data = mutated(tmp_path, BASE, edits)
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path)
    assert [p.format_text() for p in result.problems if p.rule.startswith("views.")] == [
        "data/roles.yaml:23:101: error [views.raw-detail-signoff] views[3].hr_signoff.required: "
        "the audit view 'case-view' shows raw detail ('quiz-answers') but does not require HR "
        "sign-off\n"
        "    hint: set `hr_signoff: {required: true, approver: …, how: …}` for this view",
    ]
