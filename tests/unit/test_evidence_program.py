"""The disclosure gate's evidence in the program's data: purposes and their bases, special
categories, fields and their California categories, retention, recipients, transfers,
consent and automated decisions.

As in test_evidence.py: the complete case with one change, and the gap written out in full.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govportal.data.loader import load_policy
from govportal.problems import Problems
from govportal.rules.gap import Gap
from tests.conftest import mutated
from tests.unit.test_evidence import COMPLETE, LI_LINE, ORG, PROGRAM, ask, gap_of, load

# ------------------------------------------------------------------ purposes and bases

CONSENT_LINE = "lawful_basis: {de: consent, uk: consent}"


def test_a_purpose_without_a_basis_for_a_jurisdiction_names_it(tmp_path: Path) -> None:
    policy = load(tmp_path, [(PROGRAM, LI_LINE, "lawful_basis: {de: legitimate_interests}")])
    assert ask(policy, "uk.13.1.c.purposes_legal_basis", "purposes", "uk_gdpr") == Gap(
        "program", ("purposes", 0, "lawful_basis"),
        "purpose 'development' has no lawful basis for uk")
    assert ask(policy, "gdpr.13.1.c.purposes_legal_basis", "purposes", "eu_gdpr") is None


def test_every_jurisdiction_without_a_basis_is_named(tmp_path: Path) -> None:
    # Irish staff join the notice: the EU regime now has two jurisdictions, de and ie.
    edits = [(PROGRAM, "jurisdictions: [de, uk, us-ca]", "jurisdictions: [de, ie, uk, us-ca]"),
             (PROGRAM, CONSENT_LINE, "lawful_basis: {uk: consent}")]
    assert gap_of(tmp_path, edits, "gdpr.14.1.c.purposes_legal_basis", "purposes",
                  "eu_gdpr") == Gap(
        "program", ("purposes", 0, "lawful_basis"),
        "purpose 'development' has no lawful basis for ie")


def test_two_jurisdictions_without_a_basis_are_both_named(tmp_path: Path) -> None:
    edits = [(PROGRAM, "jurisdictions: [de, uk, us-ca]", "jurisdictions: [de, ie, uk, us-ca]"),
             (PROGRAM, LI_LINE, "lawful_basis: {uk: legitimate_interests}")]
    policy = load(tmp_path, edits)
    assert ask(policy, "gdpr.13.1.c.purposes_legal_basis", "purposes", "eu_gdpr") == Gap(
        "program", ("purposes", 0, "lawful_basis"),
        "purpose 'development' has no lawful basis for de, ie")


def test_the_gap_points_at_the_purpose_that_lacks_the_basis(tmp_path: Path) -> None:
    edits = [(PROGRAM, CONSENT_LINE, "lawful_basis: {de: consent}")]
    assert gap_of(tmp_path, edits, "uk.14.1.c.purposes_legal_basis", "purposes",
                  "uk_gdpr") == Gap(
        "program", ("purposes", 1, "lawful_basis"),
        "purpose 'reminders' has no lawful basis for uk")


def test_several_bases_need_to_say_what_each_covers(tmp_path: Path) -> None:
    edits = [(PROGRAM, CONSENT_LINE, "lawful_basis: {de: [contract, consent], uk: consent}")]
    policy = load(tmp_path, edits)
    assert ask(policy, "gdpr.13.1.c.purposes_legal_basis", "purposes", "eu_gdpr") == Gap(
        "program", ("purposes", 1, "lawful_basis"),
        "purpose 'reminders' rests on several bases without saying what consent, contract "
        "covers (basis_reasons)")
    # The UK gives one basis: nothing to explain there.
    assert ask(policy, "uk.13.1.c.purposes_legal_basis", "purposes", "uk_gdpr") is None


def test_a_basis_with_its_reason_is_explained(tmp_path: Path) -> None:
    edits = [(PROGRAM, CONSENT_LINE, "lawful_basis: {de: [contract, consent], uk: consent}\n"
              "    basis_reasons: {contract: The course agreement.}")]
    assert gap_of(tmp_path, edits, "gdpr.13.1.c.purposes_legal_basis", "purposes",
                  "eu_gdpr") == Gap(
        "program", ("purposes", 1, "lawful_basis"),
        "purpose 'reminders' rests on several bases without saying what consent covers "
        "(basis_reasons)")


def test_every_basis_explained_or_legitimate_interests_is_no_gap(tmp_path: Path) -> None:
    explained = [(PROGRAM, CONSENT_LINE, "lawful_basis: {de: [contract, consent], uk: "
                  "consent}\n    basis_reasons: {contract: The course agreement., consent: "
                  "The reminder switch.}")]
    assert gap_of(tmp_path / "explained", explained, "gdpr.13.1.c.purposes_legal_basis",
                  "purposes", "eu_gdpr") is None
    # Legitimate interests say what they cover in legitimate_interest, not basis_reasons.
    with_li = [(PROGRAM, LI_LINE, "lawful_basis: {de: [legitimate_interests, contract], uk: "
                "legitimate_interests}\n    basis_reasons: {contract: The course agreement.}")]
    assert gap_of(tmp_path / "li", with_li, "gdpr.13.1.c.purposes_legal_basis", "purposes",
                  "eu_gdpr") is None


def test_one_basis_in_each_of_two_jurisdictions_is_not_several(tmp_path: Path) -> None:
    edits = [(PROGRAM, "jurisdictions: [de, uk, us-ca]", "jurisdictions: [de, ie, uk, us-ca]"),
             (PROGRAM, CONSENT_LINE, "lawful_basis: {de: consent, ie: contract, uk: consent}"),
             (PROGRAM, LI_LINE, "lawful_basis: {de: legitimate_interests, ie: "
              "legitimate_interests, uk: legitimate_interests}"),
             (PROGRAM, "lawful_basis: {de: legal_obligation, uk: legal_obligation}",
              "lawful_basis: {de: legal_obligation, ie: legal_obligation, uk: "
              "legal_obligation}"),
             (PROGRAM, "lawful_basis: {de: legal_obligation, uk: legal_obligation}",
              "lawful_basis: {de: legal_obligation, ie: legal_obligation, uk: "
              "legal_obligation}")]
    assert gap_of(tmp_path, edits, "gdpr.13.1.c.purposes_legal_basis", "purposes",
                  "eu_gdpr") is None


def test_the_first_purpose_with_a_gap_is_reported(tmp_path: Path) -> None:
    # The second purpose lacks an explanation, the third a basis: the second is named.
    edits = [(PROGRAM, CONSENT_LINE, "lawful_basis: {de: [contract, consent], uk: consent}"),
             (PROGRAM, "lawful_basis: {de: legal_obligation, uk: legal_obligation}",
              "lawful_basis: {uk: legal_obligation}")]
    assert gap_of(tmp_path, edits, "gdpr.13.1.c.purposes_legal_basis", "purposes",
                  "eu_gdpr") == Gap(
        "program", ("purposes", 1, "lawful_basis"),
        "purpose 'reminders' rests on several bases without saying what consent, contract "
        "covers (basis_reasons)")


LI_TEXT = "    legitimate_interest: Helping staff grow in their roles.\n"


def test_legitimate_interests_relied_on_must_be_named(tmp_path: Path) -> None:
    policy = load(tmp_path, [(PROGRAM, LI_TEXT, "")])
    expected = Gap("program", ("purposes", 0), "purpose 'development' relies on legitimate "
                   "interests but does not say which (legitimate_interest)")
    assert ask(policy, "gdpr.13.1.d.legitimate_interests", "legitimate-interests",
               "eu_gdpr") == expected
    assert ask(policy, "uk.14.2.b.legitimate_interests", "legitimate-interests",
               "uk_gdpr") == expected


def test_legitimate_interests_are_judged_per_regime(tmp_path: Path) -> None:
    # Only UK staff's data rests on legitimate interests: the EU items have nothing to ask.
    edits = [(PROGRAM, LI_TEXT, ""),
             (PROGRAM, LI_LINE, "lawful_basis: {de: contract, uk: legitimate_interests}")]
    policy = load(tmp_path, edits)
    assert ask(policy, "gdpr.13.1.d.legitimate_interests", "legitimate-interests",
               "eu_gdpr") is None
    assert ask(policy, "uk.13.1.d.legitimate_interests", "legitimate-interests",
               "uk_gdpr") == Gap(
        "program", ("purposes", 0), "purpose 'development' relies on legitimate interests "
        "but does not say which (legitimate_interest)")


def test_the_purpose_relying_on_legitimate_interests_is_pointed_at(tmp_path: Path) -> None:
    edits = [(PROGRAM, LI_LINE, "lawful_basis: {de: contract, uk: contract}"),
             (PROGRAM, CONSENT_LINE, "lawful_basis: {de: legitimate_interests, uk: consent}")]
    assert gap_of(tmp_path, edits, "gdpr.13.1.d.legitimate_interests", "legitimate-interests",
                  "eu_gdpr") == Gap(
        "program", ("purposes", 1), "purpose 'reminders' relies on legitimate interests but "
        "does not say which (legitimate_interest)")


# ------------------------------------------------------------------ special categories

SPECIAL = ("    special_category:\n      condition: 9(2)(b)\n      law: Our duties as an "
           "employer under employment law.\n      uk_schedule_1: Part 1, paragraph 1 "
           "(employment)\n")
SPECIAL_UK = "      uk_schedule_1: Part 1, paragraph 1 (employment)\n"
CRIMINAL = ("    criminal_offence:\n      law: The safety regulations for the lab equipment, "
            "which require a check of criminal records.\n      uk_schedule_1: Part 2, "
            "paragraph 10 (preventing or detecting unlawful acts)\n")
CRIMINAL_UK = "      uk_schedule_1: Part 2, paragraph 10 (preventing or detecting unlawful acts)\n"
APD = "appropriate_policy_document: APD-1\n"


def test_special_category_data_needs_an_article_9_condition(tmp_path: Path) -> None:
    policy = load(tmp_path, [(PROGRAM, SPECIAL, "")])
    expected = Gap("program", ("purposes", 2), "purpose 'adjustments' uses special-category "
                   "data but gives no Art. 9(2) condition (special_category)")
    assert ask(policy, "gdpr.9.2.special_category_condition", "special-category",
               "eu_gdpr") == expected
    assert ask(policy, "uk.9.2.special_category_condition", "uk-special-category",
               "uk_gdpr") == expected


def test_the_uk_also_needs_a_schedule_1_condition(tmp_path: Path) -> None:
    policy = load(tmp_path, [(PROGRAM, SPECIAL_UK, "")])
    assert ask(policy, "uk.9.2.special_category_condition", "uk-special-category",
               "uk_gdpr") == Gap(
        "program", ("purposes", 2, "special_category"), "purpose 'adjustments' gives no DPA "
        "2018 Schedule 1 condition (special_category.uk_schedule_1)")
    assert ask(policy, "gdpr.9.2.special_category_condition", "special-category",
               "eu_gdpr") is None


def test_the_uk_asks_about_the_appropriate_policy_document(tmp_path: Path) -> None:
    policy = load(tmp_path, [(ORG, APD, "")])
    assert ask(policy, "uk.9.2.special_category_condition", "uk-special-category",
               "uk_gdpr") == Gap(
        "organisation", (), "the organisation does not say whether it keeps the appropriate "
        "policy document DPA 2018 Schedule 1 asks for (appropriate_policy_document)")
    assert ask(policy, "gdpr.9.2.special_category_condition", "special-category",
               "eu_gdpr") is None


def test_an_appropriate_policy_document_declared_absent_is_an_answer(tmp_path: Path) -> None:
    edits = [(ORG, APD, "appropriate_policy_document: {none: We do not keep one.}\n")]
    assert gap_of(tmp_path, edits, "uk.9.2.special_category_condition", "uk-special-category",
                  "uk_gdpr") is None


def test_without_special_category_data_nothing_is_asked(tmp_path: Path) -> None:
    # The health course becomes an ordinary learning record: no condition, no policy document.
    edits = [("inventory.yaml", "    classification: special_category",
              "    classification: learning_record"), (PROGRAM, SPECIAL, ""), (ORG, APD, "")]
    policy = load(tmp_path, edits)
    assert ask(policy, "uk.9.2.special_category_condition", "uk-special-category",
               "uk_gdpr") is None
    assert ask(policy, "gdpr.9.2.special_category_condition", "special-category",
               "eu_gdpr") is None


def test_a_purpose_naming_an_unknown_field_is_not_judged_on_it(tmp_path: Path) -> None:
    edits = [(PROGRAM, "    fields: [health-course]\n", "    fields: [health-course, typo]\n")]
    assert gap_of(tmp_path, edits, "uk.9.2.special_category_condition", "uk-special-category",
                  "uk_gdpr") is None


def test_the_purpose_using_special_category_data_is_pointed_at(tmp_path: Path) -> None:
    # The reminders (second purpose) now also use the health course: they lack the condition.
    edits = [(PROGRAM, "    fields: [full-name]\n    lawful_basis: {de: consent",
              "    fields: [full-name, health-course]\n    lawful_basis: {de: consent")]
    assert gap_of(tmp_path, edits, "gdpr.9.2.special_category_condition", "special-category",
                  "eu_gdpr") == Gap(
        "program", ("purposes", 1), "purpose 'reminders' uses special-category data but "
        "gives no Art. 9(2) condition (special_category)")


def test_criminal_offence_data_needs_the_law_that_allows_it(tmp_path: Path) -> None:
    policy = load(tmp_path, [(PROGRAM, CRIMINAL, "")])
    expected = Gap("program", ("purposes", 3), "purpose 'safety-clearance' uses "
                   "criminal-offence data but names no law that allows it (criminal_offence)")
    assert ask(policy, "gdpr.10.criminal_offence_basis", "criminal-offence",
               "eu_gdpr") == expected
    assert ask(policy, "uk.10.criminal_offence_basis", "uk-criminal-offence",
               "uk_gdpr") == expected


def test_the_uk_needs_a_schedule_1_condition_for_criminal_data(tmp_path: Path) -> None:
    policy = load(tmp_path, [(PROGRAM, CRIMINAL_UK, "")])
    assert ask(policy, "uk.10.criminal_offence_basis", "uk-criminal-offence",
               "uk_gdpr") == Gap(
        "program", ("purposes", 3, "criminal_offence"), "purpose 'safety-clearance' gives no "
        "DPA 2018 Schedule 1 condition (criminal_offence.uk_schedule_1)")
    assert ask(policy, "gdpr.10.criminal_offence_basis", "criminal-offence", "eu_gdpr") is None


def test_the_purpose_using_criminal_offence_data_is_pointed_at(tmp_path: Path) -> None:
    edits = [(PROGRAM, "    fields: [full-name, course-status]\n",
              "    fields: [full-name, course-status, conduct-check]\n")]
    assert gap_of(tmp_path, edits, "uk.10.criminal_offence_basis", "uk-criminal-offence",
                  "uk_gdpr") == Gap(
        "program", ("purposes", 0), "purpose 'development' uses criminal-offence data but "
        "names no law that allows it (criminal_offence)")


# ------------------------------------------------------------------ fields and categories

FIELDS = "fields: [full-name, course-status, health-course, conduct-check]\npurposes:"


def test_a_program_without_known_fields_lists_no_categories(tmp_path: Path) -> None:
    policy = load(tmp_path, [(PROGRAM, FIELDS, "fields: [typo]\npurposes:")])
    expected = Gap("program", ("fields",), "the program lists no known fields")
    assert ask(policy, "uk.14.1.d.data_categories", "data-categories", "uk_gdpr") == expected
    assert ask(policy, "ccpa.nac.categories", "ccpa-categories", "ccpa") == expected


def test_a_field_without_a_california_category_is_named(tmp_path: Path) -> None:
    edits = [("inventory.yaml", "    ccpa_category: Education information\n", "")]
    policy = load(tmp_path, edits)
    assert ask(policy, "ccpa.nac.categories", "ccpa-categories", "ccpa") == Gap(
        "program", ("fields", 1),
        "field 'course-status' has no California category (inventory ccpa_category)")
    assert ask(policy, "gdpr.14.1.d.data_categories", "data-categories", "eu_gdpr") is None


def test_the_category_check_points_at_the_programs_own_list(tmp_path: Path) -> None:
    # The program lists its fields in another order: the path follows the program's list.
    edits = [("inventory.yaml", "    ccpa_category: Education information\n", ""),
             (PROGRAM, FIELDS, "fields: [course-status, full-name, health-course, "
              "conduct-check]\npurposes:")]
    assert gap_of(tmp_path, edits, "ccpa.nac.categories", "ccpa-categories", "ccpa") == Gap(
        "program", ("fields", 0),
        "field 'course-status' has no California category (inventory ccpa_category)")


HEALTH_PURPOSE = "    fields: [health-course]\n"


def test_a_california_category_no_purpose_uses_is_named(tmp_path: Path) -> None:
    edits = [(PROGRAM, HEALTH_PURPOSE, "    fields: [full-name]\n")]
    assert gap_of(tmp_path, edits, "ccpa.nac.purposes", "ccpa-purposes", "ccpa") == Gap(
        "program", ("purposes",), "no purpose uses the California category 'Sensitive "
        "personal information' (health-course)")


def test_every_field_of_an_unused_category_is_listed(tmp_path: Path) -> None:
    edits = [(PROGRAM, HEALTH_PURPOSE, "    fields: [full-name]\n"),
             (PROGRAM, "    fields: [conduct-check]\n", "    fields: [full-name]\n"),
             ("inventory.yaml", "    ccpa_category: Professional or employment-related "
              "information\n", "    ccpa_category: Sensitive personal information\n")]
    assert gap_of(tmp_path, edits, "ccpa.nac.purposes", "ccpa-purposes", "ccpa") == Gap(
        "program", ("purposes",), "no purpose uses the California category 'Sensitive "
        "personal information' (health-course, conduct-check)")


def test_a_category_used_through_one_of_its_fields_is_covered(tmp_path: Path) -> None:
    # conduct-check joins the sensitive category; only health-course is used by a purpose.
    edits = [(PROGRAM, "    fields: [conduct-check]\n", "    fields: [full-name]\n"),
             ("inventory.yaml", "    ccpa_category: Professional or employment-related "
              "information\n", "    ccpa_category: Sensitive personal information\n")]
    assert gap_of(tmp_path, edits, "ccpa.nac.purposes", "ccpa-purposes", "ccpa") is None


def test_a_field_without_a_california_category_is_not_a_category(tmp_path: Path) -> None:
    # course-status has no category and no purpose uses it: ccpa-purposes asks nothing of it.
    edits = [("inventory.yaml", "    ccpa_category: Education information\n", ""),
             (PROGRAM, "    fields: [full-name, course-status]\n", "    fields: [full-name]\n")]
    assert gap_of(tmp_path, edits, "ccpa.nac.purposes", "ccpa-purposes", "ccpa") is None


# ------------------------------------------------------------------ retention

RULE_FIELDS = "[full-name, course-status, health-course, conduct-check]"


def test_a_field_no_retention_rule_covers_is_named(tmp_path: Path) -> None:
    policy = load(tmp_path, [("retention.yaml", RULE_FIELDS,
                              "[full-name, course-status, conduct-check]")])
    assert ask(policy, "gdpr.13.2.a.retention", "retention", "eu_gdpr") == Gap(
        "program", ("fields", 2), "no retention rule covers field 'health-course'")
    assert ask(policy, "ccpa.nac.retention", "ccpa-retention", "ccpa") == Gap(
        "program", ("fields", 2), "the California category 'Sensitive personal information' "
        "has no retention period or criteria for health-course")


def test_every_uncovered_field_of_a_california_category_is_listed(tmp_path: Path) -> None:
    edits = [("retention.yaml", RULE_FIELDS, "[full-name, course-status]"),
             ("inventory.yaml", "    ccpa_category: Professional or employment-related "
              "information\n", "    ccpa_category: Sensitive personal information\n")]
    policy = load(tmp_path, edits)
    assert ask(policy, "ccpa.nac.retention", "ccpa-retention", "ccpa") == Gap(
        "program", ("fields", 2), "the California category 'Sensitive personal information' "
        "has no retention period or criteria for health-course, conduct-check")
    assert ask(policy, "uk.13.2.a.retention", "retention", "uk_gdpr") == Gap(
        "program", ("fields", 2), "no retention rule covers field 'health-course'")


def test_an_unknown_field_needs_no_retention_rule(tmp_path: Path) -> None:
    # Unknown ids are the reference rules' business; retention asks only of known fields.
    edits = [(PROGRAM, FIELDS, "fields: [typo, full-name, course-status, health-course, "
              "conduct-check]\npurposes:")]
    policy = load(tmp_path, edits)
    assert ask(policy, "gdpr.13.2.a.retention", "retention", "eu_gdpr") is None
    assert ask(policy, "ccpa.nac.retention", "ccpa-retention", "ccpa") is None


CIRCULAR = "      ends_when: two years have passed since the certificate expired\n"
NEEDED = "      ends_when: they are no longer needed\n"
OTHER_RULE = ("rules:\n  - id: exam-papers\n    record_type: Exam papers\n    kind: "
              "learning_record\n    fields: [exam-paper]\n    period: 1 year\n    trigger: "
              "the exam\n    disposal: delete\n    justification: Long enough for appeals.\n"
              "    legal_hold: Deletion pauses during a legal hold.\n    owner: {name: People "
              "team}\n    next_review: 2027-06-01\n")


def test_criteria_that_end_only_when_no_longer_needed_are_a_gap(tmp_path: Path) -> None:
    policy = load(tmp_path, [("retention.yaml", CIRCULAR, NEEDED)])
    expected = Gap("retention", ("rules", 0, "criteria", "ends_when"),
                   "the retention rule 'learning-records' says only that records are kept "
                   "while they are needed: the criteria must say what ends the period")
    assert ask(policy, "gdpr.14.2.a.retention", "retention", "eu_gdpr") == expected
    assert ask(policy, "ccpa.nac.retention", "ccpa-retention", "ccpa") == expected


def test_the_rule_is_found_at_its_place_in_the_schedule(tmp_path: Path) -> None:
    # A rule of other fields comes first: the program's rule is the schedule's second.
    edits = [("retention.yaml", CIRCULAR, NEEDED), ("retention.yaml", "rules:\n", OTHER_RULE)]
    assert gap_of(tmp_path, edits, "uk.14.2.a.retention", "retention", "uk_gdpr") == Gap(
        "retention", ("rules", 1, "criteria", "ends_when"),
        "the retention rule 'learning-records' says only that records are kept while they "
        "are needed: the criteria must say what ends the period")


def test_a_rule_with_neither_period_nor_criteria_is_a_gap(tmp_path: Path) -> None:
    criteria = ("    criteria:\n      text: Kept while the course certificate is valid, so "
                "that renewals can be planned.\n" + CIRCULAR)
    edits = [("retention.yaml", criteria, ""), ("retention.yaml", "rules:\n", OTHER_RULE)]
    policy = load(tmp_path, edits)
    expected = Gap("retention", ("rules", 1), "the retention rule 'learning-records' gives "
                   "neither a period nor the criteria that decide it (period or criteria)")
    assert ask(policy, "gdpr.13.2.a.retention", "retention", "eu_gdpr") == expected
    assert ask(policy, "ccpa.nac.retention", "ccpa-retention", "ccpa") == expected


def test_a_fixed_period_needs_no_criteria(tmp_path: Path) -> None:
    criteria = ("    criteria:\n      text: Kept while the course certificate is valid, so "
                "that renewals can be planned.\n" + CIRCULAR)
    edits = [("retention.yaml", criteria, "    period: 2 years\n")]
    assert gap_of(tmp_path, edits, "gdpr.13.2.a.retention", "retention", "eu_gdpr") is None


def test_without_a_retention_schedule_no_rule_is_asked_of_unknown_fields(
        tmp_path: Path) -> None:
    # A data folder without retention.yaml (the reference rules report the file missing):
    # the program's only field is unknown, so there is nothing to keep and no rule to judge.
    data = mutated(tmp_path, COMPLETE, [(PROGRAM, FIELDS, "fields: [typo]\npurposes:")])
    (data / "retention.yaml").unlink()
    policy = load_policy(data, Problems())
    assert policy.retention is None
    assert ask(policy, "gdpr.13.2.a.retention", "retention", "eu_gdpr") is None
    assert ask(policy, "ccpa.nac.retention", "ccpa-retention", "ccpa") is None


# ------------------------------------------------------------ sources and recipients

def test_no_source_named_is_a_gap(tmp_path: Path) -> None:
    edits = [(PROGRAM, "  other_sources:\n    - {name: Course provider, description: External "
              "providers report completions.}\n", "  other_sources: {none: All from you.}\n")]
    assert gap_of(tmp_path, edits, "gdpr.14.2.f.source", "sources", "eu_gdpr") == Gap(
        "program", ("collection",), "no source of the data is named (collection.other_sources)")


RECIPIENTS = ("recipients:\n  - {name: Example LMS Ltd, kind: processor, vendor: lms-vendor, "
              "purpose: Hosts the platform.}\n  - {name: Partner Academy e.V., kind: "
              "third_party, vendor: partner-academy, purpose: Runs the safety courses with "
              "us.}\n")


def test_no_recipients_named_is_a_gap(tmp_path: Path) -> None:
    edits = [(PROGRAM, RECIPIENTS, "recipients: {none: No one else receives it.}\n")]
    assert gap_of(tmp_path, edits, "uk.13.1.e.recipients", "recipients", "uk_gdpr") == Gap(
        "program", (), "the program names no recipients (recipients)")


JOINT = ("joint_controllers:\n  - name: Partner Academy e.V.\n    vendor: partner-academy\n"
         "    contact: {name: Partner Academy, email: academy@example.com}\n    essence: We and "
         "Partner Academy run the safety courses together; we answer your requests, and the "
         "Academy keeps the exam records.\n")


def test_a_joint_controller_recipient_needs_the_arrangement(tmp_path: Path) -> None:
    policy = load(tmp_path, [(PROGRAM, JOINT, "")])
    expected = Gap("program", ("recipients", 1), "'Partner Academy e.V.' is a joint "
                   "controller but the program gives no essence of the arrangement "
                   "(joint_controllers)")
    assert ask(policy, "gdpr.26.2.joint_controller_essence", "joint-controllers",
               "eu_gdpr") == expected
    assert ask(policy, "uk.26.2.joint_controller_essence", "joint-controllers",
               "uk_gdpr") == expected


def test_each_joint_controller_needs_its_own_arrangement(tmp_path: Path) -> None:
    edits = [("vendors.yaml", "    name: Example LMS Ltd\n    role: processor",
              "    name: Example LMS Ltd\n    role: joint_controller")]
    assert gap_of(tmp_path, edits, "gdpr.26.2.joint_controller_essence", "joint-controllers",
                  "eu_gdpr") == Gap(
        "program", ("recipients", 0), "'Example LMS Ltd' is a joint controller but the "
        "program gives no essence of the arrangement (joint_controllers)")


def test_a_recipient_without_a_vendor_record_is_no_joint_controller(tmp_path: Path) -> None:
    edits = [(PROGRAM, JOINT, ""),
             (PROGRAM, "kind: third_party, vendor: partner-academy, ", "kind: third_party, ")]
    assert gap_of(tmp_path, edits, "gdpr.26.2.joint_controller_essence", "joint-controllers",
                  "eu_gdpr") is None


def test_an_arrangement_without_a_vendor_covers_no_recipient(tmp_path: Path) -> None:
    edits = [(PROGRAM, "    vendor: partner-academy\n    contact:", "    contact:")]
    assert gap_of(tmp_path, edits, "uk.26.2.joint_controller_essence", "joint-controllers",
                  "uk_gdpr") == Gap(
        "program", ("recipients", 1), "'Partner Academy e.V.' is a joint controller but the "
        "program gives no essence of the arrangement (joint_controllers)")


# ------------------------------------------------------------------ transfers

EU_COPY = "    safeguards_copy: Ask the privacy team for a copy of the clauses.\n"
UK_COPY = ("    safeguards_copy: Ask the privacy team for a copy of the clauses and the UK "
           "Addendum.\n")


def test_a_transfer_without_a_copy_of_its_safeguards_is_a_gap(tmp_path: Path) -> None:
    policy = load(tmp_path, [("transfers.yaml", EU_COPY, "")])
    assert ask(policy, "gdpr.13.1.f.transfers", "transfers", "eu_gdpr") == Gap(
        "program", ("transfers", 0), "transfer 'lms-us' does not say how to get a copy of "
        "its safeguards (transfers.yaml safeguards_copy)")
    # The UK's transfer is another one, with its copy.
    assert ask(policy, "uk.13.1.f.transfers", "transfers", "uk_gdpr") is None


def test_the_gap_points_at_the_transfer_in_the_programs_list(tmp_path: Path) -> None:
    policy = load(tmp_path, [("transfers.yaml", UK_COPY, "")])
    assert ask(policy, "uk.14.1.f.transfers", "transfers", "uk_gdpr") == Gap(
        "program", ("transfers", 1), "transfer 'lms-uk-us' does not say how to get a copy of "
        "its safeguards (transfers.yaml safeguards_copy)")
    assert ask(policy, "gdpr.14.1.f.transfers", "transfers", "eu_gdpr") is None


def test_a_transfer_without_a_mechanism_is_a_gap(tmp_path: Path) -> None:
    edits = [("transfers.yaml", "    mechanism: uk_addendum\n", "")]
    assert gap_of(tmp_path, edits, "uk.13.1.f.transfers", "transfers", "uk_gdpr") == Gap(
        "program", ("transfers", 1), "transfer 'lms-uk-us' does not say what protects the "
        "data there (transfers.yaml mechanism)")


@pytest.mark.parametrize(("mechanism", "needs_copy"), [
    ("scc", True), ("bcr", True), ("idta", True), ("uk_addendum", True),
    ("adequacy", False), ("derogation", False)])
def test_only_safeguards_with_a_document_need_a_copy(mechanism: str, needs_copy: bool,
                                                     tmp_path: Path) -> None:
    edits = [("transfers.yaml", "    mechanism: uk_addendum\n", f"    mechanism: {mechanism}\n"),
             ("transfers.yaml", UK_COPY, "")]
    found = gap_of(tmp_path, edits, "uk.13.1.f.transfers", "transfers", "uk_gdpr")
    assert found == (Gap("program", ("transfers", 1), "transfer 'lms-uk-us' does not say "
                         "how to get a copy of its safeguards (transfers.yaml safeguards_copy)")
                     if needs_copy else None)


# ------------------------------------------------------------------ consent, obligation, decisions

CONSENT = ("consent:\n  choices:\n    - {id: main, scope: \"Course reminders\", default: \"off\", "
           "revocation_effect: \"Reminders stop within 24 hours.\"}\n  captured: In the app "
           "before the first reminder.\n  revocation_route: Switch reminders off in the app "
           "settings.\n")


def test_consent_relied_on_without_a_consent_section_is_a_gap(tmp_path: Path) -> None:
    assert gap_of(tmp_path, [(PROGRAM, CONSENT, "")], "uk.14.2.d.withdraw_consent",
                  "withdraw-consent", "uk_gdpr") == Gap(
        "program", (), "consent is relied on but the program has no `consent:` section with "
        "the revocation route")


def test_a_notice_silent_on_the_obligation_to_provide_is_a_gap(tmp_path: Path) -> None:
    edits = [(PROGRAM, "  obligation: Completing courses is part of your role; the status is "
              "recorded automatically.\n", "")]
    assert gap_of(tmp_path, edits, "uk.13.2.e.obligation_to_provide", "obligation",
                  "uk_gdpr") == Gap(
        "program", ("notice",), "the notice does not say whether providing the data is "
        "required (notice.obligation)")


LOGIC = "  logic: Courses are assigned when a certificate is about to expire.\n"
SIGNIFICANCE = "  significance: You may be asked to take a refresher course.\n"
UNEXPLAINED = Gap("program", ("automated_decisions",), "automated decisions exist but their "
                  "logic and significance are not explained (logic, significance)")


@pytest.mark.parametrize("line", [LOGIC, SIGNIFICANCE])
def test_automated_decisions_need_both_logic_and_significance(line: str,
                                                               tmp_path: Path) -> None:
    assert gap_of(tmp_path, [(PROGRAM, line, "")], "gdpr.13.2.f.automated_decisions",
                  "automated-decisions", "eu_gdpr") == UNEXPLAINED


def test_no_automated_decisions_need_no_explanation(tmp_path: Path) -> None:
    edits = [(PROGRAM, "  exists: true", "  exists: false"), (PROGRAM, LOGIC, ""),
             (PROGRAM, SIGNIFICANCE, "")]
    assert gap_of(tmp_path, edits, "uk.14.2.g.automated_decisions", "automated-decisions",
                  "uk_gdpr") is None


@pytest.mark.parametrize(("lines", "detail"), [
    ([LOGIC], "people are profiled but the notice does not say how it works "
              "(automated_decisions.logic)"),
    ([SIGNIFICANCE], "people are profiled but the notice does not say what it leads to "
                     "(automated_decisions.significance)"),
    ([LOGIC, SIGNIFICANCE], "people are profiled but the notice does not say how it works or "
                            "what it leads to (automated_decisions.logic, significance)"),
])
def test_profiling_says_how_it_works_and_what_it_leads_to(lines: list[str], detail: str,
                                                          tmp_path: Path) -> None:
    edits = [(PROGRAM, "  exists: true", "  exists: false"),
             *((PROGRAM, line, "") for line in lines)]
    assert gap_of(tmp_path, edits, "gdpr.recital60.profiling", "profiling", "eu_gdpr") == Gap(
        "program", ("automated_decisions",), detail)


def test_no_profiling_needs_no_explanation(tmp_path: Path) -> None:
    edits = [(PROGRAM, "  exists: true", "  exists: false"),
             (PROGRAM, "  profiling: true", "  profiling: false"), (PROGRAM, LOGIC, "")]
    assert gap_of(tmp_path, edits, "gdpr.recital60.profiling", "profiling", "eu_gdpr") is None
