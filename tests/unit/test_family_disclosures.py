"""The disclosure rules at the data level on the rule cases' base data: where a missing
disclosure is reported (the program's file or the organisation's), its hint, and the
waivers that name no disclosure, each with every problem written out."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.rule_runs import report_after

DPO_HINT = "    hint: give `organisation.dpo` an e-mail, phone number or address\n"
CASES = {
    "a gap in the organisation is reported there, once per notice": (
        [("organisation.yaml", "dpo: {name: Dana Officer, email: dpo@example.com}",
          "dpo: {name: Dana Officer}")],
        "data/organisation.yaml:19:6: error [disclosure.missing] dpo: the notice 'coaching' "
        "lacks gdpr.13.1.b.dpo_contact (GDPR Art. 13(1)(b): how to reach the dpo): the data "
        "protection officer has no contact details\n" + DPO_HINT
        + "data/organisation.yaml:19:6: error [disclosure.missing] dpo: the notice "
        "'milestones' lacks gdpr.13.1.b.dpo_contact (GDPR Art. 13(1)(b): how to reach the "
        "dpo): the data protection officer has no contact details\n" + DPO_HINT),
    "a gap in a program is reported at its place in the program's file": (
        [("programs/milestones.yaml", "    legitimate_interest: Helping staff grow in their "
          "roles.\n", "")],
        "data/programs/milestones.yaml:14:5: error [disclosure.missing] purposes[0]: the "
        "notice 'milestones' lacks gdpr.13.1.d.legitimate_interests (GDPR Art. 13(1)(d): the "
        "legitimate interests pursued): purpose 'development' relies on legitimate interests "
        "but does not say which (legitimate_interest)\n"
        "    hint: add `legitimate_interest:` to each purpose whose basis is "
        "legitimate_interests\n"),
    "an unknown waiver: the nearest id, else where the ids are listed": (
        [("programs/milestones.yaml", "  changelog:",
          "  waivers:\n    - {item: gdpr.13.2.e.obligation, reason: Not needed here.}\n"
          "    - {item: zz-nothing-like-it, reason: Not needed here.}\n  changelog:")],
        "data/programs/milestones.yaml:35:14: error [disclosure.unknown-waiver] "
        "notice.waivers[0].item: the waiver names an unknown disclosure "
        "'gdpr.13.2.e.obligation'\n"
        "    hint: did you mean 'gdpr.13.2.e.obligation_to_provide'?\n"
        "data/programs/milestones.yaml:36:14: error [disclosure.unknown-waiver] "
        "notice.waivers[1].item: the waiver names an unknown disclosure 'zz-nothing-like-it'\n"
        "    hint: use an id from the disclosure catalog page\n"),
}
assert CASES


@pytest.mark.parametrize(("edits", "expected"), CASES.values(), ids=CASES)
def test_disclosure_rules(tmp_path: Path, edits: list, expected: str) -> None:
    assert report_after(tmp_path, edits) == expected
