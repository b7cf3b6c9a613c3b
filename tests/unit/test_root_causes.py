"""Root causes, not cascades: how problems that follow from another are hidden and counted.

The corpus in ``tests/cases/typos/`` shows it on real data; these tests hold the rules of
the mechanism itself (``govportal.problems``).
"""

from __future__ import annotations

from govportal.problems import Location, Problems, Severity

ROOT_AT = Location("data/programs/coaching.yaml", 3, 9, "status")
CAUSE = ("program", "coaching")


def follower(problems: Problems, line: int, severity: Severity = Severity.ERROR) -> None:
    problems.add("ids.unknown-reference", "unknown program 'coaching'",
                 Location("data/retention.yaml", line, 16), "", severity, follows=CAUSE)


def test_followers_hide_behind_their_root_which_counts_them() -> None:
    problems = Problems()
    follower(problems, 9)
    problems.add("schema.value", "wrong status", ROOT_AT, causes=[CAUSE])
    follower(problems, 23)
    assert [p.format_text() for p in problems] == [
        "data/programs/coaching.yaml:3:9: error [schema.value] status: wrong status "
        "(hides 2 problems that follow from it)"]
    assert [(p.location.line, root.location.line) for p, root in problems.followers()] == [
        (9, 3), (23, 3)]
    assert problems.summary() == "1 error, 0 warnings"


def test_one_follower_is_counted_in_the_singular() -> None:
    problems = Problems()
    problems.add("schema.value", "wrong status", ROOT_AT, causes=[CAUSE])
    follower(problems, 9)
    assert problems.sorted()[0].message == "wrong status"
    assert problems.sorted()[0].hidden_note == " (hides 1 problem that follows from it)"
    assert problems.sorted()[0].as_dict()["hides"] == 1


def test_a_follower_without_a_listed_root_is_listed() -> None:
    problems = Problems(overrides={"schema.value": Severity.OFF})
    problems.add("schema.value", "wrong status", ROOT_AT, causes=[CAUSE])  # turned off
    follower(problems, 9)
    assert [p.rule for p in problems] == ["ids.unknown-reference"]
    assert problems.followers() == []


def test_an_error_never_hides_behind_a_warning() -> None:
    problems = Problems()
    problems.add("schema.value", "wrong status", ROOT_AT, severity=Severity.WARNING,
                 causes=[CAUSE])
    follower(problems, 9)
    follower(problems, 23, Severity.WARNING)
    assert [(p.severity, p.hides) for p in problems] == [
        (Severity.WARNING, 1), (Severity.ERROR, 0)]
    assert problems.failed()


def test_a_file_that_did_not_load_is_the_root_through_its_first_error() -> None:
    problems = Problems()
    mark = problems.mark()
    problems.add("schema.value", "second", Location(ROOT_AT.file, 30, 1))
    problems.add("schema.value", "first", Location(ROOT_AT.file, 4, 1))
    problems.add_causes(mark, [CAUSE])
    follower(problems, 9)
    assert [(p.message, p.hides) for p in problems] == [("first", 1), ("second", 0)]
