"""Links and anchors of the built site, checked from its files (no browser needed)."""

from __future__ import annotations

from pathlib import Path

from .sitefiles import SiteIndex, page_files, sitemap_files, sitemap_locations


def test_every_internal_link_and_anchor_resolves(site_index: SiteIndex) -> None:
    assert site_index.pages, "the built site has no pages"
    broken = site_index.broken_links()
    assert not broken, "broken links or anchors:\n  " + "\n  ".join(broken)


def test_the_site_has_a_sitemap(site_dir: Path) -> None:
    """MkDocs writes one; without it the two tests below would check nothing."""
    assert len(sitemap_locations(site_dir)) >= 20


def test_sitemap_names_only_pages_that_exist(site_dir: Path) -> None:
    assert sitemap_locations(site_dir), "the site has no sitemap.xml"
    _, missing = sitemap_files(site_dir)
    assert not missing, "sitemap.xml lists pages the site does not have:\n  " + "\n  ".join(
        missing)


def test_every_page_is_in_the_sitemap(site_dir: Path) -> None:
    assert sitemap_locations(site_dir), "the site has no sitemap.xml"
    listed = set(sitemap_files(site_dir)[0])
    unlisted = [p for p in page_files(site_dir) if p not in listed]
    assert not unlisted, "pages missing from sitemap.xml:\n  " + "\n  ".join(unlisted)
