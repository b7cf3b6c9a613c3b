"""The material facts of a notice and the differences between two versions, in words.

Every expected kind, change, sentence and materiality is written out here, so a wrong word or
a wrong "material" flag in ``changes/facts.py`` fails a test.
"""

from __future__ import annotations

from pathlib import Path

from govportal.changes.facts import (
    Difference,
    Facts,
    FieldFact,
    RetentionFact,
    differences,
    facts_of,
)
from govportal.data.loader import load_policy
from govportal.problems import Problems
from tests.conftest import CASES


def _facts_of(case: str, program: str) -> Facts:
    problems = Problems()
    policy = load_policy(CASES / "valid" / case, problems, label_base=Path(CASES))
    assert problems.items == []
    return facts_of(policy, policy.programs[program])


def test_the_facts_of_a_notice_are_read_from_the_data() -> None:
    facts = _facts_of("complete", "learning")
    assert facts.purposes == {
        "development": "Planning your development with your manager.",
        "reminders": "Sending optional course reminders.",
        "adjustments": "Following up training that is part of a workplace adjustment.",
        "safety-clearance": "Checking that people on safety-critical courses have the "
                            "clearance the law asks for.",
    }
    assert facts.recipients == ["Example LMS Ltd", "Partner Academy e.V."]
    assert facts.transfers == {"lms-us": "United States", "lms-uk-us": "United States"}
    assert facts.fields == {
        "full-name": FieldFact(label="Name", category="identifier"),
        "course-status": FieldFact(label="Course status", category="learning_record"),
        "health-course": FieldFact(label="Health and safety course completion",
                                   category="special_category"),
        "conduct-check": FieldFact(label="Conduct check result", category="criminal_offence"),
    }
    assert facts.retention == {"learning-records": RetentionFact(
        record="Learning records",
        period="until two years have passed since the certificate expired", days=None)}
    assert facts.categories == {"identifier", "learning_record", "special_category",
                                "criminal_offence"}


def test_a_fixed_retention_period_keeps_its_days() -> None:
    facts = _facts_of("minimal", "learning")
    assert facts.retention == {"learning-records": RetentionFact(
        record="Learning records", period="2 years", days=730)}
    assert facts.transfers == {}
    assert facts.recipients == ["Example LMS Ltd"]


OLD = Facts(
    purposes={"development": "Planning your development.", "audits": "Checking disputes."},
    recipients=["Example LMS Ltd", "Old Archive Ltd"],
    transfers={"us-hosting": "United States"},
    fields={"name": FieldFact(label="Name", category="identifier"),
            "score": FieldFact(label="Quiz score", category="assessment"),
            "badge": FieldFact(label="Badge", category="retired_kind")},
    retention={"logs": RetentionFact(record="Engagement logs", period="90 days", days=90),
               "scores": RetentionFact(record="Quiz scores", period="1 year", days=365),
               "certs": RetentionFact(record="Certificates", period="2 years", days=730),
               "old": RetentionFact(record="Old exports", period="30 days", days=30),
               "same": RetentionFact(record="Badges", period="6 months", days=180)},
)
NEW = Facts(
    purposes={"development": "Planning your development.", "coaching": "Sending tips."},
    recipients=["Example LMS Ltd", "Tips Inc"],
    transfers={"uk-hosting": "United Kingdom"},
    fields={"name": FieldFact(label="Name", category="identifier"),
            "taps": FieldFact(label="Tips opened", category="behavioural_metadata"),
            "nick": FieldFact(label="Nickname", category="identifier")},
    retention={"logs": RetentionFact(record="Engagement logs", period="180 days", days=180),
               "scores": RetentionFact(record="Quiz scores", period="6 months", days=180),
               "certs": RetentionFact(record="Certificates",
                                      period="until the certificate expires", days=None),
               "fresh": RetentionFact(record="Tip ratings", period="1 month", days=30),
               "same": RetentionFact(record="Badges", period="6 months", days=180)},
)


def test_every_kind_of_difference_in_plain_words() -> None:
    assert differences(OLD, NEW) == [
        Difference("purpose", "added", "New purpose: Sending tips.", True),
        Difference("purpose", "removed", "No longer used for: Checking disputes.", False),
        Difference("recipient", "added", "New recipient: Tips Inc", True),
        Difference("recipient", "removed", "No longer shared with: Old Archive Ltd", False),
        Difference("transfer", "added", "New transfer to United Kingdom", True),
        Difference("transfer", "removed", "No longer transferred to United States", False),
        Difference("category", "added",
                   "New kind of information: Usage and engagement information", True),
        Difference("category", "removed", "No longer uses: Assessment results", False),
        Difference("category", "removed", "No longer uses: retired kind", False),
        Difference("field", "added", "Also uses: Nickname", False),
        Difference("field", "added", "Also uses: Tips opened", False),
        Difference("field", "removed", "No longer uses: Badge", False),
        Difference("field", "removed", "No longer uses: Quiz score", False),
        Difference("retention", "changed",
                   "Certificates kept until the certificate expires instead of 2 years", True),
        Difference("retention", "longer",
                   "Engagement logs kept 180 days instead of 90 days", True),
        Difference("retention", "shorter", "Quiz scores kept 6 months instead of 1 year",
                   False),
        Difference("retention", "added", "Tip ratings kept 1 month", False),
        Difference("retention", "removed", "Old exports no longer kept", False),
    ]


def test_a_period_changed_between_criteria_is_material() -> None:
    old = Facts(retention={"certs": RetentionFact(
        record="Certificates", period="until the certificate expires", days=None)})
    new = Facts(retention={"certs": RetentionFact(
        record="Certificates", period="until the course is retired", days=None)})
    assert differences(old, new) == [Difference(
        "retention", "changed",
        "Certificates kept until the course is retired instead of until the certificate "
        "expires", True)]
    same = Facts(retention={"certs": RetentionFact(
        record="Certificates", period="until the certificate expires", days=None)})
    assert differences(old, same) == []


def test_from_criteria_to_a_fixed_period_is_a_change_not_a_comparison() -> None:
    old = Facts(retention={"certs": RetentionFact(
        record="Certificates", period="until the certificate expires", days=None)})
    new = Facts(retention={"certs": RetentionFact(record="Certificates", period="2 years",
                                                  days=730)})
    assert differences(old, new) == [Difference(
        "retention", "changed", "Certificates kept 2 years instead of until the certificate "
        "expires", True)]


def test_the_same_facts_differ_in_nothing() -> None:
    assert differences(OLD, OLD) == []
    assert differences(Facts(), Facts()) == []


def test_each_name_is_asked_for_by_its_kind_and_key() -> None:
    """In another language a sentence's names come from ``names(kind, key, as recorded)``;
    this one writes back what it was asked, so every sentence shows its question."""
    def asked(kind: str, key: str, recorded: str) -> str:
        return f"<{kind} {key}: {recorded}>"

    def words(frame: str) -> str:
        return frame  # the sentences as written, untranslated

    assert [d.text for d in differences(OLD, NEW, words, asked)] == [
        "New purpose: <purpose coaching: Sending tips.>",
        "No longer used for: <purpose audits: Checking disputes.>",
        "New recipient: <recipient Tips Inc: Tips Inc>",
        "No longer shared with: <recipient Old Archive Ltd: Old Archive Ltd>",
        "New transfer to <transfer uk-hosting: United Kingdom>",
        "No longer transferred to <transfer us-hosting: United States>",
        "New kind of information: Usage and engagement information",
        "No longer uses: Assessment results",
        "No longer uses: retired kind",
        "Also uses: <field nick: Nickname>",
        "Also uses: <field taps: Tips opened>",
        "No longer uses: <field badge: Badge>",
        "No longer uses: <field score: Quiz score>",
        "<retention certs: Certificates> kept <period certs: until the certificate expires> "
        "instead of <period certs: 2 years>",
        "<retention logs: Engagement logs> kept <period logs: 180 days> instead of "
        "<period logs: 90 days>",
        "<retention scores: Quiz scores> kept <period scores: 6 months> instead of "
        "<period scores: 1 year>",
        "<retention fresh: Tip ratings> kept <period fresh: 1 month>",
        "<retention old: Old exports> no longer kept",
    ]
