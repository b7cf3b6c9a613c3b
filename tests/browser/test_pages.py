"""Every page of the built portal in Chromium, at phone (390x844) and desktop (1280x900) size."""

from __future__ import annotations

import json
import os
import re
from collections import Counter

import pytest

from . import helpers
from .sitefiles import SiteIndex

pytestmark = pytest.mark.browser


def _listing(lines: list[str]) -> str:
    return "\n  ".join(["", *dict.fromkeys(lines)])  # each line once, in order


def test_the_site_has_pages(sweep) -> None:
    assert sweep, "the built site has no pages"


def test_no_request_leaves_loopback(sweep) -> None:
    found = [f"{r.viewport} {r.page}: {url}" for r in sweep for url in r.blocked]
    assert not found, "pages asked for something beyond this machine:" + _listing(found)


def test_no_console_errors(sweep) -> None:
    found = [f"{r.viewport} {r.page}: {error}" for r in sweep for error in r.console]
    assert not found, "pages logged errors:" + _listing(found)


def test_no_serious_accessibility_violations(sweep) -> None:
    found = [f"{r.viewport} {r.page}: {finding}" for r in sweep for finding in r.axe]
    assert not found, "axe-core found serious or critical violations:" + _listing(found)


def test_links_on_rendered_pages_resolve(sweep, site_index: SiteIndex, base_url: str) -> None:
    found = []
    for report in sweep:
        for url in report.links:
            local = helpers.site_path(base_url, url)
            if local is None:
                continue
            why = site_index.check_target(*local)
            if why:
                found.append(f"{report.viewport} {report.page}: {url}: {why}")
    assert not found, "broken links or anchors:" + _listing(found)


def test_pages_fit_the_window(sweep) -> None:
    found = [f"{r.viewport} {r.page}: {r.overflow}px too wide" for r in sweep if r.overflow]
    assert not found, "pages scroll sideways:" + _listing(found)


def test_printing_hides_the_chrome_and_writes_out_addresses(sweep) -> None:
    found = [f"{r.viewport} {r.page}: {', '.join(r.chrome_in_print)} printed"
             for r in sweep if r.chrome_in_print]
    found += [f"{r.viewport} {r.page}: no address printed after {href}"
              for r in sweep for href in r.unprinted_addresses]
    assert not found, "print layout problems:" + _listing(found)


def _rare_word(site_dir) -> tuple[str, str]:
    """A word of one page (not the home page) that few pages use, and that page's location."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    words_by_page: dict[str, set[str]] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#", 1)[0]
        text = re.sub(r"<[^>]+>", " ", f"{doc.get('title', '')} {doc.get('text', '')}")
        words_by_page.setdefault(page, set()).update(
            w.lower() for w in re.findall(r"[A-Za-z]{7,}", text))
    frequency = Counter(w for words in words_by_page.values() for w in words)
    candidates = sorted((frequency[w], w, page) for page, words in words_by_page.items()
                        if page for w in words)
    if not candidates:
        pytest.fail("the search index has no page with a word of seven letters or more")
    _, word, page = candidates[0]
    return word, page


@pytest.mark.parametrize("viewport", sorted(helpers.VIEWPORTS))
def test_search_finds_a_word_of_the_site(portal, viewport: str) -> None:
    word = os.environ.get("GOVPORTAL_SEARCH_WORD")
    page = None
    if not word:
        word, page = _rare_word(portal.site_dir)
    hits = portal.search(word, viewport)
    assert hits, f"searching for {word!r} found nothing"
    if page is not None:
        urls = [helpers.site_path(portal.base_url, hit.url) for hit in hits]
        assert any(u and u[0] == page for u in urls), (
            f"searching for {word!r} did not list {page!r}: {[h.url for h in hits]}")


def test_search_for_nonsense_finds_nothing(portal) -> None:
    assert not portal.search_finds("qzxqvjwkkqzx"), "search lists results for a made-up word"


@pytest.mark.parametrize("viewport", sorted(helpers.VIEWPORTS))
def test_task_lists_can_be_ticked(portal, site_index: SiteIndex, viewport: str) -> None:
    pages = site_index.pages_containing("task-list-item")
    assert pages, "no page of the site has a task list: the checklists should"
    problems = []
    with portal.page(viewport) as page:
        for rel in pages:
            helpers.visit(page, portal.url(rel))
            ticked, total = helpers.tick_all_checkboxes(page)
            if total == 0 or ticked != total:
                problems.append(f"{rel}: {ticked} of {total} boxes ticked")
    assert not problems, "task lists a reader cannot tick:" + _listing(problems)


def test_copy_buttons_copy_the_code(portal, site_index: SiteIndex) -> None:
    pages = site_index.pages_containing('highlight"><pre')
    assert pages, "no page of the site has a code block: the sample policy language should"
    problems = []
    with portal.page("desktop") as page:
        for rel in pages:
            helpers.visit(page, portal.url(rel))
            if not helpers.copy_button_copies(page, "div.highlight"):
                problems.append(rel)
    assert not problems, "copy button did not copy the code on:" + _listing(problems)


def test_nothing_is_wider_than_a_phone(sweep) -> None:
    found = [f"{r.page}: {what}" for r in sweep if r.viewport == "phone" for what in r.too_wide]
    assert not found, ("at 390 px, elements wider than the window outside a focusable "
                       "sideways-scrolling box:" + _listing(found))


def test_no_table_needs_sideways_scrolling(sweep) -> None:
    """Registers fit at 1280 px, and every table reflows into cards on a phone."""
    found = [f"{r.viewport} {r.page}: {t}" for r in sweep for t in r.sideways_tables]
    assert not found, "tables that scroll sideways:" + _listing(found)


def test_every_email_address_is_a_link(sweep) -> None:
    found = [f"{r.page}: {a}" for r in sweep if r.viewport == "desktop"
             for a in r.unlinked_addresses]
    assert not found, "e-mail addresses a reader cannot tap:" + _listing(found)


def test_dates_are_written_for_readers(sweep) -> None:
    found = [f"{r.page}: {d}" for r in sweep if r.viewport == "desktop" for d in r.iso_dates]
    assert not found, "dates shown as YYYY-MM-DD:" + _listing(found)


def test_the_dark_scheme_is_chosen_and_accessible(dark_sweep) -> None:
    assert dark_sweep, "the dark sweep visited no page"
    light = [page for page, scheme, _ in dark_sweep if scheme != "slate"]
    assert not light, "pages not shown in the chosen dark scheme:" + _listing(light)
    found = [f"{page}: {finding}" for page, _, axe in dark_sweep for finding in axe]
    assert not found, ("axe-core found serious or critical violations in the dark scheme:"
                       + _listing(found))
