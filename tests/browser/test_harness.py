"""The harness itself must catch what it is there to catch: a page built to fail every check."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import helpers
from .sitefiles import SiteIndex, sitemap_files

BAD_PAGE = """<!doctype html>
<html lang="en"><head><title>Bad page</title></head>
<body>
<main>
<h1 id="top-heading">Bad page</h1>
<img src="http://tracker.example.invalid/pixel.gif" alt="">
<p><a href="missing/">a missing page</a>, <a href="#nowhere">a missing anchor</a>,
<a href="good/#section">a good anchor</a>, <a href="good/#absent">a bad anchor</a>,
<a href="../outside.html">outside the site</a>, <a href="https://example.org/">elsewhere</a>,
<a href="mailto:privacy@example.org">mail</a>, <a href="#top-heading">this page</a>.</p>
<input type="checkbox">
<script>console.error("deliberate console error"); undefinedFunctionCall();</script>
</main>
</body></html>
"""
GOOD_PAGE = """<!doctype html>
<html lang="en"><head><title>Good</title></head>
<body><main><h1>Good</h1><h2 id="section">Section</h2><a name="old-anchor"></a>
<p><a href="../">home</a> <a href="#old-anchor">old</a></p></main></body></html>
"""
SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://example.org/portal/</loc></url>
<url><loc>https://example.org/portal/good/</loc></url>
<url><loc>https://example.org/portal/gone/</loc></url>
</urlset>
"""


@pytest.fixture
def bad_site(tmp_path: Path) -> Path:
    (tmp_path / "good").mkdir()
    (tmp_path / "index.html").write_text(BAD_PAGE, encoding="utf-8")
    (tmp_path / "good" / "index.html").write_text(GOOD_PAGE, encoding="utf-8")
    (tmp_path / "404.html").write_text('<a href="/nowhere/">x</a>', encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    return tmp_path


def test_link_checker_reports_each_broken_target(bad_site: Path) -> None:
    index = SiteIndex(bad_site)
    assert index.pages == ["good/index.html", "index.html"]
    broken = index.broken_links()
    assert [b.split(": ", 1)[1] for b in broken] == [
        "'missing/': no file 'missing/' in the site",
        "'#nowhere': index.html has no element with id 'nowhere'",
        "'good/#absent': good/index.html has no element with id 'absent'",
        "'../outside.html': points outside the site",
    ]
    assert all(b.startswith("index.html:") for b in broken)


def test_sitemap_entries_map_to_files(bad_site: Path) -> None:
    found, missing = sitemap_files(bad_site)
    assert found == ["index.html", "good/index.html"]
    assert missing == ["https://example.org/portal/gone/"]


@pytest.mark.browser
def test_browser_helpers_catch_a_bad_page(chromium_browser, bad_site: Path) -> None:
    with helpers.serve(bad_site) as base:
        context = helpers.new_context(chromium_browser, "phone")
        try:
            page = helpers.new_page(context)
            helpers.visit(page, base)
            assert helpers.blocked_requests(page) == ["http://tracker.example.invalid/pixel.gif"]
            errors = helpers.console_errors(page)
            assert any("deliberate console error" in e for e in errors), errors
            assert any(e.startswith("uncaught:") and "undefinedFunctionCall" in e
                       for e in errors), errors
            rules = {finding.rule for finding in helpers.run_axe(page)}
            assert "label" in rules, rules
            assert helpers.horizontal_overflow(page) == 0
            # A fresh visit starts a fresh record.
            helpers.visit(page, base + "good/")
            assert helpers.blocked_requests(page) == []
            assert helpers.console_errors(page) == []
        finally:
            context.close()


@pytest.mark.browser
def test_print_check_sees_visible_chrome(chromium_browser, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head><body>'
        '<header class="md-header">Header</header><main class="md-content">'
        '<a href="https://example.org/">out</a></main></body></html>', encoding="utf-8")
    with helpers.serve(tmp_path) as base:
        context = helpers.new_context(chromium_browser)
        try:
            page = helpers.new_page(context)
            helpers.visit(page, base)
            assert helpers.chrome_visible_in_print(page) == [".md-header"]
            assert not helpers.print_hides_chrome(page)
            assert helpers.outside_links_without_print_address(page) == ["https://example.org/"]
        finally:
            context.close()
