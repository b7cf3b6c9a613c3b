"""The public edition's scan of one build (``SiteScan``), in process, on a real policy.

Each page is read once, as it is rendered; the walk over the written site afterwards reads
every other file and every page whose file changed since; a rebuild (``mkdocs serve``)
reads again only the pages whose bytes changed; a search index's entries are passed over
only where the text of their page, already read, holds all of theirs. The real builds are
in ``tests/sitebuild/test_editions.py``; expected messages and counts are written out here.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from govportal import pipeline
from govportal.publish import edition_scan
from govportal.publish.edition_scan import (
    SiteScan,
    _quote,
    find_leaks,
    internal_values,
    readable_text,
)
from govportal.publish.site_readings import SEPARATOR, chunks, where_within
from govportal.rules.registry import Options
from tests.sitebuild.test_editions import (
    CONTACT_EMAIL,
    CONTACT_NAME,
    CONTACT_PHONE,
    DPIA,
    EVIDENCE_REF,
    HISTORY,
    RISK,
    edit,
    internal_data,
)

NAME = ("contains the internal-only field contacts[0].name of data/incident-response.yaml "
        "('Ruth Okonkwo-Lindqvist')")
# The policy with two values changed: a risk note holding "<", an evidence reference of
# exactly twelve characters and a phone number of eleven.
OTHER_RISK = "Residual risk accepted while latency < 20 ms."


def _policy(tmp: Path, *edits: tuple[str, str, str]):
    data = internal_data(tmp)
    for name, old, new in edits:
        edit(data / name, old, new)
    result = pipeline.check(data, Options(today=dt.date(2026, 11, 22)), label_base=data.parent)
    assert not result.problems.errors, result.problems.errors
    return result.policy


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory):
    return _policy(tmp_path_factory.mktemp("internal"))


@pytest.fixture(scope="module")
def other_policy(tmp_path_factory: pytest.TempPathFactory):
    return _policy(tmp_path_factory.mktemp("other"),
                   ("vendors.yaml", RISK, OTHER_RISK),
                   ("vendors.yaml", f"reference: {EVIDENCE_REF}", "reference: SOC2-LMS-777"),
                   ("incident-response.yaml", f"phone: {CONTACT_PHONE}", "phone: ext 4911-07"))


@pytest.fixture(autouse=True)
def _first_build_of_the_process():
    """Each test starts as the first build of a process (no earlier scan to reuse)."""
    edition_scan._LAST_SCAN.clear()
    yield
    edition_scan._LAST_SCAN.clear()


def counts(rendered: int = 0, unchanged: int = 0, after: int = 0, passed: int = 0,
           read: int = 0, already: int = 0, read_before: int = 0, unwritten: int = 0
           ) -> dict[str, int]:
    return {"pages read while rendered": rendered,
            "pages unchanged since the last build": unchanged, "files read after": after,
            "files already read": already, "files not written since the last build": unwritten,
            "search entries passed over": passed, "search entries read": read,
            "search entries read in the last build": read_before}


def render(scan: SiteScan, site: Path, pages: dict[str, str]) -> None:
    """What the build does for each page: the scan reads it, MkDocs writes it."""
    for uri, output in pages.items():
        scan.page(uri, output)
        write(site, uri, output.encode("utf-8", errors="xmlcharrefreplace"))


def write(site: Path, rel: str, raw: bytes | str) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw.encode("utf-8") if isinstance(raw, str) else raw)


HOME = ("<h1>Welcome</h1>\n<p>The portal explains how <code>we</code> use staff data.</p>\n"
        "<p>Ask the CI<span>SO</span> desk.</p>\n")
ABOUT = "<h1>About</h1>\n<p>Who answers questions.</p>\n"
ASK = f"<p>Ask {CONTACT_NAME}.</p>\n"


def test_values_to_scan_for(other_policy) -> None:
    """Values of twelve characters or more, folded, with the text as written to show."""
    assert [(v.text, v.field, v.shown) for v in internal_values(other_policy)] == [
        ("residual risk accepted while latency < 20 ms.", "vendors[0].risk_notes",
         OTHER_RISK),
        ("a misrouted test batch in 2024 touched no customer data.",
         "vendors[0].incident_history", HISTORY),
        ("soc2-lms-777", "vendors[0].security_evidence[0].reference", "SOC2-LMS-777"),
        ("ruth okonkwo-lindqvist", "contacts[0].name", CONTACT_NAME),
        # the phone, "ext 4911-07", has eleven characters: too short to tell
        ("ciso-desk@example.com", "contacts[0].email", CONTACT_EMAIL),
        ("dpia-2026-01 (learning records)", "dpia", DPIA),
        ("checked by security with an external tls scan on 2026-03-10.",
         "launch_readiness[0].evidence",
         "Checked by security with an external TLS scan on 2026-03-10."),
    ]


def test_pages_read_while_rendered_are_not_read_again(tmp_path: Path, policy) -> None:
    scan = SiteScan(policy)
    render(scan, tmp_path, {"index.html": HOME, "about/index.html": ASK})
    write(tmp_path, "notes.txt", "Nothing internal here.")
    write(tmp_path, "assets/app.js", "console.log('hello');")
    assert scan.finish(tmp_path) == [f"about/index.html {NAME}"]
    assert scan.counts == counts(rendered=2, after=2, already=2)


def test_a_page_changed_after_it_was_read_is_read_again(tmp_path: Path, policy) -> None:
    """A later plugin may rewrite a page: what the file holds in the end decides."""
    scan = SiteScan(policy)
    render(scan, tmp_path, {"index.html": HOME, "about/index.html": ASK})
    write(tmp_path, "index.html", HOME + ASK)
    write(tmp_path, "about/index.html", ABOUT)
    assert scan.finish(tmp_path) == [f"index.html {NAME}"]
    assert scan.counts == counts(rendered=2, after=2)


def test_a_page_is_compared_with_its_file_as_mkdocs_encodes_it(tmp_path: Path,
                                                              policy) -> None:
    """A character UTF-8 cannot encode (a lone surrogate) is written as a reference."""
    scan = SiteScan(policy)
    render(scan, tmp_path, {"odd.html": "<p>An odd \ud800 character.</p>"})
    assert (tmp_path / "odd.html").read_bytes() == b"<p>An odd &#55296; character.</p>"
    assert scan.finish(tmp_path) == []
    assert scan.counts == counts(rendered=1, already=1)


def test_several_values_in_one_file_are_named_in_the_data_order(tmp_path: Path,
                                                                policy) -> None:
    scan = SiteScan(policy)
    render(scan, tmp_path, {"index.html": f"<p>{DPIA}, {HISTORY}, {CONTACT_NAME}</p>"})
    assert scan.finish(tmp_path) == [
        "index.html contains the internal-only field vendors[0].incident_history of "
        "data/vendors.yaml ('A misrouted test batch in 2024 touched …')",
        f"index.html {NAME}",
        "index.html contains the internal-only field dpia of data/programs/learning.yaml "
        "('DPIA-2026-01 (learning records)')"]


def test_files_the_scan_cannot_read_are_refused_and_the_walk_goes_on(tmp_path: Path,
                                                                     policy) -> None:
    scan = SiteScan(policy)
    # a page rendered into something that looks like a zip archive: unreadable as rendered
    render(scan, tmp_path, {"a.html": "PK\x03\x04not a zip"})
    write(tmp_path, "b.gz", b"\x1f\x8bnot really gzip")
    write(tmp_path, "c.txt", f"Ask {CONTACT_NAME}.")
    assert scan.finish(tmp_path) == [
        "a.html cannot be read by the edition scan (the zip archive cannot be read (File is "
        "not a zip file)): a public site holds only files the scan can read",
        "b.gz cannot be read by the edition scan (it cannot be expanded (Error -3 while "
        "decompressing data: unknown compression method)): a public site holds only files "
        "the scan can read",
        f"c.txt {NAME}"]
    assert scan.counts == counts(rendered=1, after=2, already=1)


def test_the_walk_goes_on_after_an_internal_page_and_a_theme_file(tmp_path: Path,
                                                                  policy) -> None:
    theme = tmp_path / "theme" / "theme.js"
    write(tmp_path, "theme/theme.js", f"// {CONTACT_NAME}\n")
    site = tmp_path / "site"
    write(site, "assets/theme.js", f"// {CONTACT_NAME}\n")
    write(site, "registers/assessments/index.html", "<p>Nothing internal.</p>")
    write(site, "zz.txt", f"Ask {CONTACT_NAME}.")
    assert find_leaks(site, policy, theme_copies={"assets/theme.js": str(theme)}) == [
        "registers/assessments/index.html is an internal-only page", f"zz.txt {NAME}"]


def test_a_theme_file_changed_to_the_same_size_and_time_is_still_read(tmp_path: Path,
                                                                      policy) -> None:
    theme = tmp_path / "theme.js"
    theme.write_text("// Ruth Okonkwo-Xindqvist\n", encoding="utf-8")
    site = tmp_path / "site"
    write(site, "theme.js", f"// {CONTACT_NAME}\n")  # one letter changed
    stat = theme.stat()
    os.utime(site / "theme.js", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert find_leaks(site, policy, theme_copies={"theme.js": str(theme)}) == [
        f"theme.js {NAME}"]


@pytest.mark.parametrize(("directory_urls", "named"), [
    (True, ["registers/assessments/index.html is an internal-only page",
            "registers/assessments.html is an internal-only page"]),
    (False, ["registers/assessments.html is an internal-only page"]),
])
def test_where_the_internal_page_is_looked_for(tmp_path: Path, policy, directory_urls: bool,
                                               named: list[str]) -> None:
    for rel in ("registers/assessments.html", "registers/assessments/index.html"):
        write(tmp_path, rel, "<p>Nothing internal.</p>")
    assert find_leaks(tmp_path, policy, directory_urls) == named
    assert SiteScan(policy, directory_urls).finish(tmp_path) == named


def test_by_default_the_site_has_directory_urls(tmp_path: Path, policy) -> None:
    write(tmp_path, "registers/assessments/index.html", "<p>Nothing internal.</p>")
    expected = ["registers/assessments/index.html is an internal-only page"]
    assert find_leaks(tmp_path, policy) == expected
    assert SiteScan(policy).finish(tmp_path) == expected
    # told when finishing, as the build does when the scan was made before the config
    assert SiteScan(policy, False).finish(tmp_path, use_directory_urls=True) == expected


# -- A rebuild in the same process (mkdocs serve) -------------------------------------------

def test_a_rebuild_reads_again_only_the_pages_that_changed(tmp_path: Path, policy) -> None:
    first = SiteScan(policy)
    render(first, tmp_path, {"index.html": HOME, "about/index.html": ABOUT,
                             "faq/index.html": ASK})
    assert first.finish(tmp_path) == [f"faq/index.html {NAME}"]
    second = SiteScan(policy)
    render(second, tmp_path, {"index.html": HOME, "about/index.html": ABOUT + ASK,
                              "faq/index.html": ASK})
    assert second.finish(tmp_path) == [f"about/index.html {NAME}", f"faq/index.html {NAME}"]
    assert second.counts == counts(rendered=1, unchanged=2, already=3)


def test_a_scan_for_other_values_reads_every_page_again(tmp_path: Path, policy,
                                                        other_policy) -> None:
    page = f"<p>{OTHER_RISK}</p>"
    first = SiteScan(policy)
    render(first, tmp_path, {"index.html": page})
    assert first.finish(tmp_path) == []
    second = SiteScan(other_policy)
    render(second, tmp_path, {"index.html": page})
    assert second.finish(tmp_path) == [
        "index.html contains the internal-only field vendors[0].risk_notes of "
        "data/vendors.yaml ('Residual risk accepted while latency < …')"]
    assert second.counts == counts(rendered=1, already=1)


def test_a_rebuild_does_not_read_again_the_other_files_that_did_not_change(tmp_path: Path,
                                                                           policy) -> None:
    """Files read only in the walk (not rendered as pages) are remembered too: unchanged, the
    next scan takes what was found in them, the refusal of an unreadable one included."""
    expected = [
        "b.gz cannot be read by the edition scan (it cannot be expanded (Error -3 while "
        "decompressing data: unknown compression method)): a public site holds only files "
        "the scan can read",
        f"c.txt {NAME}"]
    first = SiteScan(policy)
    render(first, tmp_path, {"index.html": HOME})
    write(tmp_path, "assets/app.js", "console.log('hello');")
    write(tmp_path, "b.gz", b"\x1f\x8bnot really gzip")
    write(tmp_path, "c.txt", f"Ask {CONTACT_NAME}.")
    assert first.finish(tmp_path) == expected
    assert first.counts == counts(rendered=1, after=3, already=1)
    second = SiteScan(policy)
    render(second, tmp_path, {"index.html": HOME})
    assert second.finish(tmp_path) == expected
    assert second.counts == counts(unchanged=1, already=4)
    # a file that changed is read again
    third = SiteScan(policy)
    render(third, tmp_path, {"index.html": HOME})
    write(tmp_path, "c.txt", "Ask the desk.")
    assert third.finish(tmp_path) == expected[:1]
    assert third.counts == counts(unchanged=1, after=1, already=3)


def _aged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file as old enough for its status to be trusted."""
    monkeypatch.setattr(edition_scan, "RACY_NS", 0)


def test_a_file_not_written_since_the_last_scan_is_not_read_again(tmp_path: Path, policy,
                                                                  monkeypatch) -> None:
    """A file the last scan read, whose status (size, times, inode) is the same and was old
    enough to trust, is taken as read; a file written since is read again, even with the
    same size and modification time; a page rendered in this build is read as written."""
    _aged(monkeypatch)
    first = SiteScan(policy)
    render(first, tmp_path, {"index.html": HOME})
    write(tmp_path, "c.txt", f"Ask {CONTACT_NAME}.")
    write(tmp_path, "d.txt", "Ask " + "-" * len(CONTACT_NAME))
    assert first.finish(tmp_path) == [f"c.txt {NAME}"]
    second = SiteScan(policy)
    render(second, tmp_path, {"index.html": HOME})
    assert second.finish(tmp_path) == [f"c.txt {NAME}"]
    assert second.counts == counts(unchanged=1, already=1, unwritten=2)
    third = SiteScan(policy)
    render(third, tmp_path, {"index.html": HOME})
    stat = (tmp_path / "d.txt").stat()
    write(tmp_path, "d.txt", f"Ask {CONTACT_NAME}")  # the same size and time, written again
    os.utime(tmp_path / "d.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert third.finish(tmp_path) == [f"c.txt {NAME}", f"d.txt {NAME}"]
    assert third.counts == counts(unchanged=1, after=1, already=1, unwritten=1)
    # a page rendered as the last build rendered it, its file not written since: not read
    fourth = SiteScan(policy)
    fourth.page("index.html", HOME)
    assert fourth.finish(tmp_path) == [f"c.txt {NAME}", f"d.txt {NAME}"]
    assert fourth.counts == counts(unchanged=1, unwritten=3)
    # rendered otherwise than its file, which was not written since: the file is read
    fifth = SiteScan(policy)
    fifth.page("index.html", ABOUT)
    assert fifth.finish(tmp_path) == [f"c.txt {NAME}", f"d.txt {NAME}"]
    assert fifth.counts == counts(rendered=1, after=1, unwritten=2)


def test_a_file_new_when_it_was_read_is_read_again(tmp_path: Path, policy) -> None:
    """Written less than two seconds before the scan, a file's status is not trusted."""
    first = SiteScan(policy)
    write(tmp_path, "c.txt", f"Ask {CONTACT_NAME}.")
    assert first.finish(tmp_path) == [f"c.txt {NAME}"]
    second = SiteScan(policy)
    assert second.finish(tmp_path) == [f"c.txt {NAME}"]
    assert second.counts == counts(already=1)


# -- The search index --------------------------------------------------------------------------

def _index(docs: list, **others) -> str:
    return json.dumps({"config": {"lang": ["en"]}, **others, "docs": docs})


ENTRIES = [
    CONTACT_EMAIL,  # not an entry: read as it is
    {"location": "", "title": "Welcome",
     "text": "The portal explains how <code>we</code> use staff data."},      # passed: 2
    {"location": "about/#who", "title": "About", "text": "Who answers questions."},  # 2
    {"location": "about/#who#x", "title": "About", "text": "Who answers questions."},  # 2
    # the text only matches with the tag read as nothing, not as a space: read
    {"location": "", "title": "Ask", "text": "Ask the CI<b>SO</b> desk."},    # 1, read 1
    # an attribute could hold anything: read
    {"location": "", "title": "Welcome", "text": f'<abbr title="{HISTORY}">Welcome</abbr>'},
    {"location": "", "title": "Welcome", "text": "The portal explains how we use staff data.",
     "summary": "The portal", "tags": ["staff"]},                              # 2 (not summary)
    {"location": "faq/", "title": "FAQ", "text": f"Ask {CONTACT_NAME}."},     # page leaked: read
    {"location": "faq/", "title": ""},      # nothing remembered of that page: read, even ""
    {"location": "missing/", "title": "", "text": "Nothing here."},           # never read: read
    {"location": 7, "title": "", "text": "Seven."},                           # no page: read
    {"location": "about/", DPIA: "a key", "title": "About"},                  # 1
    {"title": "About", "text": "Who answers questions."},                     # no location: read
]


def test_index_entries_are_passed_over_only_where_their_page_holds_them(tmp_path: Path,
                                                                        policy) -> None:
    scan = SiteScan(policy)
    render(scan, tmp_path, {"index.html": HOME, "about/index.html": ABOUT,
                            "faq/index.html": ASK})
    index = json.loads(_index(ENTRIES))
    index = {"config": {"lang": ["en"], "note": CONTACT_PHONE}, EVIDENCE_REF: 1,
             "docs": index["docs"]}
    write(tmp_path, "search/search_index.json", json.dumps(index))
    # the same shape under another name is read as any JSON file
    write(tmp_path, "pages.json", _index([{"location": "", "title": "Welcome"}]))
    field = "contains the internal-only field"
    assert scan.finish(tmp_path) == [
        f"faq/index.html {NAME}",
        f"search/search_index.json {field} vendors[0].incident_history of data/vendors.yaml "
        "('A misrouted test batch in 2024 touched …')",
        f"search/search_index.json {field} vendors[0].security_evidence[0].reference of "
        "data/vendors.yaml ('SOC2-LMS-2026-77')",
        f"search/search_index.json {NAME}",
        f"search/search_index.json {field} contacts[0].phone of data/incident-response.yaml "
        "('internal extension 4911')",
        f"search/search_index.json {field} contacts[0].email of data/incident-response.yaml "
        "('ciso-desk@example.com')",
        f"search/search_index.json {field} dpia of data/programs/learning.yaml "
        "('DPIA-2026-01 (learning records)')",
    ]
    assert scan.counts == counts(rendered=3, after=2, passed=11, read=6, already=3)


def test_an_entry_is_passed_over_only_if_its_text_reads_the_same_both_ways(tmp_path: Path,
                                                                           policy) -> None:
    """With its tag read as nothing "CI<b>SO</b>" is in the page; read as a space it is not."""
    scan = SiteScan(policy)
    render(scan, tmp_path, {"index.html": HOME})
    write(tmp_path, "search_index.json",
          _index([{"location": "", "title": "Ask", "text": "Ask the CI<b>SO</b> desk."}]))
    assert scan.finish(tmp_path) == []
    assert scan.counts == counts(rendered=1, after=1, passed=1, read=1, already=1)


def test_entries_out_of_their_page_order_are_still_passed_over(tmp_path: Path,
                                                               policy) -> None:
    """Each entry is looked for from where the page's last one was found, then before it."""
    scan = SiteScan(policy)
    render(scan, tmp_path, {"index.html": HOME})
    write(tmp_path, "search_index.json", _index([
        {"location": "", "title": "Ask", "text": "Ask the CISO desk."},
        {"location": "", "title": "Welcome", "text": "The portal explains how we use"}]))
    assert scan.finish(tmp_path) == []
    assert scan.counts == counts(rendered=1, after=1, passed=4, already=1)


def test_each_entry_is_looked_for_from_where_the_last_was_found_and_once(
        tmp_path: Path, policy, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where each entry is looked for first (the page's cursor), and that a rebuild whose
    page reading is the same asks nothing again: both only save time, so they are watched
    here rather than inferred from what is found."""
    asked: list[tuple[str, int]] = []

    def watched(string: str, page: str, start: int = 0) -> int:
        asked.append((string, start))
        return where_within(string, page, start)

    monkeypatch.setattr(edition_scan, "where_within", watched)
    entries = [{"location": "", "title": "Welcome", "text": "The portal explains how we"},
               {"location": "", "title": "Ask", "text": "Ask the CISO desk."}]
    assert _rebuild(SiteScan(policy), tmp_path, entries) == []
    page = "welcome the portal explains how we use staff data. ask the ciso desk."
    assert asked == [("Welcome", 0), ("The portal explains how we", 0),
                     ("Ask", page.index("the portal")), ("Ask the CISO desk.", page.index("ask"))]
    asked.clear()
    again = SiteScan(policy)
    assert _rebuild(again, tmp_path, entries) == []
    assert asked == []
    assert again.counts == counts(unchanged=1, after=1, passed=4, already=1)


def test_where_an_entry_lies_within_its_page() -> None:
    page = "welcome the portal explains how we use staff data. ask the ciso desk."
    assert where_within("Ask the <b>CISO</b> desk.", page) == page.index("ask")
    assert where_within("Welcome", page, start=page.index("ask")) == 0
    assert where_within("Welcome", page, start=len(page)) == 0
    assert where_within("staff data", page, start=page.index("data")) == page.index("staff")
    assert where_within("ask the ciso desk.", page, start=len(page)) == page.index("ask")
    # from the cursor on, the first place; before it, the first place too
    twice = "xabc abc abc"
    assert where_within("abc", twice) == 1
    assert where_within("abc", "abc abc") == 0
    assert where_within("abc", twice, start=2) == 5
    assert where_within("abc", twice, start=len(twice)) == 1
    assert where_within("abc", "xabc", start=2) == 1  # a place that ends after the cursor
    # both readings are in the page, but they differ: the entry is read, not passed over
    both = "ab a b"
    assert where_within("<i>a</i><i>b</i>", both) == -1
    assert where_within("<i>a</i> <i>b</i>", both) == both.index("a b")
    assert where_within("Who answers?", page) == -1
    assert where_within('<a href="x">Welcome</a>', page) == -1


def test_an_index_without_the_pages_read_is_read_whole(tmp_path: Path, policy) -> None:
    write(tmp_path, "search/search_index.json", _index(ENTRIES[1:3]))
    scan = SiteScan(policy)
    assert scan.finish(tmp_path) == []
    assert scan.counts == counts(after=1)


@pytest.mark.parametrize("raw", [
    b" " + _index(ENTRIES[1:3]).encode(),                       # not starting with "{"
    _index(ENTRIES[1:3]).encode("utf-16"),                      # UTF-16
    _index([*ENTRIES[1:3], "café"]).replace("\\u00e9", "\xe9").encode("latin-1"),  # Latin-1
    json.dumps({"config": {}, "entries": ENTRIES[1:3]}).encode(),  # no "docs"
    json.dumps({"config": {}, "docs": {"a": ENTRIES[1]}}).encode(),  # "docs" not a list
    b"{not json",
])
def test_an_index_this_scan_does_not_understand_is_read_as_any_file(tmp_path: Path, policy,
                                                                    raw: bytes) -> None:
    scan = SiteScan(policy)
    render(scan, tmp_path, {"index.html": HOME, "about/index.html": ABOUT})
    write(tmp_path, "search/search_index.json", raw)
    assert scan.finish(tmp_path) == []
    assert scan.counts == counts(rendered=2, after=1, already=2)


def test_entries_are_all_read_when_a_value_holds_a_tag_opening(tmp_path: Path,
                                                                other_policy) -> None:
    """A value with "<" in it could straddle an entry's markup."""
    scan = SiteScan(other_policy)
    render(scan, tmp_path, {"index.html": HOME})
    write(tmp_path, "search/search_index.json", _index(ENTRIES[1:2]))
    assert scan.finish(tmp_path) == []
    # read as any JSON file: no entries
    assert scan.counts == counts(rendered=1, after=1, already=1)


def test_index_locations_without_directory_urls(tmp_path: Path, policy) -> None:
    scan = SiteScan(policy, use_directory_urls=False)
    render(scan, tmp_path, {"index.html": HOME, "about.html": ABOUT,
                            "faq/index.html": ABOUT})
    docs = [{"location": "index.html", "title": "Welcome"},                     # passed 1
            {"location": "about.html#who", "title": "About",
             "text": "Who answers questions."},                                 # passed 2
            {"location": "faq/", "title": "About", "text": "Who answers questions."},
            {"location": "", "title": "Welcome", "text": "The portal"}]          # read 2
    write(tmp_path, "search_index.json", _index(docs))
    assert scan.finish(tmp_path) == []
    assert scan.counts == counts(rendered=3, after=1, passed=3, read=2, already=3)
    # the same site, with directory URLs told when finishing: "faq/" and "" are pages
    again = SiteScan(policy, use_directory_urls=False)
    render(again, tmp_path, {"index.html": HOME, "about.html": ABOUT, "faq/index.html": ABOUT})
    assert again.finish(tmp_path, use_directory_urls=True) == []
    assert again.counts == counts(unchanged=3, after=1, passed=7, already=3)


def test_a_page_rendered_as_plain_text_is_not_remembered_for_the_index(tmp_path: Path,
                                                                       policy) -> None:
    scan = SiteScan(policy)
    render(scan, tmp_path, {"notes.txt": "Who answers questions."})
    write(tmp_path, "search_index.json",
          _index([{"location": "notes.txt", "text": "Who answers questions."}]))
    assert scan.finish(tmp_path) == []
    assert scan.counts == counts(rendered=1, after=1, read=1, already=1)


def test_a_page_read_only_in_the_walk_is_not_remembered_for_the_index(tmp_path: Path,
                                                                     policy) -> None:
    """A page written without being rendered through the scan has no text to compare an
    entry with: its entries are read, even empty ones."""
    scan = SiteScan(policy)
    write(tmp_path, "a.html", "<p>Who answers questions.</p>")
    write(tmp_path, "search_index.json",
          _index([{"location": "a.html", "title": "", "text": ""}]))
    assert scan.finish(tmp_path) == []
    assert scan.counts == counts(after=2, read=1)


# -- The search index in a rebuild (mkdocs serve) ---------------------------------------------

KEPT = [{"location": "", "title": "Welcome",
         "text": "The portal explains how <code>we</code> use staff data."},  # passed: 2
        {"location": "", "title": "Welcome", "text": "Not on the page."},      # passed 1, read 1
        {"location": "missing/", "title": "", "text": "Nothing here."},        # read: 1
        {"location": 7, "title": "", "text": "Seven."}]                        # read: 1


@pytest.fixture(scope="module")
def phone_policy(tmp_path_factory: pytest.TempPathFactory):
    """Another value sought, none holding "<" (entries may still be passed over)."""
    return _policy(tmp_path_factory.mktemp("phone"),
                   ("incident-response.yaml", f"phone: {CONTACT_PHONE}", "phone: ext 4911-07"))


def _rebuild(scan: SiteScan, site: Path, docs: list, pages: dict[str, str] | None = None
             ) -> list[str]:
    render(scan, site, pages or {"index.html": HOME})
    write(site, "search/search_index.json", _index(docs))
    return scan.finish(site)


def test_a_rebuild_does_not_read_again_the_index_strings_that_held_no_value(
        tmp_path: Path, policy) -> None:
    first = SiteScan(policy)
    assert _rebuild(first, tmp_path, KEPT) == []
    assert first.counts == counts(rendered=1, after=1, passed=3, read=3, already=1)
    # what was found of each entry of a page is remembered for that entry
    second = SiteScan(policy)
    assert _rebuild(second, tmp_path, KEPT) == []
    assert second.counts == counts(unchanged=1, after=1, passed=3, read_before=3, already=1)
    # a new entry is read, and what it holds is found
    third = SiteScan(policy)
    leak = {"location": "faq/", "title": "FAQ", "text": f"Ask {CONTACT_NAME}."}
    assert _rebuild(third, tmp_path, [*KEPT, leak]) == [f"search/search_index.json {NAME}"]
    assert third.counts == counts(unchanged=1, after=1, passed=3, read=1, read_before=3,
                                  already=1)


def test_strings_read_together_with_a_value_are_all_read_again(tmp_path: Path,
                                                               policy) -> None:
    """What a chunk holds is not known string by string: none of its strings is kept as
    holding nothing."""
    leak = {"location": "faq/", "title": "FAQ", "text": f"Ask {CONTACT_NAME}."}
    for _ in range(2):
        scan = SiteScan(policy)
        assert _rebuild(scan, tmp_path, [*KEPT, leak]) == [f"search/search_index.json {NAME}"]
        assert scan.counts["search entries read"] == 4
        assert scan.counts["search entries read in the last build"] == 0


def test_an_entry_passed_over_is_compared_again_with_its_page_when_the_page_changed(
        tmp_path: Path, policy) -> None:
    """An entry that lay within its page's text is passed over again while the page's
    reading is the same, and compared again with the page once the page changed."""
    shown = {"location": "", "title": "", "text": "The portal explains how we use staff data."}
    assert _rebuild(SiteScan(policy), tmp_path, [shown]) == []
    again = SiteScan(policy)
    assert _rebuild(again, tmp_path, [shown]) == []
    assert again.counts == counts(unchanged=1, after=1, passed=2, already=1)
    changed = SiteScan(policy)
    assert _rebuild(changed, tmp_path, [shown], {"index.html": ABOUT}) == []
    assert changed.counts == counts(rendered=1, after=1, passed=1, read=1, already=1)


def test_a_scan_for_other_values_reads_every_index_string_again(tmp_path: Path, policy,
                                                                phone_policy) -> None:
    assert _rebuild(SiteScan(policy), tmp_path, KEPT) == []
    other = SiteScan(phone_policy)
    assert _rebuild(other, tmp_path, KEPT) == []
    assert other.counts == counts(rendered=1, after=1, passed=3, read=3, already=1)


# -- Small parts ---------------------------------------------------------------------------

def test_strings_are_read_in_chunks_of_about_64_kib() -> None:
    size = 1 << 16
    a, b = "a" * (size - 1), "b" * (size - 1)
    assert list(chunks(iter([a, "x", b, "y", "z"]))) == [
        f"{a}{SEPARATOR}x", f"{b}{SEPARATOR}y", "z"]
    assert list(chunks(iter(["c" * size, "d"]))) == ["c" * size, "d"]
    assert list(chunks(iter([]))) == []


@pytest.mark.parametrize(("text", "quoted"), [
    ("a" * 40, "'" + "a" * 40 + "'"),
    ("a" * 41, "'" + "a" * 39 + "…'"),
    ("two\n  lines", "'two lines'"),
])
def test_a_value_is_quoted_on_one_line_and_cut_after_40_characters(text: str,
                                                                   quoted: str) -> None:
    assert _quote(text) == quoted


def test_every_text_of_an_archive_is_read_whatever_its_kind(tmp_path: Path, policy) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("page.html", f"<p>{CONTACT_NAME}</p>")
        archive.writestr("data.json", json.dumps({CONTACT_EMAIL: "a key"}))
        archive.writestr("notes.txt", DPIA)
    write(tmp_path, "bundle.zip", buffer.getvalue())
    field = "bundle.zip contains the internal-only field"
    assert find_leaks(tmp_path, policy) == [
        f"bundle.zip {NAME}",
        f"{field} contacts[0].email of data/incident-response.yaml ('ciso-desk@example.com')",
        f"{field} dpia of data/programs/learning.yaml ('DPIA-2026-01 (learning records)')"]


@pytest.mark.parametrize(("name", "content", "text"), [
    # HTML: entities decoded with the markup kept, the text with tags as nothing, as spaces
    ("page.html", "<p>Residual <em>risk</em> &amp; more</p>",
     "<p>residual <em>risk</em> & more</p>\nresidual risk & more\nresidual risk & more"),
    # other text: as written, and with entities decoded
    ("notes.txt", "R&amp;D  budget", "r&amp;d budget\nr&d budget"),
    # JSON: keys and values
    ("data.json", json.dumps({"Key": ["a &lt; b"]}), "key\x00 a < b"),
])
def test_the_views_of_a_file(tmp_path: Path, name: str, content: str, text: str) -> None:
    write(tmp_path, name, content)
    assert readable_text(tmp_path / name) == text
