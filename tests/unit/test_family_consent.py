"""The consent rules on the rule cases' base data: which purposes and choices they name,
where, and with what words, every problem written out."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.rule_runs import report_after

COACHING = "programs/coaching.yaml"
NO_JUSTIFICATION = (COACHING, "    consent_justification: Insights are optional. Saying no "
                    "changes nothing.\n", "")
MAIN = ('    - {id: main, scope: "Personal insights", default: "off", revocation_effect: '
        '"Insights stop within 24 hours."}\n')
NO_CONSENT_SECTION = (COACHING, "consent:\n  choices:\n" + MAIN
                      + "  captured: In the app, before the first insight.\n"
                      "  revocation_route: Switch insights off in the app.\n", "")


def second_choice(default: str, effect: str) -> tuple[str, str, str]:
    return (COACHING, MAIN, MAIN + f'    - {{id: extra, scope: Extras, default: "{default}", '
            f'revocation_effect: "{effect}"}}\n')


JUSTIFY_HINT = ("    hint: add `consent_justification` (e.g. the feature is optional and refusing "
                "has no effect), or rely on contract or legitimate interests with a balancing "
                "test\n")
CASES = {
    "the groups of people at work are named once each, in order": (
        [NO_JUSTIFICATION, (COACHING, "  - {group: Managers, category: manager, "
                            "jurisdictions: [de]}\n",
                            "  - {group: Managers, category: manager, jurisdictions: [de]}\n"
                            "  - {group: Employees, category: employee, jurisdictions: [de]}\n"
                            "  - {group: Managers, category: contractor, jurisdictions: [de]}\n")],
        "data/programs/coaching.yaml:23:24: error [consent.employment-justification] "
        "purposes[1].lawful_basis.de: the purpose 'insights' relies on the consent of people "
        "at work (Managers, Employees) without saying why that consent is freely given\n"
        + JUSTIFY_HINT),
    "every purpose on consent without a justification is named": (
        [NO_JUSTIFICATION, (COACHING, "lawful_basis: {de: contract}",
                            "lawful_basis: {de: consent}")],
        "data/programs/coaching.yaml:17:24: error [consent.employment-justification] "
        "purposes[0].lawful_basis.de: the purpose 'tips' relies on the consent of people at "
        "work (Managers) without saying why that consent is freely given\n" + JUSTIFY_HINT
        + "data/programs/coaching.yaml:21:24: error [consent.employment-justification] "
        "purposes[1].lawful_basis.de: the purpose 'insights' relies on the consent of people "
        "at work (Managers) without saying why that consent is freely given\n"
        + JUSTIFY_HINT),
    "a justified purpose on consent does not excuse the next one": (
        [(COACHING, "lawful_basis: {de: contract}",
          "lawful_basis: {de: consent}\n    consent_justification: Tips are optional too."),
         NO_JUSTIFICATION],
        "data/programs/coaching.yaml:22:24: error [consent.employment-justification] "
        "purposes[1].lawful_basis.de: the purpose 'insights' relies on the consent of people "
        "at work (Managers) without saying why that consent is freely given\n"
        + JUSTIFY_HINT),
    "consent in two jurisdictions: the purpose is named once, at the first": (
        [("organisation.yaml", "establishments:", "  - id: ie\n    name: Ireland\n"
          "    country: IE\n    regimes: [eu_gdpr]\n    supervisory_authority: ie-dpc\n"
          "establishments:"),
         (COACHING, "  - {group: Managers, category: manager, jurisdictions: [de]}",
          "  - {group: Managers, category: manager, jurisdictions: [de, ie]}"),
         (COACHING, "lawful_basis: {de: contract}", "lawful_basis: {de: contract, ie: contract}"),
         (COACHING, "lawful_basis: {de: consent}", "lawful_basis: {ie: consent, de: consent}"),
         NO_JUSTIFICATION],
        "data/programs/coaching.yaml:21:24: error [consent.employment-justification] "
        "purposes[1].lawful_basis.ie: the purpose 'insights' relies on the consent of people "
        "at work (Managers) without saying why that consent is freely given\n" + JUSTIFY_HINT
        + "data/programs/milestones.yaml:8:3: error [declaration.missing] data_subjects: the "
        "program does not say whether it is offered in ie (Ireland); this decides every item "
        "of eu_gdpr\n"
        "    hint: add ie to a data_subjects group's jurisdictions, or add "
        "`not_offered_in: {ie: why}`\n"),
    "no consent section: the first purpose on consent is named, once": (
        [(COACHING, "lawful_basis: {de: contract}",
          "lawful_basis: {de: consent}\n    consent_justification: Tips are optional too."),
         NO_CONSENT_SECTION],
        "data/programs/coaching.yaml:1:1: error [disclosure.missing] the notice 'coaching' "
        "lacks gdpr.13.2.c.withdraw_consent (GDPR Art. 13(2)(c): withdrawing consent): "
        "consent is relied on but the program has no `consent:` section with the revocation "
        "route\n"
        "    hint: add a `consent:` section with `revocation_route` and `revocation_effect`\n"
        "data/programs/coaching.yaml:17:24: error [consent.details-missing] "
        "purposes[0].lawful_basis.de: the purpose 'tips' relies on consent, but the program "
        "has no `consent` section (how to withdraw it and how fast that takes effect)\n"
        "    hint: add `consent:` with choices (each with scope, default and "
        "revocation_effect), captured and revocation_route\n"),
    "a program with a consent section does not excuse the next one without": (
        [("programs/milestones.yaml", "    lawful_basis: {de: legitimate_interests}\n"
          "    legitimate_interest: Helping staff grow in their roles.\n"
          "    balancing_test: LIA-1\n",
          "    lawful_basis: {de: consent}\n    consent_justification: Sharing is optional.\n")],
        "data/programs/milestones.yaml:1:1: error [disclosure.missing] the notice "
        "'milestones' lacks gdpr.13.2.c.withdraw_consent (GDPR Art. 13(2)(c): withdrawing "
        "consent): consent is relied on but the program has no `consent:` section with the "
        "revocation route\n"
        "    hint: add a `consent:` section with `revocation_route` and `revocation_effect`\n"
        "data/programs/milestones.yaml:17:24: error [consent.details-missing] "
        "purposes[0].lawful_basis.de: the purpose 'development' relies on consent, but the "
        "program has no `consent` section (how to withdraw it and how fast that takes "
        "effect)\n"
        "    hint: add `consent:` with choices (each with scope, default and "
        "revocation_effect), captured and revocation_route\n"),
    "two programs on consent without a consent section: each is named": (
        [NO_CONSENT_SECTION,
         ("programs/milestones.yaml", "    lawful_basis: {de: legitimate_interests}\n"
          "    legitimate_interest: Helping staff grow in their roles.\n"
          "    balancing_test: LIA-1\n",
          "    lawful_basis: {de: consent}\n    consent_justification: Sharing is optional.\n")],
        "data/programs/coaching.yaml:1:1: error [disclosure.missing] the notice 'coaching' "
        "lacks gdpr.13.2.c.withdraw_consent (GDPR Art. 13(2)(c): withdrawing consent): "
        "consent is relied on but the program has no `consent:` section with the revocation "
        "route\n"
        "    hint: add a `consent:` section with `revocation_route` and `revocation_effect`\n"
        "data/programs/coaching.yaml:21:24: error [consent.details-missing] "
        "purposes[1].lawful_basis.de: the purpose 'insights' relies on consent, but the "
        "program has no `consent` section (how to withdraw it and how fast that takes "
        "effect)\n"
        "    hint: add `consent:` with choices (each with scope, default and "
        "revocation_effect), captured and revocation_route\n"
        "data/programs/milestones.yaml:1:1: error [disclosure.missing] the notice "
        "'milestones' lacks gdpr.13.2.c.withdraw_consent (GDPR Art. 13(2)(c): withdrawing "
        "consent): consent is relied on but the program has no `consent:` section with the "
        "revocation route\n"
        "    hint: add a `consent:` section with `revocation_route` and `revocation_effect`\n"
        "data/programs/milestones.yaml:17:24: error [consent.details-missing] "
        "purposes[0].lawful_basis.de: the purpose 'development' relies on consent, but the "
        "program has no `consent` section (how to withdraw it and how fast that takes "
        "effect)\n"
        "    hint: add `consent:` with choices (each with scope, default and "
        "revocation_effect), captured and revocation_route\n"),
    "a program without a consent section does not stop the choices of the next": (
        [NO_CONSENT_SECTION,
         ("programs/milestones.yaml", "automated_decisions:",
          "consent:\n  choices:\n    - {id: share, scope: Sharing, default: \"on\", "
          "revocation_effect: Sharing stops when you ask.}\n  captured: In the platform.\n"
          "  revocation_route: Ask the people team.\nautomated_decisions:")],
        "data/programs/coaching.yaml:1:1: error [disclosure.missing] the notice 'coaching' "
        "lacks gdpr.13.2.c.withdraw_consent (GDPR Art. 13(2)(c): withdrawing consent): "
        "consent is relied on but the program has no `consent:` section with the revocation "
        "route\n"
        "    hint: add a `consent:` section with `revocation_route` and `revocation_effect`\n"
        "data/programs/coaching.yaml:21:24: error [consent.details-missing] "
        "purposes[1].lawful_basis.de: the purpose 'insights' relies on consent, but the "
        "program has no `consent` section (how to withdraw it and how fast that takes "
        "effect)\n"
        "    hint: add `consent:` with choices (each with scope, default and "
        "revocation_effect), captured and revocation_route\n"
        "data/programs/milestones.yaml:26:44: error [consent.default-on] "
        "consent.choices[0].default: the consent choice 'share' of 'milestones' starts "
        "switched on, so saying nothing would count as yes\n"
        "    hint: start it off (`default: off`) and let the person switch it on\n"
        "data/programs/milestones.yaml:26:69: error [consent.opt-out-speed] "
        "consent.choices[0].revocation_effect: the consent choice 'share' of 'milestones' "
        "does not say how fast saying no takes effect ('Sharing stops when you ask.')\n"
        "    hint: state a time, e.g. 'Tips stop within 24 hours.' or 'Tips stop "
        "immediately.'\n"),
    "a second choice that starts on and never says how fast": (
        [second_choice("on", "Extras stop when you say so.")],
        "data/programs/coaching.yaml:29:43: error [consent.default-on] "
        "consent.choices[1].default: the consent choice 'extra' of 'coaching' starts switched "
        "on, so saying nothing would count as yes\n"
        "    hint: start it off (`default: off`) and let the person switch it on\n"
        "data/programs/coaching.yaml:29:68: error [consent.opt-out-speed] "
        "consent.choices[1].revocation_effect: the consent choice 'extra' of 'coaching' does "
        "not say how fast saying no takes effect ('Extras stop when you say so.')\n"
        "    hint: state a time, e.g. 'Tips stop within 24 hours.' or 'Tips stop "
        "immediately.'\n"),
}
assert CASES


@pytest.mark.parametrize(("edits", "expected"), CASES.values(), ids=CASES)
def test_consent_rules(tmp_path: Path, edits: list, expected: str) -> None:
    assert report_after(tmp_path, edits) == expected


AT_ONCE = ["Extras stop at once.", "extras stop INSTANTLY.", "Extras stop the same day.",
           "Extras stop before the next tip.", "Extras stop right away.",
           "Extras stop straight away.", "Extras stop immediately.",
           "Extras stop within 2 days."]
assert AT_ONCE


@pytest.mark.parametrize("effect", AT_ONCE)
def test_an_effect_that_is_immediate_or_timed_is_fast_enough(tmp_path: Path,
                                                             effect: str) -> None:
    assert report_after(tmp_path, [second_choice("off", effect)]) == ""
