"""The machine-readable files: each parses, and each says what the data says."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import xml.etree.ElementTree as ET

import pytest

from govportal import pipeline
from govportal.changes import fingerprint
from govportal.publish import exports
from govportal.rules import registry
from tests.conftest import CASES, ROOT, mutated

OPTIONS = registry.Options(today=dt.date(2026, 11, 22))
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture  # per test: mutation testing credits each test with what it computes
def built() -> tuple:
    result = pipeline.check(CASES / "valid" / "minimal", OPTIONS)
    assert not result.problems.errors
    pages = {p.src_uri: p for p in pipeline.build_pages(result.policy, OPTIONS)}
    return result.policy, pages, exports.all_exports(result.policy, pages,
                                                     "https://portal.example.com/", "Portal")


def test_notices_json_hash_is_the_published_text(built: tuple) -> None:
    policy, pages, files = built
    data = json.loads(files["notices.json"])
    (notice,) = data["notices"]
    assert notice["id"] == "learning"
    assert notice["version"] == "1.0"
    assert notice["effective"] == "2026-01-15"
    assert notice["url"] == "https://portal.example.com/notices/learning/v1.0/"
    assert notice["current_url"] == "https://portal.example.com/notices/learning/"
    text = pages["notices/learning.md"].markdown.encode()  # every character, markup too
    assert notice["content_hash"] == "sha256:" + hashlib.sha256(text).hexdigest()
    assert notice["content_hash"] == "sha256:" + fingerprint.fingerprint(
        pages["notices/learning.md"].markdown)
    assert notice["changelog"] == [{"version": "1.0", "date": "2026-01-15",
                                    "summary": "First notice.", "material": False}]


def test_retention_json_and_csv_agree_with_the_schedule(built: tuple) -> None:
    policy, _, files = built
    rules = json.loads(files["retention.json"])["rules"]
    rows = list(csv.DictReader(io.StringIO(files["retention.csv"])))
    assert [r["id"] for r in rules] == [r["id"] for r in rows] == ["learning-records",
                                                               "access-logs"]
    assert files["retention.csv"].splitlines() == [  # every cell quoted (CSV injection)
        '"id","record_type","kind","period","period_days","trigger","disposal","automated",'
        '"anonymised","fields","programs","justification","legal_hold","owner","next_review"',
        '"learning-records","Learning records","learning_record","2 years","730",'
        '"course completion","delete","true","false","full-name; course-status","learning",'
        '"Needed for development planning.","Deletion pauses during a legal hold.",'
        '"People team","2027-06-01"',
        '"access-logs","Access logs","audit_log","3 years","1095","the access","delete","true",'
        '"false","","","Long enough to investigate a complaint about how data was used.",'
        '"Deletion pauses during a legal hold.","Security team","2027-06-01"',
    ]
    assert rules[0] == {
        "id": "learning-records", "record_type": "Learning records", "kind": "learning_record",
        "period": "2 years", "period_days": 730, "trigger": "course completion",
        "disposal": "delete", "automated": True, "anonymised": False,
        "fields": ["full-name", "course-status"], "programs": ["learning"],
        "justification": "Needed for development planning.",
        "legal_hold": "Deletion pauses during a legal hold.", "owner": "People team",
        "next_review": "2027-06-01"}
    assert (rules[1]["period_days"], rules[1]["fields"], rules[1]["programs"]) == (1095, [], [])


def test_ropa_has_the_article_30_columns(built: tuple) -> None:
    _, _, files = built
    rows = list(csv.DictReader(io.StringIO(files["ropa.csv"])))
    assert rows == [{
        "processing_activity": "Learning records", "controller": "Minimal Co GmbH",
        "controller_contact": "Privacy team (privacy@example.com)", "dpo": "",
        "purposes": "Planning your development with your manager.",
        "data_subject_categories": "Employees",
        "personal_data_categories": "identifier; learning_record",
        "recipient_categories": "Example LMS Ltd (processor)", "third_country_transfers": "",
        "erasure_time_limits": "Learning records: 2 years after course completion",
        "security_measures": "TLS 1.2 or newer on every API."}]


def test_atom_feed_is_valid_and_lists_each_version(built: tuple) -> None:
    _, _, files = built
    feed = ET.fromstring(files["notices.atom"].encode())
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Learning records: version 1.0"]
    assert entries[0].find(f"{ATOM}link").get("href") == (
        "https://portal.example.com/notices/learning/")
    for element in (feed, *entries):
        assert element.findtext(f"{ATOM}id").startswith("tag:")
        assert element.findtext(f"{ATOM}updated").endswith("Z")


def test_exports_are_deterministic(built: tuple) -> None:
    policy, pages, files = built
    again = exports.all_exports(policy, pages, "https://portal.example.com/", "Portal")
    assert again == files


def test_urls_without_and_with_a_site_url() -> None:
    assert exports.notice_url("learning") == "notices/learning/"
    assert exports.notice_url("learning", "https://h.example/") == (
        "https://h.example/notices/learning/")
    assert exports.notice_url("learning", "https://h.example/portal") == (
        "https://h.example/portal/notices/learning/")


def test_each_file_on_its_own_defaults_to_relative_urls(built: tuple) -> None:
    policy, pages, files = built
    assert json.loads(exports.notices_json(policy, pages))["notices"][0]["url"] == (
        "notices/learning/v1.0/")
    feed = ET.fromstring(exports.notices_atom(policy).encode())
    assert feed.findtext(f"{ATOM}title") == "Minimal Co: privacy notice changes"
    assert feed.findtext(f"{ATOM}id") == "tag:example.com,2000:notices"


def test_the_feed_id_is_the_site_s_host(built: tuple) -> None:
    policy, _, _ = built
    for url in ("https://portal.example.com/a//b/", "http://portal.example.com",
                "https://portal.example.com/policies/"):
        feed = ET.fromstring(exports.notices_atom(policy, url, "P").encode())
        assert feed.findtext(f"{ATOM}id") == "tag:portal.example.com,2000:notices", url


def exports_of(tmp_path, case: str, edits: list[tuple[str, str, str]]) -> dict[str, str]:
    data = mutated(tmp_path, CASES / case if "/" in case else CASES / "valid" / case, edits)
    result = pipeline.check(data, OPTIONS, label_base=data.parent)
    assert not result.problems.errors, result.problems.format_text()
    pages = {p.src_uri: p for p in pipeline.build_pages(result.policy, OPTIONS)}
    return exports.all_exports(result.policy, pages, "https://h.example/X", "Portal")


def test_contacts_without_an_address(tmp_path) -> None:
    files = exports_of(tmp_path, "minimal", [
        ("organisation.yaml", "privacy_contact: {name: Privacy team, email: privacy@example.com}",
         "privacy_contact: {name: Privacy team, phone: '+49 30 1234'}"),
        ("organisation.yaml", "dpo: {none: Fewer than 20 people work with personal data and no "
         "processing needs an impact assessment.}", "dpo: {name: Dana Officer, phone: '+49 30 "
         "5678'}")])
    (row,) = csv.DictReader(io.StringIO(files["ropa.csv"]))
    assert (row["controller_contact"], row["dpo"]) == ("Privacy team", "Dana Officer")
    feed = ET.fromstring(files["notices.atom"].encode())
    assert feed.findtext(f"{ATOM}id") == "tag:h.example,2000:notices"
    assert feed.find(f"{ATOM}link").get("href") == "https://h.example/X/notices.atom"
    assert json.loads(files["notices.json"])["notices"][0]["url"] == (
        "https://h.example/X/notices/learning/v1.0/")


def test_without_a_site_url_or_an_address_the_feed_is_the_portal_s(built: tuple) -> None:
    policy, _, _ = built
    policy.organisation.privacy_contact.email = None
    feed = ET.fromstring(exports.notices_atom(policy).encode())
    assert feed.findtext(f"{ATOM}id") == "tag:portal,2000:notices"
    policy.programs.clear()
    feed = ET.fromstring(exports.notices_atom(policy, "https://h.example/").encode())
    assert (feed.findtext(f"{ATOM}updated"), feed.findall(f"{ATOM}entry")) == (
        "1970-01-01T00:00:00Z", [])


def test_a_site_url_without_a_scheme_still_names_its_host(built: tuple) -> None:
    policy, _, _ = built
    feed = ET.fromstring(exports.notices_atom(policy, "portal.example.com/p/").encode())
    assert feed.findtext(f"{ATOM}id") == "tag:portal.example.com,2000:notices"


def test_feed_entries_newest_first_then_by_program_and_version(tmp_path) -> None:
    day = "date: 2026-01-15, summary: First notice.}"
    files = exports_of(tmp_path, "rules/base", [
        ("programs/coaching.yaml", day, "date: 2026-03-01, summary: First notice.}\n"
         '    - {version: "0.9", date: 2026-03-01, summary: A draft.}'),
        ("programs/milestones.yaml", day, "date: 2026-03-01, summary: First notice.}\n"
         '    - {version: "0.9", date: 2026-01-01, summary: A draft.}'),
    ])
    feed = ET.fromstring(files["notices.atom"].encode())
    assert [e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry")] == [
        "tag:h.example,2026-03-01:notice/milestones/1.0",
        "tag:h.example,2026-03-01:notice/coaching/1.0",
        "tag:h.example,2026-03-01:notice/coaching/0.9",
        "tag:h.example,2026-01-01:notice/milestones/0.9"]
    assert feed.findtext(f"{ATOM}updated") == "2026-03-01T00:00:00Z"


def test_ropa_security_measures_are_the_launch_gate_items_met(tmp_path) -> None:
    files = exports_of(tmp_path, "rules/base", [])
    rows = {r["processing_activity"]: r["security_measures"]
            for r in csv.DictReader(io.StringIO(files["ropa.csv"]))}
    assert rows == {
        "Coaching tips": "TLS 1.2 or newer on every API.; MFA on every admin portal.; Device "
                         "management for company phones.",
        "Learning milestones in 1:1s": "TLS 1.2 or newer on every API.; MFA on every admin "
                                       "portal."}  # its phone item is not applicable


@pytest.fixture
def in_two_languages() -> tuple:
    """The sample data, whose German jurisdiction requires German: the pages in English and
    German, and each notice's records with a hash chain of their own."""
    import dataclasses

    from govportal.pipeline.languages import language_pages
    from govportal.publish.notice_records import notice_records

    result = pipeline.check(ROOT / "data", OPTIONS)
    assert not result.problems.errors
    english = pipeline.build_pages(result.policy, OPTIONS)
    german = language_pages(result.policy, OPTIONS, None, "public", english, True)
    pages = {p.src_uri: p for p in [*english, *german]}
    records = [dataclasses.replace(r, chain=f"chain-{r.notice_id}-{r.language}")
               for r in notice_records(result.policy, pages)]
    return result.policy, pages, records


def test_notices_json_lists_each_notice_in_each_language_it_is_published_in(
        in_two_languages: tuple) -> None:
    policy, pages, records = in_two_languages
    files = exports.all_exports(policy, pages, "https://portal.example.com/", "Portal",
                                {"micro-coaching": "lock-chain"}, records, coverage="{}\n")
    notices = json.loads(files["notices.json"])["notices"]
    assert [(n["id"], n["language"]) for n in notices] == [
        ("lms-milestones", "en"), ("lms-milestones", "de"),
        ("micro-coaching", "en"), ("micro-coaching", "de")]
    english, german = notices[2], notices[3]
    assert english["history_chain"] == "lock-chain"  # the lock's chain covers every language
    assert notices[0]["history_chain"] is None  # not in the chains given
    assert german["history_chain"] == "chain-micro-coaching-de"  # its record's
    assert german["title"] == policy.translations["de"]["programs"].root[
        "micro-coaching"]["title"].text
    assert german["changelog"][0]["summary"].startswith("Der erste Hinweis")
    page = pages["de/notices/micro-coaching.md"]
    assert german["content_hash"] == "sha256:" + hashlib.sha256(
        page.markdown.encode()).hexdigest()
    assert german["url"] == german["current_url"] == \
        "https://portal.example.com/de/notices/micro-coaching/"
    record = next(r for r in records if (r.notice_id, r.language) == ("micro-coaching", "de"))
    assert german["notice_hash"] == record.hash
    assert files["coverage.json"] == "{}\n"  # as the build made it


def test_coverage_json_is_made_when_the_build_gives_none(built: tuple) -> None:
    policy, pages, files = built
    assert files["coverage.json"] == exports.coverage_json(policy)
    assert json.loads(files["coverage.json"])["coverage"]


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("  +1", "'+1"), ("a-b", "a-b"), ("-3 days", "'-3 days"), ("X=1", "X=1"),
    (-3, "-3"), (["=x", "y"], "'=x; y"), (True, "true"), (None, "")])
def test_a_csv_cell_that_a_spreadsheet_would_run_is_made_inert(value: object,
                                                               cell: str) -> None:
    assert exports.csv_cell(value) == cell


def test_a_notice_address_joins_the_site_address_with_one_slash() -> None:
    assert exports.notice_url("p", "https://portal.example.com/") == \
        exports.notice_url("p", "https://portal.example.com") == \
        "https://portal.example.com/notices/p/"
    assert exports.notice_url("p", "https://h.example/X") == "https://h.example/X/notices/p/"
    assert exports.notice_url("p", "") == "notices/p/"


def test_a_notice_without_a_record_in_a_language_is_not_listed_in_it(
        in_two_languages: tuple) -> None:
    """Only what has its canonical text is listed: a German page without its record is
    left out (and a German record without its page)."""
    policy, pages, records = in_two_languages
    without = [r for r in records if (r.notice_id, r.language) != ("micro-coaching", "de")]
    notices = json.loads(exports.notices_json(policy, pages, "", None, without))["notices"]
    assert [(n["id"], n["language"]) for n in notices] == [
        ("lms-milestones", "en"), ("lms-milestones", "de"), ("micro-coaching", "en")]
    no_page = {k: v for k, v in pages.items() if k != "de/notices/lms-milestones.md"}
    notices = json.loads(exports.notices_json(policy, no_page, "", None, records))["notices"]
    assert [(n["id"], n["language"]) for n in notices] == [
        ("lms-milestones", "en"), ("micro-coaching", "en"), ("micro-coaching", "de")]
