"""Each notice's PDF, printed from its built page by Debian's Chromium after the build.

The build announces the documents to print in its manifest (which page, which file); the
publisher (:mod:`.atomic`) calls :func:`print_documents` on the new site before it is
verified and put live. Each page is loaded at its published address (``site_url``, or a
placeholder origin when the site has none), every request answered from the built site
and anything else refused, and printed with the stylesheet's print rules as a tagged PDF
with an outline, its links kept, and a footer naming the notice, its version and the page.

The bytes depend only on the built page, the Chromium build and the date: each PDF is
printed in a fresh browser context, then :mod:`.pdf_normalise` sets its dates from
``SOURCE_DATE_EPOCH`` (else the build date at midnight UTC) and numbers the ids Chromium
gave its table cells from a counter of the browser process, so neither the order of the
notices nor the browser's history changes a byte. Without a ``site_url`` the links between
the portal's pages are written relative to the PDF's own folder, so they resolve as the
page's do.

Playwright drives Chromium (Debian's, never a downloaded one); it and pypdf are imported
only when a PDF is printed, so a machine without them still builds.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import mimetypes
import os
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .pdf_normalise import normalise

CHROMIUM_ENV = "GOVPORTAL_CHROMIUM"  # the Chromium to print with, when not Debian's
DEBIAN_CHROMIUM = "/usr/bin/chromium"
PLACEHOLDER_ORIGIN = "https://portal.invalid/"  # reserved: never a real address
TIMEOUT_MS = 60_000
_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


class PrintError(RuntimeError):
    """A document could not be printed; the message says which and why."""


def find_chromium() -> str | None:
    """``GOVPORTAL_CHROMIUM``, else Debian's ``/usr/bin/chromium``, else ``chromium`` on the
    PATH."""
    chosen = os.environ.get(CHROMIUM_ENV)
    if chosen:
        return chosen if Path(chosen).is_file() and os.access(chosen, os.X_OK) else None
    if os.access(DEBIAN_CHROMIUM, os.X_OK):
        return DEBIAN_CHROMIUM
    return shutil.which("chromium")


def missing() -> list[str]:
    """What this machine lacks to print the PDFs, each as a sentence saying how to add it."""
    out = []
    if find_chromium() is None:
        where = (f"{CHROMIUM_ENV}={os.environ[CHROMIUM_ENV]} is not an executable file"
                 if os.environ.get(CHROMIUM_ENV) else
                 f"not at {DEBIAN_CHROMIUM} nor on the PATH")
        out.append(f"Debian's Chromium was not found ({where}): install it with "
                   "`apt-get install chromium` (`make browser-deps` does), or name another "
                   f"Chromium in {CHROMIUM_ENV}")
    for package in ("playwright", "pypdf"):
        if importlib.util.find_spec(package) is None:
            out.append(f"the Python package '{package}' is not installed: `make site` "
                       "installs the pinned one from requirements.txt")
    return out


def document_date(build_date: str) -> dt.datetime:
    """The date written into every PDF: ``SOURCE_DATE_EPOCH``, else the build date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    day = dt.date.fromisoformat(build_date)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def page_address(page: str) -> str:
    """The address path of a built page (``notices/a/index.html`` -> ``notices/a/``)."""
    return page.removesuffix("index.html")


def print_documents(site: Path, documents: list[dict[str, Any]], site_url: str,
                    when: dt.datetime) -> list[str]:
    """Print every announced document into ``site``; the paths printed, in order. Raises
    :class:`PrintError` on the first one that cannot be printed."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        raise PrintError("; ".join(missing()))
    origin = site_url.rstrip("/") + "/" if site_url else PLACEHOLDER_ORIGIN
    printed = []
    document: dict[str, Any] = documents[0] if documents else {}
    with sync_playwright() as playwright:
        browser = None
        try:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                                 args=_ARGS)
            for document in documents:
                raw = _print_page(browser, site, origin, document)
                target = site / document["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(normalise(raw, when=when, origin=origin,
                                             relative_to=None if site_url else document["path"]))
                printed.append(document["path"])
        except PlaywrightError as exc:
            raise PrintError(f"{document.get('path')}: Chromium could not print "
                             f"{document.get('page')}: {str(exc).splitlines()[0]}") from exc
        finally:
            if browser is not None:
                browser.close()
    return printed


def _print_page(browser: Any, site: Path, origin: str, document: dict[str, Any]) -> bytes:
    refused: list[str] = []
    context = browser.new_context()
    try:
        context.route("**/*", lambda route: _answer(route, site, origin, refused))
        page = context.new_page()
        response = page.goto(origin + page_address(document["page"]), wait_until="load",
                             timeout=TIMEOUT_MS)
        if response is None or response.status != 200:
            raise PrintError(f"{document['path']}: its page {document['page']} is not in the "
                             "built site")
        page.evaluate("document.fonts.ready.then(() => true)")
        raw = page.pdf(format="A4", print_background=True, tagged=True, outline=True,
                       display_header_footer=True, header_template="<span></span>",
                       footer_template=_footer(document),
                       margin={"top": "16mm", "bottom": "18mm", "left": "15mm",
                               "right": "15mm"})
    finally:
        context.close()
    if refused:
        raise PrintError(f"{document['path']}: its page asked for addresses outside the site "
                         f"({', '.join(sorted(set(refused)))}); a published page may load "
                         "nothing from elsewhere")
    return raw


def _answer(route: Any, site: Path, origin: str, refused: list[str]) -> None:
    """Answer a request from the built site; refuse (and note) any other address."""
    url = route.request.url
    if url.startswith(("data:", "blob:")):
        route.continue_()
        return
    if not url.startswith(origin):
        refused.append(url)
        route.abort()
        return
    rel = unquote(urlsplit(url[len(origin):]).path)
    path = (site / rel).resolve()
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file() or not path.is_relative_to(site.resolve()):
        route.fulfill(status=404, body="not in the built site")
        return
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    route.fulfill(status=200, body=path.read_bytes(), content_type=kind)


def _footer(document: dict[str, Any]) -> str:
    """Chromium's footer: the notice and its version on the left, the page on the right."""
    left = html.escape(f"{document['title']} · version {document['version']}, in effect "
                       f"since {document['effective']}")
    return ('<div style="font: 7.5pt sans-serif; color: #444; width: 100%; margin: 0 15mm; '
            'display: flex; justify-content: space-between; gap: 8mm">'
            f'<span>{left}</span><span style="white-space: nowrap">Page '
            '<span class="pageNumber"></span> of <span class="totalPages"></span></span></div>')
