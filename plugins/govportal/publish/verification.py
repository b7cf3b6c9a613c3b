"""Whether a built site may be published: it matches its manifest, and it is the portal's.

A manifest proves that no file changed after the build. It does not prove by itself that the
portal's plugin made the site: a generator that ignores unknown plugins (Zensical does, so
would MkDocs with the plugin removed) builds pages with no notices and no disclosure gate.
So a site is refused unless it also holds what only the plugin writes: ``notices.json``, a
page for every notice it lists, each page carrying the disclosure sections the gate checked,
every PDF a notice links, and every notice record's text file, hashing to its
``notice_hash``.
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
    site_url = data.get("site_url") or ""
    for notice in notices:
        problems.extend(_notice_problems(site, label, listed, site_url, notice))
    problems.extend(_record_problems(site, label, listed, site_url))
    return problems


def _record_problems(site: Path, label: str, listed: set[str], site_url: str) -> list[str]:
    """Every notice record's text file is in the site and hashes to its ``notice_hash``."""
    try:
        records = json.loads((site / NOTICES).read_text(encoding="utf-8")).get("records")
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        records = None
    if not isinstance(records, list):
        return [f"{label}/{NOTICES} has no list of notice records"]
    out = []
    for record in records:
        url = record.get("text_url") if isinstance(record, dict) else None
        if not isinstance(url, str):
            out.append(f"{label}/{NOTICES} holds a notice record without a text_url")
            continue
        rel = url.removeprefix(site_url.rstrip("/") + "/") if site_url else url
        if rel not in listed or not (site / rel).is_file():
            out.append(f"{label}/{NOTICES} lists the notice text {url}, which the site does "
                       "not hold")
        elif manifest.sha256_file(site / rel) != record.get("notice_hash"):
            out.append(f"{label}/{rel} does not hash to the notice_hash {NOTICES} gives it")
    return out


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
    url = notice.get("current_url") if isinstance(notice.get("current_url"), str) \
        else notice["url"]
    page = _page_file(url, site_url, listed)
    if page is None:
        return [f"{label}/{NOTICES} lists the notice '{notice['id']}' at {url}, "
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
