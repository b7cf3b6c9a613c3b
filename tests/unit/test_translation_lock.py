"""Change control per (notice, language, version): the German text of a notice is locked,
archived and held to its version like the English one.

The repository's own portal publishes both notices in German (``data/translations/de/``);
its lock records, for the current version of each, the German text's fingerprints beside the
English ones, and ``notices-archive/<program>/<version>.de.md`` keeps the German text.
Expected messages are written out here, never rebuilt from the code's tables.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from govportal import cli
from govportal.changes import corrections
from govportal.changes.fingerprint import fingerprint
from govportal.changes.lock import chain_value, load_lock, open_lock
from govportal.pipeline.checking import check
from govportal.problems import Problems
from govportal.rules.registry import Options
from tests.conftest import ROOT, portal_copy

PID = "lms-milestones"
PURPOSE = "Ihre Weiterbildung und Entwicklung gemeinsam mit Ihrer Führungskraft planen"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = portal_copy(tmp_path_factory.mktemp("portal"))
    (project / ".github").mkdir(exist_ok=True)
    shutil.copyfile(ROOT / ".github" / "CODEOWNERS", project / ".github" / "CODEOWNERS")
    return project


@pytest.fixture
def project(template: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "project"
    shutil.copytree(template, dest, symlinks=True)
    return dest


def run(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main([args[0], "--config", str(project / "mkdocs.yml"), *args[1:]])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def problem_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if "error [" in line or "warning [" in line]


def version_line(project: Path) -> int:
    """The line of ``version: "1.2"`` under ``notice:`` in the program's file."""
    lines = (project / "data" / "programs" / f"{PID}.yaml").read_text("utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if text.strip() == 'version: "1.2"')


def edit_german_purpose(project: Path) -> None:
    """Change a German text the notice prints, keeping its source fingerprint (so the
    translation is still current: only the change control can notice)."""
    path = project / "data" / "translations" / "de" / "programs.yaml"
    text = path.read_text(encoding="utf-8")
    assert PURPOSE in text
    path.write_text(text.replace(PURPOSE, "Ihre Entwicklung mit Ihrer Führungskraft planen", 1),
                    encoding="utf-8")


def test_the_sample_lock_records_the_german_text_beside_its_version() -> None:
    lock = json.loads((ROOT / "notices.lock.json").read_text(encoding="utf-8"))
    versions = lock["notices"][PID]
    assert "translations" not in versions["1.0"]  # published before there was German
    for version in ("1.1", "1.2"):
        german = versions[version]["translations"]["de"]
        archived = (ROOT / "notices-archive" / PID / f"{version}.de.md").read_text("utf-8")
        assert german["sha256"] == hashlib.sha256(archived.encode("utf-8")).hexdigest()
        assert archived.startswith("# Datenschutzhinweis: Lerndaten in Einzelgesprächen")
        assert german["sha256"] != versions[version]["sha256"]
    # 1.2 changed only the German text (a heading): the English one is the same as in 1.1
    assert versions["1.2"]["sha256"] == versions["1.1"]["sha256"]
    assert versions["1.2"]["translations"]["de"] != versions["1.1"]["translations"]["de"]
    old = (ROOT / "notices-archive" / PID / "1.1.de.md").read_text("utf-8")
    new = (ROOT / "notices-archive" / PID / "1.2.de.md").read_text("utf-8")
    assert "## Health information" in old and "## Health information" not in new
    assert "## Angaben zu Ihrer Gesundheit" in new


def test_a_version_in_one_language_keeps_the_chain_it_always_had() -> None:
    lock = load_lock(ROOT / "notices.lock.json", "notices.lock.json", Problems())
    entry = lock.notices[PID]["1.0"]
    body = {"version": "1.0", "sha256": entry.sha256, "wording": entry.wording,
            "effective": entry.effective.isoformat(),
            "facts": entry.facts.model_dump(mode="json"), "corrections": []}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    expected = hashlib.sha256(f"govportal:{PID}\n{canonical}".encode("ascii")).hexdigest()
    assert chain_value(PID, "1.0", entry, None) == expected == entry.chain
    # the chain of a version with a translation covers the translation
    newer = lock.notices[PID]["1.1"]
    changed = newer.model_copy(deep=True)
    changed.translations["de"].sha256 = "0" * 64
    assert chain_value(PID, "1.1", changed, entry.chain) != newer.chain


def test_a_german_text_that_changed_without_a_new_version_fails(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_german_purpose(project)
    code, out, _ = run(project, capsys, "check")
    assert code == 1
    assert problem_lines(out) == [
        f"data/programs/{PID}.yaml:{version_line(project)}:12: error "
        "[notice.translation-changed] notice.version: the German (de) text of this notice "
        "changed but its version is still 1.2"]
    assert ("    hint: a published text changes only with a new version, in every language: "
            "bump notice.version and add a changelog entry (with its translation), then run "
            "`govportal lock`") in out.splitlines()


def test_lock_refuses_to_rewrite_a_german_text_unless_forced(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_german_purpose(project)
    before = (project / "notices.lock.json").read_bytes()
    code, _, err = run(project, capsys, "lock")
    assert code == 1
    assert err == (f"refused {PID} 1.2 (de): already locked with a different text; bump "
                   "notice.version (or use --force to rewrite what employees were told)\n")
    assert (project / "notices.lock.json").read_bytes() == before
    code, out, _ = run(project, capsys, "lock", "--force")
    assert code == 0
    assert out.splitlines() == [f"locked {PID} 1.2 (de)",
                                f"archived notices-archive/{PID}/1.2.de.md"]
    archived = (project / "notices-archive" / PID / "1.2.de.md").read_text(encoding="utf-8")
    assert "Ihre Entwicklung mit Ihrer Führungskraft planen" in archived
    assert run(project, capsys, "check")[0] == 0


def test_a_translation_not_yet_locked_is_reported_then_locked(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lock = load_lock(project / "notices.lock.json", "notices.lock.json", Problems())
    for pid, version in ((PID, "1.2"), ("micro-coaching", "1.3")):
        lock.notices[pid][version].translations.clear()
        (project / "notices-archive" / pid / f"{version}.de.md").unlink()
    lock.save()
    code, out, _ = run(project, capsys, "check")
    assert code == 1
    micro = next(n for n, text in enumerate((project / "data" / "programs" /
                 "micro-coaching.yaml").read_text("utf-8").splitlines(), 1)
                 if text.strip() == 'version: "1.3"')
    assert problem_lines(out) == [
        f"data/programs/{PID}.yaml:{version_line(project)}:12: error [notice.not-locked] "
        "notice.version: the German (de) text of notice version 1.2 is not recorded in "
        "notices.lock.json",
        f"data/programs/micro-coaching.yaml:{micro}:12: error [notice.not-locked] "
        "notice.version: the German (de) text of notice version 1.3 is not recorded in "
        "notices.lock.json"]
    code, out, _ = run(project, capsys, "lock")
    assert code == 0
    assert out.splitlines() == [
        f"locked {PID} 1.2 (de)", "locked micro-coaching 1.3 (de)",
        f"archived notices-archive/{PID}/1.2.de.md",
        "archived notices-archive/micro-coaching/1.3.de.md"]
    assert (project / "notices.lock.json").read_bytes() == (
        ROOT / "notices.lock.json").read_bytes()  # what the repository's lock says
    assert run(project, capsys, "check")[0] == 0


def test_an_edited_german_archive_is_refused(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "notices-archive" / PID / "1.1.de.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Lernplattform", "Plattform", 1),
                    encoding="utf-8")
    code, out, _ = run(project, capsys, "check")
    assert code == 1
    assert problem_lines(out) == [
        f"notices-archive/{PID}/1.1.de.md: error [notice.archive-mismatch] the archived "
        f"text of notice '{PID}' version 1.1 in German (de) differs from what the lock says "
        "was published"]


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=T", *args],
                   cwd=root, check=True, capture_output=True, timeout=60)


def test_the_base_comparison_sees_a_rewritten_and_a_removed_translation(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "published")
    # An attacker rewrites the German text of 1.1 and recomputes every hash and chain.
    path = project / "notices-archive" / PID / "1.1.de.md"
    text = path.read_text(encoding="utf-8").replace("Lernplattform", "Plattform", 1)
    path.write_text(text, encoding="utf-8")
    lock = load_lock(project / "notices.lock.json", "notices.lock.json", Problems())
    lock.notices[PID]["1.1"].translations["de"].sha256 = fingerprint(text)
    lock.notices["micro-coaching"]["1.3"].translations.clear()
    lock.save()
    code, out, _ = run(project, capsys, "check", "--base", "HEAD")
    assert code == 1
    history = [line.split(" error ", 1)[1] for line in problem_lines(out)
               if "[notice.history-" in line]
    assert history == [
        "[notice.history-changed] version 1.1 of notice 'lms-milestones': its German (de) "
        "published text changed without a recorded correction since HEAD",
        "[notice.history-removed] the German (de) text of version 1.3 of notice "
        "'micro-coaching' was published (HEAD) and is no longer in the lock file"]


def test_adding_a_translation_to_a_published_version_is_allowed_history(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lock = load_lock(project / "notices.lock.json", "notices.lock.json", Problems())
    lock.notices[PID]["1.2"].translations.clear()
    lock.save()
    (project / "notices-archive" / PID / "1.2.de.md").unlink()
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "English only")
    assert run(project, capsys, "lock")[0] == 0
    code, out, _ = run(project, capsys, "check", "--base", "HEAD")
    assert (code, problem_lines(out)) == (0, [])


def test_a_correction_names_the_language_it_corrects(project: Path) -> None:
    problems = Problems()
    result = check(project / "data", label_base=project)
    policy, today = result.policy, Options().today
    lock, archive = open_lock(project, "notices.lock.json", "notices-archive", problems)
    with pytest.raises(corrections.HistoryRefused) as refused:
        corrections.correct(lock, archive, policy, PID, "1.2", "Typo.", today, "de")
    assert str(refused.value) == ("version 1.2 is the current version of 'lms-milestones': "
                                  "change it by publishing a new version (bump "
                                  "notice.version)")
    with pytest.raises(corrections.HistoryRefused) as refused:
        corrections.correct(lock, archive, policy, PID, "1.0", "Typo.", today, "de")
    assert str(refused.value) == ("version 1.0 of 'lms-milestones' has no locked text in "
                                  "'de' (its other languages: none)")
    with pytest.raises(corrections.HistoryRefused) as refused:
        corrections.correct(lock, archive, policy, PID, "1.1", "Typo.", today, "de")
    assert str(refused.value) == (f"notices-archive/{PID}/1.1.de.md is unchanged: edit it "
                                  "first, then record the correction")


def test_a_german_correction_is_recorded_and_shown(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "notices-archive" / PID / "1.1.de.md"
    before = fingerprint(path.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8").replace("\n\n", "\n\n\n", 1), "utf-8")
    assert run(project, capsys, "check")[0] == 1  # an edited archive, until it is recorded
    code, out, _ = run(project, capsys, "lock", "--correct", PID, "1.1", "--language", "de",
                       "--reason", "A blank line was missing.")
    assert code == 0
    assert out.splitlines()[0] == (f"corrected {PID} 1.1 (de) (layout only, wording "
                                   "unchanged): A blank line was missing.")
    lock = json.loads((project / "notices.lock.json").read_text(encoding="utf-8"))
    german = lock["notices"][PID]["1.1"]["translations"]["de"]
    assert german["sha256"] == fingerprint(path.read_text(encoding="utf-8"))
    assert [(c["replaces"], c["wording_unchanged"], c["reason"])
            for c in german["corrections"]] == [(before, True, "A blank line was missing.")]
    assert lock["notices"][PID]["1.1"]["corrections"] == []  # the English text is untouched
    assert run(project, capsys, "check")[0] == 0


def test_a_language_key_that_is_a_path_is_refused_before_any_file_is_named(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "notices.lock.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    german = data["notices"][PID]["1.2"]["translations"].pop("de")
    data["notices"][PID]["1.2"]["translations"]["../../etc"] = german
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    code, out, _ = run(project, capsys, "check")
    assert code == 1
    lines = problem_lines(out)
    assert len(lines) == 1 and lines[0].startswith(
        "notices.lock.json: error [notice.lock-invalid] the lock file is not in the expected "
        f"shape (notices.{PID}.1.2.translations.../../etc.[key]: String should match pattern")


def test_a_removed_german_correction_names_its_language(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "notices-archive" / PID / "1.1.de.md"
    path.write_text(path.read_text(encoding="utf-8").replace("\n\n", "\n\n\n", 1), "utf-8")
    assert run(project, capsys, "lock", "--correct", PID, "1.1", "--language", "de",
               "--reason", "A blank line was missing.")[0] == 0
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "corrected")
    lock = load_lock(project / "notices.lock.json", "notices.lock.json", Problems())
    lock.notices[PID]["1.1"].translations["de"].corrections.clear()
    lock.save()
    code, out, _ = run(project, capsys, "check", "--base", "HEAD")
    assert code == 1
    assert [line.split(" error ", 1)[1] for line in problem_lines(out)
            if "[notice.history-" in line] == [
        "[notice.history-changed] version 1.1 of notice 'lms-milestones': a recorded "
        "correction of its German (de) text was removed or rewritten since HEAD"]
