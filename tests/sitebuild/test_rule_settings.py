"""Rule settings end to end: severities from mkdocs.yml, and the build's notion of today.

Real ``mkdocs build --strict`` runs of the governance rules' base case in a temporary folder,
and ``govportal check`` runs, to show that the settings reach the rules the way a policy
owner sets them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govportal import cli
from tests.conftest import CASES, copy_case, make_site, mkdocs_build

RULES = CASES / "rules"
UNANSWERED = RULES / "launch.unanswered" / "fail" / "data"
LINE = ("data/programs/milestones.yaml:42:1: {level} [launch.unanswered] launch_readiness: the "
        "live program 'milestones' has not answered the mandatory pre-launch item 'mdm'")


def epoch(day: dt.date) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()))


def project_with(tmp_path: Path, overlay: Path | None, settings: str = "") -> Path:
    data = copy_case(RULES / "base", overlay, tmp_path / "data")
    project = make_site(tmp_path, data)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "      evidence_max_age_days: 365\n"
    assert anchor in text
    config.write_text(text.replace(anchor, anchor + settings, 1), encoding="utf-8")
    return project


TODAY = "      today: '2026-11-22'\n"


def test_an_error_rule_fails_the_build(tmp_path: Path) -> None:
    result = mkdocs_build(project_with(tmp_path, UNANSWERED, TODAY))
    assert result.returncode == 1
    assert LINE.format(level="error") in result.stderr
    assert "Traceback" not in result.stderr


def test_severity_warning_from_mkdocs_yml_reports_it_as_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    settings = TODAY + "      severities:\n        launch.unanswered: warning\n"
    project = project_with(tmp_path, UNANSWERED, settings)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "error [launch.unanswered]" not in result.stderr
    monkeypatch.chdir(project)
    assert cli.main(["check", "--no-lock"]) == 0
    assert capsys.readouterr().out == LINE.format(level="warning") + (
        "\n    hint: add `- {item: mdm, answer: met, evidence: …}` to launch_readiness\n"
        "0 errors, 1 warning\n")
    assert cli.main(["check", "--no-lock", "--strict"]) == 1


def test_severity_off_from_mkdocs_yml_silences_the_rule_and_the_page_says_so(
        tmp_path: Path) -> None:
    settings = TODAY + "      severities:\n        launch.unanswered: \"off\"\n"
    project = project_with(tmp_path, UNANSWERED, settings)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "launch.unanswered" not in result.stderr
    html = (project / "site" / "registers" / "rules" / "index.html").read_text(encoding="utf-8")
    assert "(in this portal: <strong>off</strong>)" in html
    checklist = (project / "site" / "checklists" / "pre-launch-review" / "index.html")
    assert "<strong>unanswered</strong>" in checklist.read_text(encoding="utf-8")


def test_source_date_epoch_sets_today_for_the_build(tmp_path: Path) -> None:
    project = project_with(tmp_path, None)
    later = mkdocs_build(project, env={"SOURCE_DATE_EPOCH": epoch(dt.date(2027, 7, 1))})
    assert later.returncode == 1
    assert ("data/clauses.yaml:9:18: error [review.overdue] clauses[0].next_review: the review "
            "of clause 'retention-clause' was due on 2027-06-01 (30 days ago)") in later.stderr
    now = mkdocs_build(project, env={"SOURCE_DATE_EPOCH": epoch(dt.date(2026, 11, 22))})
    assert now.returncode == 0, now.stderr


@pytest.fixture
def checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    data = copy_case(RULES / "base", None, tmp_path / "data")
    monkeypatch.chdir(tmp_path)

    def run(*args: str, source_date: dt.date | None = None) -> tuple[int, str]:
        if source_date is None:
            monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        else:
            monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(source_date))
        code = cli.main(["check", "--data", str(data), "--no-lock", *args])
        return code, capsys.readouterr().out

    return run


def test_source_date_epoch_changes_the_outcome_of_check(checked) -> None:
    code, out = checked(source_date=dt.date(2026, 11, 22))
    assert (code, out) == (0, "no problems found: 0 errors, 0 warnings\n")
    code, out = checked(source_date=dt.date(2027, 5, 20))
    assert code == 0
    assert ("data/programs/coaching.yaml:6:14: warning [review.due-soon] next_review: the "
            "review of program 'coaching' is due on 2027-06-01 (in 12 days)") in out
    code, out = checked(source_date=dt.date(2027, 7, 1))
    assert code == 1
    assert ("data/programs/coaching.yaml:6:14: error [review.overdue] next_review: the review "
            "of program 'coaching' was due on 2027-06-01 (30 days ago)") in out


def test_the_today_option_wins_over_source_date_epoch(checked) -> None:
    code, out = checked("--today", "2026-11-22", source_date=dt.date(2027, 7, 1))
    assert (code, out) == (0, "no problems found: 0 errors, 0 warnings\n")


def test_a_severity_for_an_unknown_rule_id_is_refused_by_build_and_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    settings = TODAY + "      severities:\n        vendors.processing-agreement: warning\n"
    project = project_with(tmp_path, None, settings)
    message = "severities names unknown rule ids: vendors.processing-agreement"
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    monkeypatch.chdir(project)
    assert cli.main(["check", "--no-lock"]) == cli.EXIT_USAGE
    assert message in capsys.readouterr().err
