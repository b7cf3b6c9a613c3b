"""The analytics rules on the rule cases' base data, each edit with every problem it must
bring (or none), written out as ``govportal check`` prints them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.rule_runs import report_after

COACHING = "programs/coaching.yaml"
NO_DPIA = (COACHING, "  dpia: DPIA-2026-02\n", "")
NO_OPT_OUT = (COACHING, "  opt_out: Switch insights off in the app.\n", "")
PSEUDONYMISED = (COACHING, "  level: individual", "  level: pseudonymised")
# a second behaviour field of coaching, in the inventory, the guide and the retention
APP_TAPS = [
    (COACHING, "fields: [full-name, tip-opens]\npurposes",
     "fields: [full-name, tip-opens, course-status, app-taps]\npurposes"),
    (COACHING, "fields: {may_use: [full-name], never_use: [tip-opens]}",
     "fields: {may_use: [full-name, course-status], never_use: [tip-opens, app-taps]}"),
    ("inventory.yaml", "  - id: access-log\n",
     "  - id: app-taps\n    label: App taps\n    description: When you tap in the app.\n"
     "    manager_description: When they tap in the app.\n"
     "    classification: device_telemetry\n    views: [dashboard-view]\n"
     "  - id: access-log\n"),
    ("retention.yaml", "    fields: [tip-opens]\n    period: 90 days",
     "    fields: [tip-opens, app-taps]\n    period: 90 days"),
]
DPIA_HINT = ("    hint: record the data protection impact assessment in `dpia:`, or keep the "
             "analytics aggregate or pseudonymised\n")
PROFILING_ADVISORY = (
    "data/programs/coaching.yaml:32:3: warning [disclosure.advisory] automated_decisions: "
    "the notice 'coaching' lacks gdpr.recital60.profiling (GDPR Recital 60: profiling is "
    "explained): people are profiled but the notice does not say how it works or what it "
    "leads to (automated_decisions.logic, significance)\n"
    "    hint: say what the profiling is in `automated_decisions.statement`, how it works in "
    "`automated_decisions.logic` and what it leads to in `automated_decisions.significance`\n")
PSEUDONYMISED_HINT = (
    "    hint: mark the behaviour fields `pseudonymised: true` in inventory.yaml once they are "
    "kept apart from identities, or declare `level: individual` (with a DPIA)\n")

CASES = {
    "a DPIA named at the program's level is enough": (
        [NO_DPIA, (COACHING, "next_review: 2027-06-01\n",
                   "next_review: 2027-06-01\ndpia: DPIA-2026-02\n")], ""),
    "individual analytics and profiling: the analytics are named": (
        [NO_DPIA, (COACHING, "  profiling: false", "  profiling: true")],
        PROFILING_ADVISORY
        + "data/programs/coaching.yaml:36:10: error [analytics.dpia] analytics.level: the "
        "program 'coaching' analyses individuals but names no DPIA\n" + DPIA_HINT),
    "profiling next to aggregate analytics needs a DPIA too": (
        [NO_DPIA, (COACHING, "  level: individual", "  level: aggregate"),
         (COACHING, "  profiling: false", "  profiling: true")],
        PROFILING_ADVISORY
        + "data/programs/coaching.yaml:33:14: error [analytics.dpia] "
        "automated_decisions.profiling: the program 'coaching' profiles people but names no "
        "DPIA\n" + DPIA_HINT),
    "a program that needs no DPIA does not stop the next being checked": (
        [NO_DPIA, (COACHING, "  level: individual", "  level: aggregate"),
         ("programs/milestones.yaml", "  profiling: false", "  profiling: true")],
        "data/programs/milestones.yaml:25:3: warning [disclosure.advisory] "
        "automated_decisions: the notice 'milestones' lacks gdpr.recital60.profiling (GDPR "
        "Recital 60: profiling is explained): people are profiled but the notice does not "
        "say how it works or what it leads to (automated_decisions.logic, significance)\n"
        "    hint: say what the profiling is in `automated_decisions.statement`, how it works "
        "in `automated_decisions.logic` and what it leads to in "
        "`automated_decisions.significance`\n"
        "data/programs/milestones.yaml:26:14: error [analytics.dpia] "
        "automated_decisions.profiling: the program 'milestones' profiles people but names no "
        "DPIA\n" + DPIA_HINT),
    "aggregate analytics need neither a DPIA nor an opt-out": (
        [NO_DPIA, NO_OPT_OUT, (COACHING, "  level: individual", "  level: aggregate")], ""),
    "pseudonymised analytics need neither a DPIA nor an opt-out": (
        [NO_DPIA, NO_OPT_OUT, PSEUDONYMISED], ""),
    "no purpose a person can withdraw from or object to: no opt-out needed": (
        [NO_OPT_OUT, (COACHING, "lawful_basis: {de: consent}", "lawful_basis: {de: contract}")],
        ""),
    "every basis that gives a way out is named, in order": (
        [NO_OPT_OUT, (COACHING, "lawful_basis: {de: contract}",
                      "lawful_basis: {de: legitimate_interests}\n"
                      "    legitimate_interest: Helping managers lead well.\n"
                      "    balancing_test: LIA-2")],
        "data/programs/coaching.yaml:38:10: error [analytics.opt-out] analytics.level: the "
        "program 'coaching' analyses individuals under consent and legitimate_interests but "
        "states no way to opt out\n"
        "    hint: add `analytics.opt_out` saying how a person stops the individual analysis\n"),
    "a program with an opt-out does not excuse the next one": (
        [("programs/milestones.yaml", "notice:\n",
          "analytics:\n  level: individual\n"
          "  description: We compare course progress person by person.\n"
          "  dpia: DPIA-2026-05\nnotice:\n")],
        "data/programs/milestones.yaml:29:10: error [analytics.opt-out] analytics.level: the "
        "program 'milestones' analyses individuals under legitimate_interests but states no "
        "way to opt out\n"
        "    hint: add `analytics.opt_out` saying how a person stops the individual analysis\n"),
    "a program that is not pseudonymised does not stop the next one being checked": (
        [("programs/milestones.yaml", "notice:\n", "analytics:\n  level: pseudonymised\n"
          "  description: We count course opens.\nnotice:\n"),
         ("programs/milestones.yaml",
          "fields: [full-name, course-status, quiz-answers, health-course, access-log]\n"
          "purposes", "fields: [full-name, course-status, quiz-answers, health-course, "
          "access-log, tip-opens]\npurposes"),
         ("programs/milestones.yaml", "never_use: [health-course]",
          "never_use: [health-course, tip-opens]"),
         ("inventory.yaml", "    pseudonymised: true\n", ""),
         (COACHING, "  level: individual", "  level: aggregate")],
        "data/programs/milestones.yaml:29:10: error [analytics.pseudonymised-fields] "
        "analytics.level: the program 'milestones' declares pseudonymised analytics, but "
        "'tip-opens' is not marked pseudonymised\n" + PSEUDONYMISED_HINT),
    "two plain behaviour fields, named in the program's order": (
        [PSEUDONYMISED, ("inventory.yaml", "    pseudonymised: true\n", ""), *APP_TAPS],
        "data/programs/coaching.yaml:36:10: error [analytics.pseudonymised-fields] "
        "analytics.level: the program 'coaching' declares pseudonymised analytics, but "
        "'tip-opens', 'app-taps' are not marked pseudonymised\n" + PSEUDONYMISED_HINT),
    "a pseudonymised behaviour field and a plain one: only the plain one": (
        [PSEUDONYMISED, *APP_TAPS],
        "data/programs/coaching.yaml:36:10: error [analytics.pseudonymised-fields] "
        "analytics.level: the program 'coaching' declares pseudonymised analytics, but "
        "'app-taps' is not marked pseudonymised\n" + PSEUDONYMISED_HINT),
    "fields that are not behaviour signals need no pseudonymisation": (
        [PSEUDONYMISED, (COACHING, "fields: [full-name, tip-opens]\npurposes",
                         "fields: [full-name, tip-opens, course-status]\npurposes"),
         (COACHING, "fields: {may_use: [full-name]",
          "fields: {may_use: [full-name, course-status]")],
        ""),
}
assert CASES


@pytest.mark.parametrize(("edits", "expected"), CASES.values(), ids=CASES)
def test_analytics_rules(tmp_path: Path, edits: list, expected: str) -> None:
    assert report_after(tmp_path, edits) == expected
