"""Real builds: every notice record of the portal, read from the built site and hashed, is
what notices.json and the lock file say; the versioned addresses exist; verify-manifest
refuses a site whose notice text was changed after the build."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from govportal.publish import manifest
from govportal.publish.verification import verify_site
from tests.conftest import mkdocs_build, portal_copy

SITE_URL = "https://portal.example.com/gov/"
# The repository's own notices: every locked version, in every language (written out by
# hand from notices.lock.json).
KEYS = {
    ("lms-milestones", "en", "1.0"), ("lms-milestones", "en", "1.1"),
    ("lms-milestones", "en", "1.2"),
    ("micro-coaching", "en", "1.0"), ("micro-coaching", "en", "1.1"),
    ("micro-coaching", "en", "1.2"), ("micro-coaching", "en", "1.3"),
    # German: every version locked in German (lms-milestones 1.0 was English only)
    ("lms-milestones", "de", "1.1"), ("lms-milestones", "de", "1.2"),
    ("micro-coaching", "de", "1.3"),
}
TITLE_START = {"en": "# Privacy notice: ", "de": "# Datenschutzhinweis: "}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = portal_copy(tmp_path_factory.mktemp("records"))
    result = mkdocs_build(project, env={"GOVPORTAL_SITE_URL": SITE_URL,
                                        "SOURCE_DATE_EPOCH": "1795000000"})
    assert result.returncode == 0, result.stderr
    return project / "site"


def notices(site: Path) -> dict:
    return json.loads((site / "notices.json").read_text(encoding="utf-8"))


def site_file(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site / url.removeprefix(SITE_URL)


def test_every_record_is_listed_once(site: Path) -> None:
    records = notices(site)["records"]
    keys = [(r["notice_id"], r["language"], r["version"]) for r in records]
    assert sorted(keys) == sorted(KEYS)
    assert [r["status"] for r in records if r["notice_id"] == "micro-coaching"] == [
        "superseded", "superseded", "superseded", "current", "current"]


def test_every_text_file_hashes_to_its_notice_hash(site: Path) -> None:
    data = notices(site)
    entries = data["records"] + data["notices"]
    assert len(entries) == 14  # 10 records, and 4 notices (2 in English, 2 in German)
    for entry in entries:
        raw = site_file(site, entry["text_url"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == entry["notice_hash"], entry["text_url"]
        assert entry["kantara_notice_record"]["notice_hash"] == "sha256:" + entry["notice_hash"]
        # canonical: UTF-8, LF only, one final newline
        text = raw.decode("utf-8")
        assert "\r" not in text and text.endswith("\n") and not text.endswith("\n\n")
        assert text.startswith(TITLE_START[entry["language"]]), entry["text_url"]


def test_the_hashes_are_the_lock_files_fingerprints(site: Path) -> None:
    """The published texts are already canonical, so each hash is the one `govportal lock`
    recorded when the version was published."""
    lock = json.loads((Path(__file__).parents[2] / "notices.lock.json").read_text("utf-8"))
    records = notices(site)["records"]
    assert len(records) == 10
    for record in records:
        locked = lock["notices"][record["notice_id"]][record["version"]]
        text = locked if record["language"] == "en" else (
            locked["translations"][record["language"]])
        assert record["notice_hash"] == text["sha256"]
        assert record["history_chain"] == locked["chain"]


def test_urls_point_at_the_version_not_the_current_page(site: Path) -> None:
    data = notices(site)
    for record in data["records"]:
        url = record["url"]
        if record["language"] == "de":  # a translation's version page is under /de/
            assert url == (f"{SITE_URL}de/notices/{record['notice_id']}/"
                           f"v{record['version']}/")
            assert site_file(site, url + "index.html").is_file()
            assert record["text_url"] == (
                f"{SITE_URL}notices/{record['notice_id']}/v{record['version']}/de.txt")
            continue
        assert url == f"{SITE_URL}notices/{record['notice_id']}/v{record['version']}/"
        assert site_file(site, url + "index.html").is_file()
        assert record["text_url"] == url + "en.txt"
    current = {n["id"]: n for n in data["notices"] if n["language"] == "en"}
    assert current["micro-coaching"]["url"] == f"{SITE_URL}notices/micro-coaching/v1.3/"
    assert current["micro-coaching"]["current_url"] == f"{SITE_URL}notices/micro-coaching/"


def test_supersedes_names_the_version_before(site: Path) -> None:
    by_key = {(r["notice_id"], r["version"]): r for r in notices(site)["records"]
              if r["language"] == "en"}
    german = {(r["notice_id"], r["version"]): r for r in notices(site)["records"]
              if r["language"] == "de"}
    # a German version supersedes the German version before it, with that text's hash
    assert german[("lms-milestones", "1.1")]["supersedes"] is None
    assert german[("lms-milestones", "1.2")]["supersedes"] == {
        "version": "1.1", "notice_hash": german[("lms-milestones", "1.1")]["notice_hash"]}
    assert german[("lms-milestones", "1.1")]["status"] == "superseded"
    assert german[("micro-coaching", "1.3")]["supersedes"] is None
    assert by_key[("micro-coaching", "1.0")]["supersedes"] is None
    before = by_key[("micro-coaching", "1.2")]
    assert by_key[("micro-coaching", "1.3")]["supersedes"] == {
        "version": "1.2", "notice_hash": before["notice_hash"]}
    assert by_key[("micro-coaching", "1.3")]["kantara_notice_record"]["supersedes"] == "1.2"
    assert by_key[("micro-coaching", "1.2")]["until"] == by_key[
        ("micro-coaching", "1.3")]["effective"]


def test_the_manifest_lists_every_text_file(site: Path) -> None:
    listed = {e["path"]: e["sha256"] for e in
              json.loads((site / manifest.NAME).read_text("utf-8"))["files"]}
    for record in notices(site)["records"]:
        path = record["text_url"].removeprefix(SITE_URL)
        assert listed[path] == record["notice_hash"]
    assert verify_site(site) == []


def test_a_changed_text_is_refused_even_with_a_new_manifest(site: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    target = copy / "notices" / "micro-coaching" / "v1.1" / "en.txt"
    target.write_text(target.read_text("utf-8") + "One more sentence.\n", "utf-8")
    data = json.loads((copy / manifest.NAME).read_text("utf-8"))
    data["files"] = manifest.file_entries(copy)
    data["digest"] = manifest.digest(data)
    (copy / manifest.NAME).write_text(json.dumps(data), "utf-8")
    assert verify_site(copy) == [
        "site/notices/micro-coaching/v1.1/en.txt does not hash to the notice_hash "
        "notices.json gives it"]


def test_the_acknowledgement_schema_is_published_and_fits_every_record(site: Path) -> None:
    import jsonschema

    schema = json.loads((site / "schemas" / "notice-acknowledgement.schema.json").read_text(
        "utf-8"))
    check = jsonschema.Draft202012Validator(schema)
    for record in notices(site)["records"]:
        ack = {"schema_version": "1.0", "record_id": "r-1", "subject": {"id": "E-1"},
               "notice": {k: record[k] for k in ("notice_id", "version", "language",
                                                 "notice_hash", "url", "text_url")},
               "presented_at": "2026-11-23T09:14:05Z",
               "acknowledged_at": "2026-11-23T09:15:00Z", "method": "hr-system"}
        assert list(check.iter_errors(ack)) == []


LOCK = json.loads((Path(__file__).parents[2] / "notices.lock.json").read_text("utf-8"))


def test_each_current_notice_links_the_hr_system_with_its_record(site: Path) -> None:
    """data/organisation.yaml sets acknowledge_url: the link carries id, version, language
    and the hash of the canonical text, and says where it leads."""
    import re

    for pid, version in (("micro-coaching", "1.3"), ("lms-milestones", "1.2")):
        page = (site / "notices" / pid / "index.html").read_text("utf-8")
        links = re.findall(r'<a class="gp-ack__link" href="([^"]+)" rel="noreferrer">'
                           r"I have read this notice</a>", page)
        assert links == [
            f"https://hr.northwind.example/privacy/acknowledge?notice={pid}&amp;"
            f"version={version}&amp;lang=en&amp;sha256={LOCK['notices'][pid][version]['sha256']}"]
        assert ("This link opens your HR system (hr.northwind.example), which records that "
                f"you have read version {version} of this notice. This portal records nothing "
                "about you.") in page
    # an earlier version's page is not acknowledged
    old = (site / "notices" / "micro-coaching" / "v1.2" / "index.html").read_text("utf-8")
    assert "gp-ack" not in old and "hr.northwind.example" not in old


@pytest.fixture(scope="module")
def minimal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import CASES, make_site

    return make_site(tmp_path_factory.mktemp("ack"), CASES / "valid" / "minimal")


def test_without_a_template_there_is_no_link(minimal: Path) -> None:
    result = mkdocs_build(minimal)
    assert result.returncode == 0, result.stderr
    page = (minimal / "site" / "notices" / "learning" / "index.html").read_text("utf-8")
    assert "gp-ack" not in page and "I have read this notice" not in page


def test_a_hostile_template_stops_the_build_with_a_located_error(minimal: Path) -> None:
    org = minimal / "data" / "organisation.yaml"
    text = org.read_text("utf-8")
    lines = text.count("\n")
    org.write_text(text + "acknowledge_url: javascript:alert(document.cookie)\n", "utf-8")
    try:
        result = mkdocs_build(minimal)
    finally:
        org.write_text(text, "utf-8")
    assert result.returncode != 0
    assert (f"data/organisation.yaml:{lines + 1}:18: error [organisation.acknowledge-url] "
            "acknowledge_url: the address must be an https: address, not javascript: "
            "('javascript:alert(document.cookie)')") in result.stderr


def test_the_governance_page_says_who_approves_what(site: Path) -> None:
    """From the same data as .github/CODEOWNERS (rows written out from data/)."""
    import re

    page = (site / "governance" / "index.html").read_text("utf-8")
    start = page.index('id="approvals"')
    table = page[start:page.index("</table>", start)]
    rows = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)][1:]
    assert rows == [
        "Privacy notices: every data file, the lock file and the notice archive Legal counsel, "
        "Privacy Team and DPO @northwind/legal, @northwind/privacy",
        "Sample policy language Legal counsel @northwind/legal",
        "Retention schedule Legal counsel, Privacy Team and DPO @northwind/legal, "
        "@northwind/privacy",
        "Learning records in 1:1s and reviews (its data and its notice) People Operations "
        "(owner), Legal counsel, Privacy Team and DPO @northwind/people-operations, "
        "@northwind/legal, @northwind/privacy",
        "Micro-coaching tips for managers (its data and its notice) Learning and Development "
        "(owner), Legal counsel, Privacy Team and DPO @northwind/learning, @northwind/legal"
        ", @northwind/privacy",
    ]
    committed = (Path(__file__).parents[2] / ".github" / "CODEOWNERS").read_text("utf-8")
    assert "/data/programs/micro-coaching.yaml @northwind/learning @northwind/legal " \
           "@northwind/privacy\n" in committed
