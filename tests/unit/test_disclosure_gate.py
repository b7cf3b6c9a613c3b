"""The required-disclosure gate at the data level.

A complete notice for every regime passes; removing the text behind each catalog item in
turn fails with that item's exact message (parametrised over the catalog, so a new item is
tested, or flagged, automatically); each condition switches exactly its items off.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govportal import pipeline
from govportal.rules import registry
from govportal.rules.catalog import load_catalog
from govportal.rules.decisions import Status, decide
from govportal.rules.evidence import GUARANTEED, TOPICS
from govportal.rules.facts import CONDITIONS, NoticeFacts
from tests.conftest import CASES, mutated
from tests.unit.test_catalog import SWITCHED_OFF

COMPLETE = CASES / "valid" / "complete"
OPTIONS = registry.Options(today=dt.date(2026, 11, 22))
PROGRAM = "programs/learning.yaml"
ORG = "organisation.yaml"

# How to remove the evidence of each topic from the complete case: edits (file, old, new).
# An item id as key overrides its topic's edit, where one edit cannot serve every regime.
LI_LINE = "{de: legitimate_interests, uk: legitimate_interests}"
SHARED_RIGHTS = ("rights:\n  how_to_exercise: Write to the privacy team.\n  non_retaliation: We "
                 "never treat you worse for using your rights.\n  verification: We check two "
                 "details we already hold about you.\n  authorized_agent: Someone you choose "
                 "can ask for you with your signed permission.\n  response_time: Within one "
                 "month.\n")
GDPR_ONLY_RIGHTS = ("rights:\n  eu_gdpr: {how_to_exercise: Write to us., response_time: One "
                    "month.}\n  uk_gdpr: {how_to_exercise: Write to us., response_time: One "
                    "month.}\n")
PARTNER = ("  - {name: Partner Academy e.V., kind: third_party, vendor: partner-academy, "
           "purpose: Runs the safety courses with us.}\n")
Edit = tuple[str, str, str]
REMOVE: dict[str, list[Edit]] = {
    "controller": [(ORG, "contact: {name: Front desk, email: hello@example.com}",
                    "contact: {name: Front desk}"),
                   (ORG, "address: 1 Example Street, 10115 Berlin, Germany\n", "")],
    "dpo": [(ORG, "dpo: {name: Dana Officer, email: dpo@example.com}",
             "dpo: {name: Dana Officer}")],
    "representative": [(ORG, "eu_representative: {name: EU Rep GmbH, email: rep@example.com}",
                        "eu_representative: {name: EU Rep GmbH}")],
    "uk-representative": [(ORG, "uk_representative: {name: UK Rep Ltd, email: "
                           "uk-rep@example.com}\n", "")],
    "gdpr.13.1.c.purposes_legal_basis": [(PROGRAM, LI_LINE, "{uk: legitimate_interests}")],
    "gdpr.14.1.c.purposes_legal_basis": [(PROGRAM, LI_LINE, "{uk: legitimate_interests}")],
    "purposes": [(PROGRAM, LI_LINE, "{de: legitimate_interests}")],
    "legitimate-interests": [(PROGRAM, "    legitimate_interest: Helping staff grow in their "
                              "roles.\n", "")],
    "special-category": [(PROGRAM, "    special_category:\n      condition: 9(2)(b)\n      "
                          "law: Our duties as an employer under employment law.\n      "
                          "uk_schedule_1: Part 1, paragraph 1 (employment)\n", "")],
    "uk-special-category": [(PROGRAM, "      uk_schedule_1: Part 1, paragraph 1 (employment)"
                             "\n", "")],
    "criminal-offence": [(PROGRAM, "    criminal_offence:\n      law: The safety regulations "
                          "for the lab equipment, which require a check of criminal records.\n"
                          "      uk_schedule_1: Part 2, paragraph 10 (preventing or detecting "
                          "unlawful acts)\n", "")],
    "uk-criminal-offence": [(PROGRAM, "      uk_schedule_1: Part 2, paragraph 10 (preventing "
                             "or detecting unlawful acts)\n", "")],
    "data-categories": [(PROGRAM, "fields: [full-name, course-status, health-course, "
                         "conduct-check]\npurposes:", "fields: []\npurposes:")],
    "ccpa-categories": [("inventory.yaml", "    ccpa_category: Education information\n", "")],
    "ccpa-purposes": [(PROGRAM, "    fields: [health-course]\n", "    fields: [full-name]\n")],
    "ccpa-retention": [("retention.yaml", "[full-name, course-status, health-course, "
                        "conduct-check]", "[full-name, course-status, conduct-check]")],
    "transfers": [("transfers.yaml", "    safeguards_copy: Ask the privacy team for a copy of "
                   "the clauses.\n", "")],
    "uk.13.1.f.transfers": [("transfers.yaml", "    safeguards_copy: Ask the privacy team for "
                             "a copy of the clauses and the UK Addendum.\n", "")],
    "uk.14.1.f.transfers": [("transfers.yaml", "    safeguards_copy: Ask the privacy team for "
                             "a copy of the clauses and the UK Addendum.\n", "")],
    "retention": [("retention.yaml", "[full-name, course-status, health-course, "
                   "conduct-check]", "[full-name, course-status, conduct-check]")],
    "rights": [(ORG, SHARED_RIGHTS, "")],
    "ccpa-rights": [(ORG, SHARED_RIGHTS, GDPR_ONLY_RIGHTS)],
    "ccpa-verification": [(ORG, "  verification: We check two details we already hold about "
                           "you.\n", "")],
    "ccpa-agent": [(ORG, "  authorized_agent: Someone you choose can ask for you with your "
                    "signed permission.\n", "")],
    "ccpa-non-retaliation": [(ORG, "  non_retaliation: We never treat you worse for using "
                              "your rights.\n", "")],
    "withdraw-consent": [(PROGRAM, "consent:\n  choices:\n    - {id: main, scope: \"Course "
                          "reminders\", default: \"off\", revocation_effect: \"Reminders stop "
                          "within 24 hours.\"}\n  captured: In the app before the first "
                          "reminder.\n  revocation_route: Switch reminders off in the app "
                          "settings.\n", "")],
    "complaint": [(ORG, "sells_or_shares: true\n", "sells_or_shares: true\nwording: "
                   "{complaint.right: {omit: Not in our notice.}}\n")],
    "obligation": [(PROGRAM, "  obligation: Completing courses is part of your role; the "
                    "status is recorded automatically.\n", "")],
    "automated-decisions": [(PROGRAM, "  logic: Courses are assigned when a certificate is "
                             "about to expire.\n", "")],
    "profiling": [(PROGRAM, "  significance: You may be asked to take a refresher course.\n",
                   "")],
    "objection": [(ORG, "privacy_contact: {name: Privacy team, email: privacy@example.com}",
                   "privacy_contact: {name: Privacy team}")],
    "sold-or-shared": [(ORG, "sells_or_shares: true\n", "")],
    "opt-out-link": [(ORG, "privacy_policy_url: https://example.com/privacy\n", "")],
    "privacy-policy": [(ORG, "privacy_policy_url: https://example.com/privacy\n", "")],
    "joint-controllers": [("vendors.yaml", "    name: Example LMS Ltd\n    role: processor",
                           "    name: Example LMS Ltd\n    role: joint_controller")],
}

# How to make each condition false in the complete case.
FALSIFY: dict[str, list[Edit]] = {
    "collected_directly": [(PROGRAM, "  how: The learning", "  from_subject: false\n  how: The "
                            "learning")],
    "collected_indirectly": [(PROGRAM, "  other_sources:\n    - {name: Course provider, "
                              "description: External providers report completions.}\n",
                              "  other_sources: {none: Everything comes from you.}\n")],
    "has_dpo": [(ORG, "dpo: {name: Dana Officer, email: dpo@example.com}",
                 "dpo: {none: Not designated.}")],
    "needs_eu_representative": [(ORG, "establishments: [{jurisdiction: us-ca, main: true}]",
                                 "establishments: [{jurisdiction: us-ca, main: true}, "
                                 "{jurisdiction: de, region: DE-BE}]")],
    "needs_uk_representative": [(ORG, "establishments: [{jurisdiction: us-ca, main: true}]",
                                 "establishments: [{jurisdiction: us-ca, main: true}, "
                                 "{jurisdiction: uk}]")],
    "uses_public_task_or_li": [(PROGRAM, LI_LINE, "{de: contract, uk: contract}")],
    "uses_legitimate_interests": [(PROGRAM, LI_LINE, "{de: contract, uk: contract}")],
    "uses_consent_or_contract": [(PROGRAM, "{de: consent, uk: consent}",
                                  "{de: legal_obligation, uk: legal_obligation}")],
    "uses_consent": [(PROGRAM, "{de: consent, uk: consent}", "{de: contract, uk: contract}"),
                     REMOVE["withdraw-consent"][0]],
    "has_recipients": [(PROGRAM, "recipients:\n  - {name: Example LMS Ltd, kind: processor, "
                        "vendor: lms-vendor, purpose: Hosts the platform.}\n" + PARTNER,
                        "recipients: {none: No one else receives it.}\n")],
    "has_transfers": [(PROGRAM, "transfers: [lms-us, lms-uk-us]\n",
                       "transfers: {none: It stays in Germany and the UK.}\n")],
    "has_joint_controllers": [(PROGRAM, "joint_controllers:\n  - name: Partner Academy e.V.\n"
                               "    vendor: partner-academy\n    contact: {name: Partner "
                               "Academy, email: academy@example.com}\n    essence: We and "
                               "Partner Academy run the safety courses together; we answer your "
                               "requests, and the Academy keeps the exam records.\n", ""),
                              (PROGRAM, PARTNER, "")],
    "has_automated_decisions": [(PROGRAM, "  exists: true", "  exists: false")],
    "has_profiling": [(PROGRAM, "  profiling: true", "  profiling: false")],
    "sells_or_shares": [(ORG, "sells_or_shares: true", "sells_or_shares: false")],
    "has_sensitive_data": [("inventory.yaml", "    classification: special_category",
                            "    classification: learning_record\n    ccpa_sensitive: true")],
    "has_ccpa_sensitive_data": [("inventory.yaml", "    classification: special_category",
                                 "    classification: special_category\n    ccpa_sensitive: "
                                 "false")],
    "has_criminal_offence_data": [("inventory.yaml", "    classification: criminal_offence",
                                   "    classification: learning_record")],
}


def lines(data: Path) -> list[str]:
    result = pipeline.check(data, OPTIONS, label_base=data.parent)
    return [p.format_text().split("\n")[0] for p in result.problems]


def test_the_complete_case_serves_every_regime_and_passes() -> None:
    result = pipeline.check(COMPLETE, OPTIONS)
    assert [p.format_text() for p in result.problems] == []
    decisions = decide(result.policy, result.policy.programs["learning"])
    assert {d.requirement.regime for d in decisions} >= {"eu_gdpr", "uk_gdpr", "ccpa"}
    assert all(d.status is Status.APPLICABLE for d in decisions)


def test_every_evidence_topic_is_tested() -> None:
    topics = {i.evidence_topic for i in load_catalog().items}
    assert topics <= set(TOPICS)
    untested = topics - set(REMOVE) - GUARANTEED
    assert not untested, f"add a REMOVE edit for {sorted(untested)}"


ITEMS = [i for i in load_catalog().items if i.evidence_topic not in GUARANTEED]
assert len(ITEMS) >= 50, len(ITEMS)

# What each message must say, written here from the law's numbering (not from the catalog):
# an id gdpr.13.2.e.x is cited "GDPR Art. 13(2)(e)"; the California items are listed.
CCPA_CITATIONS = {
    "ccpa.nac.categories": "Cal. Civ. Code 1798.100(a)(1); 11 CCR 7012(e)(1)",
    "ccpa.nac.sensitive_categories": "Cal. Civ. Code 1798.100(a)(2); 11 CCR 7012(e)(1)",
    "ccpa.nac.purposes": "Cal. Civ. Code 1798.100(a)(1); 11 CCR 7012(e)(2)",
    "ccpa.nac.sold_or_shared": "Cal. Civ. Code 1798.100(a)(1); 11 CCR 7012(e)(3)",
    "ccpa.nac.retention": "Cal. Civ. Code 1798.100(a)(3); 11 CCR 7012(e)(4)",
    "ccpa.nac.opt_out_link": "11 CCR 7012(e)(5)",
    "ccpa.nac.privacy_policy_link": "11 CCR 7012(e)(6)",
    "ccpa.pp.rights": "Cal. Civ. Code 1798.100, 1798.105, 1798.106, 1798.110, 1798.120, "
                      "1798.121, 1798.125; 11 CCR 7011(e)(2)",
    "ccpa.pp.verification": "11 CCR 7011(e)(3)(C); 7060-7062",
    "ccpa.pp.authorized_agent": "11 CCR 7011(e)(3)(H); 7063",
    "ccpa.pp.non_retaliation": "Cal. Civ. Code 1798.125(a)(1)(E); 11 CCR 7011(e)(2)",
}
# Items cited with more than their own number: the article that defines the duty, or the
# UK's Data Protection Act 2018 beside the UK GDPR.
FURTHER_CITATIONS = {
    "uk.13.1.a.representative": ", 27",
    "uk.14.1.a.representative": ", 27",
    "gdpr.9.2.special_category_condition": ", with Art. 13(1)(c) and 14(1)(c)",
    "gdpr.10.criminal_offence_basis": ", with Art. 13(1)(c)",
    "uk.9.2.special_category_condition": "; DPA 2018 s.10 and Schedule 1",
    "uk.10.criminal_offence_basis": "; DPA 2018 s.10(5) and Schedule 1",
}
# The plain description each kind of item is named by (the last part of its id).
TITLES = {
    "controller_identity": "who the controller is",
    "representative": "the representative's contact details",
    "dpo_contact": "how to reach the dpo",
    "purposes_legal_basis": "purposes and legal basis",
    "legitimate_interests": "the legitimate interests pursued",
    "recipients": "who receives the data",
    "transfers": "transfers outside the {area}",
    "retention": "how long data is kept",
    "rights": "the person's rights",
    "withdraw_consent": "withdrawing consent",
    "complaint_sa": "complaining to a regulator",
    "complaint_ico": "complaining to the ico",
    "obligation_to_provide": "whether the data must be provided",
    "automated_decisions": "automated decisions",
    "data_categories": "categories of data",
    "source": "where the data comes from",
    "objection_highlight": "the right to object, stated apart",
    "profiling": "profiling is explained",
    "special_category_condition": "the condition for special-category data",
    "criminal_offence_basis": "the law that allows criminal-offence data",
    "joint_controller_essence": "the essence of the joint-controller arrangement",
    "categories": "categories of personal information",
    "sensitive_categories": "sensitive personal information",
    "purposes": "purposes",
    "sold_or_shared": "whether it is sold or shared",
    "opt_out_link": "opt-out link",
    "privacy_policy_link": "link to the privacy policy",
    "verification": "how a california request is verified",
    "authorized_agent": "how an authorised agent can ask",
    "non_retaliation": "no retaliation for using california rights",
}
# Titles that differ from their kind's: the UK's own wording, and California's rights.
OWN_TITLES = {
    "uk.13.1.a.representative": "the uk representative's contact details",
    "uk.14.1.a.representative": "the uk representative's contact details",
    "uk.9.2.special_category_condition": "the condition for special-category data (uk)",
    "uk.10.criminal_offence_basis": "the condition for criminal-offence data (uk)",
    "uk.26.2.joint_controller_essence": "the essence of the joint-controller arrangement (uk)",
    "ccpa.pp.rights": "california rights: know, delete, correct, opt out, limit, no "
                      "retaliation",
}


def expected_citation(item_id: str) -> str:
    if item_id in CCPA_CITATIONS:
        return CCPA_CITATIONS[item_id]
    regime, *numbers, _ = item_id.split(".")
    law = {"gdpr": "GDPR", "uk": "UK GDPR"}[regime]
    if numbers[0].startswith("recital"):
        return f"{law} Recital {numbers[0].removeprefix('recital')}"
    article, *parts = numbers
    return (f"{law} Art. {article}" + "".join(f"({p})" for p in parts)
            + FURTHER_CITATIONS.get(item_id, ""))


# Items whose duty rests on guidance more than on the law's text: warnings (README, "The
# disclosure gate").
ADVISORY = {"gdpr.9.2.special_category_condition", "uk.9.2.special_category_condition",
            "gdpr.10.criminal_offence_basis", "uk.10.criminal_offence_basis",
            "gdpr.recital60.profiling"}


def expected_title(item_id: str) -> str:
    if item_id in OWN_TITLES:
        return OWN_TITLES[item_id]
    title = TITLES[item_id.rsplit(".", 1)[1]]
    if item_id.startswith("ccpa.nac.retention"):
        return "how long each category is kept"
    return title.format(area="uk" if item_id.startswith("uk.") else "eea")


@pytest.mark.parametrize("item", ITEMS, ids=[i.id for i in ITEMS])
def test_removing_an_items_text_fails_with_its_message(item, tmp_path: Path) -> None:
    data = mutated(tmp_path, COMPLETE, REMOVE.get(item.id, REMOVE[item.evidence_topic]))
    found = [line for line in lines(data) if f"lacks {item.id} (" in line]
    assert len(found) == 1, lines(data)
    advisory = item.id in ADVISORY
    assert ("warning [disclosure.advisory] " if advisory else "error [disclosure.missing] ") \
        in found[0]
    assert (f"the notice 'learning' lacks {item.id} ({expected_citation(item.id)}: "
            f"{expected_title(item.id)}): ") in found[0]
    assert found[0].startswith("data/")


@pytest.mark.parametrize("condition", sorted(CONDITIONS))
def test_each_condition_switches_its_items(condition: str, tmp_path: Path) -> None:
    before = pipeline.check(COMPLETE, OPTIONS).policy
    after = pipeline.check(mutated(tmp_path, COMPLETE, FALSIFY[condition]), OPTIONS).policy
    was = {d.requirement.id: d for d in decide(before, before.programs["learning"])}
    now = {d.requirement.id: d for d in decide(after, after.programs["learning"])}
    # One edit can switch off more than one condition (no legitimate interests also means
    # no "public task or legitimate interests"): every item listing a switched-off
    # condition goes, with the first such condition's reason; nothing else moves.
    on_facts = NoticeFacts.of(before, before.programs["learning"])
    off_facts = NoticeFacts.of(after, after.programs["learning"])
    regimes = sorted(on_facts.regimes)
    on = {(c, r): on_facts.verdict(c, r) for c in CONDITIONS for r in regimes}
    off = {(c, r): off_facts.verdict(c, r) for c in CONDITIONS for r in regimes}
    changed = {key for key in on if on[key] != off[key]}
    assert any(c == condition for c, _ in changed)
    assert all(on[key] is True and off[key] is False for key in changed)
    for item in load_catalog().items:
        hit = [c for c in item.when if (c, item.regime) in changed]
        if hit:
            assert now[item.id].status is Status.NOT_APPLICABLE, item.id
            assert now[item.id].reason == SWITCHED_OFF[hit[0]][0]  # written in words there
        else:
            assert now[item.id].status is was[item.id].status, item.id


def test_a_waiver_needs_a_known_item_and_shows_its_reason(tmp_path: Path) -> None:
    waiver = ("  waivers:\n    - {item: gdpr.13.2.e.obligation_to_provide, reason: Covered by "
              "the employment contract.}\n    - {item: gdpr.13.2.e.obligation, reason: Typo.}\n"
              "  changelog:")
    data = mutated(tmp_path, COMPLETE, [(PROGRAM, "  changelog:", waiver)])
    result = pipeline.check(data, OPTIONS, label_base=data.parent)
    assert [p.format_text().split("\n")[0] for p in result.problems] == [
        "data/programs/learning.yaml:72:14: error [disclosure.unknown-waiver] "
        "notice.waivers[1].item: the waiver names an unknown disclosure 'gdpr.13.2.e.obligation'"
    ]
    decisions = {d.requirement.id: d for d in decide(result.policy,
                                                     result.policy.programs["learning"])}
    waived = decisions["gdpr.13.2.e.obligation_to_provide"]
    assert (waived.status, waived.reason) == (Status.WAIVED,
                                             "Covered by the employment contract.")


def test_organisation_requirements_are_checked_like_the_catalog(tmp_path: Path) -> None:
    requirements = ("requirements:\n  - id: org.works-council\n    title: Works council "
                    "agreement\n    description: Name the works agreement.\n    citation: Works "
                    "agreement 2024-03\n    section: works-council\n    applies_when: "
                    "{jurisdictions: [de]}\n")
    data = mutated(tmp_path, COMPLETE, [])
    (data / "requirements.yaml").write_text(requirements, encoding="utf-8")
    assert any("lacks org.works-council (Works agreement 2024-03: works council agreement): "
               "the notice has no `sections.works-council` text" in line for line in lines(data))
    program = data / PROGRAM
    program.write_text(program.read_text().replace(
        "  changelog:", "  sections:\n    works-council: Agreed with the works council.\n"
        "  changelog:"), encoding="utf-8")
    assert not [line for line in lines(data) if "org.works-council" in line]


def test_coverage_rows_give_status_reason_and_section() -> None:
    from govportal.pages.registers import coverage_rows

    policy = pipeline.check(CASES / "valid" / "minimal", OPTIONS).policy
    rows = {(r["notice"], r["item"]): r for r in coverage_rows(policy)}
    dpo = rows[("learning", "gdpr.13.1.b.dpo_contact")]
    assert (dpo["status"], dpo["reason"], dpo["section"]) == (
        "not_applicable",
        "no data protection officer is designated, as organisation.dpo says", None)
    retention = rows[("learning", "gdpr.13.2.a.retention")]
    assert (retention["status"], retention["section"]) == ("applicable",
                                                           "notices/learning/#retention")
    assert rows[("learning", "ccpa.nac.privacy_policy_link")]["verified"] is False
