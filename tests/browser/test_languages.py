"""The German pages in a real Chromium: their language, the language selector, search."""

from __future__ import annotations

import pytest

from . import helpers

pytestmark = pytest.mark.browser


def test_the_german_notice_says_it_is_german_and_names_its_english_twin(portal) -> None:
    with portal.page("desktop") as page:
        helpers.visit(page, portal.url("de/notices/micro-coaching/"))
        assert page.locator("html").get_attribute("lang") == "de"
        assert page.locator("h1").first.text_content().strip().rstrip("¶") == (
            "Datenschutzhinweis: Micro-Coaching-Impulse für Führungskräfte")
        twins = {link.get_attribute("hreflang"): link.get_attribute("href")
                 for link in page.locator(".md-select__link[hreflang]").all()}
        assert twins == {"de": "./", "en": "../../../notices/micro-coaching/"}
        assert helpers.blocked_requests(page) == [] and helpers.console_errors(page) == []


@pytest.mark.parametrize("viewport", sorted(helpers.VIEWPORTS))
def test_the_language_selector_leads_to_the_same_notice(portal, viewport: str) -> None:
    with portal.page(viewport) as page:
        helpers.visit(page, portal.url("de/notices/micro-coaching/"))
        page.locator(".md-select button.md-header__button").first.hover()
        english = page.locator(".md-select__link[hreflang=en]")
        english.first.click()
        page.wait_for_url("**/notices/micro-coaching/")
        assert page.url == portal.url("notices/micro-coaching/")
        assert page.locator("html").get_attribute("lang") == "en"
        page.locator(".md-select button.md-header__button").first.hover()
        page.locator(".md-select__link[hreflang=de]").first.click()
        page.wait_for_url("**/de/notices/micro-coaching/")
        assert page.locator("h2").first.text_content().strip().startswith(
            "Wer für Ihre Daten verantwortlich ist")


def test_search_finds_a_german_word_on_the_german_notice(portal) -> None:
    with portal.page("desktop") as page:
        helpers.visit(page, portal.url("de/notices/micro-coaching/"))
        hits = helpers.search_hits(page, "Widerspruchsrecht")
        assert any("/de/notices/micro-coaching/" in hit.url for hit in hits), hits


@pytest.mark.parametrize("viewport", sorted(helpers.VIEWPORTS))
@pytest.mark.parametrize("url", ["de/notices/micro-coaching/", "de/guides/lms-milestones/"])
def test_german_pages_fit_the_window(portal, url: str, viewport: str) -> None:
    """Nothing wider than the window (German words are long); a screenshot to look at."""
    with portal.page(viewport) as page:
        helpers.visit(page, portal.url(url))
        assert helpers.horizontal_overflow(page) == 0
        helpers.screenshot(page, f"languages/{url.strip('/').replace('/', '-')}-{viewport}")


def test_the_german_notice_offers_its_own_pdf(portal, site_dir) -> None:
    """Each notice is printed once per language it is published in."""
    with portal.page("desktop") as page:
        helpers.visit(page, portal.url("de/notices/micro-coaching/"))
        link = page.get_by_role("link", name="PDF herunterladen")
        if not link.count():
            pytest.fail("the German notice links no PDF (was the site published without "
                        "Chromium?)")
        href = link.get_attribute("href") or ""
        assert href.endswith("notices/micro-coaching/micro-coaching-1.3.de.pdf"), href
    assert (site_dir / "notices" / "micro-coaching" / "micro-coaching-1.3.de.pdf").read_bytes(
    )[:5] == b"%PDF-"
