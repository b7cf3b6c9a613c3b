"""Every governance rule: a passing case, a failing case and its exact message.

The table covers every registered rule; a rule added without a case here fails
``test_every_rule_has_a_case``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govportal import checks, core
from tests.conftest import CASES, mutated

OPTIONS = checks.Options(today=dt.date(2026, 11, 22))
MINIMAL = CASES / "valid" / "minimal"
COMPLETE = CASES / "valid" / "complete"
P = "programs/learning.yaml"

DPA_BLOCK = (MINIMAL / "vendors.yaml").read_text().split("    dpa:\n")[1].split(
    "    security_evidence:")[0]
DPA_BLOCK = "    dpa:\n" + DPA_BLOCK

# rule id -> (base case, [(file, old, new)], expected first line of the problem)
CASES_TABLE: dict[str, tuple[Path, list[tuple[str, str, str]], str]] = {
    "consent.employment-justified": (COMPLETE, [(P, "    consent_justification: Reminders are "
                                                 "optional and refusing them has no effect.\n",
                                                 "")], (
        "data/programs/learning.yaml:24:19: error [consent.employment-justified] purposes"
        "[1].lawful_basis: purpose 'reminders' relies on employees' consent without a rec"
        "orded justification")),
    "consent.revocation-stated": (COMPLETE, [(P, "consent:\n  scope: [Course reminders]\n  "
                                              "captured: In the app before the first reminder."
                                              "\n  revocation_route: Switch reminders off in "
                                              "the app settings.\n  revocation_effect: "
                                              "Reminders stop within 24 hours.\n", "")],
                                  (
        "data/programs/learning.yaml:24:19: error [consent.revocation-stated] purposes[1]"
        ".lawful_basis: purpose 'reminders' relies on consent but the program does not sa"
        "y how to revoke it")),
    "views.no-high-risk-for-managers": (COMPLETE, [("inventory.yaml", "    views: [audit-view]",
                                                    "    views: [manager-view]")], (
        "data/inventory.yaml:20:13: error [views.no-high-risk-for-managers] fields[2].vie"
        "ws[0]: the high-risk field 'health-course' is shown in the contextual view 'mana"
        "ger-view'")),
    "views.raw-detail-audit-only": (MINIMAL, [("inventory.yaml", "    classification: "
                                               "learning_record\n", "    classification: "
                                               "learning_record\n    raw_detail: true\n")],
                                    (
        "data/inventory.yaml:12:13: error [views.raw-detail-audit-only] fields[1].views[0"
        "]: the raw-detail field 'course-status' is shown in the contextual view 'manager"
        "-view'")),
    "retention.field-covered": (MINIMAL, [("retention.yaml", "fields: [full-name, "
                                           "course-status]", "fields: [full-name]")], (
        "data/programs/learning.yaml:11:21: error [retention.field-covered] fields[1]: no"
        " retention rule covers the field 'course-status'")),
    "retention.periods-quoted": (MINIMAL, [("clauses.yaml", "[[retention:learning-records]]",
                                            "2 years")], (
        "data/clauses.yaml:5:11: error [retention.periods-quoted] clauses[0].text: clause"
        " 'retention-clause' states the period '2 years' itself")),
    "clauses.known-placeholders": (MINIMAL, [("clauses.yaml", "[[retention:learning-records]]",
                                              "[[retention:learning-record]]")], (
        "data/clauses.yaml:5:11: error [clauses.known-placeholders] clauses[0].text: clau"
        "se 'retention-clause' quotes [[retention:learning-record]], which names nothing "
        "in the data")),
    "retention.audit-log-separate": (MINIMAL, [("inventory.yaml", "    classification: "
                                                "learning_record", "    classification: "
                                                "audit_log")], (
        "data/retention.yaml:5:25: error [retention.audit-log-separate] rules[0].fields[1"
        "]: the audit-log field 'course-status' is kept under the learning_record rule 'l"
        "earning-records'")),
    "retention.aggregates-anonymised": (MINIMAL, [("retention.yaml", "    kind: "
                                                   "learning_record", "    kind: aggregate")],
                                        (
        "data/retention.yaml:4:11: error [retention.aggregates-anonymised] rules[0].kind:"
        " the aggregate rule 'learning-records' is not marked anonymised")),
    "retention.engagement-ceiling": (MINIMAL, [("retention.yaml", "    kind: learning_record",
                                                "    kind: engagement_log")], (
        "data/retention.yaml:6:13: error [retention.engagement-ceiling] rules[0].period: "
        "the rule 'learning-records' keeps engagement or behavioural logs for 2 years, be"
        "yond the 90-day ceiling")),
    "analytics.profiling-dpia": (COMPLETE, [(P, "dpia: DPIA-2026-01\n", "")], (
        "data/programs/learning.yaml:36:14: error [analytics.profiling-dpia] automated_de"
        "cisions.profiling: individuals are profiled or analysed without a DPIA reference")),
    "vendors.processing-agreement": (MINIMAL, [("vendors.yaml", DPA_BLOCK, "")], (
        "data/vendors.yaml:2:5: error [vendors.processing-agreement] vendors[0]: the proc"
        "essor 'lms-vendor' has no processing agreement recorded")),
    "vendors.evidence-current": (MINIMAL, [("vendors.yaml", "issued: 2026-03-01",
                                            "issued: 2025-03-01")], (
        "data/vendors.yaml:15:7: error [vendors.evidence-current] vendors[0].security_evi"
        "dence: the newest security evidence of 'lms-vendor' is 631 days old (limit 365)")),
    "transfers.mechanism": (COMPLETE, [("transfers.yaml", "    mechanism: scc\n",
                                        "    mechanism: adequacy\n")], (
        "data/transfers.yaml:6:16: error [transfers.mechanism] transfers[0].mechanism: th"
        "e transfer 'lms-us' relies on adequacy, but 'United States' is not on the adequa"
        "cy list of 2026-11-01")),
    "incident.playbook-complete": (MINIMAL, [("incident-response.yaml", "[Revoke tokens., "
                                              "Reset passwords.]", "[Reset passwords.]")],
                                   (
        "data/incident-response.yaml:9:19: error [incident.playbook-complete] remedial_ac"
        "tions: the remedial actions do not include revoking tokens")),
    "review.overdue": (MINIMAL, [("clauses.yaml", "next_review: 2027-06-01",
                                  "next_review: 2026-10-01")], (
        "data/clauses.yaml:7:18: error [review.overdue] clauses[0].next_review: clause 'r"
        "etention-clause' was due for review on 2026-10-01")),
    "review.due-soon": (MINIMAL, [("clauses.yaml", "next_review: 2027-06-01",
                                   "next_review: 2026-12-01")], (
        "data/clauses.yaml:7:18: warning [review.due-soon] clauses[0].next_review: clause"
        " 'retention-clause' is due for review on 2026-12-01 (9 days)")),
    "launch.readiness": (MINIMAL, [(P, "answer: met", "answer: not_met")], (
        "data/programs/learning.yaml:39:25: error [launch.readiness] launch_readiness[0]."
        "answer: the live program fails the mandatory item 'tls' of 'pre-launch-review'")),
    "content.unsafe-markup": (MINIMAL, [(P, "  ask: The people team.", "  ask: '[The people "
                                         "team](javascript:alert(1))'")], (
        "data/programs/learning.yaml:36:8: error [content.unsafe-markup] manager_guide.ask: t"
        "he text contains a link to a 'javascript:' address, which is never published")),
}

# Rules tested in their own files.
ELSEWHERE = {"ids.duplicate", "ids.reserved", "ids.unknown-reference", "disclosure.missing",
             "disclosure.advisory", "disclosure.unknown-waiver", "notice.readability"}


def lines_for(data: Path, rule_id: str) -> list[str]:
    result = core.check(data, OPTIONS, label_base=data.parent)
    return [p.format_text().split("\n")[0] for p in result.problems if p.rule == rule_id]


def test_every_rule_has_a_case() -> None:
    missing = set(checks.all_rules()) - set(CASES_TABLE) - ELSEWHERE
    assert not missing, f"add a passing and a failing case for {sorted(missing)}"


@pytest.mark.parametrize("rule_id", sorted(CASES_TABLE))
def test_rule_passes_on_its_base_case(rule_id: str, tmp_path: Path) -> None:
    base, _, _ = CASES_TABLE[rule_id]
    assert lines_for(mutated(tmp_path, base, []), rule_id) == []


@pytest.mark.parametrize("rule_id", sorted(CASES_TABLE))
def test_rule_fails_with_its_exact_message(rule_id: str, tmp_path: Path) -> None:
    base, edits, expected = CASES_TABLE[rule_id]
    assert lines_for(mutated(tmp_path, base, edits), rule_id)[0] == expected


@pytest.mark.parametrize("rule_id", sorted(checks.all_rules()))
def test_every_rule_documents_a_passing_and_a_failing_example(rule_id: str) -> None:
    doc = checks.all_rules()[rule_id].doc
    assert "Passing" in doc and "Failing" in doc, rule_id


def test_severity_can_be_changed_from_the_configuration(tmp_path: Path) -> None:
    base, edits, _ = CASES_TABLE["review.overdue"]
    data = mutated(tmp_path, base, edits)
    options = checks.Options(today=OPTIONS.today, severities={
        "review.overdue": checks.Severity.WARNING})
    result = core.check(data, options, label_base=data.parent)
    assert [p.severity.value for p in result.problems if p.rule == "review.overdue"] == [
        "warning"]
    options.severities["review.overdue"] = checks.Severity.OFF
    assert not core.check(data, options, label_base=data.parent).problems.items


def test_source_date_epoch_sets_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = mutated(tmp_path, MINIMAL, [])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(
        2027, 7, 1, tzinfo=dt.UTC).timestamp())))
    today = core.build_date(None)
    assert today == dt.date(2027, 7, 1)
    result = core.check(data, checks.Options(today=today), label_base=data.parent)
    assert {p.rule for p in result.problems} >= {"review.overdue"}
    assert not core.check(data, OPTIONS, label_base=data.parent).problems.items


def test_the_rules_reference_lists_every_rule() -> None:
    from govportal import changes
    from govportal.render import environment

    result = core.check(MINIMAL, OPTIONS)
    builder = core.PageBuilder(result.policy, environment(), today=OPTIONS.today)
    page = builder.rules_reference()
    for rule_id in [*checks.all_rules(), *changes.RULES]:
        assert f"### `{rule_id}`" in page.markdown
    assert page.src_uri == "registers/rules.md"


def test_readability_warns_below_the_threshold() -> None:
    from govportal.readability import measure

    assert measure("We use your course status to plan your training with you.").flesch > 60
    assert measure("Processing is undertaken in furtherance of organisational development "
                   "objectives notwithstanding contractual obligations.").flesch < 20
    assert not [p for p in core.check(MINIMAL, OPTIONS).problems
                if p.rule == "notice.readability"]
    strict = checks.Options(today=OPTIONS.today, readability_threshold=99.0)
    (problem,) = [p for p in core.check(MINIMAL, strict, label_base=MINIMAL.parent).problems
                  if p.rule == "notice.readability"]
    assert problem.severity is checks.Severity.WARNING
    assert problem.format_text().split("\n")[0].startswith(
        "minimal/programs/learning.yaml:29:14: warning [notice.readability] "
        "notice.first_layer.summary: the notice text scores ")
