"""End to end: hostile text in every free-text field, a real ``mkdocs build``, every page
scanned for anything the theme would not write itself.

Two sites are built from the complete valid case: a baseline as it is, and one with a
cross-site-scripting or template payload in every free-text field (decided by the model,
see :mod:`tests.security.inject`). The data rules, among them ``content.unsafe-markup``
which refuses such data at check time, are switched off, so what is tested is that the
sanitiser alone keeps every page clean.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from govportal import pipeline
from govportal.publish import markdown_residue
from govportal.rules import registry
from govportal.rules.declared import OUTPUT
from govportal.text import safe_markdown
from tests.conftest import CASES, make_site, mkdocs_build
from tests.security.inject import inject
from tests.security.payloads import TEMPLATE_PAYLOADS, XSS_PAYLOADS
from tests.security.scan import Baseline, findings, scan_html

BASE = CASES / "valid" / "complete"
PAYLOADS = XSS_PAYLOADS + TEMPLATE_PAYLOADS
# Every data rule is switched off for both builds: rules judge what the text says (a playbook
# must mention revoking tokens), and the payloads say nothing. What remains is the sanitiser.
# The output gates too: a section whose only text was a script is empty once sanitised, which
# the disclosure gate rightly reports, and the rendered-output gate refuses template syntax
# shown as text, which is what some payloads are (test_the_output_gate_would_refuse_the_pages);
# here only the sanitiser is under test.
RULES_OFF = ", ".join(f"{rule}: 'off'" for rule in sorted({*registry.all_rules(), *OUTPUT}))
# The internal edition, so the payloads in internal-only fields reach pages too (the public
# edition's scan would rightly refuse payloads repeated in public and internal fields).
OPTIONS = (f"      today: '2026-11-22'\n      edition: internal\n"
           f"      severities: {{{RULES_OFF}}}\n")
# Tags Markdown writes on its own from text it reads as structure (an empty bold becomes a
# rule line): harmless, and the sanitiser's allowed tags.
MARKDOWN_TAGS = {"hr", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}
ALLOWED_ATTRS = {(tag, a) for tag, attrs in safe_markdown.ALLOWED_ATTRIBUTES.items() for a in attrs}
ALLOWED_ATTRS.add(("a", "rel"))


def build(tmp: Path, payloads: list[str] | None) -> tuple[Path, dict[str, int]]:
    data = tmp / "data"
    shutil.copytree(BASE, data)
    counts = inject(data, payloads) if payloads else {}
    project = make_site(tmp, data)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - govportal:\n", "  - govportal:\n" + OPTIONS, 1),
                      encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project, counts


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project, _ = build(tmp_path_factory.mktemp("baseline"), None)
    return project / "site"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    project, counts = build(tmp_path_factory.mktemp("hostile"), PAYLOADS)
    return project, counts


def page_texts(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): "".join(scan_html(p.read_text("utf-8")).text)
            for p in site.rglob("*.html")}


def test_payloads_reached_every_data_file(hostile: tuple[Path, dict[str, int]]) -> None:
    project, counts = hostile
    assert all(n > 0 for n in counts.values()), counts
    assert sum(counts.values()) > 200
    written = "".join(p.read_text("utf-8") for p in (project / "data").rglob("*.yaml"))
    for payload in ("onerror=alert(1)", "javascript:alert(1)", "{{ 7*7 }}"):
        assert payload in written


def test_no_page_has_script_handlers_or_foreign_markup(
        baseline: Path, hostile: tuple[Path, dict[str, int]]) -> None:
    site = hostile[0] / "site"
    problems = findings(site, Baseline.of(baseline), safe_markdown.ALLOWED_TAGS | MARKDOWN_TAGS,
                        ALLOWED_ATTRS)
    assert problems == []


def test_search_index_holds_no_markup_from_data(
        baseline: Path, hostile: tuple[Path, dict[str, int]]) -> None:
    """The theme's search shows these texts as HTML."""
    base = Baseline.of(baseline)
    index = json.loads((hostile[0] / "site" / "search" / "search_index.json").read_text("utf-8"))
    assert index["docs"]
    for doc in index["docs"]:
        scan = scan_html(doc.get("title", "") + " " + doc.get("text", ""))
        assert scan.handlers == [] and scan.bad_urls == [], doc["location"]
        assert scan.tags <= base.tags | safe_markdown.ALLOWED_TAGS | MARKDOWN_TAGS, doc["location"]


def test_template_syntax_is_published_as_text(hostile: tuple[Path, dict[str, int]]) -> None:
    texts = page_texts(hostile[0] / "site")
    everything = "\n".join(texts.values())
    for payload in TEMPLATE_PAYLOADS:
        assert payload in everything, payload
    for sign_of_evaluation in ("<class ", "dict_items(", "jinja2.", "Undefined"):
        assert sign_of_evaluation not in everything


def test_pages_show_the_text_around_the_payloads(hostile: tuple[Path, dict[str, int]]) -> None:
    """The sanitiser removes the dangerous part, not the page: link text stays."""
    texts = page_texts(hostile[0] / "site")
    notice = texts["notices/learning/index.html"]
    assert "click" in notice and "Your rights" in notice


def test_the_check_refuses_the_same_data(hostile: tuple[Path, dict[str, int]]) -> None:
    project = hostile[0]
    result = pipeline.check(project / "data", registry.Options(today=dt.date(2026, 11, 22)),
                        label_base=project)
    unsafe = [p for p in result.problems if p.rule == "content.unsafe-markup"]
    assert len(unsafe) > 50
    assert {p.location.file for p in unsafe} >= {"data/programs/learning.yaml",
                                                "data/vendors.yaml"}
    assert all(p.location.line >= 1 for p in unsafe)


def test_the_output_gate_would_refuse_the_pages(hostile: tuple[Path, dict[str, int]]) -> None:
    """With the gate on (the default), template syntax from data is not published at all:
    the rendered notice shows it as text, which the gate names."""
    page = (hostile[0] / "site" / "notices" / "learning" / "index.html").read_text("utf-8")
    kinds = {r.kind for r in markdown_residue.find(page)}
    assert {"template", "placeholder"} <= kinds, kinds
