"""The disclosure gate's evidence, topic by topic: what in the data proves each item.

Each test loads the complete case (every regime, every item met), changes one thing in its
YAML, and asks :func:`govportal.rules.evidence.gap` about one item: the answer is written
out here in full (the file it belongs in, the YAML path, the sentence the policy owner
reads), never rebuilt from the catalog or the evidence module's own tables. Here: the
organisation's side (controller, DPO, representatives, contacts, rights, links), the
organisation's own sections and standard wording left out; the program's side is in
test_evidence_program.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govportal.data.loader import load_policy
from govportal.data.policy import Policy
from govportal.problems import Problems
from govportal.rules.evidence import gap
from govportal.rules.gap import Gap
from tests.conftest import CASES, mutated

COMPLETE = CASES / "valid" / "complete"
PROGRAM = "programs/learning.yaml"
ORG = "organisation.yaml"
Edit = tuple[str, str, str]


def load(tmp_path: Path, edits: list[Edit]) -> Policy:
    """The complete case with ``edits`` applied, loaded; the edited files must load."""
    problems = Problems()
    policy = load_policy(mutated(tmp_path, COMPLETE, edits), problems)
    assert policy.complete and "learning" in policy.programs, [
        p.format_text() for p in problems.items]
    return policy


def ask(policy: Policy, item: str, topic: str, regime: str) -> Gap | None:
    return gap(item, topic, regime, policy, policy.programs["learning"])


def gap_of(tmp_path: Path, edits: list[Edit], item: str, topic: str,
           regime: str) -> Gap | None:
    return ask(load(tmp_path, edits), item, topic, regime)


# Every (item, topic, regime) asked below, all met by the complete case as it is.
ASKED = [
    ("gdpr.13.1.a.controller_identity", "controller", "eu_gdpr"),
    ("gdpr.13.1.b.dpo_contact", "dpo", "eu_gdpr"),
    ("gdpr.13.1.a.representative", "representative", "eu_gdpr"),
    ("uk.13.1.a.representative", "uk-representative", "uk_gdpr"),
    ("gdpr.13.1.c.purposes_legal_basis", "purposes", "eu_gdpr"),
    ("uk.13.1.c.purposes_legal_basis", "purposes", "uk_gdpr"),
    ("gdpr.13.1.d.legitimate_interests", "legitimate-interests", "eu_gdpr"),
    ("gdpr.9.2.special_category_condition", "special-category", "eu_gdpr"),
    ("uk.9.2.special_category_condition", "uk-special-category", "uk_gdpr"),
    ("gdpr.10.criminal_offence_basis", "criminal-offence", "eu_gdpr"),
    ("uk.10.criminal_offence_basis", "uk-criminal-offence", "uk_gdpr"),
    ("gdpr.14.1.d.data_categories", "data-categories", "eu_gdpr"),
    ("ccpa.nac.categories", "ccpa-categories", "ccpa"),
    ("ccpa.nac.purposes", "ccpa-purposes", "ccpa"),
    ("ccpa.nac.retention", "ccpa-retention", "ccpa"),
    ("gdpr.14.2.f.source", "sources", "eu_gdpr"),
    ("gdpr.13.1.e.recipients", "recipients", "eu_gdpr"),
    ("gdpr.13.1.f.transfers", "transfers", "eu_gdpr"),
    ("uk.13.1.f.transfers", "transfers", "uk_gdpr"),
    ("gdpr.13.2.a.retention", "retention", "eu_gdpr"),
    ("gdpr.13.2.b.rights", "rights", "eu_gdpr"),
    ("ccpa.pp.rights", "ccpa-rights", "ccpa"),
    ("ccpa.pp.verification", "ccpa-verification", "ccpa"),
    ("ccpa.pp.authorized_agent", "ccpa-agent", "ccpa"),
    ("ccpa.pp.non_retaliation", "ccpa-non-retaliation", "ccpa"),
    ("gdpr.13.2.c.withdraw_consent", "withdraw-consent", "eu_gdpr"),
    ("gdpr.13.2.d.complaint_sa", "complaint", "eu_gdpr"),
    ("uk.13.2.d.complaint_ico", "complaint", "uk_gdpr"),
    ("gdpr.13.2.e.obligation_to_provide", "obligation", "eu_gdpr"),
    ("gdpr.13.2.f.automated_decisions", "automated-decisions", "eu_gdpr"),
    ("gdpr.recital60.profiling", "profiling", "eu_gdpr"),
    ("gdpr.21.4.objection_highlight", "objection", "eu_gdpr"),
    ("ccpa.nac.sold_or_shared", "sold-or-shared", "ccpa"),
    ("ccpa.nac.opt_out_link", "opt-out-link", "ccpa"),
    ("ccpa.nac.privacy_policy_link", "privacy-policy", "ccpa"),
    ("gdpr.26.2.joint_controller_essence", "joint-controllers", "eu_gdpr"),
    ("uk.26.2.joint_controller_essence", "joint-controllers", "uk_gdpr"),
]
assert len(ASKED) == 37


def test_the_complete_case_evidences_every_item_asked(tmp_path: Path) -> None:
    policy = load(tmp_path, [])
    assert {(item, topic, regime): ask(policy, item, topic, regime)
            for item, topic, regime in ASKED} == {key: None for key in ASKED}


# ------------------------------------------------------------------ the organisation

FRONT_DESK = "contact: {name: Front desk, email: hello@example.com}"
ADDRESS = "address: 1 Example Street, 10115 Berlin, Germany\n"
NO_CONTROLLER = Gap("organisation", ("contact",),
                    "the controller has no e-mail, phone, web page or postal address")


def test_a_controller_without_any_way_to_reach_it_is_a_gap(tmp_path: Path) -> None:
    edits = [(ORG, FRONT_DESK, "contact: {name: Front desk}"), (ORG, ADDRESS, "")]
    assert gap_of(tmp_path, edits, "gdpr.13.1.a.controller_identity", "controller",
                  "eu_gdpr") == NO_CONTROLLER


@pytest.mark.parametrize("detail", ["email: hello@example.com", "phone: +49 30 1234 5678",
                                    "address: 1 Example Street", "url: https://example.com/c"])
def test_one_way_to_reach_the_controller_is_enough(detail: str, tmp_path: Path) -> None:
    edits = [(ORG, FRONT_DESK, f"contact: {{name: Front desk, {detail}}}"), (ORG, ADDRESS, "")]
    assert gap_of(tmp_path, edits, "uk.13.1.a.controller_identity", "controller",
                  "uk_gdpr") is None


def test_the_organisations_postal_address_reaches_the_controller(tmp_path: Path) -> None:
    edits = [(ORG, FRONT_DESK, "contact: {name: Front desk}")]
    assert gap_of(tmp_path, edits, "gdpr.13.1.a.controller_identity", "controller",
                  "eu_gdpr") is None


def test_a_dpo_without_contact_details_is_a_gap(tmp_path: Path) -> None:
    edits = [(ORG, "dpo: {name: Dana Officer, email: dpo@example.com}",
              "dpo: {name: Dana Officer}")]
    assert gap_of(tmp_path, edits, "gdpr.13.1.b.dpo_contact", "dpo", "eu_gdpr") == Gap(
        "organisation", ("dpo",), "the data protection officer has no contact details")


def test_a_dpo_reached_by_phone_alone_or_none_designated_is_no_gap(tmp_path: Path) -> None:
    phone = [(ORG, "dpo: {name: Dana Officer, email: dpo@example.com}",
              "dpo: {name: Dana Officer, phone: +49 30 999}")]
    assert gap_of(tmp_path / "phone", phone, "gdpr.13.1.b.dpo_contact", "dpo",
                  "eu_gdpr") is None
    none = [(ORG, "dpo: {name: Dana Officer, email: dpo@example.com}",
             "dpo: {none: Not designated.}")]
    assert gap_of(tmp_path / "none", none, "uk.13.1.b.dpo_contact", "dpo", "uk_gdpr") is None


EU_REP = "eu_representative: {name: EU Rep GmbH, email: rep@example.com}\n"
UK_REP = "uk_representative: {name: UK Rep Ltd, email: uk-rep@example.com}\n"


def test_a_missing_representative_names_the_key_to_add(tmp_path: Path) -> None:
    policy = load(tmp_path, [(ORG, EU_REP, ""), (ORG, UK_REP, "")])
    assert ask(policy, "gdpr.13.1.a.representative", "representative", "eu_gdpr") == Gap(
        "organisation", (), "the organisation has no establishment in the EU but names no "
        "representative there (`eu_representative`)")
    assert ask(policy, "uk.14.1.a.representative", "uk-representative", "uk_gdpr") == Gap(
        "organisation", (), "the organisation has no establishment in the UK but names no "
        "representative there (`uk_representative`)")


def test_a_representative_without_contact_details_is_a_gap(tmp_path: Path) -> None:
    policy = load(tmp_path, [(ORG, EU_REP, "eu_representative: {name: EU Rep GmbH}\n"),
                             (ORG, UK_REP, "uk_representative: {name: UK Rep Ltd}\n")])
    assert ask(policy, "gdpr.14.1.a.representative", "representative", "eu_gdpr") == Gap(
        "organisation", ("eu_representative",),
        "the representative in the EU has no contact details")
    assert ask(policy, "uk.13.1.a.representative", "uk-representative", "uk_gdpr") == Gap(
        "organisation", ("uk_representative",),
        "the representative in the UK has no contact details")


def test_each_representative_is_judged_on_its_own(tmp_path: Path) -> None:
    policy = load(tmp_path, [(ORG, EU_REP, "")])
    assert ask(policy, "uk.13.1.a.representative", "uk-representative", "uk_gdpr") is None
    assert ask(policy, "gdpr.13.1.a.representative", "representative", "eu_gdpr") is not None


def test_a_privacy_contact_that_cannot_be_reached_is_a_gap(tmp_path: Path) -> None:
    edits = [(ORG, "privacy_contact: {name: Privacy team, email: privacy@example.com}",
              "privacy_contact: {name: Privacy team}")]
    policy = load(tmp_path, edits)
    expected = Gap("organisation", ("privacy_contact",),
                   "the privacy contact has no way to be reached")
    assert ask(policy, "gdpr.21.4.objection_highlight", "objection", "eu_gdpr") == expected
    assert ask(policy, "uk.21.4.objection_highlight", "objection", "uk_gdpr") == expected


def test_a_privacy_contact_with_a_web_page_is_reached(tmp_path: Path) -> None:
    edits = [(ORG, "privacy_contact: {name: Privacy team, email: privacy@example.com}",
              "privacy_contact: {name: Privacy team, url: https://example.com/ask}")]
    assert gap_of(tmp_path, edits, "gdpr.21.4.objection_highlight", "objection",
                  "eu_gdpr") is None


def test_without_a_word_on_selling_the_california_notice_has_a_gap(tmp_path: Path) -> None:
    policy = load(tmp_path, [(ORG, "sells_or_shares: true\n", "")])
    assert ask(policy, "ccpa.nac.sold_or_shared", "sold-or-shared", "ccpa") == Gap(
        "organisation", (), "the organisation does not say whether personal information is "
        "sold or shared (sells_or_shares)")


def test_an_organisation_that_neither_sells_nor_shares_has_said_so(tmp_path: Path) -> None:
    edits = [(ORG, "sells_or_shares: true", "sells_or_shares: false")]
    assert gap_of(tmp_path, edits, "ccpa.nac.sold_or_shared", "sold-or-shared",
                  "ccpa") is None


def test_without_a_privacy_policy_url_both_links_are_missing(tmp_path: Path) -> None:
    policy = load(tmp_path, [(ORG, "privacy_policy_url: https://example.com/privacy\n", "")])
    expected = Gap("organisation", (), "the organisation has no privacy_policy_url")
    assert ask(policy, "ccpa.nac.opt_out_link", "opt-out-link", "ccpa") == expected
    assert ask(policy, "ccpa.nac.privacy_policy_link", "privacy-policy", "ccpa") == expected


# ------------------------------------------------------------------ rights (California)

RIGHTS_BLOCK = ("rights:\n  how_to_exercise: Write to the privacy team.\n  non_retaliation: We "
                "never treat you worse for using your rights.\n  verification: We check two "
                "details we already hold about you.\n  authorized_agent: Someone you choose "
                "can ask for you with your signed permission.\n  response_time: Within one "
                "month.\n")


@pytest.mark.parametrize(("line", "item", "topic", "detail"), [
    ("  verification: We check two details we already hold about you.\n",
     "ccpa.pp.verification", "ccpa-verification",
     "the rights section does not say how a request is verified (rights.verification)"),
    ("  authorized_agent: Someone you choose can ask for you with your signed permission.\n",
     "ccpa.pp.authorized_agent", "ccpa-agent",
     "the rights section does not say how an authorised agent can ask "
     "(rights.authorized_agent)"),
    ("  non_retaliation: We never treat you worse for using your rights.\n",
     "ccpa.pp.non_retaliation", "ccpa-non-retaliation",
     "the rights section does not say that using a right is never held against the person "
     "(rights.non_retaliation)"),
])
def test_each_california_detail_of_the_rights_is_asked_for(
        line: str, item: str, topic: str, detail: str, tmp_path: Path) -> None:
    assert gap_of(tmp_path, [(ORG, line, "")], item, topic, "ccpa") == Gap(
        "organisation", ("rights",), detail)


def test_rights_given_for_the_gdpr_only_leave_california_without(tmp_path: Path) -> None:
    gdpr_only = ("rights:\n  eu_gdpr: {how_to_exercise: Write to us., response_time: One "
                 "month.}\n  uk_gdpr: {how_to_exercise: Write to us., response_time: One "
                 "month.}\n")
    policy = load(tmp_path, [(ORG, RIGHTS_BLOCK, gdpr_only)])
    assert ask(policy, "ccpa.pp.rights", "ccpa-rights", "ccpa") == Gap(
        "organisation", ("rights",),
        "the organisation does not say how people exercise their rights under ccpa (rights)")
    assert ask(policy, "gdpr.13.2.b.rights", "rights", "eu_gdpr") is None
    assert ask(policy, "ccpa.pp.verification", "ccpa-verification", "ccpa") == Gap(
        "organisation", ("rights",),
        "the organisation does not say how people exercise their rights under ccpa (rights)")


def test_no_rights_section_at_all_points_at_the_organisation(tmp_path: Path) -> None:
    assert gap_of(tmp_path, [(ORG, RIGHTS_BLOCK, "")], "uk.13.2.b.rights", "rights",
                  "uk_gdpr") == Gap(
        "organisation", (),
        "the organisation does not say how people exercise their rights under uk_gdpr "
        "(rights)")


# Purposes' bases in the complete case (the program file also uses it).
LI_LINE = "lawful_basis: {de: legitimate_interests, uk: legitimate_interests}"


# ------------------------------------------------------------------ sections and standard wording

def test_an_organisation_section_the_notice_lacks_is_named(tmp_path: Path) -> None:
    policy = load(tmp_path, [])
    assert ask(policy, "org.works-council", "section:works-council", "organisation") == Gap(
        "program", ("notice", "sections"), "the notice has no `sections.works-council` text")


def test_a_section_of_blanks_is_no_text(tmp_path: Path) -> None:
    edits = [(PROGRAM, "  changelog:", "  sections:\n    works-council: \"   \"\n  changelog:")]
    assert gap_of(tmp_path, edits, "org.works-council", "section:works-council",
                  "organisation") == Gap(
        "program", ("notice", "sections"), "the notice has no `sections.works-council` text")


def test_a_section_with_text_is_evidence(tmp_path: Path) -> None:
    edits = [(PROGRAM, "  changelog:", "  sections:\n    works-council: Agreed with the works "
              "council.\n  changelog:")]
    policy = load(tmp_path, edits)
    assert ask(policy, "org.works-council", "section:works-council", "organisation") is None
    assert ask(policy, "org.escalation", "section:escalation", "organisation") == Gap(
        "program", ("notice", "sections"), "the notice has no `sections.escalation` text")


def omit(*ids: str) -> Edit:
    return (ORG, "sells_or_shares: true\n", "sells_or_shares: true\nwording:\n" + "".join(
        f"  {i}: {{omit: Not in our notice.}}\n" for i in ids))


def test_standard_wording_left_out_leaves_the_item_without_its_text(tmp_path: Path) -> None:
    policy = load(tmp_path, [omit("complaint.right")])
    expected = Gap("organisation", ("wording", "complaint.right"),
                   "the standard wording it needs is left out (complaint.right)")
    assert ask(policy, "gdpr.13.2.d.complaint_sa", "complaint", "eu_gdpr") == expected
    assert ask(policy, "uk.14.2.e.complaint_ico", "complaint", "uk_gdpr") == expected


def test_every_sentence_left_out_is_listed_and_the_first_pointed_at(tmp_path: Path) -> None:
    policy = load(tmp_path, [omit("objection.effect", "objection.right")])
    assert ask(policy, "gdpr.21.4.objection_highlight", "objection", "eu_gdpr") == Gap(
        "organisation", ("wording", "objection.right"),
        "the standard wording it needs is left out (objection.right, objection.effect)")


def test_a_gap_in_the_data_comes_before_wording_left_out(tmp_path: Path) -> None:
    edits = [omit("objection.right"),
             (ORG, "privacy_contact: {name: Privacy team, email: privacy@example.com}",
              "privacy_contact: {name: Privacy team}")]
    assert gap_of(tmp_path, edits, "uk.21.4.objection_highlight", "objection",
                  "uk_gdpr") == Gap(
        "organisation", ("privacy_contact",), "the privacy contact has no way to be reached")


def test_wording_left_out_that_another_item_needs_is_no_gap_here(tmp_path: Path) -> None:
    policy = load(tmp_path, [omit("complaint.right")])
    assert ask(policy, "gdpr.13.2.e.obligation_to_provide", "obligation", "eu_gdpr") is None


def test_wording_left_out_counts_only_where_it_holds_for_the_regime(tmp_path: Path) -> None:
    # Only UK staff's data rests on legitimate interests: the objection sentences hold for
    # the UK notice, not the EU one, so leaving one out takes nothing from the EU item.
    edits = [omit("objection.right"),
             (PROGRAM, LI_LINE, "lawful_basis: {de: contract, uk: legitimate_interests}")]
    policy = load(tmp_path, edits)
    assert ask(policy, "gdpr.21.4.objection_highlight", "objection", "eu_gdpr") is None
    assert ask(policy, "uk.21.4.objection_highlight", "objection", "uk_gdpr") == Gap(
        "organisation", ("wording", "objection.right"),
        "the standard wording it needs is left out (objection.right)")
