"""Retention rules at their edges: many rules with the same period, no schedule at all, a
period decided by criteria or not stated, many logged views, every kind of placeholder.

Each test edits the rule cases' base folder (``tests/cases/rules/base/``) in a temporary copy
and compares the problems of the rules it is about with the lines written out below. (Every
notice text that may state a period: the case ``retention.period-in-notice/fail-every-text``.)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govportal import pipeline
from govportal.rules import registry
from tests.conftest import CASES, mutated

BASE = CASES / "rules" / "base"
TODAY = dt.date(2026, 11, 22)
CLAUSE = ("Learning records are kept for [[retention:learning-records]]. Engagement logs are\n"
          "      deleted after [[period:engagement-logs]].")
CEILING_HINT = ("    hint: shorten the period to 90 days or less, keep only anonymised aggregates "
                "longer, or say why in `beyond_ceiling_reason`")


def problems(data: Path, base: Path, *prefixes: str) -> list[str]:
    """The problems of the rules whose ids start with one of ``prefixes``, as `govportal
    check` prints them (hint on the second line)."""
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=base)
    return [p.format_text() for p in result.problems if p.rule.startswith(prefixes)]


def test_a_clause_hint_names_at_most_three_rules_of_the_same_period(tmp_path: Path) -> None:
    edits = [("retention.yaml", "period: 2 years", "period: 3 years"),
             ("retention.yaml", "period: 90 days", "period: 3 years"),   # four rules of 3 years
             ("clauses.yaml", CLAUSE, "Learning records are kept for 3 years.")]
    assert problems(mutated(tmp_path, BASE, edits), tmp_path, "retention.") == [
        "data/clauses.yaml:5:11: error [retention.period-in-clause] clauses[0].text: the "
        "clause 'retention-clause' states its own period '3 years'\n"
        "    hint: quote the schedule instead: [[period:learning-records]] or "
        "[[period:engagement-logs]] or [[period:engagement-aggregates]]",
        "data/retention.yaml:17:13: error [retention.engagement-ceiling] rules[1].period: the "
        "rule 'engagement-logs' keeps behavioural or engagement logs for 3 years, beyond the "
        "90-day ceiling, without a stated reason\n" + CEILING_HINT,
    ]


def test_a_clause_without_any_schedule_gets_the_general_hint(tmp_path: Path) -> None:
    data = mutated(tmp_path, BASE, [("clauses.yaml", CLAUSE,
                                     "Learning records are kept for 2 years.")])
    (data / "retention.yaml").unlink()
    assert problems(data, tmp_path, "retention.", "clause.") == [
        "data/clauses.yaml:5:11: error [retention.period-in-clause] clauses[0].text: the "
        "clause 'retention-clause' states its own period '2 years'\n"
        "    hint: quote the schedule instead: [[period:RULE-ID]] or [[retention:RULE-ID]] with "
        "the id of a rule in retention.yaml",
    ]


NEW_VIEWS = """views:
  - {id: coach-view, name: Coach view, role: manager, kind: dashboard, purpose: Tips., \
hr_signoff: {required: false}}
  - {id: quiet-view, name: Quiet view, role: manager, kind: dashboard, purpose: Tips., \
hr_signoff: {required: false}, access_logged: false}
"""


def test_logged_views_criteria_and_behaviour_by_classification(tmp_path: Path) -> None:
    edits = [
        ("retention.yaml", "kind: audit_log", "kind: other"),   # no audit-log rule left
        # the engagement logs' period decided by criteria, not a number of days
        ("retention.yaml", "period: 90 days",
         "criteria: {text: The tip stays useful., ends_when: the tip is retired.}"),
        # learning records (kind learning_record) now keep a behavioural field for 2 years
        ("retention.yaml", "fields: [full-name, course-status, quiz-answers, health-course]",
         "fields: [full-name, course-status, quiz-answers, health-course, tip-opens]"),
        # four views log access (three are named), one does not
        ("roles.yaml", "views:\n", NEW_VIEWS),
    ]
    assert problems(mutated(tmp_path, BASE, edits), tmp_path, "retention.") == [
        "data/retention.yaml:1:1: error [retention.audit-log-missing] rules: access to "
        "'coach-view', 'manager-view', 'dashboard-view' … is logged, but the retention "
        "schedule has no audit-log rule\n"
        "    hint: add a rule with `kind: audit_log` for the access logs, with a period long "
        "enough for investigations",
        "data/retention.yaml:6:13: error [retention.engagement-ceiling] rules[0].period: the "
        "rule 'learning-records' keeps behavioural or engagement logs for 2 years, beyond the "
        "90-day ceiling, without a stated reason\n" + CEILING_HINT,
        "data/retention.yaml:13:5: error [retention.engagement-ceiling] rules[1].period: the "
        "rule 'engagement-logs' keeps behavioural or engagement logs until the tip is retired, "
        "beyond the 90-day ceiling, without a stated reason\n" + CEILING_HINT,
        "data/retention.yaml:39:14: error [retention.audit-log-separate] rules[3].fields[0]: "
        "the audit-log field 'access-log' is kept under 'access-logs', a rule of kind other\n"
        "    hint: move it to a rule of `kind: audit_log` with its own period",
    ]


def test_a_quoted_rule_without_a_period_is_left_to_the_disclosure_gate(tmp_path: Path) -> None:
    # coaching's notice quotes engagement-logs (tip-opens): the gate reports its missing
    # period, so retention.period-missing does not; the ceiling cannot be checked either
    data = mutated(tmp_path, BASE, [("retention.yaml", "    period: 90 days\n", "")])
    assert problems(data, tmp_path, "retention.") == [
        "data/retention.yaml:13:5: error [retention.engagement-ceiling] rules[1].period: the "
        "rule 'engagement-logs' keeps behavioural or engagement logs for a period not yet "
        "stated, beyond the 90-day ceiling, without a stated reason\n" + CEILING_HINT,
    ]


def test_each_kind_of_unknown_placeholder_gets_its_own_hint(tmp_path: Path) -> None:
    text = ("Ask about [[program:coachin]] or [[program:zzz]] at [[contact:priv]] or "
            "[[contact:boss]], [[org:nam]], [[org:x]] or [[retention:nothing]] or "
            "[[ period:learning-records]].")
    edits = [("clauses.yaml", "Questions about [[program:coaching]] go to [[contact:privacy]] "
              "at [[org:name]].", text),
             # a program that does not load is not offered as a known one
             ("programs/coaching.yaml", "status: pilot", "status: bogus")]
    head = ("data/clauses.yaml:13:11: error [clause.unknown-placeholder] clauses[1].text: the "
            "clause 'contact-clause' uses the placeholder ")
    assert problems(mutated(tmp_path, BASE, edits), tmp_path, "clause.") == [
        head + "[[program:coachin]], which names nothing in the data\n"
        "    hint: no program is called 'coachin'; known: milestones",
        head + "[[program:zzz]], which names nothing in the data\n"
        "    hint: no program is called 'zzz'; known: milestones",
        head + "[[contact:priv]], which names nothing in the data\n"
        "    hint: did you mean [[contact:privacy]]?",
        head + "[[contact:boss]], which names nothing in the data\n"
        "    hint: no contact is called 'boss'; known: dpo, escalation, privacy",
        head + "[[org:nam]], which names nothing in the data\n"
        "    hint: did you mean [[org:name]]?",
        head + "[[org:x]], which names nothing in the data\n"
        "    hint: no organisation value is called 'x'; known: legal_name, name",
        head + "[[retention:nothing]], which names nothing in the data\n"
        "    hint: no retention rule is called 'nothing'; known: access-logs, "
        "engagement-aggregates, engagement-logs, learning-records",
        head + "[[ period:learning-records]], which names nothing in the data\n"
        "    hint: write [[kind:id]] in lower case, without spaces, e.g. "
        "[[period:learning-records]]",
    ]


def followers(data: Path, base: Path, *prefixes: str) -> list[str]:
    """The hidden problems of those rules, each with the location and rule of its root."""
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=base)
    return [f"{p.format_text()}\n    follows from: {root.location} [{root.rule}]"
            for p, root in result.problems.followers() if p.rule.startswith(prefixes)]


def test_a_placeholder_to_a_program_that_did_not_load_follows_from_it(tmp_path: Path) -> None:
    # [[program:coaching]] names a program whose file did not load: the clause's problem is
    # hidden behind the file's own, and its hint says where the program is declared
    data = mutated(tmp_path, BASE, [("programs/coaching.yaml", "status: pilot",
                                     "status: bogus")])
    assert problems(data, tmp_path, "clause.") == []
    assert followers(data, tmp_path, "clause.") == [
        "data/clauses.yaml:13:11: error [clause.unknown-placeholder] clauses[1].text: the "
        "clause 'contact-clause' uses the placeholder [[program:coaching]], which names "
        "nothing in the data\n"
        "    hint: 'coaching' is declared in data/programs/coaching.yaml, which did not load: "
        "fix its problems first\n"
        "    follows from: data/programs/coaching.yaml:3:9 [schema.value]",
    ]


EXTRA_RULE = """  - id: extra-{n:02d}
    record_type: Extra records
    kind: audit_log
    fields: [access-log]
    period: 3 years
    trigger: the access
    disposal: delete
    justification: Long enough to investigate a complaint.
    legal_hold: Deletion pauses during a legal hold.
    owner: {{name: Security team}}
    next_review: 2027-06-01
"""


def test_the_known_rules_of_a_placeholder_hint_stop_at_twelve(tmp_path: Path) -> None:
    # fourteen rules: the hint names the first twelve in alphabetical order
    data = mutated(tmp_path, BASE, [("clauses.yaml", CLAUSE,
                                     "Learning records are kept for [[period:nothing]].")])
    with (data / "retention.yaml").open("a", encoding="utf-8") as f:
        f.write("".join(EXTRA_RULE.format(n=n) for n in range(1, 11)))
    assert problems(data, tmp_path, "clause.") == [
        "data/clauses.yaml:5:11: error [clause.unknown-placeholder] clauses[0].text: the "
        "clause 'retention-clause' uses the placeholder [[period:nothing]], which names "
        "nothing in the data\n"
        "    hint: no retention rule is called 'nothing'; known: access-logs, "
        "engagement-aggregates, engagement-logs, extra-01, extra-02, extra-03, extra-04, "
        "extra-05, extra-06, extra-07, extra-08, extra-09",
    ]


def test_an_unknown_field_does_not_stop_the_audit_log_check_of_the_next(tmp_path: Path) -> None:
    # 'nope' is not in the inventory (ids.unknown-reference says so); the audit-log field
    # listed after it is still checked
    data = mutated(tmp_path, BASE, [("retention.yaml", "fields: [tip-opens]",
                                     "fields: [nope, tip-opens, access-log]")])
    assert problems(data, tmp_path, "retention.") == [
        "data/retention.yaml:16:31: error [retention.audit-log-separate] rules[1].fields[2]: "
        "the audit-log field 'access-log' is kept under 'engagement-logs', a rule of kind "
        "engagement_log\n"
        "    hint: move it to a rule of `kind: audit_log` with its own period",
    ]


def test_a_rule_with_a_reason_does_not_stop_the_ceiling_check_of_the_next(
        tmp_path: Path) -> None:
    # learning records (first) state a reason; engagement logs (after them) now keep a year
    edits = [("retention.yaml", "kind: learning_record",
              "kind: learning_record\n    beyond_ceiling_reason: Needed for planning."),
             ("retention.yaml", "period: 90 days", "period: 1 year")]
    assert problems(mutated(tmp_path, BASE, edits), tmp_path, "retention.") == [
        "data/retention.yaml:18:13: error [retention.engagement-ceiling] rules[1].period: the "
        "rule 'engagement-logs' keeps behavioural or engagement logs for 1 year, beyond the "
        "90-day ceiling, without a stated reason\n" + CEILING_HINT,
    ]


def test_a_misspelt_placeholder_is_its_own_problem_even_when_its_file_failed(
        tmp_path: Path) -> None:
    # coaching.yaml does not load (its id is not a valid id, and it declares 'Coaching');
    # [[program:Coaching]] is badly written whatever that file says, so it is listed
    edits = [("programs/coaching.yaml", "id: coaching", "id: Coaching"),
             ("clauses.yaml", "[[program:coaching]]", "[[program:Coaching]]")]
    data = mutated(tmp_path, BASE, edits)
    assert followers(data, tmp_path, "clause.") == []
    assert problems(data, tmp_path, "clause.") == [
        "data/clauses.yaml:13:11: error [clause.unknown-placeholder] clauses[1].text: the "
        "clause 'contact-clause' uses the placeholder [[program:Coaching]], which names "
        "nothing in the data\n"
        "    hint: write [[kind:id]] in lower case, without spaces, e.g. "
        "[[period:learning-records]]",
    ]


def test_a_clause_without_a_period_does_not_stop_the_check_of_the_next(
        tmp_path: Path) -> None:
    # the first clause quotes the schedule; the second, after it, states its own period
    edits = [("clauses.yaml", "Questions about [[program:coaching]] go to [[contact:privacy]] "
              "at [[org:name]].", "Questions go to [[contact:privacy]]. Notes are kept for "
              "2 years.")]
    assert problems(mutated(tmp_path, BASE, edits), tmp_path, "retention.") == [
        "data/clauses.yaml:13:11: error [retention.period-in-clause] clauses[1].text: the "
        "clause 'contact-clause' states its own period '2 years'\n"
        "    hint: quote the schedule instead: [[period:learning-records]]",
    ]


def test_a_programs_retention_is_worked_out_again_when_the_program_or_its_fields_change(
        ) -> None:
    """`Policy.retention_for` keeps each program's covering rules for as long as the
    program, its list of fields and the schedule are the ones it was worked out for: a
    program replaced, a field added in place or a schedule replaced is seen at once."""
    from govportal.data.loader import load_policy
    from govportal.problems import Problems

    policy = load_policy(CASES / "rules" / "base", Problems())
    pid, program = next(iter(policy.programs.items()))
    first = policy.retention_for(program)
    assert first and policy.retention_for(program) == first
    fewer = program.model_copy(update={"fields": program.fields[:1]})
    assert list(policy.retention_for(fewer)) == program.fields[:1]
    other = next(f.id for f in policy.inventory.fields if f.id not in program.fields)
    program.fields.append(other)  # in place: the same list, one longer
    assert other in policy.retention_for(program)
    program.fields.pop()
    assert policy.retention_for(program) == first
    rules = policy.retention.rules
    policy.retention = policy.retention.model_copy(update={"rules": []})
    assert all(found == [] for found in policy.retention_for(program).values())
    policy.retention = policy.retention.model_copy(update={"rules": rules})
    assert policy.retention_for(program) == first
