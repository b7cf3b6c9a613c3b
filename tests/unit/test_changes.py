"""Notice change control: the lock file, the version bump, the changelog, material changes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from govportal import cli
from govportal.changes import fingerprint
from govportal.changes.facts import Facts, FieldFact, RetentionFact, differences
from tests.conftest import CASES, copy_case

BASE = CASES / "valid" / "minimal"
TODAY = "2026-11-22"
NOT_BUMPED_HINT = ("bump notice.version and add a changelog entry describing the change; then "
                   "run `govportal lock`")
LOCK_HINT = "run `govportal lock`, then commit the lock file and the archive with your change"


class Project:
    """A policy repository in a temporary folder, driven through the command line."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.capsys = capsys
        self.program = root / "data" / "programs" / "learning.yaml"

    def run(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = cli.main(list(args))
        out, err = self.capsys.readouterr()
        return code, out, err

    def check(self) -> tuple[int, list[str]]:
        code, out, _ = self.run("check", "--today", TODAY)
        return code, out.splitlines()

    def edit(self, path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def line_of(self, needle: str) -> int:
        lines = self.program.read_text(encoding="utf-8").splitlines()
        return next(i for i, line in enumerate(lines, 1) if needle in line)

    @property
    def lock(self) -> dict:
        return json.loads((self.root / "notices.lock.json").read_text(encoding="utf-8"))

    # ---------------------------------------------------------------- common edits
    def longer_retention(self) -> None:
        self.edit(self.root / "data" / "retention.yaml", "period: 2 years", "period: 3 years")

    def bump(self, version: str = "1.1", effective: str = "2026-11-01",
             material: bool | None = None, summary: str = "Records are kept longer.") -> None:
        self.edit(self.program, 'version: "1.0"\n  effective: 2026-01-15',
                  f'version: "{version}"\n  effective: {effective}')
        flag = "" if material is None else f", material: {str(material).lower()}"
        self.edit(self.program, "  changelog:\n",
                  f'  changelog:\n    - {{version: "{version}", date: 2026-10-01, '
                  f"summary: {summary}{flag}}}\n")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture[str]) -> Project:
    copy_case(BASE, None, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    project = Project(tmp_path, capsys)
    code, out, _ = project.run("lock")
    assert (code, out) == (0, "locked learning 1.0\narchived notices-archive/learning/1.0.md\n")
    return project


def test_an_unchanged_notice_passes(repo: Project) -> None:
    assert repo.check() == (0, ["no problems found: 0 errors, 0 warnings"])
    assert repo.run("lock") == (0, "notices.lock.json is up to date\n", "")


def test_text_change_without_a_version_bump_fails(repo: Project) -> None:
    repo.longer_retention()
    line = repo.line_of('version: "1.0"')
    assert repo.check() == (1, [
        f"data/programs/learning.yaml:{line}:12: error [notice.version-not-bumped] "
        "notice.version: the published text of this notice changed but its version is still "
        "1.0",
        f"    hint: {NOT_BUMPED_HINT}",
        "1 error, 0 warnings",
    ])


def test_a_bump_needs_a_changelog_entry_and_the_lock(repo: Project) -> None:
    repo.longer_retention()
    repo.edit(repo.program, 'version: "1.0"', 'version: "1.1"')
    version, changelog = repo.line_of('version: "1.1"'), repo.line_of("changelog:")
    assert repo.check() == (1, [
        f"data/programs/learning.yaml:{version}:12: error [notice.not-locked] notice.version: "
        "notice version 1.1 is not recorded in notices.lock.json",
        f"    hint: {LOCK_HINT}",
        f"data/programs/learning.yaml:{changelog + 1}:5: error [notice.changelog-missing] "
        "notice.changelog: version 1.1 has no changelog entry",
        '    hint: add an entry: - {version: "1.1", date: YYYY-MM-DD, summary: what changed '
        "for employees}",
        "2 errors, 0 warnings",
    ])


def test_a_material_change_must_be_marked_material(repo: Project) -> None:
    repo.longer_retention()
    repo.bump(material=None)
    code, lines = repo.check()
    entry = repo.line_of('- {version: "1.1"')
    assert code == 1
    assert lines[2:] == [
        f"data/programs/learning.yaml:{entry}:7: error [notice.material-not-marked] "
        "notice.changelog[0]: version 1.1 changes the notice materially since version 1.0 "
        "(Learning records kept 3 years instead of 2 years) but its changelog entry is not "
        "marked material",
        "    hint: set `material: true` on the changelog entry for version 1.1, so employees "
        "are told about the change",
        "2 errors, 0 warnings",
    ]
    # Locking does not make the problem go away: only marking the entry does.
    assert repo.run("lock")[0] == 1
    assert [x for x in repo.check()[1] if "error [" in x] == [lines[2]]
    repo.edit(repo.program, "summary: Records are kept longer.}",
              "summary: Records are kept longer., material: true}")
    assert repo.check() == (0, ["no problems found: 0 errors, 0 warnings"])


def test_material_false_is_pointed_at(repo: Project) -> None:
    repo.longer_retention()
    repo.bump(material=False)
    code, lines = repo.check()
    assert code == 1
    assert "notice.changelog[0].material: version 1.1 changes the notice materially" in lines[2]


def test_a_new_recipient_is_material(repo: Project) -> None:
    repo.edit(repo.program, "automated_decisions:",
              "  - {name: Coaching Co, kind: third_party, purpose: Sends tips.}\n"
              "automated_decisions:")
    repo.bump(material=False)
    code, lines = repo.check()
    assert code == 1
    assert ("(New recipient: Coaching Co) but its changelog entry is not marked material"
            in lines[2])


def test_a_shorter_period_is_not_material(repo: Project) -> None:
    repo.edit(repo.root / "data" / "retention.yaml", "period: 2 years", "period: 1 year")
    repo.bump(material=None, summary="Records are kept for a shorter time.")
    code, lines = repo.check()
    assert code == 1
    line = repo.line_of('version: "1.1"')
    assert [x.split("] ")[0] for x in lines if "error [" in x] == [
        f"data/programs/learning.yaml:{line}:12: error [notice.not-locked"]
    assert repo.run("lock")[0] == 0
    assert repo.check() == (0, ["no problems found: 0 errors, 0 warnings"])


def test_locking_a_new_version_keeps_the_old_one(repo: Project) -> None:
    before = repo.lock["notices"]["learning"]["1.0"]
    repo.longer_retention()
    repo.bump(material=True)
    code, out, err = repo.run("lock")
    assert (code, err) == (0, "")
    assert out == "locked learning 1.1\narchived notices-archive/learning/1.1.md\n"
    lock = repo.lock["notices"]["learning"]
    assert list(lock) == ["1.0", "1.1"]
    assert lock["1.0"] == before
    assert lock["1.1"]["effective"] == "2026-11-01"
    assert lock["1.1"]["facts"]["retention"]["learning-records"] == {
        "record": "Learning records", "period": "3 years", "days": 1095}
    archive = repo.root / "notices-archive" / "learning"
    assert "| Learning records | 2 years after course completion |" in (
        archive / "1.0.md").read_text(encoding="utf-8")
    assert "| Learning records | 3 years after course completion |" in (
        archive / "1.1.md").read_text(encoding="utf-8")
    assert fingerprint.fingerprint((archive / "1.1.md").read_text(encoding="utf-8")) == (
        lock["1.1"]["sha256"])
    assert repo.check() == (0, ["no problems found: 0 errors, 0 warnings"])


def test_lock_never_rewrites_a_version_without_force(repo: Project) -> None:
    original = (repo.root / "notices.lock.json").read_bytes()
    repo.longer_retention()
    code, out, err = repo.run("lock")
    assert code == 1
    assert err == ("refused learning 1.0: already locked with a different text; bump "
                   "notice.version (or use --force to rewrite what employees were told)\n")
    assert "error [notice.version-not-bumped]" in out
    assert (repo.root / "notices.lock.json").read_bytes() == original
    code, out, _ = repo.run("lock", "--force")
    assert (code, out) == (0, "locked learning 1.0\narchived notices-archive/learning/1.0.md\n")
    assert repo.check()[0] == 0


def test_versions_only_go_up(repo: Project) -> None:
    repo.edit(repo.program, 'version: "1.0"', 'version: "0.9"')
    repo.edit(repo.program, '- {version: "1.0"', '- {version: "0.9"')
    code, lines = repo.check()
    assert code == 1
    assert lines[0].endswith("error [notice.version-order] notice.version: notice version 0.9 "
                             "is lower than the version already published (1.0)")
    assert lines[1] == "    hint: versions only go up: use a version above 1.0"
    assert repo.run("lock")[2] == "refused learning 0.9: lower than the published version 1.0; " \
                                  "versions only go up\n"


def test_a_new_version_cannot_take_effect_before_the_old_one(repo: Project) -> None:
    repo.bump(effective="2025-12-01", material=False, summary="Wording.")
    code, lines = repo.check()
    assert code == 1
    assert any("error [notice.effective-order] notice.effective: version 1.1 takes effect on "
               "2025-12-01, before version 1.0 (2026-01-15)" in x for x in lines)


def test_one_changelog_entry_per_version(repo: Project) -> None:
    repo.edit(repo.program, "  changelog:\n",
              '  changelog:\n    - {version: "1.0", date: 2026-01-15, summary: Again.}\n')
    code, lines = repo.check()
    assert code == 1
    assert "error [notice.changelog-duplicate] notice.changelog[1].version: version 1.0 has a " \
           "second changelog entry (the first is entry 1)" in lines[0]


def test_the_archive_is_checked_against_the_lock(repo: Project) -> None:
    archived = repo.root / "notices-archive" / "learning" / "1.0.md"
    archived.write_text(archived.read_text(encoding="utf-8") + "\n<script>x</script>\n",
                        encoding="utf-8")
    assert repo.check() == (1, [
        "notices-archive/learning/1.0.md: error [notice.archive-mismatch] the archived text of "
        "notice 'learning' version 1.0 differs from what the lock says was published",
        "    hint: restore the file from git history: archived notices change only by a "
        "recorded correction (`govportal lock --correct`)",
        "1 error, 0 warnings",
    ])
    archived.unlink()
    assert repo.check()[1][0] == (
        "notices-archive/learning/1.0.md: error [notice.archive-missing] the published text of "
        "notice 'learning' version 1.0 is not archived")
    assert repo.run("lock")[1] == "archived notices-archive/learning/1.0.md\n"
    assert repo.check()[0] == 0


def test_a_broken_lock_file_is_one_clear_problem(repo: Project) -> None:
    (repo.root / "notices.lock.json").write_text("{not json", encoding="utf-8")
    code, lines = repo.check()
    assert code == 1
    assert lines[0].startswith("notices.lock.json: error [notice.lock-invalid] the lock file "
                               "is not valid JSON: ")
    assert lines[-1] == "1 error, 0 warnings"
    (repo.root / "notices.lock.json").write_text('{"format": 2, "notices": {"learning": '
                                                 '{"1.0": {}}}}',
                                                 encoding="utf-8")
    assert repo.check()[1][0].startswith(
        "notices.lock.json: error [notice.lock-invalid] the lock file is not in the expected "
        "shape (notices.learning.1.0.sha256: Field required)")
    (repo.root / "notices.lock.json").write_text('{"format": 2, "notices": {}}', "utf-8")


def test_a_missing_lock_file_means_nothing_is_locked(repo: Project) -> None:
    (repo.root / "notices.lock.json").unlink()
    assert "error [notice.not-locked]" in repo.check()[1][0]
    code, _, _ = repo.run("check", "--no-lock", "--today", TODAY)
    assert code == 0


def test_crlf_checkouts_give_the_same_fingerprint() -> None:
    assert fingerprint.fingerprint("a\r\nb\rc\n") == fingerprint.fingerprint("a\nb\nc\n")
    assert fingerprint.fingerprint("Kept 90 days.") != fingerprint.fingerprint("Kept 180 days.")


def test_markup_changes_the_fingerprint_but_not_the_wording() -> None:
    plain = "## Retention\n\nKept for 2 years."
    marked = '<section class="x" data-disclosures="a b">\n\n## Retention\n\nKept for 2 years.'
    assert fingerprint.fingerprint(plain) != fingerprint.fingerprint(marked)
    assert fingerprint.wording_fingerprint(plain) == fingerprint.wording_fingerprint(marked)
    assert fingerprint.fingerprint(plain + "\n") != fingerprint.fingerprint(plain)


def test_versions_compare_as_numbers() -> None:
    ordered = sorted(["1.10", "1.9", "2", "0.9", "1.2.1"], key=fingerprint.version_key)
    assert ordered == ["0.9", "1.2.1", "1.9", "1.10", "2"]
    assert fingerprint.version_key("2") == fingerprint.version_key("2.0")


def facts(**kwargs: object) -> Facts:
    base = {
        "purposes": {"development": "Planning your development."},
        "recipients": ["Example LMS Ltd"],
        "transfers": {},
        "fields": {"name": FieldFact(label="Name", category="identifier")},
        "retention": {"logs": RetentionFact(record="Engagement logs", period="90 days",
                                            days=90)},
    }
    base.update(kwargs)
    return Facts(**base)


def test_differences_in_plain_words() -> None:
    old = facts()
    new = facts(
        purposes={"coaching": "Sending coaching tips."},
        recipients=["Example LMS Ltd", "Tips Inc"],
        transfers={"us-hosting": "United States"},
        fields={"name": FieldFact(label="Name", category="identifier"),
                "taps": FieldFact(label="Tips opened", category="behavioural_metadata")},
        retention={"logs": RetentionFact(record="Engagement logs", period="180 days",
                                         days=180)},
    )
    assert [(d.text, d.material) for d in differences(old, new)] == [
        ("New purpose: Sending coaching tips.", True),
        ("No longer used for: Planning your development.", False),
        ("New recipient: Tips Inc", True),
        ("New transfer to United States", True),
        ("New kind of information: Usage and engagement information", True),
        ("Also uses: Tips opened", False),
        ("Engagement logs kept 180 days instead of 90 days", True),
    ]
    back = [(d.text, d.material) for d in differences(new, old)]
    assert ("Engagement logs kept 90 days instead of 180 days", False) in back
    assert ("No longer shared with: Tips Inc", False) in back
    assert all(not material for _, material in back if not _.startswith("New purpose"))
    assert differences(old, facts()) == []


def test_a_locked_version_keeps_its_effective_date(repo: Project) -> None:
    repo.edit(repo.program, "effective: 2026-01-15", "effective: 2026-02-01")
    line = repo.line_of("effective: 2026-02-01")
    assert repo.check() == (1, [
        f"data/programs/learning.yaml:{line}:14: error [notice.effective-changed] "
        "notice.effective: version 1.0 was locked as taking effect on 2026-01-15; the data "
        "now says 2026-02-01",
        "    hint: a published version keeps its date: bump notice.version, or, if this "
        "version has not reached anyone yet, run `govportal lock --force`",
        "1 error, 0 warnings",
    ])
    code, _, err = repo.run("lock")
    assert (code, err) == (1, "refused learning 1.0: already locked with a different "
                              "effective date; bump notice.version (or use --force to rewrite "
                              "what employees were told)\n")
    assert repo.run("lock", "--force")[0] == 0
    assert repo.lock["notices"]["learning"]["1.0"]["effective"] == "2026-02-01"


def test_version_1_10_comes_after_1_9(repo: Project) -> None:
    """Versions are numbers part by part: as text, "1.10" would sort before "1.9" and a
    move from 1.9 to 1.10 would look like going down."""
    repo.longer_retention()
    repo.bump("1.9", material=True)
    assert repo.run("lock")[:2] == (0, "locked learning 1.9\narchived "
                                       "notices-archive/learning/1.9.md\n")
    repo.edit(repo.root / "data" / "retention.yaml", "period: 3 years", "period: 4 years")
    repo.edit(repo.program, 'version: "1.9"', 'version: "1.10"')
    repo.edit(repo.program, "  changelog:\n", '  changelog:\n    - {version: "1.10", date: '
              "2026-11-02, summary: Records are kept longer still., material: true}\n")
    version = repo.line_of('version: "1.10"')
    assert repo.check() == (1, [
        f"data/programs/learning.yaml:{version}:12: error [notice.not-locked] notice.version: "
        "notice version 1.10 is not recorded in notices.lock.json",
        f"    hint: {LOCK_HINT}",
        "1 error, 0 warnings",
    ])
    assert repo.run("lock")[:2] == (0, "locked learning 1.10\narchived "
                                       "notices-archive/learning/1.10.md\n")
    assert list(repo.lock["notices"]["learning"]) == ["1.0", "1.9", "1.10"]
    assert repo.check() == (0, ["no problems found: 0 errors, 0 warnings"])
    # going back from 1.10 to 1.9.5 is going down
    repo.edit(repo.program, 'version: "1.10"', 'version: "1.9.5"')
    assert [line.split(": ", 1)[1] for line in repo.check()[1] if "error [" in line][0] == (
        "error [notice.version-order] notice.version: notice version 1.9.5 is lower than the "
        "version already published (1.10)")


def test_version_key_orders_versions_as_numbers() -> None:
    versions = ["1.10", "1.9", "2", "1.2.1", "1.2", "10.0", "9.9"]
    assert sorted(versions, key=fingerprint.version_key) == [
        "1.2", "1.2.1", "1.9", "1.10", "2", "9.9", "10.0"]
    assert fingerprint.version_key("2.0") == fingerprint.version_key("2") == (2,)
    assert fingerprint.version_key("1.0.0") == (1,)
    assert fingerprint.version_key("0") == (0,)
    assert fingerprint.version_key("1.10") == (1, 10)
    assert fingerprint.version_key("1.0.2") == (1, 0, 2)  # only trailing zeros go
    assert fingerprint.version_key("2.1.0") == (2, 1)


def test_line_endings_of_every_system_read_the_same() -> None:
    assert fingerprint.normalise("a\r\nb\rc\nd") == "a\nb\nc\nd"
    assert fingerprint.normalise("a\r\n\r\nb") == "a\n\nb"
    # the published text: every character counts, whatever line endings it was saved with
    assert fingerprint.fingerprint("<p>Kept\r\n 2  years</p>") == fingerprint.fingerprint(
        "<p>Kept\n 2  years</p>") == hashlib.sha256(b"<p>Kept\n 2  years</p>").hexdigest()
    assert fingerprint.fingerprint("Kept 2 years") != fingerprint.fingerprint("Kept 2  years")
    # the wording alone: tags dropped, white space collapsed
    assert fingerprint.wording_fingerprint("<p>Kept\r\n 2  years</p>") == \
        fingerprint.wording_fingerprint("Kept 2 years") == hashlib.sha256(
            b"Kept 2 years").hexdigest()
