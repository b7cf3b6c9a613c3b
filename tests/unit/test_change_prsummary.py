"""The pull-request summary computed in the test process (``tests/unit/test_prsummary.py``
runs the command line as a separate process): the comparison of two policies, its Markdown,
the escaping of data text, stale translations, and the git side (refs, exports, errors).

Every expected line is written out here.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from govportal.changes import prsummary
from govportal.changes.facts import Facts, FieldFact, RetentionFact
from govportal.changes.prsummary import ProgramChange, SummaryError
from govportal.data.loader import load_policy
from govportal.data.policy import Policy
from govportal.problems import Problems
from tests.conftest import CASES, copy_case
from tests.unit.test_prsummary import EXPECTED, edit, git, repo  # noqa: F401 (a fixture)

MINIMAL = CASES / "valid" / "minimal"
RULES = CASES / "rules"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _policy(data: Path) -> Policy:
    problems = Problems()
    policy = load_policy(data, problems)
    assert problems.items == []
    return policy


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    return (copy_case(MINIMAL, None, tmp_path / "base" / "data"),
            copy_case(MINIMAL, None, tmp_path / "head" / "data"))


def _compare(base: Path, head: Path) -> list[ProgramChange]:
    return prsummary.compare(_policy(base), _policy(head))


# ---------------------------------------------------------------- summarise, in process


def test_summary_between_two_commits(repo: Path) -> None:  # noqa: F811
    base, head = git(repo, "rev-parse", "--short", "HEAD~1"), git(repo, "rev-parse", "--short",
                                                                   "HEAD")
    assert prsummary.summarise(repo / "data", "HEAD~1", "HEAD") == EXPECTED.format(
        base=base, head=head)


def test_the_head_named_by_ci_and_the_working_tree(repo: Path) -> None:  # noqa: F811
    head = git(repo, "rev-parse", "--short", "HEAD")
    text = prsummary.summarise(repo / "data", "HEAD", None, "this *pull* request")
    assert text == (
        "## What employees and managers will see change\n\n"
        f"Comparing the policy data of `HEAD ({head})` with this \\*pull\\* request.\n\n"
        "Nothing that employees or managers read changes.\n")
    text = prsummary.summarise(repo / "data", "HEAD")
    assert text.splitlines()[2] == (f"Comparing the policy data of `HEAD ({head})` with the "
                                    "working tree.")
    text = prsummary.summarise(repo / "data", "HEAD", "HEAD", "PR 7")
    assert text.splitlines()[2] == f"Comparing the policy data of `HEAD ({head})` with PR 7."


def test_a_ref_without_data_and_data_that_does_not_load(repo: Path) -> None:  # noqa: F811
    empty_tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's empty tree
    git(repo, "branch", "empty", git(repo, "commit-tree", empty_tree, "-m", "no data"))
    (repo / "data" / "programs" / "learning.yaml").write_text("id: [broken\n", "utf-8")
    text = prsummary.summarise(repo / "data", "empty")
    sha = git(repo, "rev-parse", "--short", "empty")
    lines = text.splitlines()
    assert lines[:7] == [
        "## What employees and managers will see change", "",
        f"Comparing the policy data of `empty ({sha})` with the working tree.", "",
        f"> **Note:** `empty ({sha})` has no data folder.", "",
        "> **Note:** the data of the working tree has 1 error, 0 warnings; programs that did "
        "not load are left out (run `govportal check`).",
    ]
    assert "### Coaching tips (`coaching`, new program)" in lines


def test_a_ref_that_is_not_a_commit(repo: Path) -> None:  # noqa: F811
    with pytest.raises(SummaryError) as caught:
        prsummary.summarise(repo / "data", "no-such-branch")
    assert str(caught.value) == "'no-such-branch' is not a commit, branch or tag in policy"


def test_a_range_of_commits_is_not_one_commit(repo: Path) -> None:  # noqa: F811
    # `rev-parse --verify` accepts exactly one revision: without it a range would pass the
    # check and fail later with git's own words about an object name.
    with pytest.raises(SummaryError) as caught:
        prsummary.export("HEAD~1..HEAD", repo / "data", repo.parent / "copy")
    assert str(caught.value) == "'HEAD~1..HEAD' is not a commit, branch or tag in policy"


def test_a_data_folder_whose_name_starts_with_a_hyphen_is_exported(tmp_path: Path) -> None:
    # The folder is passed to git after `--`, so its name is never read as an option.
    root = tmp_path / "policy"
    (root / "-data").mkdir(parents=True)
    (root / "-data" / "retention.yaml").write_text("period: 2 years\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "data in a folder named -data")
    out = prsummary.export("main", root / "-data", tmp_path / "copy")
    assert out == tmp_path / "copy" / "-data"
    assert (out / "retention.yaml").read_text(encoding="utf-8") == "period: 2 years\n"


def test_a_summary_names_stale_and_changed_translations(tmp_path: Path) -> None:
    root = tmp_path / "policy"
    data = _translated(root, "data")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Publish coaching in German")
    sha = git(root, "rev-parse", "--short", "main")
    edit(data / "programs" / "coaching.yaml", "Short tips for managers",
         "Short tips, now by e-mail, for managers")
    edit(data / "translations" / "de" / "programs.yaml", '"DE: Coaching tips"',
         '"DE: Coaching-Tipps"')
    assert prsummary.summarise(data, "main") == (
        "## What employees and managers will see change\n\n"
        f"Comparing the policy data of `main ({sha})` with the working tree.\n\n"
        "### Translations now out of date\n\n"
        "These texts changed, but not their translations: the pages in those languages still "
        "say what the text said before (`govportal translations todo LANG` lists them).\n\n"
        "- German (de): programs 'coaching' summary\n\n"
        "### Translations changed\n\n"
        "The words readers of these languages will see change: ask someone who reads the "
        "language to review them.\n\n"
        "- German (de): programs 'coaching' title (changed)\n\n"
        "Nothing that employees or managers read changes.\n")


def test_refs_are_shown_with_their_short_commit(repo: Path) -> None:  # noqa: F811
    sha = git(repo, "rev-parse", "--short", "HEAD")
    assert prsummary.describe("main", repo) == f"main ({sha})"
    assert prsummary.describe(sha, repo) == sha
    assert prsummary.repository_root(repo / "data" / "not" / "there.yaml") == repo
    assert prsummary.repository_root(repo / "data" / "retention.yaml") == repo
    assert prsummary.repository_root(repo) == repo


def test_an_export_is_the_data_folder_as_it_was(repo: Path, tmp_path: Path) -> None:  # noqa: F811
    out = prsummary.export("HEAD~1", repo / "data", tmp_path / "copy")
    assert out == tmp_path / "copy" / "data"
    assert (out / "retention.yaml").read_text(encoding="utf-8").count("period: 2 years") == 1
    assert not (out / "programs" / "coaching.yaml").exists()


def test_a_committed_link_out_of_the_data_is_a_summary_error(repo: Path) -> None:  # noqa: F811
    (repo / "data" / "evil.yaml").symlink_to("/etc/hostname")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a link out")
    with pytest.raises(SummaryError) as caught:
        prsummary.summarise(repo / "data", "HEAD")
    assert str(caught.value) == ("the data folder at 'HEAD' cannot be read safely: "
                                 "'data/evil.yaml' is a link to an absolute path")


def test_a_git_that_does_not_answer_is_stopped_after_two_minutes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A git that never answers, without the two minutes of waiting: it "runs" until the
    # time given to it is up (and for ever when none is given).
    def never_answers(cmd: list[str], **kwargs: object) -> None:
        timeout = kwargs.get("timeout")
        if timeout is None:
            raise AssertionError("git would be waited for for ever")
        raise subprocess.TimeoutExpired(cmd, timeout)  # type: ignore[arg-type]

    monkeypatch.setattr(prsummary.subprocess, "run", never_answers)
    with pytest.raises(SummaryError) as caught:
        prsummary._git(["status"], tmp_path)
    assert str(caught.value) == (
        "git could not be run: Command '['git', 'status']' timed out after 120 seconds")


def test_git_errors_are_summary_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SummaryError) as caught:
        prsummary._git(["rev-parse", "--show-toplevel"], tmp_path)
    assert str(caught.value) == (
        "fatal: not a git repository (or any of the parent directories): .git")
    with pytest.raises(SummaryError) as caught:
        prsummary._git(["log", "--no-such-option"], tmp_path)
    assert str(caught.value).startswith("fatal: ")
    monkeypatch.setenv("PATH", str(tmp_path))  # no git to be found
    with pytest.raises(SummaryError) as caught:
        prsummary._git(["status"], tmp_path)
    assert str(caught.value) == ("git could not be run: [Errno 2] No such file or directory: "
                                 "'git'")


def test_a_failing_git_that_says_nothing_is_named(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    with pytest.raises(SummaryError) as caught:
        prsummary._git(["show", "x"], tmp_path)
    assert str(caught.value) == "git show failed"
    fake.write_text("#!/bin/sh\nprintf 'fatal: bad \\377 name\\n' >&2\nexit 3\n",
                    encoding="utf-8")
    with pytest.raises(SummaryError) as caught:
        prsummary._git(["show", "x"], tmp_path)
    assert str(caught.value) == "fatal: bad \ufffd name"  # not UTF-8: replaced, no traceback


# ---------------------------------------------------------------- compare


def test_the_same_data_changes_nothing(pair: tuple[Path, Path]) -> None:
    assert _compare(*pair) == []


def test_a_removed_program_stays_readable(pair: tuple[Path, Path]) -> None:
    base, head = pair
    (head / "programs" / "learning.yaml").unlink()
    assert _compare(base, head) == [ProgramChange(
        "learning", "Learning records", "removed",
        notice=["The program is removed: its notice stays readable in the published history"])]


def test_a_removed_program_does_not_hide_the_others(pair: tuple[Path, Path]) -> None:
    base, head = pair
    alpha = (base / "programs" / "learning.yaml").read_text(encoding="utf-8")
    (base / "programs" / "alpha.yaml").write_text(alpha.replace("id: learning", "id: alpha"),
                                                  encoding="utf-8")
    edit(head / "programs" / "learning.yaml", "effective: 2026-01-15", "effective: 2026-02-03")
    assert [(c.pid, c.state) for c in _compare(base, head)] == [("alpha", "removed"),
                                                                ("learning", "changed")]


def test_a_new_program_is_described_in_full(pair: tuple[Path, Path]) -> None:
    base, head = pair
    (base / "programs" / "learning.yaml").unlink()
    (change,) = _compare(base, head)
    assert change == ProgramChange(
        "learning", "Learning records", "added",
        notice=["Notice version 1.0, in effect from 15 January 2026"],
        employees=["Purposes: Planning your development with your manager.",
                   "Recipients: Example LMS Ltd", "Information used: Name, Course status",
                   "Learning records kept 2 years"],
        managers=["Managers may use: Name", "Managers may use: Course status",
                  "Managers may use: What the person chooses to tell you",
                  "Managers must never use: Anything not in your manager view"])


def test_the_first_notice_in_short() -> None:
    facts = Facts(
        purposes={"a": "Planning.", "b": "Paying."}, recipients=["Payroll Ltd", "Bank AG"],
        transfers={"t1": "United States", "t2": "Canada", "t3": "United States"},
        fields={"n": FieldFact(label="Name", category="identifier"),
                "s": FieldFact(label="Salary", category="financial")},
        retention={"r": RetentionFact(record="Payslips", period="6 years", days=2190),
                   "q": RetentionFact(record="Notes", period="1 year", days=365)})
    assert prsummary._first_notice(facts) == [
        "Purposes: Planning.; Paying.", "Recipients: Payroll Ltd, Bank AG",
        "Information used: Name, Salary", "Transfers to: Canada, United States",
        "Payslips kept 6 years", "Notes kept 1 year"]
    assert prsummary._first_notice(Facts()) == ["Purposes: ", "Information used: "]


def test_a_new_date_for_the_same_version(pair: tuple[Path, Path]) -> None:
    base, head = pair
    edit(head / "programs" / "learning.yaml", "effective: 2026-01-15", "effective: 2026-02-03")
    assert _compare(base, head) == [ProgramChange(
        "learning", "Learning records", "changed",
        notice=["Notice effective date 15 January 2026 → 3 February 2026 (version 1.0 "
                "unchanged)"])]


def test_a_version_written_another_way_is_the_same_version(pair: tuple[Path, Path]) -> None:
    base, head = pair
    edit(head / "programs" / "learning.yaml", 'version: "1.0"', 'version: "1"')
    edit(head / "programs" / "learning.yaml", '{version: "1.0"', '{version: "1"')
    assert _compare(base, head) == []


def _bump(head: Path, flag: str = "", summary: str = "Kept *longer*.") -> None:
    program = head / "programs" / "learning.yaml"
    edit(program, 'version: "1.0"\n  effective: 2026-01-15',
         'version: "1.1"\n  effective: 2026-11-01')
    edit(program, "  changelog:\n", f'  changelog:\n    - {{version: "1.1", date: 2026-10-01, '
         f"summary: {summary}{flag}}}\n")


def _longer(data: Path) -> None:
    edit(data / "retention.yaml", "period: 2 years", "period: 3 years")


def test_a_material_change_marked_material(pair: tuple[Path, Path]) -> None:
    base, head = pair
    _bump(head, ", material: true")
    _longer(head)
    assert _compare(base, head) == [ProgramChange(
        "learning", "Learning records", "changed",
        notice=["Notice version 1.0 → 1.1, in effect from 1 November 2026 (marked material): "
                "Kept longer."],
        employees=["Learning records kept 3 years instead of 2 years (material)"])]


def test_a_material_change_not_marked_is_warned_about(pair: tuple[Path, Path]) -> None:
    base, head = pair
    _bump(head)
    _longer(head)
    (change,) = _compare(base, head)
    assert change.notice == ["Notice version 1.0 → 1.1, in effect from 1 November 2026: Kept "
                             "longer."]
    assert change.warnings == ["A material change, but the changelog entry for 1.1 is not "
                               "marked `material: true`"]


def test_a_change_that_is_not_material_needs_no_mark(pair: tuple[Path, Path]) -> None:
    base, head = pair
    _bump(head)
    edit(head / "retention.yaml", "period: 2 years", "period: 1 year")
    (change,) = _compare(base, head)
    assert change.warnings == []
    assert change.employees == ["Learning records kept 1 year instead of 2 years"]


def test_a_new_version_without_its_changelog_entry(pair: tuple[Path, Path]) -> None:
    base, head = pair
    edit(head / "programs" / "learning.yaml", 'version: "1.0"', 'version: "1.2"')
    _longer(head)
    (change,) = _compare(base, head)
    assert change.notice == ["Notice version 1.0 → 1.2, in effect from 15 January 2026"]
    assert change.warnings == ["A material change, but the changelog entry for 1.2 is not "
                               "marked `material: true`"]


def test_a_changed_notice_under_the_same_version_is_warned_about(
        pair: tuple[Path, Path]) -> None:
    base, head = pair
    edit(head / "retention.yaml", "period: 2 years", "period: 1 year")
    assert _compare(base, head) == [ProgramChange(
        "learning", "Learning records", "changed",
        employees=["Learning records kept 1 year instead of 2 years"],
        warnings=["The notice changes but its version stays 1.0: bump it and add a changelog "
                  "entry"])]


def test_the_managers_guide_changes_in_words(pair: tuple[Path, Path]) -> None:
    base, head = pair
    program = head / "programs" / "learning.yaml"
    edit(program, "fields: {may_use: [full-name, course-status]}",
         "fields: {may_use: [full-name], needs_signoff: [course-status]}")
    edit(program, "may_use: [What the person chooses to tell you]",
         "may_use: [What the person says]")
    edit(program, "never_use: [Anything not in your manager view]",
         "never_use: [Anything else]")
    (change,) = _compare(base, head)
    assert change.managers == [
        "Managers may now use: What the person says",
        "Managers may no longer use: Course status",
        "Managers may no longer use: What the person chooses to tell you",
        "Now needs HR sign-off: Course status",
        "Managers must now never use: Anything else",
        "No longer on the never-use list: Anything not in your manager view",
    ]
    back = prsummary.compare(_policy(head), _policy(base))[0].managers
    assert "No longer needs HR sign-off: Course status" in back


def test_a_new_program_needing_sign_off(pair: tuple[Path, Path]) -> None:
    base, head = pair
    (base / "programs" / "learning.yaml").unlink()
    edit(head / "programs" / "learning.yaml",
         "fields: {may_use: [full-name, course-status]}",
         "fields: {may_use: [full-name], needs_signoff: [course-status]}")
    (change,) = _compare(base, head)
    assert "Needs HR sign-off: Course status" in change.managers


def test_a_change_is_empty_only_without_any_line() -> None:
    assert ProgramChange("p", "P", "changed").empty is True
    for name in ("notice", "employees", "managers", "warnings"):
        assert ProgramChange("p", "P", "changed", **{name: ["x"]}).empty is False


# ---------------------------------------------------------------- Markdown


def test_data_text_is_made_inert_in_a_comment() -> None:
    assert prsummary._escape("a\\b <img> [x](y) `c` *d* _e_ |f| #1 @all\nnext") == (
        "a\\\\b \\<img\\> \\[x\\](y) \\`c\\` \\*d\\* \\_e\\_ \\|f\\| \\#1 \\@all next")
    assert prsummary._escape("Box X, PO 1") == "Box X, PO 1"  # letters stay as they are


def test_the_markdown_of_every_kind_of_change() -> None:
    changes = [
        ProgramChange("new", "New <b>one</b>", "added", notice=["Notice version 1.0"],
                      employees=["Purposes: x"]),
        ProgramChange("old", "Old", "removed", notice=["The program is removed"]),
        ProgramChange("same", "Same", "changed", warnings=["Bump it"],
                      managers=["Managers may now use: Name"]),
        ProgramChange("quiet", "Quiet", "changed", employees=["New recipient: Shop X"]),
    ]
    assert prsummary.to_markdown(changes, "`main`", "this pull request",
                                 ["first note", "second note"]) == (
        "## What employees and managers will see change\n\n"
        "Comparing the policy data of `main` with this pull request.\n\n"
        "> **Note:** first note\n\n"
        "> **Note:** second note\n\n"
        "### New \\<b\\>one\\</b\\> (`new`, new program)\n\n"
        "- Notice version 1.0\n\n"
        "**Employees will read**\n\n"
        "- Purposes: x\n\n"
        "### Old (`old`, removed)\n\n"
        "- The program is removed\n\n"
        "### Same (`same`, changed)\n\n"
        "- :warning: Bump it\n\n"
        "**Managers will read**\n\n"
        "- Managers may now use: Name\n\n"
        "### Quiet (`quiet`, changed)\n\n"
        "**Employees will read**\n\n"
        "- New recipient: Shop X\n")
    spaced = [ProgramChange("p", "P", "changed", employees=["Kept 2 years "])]
    assert prsummary.to_markdown(spaced, "`a`", "`b`", []).endswith("- Kept 2 years \n")


def test_stale_translations_are_listed_escaped() -> None:
    assert prsummary.to_markdown([], "`a`", "`b`", [], ["German (de): programs 'x' *title*"]) == (
        "## What employees and managers will see change\n\n"
        "Comparing the policy data of `a` with `b`.\n\n"
        "### Translations now out of date\n\n"
        "These texts changed, but not their translations: the pages in those languages still "
        "say what the text said before (`govportal translations todo LANG` lists them).\n\n"
        "- German (de): programs 'x' \\*title\\*\n\n"
        "Nothing that employees or managers read changes.\n")
    assert prsummary.to_markdown([], "`a`", "`b`", [], []) == (
        "## What employees and managers will see change\n\n"
        "Comparing the policy data of `a` with `b`.\n\n"
        "Nothing that employees or managers read changes.\n")


def test_dates_are_written_day_month_year() -> None:
    import datetime as dt

    assert prsummary._date(dt.date(2026, 3, 5)) == "5 March 2026"


# ---------------------------------------------------------------- stale translations


def _translated(tmp_path: Path, name: str) -> Path:
    return copy_case(RULES / "base", RULES / "i18n.missing" / "pass" / "data", tmp_path / name)


def _retitle(data: Path, old: str, new: str) -> None:
    edit(data / "programs" / "coaching.yaml", old, new)


def test_a_translation_made_from_the_old_source_becomes_stale(tmp_path: Path) -> None:
    base, head = _translated(tmp_path, "a"), _translated(tmp_path, "b")
    summary = _policy(base).programs["coaching"].summary
    _retitle(head, summary[:30], "Short tips, now by e-mail. " + summary[:30])
    assert prsummary.became_stale(_policy(base), _policy(head)) == [
        "German (de): programs 'coaching' summary"]
    assert prsummary.became_stale(_policy(base), _policy(base)) == []


def test_a_translation_already_stale_before_is_not_news(tmp_path: Path) -> None:
    base, head = _translated(tmp_path, "a"), _translated(tmp_path, "b")
    summary = _policy(base).programs["coaching"].summary
    _retitle(base, summary[:30], "An older wording. " + summary[:30])
    _retitle(head, summary[:30], "A newer wording. " + summary[:30])
    assert prsummary.became_stale(_policy(base), _policy(head)) == []


def test_a_source_text_that_is_gone_is_not_stale(tmp_path: Path) -> None:
    base, head = _translated(tmp_path, "a"), _translated(tmp_path, "b")
    (head / "programs" / "coaching.yaml").unlink()
    assert prsummary.became_stale(_policy(base), _policy(head)) == []
