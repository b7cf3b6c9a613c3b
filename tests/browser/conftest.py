"""Fixtures for the browser tests: one strict build, one local server, one Chromium.

The site is built once per session as ``make site`` publishes it (``python -m
govportal.publish``: a strict build by the running Python's engine, then each notice's PDF)
from the repository's ``mkdocs.yml``. Environment variables:

- ``GOVPORTAL_BROWSER_SITE``: test this already built site folder instead of building;
- ``GOVPORTAL_BROWSER_CONFIG``: build from this MkDocs config instead of ``mkdocs.yml``;
- ``GOVPORTAL_SEARCH_WORD``: a word the search must find (otherwise one is taken from the site).

Browser tests are skipped only when Debian's ``chromium`` is missing and ``CI`` is not set;
under CI a missing Chromium fails them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from . import helpers
from .sitefiles import SiteIndex, page_url

ROOT = Path(__file__).resolve().parents[2]


def _under_ci() -> bool:
    return bool(os.environ.get("CI"))


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: ``GOVPORTAL_BROWSER_SITE``, or a fresh strict build."""
    prebuilt = os.environ.get("GOVPORTAL_BROWSER_SITE")
    if prebuilt:
        path = Path(prebuilt).resolve()
        if not (path / "index.html").is_file():
            pytest.fail(f"GOVPORTAL_BROWSER_SITE={prebuilt} is not a built site (no index.html)")
        return path
    config = Path(os.environ.get("GOVPORTAL_BROWSER_CONFIG") or ROOT / "mkdocs.yml").resolve()
    if not config.is_file():
        pytest.fail(f"no MkDocs config at {config}: nothing to build for the browser tests")
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "govportal.publish", "--quiet", "--config-file", str(config),
         "--site-dir", str(out), "--pdf", "required" if _under_ci() else "auto"],
        cwd=config.parent, capture_output=True, text=True, timeout=900,
        # a site URL, as when published, so that MkDocs writes a sitemap to check
        env={"GOVPORTAL_SITE_URL": "https://portal.example.org/", **os.environ,
             "NO_MKDOCS_2_WARNING": "1"},
    )
    if proc.returncode != 0:
        pytest.fail(f"publishing the site failed (exit {proc.returncode}):\n"
                    f"{(proc.stdout + proc.stderr)[-4000:]}")
    return out


@pytest.fixture(scope="session")
def site_index(site_dir: Path) -> SiteIndex:
    return SiteIndex(site_dir)


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The site served by a threaded ``http.server`` on 127.0.0.1, on a free port."""
    with helpers.serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[helpers.Browser]:
    """Headless Debian Chromium driven by Playwright (never ``playwright install``)."""
    if helpers.chromium_executable() is None:
        reason = ("Debian's chromium is not installed (make browser-deps installs it: "
                  "apt-get install chromium)")
        if _under_ci():
            pytest.fail(f"{reason}; CI must run the browser tests")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = helpers.launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Portal:
    """The built portal, served locally, and a browser to read it with."""

    site_dir: Path
    base_url: str
    browser: helpers.Browser
    index: SiteIndex
    _contexts: list = field(default_factory=list)

    @property
    def pages(self) -> list[str]:
        """Site-relative page files (``notices/x/index.html``)."""
        return self.index.pages

    def url(self, page: str = "") -> str:
        """Address of a page file (or a site-relative URL path) on the local server."""
        return self.base_url + (page_url(page) if page.endswith(".html") else page.lstrip("/"))

    @contextmanager
    def page(self, viewport: str = "desktop") -> Iterator[helpers.Page]:
        """A fresh watched page at ``phone`` or ``desktop`` size; closed afterwards."""
        context = helpers.new_context(self.browser, viewport)
        try:
            yield helpers.new_page(context)
        finally:
            context.close()

    def search_finds(self, word: str, viewport: str = "desktop") -> bool:
        """Whether Material's search, typed into on the home page, lists any result."""
        return bool(self.search(word, viewport))

    def search(self, word: str, viewport: str = "desktop") -> list[helpers.SearchHit]:
        with self.page(viewport) as page:
            helpers.visit(page, self.url())
            return helpers.search_hits(page, word)


@pytest.fixture(scope="session")
def portal(site_dir: Path, base_url: str, chromium_browser: helpers.Browser,
           site_index: SiteIndex) -> Portal:
    return Portal(site_dir, base_url, chromium_browser, site_index)


@dataclass
class PageReport:
    """What one page did at one window size."""

    page: str
    url: str
    viewport: str
    blocked: list[str]
    console: list[str]
    axe: list[helpers.AxeFinding]
    links: list[str]
    overflow: int
    too_wide: list[str]
    sideways_tables: list[str]
    unlinked_addresses: list[str]
    iso_dates: list[str]
    chrome_in_print: list[str]
    unprinted_addresses: list[str]
    screenshot: Path


@pytest.fixture(scope="session", params=sorted(helpers.VIEWPORTS))
def sweep(request: pytest.FixtureRequest, portal: Portal) -> list[PageReport]:
    """Visit every page once at the parametrised window size and record what happened."""
    viewport = request.param
    reports = []
    with portal.page(viewport) as page:
        for rel in portal.pages:
            url = portal.url(rel)
            helpers.visit(page, url)
            axe = helpers.run_axe(page)
            links = helpers.rendered_links(page)
            overflow = helpers.horizontal_overflow(page)
            too_wide = helpers.elements_wider_than_window(page)
            sideways = helpers.tables_scrolling_sideways(page)
            addresses = helpers.unlinked_addresses(page)
            dates = helpers.iso_dates_shown(page)
            chrome = helpers.chrome_visible_in_print(page)
            unprinted = helpers.outside_links_without_print_address(page)
            shot = helpers.screenshot(page, f"{viewport}/{page_url(rel) or 'home'}")
            reports.append(PageReport(
                rel, url, viewport, helpers.blocked_requests(page), helpers.console_errors(page),
                axe, links, overflow, too_wide, sideways, addresses, dates, chrome, unprinted,
                shot))
    return reports


@pytest.fixture(scope="session")
def dark_sweep(portal: Portal) -> list[tuple[str, str, list[helpers.AxeFinding]]]:
    """Every page in the dark scheme at desktop size: (page, scheme shown, axe findings).

    The scheme is chosen the way a reader does, with the header's toggle on the home page;
    Material keeps the choice in the browser for every later page."""
    reports = []
    with portal.page("desktop") as page:
        helpers.visit(page, portal.url())
        helpers.choose_scheme(page, "slate")
        for rel in portal.pages:
            helpers.visit(page, portal.url(rel))
            scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            reports.append((rel, scheme or "", helpers.run_axe(page)))
    return reports
