"""References at every place the data holds one: each unknown id is reported where it is
written, with its kind and a hint; duplicates, a reserved checklist id and a renamed id.

Each test edits the rule cases' base folder (``tests/cases/rules/base/``) in a temporary copy
and compares the reference rules' problems (``ids.*``) with the lines written out below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govportal import pipeline
from govportal.rules import registry
from tests.conftest import CASES, mutated

BASE = CASES / "rules" / "base"
TODAY = dt.date(2026, 11, 22)
MILESTONES = "programs/milestones.yaml"
FIELDS = "full-name, course-status, quiz-answers, health-course, access-log"


def problems(tmp_path: Path, edits: list[tuple[str, str, str]]) -> list[str]:
    data = mutated(tmp_path, BASE, edits)
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path)
    return [p.format_text() for p in result.problems if p.rule.startswith("ids.")]


EVERY_PLACE = [
    ("inventory.yaml", "views: [manager-view, audit-view]", "views: [manager-vew, audit-view]"),
    ("roles.yaml", "role: manager", "role: managr"),
    ("retention.yaml", "fields: [full-name, course-status, quiz-answers, health-course]",
     "fields: [full-name, course-status, quiz-answers, health-course, quiz-answer]\n"
     "    programs: [milestones, coachng]"),
    ("transfers.yaml", "vendor: lms-vendor\n    origin: [de]",
     "vendor: lms-vendr\n    origin: [de, dk]"),
    ("organisation.yaml", "governance:\n", "governance:\n  approvals: "
     "{notices: [hr, legal], clauses: [counsel], retention: [dpo-team]}\n"),
    ("organisation.yaml", "programs: [coaching]", "programs: [coaching, coachin]"),
    (MILESTONES, f"fields: [{FIELDS}]\npurposes", f"fields: [{FIELDS}, quiz-score]\npurposes"),
    (MILESTONES, f"    fields: [{FIELDS}]", f"    fields: [{FIELDS}, tip-opens, quiz-scor]"),
    (MILESTONES, "jurisdictions: [de]}", "jurisdictions: [de, fr]}"),
    (MILESTONES, "lawful_basis: {de: legitimate_interests}",
     "lawful_basis: {de: legitimate_interests, at: legitimate_interests}"),
    (MILESTONES, "vendor: lms-vendor,", "vendor: lms-vendors,"),
    (MILESTONES, "transfers: [lms-us]",
     "transfers: [lms-us, lms-uk]\nnot_offered_in: {es: Not offered in Spain.}"),
    (MILESTONES, "may_use: [full-name, course-status]",
     "may_use: [full-name, course-status, tip-opens, nope]"),
    (MILESTONES, "  ask: The people team.\n  mistakes: [raw-logs]",
     "  ask: The people team.\n  views: {audit-view: The audit view.}\n"
     "  mistakes: [raw-logs, raw-log]"),
    (MILESTONES, "{item: tls,", "{item: tlss,"),
]


def test_an_unknown_id_is_reported_in_every_place_that_refers_to_one(tmp_path: Path) -> None:
    own = f"known ids: {FIELDS}, quiz-score"
    assert problems(tmp_path, EVERY_PLACE) == [
        "data/inventory.yaml:7:13: error [ids.unknown-reference] fields[0].views[0]: unknown "
        "view 'manager-vew'\n    hint: did you mean 'manager-view'?",
        "data/organisation.yaml:21:29: error [ids.unknown-reference] "
        "governance.approvals.notices[1]: unknown role 'legal'\n    hint: known ids: hr, manager",
        "data/organisation.yaml:21:47: error [ids.unknown-reference] "
        "governance.approvals.clauses[0]: unknown role 'counsel'\n"
        "    hint: known ids: hr, manager",
        "data/organisation.yaml:21:69: error [ids.unknown-reference] "
        "governance.approvals.retention[0]: unknown role 'dpo-team'\n"
        "    hint: known ids: hr, manager",
        "data/organisation.yaml:26:65: error [ids.unknown-reference] "
        "governance.rollout.pilot.programs[1]: unknown program 'coachin'\n"
        "    hint: did you mean 'coaching'?",
        "data/programs/milestones.yaml:8:64: error [ids.unknown-reference] "
        "data_subjects[0].jurisdictions[1]: unknown jurisdiction 'fr'\n    hint: known ids: de",
        "data/programs/milestones.yaml:12:77: error [ids.unknown-reference] fields[5]: unknown "
        "field 'quiz-score'\n    hint: did you mean 'quiz-answers'?",
        "data/programs/milestones.yaml:16:81: error [ids.unknown-reference] "
        "purposes[0].fields[5]: unknown field of this program 'tip-opens'\n    hint: " + own,
        "data/programs/milestones.yaml:16:92: error [ids.unknown-reference] "
        "purposes[0].fields[6]: unknown field 'quiz-scor'\n    hint: did you mean 'quiz-answers'?",
        "data/programs/milestones.yaml:17:46: error [ids.unknown-reference] "
        "purposes[0].lawful_basis.at: unknown jurisdiction 'at'\n    hint: known ids: de",
        "data/programs/milestones.yaml:22:54: error [ids.unknown-reference] "
        "recipients[0].vendor: unknown vendor 'lms-vendors'\n    hint: did you mean 'lms-vendor'?",
        "data/programs/milestones.yaml:23:21: error [ids.unknown-reference] transfers[1]: "
        "unknown transfer 'lms-uk'\n    hint: did you mean 'lms-us'?",
        "data/programs/milestones.yaml:24:22: error [ids.unknown-reference] not_offered_in.es: "
        "unknown jurisdiction 'es'\n    hint: known ids: de",
        "data/programs/milestones.yaml:38:48: error [ids.unknown-reference] "
        "manager_guide.fields.may_use[2]: unknown field of this program 'tip-opens'\n"
        "    hint: " + own,
        "data/programs/milestones.yaml:38:59: error [ids.unknown-reference] "
        "manager_guide.fields.may_use[3]: unknown field 'nope'\n"
        "    hint: known ids: access-log, course-status, full-name, health-course, quiz-answers, "
        "tip-opens",
        "data/programs/milestones.yaml:42:11: error [ids.unknown-reference] "
        "manager_guide.views.audit-view: unknown contextual view 'audit-view'\n"
        "    hint: known ids: manager-view",
        "data/programs/milestones.yaml:43:24: error [ids.unknown-reference] "
        "manager_guide.mistakes[1]: unknown mistake 'raw-log'\n    hint: did you mean 'raw-logs'?",
        "data/programs/milestones.yaml:45:12: error [ids.unknown-reference] "
        "launch_readiness[0].item: unknown pre-launch checklist item 'tlss'\n"
        "    hint: did you mean 'tls'?",
        "data/retention.yaml:5:69: error [ids.unknown-reference] rules[0].fields[4]: unknown "
        "field 'quiz-answer'\n    hint: did you mean 'quiz-answers'?",
        "data/retention.yaml:6:28: error [ids.unknown-reference] rules[0].programs[1]: unknown "
        "program 'coachng'\n    hint: did you mean 'coaching'?",
        "data/roles.yaml:7:11: error [ids.unknown-reference] views[0].role: unknown role "
        "'managr'\n    hint: did you mean 'manager'?",
        "data/transfers.yaml:3:13: error [ids.unknown-reference] transfers[0].vendor: unknown "
        "vendor 'lms-vendr'\n    hint: did you mean 'lms-vendor'?",
        "data/transfers.yaml:4:18: error [ids.unknown-reference] transfers[0].origin[1]: "
        "unknown jurisdiction 'dk'\n    hint: known ids: de",
    ]


def test_duplicates_in_nested_lists_and_the_reserved_checklist_id(tmp_path: Path) -> None:
    edits = [("checklists.yaml", "id: manager-one-to-ones", "id: index"),
             ("checklists.yaml", "{id: mfa-admin,", "{id: tls,")]
    assert problems(tmp_path, edits)[:2] == [
        "data/checklists.yaml:11:14: error [ids.duplicate] checklists[0].items[1].id: the id "
        "'tls' is used twice in checklists.0.items (first at item 1)\n"
        "    hint: give each entry its own id",
        "data/checklists.yaml:14:9: error [ids.reserved] checklists[1].id: the checklist id "
        "'index' is reserved for the list of checklists\n    hint: choose another id",
    ]


def test_a_renamed_definition_is_reported_once_at_the_definition(tmp_path: Path) -> None:
    assert problems(tmp_path, [("inventory.yaml", "id: tip-opens", "id: tip-open")]) == [
        "data/inventory.yaml:27:9: error [ids.unknown-reference] fields[4].id: the field "
        "'tip-open' is referred to nowhere, while 5 references name 'tip-opens', which is not "
        "defined (hides 5 problems that follow from it)\n"
        "    hint: did you mean 'tip-opens'? Rename this id, or change the references "
        "(data/programs/coaching.yaml:12:21, data/programs/coaching.yaml:20:25, "
        "data/programs/coaching.yaml:49:46 …)",
    ]


def test_renamed_definitions_of_each_kind_are_reported_at_the_definition(
        tmp_path: Path) -> None:
    # two references (the fewest that count), three (all shown) and eight (three shown)
    edits = [("roles.yaml", "id: manager-view", "id: manager-viewer"),
             ("vendors.yaml", "id: lms-vendor", "id: lms-vendorr"),
             ("checklists.yaml", "{id: tls,", "{id: tlss,"),
             ("organisation.yaml", "  - id: de\n", "  - id: dee\n"),
             ("roles.yaml", "{id: manager,", "{id: managers,")]
    assert problems(tmp_path, edits) == [
        "data/checklists.yaml:10:14: error [ids.unknown-reference] checklists[0].items[0].id: "
        "the pre-launch checklist item 'tlss' is referred to nowhere, while 2 references name "
        "'tls', which is not defined (hides 4 problems that follow from it)\n"
        "    hint: did you mean 'tls'? Rename this id, or change the references "
        "(data/programs/coaching.yaml:55:12, data/programs/milestones.yaml:43:12)",
        "data/organisation.yaml:12:9: error [ids.unknown-reference] jurisdictions[0].id: the "
        "jurisdiction 'dee' is referred to nowhere, while 8 references name 'de', which is not "
        "defined (hides 10 problems that follow from it)\n"
        "    hint: did you mean 'de'? Rename this id, or change the references "
        "(data/programs/coaching.yaml:8:58, data/programs/coaching.yaml:17:24, "
        "data/programs/coaching.yaml:21:24 …)",
        "data/roles.yaml:2:10: error [ids.unknown-reference] roles[0].id: the role 'managers' "
        "is referred to nowhere, while 2 references name 'manager', which is not defined "
        "(hides 2 problems that follow from it)\n"
        "    hint: did you mean 'manager'? Rename this id, or change the references "
        "(data/roles.yaml:7:11, data/roles.yaml:13:11)",
        "data/roles.yaml:5:9: error [ids.unknown-reference] views[0].id: the view "
        "'manager-viewer' is referred to nowhere, while 3 references name 'manager-view', "
        "which is not defined (hides 6 problems that follow from it)\n"
        "    hint: did you mean 'manager-view'? Rename this id, or change the references "
        "(data/inventory.yaml:7:13, data/inventory.yaml:12:13, "
        "data/programs/coaching.yaml:50:25)",
        "data/vendors.yaml:2:9: error [ids.unknown-reference] vendors[0].id: the vendor "
        "'lms-vendorr' is referred to nowhere, while 2 references name 'lms-vendor', which is "
        "not defined (hides 2 problems that follow from it)\n"
        "    hint: did you mean 'lms-vendor'? Rename this id, or change the references "
        "(data/programs/milestones.yaml:22:54, data/transfers.yaml:3:13)",
    ]


def test_references_to_a_program_whose_file_is_misnamed_follow_from_it(tmp_path: Path) -> None:
    # coaching.yaml now says `id: coachin`: the two references to 'coaching' are hidden
    # behind that problem, each hint saying where 'coaching' is declared, and no "renamed"
    # finding is made at 'coachin'
    data = mutated(tmp_path, BASE, [
        ("programs/coaching.yaml", "id: coaching", "id: coachin"),
        ("retention.yaml", "fields: [tip-opens]", "fields: [tip-opens]\n    programs: [coaching]")])
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path)
    assert [p.format_text() for p in result.problems if p.rule.startswith("ids.")] == []
    assert [f"{p.format_text()}\n    follows from: {root.location} [{root.rule}]"
            for p, root in result.problems.followers() if p.rule.startswith("ids.")] == [
        "data/organisation.yaml:25:55: error [ids.unknown-reference] "
        "governance.rollout.pilot.programs[0]: unknown program 'coaching'\n"
        "    hint: 'coaching' is declared in data/programs/coaching.yaml, which did not load: "
        "fix its problems first\n"
        "    follows from: data/programs/coaching.yaml:1:5 [program.id-matches-file]",
        "data/retention.yaml:17:16: error [ids.unknown-reference] rules[1].programs[0]: "
        "unknown program 'coaching'\n"
        "    hint: 'coaching' is declared in data/programs/coaching.yaml, which did not load: "
        "fix its problems first\n"
        "    follows from: data/programs/coaching.yaml:1:5 [program.id-matches-file]",
    ]


MISTAKE = """  - id: extra-{n:02d}
    title: Another mistake
    audience: [manager]
    what_happens: A manager pastes item-level answers into a review.
    why_it_matters: It exposes detail nobody needs.
    fix: Use the manager view; ask HR for anything more.
"""
ZZZ = ("programs/milestones.yaml", "mistakes: [raw-logs]", "mistakes: [raw-logs, zzz]")
UNKNOWN_ZZZ = ("data/programs/milestones.yaml:41:24: error [ids.unknown-reference] "
               "manager_guide.mistakes[1]: unknown mistake 'zzz'\n    hint: known ids: ")


def test_twelve_known_ids_are_all_shown(tmp_path: Path) -> None:
    data = mutated(tmp_path, BASE, [ZZZ])
    with (data / "mistakes.yaml").open("a", encoding="utf-8") as f:
        f.write("".join(MISTAKE.format(n=n) for n in range(1, 12)))
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path)
    assert [p.format_text() for p in result.problems if p.rule.startswith("ids.")] == [
        UNKNOWN_ZZZ + "extra-01, extra-02, extra-03, extra-04, extra-05, extra-06, extra-07, "
        "extra-08, extra-09, extra-10, extra-11, raw-logs",
    ]


def test_more_than_twelve_known_ids_are_cut_after_twelve(tmp_path: Path) -> None:
    data = mutated(tmp_path, BASE, [ZZZ])
    with (data / "mistakes.yaml").open("a", encoding="utf-8") as f:
        f.write("".join(MISTAKE.format(n=n) for n in range(1, 13)))
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path)
    assert [p.format_text() for p in result.problems if p.rule.startswith("ids.")] == [
        UNKNOWN_ZZZ + "extra-01, extra-02, extra-03, extra-04, extra-05, extra-06, extra-07, "
        "extra-08, extra-09, extra-10, extra-11, extra-12 …",
    ]


# Each data file removed in turn, and the reference problems that are left: none, except
# for the transfers, whose list is optional (an empty one when the file is absent).
WITHOUT = {
    "inventory.yaml": [], "roles.yaml": [], "retention.yaml": [], "vendors.yaml": [],
    "organisation.yaml": [], "mistakes.yaml": [], "checklists.yaml": [], "clauses.yaml": [],
    "transfers.yaml": [
        "data/programs/coaching.yaml:25:13: error [ids.unknown-reference] transfers[0]: "
        "unknown transfer 'coach-ch'\n    hint: define the transfer first",
        "data/programs/milestones.yaml:23:13: error [ids.unknown-reference] transfers[0]: "
        "unknown transfer 'lms-us'\n    hint: define the transfer first",
    ],
}


def test_references_into_a_file_that_is_absent_are_not_checked(tmp_path: Path) -> None:
    assert len(WITHOUT) == 9
    seen = {}
    for name in WITHOUT:
        data = mutated(tmp_path / name, BASE, [])
        (data / name).unlink()
        result = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path / name)
        seen[name] = [p.format_text() for p in result.problems if p.rule.startswith("ids.")]
    assert seen == WITHOUT


def test_a_duplicate_id_is_reported_in_each_kind_of_list(tmp_path: Path) -> None:
    second_raw_logs = MISTAKE.format(n=1).replace("extra-01", "raw-logs")
    edits = [("retention.yaml", "id: engagement-aggregates", "id: engagement-logs"),
             ("transfers.yaml", "id: coach-ch", "id: lms-us"),
             ("clauses.yaml", "id: contact-clause", "id: retention-clause"),
             ("mistakes.yaml", "  - id: raw-logs\n", second_raw_logs + "  - id: raw-logs\n"),
             ("checklists.yaml", "id: manager-one-to-ones", "id: pre-launch-review"),
             ("programs/coaching.yaml", "  - id: insights", "  - id: tips")]
    twice = "\n    hint: give each entry its own id"
    assert problems(tmp_path, edits) == [
        "data/checklists.yaml:14:9: error [ids.duplicate] checklists[1].id: the id "
        "'pre-launch-review' is used twice in checklists (first at item 1)" + twice,
        "data/clauses.yaml:10:9: error [ids.duplicate] clauses[1].id: the id "
        "'retention-clause' is used twice in clauses (first at item 1)" + twice,
        "data/mistakes.yaml:8:9: error [ids.duplicate] mistakes[1].id: the id 'raw-logs' is "
        "used twice in mistakes (first at item 1)" + twice,
        "data/programs/coaching.yaml:18:9: error [ids.duplicate] purposes[1].id: the id "
        "'tips' is used twice in purposes (first at item 1)" + twice,
        # the second transfer now shares the first one's id: coach-ch is gone
        "data/programs/coaching.yaml:25:13: error [ids.unknown-reference] transfers[0]: "
        "unknown transfer 'coach-ch'\n    hint: known ids: course-in, lms-us",
        "data/retention.yaml:24:9: error [ids.duplicate] rules[2].id: the id 'engagement-logs' "
        "is used twice in rules (first at item 2)" + twice,
        "data/transfers.yaml:10:9: error [ids.duplicate] transfers[1].id: the id 'lms-us' is "
        "used twice in transfers (first at item 1)" + twice,
    ]


def test_a_defined_id_still_referred_to_is_not_taken_for_a_renamed_one(tmp_path: Path) -> None:
    # two views name the role 'managr'; 'manager' is close, but the approvals still name it
    edits = [("roles.yaml", "role: manager", "role: managr"),
             ("roles.yaml", "role: manager", "role: managr"),
             ("organisation.yaml", "governance:\n", "governance:\n  approvals: "
              "{notices: [manager], clauses: [hr], retention: [hr]}\n")]
    assert problems(tmp_path, edits) == [
        "data/roles.yaml:7:11: error [ids.unknown-reference] views[0].role: unknown role "
        "'managr'\n    hint: did you mean 'manager'?",
        "data/roles.yaml:13:11: error [ids.unknown-reference] views[1].role: unknown role "
        "'managr'\n    hint: did you mean 'manager'?",
    ]


def test_a_program_referred_to_by_another_name_is_reported_at_its_id(tmp_path: Path) -> None:
    # read before them: one unknown view (a single reference) and a role named twice
    # that is close to no defined one; neither stops the search for renamed ids
    edits = [("organisation.yaml", "programs: [coaching]", "programs: [coaching, milestone]"),
             ("retention.yaml", "fields: [tip-opens]",
              "fields: [tip-opens]\n    programs: [milestone]"),
             ("inventory.yaml", "views: [manager-view, audit-view]",
              "views: [manager-vew, audit-view]"),
             ("roles.yaml", "role: manager", "role: zzzz"),
             ("roles.yaml", "role: manager", "role: zzzz")]
    assert problems(tmp_path, edits) == [
        "data/inventory.yaml:7:13: error [ids.unknown-reference] fields[0].views[0]: unknown "
        "view 'manager-vew'\n    hint: did you mean 'manager-view'?",
        "data/programs/milestones.yaml:1:5: error [ids.unknown-reference] id: the program "
        "'milestones' is referred to nowhere, while 2 references name 'milestone', which is "
        "not defined (hides 2 problems that follow from it)\n"
        "    hint: did you mean 'milestone'? Rename this id, or change the references "
        "(data/organisation.yaml:25:65, data/retention.yaml:17:16)",
        "data/roles.yaml:7:11: error [ids.unknown-reference] views[0].role: unknown role "
        "'zzzz'\n    hint: known ids: hr, manager",
        "data/roles.yaml:13:11: error [ids.unknown-reference] views[1].role: unknown role "
        "'zzzz'\n    hint: known ids: hr, manager",
    ]


REQUIREMENTS = """requirements:
  - id: org.works-council
    title: The works agreement
    description: Every notice names the works agreement.
    citation: Works agreement BV 2026/03
    section: works-council
    severity: error
    applies_when:
      jurisdictions: [de, dk]
      programs: [milestones, milestone]
  - id: org.works-council
    title: The same id again
    description: Every notice names the works agreement.
    citation: Works agreement BV 2026/03
    section: works-council
    severity: error
"""


def test_references_in_requirements_and_joint_controllers(tmp_path: Path) -> None:
    data = mutated(tmp_path, BASE, [(MILESTONES, "recipients:\n", "joint_controllers:\n"
                                     "  - {name: Partner Co, vendor: partner-co, essence: We "
                                     "answer requests.}\nrecipients:\n")])
    (data / "requirements.yaml").write_text(REQUIREMENTS, encoding="utf-8")
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path)
    assert [p.format_text() for p in result.problems if p.rule.startswith("ids.")] == [
        "data/programs/milestones.yaml:22:32: error [ids.unknown-reference] "
        "joint_controllers[0].vendor: unknown vendor 'partner-co'\n"
        "    hint: known ids: coach-vendor, course-provider, lms-vendor",
        "data/requirements.yaml:9:27: error [ids.unknown-reference] "
        "requirements[0].applies_when.jurisdictions[1]: unknown jurisdiction 'dk'\n"
        "    hint: known ids: de",
        "data/requirements.yaml:10:30: error [ids.unknown-reference] "
        "requirements[0].applies_when.programs[1]: unknown program 'milestone'\n"
        "    hint: did you mean 'milestones'?",
        "data/requirements.yaml:11:9: error [ids.duplicate] requirements[1].id: the id "
        "'org.works-council' is used twice in requirements (first at item 1)\n"
        "    hint: give each entry its own id",
    ]


RESERVED = ["index", "history", "changes", "assets", "search", "schemas"]


def test_each_reserved_name_is_refused_as_a_program_id(tmp_path: Path) -> None:
    assert RESERVED
    found = []
    for name in RESERVED:
        data = mutated(tmp_path / name, BASE, [(MILESTONES, "id: milestones", f"id: {name}")])
        (data / MILESTONES).rename(data / "programs" / f"{name}.yaml")
        result = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path / name)
        found += [p.format_text() for p in result.problems if p.rule.startswith("ids.")]
    assert found == [
        f"data/programs/{name}.yaml:1:5: error [ids.reserved] id: the program id '{name}' is "
        "reserved for the portal's own pages\n"
        "    hint: choose another id (and rename the file to match)" for name in RESERVED]


def test_a_renamed_transfer_and_a_renamed_mistake(tmp_path: Path) -> None:
    edits = [("transfers.yaml", "id: lms-us", "id: lms-usa"),
             ("programs/coaching.yaml", "transfers: [coach-ch]", "transfers: [coach-ch, lms-us]"),
             ("mistakes.yaml", "id: raw-logs", "id: raw-log"),
             ("programs/coaching.yaml", "  ask:", "  mistakes: [raw-logs]\n  ask:")]
    assert problems(tmp_path, edits) == [
        "data/mistakes.yaml:2:9: error [ids.unknown-reference] mistakes[0].id: the mistake "
        "'raw-log' is referred to nowhere, while 2 references name 'raw-logs', which is not "
        "defined (hides 2 problems that follow from it)\n"
        "    hint: did you mean 'raw-logs'? Rename this id, or change the references "
        "(data/programs/coaching.yaml:53:14, data/programs/milestones.yaml:41:14)",
        "data/transfers.yaml:2:9: error [ids.unknown-reference] transfers[0].id: the transfer "
        "'lms-usa' is referred to nowhere, while 2 references name 'lms-us', which is not "
        "defined (hides 2 problems that follow from it)\n"
        "    hint: did you mean 'lms-us'? Rename this id, or change the references "
        "(data/programs/coaching.yaml:25:23, data/programs/milestones.yaml:23:13)",
    ]


def test_an_item_of_an_ordinary_checklist_is_no_pre_launch_item(tmp_path: Path) -> None:
    # 'use-manager-view' is an item of the manager checklist, not of the launch gate: two
    # answers naming 'use-manager-vew' are unknown items, and no definition was "renamed"
    edits = [(MILESTONES, "{item: mdm,", "{item: use-manager-vew,"),
             ("programs/coaching.yaml", "{item: tls,", "{item: use-manager-vew,")]
    gate = "\n    hint: known ids: mdm, mfa-admin, pen-test, tls"
    assert problems(tmp_path, edits) == [
        "data/programs/coaching.yaml:55:12: error [ids.unknown-reference] "
        "launch_readiness[0].item: unknown pre-launch checklist item 'use-manager-vew'" + gate,
        "data/programs/milestones.yaml:45:12: error [ids.unknown-reference] "
        "launch_readiness[2].item: unknown pre-launch checklist item 'use-manager-vew'" + gate,
    ]


def test_a_view_still_named_by_a_guide_is_not_taken_for_a_renamed_one(tmp_path: Path) -> None:
    # two fields name 'manager-vew'; 'manager-view' is close, and coaching's guide still
    # names it as a contextual view (a view all the same)
    line = "views: [manager-view, audit-view]"
    edits = [("inventory.yaml", line, "views: [manager-vew, audit-view]")] * 2
    assert problems(tmp_path, edits) == [
        "data/inventory.yaml:7:13: error [ids.unknown-reference] fields[0].views[0]: unknown "
        "view 'manager-vew'\n    hint: did you mean 'manager-view'?",
        "data/inventory.yaml:12:13: error [ids.unknown-reference] fields[1].views[0]: unknown "
        "view 'manager-vew'\n    hint: did you mean 'manager-view'?",
    ]


def test_four_references_to_a_renamed_id_show_three(tmp_path: Path) -> None:
    edits = [("roles.yaml", "{id: manager,", "{id: managers,"),
             ("organisation.yaml", "governance:\n", "governance:\n  approvals: "
              "{notices: [manager], clauses: [manager], retention: [hr]}\n")]
    assert problems(tmp_path, edits) == [
        "data/roles.yaml:2:10: error [ids.unknown-reference] roles[0].id: the role 'managers' "
        "is referred to nowhere, while 4 references name 'manager', which is not defined "
        "(hides 4 problems that follow from it)\n"
        "    hint: did you mean 'manager'? Rename this id, or change the references "
        "(data/organisation.yaml:21:25, data/organisation.yaml:21:45, data/roles.yaml:7:11 …)",
    ]
