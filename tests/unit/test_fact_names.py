"""A "what changed" page in German says what changed in German, and only truthfully.

The facts come from the repository's own data (``lms-milestones``); the German words are
those of ``data/translations/de/`` and of the German catalog, written out here.
"""

from __future__ import annotations

from govportal import pipeline
from govportal.changes.fact_names import names_in
from govportal.changes.facts import differences, facts_of
from govportal.data.translatable import translated_policy
from govportal.text.portal_catalogs import translations
from tests.conftest import ROOT

POLICY = pipeline.check(ROOT / "data").policy
GERMAN = translated_policy(POLICY, "de")
PROGRAM = POLICY.programs["lms-milestones"]
NOW = facts_of(POLICY, PROGRAM)
WORDS = translations("de").gettext
NAMES = names_in(POLICY, GERMAN, "lms-milestones", "de")


def german(old, new) -> list[tuple[str, str, str, bool]]:
    return [(d.kind, d.change, d.text, d.material)
            for d in differences(old, new, WORDS, NAMES)]


def test_a_new_purpose_and_field_are_named_in_german() -> None:
    old = NOW.model_copy(deep=True)
    del old.purposes["development-planning"]
    del old.fields["course-progress"]
    assert german(old, NOW) == [
        ("purpose", "added", "Neuer Zweck: Ihre Weiterbildung und Entwicklung gemeinsam mit "
         "Ihrer Führungskraft planen", True),
        ("field", "added", "Zusätzlich genutzt: Fortschritt", False)]
    # the same in English, word for word what the data says
    assert [d.text for d in differences(old, NOW)] == [
        "New purpose: Planning your learning and growth with your manager",
        "Also uses: Progress"]


def test_a_fact_recorded_in_other_words_keeps_the_words_it_was_published_with() -> None:
    old = NOW.model_copy(deep=True)
    new = NOW.model_copy(deep=True)
    del old.purposes["development-planning"]
    new.purposes["development-planning"] = "Planning your training with your manager"
    assert german(old, new) == [
        ("purpose", "added", "Neuer Zweck: Planning your training with your manager", True)]


def test_a_longer_period_is_said_with_german_units() -> None:
    rid = next(iter(NOW.retention))
    old = NOW.model_copy(deep=True)
    new = NOW.model_copy(deep=True)
    old.retention[rid] = old.retention[rid].model_copy(update={"period": "2 years",
                                                               "days": 730})
    new.retention[rid] = new.retention[rid].model_copy(update={"period": "3 years",
                                                               "days": 1095})
    (found,) = german(old, new)
    record = GERMAN.programs["lms-milestones"]
    rules = {r.id: r for r in GERMAN.program_rules(record)}
    assert found == ("retention", "longer", f"{rules[rid].record_type}: aufbewahrt 3 Jahre "
                     "statt 2 Jahre", True)
    assert rules[rid].record_type != NOW.retention[rid].record  # it is the German name


def test_a_new_kind_of_information_and_recipient() -> None:
    old = NOW.model_copy(deep=True)
    old.fields = {k: v for k, v in old.fields.items() if v.category != "assessment"}
    old.recipients = [r for r in old.recipients if r != "Your line manager"]
    assert german(old, NOW) == [
        ("recipient", "added", "Neuer Empfänger: Ihre direkte Führungskraft", True),
        ("category", "added", "Neue Art von Angaben: Prüfungsergebnisse", True),
        ("field", "added", "Zusätzlich genutzt: Quizergebnis", False),
        ("field", "added", "Zusätzlich genutzt: Antworten auf einzelne Fragen", False),
        ("field", "added", "Zusätzlich genutzt: Quizpunktzahlen", False)]
