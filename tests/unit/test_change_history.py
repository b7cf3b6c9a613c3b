"""The published history of a notice, built in the test process from a lock and an archive
made here: the versions newest first, the pages of earlier versions, the "what changed"
page, the banner after a material change and the list of versions on the current notice.

What the pages say is written out in full (the Markdown the portal hands to MkDocs; the site
builds in ``tests/sitebuild`` check the rendered HTML of the same pages).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govportal.changes.archive import Archive
from govportal.changes.facts import Difference, Facts, RetentionFact
from govportal.changes.history import History, Version, anchor, changes_uri, relink, version_uri
from govportal.changes.lock import Correction, Lock, LockedVersion, Retired
from govportal.data.loader import load_policy
from govportal.data.policy import Policy
from govportal.pages.environment import environment
from govportal.pages.page import Page
from govportal.problems import Problems
from tests.conftest import CASES, copy_case

A, B, C = ("a" * 64, "b" * 64, "c" * 64)
OLD_FACTS = Facts(retention={"learning-records": RetentionFact(
    record="Learning records", period="2 years", days=730)})
NEW_FACTS = Facts(retention={"learning-records": RetentionFact(
    record="Learning records", period="3 years", days=1095)})
V10_TEXT = ("# Privacy notice: Learning records\n\nSee [the register](../registers/retention.md)"
            ", [a page gone](gone.md), [its changes](learning/changes.md) and "
            "[the web](https://example.com/x).\n")
V11_TEXT = "# Privacy notice: Learning records\n\nRecords are kept for 3 years.\n"
GHOST_TEXT = "# Privacy notice: Coaching tips\n\nTips were sent each week.\n"


def _policy(tmp_path: Path, material: bool = True) -> Policy:
    data = copy_case(CASES / "valid" / "minimal", None, tmp_path / "data")
    program = data / "programs" / "learning.yaml"
    text = program.read_text(encoding="utf-8")
    text = text.replace('version: "1.0"\n  effective: 2026-01-15',
                        'version: "1.1"\n  effective: 2026-11-01')
    text = text.replace("  changelog:\n", '  changelog:\n    - {version: "1.1", date: '
                        "2026-10-01, summary: Records are kept *longer*., material: "
                        f"{str(material).lower()}, changes: ['Learning records: 3 years']}}\n")
    program.write_text(text, encoding="utf-8")
    problems = Problems()
    policy = load_policy(data, problems)
    assert problems.items == []
    return policy


def _lock(tmp_path: Path) -> Lock:
    return Lock(tmp_path / "notices.lock.json", "notices.lock.json", notices={
        "learning": {
            "1.1": LockedVersion(sha256=A, wording=B, effective=dt.date(2026, 11, 1),
                                 facts=NEW_FACTS),
            "1.0": LockedVersion(sha256=C, wording=B, effective=dt.date(2026, 1, 15),
                                 facts=OLD_FACTS, corrections=[Correction(
                                     date=dt.date(2026, 3, 2), reason="A *blank* line added.",
                                     replaces=A, wording_unchanged=True)]),
        },
        "ghost": {"2": LockedVersion(sha256=A, wording=B, effective=dt.date(2025, 5, 1),
                                     facts=Facts())},
    }, retired={"ghost": Retired(date=dt.date(2026, 2, 1), reason="The app was *closed*.")})


def _archive(tmp_path: Path) -> Archive:
    archive = Archive(tmp_path / "notices-archive", "notices-archive", tmp_path)
    assert archive.write("learning", "1.0", V10_TEXT)
    assert archive.write("learning", "1.1", V11_TEXT)
    assert archive.write("ghost", "2", GHOST_TEXT)
    return archive


def _history(tmp_path: Path, today: dt.date = dt.date(2026, 11, 10), banner_days: int = 30,
             material: bool = True) -> History:
    return History(_policy(tmp_path, material), _lock(tmp_path), _archive(tmp_path),
                   environment(), today, banner_days)


def test_addresses_of_the_history_pages() -> None:
    assert version_uri("learning", "1.10") == "notices/learning/v1.10.md"
    assert changes_uri("learning") == "notices/learning/changes.md"
    assert anchor("1.10.2") == "v1-10-2"


@pytest.mark.parametrize(("markdown", "expected"), [
    ("[retention](../registers/retention.md)", "[retention](../../registers/retention.md)"),
    ("[the guide](../guides/learning.md#ask)", "[the guide](../../guides/learning.md#ask)"),
    ("[other notice](other.md)", "[other notice](../other.md)"),
    ("[gone](gone.md)", "gone"),
    ("[web](https://example.com/a.md)", "[web](https://example.com/a.md)"),
    ("[mail](mailto:privacy@example.com)", "[mail](mailto:privacy@example.com)"),
    ("[top](#retention)", "[top](#retention)"),
    ("[root](/registers/retention.md)", "[root](/registers/retention.md)"),
    ("[A](other.md) and [B](gone.md)", "[A](../other.md) and B"),
    ("[two\nlines](other.md)", "[two\nlines](other.md)"),
    ("[what changed](learning/changes.md#v1-0)", "[what changed](changes.md#v1-0)"),
])
def test_relative_links_are_made_to_work_one_folder_deeper(markdown: str, expected: str) -> None:
    known = {"registers/retention.md", "guides/learning.md", "notices/other.md",
             "notices/learning/changes.md"}
    assert relink(markdown, "learning", known) == expected


def test_versions_newest_first_with_what_each_changed(tmp_path: Path) -> None:
    history = _history(tmp_path)
    newest, oldest = history.versions("learning")
    assert (newest.version, newest.effective, newest.until) == ("1.1", dt.date(2026, 11, 1),
                                                               None)
    assert (newest.first, newest.current, newest.material) == (False, True, True)
    assert newest.entry is not None and newest.entry.summary == "Records are kept *longer*."
    assert newest.differences == [Difference(
        "retention", "longer", "Learning records kept 3 years instead of 2 years", True)]
    assert newest.corrections == []
    assert (newest.file, newest.anchor) == ("v1.1.md", "v1-1")
    assert (oldest.version, oldest.effective, oldest.until) == (
        "1.0", dt.date(2026, 1, 15), dt.date(2026, 11, 1))
    assert (oldest.first, oldest.current, oldest.material) == (True, False, False)
    assert oldest.entry is not None and oldest.entry.summary == "First notice."
    assert oldest.differences == []
    assert [c.reason for c in oldest.corrections] == ["A *blank* line added."]
    assert history.versions("nobody") == []


def test_a_removed_program_keeps_its_versions_without_changelog(tmp_path: Path) -> None:
    history = _history(tmp_path)
    (only,) = history.versions("ghost")
    assert only == Version("ghost", "2", dt.date(2025, 5, 1), None, None, [], first=True,
                           current=False, corrections=[])
    assert only.material is False


def test_the_title_of_a_removed_program_comes_from_its_last_archived_heading(
        tmp_path: Path) -> None:
    history = _history(tmp_path)
    history.archive.write("learning", "1.1", "# Privacy notice: An older name\n\nText.\n")
    assert history.title("learning") == "Learning records"  # the data's title comes first
    assert history.title("ghost") == "Coaching tips"
    history.archive.write("ghost", "2", "No heading here.\n")
    assert history.title("ghost") == "ghost"
    history.lock.notices["ghost"]["1"] = history.lock.notices["ghost"]["2"]
    history.archive.write("ghost", "1", "# Old tips  \n\nText.\n")
    assert history.title("ghost") == "Old tips"  # the newest version with a heading
    assert history.title("nobody") == "nobody"


def _pages(history: History) -> dict[str, Page]:
    known = {"notices/learning.md", "registers/retention.md", "notices/learning/changes.md"}
    return {p.src_uri: p for p in history.pages(known)}


def test_the_pages_of_every_locked_notice(tmp_path: Path) -> None:
    pages = _pages(_history(tmp_path))
    assert [(uri, p.title, p.section, p.in_nav) for uri, p in pages.items()] == [
        ("notices/ghost/v2.md", "Privacy notice: Coaching tips (version 2)", "employees",
         False),
        ("notices/ghost/changes.md", "What changed: Coaching tips", "employees", False),
        ("notices/learning/v1.1.md", "Privacy notice: Learning records (version 1.1)",
         "employees", False),
        ("notices/learning/v1.0.md", "Privacy notice: Learning records (version 1.0)",
         "employees", False),
        ("notices/learning/changes.md", "What changed: Learning records", "employees", False),
    ]
    assert pages["notices/learning/v1.0.md"].meta == {
        "govportal": "notice-version", "program_id": "learning", "notice_version": "1.0",
        "notice_language": "en", "search": {"exclude": True}}
    assert pages["notices/learning/changes.md"].meta == {
        "govportal": "notice-changes", "program_id": "learning"}


def test_an_earlier_version_page(tmp_path: Path) -> None:
    page = _pages(_history(tmp_path))["notices/learning/v1.0.md"]
    assert page.markdown == (
        "# Privacy notice: Learning records (version 1.0)\n\n"
        '<div class="gp-old-version admonition note" role="note" markdown>\n'
        '<p class="admonition-title">An earlier version of this notice</p>\n\n'
        "Version 1.0 was in effect from January 15, 2026 until November 1, 2026.\n"
        "[Read the current notice](../learning.md) · [What changed in this version]"
        "(changes.md#v1-0) · [The exact text of this version](v1.0/en.txt) (its SHA-256 is "
        "in [notices.json](../../notices.json))\n\n"
        '<p class="gp-correction"><strong>Corrected on March 2, 2026</strong> (layout only; '
        "the wording is unchanged): A <em>blank</em> line added.</p>\n"
        "</div>\n\n"
        "See [the register](../../registers/retention.md), a page gone, "
        "[its changes](changes.md) and [the web](https://example.com/x).\n\n")


def test_the_current_version_page(tmp_path: Path) -> None:
    page = _pages(_history(tmp_path))["notices/learning/v1.1.md"]
    assert page.markdown == (
        "# Privacy notice: Learning records (version 1.1)\n\n"
        '<div class="gp-old-version admonition info" role="note" markdown>\n'
        '<p class="admonition-title">The current version, at its permanent address</p>\n\n'
        "Version 1.1 is in effect from November 1, 2026.\n"
        "[Read the current notice](../learning.md) · [What changed in this version]"
        "(changes.md#v1-1) · [The exact text of this version](v1.1/en.txt) (its SHA-256 is "
        "in [notices.json](../../notices.json))\n"
        "</div>\n\n"
        "Records are kept for 3 years.\n\n")


def test_a_retired_notice_says_when_and_why(tmp_path: Path) -> None:
    pages = _pages(_history(tmp_path))
    assert pages["notices/ghost/v2.md"].markdown == (
        "# Privacy notice: Coaching tips (version 2)\n\n"
        '<div class="gp-old-version admonition note" role="note" markdown>\n'
        '<p class="admonition-title">An earlier version of this notice</p>\n\n'
        "Version 2 is in effect from May 1, 2025.\n"
        "[What changed in this version](changes.md#v2) · [The exact text of this version]"
        "(v2/en.txt) (its SHA-256 is in [notices.json](../../notices.json))\n\n"
        "**This notice is no longer in use:** retired on February 1, 2026. The app was "
        "<em>closed</em>.\n"
        "</div>\n\n"
        "Tips were sent each week.\n\n")
    assert pages["notices/ghost/changes.md"].markdown == (
        "# What changed: Coaching tips\n\n"
        "Every version of this privacy notice, newest first, and what each one changed for "
        "you.\n\n"
        "**This notice is no longer in use:** retired on February 1, 2026. The app was "
        "<em>closed</em>.\n\n"
        "## Version 2 { #v2 }\n\n"
        "*In effect from May 1, 2025.* [Read version 2](v2.md)\n\n"
        "This was the first published version of this notice.\n\n")


def test_the_what_changed_page(tmp_path: Path) -> None:
    page = _pages(_history(tmp_path))["notices/learning/changes.md"]
    assert page.markdown == (
        "# What changed: Learning records\n\n"
        "Every version of this privacy notice, newest first, and what each one changed for "
        "you. [Read the current notice](../learning.md).\n\n"
        "## Version 1.1 { #v1-1 }\n\n"
        "*In effect from November 1, 2026.* [Read version 1.1](v1.1.md)\n\n"
        '<p class="gp-material"><strong>An important change:</strong> it changes what is '
        "done with your information.</p>\n\n"
        "<p>Records are kept <em>longer</em>.</p>\n\n"
        "- Learning records: 3 years\n\n"
        "**What changed in how your information is used**\n\n"
        "- Learning records kept 3 years instead of 2 years (important)\n\n"
        "## Version 1.0 { #v1-0 }\n\n"
        "*In effect from January 15, 2026 until November 1, 2026.* [Read version 1.0]"
        "(v1.0.md)\n\n"
        '<p class="gp-correction"><strong>Corrected on March 2, 2026</strong> (layout only; '
        "the wording is unchanged): A <em>blank</em> line added.</p>\n\n"
        "<p>First notice.</p>\n\n"
        "This was the first published version of this notice.\n\n")


def test_a_version_without_archived_text_has_no_page_but_stays_in_the_list(
        tmp_path: Path) -> None:
    history = _history(tmp_path)
    (tmp_path / "notices-archive" / "learning" / "1.0.md").unlink()
    pages = _pages(history)
    assert "notices/learning/v1.0.md" not in pages
    assert "## Version 1.0 { #v1-0 }" in pages["notices/learning/changes.md"].markdown


def test_a_newest_version_without_archived_text_leaves_the_older_pages(
        tmp_path: Path) -> None:
    history = _history(tmp_path)
    (tmp_path / "notices-archive" / "learning" / "1.1.md").unlink()
    assert [u for u in _pages(history) if u.startswith("notices/learning/")] == [
        "notices/learning/v1.0.md", "notices/learning/changes.md"]


def test_a_current_program_still_listed_as_retired_is_not_called_retired(
        tmp_path: Path) -> None:
    history = _history(tmp_path)
    history.lock.retired["learning"] = Retired(date=dt.date(2026, 2, 1), reason="Paused.")
    pages = _pages(history)
    assert "no longer in use" not in pages["notices/learning/v1.0.md"].markdown
    assert "no longer in use" not in pages["notices/learning/changes.md"].markdown


def test_three_versions_each_in_effect_until_the_next(tmp_path: Path) -> None:
    history = _history(tmp_path)
    history.lock.notices["learning"]["0.9"] = LockedVersion(
        sha256=A, wording=B, effective=dt.date(2025, 6, 1), facts=OLD_FACTS)
    assert [(v.version, v.effective, v.until, v.first) for v in history.versions("learning")] == [
        ("1.1", dt.date(2026, 11, 1), None, False),
        ("1.0", dt.date(2026, 1, 15), dt.date(2026, 11, 1), False),
        ("0.9", dt.date(2025, 6, 1), dt.date(2026, 1, 15), True),
    ]


def test_an_archived_text_without_a_heading_gets_the_title(tmp_path: Path) -> None:
    history = _history(tmp_path)
    history.archive.write("learning", "1.1", "Records are kept for 3 years.\n")
    page = _pages(history)["notices/learning/v1.1.md"]
    assert page.title == "Learning records (version 1.1)"
    assert page.markdown.startswith("# Learning records (version 1.1)\n\n")
    assert page.markdown.endswith("</div>\n\nRecords are kept for 3 years.\n\n")


def test_a_program_with_no_locked_version_has_no_history(tmp_path: Path) -> None:
    history = _history(tmp_path)
    history.lock.notices["empty"] = {}  # sorted first: the others still follow
    assert list(_pages(history)) == [
        "notices/ghost/v2.md", "notices/ghost/changes.md", "notices/learning/v1.1.md",
        "notices/learning/v1.0.md", "notices/learning/changes.md"]


@pytest.mark.parametrize(("today", "days", "material", "shown"), [
    (dt.date(2026, 11, 10), 30, True, True),
    (dt.date(2026, 11, 30), 30, True, True),   # the 30th day after it took effect
    (dt.date(2026, 12, 1), 30, True, False),   # 30 days have passed
    (dt.date(2026, 10, 20), 30, True, True),   # announced before it takes effect
    (dt.date(2026, 11, 10), 0, True, False),   # banners switched off
    (dt.date(2026, 10, 20), 0, True, False),   # switched off, even before it takes effect
    (dt.date(2026, 11, 1), 1, True, True),     # one day: the day it takes effect
    (dt.date(2026, 11, 2), 1, True, False),
    (dt.date(2026, 11, 10), 30, False, False),  # not a material change
])
def test_the_banner_is_shown_for_a_material_change_for_its_days(
        tmp_path: Path, today: dt.date, days: int, material: bool, shown: bool) -> None:
    history = _history(tmp_path, today, days, material)
    entry = history.banner_due(history.policy.programs["learning"])
    assert (entry.summary if entry else None) == (
        "Records are kept *longer*." if shown else None)


def test_the_banner_is_shown_for_30_days_unless_told_otherwise(tmp_path: Path) -> None:
    history = History(_policy(tmp_path), _lock(tmp_path), _archive(tmp_path), environment(),
                      dt.date(2026, 12, 1))
    assert history.banner_due(history.policy.programs["learning"]) is None
    history.today = dt.date(2026, 11, 30)
    assert history.banner_due(history.policy.programs["learning"]) is not None


def test_a_negative_number_of_banner_days_shows_no_banner(tmp_path: Path) -> None:
    history = _history(tmp_path, dt.date(2026, 10, 20), -1)
    assert history.banner_due(history.policy.programs["learning"]) is None


def test_a_version_without_changelog_entry_shows_no_banner(tmp_path: Path) -> None:
    history = _history(tmp_path)
    program = history.policy.programs["learning"]
    program.notice.version = "1.2"
    assert history.banner_due(program) is None


NOTICE = "# Privacy notice: Learning records\n\nRecords are kept for 3 years.\n\n\n"
VERSIONS = (
    '<nav class="gp-versions" aria-label="Versions of this notice" markdown>\n\n'
    "**Versions of this notice**\n\n"
    "- [Version 1.1](learning/v1.1.md): in effect from November 1, 2026 (this version); an "
    "important change\n"
    "- [Version 1.0](learning/v1.0.md): in effect from January 15, 2026 until November 1, "
    "2026\n\n"
    "[What changed in each version](learning/changes.md)\n\n"
    "</nav>\n")


def _notice_page(pid: str = "learning") -> Page:
    return Page(f"notices/{pid}.md", "Learning records", NOTICE, "employees",
                {"program_id": pid})


def test_the_current_notice_gets_the_banner_and_its_versions(tmp_path: Path) -> None:
    history = _history(tmp_path, dt.date(2026, 11, 10))
    assert history.decorate(_notice_page(), NOTICE) == (
        "# Privacy notice: Learning records\n\n"
        '<div class="gp-change-banner admonition warning" role="note" markdown>\n'
        '<p class="admonition-title">This notice changed on November 1, 2026</p>\n\n'
        "<p>Records are kept <em>longer</em>.</p>\n\n"
        "[What changed, and what it means for you](learning/changes.md#v1-1)\n"
        "</div>\n\n"
        "Records are kept for 3 years.\n\n" + VERSIONS)


def test_a_change_to_come_is_announced(tmp_path: Path) -> None:
    history = _history(tmp_path, dt.date(2026, 10, 20))
    decorated = history.decorate(_notice_page(), NOTICE)
    assert '<p class="admonition-title">This notice changes on November 1, 2026</p>' in (
        decorated)


def test_on_the_day_it_takes_effect_the_change_has_happened(tmp_path: Path) -> None:
    history = _history(tmp_path, dt.date(2026, 11, 1))
    decorated = history.decorate(_notice_page(), NOTICE)
    assert '<p class="admonition-title">This notice changed on November 1, 2026</p>' in (
        decorated)


def test_the_list_of_versions_follows_the_text_as_it_ends(tmp_path: Path) -> None:
    history = _history(tmp_path, dt.date(2026, 12, 1))
    text = "# Privacy notice: Learning records\n\nWrite to PO BOX  \n\n"
    assert history.decorate(_notice_page(), text) == (
        "# Privacy notice: Learning records\n\nWrite to PO BOX  \n\n" + VERSIONS)
    text = "# Privacy notice: Learning records\n\nWrite to PO BOX\n"  # only newlines go
    assert history.decorate(_notice_page(), text) == (
        "# Privacy notice: Learning records\n\nWrite to PO BOX\n\n" + VERSIONS)


def test_after_the_banner_days_only_the_versions_are_added(tmp_path: Path) -> None:
    history = _history(tmp_path, dt.date(2026, 12, 1))
    assert history.decorate(_notice_page(), NOTICE) == (
        "# Privacy notice: Learning records\n\nRecords are kept for 3 years.\n\n" + VERSIONS)


def test_other_pages_are_left_as_they_are(tmp_path: Path) -> None:
    history = _history(tmp_path)
    assert history.decorate(_notice_page("ghost"), NOTICE) == NOTICE
    guide = Page("guides/learning.md", "Guide", NOTICE, "managers", {"program_id": "learning"})
    assert history.decorate(guide, NOTICE) == NOTICE
    plain = Page("registers/retention.md", "Retention", NOTICE, "registers", {})
    assert history.decorate(plain, NOTICE) == NOTICE


def test_a_notice_never_locked_gets_no_list_of_versions(tmp_path: Path) -> None:
    history = _history(tmp_path, dt.date(2026, 12, 1))
    history.lock.notices.pop("learning")
    assert history.decorate(_notice_page(), NOTICE) == NOTICE
