"""What employees and managers see: notices, guides and checklists in a real Chromium."""

from __future__ import annotations

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


@pytest.mark.parametrize("url", GUIDES)
def test_guides_open_with_a_one_screen_summary(portal, url: str) -> None:
    with portal.page("desktop") as page:
        helpers.visit(page, portal.url(url))
        summary = page.locator(".gp-summary")
        for part in (".gp-may", ".gp-signoff", ".gp-never"):
            assert summary.locator(part).is_visible(), part
        box = summary.bounding_box()
        assert box and box["y"] + box["height"] <= helpers.VIEWPORTS["desktop"]["viewport"][
            "height"], box


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
