"""The helpers behind the governance rules: durations in text, stand-in names, adequacy."""

from __future__ import annotations

import pytest

from govportal.rules.adequacy import ALIASES, DPF_CODE, Standing, standing
from govportal.rules.catalog import load_adequacy
from govportal.rules.wording import as_period, is_stand_in, stated_period, typed_deadline


@pytest.mark.parametrize(("text", "found"), [
    ("We keep it for 2 years.", "2 years"),
    ("Logs are deleted six months after you leave.", "six months"),
    ("Records are kept for a year.", "a year"),
    ("An 18-month archive is stored offline.", "18-month"),
    ("Stored for twenty-four hours, then erased.", "twenty-four hours"),
    ("Your answers are retained for 90 calendar days.", "90 calendar days"),
    ("You see the status. We anonymise it after 3 weeks.", "3 weeks"),
    # not about keeping data, or no duration
    ("Reminders stop within 24 hours.", None),
    ("We keep 3 items on your dashboard.", None),
    ("Learning records are kept for [[retention:learning-records]].", None),
    ("Tips arrive twice a week; we keep the ones you saved.", None),
])
def test_stated_period_finds_a_duration_in_a_sentence_about_keeping_data(
        text: str, found: str | None) -> None:
    assert stated_period(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Notify the supervisory authority within 72 hours.", "72 hours"),
    ("Tell the ICO within 72h of becoming aware.", "72h"),
    ("Inform affected residents within 30 calendar days.", "30 calendar days"),
    ("Call legal within one hour.", None),  # internal, not a notification
    ("Tell the security lead within one hour.", None),
    ("Notify the authority without undue delay.", None),  # no duration typed
])
def test_typed_deadline_finds_notification_deadlines_only(text: str, found: str | None) -> None:
    assert typed_deadline(text) == found


@pytest.mark.parametrize(("duration", "period"), [
    ("six months", "6 months"), ("18-month", "18 months"), ("a year", "1 year"),
    ("90 days", "90 days"), ("2 business days", "2 days"), ("twenty-four hours", None),
])
def test_as_period_writes_a_duration_the_schedule_way(duration: str, period: str | None) -> None:
    assert as_period(duration) == period


@pytest.mark.parametrize(("name", "stand_in"), [
    ("TBD", True), ("tbc", True), ("n/a", True), ("N/A.", True), ("???", True), ("-", True),
    ("To be confirmed", True), ("Owner", True),
    ("People team", False), ("Dana Officer", False), ("Security on-call", False),
])
def test_stand_in_names(name: str, stand_in: bool) -> None:
    assert is_stand_in(name) is stand_in


@pytest.mark.parametrize(("destination", "expected"), [
    ("Germany", Standing.EEA), ("NO", Standing.EEA), ("the Netherlands", Standing.EEA),
    ("Switzerland", Standing.ADEQUATE), ("South Korea", Standing.ADEQUATE),
    ("uk", Standing.ADEQUATE), ("Brazil", Standing.ADEQUATE),
    ("United States", Standing.DPF_ONLY), ("U.S.A.", Standing.DPF_ONLY),
    ("Canada", Standing.ADEQUATE), ("EPO", Standing.ADEQUATE),
    ("India", Standing.NOT_LISTED), ("Singapore", Standing.NOT_LISTED),
])
def test_adequacy_standing_by_name_alias_or_code(destination: str, expected: Standing) -> None:
    assert standing(destination).standing is expected


def test_aliases_name_listed_destinations() -> None:
    adequacy = load_adequacy()
    codes = {d.code for d in (*adequacy.eea, *adequacy.destinations)}
    assert set(ALIASES.values()) <= codes
    assert {d.code for d in adequacy.destinations} >= {DPF_CODE}
