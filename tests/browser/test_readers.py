"""What employees and managers see: notices, guides and checklists in a real Chromium."""

from __future__ import annotations

import re

import pytest

from govportal import pipeline
from tests.conftest import ROOT

from . import helpers

pytestmark = pytest.mark.browser

POLICY = pipeline.check(ROOT / "data").policy
NOTICES = [f"notices/{pid}/" for pid in POLICY.programs]
GUIDES = [f"guides/{pid}/" for pid in POLICY.programs]
assert len(NOTICES) >= 2, "the repository's data should have its two programs"


@pytest.mark.parametrize("url", NOTICES)
def test_every_disclosure_section_is_visible(portal, url: str) -> None:
    with portal.page("phone") as page:
        helpers.visit(page, portal.url(url))
        sections = page.locator("section.gp-disclosure")
        assert sections.count() >= 8
        for i in range(sections.count()):
            section = sections.nth(i)
            box = section.bounding_box()
            assert section.is_visible() and box and box["height"] > 20, (
                section.get_attribute("data-topic"))


@pytest.mark.parametrize("url", NOTICES)
def test_the_first_layer_fits_on_a_phone_screen(portal, url: str) -> None:
    with portal.page("phone") as page:
        helpers.visit(page, portal.url(url))
        box = page.locator(".gp-first-layer").bounding_box()
        assert box is not None
        assert box["height"] <= helpers.VIEWPORTS["phone"]["viewport"]["height"], box


@pytest.mark.parametrize("viewport", sorted(helpers.VIEWPORTS))
@pytest.mark.parametrize("pid", sorted(POLICY.programs))
def test_each_notice_offers_its_pdf(portal, pid: str, viewport: str) -> None:
    """The "Download PDF" link sits in the notice's first box, in the window, and downloads
    the notice's PDF of the current version (the site is published with its PDFs)."""
    version = POLICY.programs[pid].notice.version
    with portal.page(viewport) as page:
        helpers.visit(page, portal.url(f"notices/{pid}/"))
        link = page.get_by_role("link", name="Download PDF")
        assert link.count() == 1 and link.is_visible()
        box = link.bounding_box()
        width = helpers.VIEWPORTS[viewport]["viewport"]["width"]
        assert box and box["y"] < 300 and box["x"] + box["width"] <= width, box
        assert box["height"] >= 24, box  # a target a thumb can hit
        with page.expect_download() as download:
            link.click()
        assert download.value.suggested_filename == f"{pid}-{version}.en.pdf"
        with open(download.value.path(), "rb") as handle:
            assert handle.read(5) == b"%PDF-"


@pytest.mark.parametrize("viewport", sorted(helpers.VIEWPORTS))
@pytest.mark.parametrize("url", GUIDES)
def test_guides_open_with_a_one_screen_summary(portal, url: str, viewport: str) -> None:
    """The may use / HR sign-off / never answer is whole on the first screen, before any
    scrolling: 390 x 844 on a phone, 1280 x 900 on a desktop."""
    height = helpers.VIEWPORTS[viewport]["viewport"]["height"]
    with portal.page(viewport) as page:
        helpers.visit(page, portal.url(url))
        assert page.evaluate("window.scrollY") == 0
        summary = page.locator(".gp-summary").first
        for part in (".gp-may", ".gp-signoff", ".gp-never"):
            box = summary.locator(part).bounding_box()
            assert summary.locator(part).is_visible() and box, part
            assert box["y"] >= 0 and box["y"] + box["height"] <= height, (part, box)


@pytest.mark.parametrize("url", GUIDES)
def test_guides_speak_to_managers_in_whole_sentences(portal, url: str) -> None:
    """No sentence of a manager guide starts in lower case, none addresses the employee's
    own records ("your employee number"), and no contradiction about the manager view."""
    with portal.page("desktop") as page:
        helpers.visit(page, portal.url(url))
        text = page.locator(".md-content").inner_text()
    starts = re.findall(r"(?:^|[.!?]\s+)([a-z][\w-]*)", text, re.M)
    assert not starts, f"sentences starting in lower case: {starts}"
    assert not re.search(r"\byour (?:employee number|first name|timezone|answers?)\b", text,
                         re.I), "a manager guide speaks to the employee"
    if "shows nothing from this program" in text:
        shown = text.split("shows nothing from this program", 1)[1].split("\n\n", 1)[0]
        assert "course status" not in shown.lower(), shown


@pytest.mark.parametrize("pid", sorted(POLICY.programs))
def test_search_finds_words_of_each_notice(portal, pid: str) -> None:
    program = POLICY.programs[pid]
    word = max(program.notice.first_layer.summary.replace(",", " ").split(), key=len).strip(".")
    hits = portal.search(word)
    assert any(f"notices/{pid}/" in hit.url for hit in hits), (word, hits)


def test_screenshots_for_reviewers(portal) -> None:
    pages = {"landing": "", "notice": NOTICES[0], "guide": GUIDES[0],
             "checklist": "checklists/pre-launch-review/"}
    for viewport in helpers.VIEWPORTS:
        with portal.page(viewport) as page:
            for name, url in pages.items():
                helpers.visit(page, portal.url(url))
                path = helpers.screenshot(page, f"{name}-{viewport}")
                assert path.is_file() and path.stat().st_size > 10_000


@pytest.mark.parametrize("words", ["opt out", "withdraw", "leave the program"])
def test_search_ranks_notices_first_for_employees_words(portal, words: str) -> None:
    hits = portal.search(words, "phone")
    assert hits, f"searching {words!r} found nothing"
    first = helpers.site_path(portal.base_url, hits[0].url)
    assert first and first[0].startswith("notices/"), (
        f"searching {words!r} lists {hits[0].title!r} ({hits[0].url}) first, not a notice: "
        f"{[h.title for h in hits[:5]]}")


CHECKLIST = "checklists/pre-launch-review/"


@pytest.mark.parametrize("viewport", sorted(helpers.VIEWPORTS))
def test_checklist_ticks_survive_a_reload_and_can_be_cleared(portal, viewport: str) -> None:
    with portal.page(viewport) as page:
        helpers.visit(page, portal.url(CHECKLIST))
        boxes = page.locator(".gp-checklist .task-list-item input[type=checkbox]")
        assert boxes.count() >= 3
        assert not any(boxes.nth(i).is_checked() for i in range(boxes.count()))
        page.locator(".gp-checklist .task-list-text").nth(0).click()  # the item's text
        page.locator(".gp-checklist .task-list-text").nth(2).click()
        assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
        page.locator(".gp-checklist .task-list-text").nth(2).click()  # and back off
        assert not boxes.nth(2).is_checked()
        stored = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith("
                               "'govportal.checklist.'))")
        assert stored == ["govportal.checklist.pre-launch-review"], stored
        helpers.visit(page, portal.url(CHECKLIST))
        boxes = page.locator(".gp-checklist .task-list-item input[type=checkbox]")
        assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, False]
        assert helpers.blocked_requests(page) == []
        page.get_by_role("button", name="Clear my ticks").click()
        assert not any(boxes.nth(i).is_checked() for i in range(boxes.count()))
        helpers.visit(page, portal.url(CHECKLIST))
        boxes = page.locator(".gp-checklist .task-list-item input[type=checkbox]")
        assert not any(boxes.nth(i).is_checked() for i in range(boxes.count()))
        assert page.evaluate("localStorage.getItem('govportal.checklist.pre-launch-review')") \
            is None


def test_a_checklist_prints_as_an_answer_sheet(portal) -> None:
    with portal.page("desktop") as page:
        helpers.visit(page, portal.url(CHECKLIST))
        page.locator(".gp-checklist .task-list-text").first.click()
        assert not page.locator(".gp-answer-sheet").is_visible()
        page.emulate_media(media="print")
        try:
            assert page.locator(".gp-answer-sheet").is_visible()
            assert not page.locator(".gp-checklist__tools").is_visible()
            marks = page.eval_on_selector_all(
                ".gp-checklist .task-list-indicator",
                "els => els.map(e => getComputedStyle(e, '::before').content)")
        finally:
            page.emulate_media(media="screen")
    assert marks[0] == '"\u2713"' and set(marks[1:]) == {'""'}, marks[:3]


def test_a_clause_copies_as_the_text_shown(portal) -> None:
    with portal.page("desktop") as page:
        helpers.visit(page, portal.url("clauses/"))
        origin = portal.base_url.rstrip("/")
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        clause = page.locator(".gp-clause").first
        button = clause.get_by_role("button", name="Copy this clause")
        assert button.is_visible()
        expected = clause.locator(".gp-clause__text").inner_text()
        page.evaluate("navigator.clipboard.writeText('')")
        button.click()
        page.wait_for_function("async () => (await navigator.clipboard.readText()) !== ''",
                               timeout=5_000)
        copied = page.evaluate("navigator.clipboard.readText()")
    assert " ".join(copied.split()) == " ".join(expected.split()) and len(expected) > 100
