"""Real builds: the published history of notices, the change banner, the schemas, and a
build that refuses a changed notice whose version was not bumped."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CASES, ROOT, lock_notices, make_site, mkdocs_build

BASE = CASES / "valid" / "minimal"


def configure(project: Path, **options: object) -> None:
    """Set plugin options under the `govportal:` entry of the project's mkdocs.yml."""
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    extra = "".join(f"      {k}: {json.dumps(v)}\n" for k, v in options.items())
    path.write_text(text.replace("  - govportal:\n", "  - govportal:\n" + extra, 1),
                    encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def publish_version_1_1(project: Path) -> None:
    """Version 1.0 is published; 1.1 keeps learning records a year longer (material)."""
    assert lock_notices(project).returncode == 0
    edit(project / "data" / "retention.yaml", "period: 2 years", "period: 3 years")
    program = project / "data" / "programs" / "learning.yaml"
    edit(program, 'version: "1.0"\n  effective: 2026-01-15',
         'version: "1.1"\n  effective: 2026-11-01')
    edit(program, "  changelog:\n", '  changelog:\n    - {version: "1.1", date: 2026-10-01, '
         "summary: We keep learning records for a year longer., material: true, changes: "
         "[Learning records are kept three years.]}\n")
    done = lock_notices(project)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_site(tmp_path_factory.mktemp("history"), BASE)
    publish_version_1_1(project)
    configure(project, today="2026-11-22")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


def html(project: Path, page: str) -> str:
    return (project / "site" / page / "index.html").read_text(encoding="utf-8")


def test_every_version_has_a_permanent_page(project: Path) -> None:
    old = html(project, "notices/learning/v1.0")
    assert "An earlier version of this notice" in old
    assert "Version 1.0 was in effect from January 15, 2026 until November 1, 2026." in old
    assert "2 years after course completion" in old
    assert "3 years after course completion" not in old
    assert 'href="../../../retention/"' in old  # links still work one folder deeper
    assert 'href="../"' in old  # to the current notice
    current = html(project, "notices/learning/v1.1")
    assert "The current version, at its permanent address" in current
    assert "3 years after course completion" in current


def test_what_changed_page(project: Path) -> None:
    page = html(project, "notices/learning/changes")
    assert page.index('id="v1-1"') < page.index('id="v1-0"')  # newest first
    assert "We keep learning records for a year longer." in page
    assert "<li>Learning records are kept three years.</li>" in page
    assert "<li>Learning records kept 3 years instead of 2 years (important)</li>" in page
    assert "An important change:" in page
    assert "This was the first published version of this notice." in page
    assert 'href="../v1.0/"' in page and 'href="../v1.1/"' in page


def test_current_notice_lists_versions_and_shows_the_banner(project: Path) -> None:
    page = html(project, "notices/learning")
    assert 'class="gp-change-banner admonition warning"' in page
    assert "This notice changed on November 1, 2026" in page
    assert 'href="changes/#v1-1"' in page
    versions = page[page.index('class="gp-versions"'):]
    assert 'href="v1.1/"' in versions and 'href="v1.0/"' in versions
    assert "in effect from January 15, 2026 until November 1, 2026" in versions


def test_history_pages_stay_out_of_nav_and_search(project: Path) -> None:
    home = html(project, ".")
    nav = home[home.index('class="md-nav md-nav--primary"'):]
    assert "v1.0/" not in nav and "changes/" not in nav
    index = (project / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "notices/learning/v1.0/" not in index
    assert "notices/learning/changes/" in index


def test_published_file_is_the_locked_text(project: Path) -> None:
    """notices.json's content hash and the lock agree: the banner is not part of the text."""
    lock = json.loads((project / "notices.lock.json").read_text(encoding="utf-8"))
    published = json.loads((project / "site" / "notices.json").read_text(encoding="utf-8"))
    entry = next(n for n in published["notices"] if n["id"] == "learning")
    assert entry["content_hash"] == "sha256:" + lock["notices"]["learning"]["1.1"]["sha256"]


def test_schemas_are_published(project: Path) -> None:
    """The site publishes exactly the committed schemas (the list comes from the repository,
    not from the generator that writes them)."""
    committed = sorted(p.name for p in (ROOT / "schemas").glob("*.schema.json"))
    assert len(committed) >= 10, committed
    published = sorted(p.name for p in (project / "site" / "schemas").iterdir())
    # and the acknowledgement record's schema, for HR systems (not a data file's)
    assert published == sorted([*committed, "notice-acknowledgement.schema.json"])
    for name in committed:
        assert (project / "site" / "schemas" / name).read_text(encoding="utf-8") == (
            ROOT / "schemas" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(("today", "days", "shown"), [
    ("2026-12-15", None, False),  # 44 days after: the default 30 days are over
    ("2026-12-15", 60, True),
    ("2026-10-20", None, True),  # announced before it takes effect
    ("2026-11-02", 0, False),
])
def test_banner_window(tmp_path: Path, today: str, days: int | None, shown: bool) -> None:
    project = make_site(tmp_path, BASE)
    publish_version_1_1(project)
    options: dict[str, object] = {"today": today}
    if days is not None:
        options["material_banner_days"] = days
    configure(project, **options)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    page = html(project, "notices/learning")
    assert ("gp-change-banner" in page) is shown
    if today == "2026-10-20":
        assert "This notice changes on November 1, 2026" in page


def test_a_changed_notice_without_a_bump_is_not_published(tmp_path: Path) -> None:
    project = make_site(tmp_path, BASE)
    configure(project, today="2026-11-22")
    assert lock_notices(project).returncode == 0
    edit(project / "data" / "retention.yaml", "period: 2 years", "period: 3 years")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert ("data/programs/learning.yaml:27:12: error [notice.version-not-bumped] "
            "notice.version: the published text of this notice changed but its version is "
            "still 1.0") in result.stderr
    assert ("hint: bump notice.version and add a changelog entry describing the change; then "
            "run `govportal lock`") in result.stderr
    assert "nothing was published" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site" / "index.html").exists()


def test_an_unlocked_notice_is_not_published(tmp_path: Path) -> None:
    project = make_site(tmp_path, BASE)
    configure(project, today="2026-11-22", lock_file="policy.lock.json")
    result = mkdocs_build(project, lock=False)
    assert result.returncode == 1
    assert ("error [notice.not-locked] notice.version: notice version 1.0 is not recorded in "
            "policy.lock.json") in result.stderr


def test_a_removed_program_keeps_its_history(tmp_path: Path) -> None:
    project = make_site(tmp_path, BASE)
    configure(project, today="2026-11-22")
    programs = project / "data" / "programs"
    text = (programs / "learning.yaml").read_text(encoding="utf-8")
    (programs / "coaching.yaml").write_text(
        text.replace("id: learning", "id: coaching").replace("title: Learning records",
                                                             "title: Coaching tips"),
        encoding="utf-8")
    assert lock_notices(project).returncode == 0
    (programs / "coaching.yaml").unlink()
    refused = mkdocs_build(project)
    assert refused.returncode == 1
    assert ("error [notice.lock-unknown-program] the lock file records notice 'coaching', "
            "but there is no program 'coaching' and the notice is not marked retired"
            ) in refused.stderr
    retire = subprocess.run(
        [sys.executable, "-m", "govportal.cli", "lock", "--retire", "coaching", "--reason",
         "The coaching pilot ended in October."], cwd=project, capture_output=True,
        text=True, timeout=300)
    assert retire.returncode == 0, retire.stdout + retire.stderr
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    old = html(project, "notices/coaching/v1.0")
    assert "This notice is no longer in use:</strong> retired on" in old
    assert "The coaching pilot ended in October." in html(project, "notices/coaching/changes")
    assert "# Privacy notice: Coaching tips" not in old  # rendered, not raw
    assert "Privacy notice: Coaching tips (version 1.0)" in old
    assert "Read the current notice" not in old
    assert "Version 1.0 is in effect from January 15, 2026." in old
    assert "What changed: Coaching tips" in html(project, "notices/coaching/changes")
    assert not (project / "site" / "notices" / "coaching" / "index.html").exists()
    # its notice record stays published: the text at the version's address, hashing to it
    import hashlib

    records = json.loads((project / "site" / "notices.json").read_text("utf-8"))["records"]
    (retired,) = [r for r in records if r["notice_id"] == "coaching"]
    assert (retired["version"], retired["language"], retired["status"]) == ("1.0", "en",
                                                                           "retired")
    assert retired["text_url"] == "notices/coaching/v1.0/en.txt"
    raw = (project / "site" / "notices" / "coaching" / "v1.0" / "en.txt").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == retired["notice_hash"]
    assert raw.startswith(b"# Privacy notice: Coaching tips\n")
