"""Drive Debian's Chromium against a built portal, the way a reader would.

Every context made here routes every request through a handler that lets loopback through and
records and aborts anything else, and every page records its console errors and uncaught
exceptions. ``visit`` starts a fresh record, so after it ``blocked_requests(page)`` and
``console_errors(page)`` tell what that one page did.

Material specifics used here (Material for MkDocs 9.8): the search box
(``input.md-search__input``, opened from ``label.md-header__button[for=__search]`` on a phone),
task lists (``.task-list-item input[type=checkbox]``, clickable with ``pymdownx.tasklist``'s
``clickable_checkbox``), the copy button of code blocks (``content.code.copy``:
``button[data-md-type=copy]``, older ``button.md-clipboard``).
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import json
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from weakref import WeakKeyDictionary

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Response, Route

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "screenshots"

VIEWPORTS: dict[str, dict[str, Any]] = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TIMEOUT_MS = 20_000

# axe-core impacts that fail a page.
FAILING_IMPACTS = frozenset({"serious", "critical"})
# Findings that cannot be fixed in this project's theme, keyed by (rule id, CSS selector axe
# reports). Each entry needs a comment saying why. Never add a rule without its selector.
AXE_ALLOWED: dict[tuple[str, str], str] = {}

# Material's page chrome, which the print stylesheet must hide.
CHROME_SELECTORS = (
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-nav--primary",
    ".md-footer",
    ".md-search",
    ".md-top",
)


# -- Chromium and a local server ------------------------------------------------------------


def chromium_executable() -> str | None:
    """Debian's Chromium (installed by ``make browser-deps``), or None."""
    return shutil.which("chromium")


def launch(playwright: Playwright) -> Browser:
    """Headless Debian Chromium; no ``playwright install`` browser is used."""
    return playwright.chromium.launch(
        executable_path=chromium_executable(), headless=True, args=CHROMIUM_ARGS)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib signature)
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port); yields the base URL ending in ``/``."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def is_loopback_url(url: str) -> bool:
    """True for URLs that stay on this machine (or never leave the page: data:, blob:)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    host = (parts.hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# -- Contexts that record what pages do ----------------------------------------------------

_blocked: WeakKeyDictionary[BrowserContext, list[str]] = WeakKeyDictionary()
_errors: WeakKeyDictionary[Page, list[str]] = WeakKeyDictionary()


def _route(context_log: list[str], route: Route) -> None:
    url = route.request.url
    if is_loopback_url(url):
        route.continue_()
    else:
        context_log.append(url)
        route.abort("blockedbyclient")


def watch_page(page: Page) -> Page:
    """Record the page's console errors and uncaught exceptions (idempotent)."""
    if page in _errors:
        return page
    log: list[str] = []
    _errors[page] = log

    def on_console(message: Any) -> None:
        if message.type == "error":
            where = message.location or {}
            log.append(f"console.error: {message.text} ({where.get('url', '?')}"
                       f":{where.get('lineNumber', '?')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: log.append(f"uncaught: {error}"))
    return page


def watch(context: BrowserContext) -> BrowserContext:
    """Route every request of ``context``: loopback passes, anything else is recorded and
    aborted. Pages opened in it record their console errors."""
    if context in _blocked:
        return context
    log: list[str] = []
    _blocked[context] = log
    context.route("**/*", functools.partial(_route, log))
    context.on("page", watch_page)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def new_context(browser: Browser, viewport: str = "desktop", **options: Any) -> BrowserContext:
    """A watched context at the ``phone`` (390x844) or ``desktop`` (1280x900) size."""
    return watch(browser.new_context(**VIEWPORTS[viewport], **options))


def new_page(context: BrowserContext) -> Page:
    return watch_page(context.new_page())


def visit(page: Page, url: str) -> Response:
    """Open ``url`` and wait until the network is quiet; starts a fresh record for the page.

    Fails when the server answers with an error status."""
    watch_page(page)
    _errors[page].clear()
    if page.context in _blocked:
        _blocked[page.context].clear()
    response = page.goto(url, wait_until="networkidle")
    assert response is not None, f"no response for {url}"
    assert response.ok, f"{url} answered {response.status}"
    return response


def blocked_requests(page: Page) -> list[str]:
    """Requests to anything but loopback since the last ``visit`` (all aborted)."""
    return list(_blocked.get(page.context, []))


def console_errors(page: Page) -> list[str]:
    """Console errors and uncaught exceptions since the last ``visit``."""
    return list(_errors.get(page, []))


# -- Accessibility --------------------------------------------------------------------------


@dataclass(frozen=True)
class AxeFinding:
    rule: str
    impact: str
    selector: str
    help: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}) at {self.selector}: {self.help}"


def _selector(target: Any) -> str:
    # axe gives a list of selectors (more than one when the node sits in an iframe/shadow root).
    if isinstance(target, list):
        return " >>> ".join(_selector(t) for t in target)
    return str(target)


def run_axe(page: Page, impacts: frozenset[str] = FAILING_IMPACTS) -> list[AxeFinding]:
    """axe-core's violations of the given impacts on the current page, minus ``AXE_ALLOWED``."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    findings = []
    for violation in results.response.get("violations", []):
        for node in violation.get("nodes", []):
            impact = node.get("impact") or violation.get("impact") or ""
            if impact not in impacts:
                continue
            selector = _selector(node.get("target", []))
            if (violation["id"], selector) in AXE_ALLOWED:
                continue
            findings.append(AxeFinding(violation["id"], impact, selector, violation["help"]))
    return findings


# -- Search ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str


_SEARCH_DONE = """([none, one, other]) => {
  const meta = document.querySelector('.md-search-result__meta');
  const text = meta ? meta.textContent.trim() : '';
  return text === none || text === one || new RegExp(other).test(text);
}"""


def _phrases(page: Page) -> dict[str, str]:
    """Material's search status phrases in the page's language (from its ``__config``)."""
    config = json.loads(page.locator("#__config").text_content() or "{}")
    words = config.get("translations", {})
    other = words.get("search.result.other", "# matching documents")
    return {
        "placeholder": words.get("search.result.placeholder", "Type to start searching"),
        "none": words.get("search.result.none", "No matching documents"),
        "one": words.get("search.result.one", "1 matching document"),
        "other": "^" + re.escape(other).replace("\\#", "#").replace("#", "\\d+") + "$",
    }


def open_search(page: Page) -> None:
    """Open Material's search the way a reader does: the header button on a phone, the box on
    a desktop."""
    if page.evaluate("() => !!document.getElementById('__search')?.checked"):
        page.locator("input.md-search__input").focus()  # already open
        return
    button = page.locator("label.md-header__button[for='__search']")
    if button.count() and button.first.is_visible():
        button.first.click()
    else:
        page.locator("input.md-search__input").click()


def search_hits(page: Page, word: str) -> list[SearchHit]:
    """Search for ``word``; every result link (pages and their sections), best first.

    Material queries on each key release, so the box is filled and then one key (End) is
    released: exactly one query, and the results shown are the ones for ``word``. A box that
    held an earlier query is emptied first, and its old results waited away."""
    phrases = _phrases(page)
    open_search(page)
    box = page.locator("input.md-search__input")
    if box.input_value():
        box.fill("")
        box.press("End")
        page.wait_for_function(
            "p => (document.querySelector('.md-search-result__meta') || {}).textContent"
            "?.trim() === p", arg=phrases["placeholder"])
    box.fill(word)
    box.press("End")
    page.wait_for_function(_SEARCH_DONE, arg=[phrases["none"], phrases["one"], phrases["other"]])
    return [
        SearchHit(title, url)
        for title, url in page.eval_on_selector_all(
            ".md-search-result__item a.md-search-result__link",
            "links => links.map(a => [(a.querySelector('h1, h2') || a).textContent.trim(),"
            " a.href])",
        )
    ]


def search(page: Page, word: str) -> list[str]:
    """Type ``word`` into the search box; the titles of the result pages, best first."""
    search_hits(page, word)
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(li => { const h = li.querySelector('h1, h2');"
        " return (h || li).textContent.trim(); })",
    )


# -- Screenshots, task lists, copy buttons, print --------------------------------------------


def screenshot(page: Page, name: str, full_page: bool = True) -> Path:
    """Save a PNG under ``tests/screenshots/`` (git-ignored) and return its path.

    A full page is taken by making the window as tall as the page: Playwright's own full-page
    capture drops the phone emulation (``hover: none``) while it shoots, so the picture would
    not show what a phone shows."""
    safe = re.sub(r"[^A-Za-z0-9._/-]+", "-", name).strip("-/") or "page"
    path = SCREENSHOTS / f"{safe}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    if not full_page or size is None:
        page.screenshot(path=str(path))
        return path
    height = int(page.evaluate("document.documentElement.scrollHeight"))
    page.set_viewport_size({"width": size["width"], "height": min(max(height, 1), 16_000)})
    try:
        page.screenshot(path=str(path))
    finally:
        page.set_viewport_size(size)
    return path


def tick_all_checkboxes(page: Page) -> tuple[int, int]:
    """Click every unticked task-list checkbox like a reader; return (ticked, total) after.

    Material draws its own box over the real input (``custom_checkbox``), so the click goes to
    the point where the reader sees the box, not to the input element."""
    boxes = page.locator(".task-list-item input[type=checkbox]")
    total = boxes.count()
    for i in range(total):
        box = boxes.nth(i)
        if box.is_checked():
            continue
        box.scroll_into_view_if_needed()
        area = box.bounding_box()
        if area is None:
            continue
        page.mouse.click(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2)
    ticked = page.eval_on_selector_all(
        ".task-list-item input[type=checkbox]", "els => els.filter(e => e.checked).length")
    return int(ticked), total


_COPY_BUTTON = "button[data-md-type='copy'], button.md-clipboard"


def _normal_text(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip("\n").split("\n"))


def copy_button_copies(page: Page, selector: str = "div.highlight") -> bool:
    """Click the copy button of the first code block matching ``selector`` and compare the
    clipboard with the code the block shows."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    block = page.locator(selector).first
    block.scroll_into_view_if_needed()
    block.hover()
    button = block.locator(_COPY_BUTTON).first
    if not button.count():
        return False
    expected = block.locator("code").first.inner_text()
    page.evaluate("navigator.clipboard.writeText('')")
    button.click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()) !== ''",
                           timeout=5_000)
    copied = page.evaluate("navigator.clipboard.readText()")
    return _normal_text(copied) == _normal_text(expected)


def chrome_visible_in_print(page: Page) -> list[str]:
    """Selectors of Material's chrome (header, nav, sidebars, footer, search) still visible
    when the page is printed."""
    page.emulate_media(media="print")
    try:
        visible = []
        for selector in CHROME_SELECTORS:
            items = page.locator(selector)
            if any(items.nth(i).is_visible() for i in range(items.count())):
                visible.append(selector)
        return visible
    finally:
        page.emulate_media(media="screen")


def print_hides_chrome(page: Page) -> bool:
    """True when printing hides Material's header, nav, sidebars, footer and search."""
    return not chrome_visible_in_print(page)


def outside_links_without_print_address(page: Page) -> list[str]:
    """Outside links in the content whose address is not written after them in print."""
    page.emulate_media(media="print")
    try:
        return page.eval_on_selector_all(
            ".md-content a[href^='http']",
            "links => links.filter(a => !getComputedStyle(a, '::after').content"
            ".includes(a.getAttribute('href'))).map(a => a.getAttribute('href'))",
        )
    finally:
        page.emulate_media(media="screen")


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the window (0 when it fits)."""
    return int(page.evaluate(
        "() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"))


def rendered_links(page: Page) -> list[str]:
    """Every ``a[href]`` on the page as the browser resolves it (absolute URLs)."""
    return page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")


def site_path(base_url: str, url: str) -> tuple[str, str] | None:
    """(site-relative path, fragment) of a URL on the local server, None for other URLs."""
    base, target = urlsplit(base_url), urlsplit(url)
    if (target.scheme, target.netloc) != (base.scheme, base.netloc):
        return None
    if not target.path.startswith(base.path):
        return None
    return unquote(target.path[len(base.path):]), target.fragment



def choose_scheme(page: Page, scheme: str) -> None:
    """Click Material's palette toggle until the page shows ``scheme`` (``slate`` is dark)."""
    for _ in range(3):
        if page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme:
            return
        page.locator("form[data-md-component=palette] label:visible").first.click()
    raise AssertionError(f"the palette toggle never showed the {scheme!r} scheme")


# -- What a reader sees: width, dates, addresses ---------------------------------------------

_WIDER_THAN_WINDOW = """() => {
  const width = document.documentElement.clientWidth;
  const shown = el => { const s = getComputedStyle(el);
    return s.display !== 'none' && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0; };
  const focusable = el => el.tabIndex >= 0 &&
    (el.hasAttribute('tabindex') || el.matches('a[href], button, input, select, textarea'));
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const path = el => { const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement)
      parts.unshift(name(e));
    return parts.join(' > '); };
  // The nearest ancestor that stops the element from widening the page: one that clips it
  // (overflow hidden or clip), or one that scrolls it sideways (overflow auto or scroll).
  const container = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (/(hidden|clip)/.test(s.overflowX)) return [a, 'clips'];
      if (/(auto|scroll)/.test(s.overflowX) && a.scrollWidth > a.clientWidth + 1)
        return [a, 'scrolls'];
      if (s.position === 'fixed') return [a, 'fixed'];
    }
    return [null, ''];
  };
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!shown(el)) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || (box.right <= width + 1 && box.width <= width + 1))
      continue;
    const [holder, how] = container(el);
    if (holder) {
      const outer = holder.getBoundingClientRect();
      const fits = outer.right <= width + 1 && outer.width <= width + 1;
      if (how === 'clips' && fits) continue;
      if (how === 'fixed' && (outer.left >= width || outer.right <= 0 || !shown(holder)))
        continue;  // an off-canvas drawer or dialog, out of sight until opened
      if (how === 'scrolls' && fits && focusable(holder)) continue;
    }
    found.push(path(el) + ' (' + Math.round(box.width) + ' px wide, right edge at ' +
      Math.round(box.right) + ')');
  }
  return found;
}"""


def elements_wider_than_window(page: Page) -> list[str]:
    """Visible elements that reach past the window's right edge (or are wider than it) and
    sit in no focusable horizontal scroll container that fits the window."""
    return list(dict.fromkeys(page.evaluate(_WIDER_THAN_WINDOW)))


def tables_scrolling_sideways(page: Page) -> list[str]:
    """Tables (in Material's scroll wrappers) that need sideways scrolling to be read."""
    return page.eval_on_selector_all(
        ".md-typeset__scrollwrap",
        "wraps => wraps.filter(w => w.scrollWidth > w.clientWidth + 1).map(w => "
        "(w.querySelector('th') || w).textContent.trim().slice(0, 40) + ': ' + w.scrollWidth "
        "+ ' px of ' + w.clientWidth)")


_TEXT_NODES = """([pattern, skip]) => {
  const re = new RegExp(pattern, 'g');
  const found = [];
  const walker = document.createTreeWalker(
    document.querySelector('.md-content') || document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && node.parentElement.closest(skip)) continue;
    for (const m of node.textContent.matchAll(re)) found.push(m[0]);
  }
  return found;
}"""
EMAIL_PATTERN = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
ISO_DATE_PATTERN = r"\b\d{4}-\d{2}-\d{2}\b"


def unlinked_addresses(page: Page) -> list[str]:
    """E-mail addresses in the page's text that are not inside a link (code aside)."""
    return page.evaluate(_TEXT_NODES, [EMAIL_PATTERN, "a, code, pre"])


def iso_dates_shown(page: Page) -> list[str]:
    """Dates the reader sees written as YYYY-MM-DD (code blocks and examples aside)."""
    return page.evaluate(_TEXT_NODES, [ISO_DATE_PATTERN, "code, pre"])
