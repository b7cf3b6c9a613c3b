"""The incident rules on the rule cases' base data: the triage owner, the breach timelines
the catalog must have, the remedies, and deadlines typed into the playbook, every problem
written out."""

from __future__ import annotations

from pathlib import Path

import pytest

from govportal.rules import catalog
from tests.unit.rule_runs import BASE, report_after

PLAYBOOK = "incident-response.yaml"
# a second jurisdiction, under eu_gdpr and uk_gdpr (the second does not apply in Ireland)
IRELAND = [
    ("organisation.yaml", "establishments:", "  - id: ie\n    name: Ireland\n    country: IE\n"
     "    regimes: [eu_gdpr, uk_gdpr]\n    supervisory_authority: ie-dpc\nestablishments:"),
    ("programs/coaching.yaml", "  - {group: Managers, category: manager, jurisdictions: [de]}",
     "  - {group: Managers, category: manager, jurisdictions: [de]}\n"
     "not_offered_in: {ie: Only in Germany.}"),
    ("programs/milestones.yaml",
     "  - {group: Employees, category: employee, jurisdictions: [de]}",
     "  - {group: Employees, category: employee, jurisdictions: [de]}\n"
     "not_offered_in: {ie: Only in Germany.}"),
]
TIMELINE_HINT = ("    hint: the playbook cannot say when to notify: add the regime's deadlines to "
                 "the portal's breach catalog (catalog/breach.yaml)\n")
EU_IN_GERMANY = ("data/organisation.yaml:15:15: error [incident.timelines] "
                 "jurisdictions[0].regimes[0]: the breach catalog has no notification timeline "
                 "for eu_gdpr (jurisdiction 'de')\n" + TIMELINE_HINT)
MISMATCH = ("data/organisation.yaml:20:14: error [jurisdiction.regime-mismatch] "
            "jurisdictions[1].regimes: jurisdiction 'ie' (IE) lists uk_gdpr, which does not "
            "apply there\n    hint: use eu_gdpr\n")
UK_IN_IRELAND = ("data/organisation.yaml:20:24: error [incident.timelines] "
                 "jurisdictions[1].regimes[1]: the breach catalog has no notification timeline "
                 "for uk_gdpr (jurisdiction 'ie')\n" + TIMELINE_HINT)


def only_timelines_of(monkeypatch: pytest.MonkeyPatch, regime: str) -> None:
    kept = tuple(t for t in catalog.load_breach_timelines() if t.regime == regime)
    monkeypatch.setattr(catalog, "load_breach_timelines", lambda: kept)


def test_a_regime_without_timelines_is_named_once_at_its_first_jurisdiction(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    only_timelines_of(monkeypatch, "uk_gdpr")
    assert report_after(tmp_path, IRELAND) == EU_IN_GERMANY + MISMATCH


def test_each_regime_without_timelines_is_named(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    only_timelines_of(monkeypatch, "ccpa")
    assert report_after(tmp_path, IRELAND) == EU_IN_GERMANY + MISMATCH + UK_IN_IRELAND


def test_without_a_breach_catalog_every_regime_lacks_timelines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def absent() -> tuple:
        raise FileNotFoundError("catalog/breach.yaml")

    monkeypatch.setattr(catalog, "load_breach_timelines", absent)
    assert report_after(tmp_path, IRELAND) == EU_IN_GERMANY + MISMATCH + UK_IN_IRELAND


TYPED_HINT = ("    hint: remove it: the playbook page lists every regime's deadlines from the "
              "catalog\n")
# a notification deadline typed into every kind of text the playbook has
TYPED_EVERYWHERE = """title: Incident response playbook
owner: {name: Security team}
next_review: 2027-06-01
triage_owner: {name: Security on-call, email: security@example.com}
classification:
  - {level: low, description: Nothing leaves the company.}
  - level: high
    description: Tell the ICO within 72h.
    examples: [A lost laptop., Notify the authority within 72 hours.]
phases:
  - id: detection
    title: Detect
    steps: [Confirm the alert.]
  - id: notify
    title: Notify
    steps: [Decide with legal., Inform affected residents within 30 calendar days.]
remedial_actions:
  - Revoke every access and refresh token of the affected accounts.
  - Force a password reset for the affected accounts.
  - Notify the supervisory authority within 72 hours.
legal_escalation: Tell the ICO within 72h of becoming aware.
evidence: Notify the authority within 72 hours and keep the ticket.
tabletop: {cadence: Twice a year, scenario: Notify the supervisory authority within 3 days.}
"""


def typed(where: str, path: str, found: str) -> str:
    return (f"data/incident-response.yaml:{where}: error [incident.typed-deadline] {path}: "
            f"the playbook types a notification deadline by hand ('{found}')\n" + TYPED_HINT)


def test_a_deadline_typed_anywhere_in_the_playbook_is_found(tmp_path: Path) -> None:
    old = (BASE / PLAYBOOK).read_text(encoding="utf-8")
    assert report_after(tmp_path, [(PLAYBOOK, old, TYPED_EVERYWHERE)]) == (
        typed("8:18", "classification[1].description", "72h")
        + typed("9:32", "classification[1].examples[1]", "72 hours")
        + typed("16:33", "phases[1].steps[1]", "30 calendar days")
        + typed("20:5", "remedial_actions[2]", "72 hours")
        + typed("21:19", "legal_escalation", "72h")
        + typed("22:11", "evidence", "72 hours")
        + typed("23:45", "tabletop.scenario", "3 days"))


CASES = {
    "a remedy needs its subject and its verb in one step": (
        [(PLAYBOOK, "  - Revoke every access and refresh token of the affected accounts.\n"
          "  - Force a password reset for the affected accounts.\n",
          "  - Tokens are listed in the ticket.\n  - Revoke access to the affected accounts.\n"
          "  - Passwords are stored hashed.\n  - Reset the affected phones.\n")],
        "data/incident-response.yaml:12:3: error [incident.remedial-actions] remedial_actions: "
        "the remedial actions do not include revoking tokens (forced token revocation)\n"
        "    hint: add a step such as 'Revoke every access and refresh token of the affected "
        "accounts.'\n"
        "data/incident-response.yaml:12:3: error [incident.remedial-actions] remedial_actions: "
        "the remedial actions do not include resetting passwords\n"
        "    hint: add a step such as 'Force a password reset for the affected accounts.'\n"),
    "a placeholder owner without an e-mail address: the placeholder is named": (
        [(PLAYBOOK, "triage_owner: {name: Security on-call, email: security@example.com}",
          "triage_owner: {name: TBD}")],
        "data/incident-response.yaml:4:22: error [incident.triage-owner] triage_owner.name: "
        "the triage owner 'TBD' is a placeholder, not a person or team\n"
        "    hint: name the person or on-call team that triages incidents\n"),
}
assert CASES


@pytest.mark.parametrize(("edits", "expected"), CASES.values(), ids=CASES)
def test_incident_rules(tmp_path: Path, edits: list, expected: str) -> None:
    assert report_after(tmp_path, edits) == expected
