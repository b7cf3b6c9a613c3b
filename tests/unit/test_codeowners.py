"""`.github/CODEOWNERS` from the data: written, checked for staleness, and the repository's own
file is current (expected files written out here)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from govportal import pipeline
from govportal.pipeline.settings import Project
from govportal.problems import Problems
from govportal.publish import codeowners
from govportal.rules import registry
from tests.conftest import CASES, ROOT, copy_case

OPTIONS = registry.Options(today=dt.date(2026, 11, 22))
CASE = CASES / "rules" / "governance.approver-handle" / "pass" / "data"

EXPECTED = """\
# Written by `govportal codeowners` from the policy data (governance.approvals in
# organisation.yaml, the roles' and the program owners' `github` handles).
# Do not edit: change the data, then run `govportal codeowners`. The last matching
# pattern wins, so the widest come first.

# Privacy notices: every data file, the lock file and the notice archive. Approved by: HR
/data/              @example-co/people
/notices.lock.json  @example-co/people
/notices-archive/   @example-co/people
/.github/CODEOWNERS @example-co/people

# Sample policy language. Approved by: HR
/data/clauses.yaml @example-co/people

# Retention schedule. Approved by: HR
/data/retention.yaml @example-co/people

# Coaching tips (its data and its notice). Approved by: People team (owner), HR
/data/programs/coaching.yaml @example-co/people
/notices-archive/coaching/   @example-co/people

# Learning milestones in 1:1s (its data and its notice). Approved by: People team (owner), HR
/data/programs/milestones.yaml @example-co/people
/notices-archive/milestones/   @example-co/people
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy_case(CASES / "rules" / "base", CASE, tmp_path / "data")
    return tmp_path


def policy_of(project: Path, data: str = "data"):
    result = pipeline.check(project / data, OPTIONS, label_base=project)
    assert not result.problems.errors, result.problems.format_text()
    return result.policy


def test_the_file_names_each_approver_by_handle(project: Path) -> None:
    assert codeowners.codeowners_text(policy_of(project)) == EXPECTED


def test_approvers_of_their_own_for_clauses_and_retention(project: Path) -> None:
    org = project / "data" / "organisation.yaml"
    org.write_text(org.read_text("utf-8").replace(
        "approvals: {notices: [hr]}", "approvals: {notices: [hr], clauses: [manager]}"), "utf-8")
    roles = project / "data" / "roles.yaml"
    roles.write_text(roles.read_text("utf-8").replace(
        "{id: manager, name: Manager, description: Line manager.}",
        '{id: manager, name: Manager, description: Line manager., github: "@a-manager"}'),
        "utf-8")
    text = codeowners.codeowners_text(policy_of(project))
    assert ("# Sample policy language. Approved by: Manager\n"
            "/data/clauses.yaml @a-manager\n") in text
    assert ("# Retention schedule. Approved by: HR\n"
            "/data/retention.yaml @example-co/people\n") in text


def test_without_approvals_there_is_no_file_and_no_check(tmp_path: Path) -> None:
    copy_case(CASES / "rules" / "base", None, tmp_path / "data")
    policy = policy_of(tmp_path)
    assert codeowners.codeowners_text(policy) is None
    problems = Problems()
    codeowners.check(tmp_path, policy, problems)
    assert len(problems) == 0


def test_a_missing_file_is_reported(project: Path) -> None:
    problems = Problems()
    codeowners.check(project, policy_of(project), problems)
    assert problems.format_text() == (
        ".github/CODEOWNERS: error [governance.codeowners-stale] .github/CODEOWNERS is "
        "missing; the data names who approves changes (governance.approvals), so it must be "
        "there\n    hint: run `govportal codeowners` and commit .github/CODEOWNERS\n"
        "1 error, 0 warnings")


def test_a_stale_file_is_reported_with_the_differences(project: Path) -> None:
    policy = policy_of(project)
    assert codeowners.write(project, policy) is True
    assert codeowners.write(project, policy) is False
    path = project / ".github" / "CODEOWNERS"
    assert path.read_text("utf-8") == EXPECTED
    path.write_text(EXPECTED.replace("/data/retention.yaml @example-co/people",
                                     "/data/retention.yaml @someone-else"), "utf-8")
    problems = Problems()
    codeowners.check(project, policy, problems)
    assert problems.format_text() == (
        ".github/CODEOWNERS:16:1: error [governance.codeowners-stale] .github/CODEOWNERS "
        "differs from what the data says (2 line(s)):\n"
        "--- .github/CODEOWNERS (as committed)\n"
        "+++ .github/CODEOWNERS (from the data)\n"
        "@@ -16 +16 @@\n"
        "-/data/retention.yaml @someone-else\n"
        "+/data/retention.yaml @example-co/people\n"
        "    hint: run `govportal codeowners` and commit .github/CODEOWNERS\n"
        "1 error, 0 warnings")


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govportal.cli", *args], cwd=project,
                          capture_output=True, text=True, timeout=300)


def test_the_commands(project: Path) -> None:
    (project / "mkdocs.yml").write_text("site_name: X\nplugins:\n  - govportal:\n"
                                        "      today: 2026-11-22\n", "utf-8")
    checked = run(project, "check", "--no-lock")
    assert checked.returncode == 1
    assert "error [governance.codeowners-stale] .github/CODEOWNERS is missing" in checked.stdout
    written = run(project, "codeowners")
    assert (written.returncode, written.stdout) == (0, "wrote .github/CODEOWNERS\n")
    assert (project / ".github" / "CODEOWNERS").read_text("utf-8") == EXPECTED
    assert run(project, "codeowners").stdout == ".github/CODEOWNERS is up to date\n"
    assert run(project, "check", "--no-lock").returncode == 0
    # a handle changes in the data: check names the file, the first line that differs
    # (line 7, the first pattern) and says what to run
    roles = project / "data" / "roles.yaml"
    roles.write_text(roles.read_text("utf-8").replace("@example-co/people", "@example-co/hr"),
                     "utf-8")
    stale = run(project, "check", "--no-lock")
    assert stale.returncode == 1
    assert ".github/CODEOWNERS:7:1: error [governance.codeowners-stale]" in stale.stdout
    assert "+/data/              @example-co/hr" in stale.stdout
    assert "hint: run `govportal codeowners`" in stale.stdout


def test_a_handle_is_validated(project: Path) -> None:
    roles = project / "data" / "roles.yaml"
    roles.write_text(roles.read_text("utf-8").replace('"@example-co/people"',
                                                      '"example-co people"'), "utf-8")
    result = pipeline.check(project / "data", OPTIONS, label_base=project)
    (problem,) = result.problems.errors
    assert (problem.rule, problem.location.file, problem.location.line) == (
        "schema.value", "data/roles.yaml", 3)


def test_the_repositorys_own_file_is_current() -> None:
    settings = Project(ROOT)
    problems = Problems()
    codeowners.check(ROOT, policy_of(ROOT), problems, settings.lock_file, settings.archive_dir)
    assert len(problems) == 0, problems.format_text()
