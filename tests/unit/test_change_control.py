"""Notice change control called directly: the notices as built now against the lock file and
the archive (:func:`check_notices`), and ``govportal lock``'s update of them
(:func:`update_lock`).

The texts are short stand-ins for built notices (change control compares fingerprints, not
layouts); each problem's rule, message, position and hint, and each line of the lock's report,
is written out in full. ``tests/unit/test_changes.py`` drives the same code through the
command line on built notices.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from govportal.changes.archive import Archive
from govportal.changes.control import (
    LockReport,
    changelog_entry,
    check_notices,
    notice_texts,
    update_lock,
)
from govportal.changes.facts import Facts, RetentionFact
from govportal.changes.lock import Lock, LockedVersion, Retired
from govportal.data.loader import load_policy
from govportal.data.policy import Policy
from govportal.pages.page import Page
from govportal.problems import Location, Problems
from tests.conftest import CASES, copy_case

TEXT = "# Privacy notice: Learning records\n\nKept for 2 years.\n"
PROGRAM = "data/programs/learning.yaml"
LOCK_HINT = "run `govportal lock`, then commit the lock file and the archive with your change"
RESTORE = "restore the file from git history"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Project:
    """The minimal valid case in a temporary folder, with an empty lock and archive."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = copy_case(CASES / "valid" / "minimal", None, root / "data")
        self.program = self.data / "programs" / "learning.yaml"
        self.lock = Lock(root / "notices.lock.json", "notices.lock.json")
        self.archive = Archive(root / "notices-archive", "notices-archive", root)

    def edit(self, old: str, new: str) -> None:
        text = self.program.read_text(encoding="utf-8")
        assert old in text, old
        self.program.write_text(text.replace(old, new, 1), encoding="utf-8")

    def version(self, version: str, effective: str = "2026-06-01", material: str = "",
                entry: bool = True) -> None:
        self.edit('version: "1.0"\n  effective: 2026-01-15',
                  f'version: "{version}"\n  effective: {effective}')
        if entry:
            self.edit("  changelog:\n", f'  changelog:\n    - {{version: "{version}", date: '
                      f"2026-05-01, summary: Kept longer.{material}}}\n")

    @property
    def policy(self) -> Policy:
        problems = Problems()
        policy = load_policy(self.data, problems)
        assert problems.items == []
        return policy

    def locked(self, text: str = TEXT) -> Policy:
        """Lock the data as it is now, with ``text`` as its notice."""
        policy = self.policy
        update_lock(policy, {"learning": text}, self.lock, self.archive)
        return policy

    def check(self, texts: dict[str, str] | None = None) -> list[tuple[str, str, str, str]]:
        problems = Problems()
        check_notices(self.policy, {"learning": TEXT} if texts is None else texts, self.lock,
                      self.archive, problems)
        return [(p.rule, p.message, str(p.location), p.hint) for p in problems.items]


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


# ---------------------------------------------------------------- update_lock


def test_the_first_lock_records_and_archives_the_current_version(project: Project) -> None:
    report = update_lock(project.policy, {"learning": TEXT.replace("\n", "\r\n")},
                         project.lock, project.archive)
    assert report == LockReport(locked=["learning 1.0"],
                                archived=["notices-archive/learning/1.0.md"])
    assert report.changed is True
    entry = project.lock.notices["learning"]["1.0"]
    assert (entry.sha256, entry.effective) == (sha(TEXT), dt.date(2026, 1, 15))
    assert entry.wording == sha("# Privacy notice: Learning records Kept for 2 years.")
    assert entry.facts.retention == {"learning-records": RetentionFact(
        record="Learning records", period="2 years", days=730)}
    assert (project.root / "notices-archive" / "learning" / "1.0.md").read_bytes() == (
        TEXT.encode())
    assert '"learning": {' in (project.root / "notices.lock.json").read_text(encoding="utf-8")


def test_locking_again_changes_nothing_and_writes_nothing(project: Project) -> None:
    project.locked()
    (project.root / "notices.lock.json").write_text("left alone", encoding="utf-8")
    report = update_lock(project.policy, {"learning": TEXT}, project.lock, project.archive)
    assert report == LockReport() and report.changed is False
    assert (project.root / "notices.lock.json").read_text(encoding="utf-8") == "left alone"


def test_a_missing_lock_file_is_written_even_when_nothing_changed(project: Project) -> None:
    project.locked()
    (project.root / "notices.lock.json").unlink()
    assert update_lock(project.policy, {"learning": TEXT}, project.lock,
                       project.archive) == LockReport()
    assert (project.root / "notices.lock.json").is_file()


def test_a_program_without_a_built_notice_is_not_locked(project: Project) -> None:
    report = update_lock(project.policy, {}, project.lock, project.archive)
    assert report == LockReport()
    assert project.lock.notices == {}
    assert (project.root / "notices.lock.json").is_file()  # an empty lock, to start from


def test_a_locked_version_is_never_rewritten_without_force(project: Project) -> None:
    project.locked()
    report = update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock,
                         project.archive)
    assert report == LockReport(refused=[
        "learning 1.0: already locked with a different text; bump notice.version (or use "
        "--force to rewrite what employees were told)"])
    assert project.lock.notices["learning"]["1.0"].sha256 == sha(TEXT)
    project.edit("effective: 2026-01-15", "effective: 2026-01-20")
    report = update_lock(project.policy, {"learning": TEXT}, project.lock, project.archive)
    assert report.refused == [
        "learning 1.0: already locked with a different effective date; bump notice.version "
        "(or use --force to rewrite what employees were told)"]
    assert (report.locked, report.archived) == ([], [])


def test_force_rewrites_a_locked_version_under_its_locked_name(project: Project) -> None:
    project.version("1")
    project.locked()
    project.edit('version: "1"', 'version: "1.0"')
    report = update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock,
                         project.archive, force=True)
    assert report == LockReport(locked=["learning 1.0"],
                                archived=["notices-archive/learning/1.md"])
    assert list(project.lock.notices["learning"]) == ["1"]
    assert project.lock.notices["learning"]["1"].sha256 == sha(TEXT + "More.\n")


def test_a_version_below_the_published_one_is_refused(project: Project) -> None:
    project.locked()
    project.edit('version: "1.0"', 'version: "0.9"')
    report = update_lock(project.policy, {"learning": TEXT}, project.lock, project.archive)
    assert report == LockReport(refused=[
        "learning 0.9: lower than the published version 1.0; versions only go up"])
    assert list(project.lock.notices["learning"]) == ["1.0"]


def test_a_new_version_is_added_beside_the_old_one(project: Project) -> None:
    project.locked()
    project.version("1.1")
    report = update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock,
                         project.archive)
    assert report == LockReport(locked=["learning 1.1"],
                                archived=["notices-archive/learning/1.1.md"])
    assert project.lock.versions("learning") == ["1.0", "1.1"]


def test_a_lost_archived_text_is_written_again(project: Project) -> None:
    project.locked()
    (project.root / "notices-archive" / "learning" / "1.0.md").write_text("edited\n")
    report = update_lock(project.policy, {"learning": TEXT}, project.lock, project.archive)
    assert report == LockReport(archived=["notices-archive/learning/1.0.md"])
    assert report.changed is True


def test_an_archive_place_that_links_out_is_refused(project: Project, tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (project.root / "notices-archive").mkdir()
    os.symlink(tmp_path / "outside", project.root / "notices-archive" / "learning")
    report = update_lock(project.policy, {"learning": TEXT}, project.lock, project.archive)
    assert report == LockReport(locked=["learning 1.0"], refused=[
        "learning 1.0: notices-archive/learning/1.0.md is a link out of notices-archive/; "
        "replace it with a folder"])
    assert list((tmp_path / "outside").iterdir()) == []


def test_a_retired_program_that_is_back_leaves_retirement(project: Project) -> None:
    project.locked()
    project.lock.retired["learning"] = Retired(date=dt.date(2026, 3, 1), reason="Paused.")
    (project.root / "notices.lock.json").write_text("stale", encoding="utf-8")
    report = update_lock(project.policy, {"learning": TEXT}, project.lock, project.archive)
    assert report == LockReport(retired=["learning"]) and report.changed is True
    assert project.lock.retired == {}
    assert (project.root / "notices.lock.json").read_text(encoding="utf-8") != "stale"


def test_each_program_is_locked_on_its_own(project: Project) -> None:
    alpha = project.program.read_text(encoding="utf-8").replace("id: learning", "id: alpha")
    (project.data / "programs" / "alpha.yaml").write_text(alpha, encoding="utf-8")
    texts = {"alpha": TEXT + "Alpha.\n", "learning": TEXT}
    report = update_lock(project.policy, {"learning": TEXT}, project.lock, project.archive)
    assert report.locked == ["learning 1.0"]  # alpha has no notice built: left out
    report = update_lock(project.policy, texts, project.lock, project.archive)
    assert report.locked == ["alpha 1.0"]
    alpha_file = project.data / "programs" / "alpha.yaml"
    alpha_file.write_text(alpha.replace('version: "1.0"', 'version: "0.9"'), encoding="utf-8")
    project.version("1.1")
    report = update_lock(project.policy, texts, project.lock, project.archive)
    assert (report.locked, report.refused) == (["learning 1.1"], [
        "alpha 0.9: lower than the published version 1.0; versions only go up"])
    alpha_file.write_text(alpha, encoding="utf-8")
    texts["alpha"] = TEXT + "Alpha, changed.\n"
    project.edit('version: "1.1"', 'version: "1.2"')
    project.edit('{version: "1.1"', '{version: "1.2"')
    report = update_lock(project.policy, texts, project.lock, project.archive)
    assert (report.locked, report.refused) == (["learning 1.2"], [
        "alpha 1.0: already locked with a different text; bump notice.version (or use "
        "--force to rewrite what employees were told)"])


def test_a_report_with_only_refusals_changed_nothing() -> None:
    assert LockReport(refused=["x"]).changed is False
    assert LockReport(archived=["x"]).changed is True


# ---------------------------------------------------------------- check_notices


def test_an_unchanged_notice_has_no_problem(project: Project) -> None:
    project.locked()
    assert project.check() == []


def test_nothing_is_checked_against_a_lock_that_could_not_be_read(project: Project) -> None:
    project.lock.valid = False
    assert project.check() == []


def test_a_notice_never_locked(project: Project) -> None:
    assert project.check() == [(
        "notice.not-locked", "notice version 1.0 is not recorded in notices.lock.json",
        f"{PROGRAM}:27:12", LOCK_HINT)]


def test_a_program_without_a_built_notice_is_not_checked(project: Project) -> None:
    assert project.check({}) == []


def test_a_changed_text_needs_a_new_version(project: Project) -> None:
    project.locked()
    assert project.check({"learning": TEXT + "More.\n"}) == [(
        "notice.version-not-bumped",
        "the published text of this notice changed but its version is still 1.0",
        f"{PROGRAM}:27:12", "bump notice.version and add a changelog entry describing the "
        "change; then run `govportal lock`")]


def test_a_locked_version_keeps_its_date(project: Project) -> None:
    project.locked()
    project.edit("effective: 2026-01-15", "effective: 2026-01-20")
    assert project.check() == [(
        "notice.effective-changed", "version 1.0 was locked as taking effect on 2026-01-15; "
        "the data now says 2026-01-20", f"{PROGRAM}:28:14",
        "a published version keeps its date: bump notice.version, or, if this version has "
        "not reached anyone yet, run `govportal lock --force`")]


def test_versions_only_go_up(project: Project) -> None:
    project.locked()
    project.edit('version: "1.0"', 'version: "0.9"')
    assert project.check() == [
        ("notice.version-order", "notice version 0.9 is lower than the version already "
         "published (1.0)", f"{PROGRAM}:27:12", "versions only go up: use a version above 1.0"),
        ("notice.changelog-missing", "version 0.9 has no changelog entry", f"{PROGRAM}:33:5",
         'add an entry: - {version: "0.9", date: YYYY-MM-DD, summary: what changed for '
         "employees}"),
    ]


def test_a_new_version_cannot_take_effect_before_the_one_it_replaces(project: Project) -> None:
    project.locked()
    project.version("1.1", effective="2026-01-10")
    assert project.check({"learning": TEXT + "More.\n"}) == [
        ("notice.not-locked", "notice version 1.1 is not recorded in notices.lock.json",
         f"{PROGRAM}:27:12", LOCK_HINT),
        ("notice.effective-order", "version 1.1 takes effect on 2026-01-10, before version "
         "1.0 (2026-01-15)", f"{PROGRAM}:28:14",
         "a new version takes effect on or after the one it replaces"),
    ]


def test_the_same_day_as_the_version_before_is_allowed(project: Project) -> None:
    project.locked()
    project.version("1.1", effective="2026-01-15")
    update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock, project.archive)
    assert project.check({"learning": TEXT + "More.\n"}) == []


def test_one_changelog_entry_per_version(project: Project) -> None:
    project.edit("  changelog:\n", '  changelog:\n    - {version: "1", date: 2026-01-15, '
                 "summary: Again.}\n")
    project.locked()
    assert project.check() == [(
        "notice.changelog-duplicate", "version 1.0 has a second changelog entry (the first is "
        "entry 1)", f"{PROGRAM}:34:17", "describe each version in one entry")]


def test_every_locked_version_needs_a_changelog_entry_once(project: Project) -> None:
    project.locked()
    project.version("1.1", entry=False)
    update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock, project.archive)
    project.edit('- {version: "1.0", date: 2026-01-15, summary: First notice.}',
                 '- {version: "2.0", date: 2026-01-15, summary: Not yet.}')
    assert project.check({"learning": TEXT + "More.\n"}) == [
        ("notice.changelog-missing", "version 1.0 has no changelog entry", f"{PROGRAM}:33:5",
         'add an entry: - {version: "1.0", date: YYYY-MM-DD, summary: what changed for '
         "employees}"),
        ("notice.changelog-missing", "version 1.1 has no changelog entry", f"{PROGRAM}:33:5",
         'add an entry: - {version: "1.1", date: YYYY-MM-DD, summary: what changed for '
         "employees}"),
    ]


def _longer(project: Project) -> None:
    retention = project.data / "retention.yaml"
    retention.write_text(retention.read_text(encoding="utf-8").replace(
        "period: 2 years", "period: 3 years", 1), encoding="utf-8")


MATERIAL = ("version 1.1 changes the notice materially since version 1.0 (Learning records "
            "kept 3 years instead of 2 years) but its changelog entry is not marked material")
MATERIAL_HINT = ("set `material: true` on the changelog entry for version 1.1, so employees "
                 "are told about the change")


def test_a_material_change_must_be_marked_material(project: Project) -> None:
    project.locked()
    project.version("1.1")
    _longer(project)
    update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock, project.archive)
    assert project.check({"learning": TEXT + "More.\n"}) == [
        ("notice.material-not-marked", MATERIAL, f"{PROGRAM}:33:7", MATERIAL_HINT)]


def test_material_false_is_pointed_at(project: Project) -> None:
    project.locked()
    project.version("1.1", material=", material: false")
    _longer(project)
    update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock, project.archive)
    assert project.check({"learning": TEXT + "More.\n"}) == [
        ("notice.material-not-marked", MATERIAL, f"{PROGRAM}:33:75", MATERIAL_HINT)]


def test_every_material_change_is_listed(project: Project) -> None:
    project.locked()
    project.version("1.1")
    _longer(project)
    project.edit("automated_decisions:", "  - {name: Coaching Co, kind: third_party, "
                 "purpose: Sends tips.}\nautomated_decisions:")
    update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock, project.archive)
    assert [p[1] for p in project.check({"learning": TEXT + "More.\n"})] == [
        "version 1.1 changes the notice materially since version 1.0 (New recipient: "
        "Coaching Co; Learning records kept 3 years instead of 2 years) but its changelog "
        "entry is not marked material"]


def test_a_material_change_marked_material_passes(project: Project) -> None:
    project.locked()
    project.version("1.1", material=", material: true")
    _longer(project)
    update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock, project.archive)
    assert project.check({"learning": TEXT + "More.\n"}) == []


def test_a_change_that_is_not_material_needs_no_mark(project: Project) -> None:
    project.locked()
    project.version("1.1")
    retention = project.data / "retention.yaml"
    retention.write_text(retention.read_text(encoding="utf-8").replace(
        "period: 2 years", "period: 1 year", 1), encoding="utf-8")
    update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock, project.archive)
    assert project.check({"learning": TEXT + "More.\n"}) == []


# ---------------------------------------------------------------- the archive


def _entry(text: str, day: int = 15) -> LockedVersion:
    return LockedVersion(sha256=sha(text), wording=sha(text.strip()),
                         effective=dt.date(2026, 1, day), facts=Facts())


def test_a_locked_program_that_is_gone_must_be_retired(project: Project) -> None:
    project.locked()
    project.lock.notices["ghost"] = {"1.0": _entry("x")}
    project.lock.text = project.lock.dumps()
    problems = project.check()
    assert problems == [(
        "notice.lock-unknown-program", "the lock file records notice 'ghost', but there is no "
        "program 'ghost' and the notice is not marked retired", "notices.lock.json:5:5",
        "restore data/programs/ghost.yaml, or keep its history as a retired notice: "
        "`govportal lock --retire ghost --reason '…'`")]
    project.lock.retired["ghost"] = Retired(date=dt.date(2026, 2, 1), reason="Closed.")
    assert [p[0] for p in project.check()] == ["notice.archive-missing"]


def test_an_archived_text_that_is_missing(project: Project) -> None:
    project.locked()
    (project.root / "notices-archive" / "learning" / "1.0.md").unlink()
    assert project.check() == [(
        "notice.archive-missing", "the published text of notice 'learning' version 1.0 is not "
        "archived", "notices-archive/learning/1.0.md",
        "restore the file from git history; `govportal lock` writes it again only while it "
        "is the current version")]


def test_an_archived_text_that_cannot_be_read(project: Project) -> None:
    project.locked()
    (project.root / "notices-archive" / "learning" / "1.0.md").write_bytes(b"\xff\xfe")
    assert project.check() == [(
        "notice.archive-unreadable", "the archived text is not UTF-8",
        "notices-archive/learning/1.0.md", RESTORE)]


def test_an_archived_text_changed_without_a_correction(project: Project) -> None:
    project.locked()
    (project.root / "notices-archive" / "learning" / "1.0.md").write_text(
        TEXT.replace("2 years", "5 years"), encoding="utf-8")
    assert project.check() == [(
        "notice.archive-mismatch", "the archived text of notice 'learning' version 1.0 "
        "differs from what the lock says was published", "notices-archive/learning/1.0.md",
        "restore the file from git history: archived notices change only by a recorded "
        "correction (`govportal lock --correct`)")]


def test_a_markup_change_alone_is_a_mismatch_too(project: Project) -> None:
    project.locked()
    (project.root / "notices-archive" / "learning" / "1.0.md").write_text(
        TEXT.replace("\n\n", "\n\n\n"), encoding="utf-8")  # same wording, new layout
    assert [p[0] for p in project.check()] == ["notice.archive-mismatch"]
    project.locked()
    entry = project.lock.notices["learning"]["1.0"]
    entry.wording = sha("other words")  # same text, the wording's fingerprint is off
    (project.root / "notices-archive" / "learning" / "1.0.md").write_text(TEXT, "utf-8")
    assert [p[0] for p in project.check()] == ["notice.archive-mismatch"]


UNSAFE = "# Privacy notice: Learning records\n\nKept.\n\n<img src=x onerror=alert(1)>\n"


def _archived_as_locked(project: Project, version: str, text: str) -> None:
    """An earlier version whose archived text matches its lock entry (as an attacker who
    rewrites both could make it)."""
    project.lock.notices.setdefault("learning", {})[version] = _entry(text, day=1)
    if "1.0" in project.lock.notices["learning"]:  # the same facts: no material change
        project.lock.notices["learning"][version].facts = (
            project.lock.notices["learning"]["1.0"].facts)
    project.lock.notices["learning"][version].wording = hashlib.sha256(
        " ".join(text.replace("<img src=x onerror=alert(1)>", " ").split()).encode()
    ).hexdigest()
    project.archive.write("learning", version, text)


def _earlier_entry(project: Project) -> None:
    project.edit("  changelog:\n", '  changelog:\n    - {version: "0.9", date: 2026-01-01, '
                 "summary: Draft.}\n")


def test_archived_markup_the_templates_never_write_is_refused(project: Project) -> None:
    _earlier_entry(project)
    project.locked()
    _archived_as_locked(project, "0.9", UNSAFE)
    assert project.check() == [(
        "notice.archive-unsafe-markup", "the archived text of notice 'learning' version 0.9 "
        "holds the HTML element <img>, which the notice templates never write and is never "
        "published", "notices-archive/learning/0.9.md:5:1", RESTORE)]


def test_unsafe_markup_is_located_at_its_line_and_column(project: Project) -> None:
    _earlier_entry(project)
    project.locked()
    _archived_as_locked(project, "0.9", UNSAFE)
    problems = Problems()
    check_notices(project.policy, {"learning": TEXT}, project.lock, project.archive, problems)
    assert [p.location for p in problems.items] == [
        Location("notices-archive/learning/0.9.md", 5, 1)]


def test_unsafe_markup_made_by_markdown_has_no_line(project: Project) -> None:
    _earlier_entry(project)
    project.locked()
    _archived_as_locked(project, "0.9", "# Privacy notice\n\n![a chart](chart.png)\n")
    problems = Problems()
    check_notices(project.policy, {"learning": TEXT}, project.lock, project.archive, problems)
    assert [(p.rule, p.message, p.location) for p in problems.items] == [(
        "notice.archive-unsafe-markup", "the archived text of notice 'learning' version 0.9 "
        "holds the HTML element <img>, which the notice templates never write and is never "
        "published", Location("notices-archive/learning/0.9.md", 0, 0))]


def test_versions_after_the_current_rendering_are_still_checked(project: Project) -> None:
    project.edit("  changelog:\n", '  changelog:\n    - {version: "1.1", date: 2026-05-01, '
                 "summary: Later.}\n")
    project.locked()  # 1.0, whose text is what the data renders now
    _archived_as_locked(project, "1.1", UNSAFE)
    assert [p[0] for p in project.check()] == ["notice.archive-unsafe-markup",
                                               "notice.version-order"]


def test_an_unknown_program_does_not_stop_the_other_checks(project: Project) -> None:
    project.locked()
    project.lock.notices["alpha"] = {"1.0": _entry("x")}  # sorted before learning
    project.lock.text = project.lock.dumps()
    (project.root / "notices-archive" / "learning" / "1.0.md").unlink()
    assert [p[0] for p in project.check()] == ["notice.lock-unknown-program",
                                               "notice.archive-missing"]


def test_the_current_rendering_is_trusted_as_it_is(project: Project) -> None:
    project.locked(UNSAFE)  # what the portal renders now is not held to the archive's rule
    assert project.check({"learning": UNSAFE}) == []
    assert [p[0] for p in project.check({"learning": TEXT})] == [
        "notice.archive-unsafe-markup", "notice.version-not-bumped"]


def test_an_archived_text_too_costly_to_publish_is_refused(project: Project) -> None:
    _earlier_entry(project)
    project.locked()
    costly = "[" * 20_000
    _archived_as_locked(project, "0.9", costly)
    project.lock.notices["learning"]["0.9"].wording = sha(costly)
    assert project.check() == [(
        "notice.archive-too-complex", "the archived text is too costly to publish: too many "
        "link, image or tag openings close together (20000 '[' and 0 '<' in 20,000 "
        "characters)", "notices-archive/learning/0.9.md", RESTORE)]


# ---------------------------------------------------------------- helpers


def test_the_changelog_entry_of_a_version_is_found_by_value(project: Project) -> None:
    project.edit("  changelog:\n", '  changelog:\n    - {version: "1.1", date: 2026-05-01, '
                 "summary: Second.}\n")
    program = project.policy.programs["learning"]
    found = changelog_entry(program, "1")
    assert found is not None and (found[0], found[1].summary) == (1, "First notice.")
    found = changelog_entry(program, "1.1.0")
    assert found is not None and (found[0], found[1].summary) == (0, "Second.")
    assert changelog_entry(program, "1.2") is None


def test_notice_texts_are_the_notice_pages_of_one_language() -> None:
    pages = [
        Page("notices/a.md", "A", "A\r\ntext", "employees",
             {"govportal": "notice", "program_id": "a"}),
        Page("de/notices/a.md", "A", "A de", "employees",
             {"govportal": "notice", "program_id": "a", "language": "de"}),
        Page("notices/a/changes.md", "A", "changes", "employees",
             {"govportal": "notice-changes", "program_id": "a"}),
        Page("notices/b.md", "B", "no id", "employees", {"govportal": "notice"}),
        Page("notices/c.md", "C", "C text", "employees",
             {"govportal": "notice", "program_id": "c"}),
    ]
    assert notice_texts(pages) == {"a": "A\ntext", "c": "C text"}
    # a page without a language of its own is in the source language, not in the one asked
    assert notice_texts(pages, "de") == {"a": "A de"}
    assert notice_texts(pages, "fr") == {}
