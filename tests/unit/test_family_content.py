"""The content rules (placeholders, restated purposes, unknown wording ids, section titles,
readability), each case with every problem it must bring, written out."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from govportal import pipeline
from govportal.data.policy import Policy
from govportal.data.positions import Document, strings
from govportal.rules.families.content import placeholder, readability
from govportal.rules.registry import Context, Options
from tests.conftest import copy_case
from tests.unit.rule_runs import BASE, TODAY, report_after


class _Texts:
    """Just enough of a rule context for the placeholder rule: one data file's texts, and
    each finding's location as the file and path it names."""

    def __init__(self, data: object) -> None:
        self.policy = SimpleNamespace(documents={"data/x.yaml": SimpleNamespace(data=data)})
        self.data_texts = tuple(("data/x.yaml", path, text) for path, text in strings(data))

    def at(self, label: str, *path: str | int, key: bool = False) -> tuple:
        return (label, *path)


CODE_KEYS = ("id", "version", "item", "vendor", "role", "kind", "classification", "status",
             "category", "level", "mechanism", "answer", "disposal", "condition", "country",
             "region", "jurisdiction", "default", "supervisory_authority", "email", "url",
             "website", "privacy_policy_url")
HINT = "write what the reader needs to know here, in full"


def test_placeholders_are_found_in_prose_not_in_codes_or_owners_names() -> None:
    data = {
        **{key: "TBD" for key in CODE_KEYS},
        "owner": {"name": "TBD"}, "triage_owner": {"name": "TBD"},
        "contact": {"name": "TBD"},
        "purposes": [{"id": "n/a", "description": "n/a", "fields": ["x", "tbc"]}],
        "obligation": " TODO ",
        "summary": "The purposes listed above, as described before that.",
        "rights": {"how_to_exercise": "Write to the privacy team."},
    }
    found = [(f.message, f.location, f.hint) for f in placeholder(_Texts(data))]
    assert found == [
        ("the text 'TBD' is a placeholder, not content", ("data/x.yaml", "contact", "name"),
         HINT),
        ("the text 'n/a' is a placeholder, not content",
         ("data/x.yaml", "purposes", 0, "description"), HINT),
        ("the text 'x' is a placeholder, not content",
         ("data/x.yaml", "purposes", 0, "fields", 0), HINT),
        ("the text 'tbc' is a placeholder, not content",
         ("data/x.yaml", "purposes", 0, "fields", 1), HINT),
        ("the text 'The purposes listed above, as described ' is a pointer to text "
         "elsewhere, not content", ("data/x.yaml", "summary"), HINT),
    ]


def test_a_text_left_by_the_scaffold_is_not_reported_twice() -> None:
    assert list(placeholder(_Texts({"summary": "TODO", "notes": ["  TODO\n"]}))) == []


def test_a_text_at_the_top_of_a_file_is_checked() -> None:
    found = [(f.message, f.location) for f in placeholder(_Texts("TBD"))]
    assert found == [("the text 'TBD' is a placeholder, not content", ("data/x.yaml",))]


MILESTONES = "programs/milestones.yaml"
CASES = {
    "a placeholder in a program's prose": (
        [(MILESTONES, "legitimate_interest: Helping staff grow in their roles.",
          "legitimate_interest: TBD")],
        "data/programs/milestones.yaml:18:26: error [content.placeholder] "
        "purposes[0].legitimate_interest: the text 'TBD' is a placeholder, not content\n"
        f"    hint: {HINT}\n"),
    "a legitimate interest that repeats its purpose": (
        [(MILESTONES, "legitimate_interest: Helping staff grow in their roles.",
          "legitimate_interest: Planning your development.")],
        "data/programs/milestones.yaml:18:26: error [content.restates-purpose] "
        "purposes[0].legitimate_interest: the legitimate interest of purpose 'development' "
        "only repeats the purpose\n"
        "    hint: say what the processing achieves, for whom, and why it outweighs the "
        "intrusion\n"),
    "an unknown wording id near a known one": (
        [("organisation.yaml", "staff_processing_personal_data: 12",
          "staff_processing_personal_data: 12\nwording:\n"
          "  complaint.tell-us: Tell the privacy team first.")],
        "data/organisation.yaml:20:3: error [wording.unknown-id] wording.complaint.tell-us: "
        "'complaint.tell-us' is not a sentence of the standard wording\n"
        "    hint: did you mean 'complaint.tell-us-first'?\n"),
    "an unknown wording id near none": (
        [("organisation.yaml", "staff_processing_personal_data: 12",
          "staff_processing_personal_data: 12\nwording:\n"
          "  zzz: Tell the privacy team first.")],
        "data/organisation.yaml:20:3: error [wording.unknown-id] wording.zzz: 'zzz' is not a "
        "sentence of the standard wording\n"
        "    hint: use an id the coverage page lists under 'Wording the portal adds'\n"),
    "a heading for a section of a notice without sections": (
        [(MILESTONES, "  changelog:", "  section_titles: {escalation: Escalation}\n"
          "  changelog:")],
        "data/programs/milestones.yaml:34:20: error [notice.section-title-unknown] "
        "notice.section_titles.escalation: a heading for section 'escalation', which this "
        "notice does not have (its sections: none)\n"
        "    hint: use the key of a section under notice.sections, or remove the heading\n"),
    "a heading for a section of a notice with other sections, named in order": (
        [(MILESTONES, "  changelog:", "  sections:\n    training: We plan training with you.\n"
          "    escalation: Ask the people team first.\n"
          "  section_titles: {training: Training, health-info: Health information}\n"
          "  changelog:")],
        "data/programs/milestones.yaml:37:40: error [notice.section-title-unknown] "
        "notice.section_titles.health-info: a heading for section 'health-info', which this "
        "notice does not have (its sections: escalation, training)\n"
        "    hint: use the key of a section under notice.sections, or remove the heading\n"),
    "hard reading in English": (
        [(MILESTONES, "summary: Your manager sees whether you finished your courses.",
          "summary: Organisational developmental considerations necessitate comprehensive "
          "documentation of individualised educational participation characteristics.")],
        "data/programs/milestones.yaml:32:14: warning [notice.readability] "
        "notice.first_layer.summary: the notice text scores 17.1 for reading ease "
        "(threshold 50; 7.2 words per sentence)\n"
        "    hint: use shorter sentences and everyday words; employees read this on a phone\n"),
}
assert CASES


@pytest.mark.parametrize(("edits", "expected"), CASES.values(), ids=CASES)
def test_content_rules(tmp_path: Path, edits: list, expected: str) -> None:
    assert report_after(tmp_path, edits) == expected


READING_HINT = ("    hint: use shorter sentences and everyday words; employees read this on a "
                "phone\n")


def test_the_readability_threshold_is_the_option(tmp_path: Path) -> None:
    assert report_after(tmp_path, [], Options(today=TODAY, readability_threshold=99.5)) == (
        "data/programs/coaching.yaml:44:14: warning [notice.readability] "
        "notice.first_layer.summary: the notice text scores 91.4 for reading ease (threshold "
        "99.5; 6.7 words per sentence)\n" + READING_HINT
        + "data/programs/milestones.yaml:32:14: warning [notice.readability] "
        "notice.first_layer.summary: the notice text scores 66.0 for reading ease (threshold "
        "99.5; 6.9 words per sentence)\n" + READING_HINT)


def test_a_notice_at_the_threshold_reads_plainly_enough(tmp_path: Path) -> None:
    assert report_after(tmp_path, [], Options(today=TODAY, readability_threshold=66.0)) == ""


def german_policy(tmp_path: Path) -> Policy:
    """The rule cases' base with every text of the coaching notice in long administrative
    German (the case notice.readability/fail-german), loaded."""
    case = BASE.parent / "notice.readability" / "fail-german" / "data"
    data = copy_case(BASE, case, tmp_path / "data")
    return pipeline.check(data, Options(today=TODAY), label_base=tmp_path).policy


def german_findings(policy: Policy, threshold: float = 50.0) -> list[tuple[str, str, str]]:
    ctx = Context(policy, Options(today=TODAY, readability_threshold=threshold))
    return [(f.message, str(f.location), f.location.path) for f in readability(ctx)]


GERMAN_SUMMARY = ("the German (de) notice text of 'coaching' scores -36.3 for reading ease by "
                  "Amstad's formula (threshold 50; 17.9 words per sentence)")


def test_a_hard_german_notice_is_reported_at_its_summary(tmp_path: Path) -> None:
    assert german_findings(german_policy(tmp_path)) == [
        (GERMAN_SUMMARY, "data/translations/de/programs.yaml:66:11",
         "coaching.notice.first_layer.summary.text")]


def test_without_a_translated_summary_the_first_text_is_named(tmp_path: Path) -> None:
    policy = german_policy(tmp_path)
    del policy.translations["de"]["programs"].root["coaching"]["notice.first_layer.summary"]
    assert german_findings(policy) == [
        ("the German (de) notice text of 'coaching' scores -23.4 for reading ease by "
         "Amstad's formula (threshold 50; 16.4 words per sentence)",
         "data/translations/de/programs.yaml:6:11", "coaching.title.text")]


def test_without_the_translation_file_the_program_is_named(tmp_path: Path) -> None:
    policy = german_policy(tmp_path)
    del policy.translation_files[("de", "programs")]
    assert german_findings(policy) == [(GERMAN_SUMMARY, "data/programs/coaching.yaml:1:1", "")]


def test_only_translated_programs_in_languages_with_a_formula_other_than_english(
        tmp_path: Path) -> None:
    policy = german_policy(tmp_path)
    texts = policy.translations["de"]["programs"]
    texts.root["no-such-program"] = dict(texts.root["coaching"])
    policy.translations["en"] = policy.translations["de"]
    policy.translations["fr"] = policy.translations["de"]
    assert german_findings(policy) == [
        (GERMAN_SUMMARY, "data/translations/de/programs.yaml:66:11",
         "coaching.notice.first_layer.summary.text")]
    del policy.translations["de"]["programs"]
    assert german_findings(policy) == []


def test_a_german_notice_at_the_threshold_reads_plainly_enough(tmp_path: Path) -> None:
    assert german_findings(german_policy(tmp_path), threshold=-36.3) == []


def test_a_readable_german_notice_does_not_stop_the_next_being_measured(
        tmp_path: Path) -> None:
    policy = german_policy(tmp_path)
    # a program sorted before coaching, with milestones' plain German
    policy.programs["aaa"] = policy.programs["milestones"]
    policy.program_files["aaa"] = policy.program_files["milestones"]
    texts = policy.translations["de"]["programs"]
    texts.root["aaa"] = texts.root["milestones"]
    assert german_findings(policy) == [
        (GERMAN_SUMMARY, "data/translations/de/programs.yaml:66:11",
         "coaching.notice.first_layer.summary.text")]


def test_an_empty_translation_is_reported_at_its_program(tmp_path: Path) -> None:
    policy = german_policy(tmp_path)
    policy.translations["de"]["programs"].root["coaching"] = {}
    assert german_findings(policy, threshold=200.0) == [
        ("the notice text scores 91.4 for reading ease (threshold 200; 6.7 words per "
         "sentence)", "data/programs/coaching.yaml:44:14", "notice.first_layer.summary"),
        ("the notice text scores 66.0 for reading ease (threshold 200; 6.9 words per "
         "sentence)", "data/programs/milestones.yaml:32:14", "notice.first_layer.summary"),
        ("the German (de) notice text of 'coaching' scores 93.0 for reading ease by Amstad's "
         "formula (threshold 200; 6.7 words per sentence)",
         "data/translations/de/programs.yaml:4:3", "coaching..text"),
        ("the German (de) notice text of 'milestones' scores 76.0 for reading ease by "
         "Amstad's formula (threshold 200; 7.8 words per sentence)",
         "data/translations/de/programs.yaml:125:11",
         "milestones.notice.first_layer.summary.text")]


def test_every_text_of_the_data_is_walked_once_in_document_order() -> None:
    """The walk the rules that read every text share: files in name order, each file's
    texts in the order they are written, with their paths; other values left out."""
    data = {"a": ["x", {"b": "y", "n": 3}], "c": "z", "d": None, "e": [[["deep"]]]}
    assert list(strings(data)) == [(("a", 0), "x"), (("a", 1, "b"), "y"), (("c",), "z"),
                                   (("e", 0, 0, 0), "deep")]
    b, a = Document("data/b.yaml", {"k": "two"}), Document("data/a.yaml", ["one"])
    policy = SimpleNamespace(documents={"data/b.yaml": b, "data/a.yaml": a})
    ctx = Context(policy, Options())  # type: ignore[arg-type]
    assert ctx.data_texts == (("data/a.yaml", (0,), "one"), ("data/b.yaml", ("k",), "two"))
    assert ctx.data_texts is ctx.data_texts
    # a document is walked once, whichever check asks (a live preview reuses the documents
    # of unchanged files): a later check's walk is the first one's
    assert a.texts() is a.texts()
    again = Context(policy, Options())  # type: ignore[arg-type]
    assert again.data_texts == ctx.data_texts and again.data_texts[0][1] is ctx.data_texts[0][1]
