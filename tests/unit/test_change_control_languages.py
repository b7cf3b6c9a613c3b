"""Notice change control in another language, called directly: ``update_lock`` records each
notice's text in German beside the default language's version (never for a version refused
there, never rewriting one without ``force``, each program on its own), and
``check_notices`` says when a German text is not recorded.

Each problem and each line of the lock's report is written out in full.
``tests/unit/test_translation_lock.py`` drives the same code through the command line on
the sample notices.
"""

from __future__ import annotations

import os
from pathlib import Path

from govportal.changes.control import LockReport, check_notices, update_lock
from govportal.problems import Problems
from tests.unit.test_change_control import LOCK_HINT, PROGRAM, TEXT, Project, sha
from tests.unit.test_change_control import project as project  # noqa: F401 (a fixture)

GERMAN = "# Datenschutzhinweis: Lernnachweise\n\nZwei Jahre aufbewahrt.\n"
OTHER_GERMAN = "# Datenschutzhinweis: Lernnachweise\n\nDrei Jahre aufbewahrt.\n"
NO_REWRITE = ("already locked with a different text; bump notice.version (or use --force to "
              "rewrite what employees were told)")


def _alpha(project: Project) -> None:
    """A second program, ``alpha``, sorted before ``learning``."""
    alpha = project.program.read_text(encoding="utf-8").replace("id: learning", "id: alpha")
    (project.data / "programs" / "alpha.yaml").write_text(alpha, encoding="utf-8")


def test_a_german_text_is_locked_and_archived_beside_its_version(project: Project) -> None:
    report = update_lock(project.policy, {"learning": TEXT}, project.lock, project.archive,
                         translated={"de": {"learning": GERMAN}})
    assert report == LockReport(
        locked=["learning 1.0", "learning 1.0 (de)"],
        archived=["notices-archive/learning/1.0.md", "notices-archive/learning/1.0.de.md"])
    german = project.lock.notices["learning"]["1.0"].translations["de"]
    assert german.sha256 == sha(GERMAN)
    assert (project.root / "notices-archive" / "learning" / "1.0.de.md").read_text(
        encoding="utf-8") == GERMAN


def test_a_version_refused_as_lower_locks_none_of_its_translations(project: Project) -> None:
    project.locked()  # 1.0, without German
    project.version("1.1")
    project.locked(TEXT + "More.\n")
    project.edit('version: "1.1"', 'version: "1.0"')
    report = update_lock(project.policy, {"learning": TEXT}, project.lock, project.archive,
                         translated={"de": {"learning": GERMAN}})
    assert report == LockReport(refused=[
        "learning 1.0: lower than the published version 1.1; versions only go up"])
    assert project.lock.notices["learning"]["1.0"].translations == {}
    assert not (project.root / "notices-archive" / "learning" / "1.0.de.md").exists()


def test_a_version_refused_for_its_changed_text_locks_none_of_its_translations(
        project: Project) -> None:
    project.locked()  # 1.0, without German
    report = update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock,
                         project.archive, translated={"de": {"learning": GERMAN}})
    assert report == LockReport(refused=[f"learning 1.0: {NO_REWRITE}"])
    assert project.lock.notices["learning"]["1.0"].translations == {}
    assert not (project.root / "notices-archive" / "learning" / "1.0.de.md").exists()


def test_force_rewrites_the_default_text_and_keeps_the_translations(project: Project) -> None:
    update_lock(project.policy, {"learning": TEXT}, project.lock, project.archive,
                translated={"de": {"learning": GERMAN}})
    report = update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock,
                         project.archive, force=True)
    assert report == LockReport(locked=["learning 1.0"],
                                archived=["notices-archive/learning/1.0.md"])
    entry = project.lock.notices["learning"]["1.0"]
    assert entry.sha256 == sha(TEXT + "More.\n")
    assert list(entry.translations) == ["de"]
    assert entry.translations["de"].sha256 == sha(GERMAN)
    # the German text, given again unchanged, is neither locked nor archived again
    report = update_lock(project.policy, {"learning": TEXT + "More.\n"}, project.lock,
                         project.archive, translated={"de": {"learning": GERMAN}})
    assert report == LockReport()


def test_translations_of_programs_unknown_or_not_locked_are_passed_over(
        project: Project) -> None:
    _alpha(project)  # a program whose default notice was not built: its version is unlocked
    translated = {"de": {"aaa": GERMAN, "alpha": GERMAN, "learning": GERMAN}}
    report = update_lock(project.policy, {"learning": TEXT}, project.lock, project.archive,
                         translated=translated)
    assert report == LockReport(
        locked=["learning 1.0", "learning 1.0 (de)"],
        archived=["notices-archive/learning/1.0.md", "notices-archive/learning/1.0.de.md"])
    assert sorted(project.lock.notices) == ["learning"]


def test_a_refused_translation_does_not_stop_the_next_programs(project: Project) -> None:
    _alpha(project)
    texts = {"alpha": TEXT + "Alpha.\n", "learning": TEXT}
    update_lock(project.policy, texts, project.lock, project.archive,
                translated={"de": {"alpha": GERMAN}})
    report = update_lock(project.policy, texts, project.lock, project.archive,
                         translated={"de": {"alpha": OTHER_GERMAN, "learning": GERMAN}})
    assert report == LockReport(
        locked=["learning 1.0 (de)"], archived=["notices-archive/learning/1.0.de.md"],
        refused=[f"alpha 1.0 (de): {NO_REWRITE}"])
    assert project.lock.notices["alpha"]["1.0"].translations["de"].sha256 == sha(GERMAN)


def test_a_german_archive_place_that_links_out_is_refused_by_name(project: Project,
                                                                  tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (project.root / "notices-archive").mkdir()
    os.symlink(tmp_path / "outside", project.root / "notices-archive" / "learning")
    report = update_lock(project.policy, {"learning": TEXT}, project.lock, project.archive,
                         translated={"de": {"learning": GERMAN}})
    assert report == LockReport(locked=["learning 1.0", "learning 1.0 (de)"], refused=[
        "learning 1.0: notices-archive/learning/1.0.md is a link out of notices-archive/; "
        "replace it with a folder",
        "learning 1.0 (de): notices-archive/learning/1.0.de.md is a link out of "
        "notices-archive/; replace it with a folder"])
    assert list((tmp_path / "outside").iterdir()) == []


def test_a_german_text_not_recorded_in_the_lock(project: Project) -> None:
    project.locked()  # 1.0, without German
    problems = Problems()
    check_notices(project.policy, {"learning": TEXT}, project.lock, project.archive, problems,
                  translated={"de": {"learning": GERMAN}})
    assert [(p.rule, p.message, str(p.location), p.hint) for p in problems.items] == [(
        "notice.not-locked",
        "the German (de) text of notice version 1.0 is not recorded in notices.lock.json",
        f"{PROGRAM}:27:12", LOCK_HINT)]
