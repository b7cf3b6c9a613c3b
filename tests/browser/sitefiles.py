"""The built site as files: its pages, its sitemap, and a link checker that needs no browser.

Works on any MkDocs site folder. Paths are site-relative POSIX paths of files
(``notices/coaching/index.html``); URLs inside the site are resolved the way a browser would,
against the page that holds the link.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Folders whose HTML files are not pages of the portal (Material's search assets live here).
NOT_PAGES = ("search/",)
ERROR_PAGES = ("404.html",)
# Fragments every browser understands without a matching element.
FREE_FRAGMENTS = ("", "top")
# Link schemes that never point into the site.
OUTSIDE_SCHEMES = ("mailto", "tel", "javascript", "data", "blob", "sms")


def page_files(site_dir: Path) -> list[str]:
    """Every HTML page of the site, site-relative, without 404.html and search assets."""
    pages = []
    for path in site_dir.rglob("*.html"):
        rel = path.relative_to(site_dir).as_posix()
        if rel in ERROR_PAGES or rel.startswith(NOT_PAGES):
            continue
        pages.append(rel)
    return sorted(pages)


def page_url(rel_file: str) -> str:
    """The URL path (relative to the site root) a reader uses for a page file."""
    if rel_file == "index.html":
        return ""
    if rel_file.endswith("/index.html"):
        return rel_file.removesuffix("index.html")
    return rel_file


def file_for(site_dir: Path, rel_path: str) -> str | None:
    """The site file a site-relative URL path is served from, or None when there is none."""
    rel_path = rel_path.lstrip("/")
    candidates = [rel_path + "index.html"] if rel_path.endswith("/") or not rel_path else [
        rel_path, rel_path + "/index.html"]
    for candidate in candidates:
        if (site_dir / candidate).is_file():
            return candidate
    return None


def sitemap_locations(site_dir: Path) -> list[str]:
    """The ``<loc>`` URLs of ``sitemap.xml``; empty when the site has none."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return []
    root = ET.parse(sitemap).getroot()
    return [(loc.text or "").strip() for loc in root.iter() if loc.tag.rsplit("}", 1)[-1] == "loc"]


def _loc_parts(loc: str) -> tuple[list[str], bool]:
    path = unquote(urlsplit(loc).path)
    return [s for s in path.split("/") if s], path.endswith("/")


def _map_loc(site_dir: Path, parts: list[str], trailing: bool, drop: int) -> str | None:
    kept = parts[drop:]
    return file_for(site_dir, "/".join(kept) + ("/" if trailing and kept else ""))


def sitemap_files(site_dir: Path) -> tuple[list[str], list[str]]:
    """Map sitemap entries to site files: (files found, entries that match no file).

    A sitemap holds absolute URLs under ``site_url``, whose path prefix (``/portal/``) the site
    folder does not have. That prefix is the part of the entries' common leading path whose
    removal maps the most entries to files.
    """
    entries = [_loc_parts(loc) for loc in sitemap_locations(site_dir)]
    if not entries:
        return [], []
    common = 0
    shortest = min(len(parts) for parts, _ in entries)
    while common < shortest and len({parts[common] for parts, _ in entries}) == 1:
        common += 1

    def mapped(drop: int) -> list[str | None]:
        return [_map_loc(site_dir, parts, trailing, drop) for parts, trailing in entries]

    best = max(range(common + 1), key=lambda drop: (sum(map(bool, mapped(drop))), -drop))
    files = mapped(best)
    locs = sitemap_locations(site_dir)
    return ([f for f in files if f], [loc for loc, f in zip(locs, files, strict=True) if not f])


def all_pages(site_dir: Path) -> list[str]:
    """Pages found on disk plus those the sitemap names (which should be the same ones)."""
    pages = set(page_files(site_dir))
    pages.update(f for f in sitemap_files(site_dir)[0] if f.endswith(".html"))
    return sorted(pages)


@dataclass(frozen=True)
class Link:
    href: str
    line: int


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[Link] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        if tag == "a" and values.get("href") is not None:
            self.links.append(Link(values["href"] or "", self.getpos()[0]))

    handle_startendtag = handle_starttag


@dataclass
class ParsedPage:
    ids: set[str]
    links: list[Link]


class SiteIndex:
    """Parsed pages of a built site, each parsed once, with link resolution."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._parsed: dict[str, ParsedPage] = {}

    @cached_property
    def pages(self) -> list[str]:
        return all_pages(self.site_dir)

    def parsed(self, rel_file: str) -> ParsedPage:
        if rel_file not in self._parsed:
            parser = _PageParser()
            parser.feed((self.site_dir / rel_file).read_text(encoding="utf-8", errors="replace"))
            parser.close()
            self._parsed[rel_file] = ParsedPage(parser.ids, parser.links)
        return self._parsed[rel_file]

    def text(self, rel_file: str) -> str:
        return (self.site_dir / rel_file).read_text(encoding="utf-8", errors="replace")

    def pages_containing(self, needle: str) -> list[str]:
        """Pages whose HTML contains ``needle`` (a class name, say)."""
        return [p for p in self.pages if needle in self.text(p)]

    def check_target(self, rel_path: str, fragment: str) -> str | None:
        """Problem with a site-relative target path and fragment, or None when both exist."""
        normal = posixpath.normpath(rel_path) if rel_path else ""
        if normal.startswith("../") or normal == "..":
            return "points outside the site"
        if normal == ".":
            normal = ""
        if rel_path.endswith("/") and normal:
            normal += "/"
        target = file_for(self.site_dir, normal)
        if target is None:
            return f"no file {normal or 'index.html'!r} in the site"
        fragment = unquote(fragment)
        if fragment in FREE_FRAGMENTS or not target.endswith(".html"):
            return None
        if fragment not in self.parsed(target).ids:
            return f"{target} has no element with id {fragment!r}"
        return None

    def check_href(self, page: str, href: str) -> str | None:
        """Problem with one ``href`` on ``page``, or None when it resolves (or leaves the site)."""
        parts = urlsplit(href.strip())
        if parts.scheme or parts.netloc:
            return None  # another site, or mailto: and friends: not this checker's business
        if parts.path.startswith("/"):
            rel = unquote(parts.path).lstrip("/")
        elif parts.path:
            rel = posixpath.join(posixpath.dirname(page), unquote(parts.path))
        else:
            rel = page  # "#fragment" or "?query" on the same page
        if parts.path.endswith("/") and not rel.endswith("/"):
            rel += "/"
        return self.check_target(rel, parts.fragment)

    def broken_links(self, pages: list[str] | None = None) -> list[str]:
        """Every internal link or anchor that does not resolve, as ``page:line: href: why``."""
        problems = []
        for page in self.pages if pages is None else pages:
            for link in self.parsed(page).links:
                why = self.check_href(page, link.href)
                if why:
                    problems.append(f"{page}:{link.line}: {link.href!r}: {why}")
        return problems
