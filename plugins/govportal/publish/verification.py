"""Whether a built site may be published: it matches its manifest, and it is the portal's.

A manifest proves that no file changed after the build. It does not prove by itself that the
portal's plugin made the site: a generator that ignores unknown plugins (Zensical does, so
would MkDocs with the plugin removed) builds pages with no notices and no disclosure gate.
So a site is refused unless it also holds what only the plugin writes: ``notices.json``, a
page for every notice it lists, each page carrying the disclosure sections the gate checked,
and every PDF a notice links.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

from . import manifest

NOTICES = "notices.json"
_PDF_LINK = re.compile(r'<a class="gp-meta__pdf" href="([^"]+)"')
_SKIPPED = ("the governance portal's plugin did not run (a build that skipped it, or a "
            "generator that ignores plugins, such as Zensical), so no disclosure gate "
            "checked this site")


def verify_site(site: Path) -> list[str]:
    """Problems that stop ``site`` being published; empty when it may be."""
    problems = manifest.verify(site)
    data, _ = manifest.load(site)
    if data is None:
        return problems
    label = site.name or str(site)
    listed = {e["path"] for e in data["files"]}
    if NOTICES not in listed or not (site / NOTICES).is_file():
        return [*problems, f"{label}/ has no {NOTICES}: {_SKIPPED}"]
    notices = _notices(site / NOTICES)
    if notices is None:
        return [*problems, f"{label}/{NOTICES} is not the portal's list of notices"]
    for notice in notices:
        problems.extend(_notice_problems(site, label, listed, data.get("site_url") or "",
                                         notice))
    return problems


def _notices(path: Path) -> list[dict[str, Any]] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    notices = data.get("notices") if isinstance(data, dict) else None
    if not isinstance(notices, list) or not all(
            isinstance(n, dict) and isinstance(n.get("id"), str)
            and isinstance(n.get("url"), str) for n in notices):
        return None
    return notices


def _page_file(url: str, site_url: str, listed: set[str]) -> str | None:
    """The built file of a notice's address, whether the site uses directory URLs or not."""
    rel = url.removeprefix(site_url.rstrip("/") + "/") if site_url else url
    for candidate in (rel + "index.html", rel.rstrip("/") + ".html"):
        if candidate in listed:
            return candidate
    return None


def _notice_problems(site: Path, label: str, listed: set[str], site_url: str,
                     notice: dict[str, Any]) -> list[str]:
    page = _page_file(notice["url"], site_url, listed)
    if page is None:
        return [f"{label}/{NOTICES} lists the notice '{notice['id']}' at {notice['url']}, "
                "but the site has no page there"]
    text = (site / page).read_text(encoding="utf-8", errors="replace")
    if "data-disclosures=" not in text:
        return [f"{label}/{page} (the notice '{notice['id']}') has no disclosure sections: "
                f"{_SKIPPED}"]
    out = []
    folder = posixpath.dirname(page)
    for href in _PDF_LINK.findall(text):
        target = posixpath.normpath(posixpath.join(folder, href))
        if target not in listed:
            out.append(f"{label}/{page} links its PDF {target}, which the site does not "
                       "hold: publish with `python -m govportal.publish`, which prints it")
    return out
