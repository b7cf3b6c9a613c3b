"""Did you mean …? One suggestion mechanism for keys, values, ids, references and rule ids."""

from __future__ import annotations

import pytest

from govportal.data.suggestions import as_id, closest, did_you_mean

BASES = ["consent", "contract", "legal_obligation", "vital_interests", "public_task",
         "legitimate_interests"]


@pytest.mark.parametrize(("written", "meant"), [
    ("legitimat_interests", "legitimate_interests"),   # a letter missing
    ("Legitimate interests", "legitimate_interests"),  # case and separators do not count
    ("legitimate-interests", "legitimate_interests"),
    ("CONSENT", "consent"),
    ("contrat", "contract"),
    ("vital interest", "vital_interests"),
])
def test_the_closest_choice_is_suggested(written: str, meant: str) -> None:
    assert closest(written, BASES) == meant


@pytest.mark.parametrize("written", ["xyz", "balancing", ""])
def test_nothing_close_suggests_nothing(written: str) -> None:
    assert closest(written, BASES) is None
    assert did_you_mean(written, BASES) == ""


def test_the_hint_says_how_the_choice_is_written() -> None:
    assert did_you_mean("contrat", BASES) == "did you mean 'contract'?"
    assert did_you_mean("engagement-log", ["engagement-logs"], "[[period:{}]]") == (
        "did you mean [[period:engagement-logs]]?")
    assert did_you_mean("ids.unknown-refrence", ["ids.duplicate", "ids.unknown-reference"]) \
        == "did you mean 'ids.unknown-reference'?"


@pytest.mark.parametrize(("written", "meant"), [
    ("Quiz Score", "quiz-score"),
    ("pre-launch/review", "pre-launch-review"),
    ("learning.v2", "learning-v2"),
    ("  Course_Status ", "course-status"),
    ("---", None),
    ("lеarning", None),  # a Cyrillic 'е': no safe replacement
])
def test_the_id_a_name_was_meant_to_be(written: str, meant: str | None) -> None:
    assert as_id(written) == meant
