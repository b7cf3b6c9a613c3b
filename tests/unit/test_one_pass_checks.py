"""The output checks read each page once, and the edition scan reads each text once: the
single pass must find everything the separate readings found.

The reference readers below are the two HTMLParser readers the residue gate and the
disclosure gate used before they shared one reading; every page is read both ways and
must give the same answer.
"""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govportal.publish import edition_scan, rendered_html
from govportal.publish.gate import inspect
from govportal.publish.markdown_residue import find

_CODE = {"code", "pre", "kbd", "samp", "script", "style", "template", "textarea"}
_BLOCKS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "figcaption", "caption", "summary", "div", "section", "article",
           "header", "footer", "aside", "nav", "table", "tr", "ul", "ol", "dl", "details"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "source", "track", "wbr"}


class _ReferenceBlocks(HTMLParser):
    """The residue gate's former reader: visible text block by block, code left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, list[str]]] = []
        self.stack: list[tuple[str, list[str]]] = []
        self.code = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in _VOID:
            if tag == "br" and self.stack:
                self.stack[-1][1].append("\n")
            return
        if tag in _CODE:
            self.code += 1
        if tag in _BLOCKS:
            block = (tag, [])
            self.blocks.append(block)
            self.stack.append(block)

    def handle_endtag(self, tag) -> None:
        if tag in _VOID:
            return
        if tag in _CODE:
            self.code = max(0, self.code - 1)
        if tag in _BLOCKS:
            for i in range(len(self.stack) - 1, -1, -1):
                if self.stack[i][0] == tag:
                    del self.stack[i:]
                    break

    def handle_data(self, data) -> None:
        if self.stack and not self.code:
            self.stack[-1][1].append(data)


class _ReferenceSections(HTMLParser):
    """The disclosure gate's former reader: marked sections and the first layer's links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[dict] = []
        self.open: list[dict] = []
        self.links: set[str] = set()
        self.first = 0

    def handle_starttag(self, tag, attrs) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in _VOID:
            return
        for s in self.open:
            s["depth"] += 1
        if "data-disclosures" in a:
            hidden = "hidden" in a or "display:none" in a.get("style", "").replace(" ", "")
            section = {"items": a["data-disclosures"].split(), "hidden": hidden, "text": [],
                       "depth": 0}
            self.sections.append(section)
            self.open.append(section)
        if self.first:
            self.first += 1
            if tag == "a" and a.get("href", "").startswith("#"):
                self.links.add(a["href"][1:])
        elif "gp-first-layer" in a.get("class", "").split():
            self.first = 1

    def handle_endtag(self, tag) -> None:
        if tag in _VOID:
            return
        if self.first:
            self.first -= 1
        for s in list(self.open):
            s["depth"] -= 1
            if s["depth"] < 0:
                self.open.remove(s)

    def handle_data(self, data) -> None:
        for s in self.open:
            s["text"].append(data)


def _reference(html: str) -> tuple[list[tuple[str, str]], list[tuple], frozenset[str]]:
    content = rendered_html.main_content(html)
    blocks = _ReferenceBlocks()
    blocks.feed(content)
    blocks.close()
    sections = _ReferenceSections()
    sections.feed(content)
    sections.close()
    return ([(tag, "".join(parts)) for tag, parts in blocks.blocks],
            [(s["items"], s["hidden"], "".join(s["text"])) for s in sections.sections],
            frozenset(sections.links))


def _shared(html: str) -> tuple[list[tuple[str, str]], list[tuple], frozenset[str]]:
    article = rendered_html.read_article(html)
    return ([(b.tag, b.text) for b in article.blocks],
            [(s.items, s.hidden, "".join(s.text)) for s in article.sections],
            frozenset(article.first_layer_links))


PAGES = [
    "<p>Notices:\n| Notice | Status |\n|---|---|</p>",
    "<P CLASS=x>Upper-case tags **and** entities &amp; &#124; &lt;b&gt;</P>",
    "<div><p>See:\n- a</p>tail of the div<p>See:\n- b</p></div>",
    "<li>outer<ul><li>inner</li></ul>after</li>",
    "<p>Steps:<br>1. ask<br/>2. record<br /></p>",
    "<p>a <!-- a comment with <p> inside --> b</p><!DOCTYPE html><?pi x?>",
    "<p><code>**x</code> then **y</p><pre><code>| a | b |</code></pre>",
    "<p>An unclosed <em>emphasis and a stray </strong> end</p>",
    "<p>5 < 6 and 7 > 3, a lone < sign</p>",
    "<p title='a > b'>quoted &quot;&gt;&quot; in attributes</p>",
    "<script>var a = '<p>{{ x }}</p>';</script><p>after **script</p>",
    "<style>p::after{content:'</p>**'}</style><p>styled</p>",
    "<div data-disclosures='eu.purposes eu.bases'><h2>Purposes</h2><p>text</p></div>",
    "<div data-disclosures=eu.contact hidden><p>hidden text</p></div>",
    '<section data-disclosures="x" style="display: none"><p>t</p></section>',
    '<div data-disclosures="x"></div><div data-disclosures="y"><span>  </span></div>',
    '<div data-disclosures="outer"><div data-disclosures="inner"><p>a</p></div>b</div>',
    '<div class="gp-first-layer other"><p><a href="#rights">r</a> <a href="/x">y</a>'
    '<a href="#contact">c</a></p></div><a href="#outside">o</a>',
    '<div class="gp&#45;first-layer"><a href="&#35;rights">r</a></div>',
    '<div data-disclosures="self" /><p>after a self-closing div</p>',
    "<header><p>| nav |</p></header><article><p>Intro:\n- a</p></article><footer>x</footer>",
    "<p>Write <kbd>{{</kbd> and <samp>{%</samp> and <textarea>**</textarea> **</p>",
]


def test_the_page_list_is_not_empty() -> None:
    assert len(PAGES) >= 20


@pytest.mark.parametrize("page", PAGES)
def test_one_reading_sees_what_both_former_readers_saw(page: str) -> None:
    assert _shared(page) == _reference(page)


_TAGS = ["p", "li", "td", "div", "em", "span", "code", "pre", "br", "a", "ul", "section"]
_texts = st.sampled_from(["x", " | a | b |", "\n- item", "**", "[[r:x]]", "{{", "&amp;",
                          "&#124;", " ", "\n", "1. one", "text"])


@st.composite
def _html(draw) -> str:
    out = []
    for _ in range(draw(st.integers(1, 25))):
        kind = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(_TAGS))
        if kind == 0:
            attrs = draw(st.sampled_from(["", ' class="gp-first-layer"', ' href="#a"',
                                          ' data-disclosures="i j"', " hidden",
                                          ' data-disclosures="k" hidden']))
            out.append(f"<{tag}{attrs}>")
        elif kind == 1:
            out.append(f"</{tag}>")
        elif kind == 2:
            out.append(f"<{tag}/>")
        else:
            out.append(draw(_texts))
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(_html())
def test_any_markup_is_read_as_the_former_readers_read_it(page: str) -> None:
    assert _shared(page) == _reference(page)


def test_the_shared_reading_gives_the_checks_their_former_answers() -> None:
    page = ('<article><p>Key:\n| a | b |</p><div data-disclosures="eu.rights">'
            '<p>You may ask.</p></div></article>')
    article = rendered_html.read_article(page)
    assert find(page, article) == find(page)
    assert [r.kind for r in find(page)] == ["table"]
    assert inspect(page, article).shown == inspect(page).shown == {"eu.rights"}


# -- the edition scan in one pass -----------------------------------------------------------

@pytest.fixture(scope="module")
def leaky_policy(tmp_path_factory: pytest.TempPathFactory):
    from govportal import pipeline
    from govportal.rules.registry import Options
    from tests.sitebuild.test_editions import internal_data

    data = internal_data(tmp_path_factory.mktemp("internal"))
    result = pipeline.check(data, Options(today=dt.date(2026, 11, 22)), label_base=data.parent)
    assert not result.problems.errors
    return result.policy


def _site(tmp: Path, files: dict[str, str]) -> Path:
    site = tmp / "site"
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


def _one_pass(site: Path, policy, pages: dict[str, str]) -> tuple[list[str], dict]:
    """The build's way: pages read as rendered (``pages``), then the written site."""
    scan = edition_scan.SiteScan(policy)
    for dest, output in pages.items():
        scan.page(dest, output)
    return scan.finish(site), scan.counts


def test_a_page_read_while_rendered_is_not_read_again_and_its_leak_is_named(
        tmp_path: Path, leaky_policy) -> None:
    from tests.sitebuild.test_editions import CONTACT_NAME

    pages = {"index.html": "<p>nothing internal here</p>",
             "guide/index.html": f"<p>Call {CONTACT_NAME}</p>"}
    site = _site(tmp_path, pages)
    leaks, counts = _one_pass(site, leaky_policy, pages)
    assert counts["files read after"] == 0
    assert leaks == edition_scan.find_leaks(site, leaky_policy) == [
        "guide/index.html contains the internal-only field contacts[0].name of "
        f"data/incident-response.yaml ('{CONTACT_NAME}')"]


def test_a_page_changed_after_it_was_read_is_read_again(tmp_path: Path,
                                                        leaky_policy) -> None:
    from tests.sitebuild.test_editions import CONTACT_NAME

    site = _site(tmp_path, {"index.html": f"<p>{CONTACT_NAME}</p>"})
    # what the checks read was clean; a later plugin wrote the name into the file
    leaks, counts = _one_pass(site, leaky_policy, {"index.html": "<p>clean</p>"})
    assert counts["files read after"] == 1
    assert len(leaks) == 1 and leaks[0].startswith("index.html contains the internal-only "
                                                   "field contacts[0].name")


def test_a_leak_in_a_json_file_is_found(tmp_path: Path, leaky_policy) -> None:
    from tests.sitebuild.test_editions import RISK

    pages = {"index.html": "<p>clean</p>"}
    site = _site(tmp_path, {**pages, "notices.json": json.dumps({"notes": [RISK]})})
    leaks, _ = _one_pass(site, leaky_policy, pages)
    assert [leak.split(" (")[0] for leak in leaks] == [
        "notices.json contains the internal-only field vendors[0].risk_notes of "
        "data/vendors.yaml"]


def _index(docs: list[dict]) -> str:
    return json.dumps({"config": {"lang": ["en"]}, "docs": docs})


def test_search_entries_within_their_page_are_passed_over_and_others_read(
        tmp_path: Path, leaky_policy) -> None:
    from tests.sitebuild.test_editions import CONTACT_NAME, RISK

    pages = {"guide/index.html": "<article><h1>Guide</h1><p>Ask your <em>manager</em> "
                                 "first.</p>\n<p>Then HR.</p></article>"}
    docs = [{"location": "guide/", "title": "Guide",
             "text": "<p>Ask your <em>manager</em> first.</p><p>Then HR.</p>"},
            # not in its page: read, and the leak in it found
            {"location": "guide/#more", "title": "More", "text": f"<p>{CONTACT_NAME}</p>"},
            # markup with attributes could hide text: read
            {"location": "guide/", "title": "Guide", "text": f'<a title="{RISK}">x</a>'},
            # a page never read: read
            {"location": "other/", "title": "Other", "text": "<p>Then HR.</p>"}]
    site = _site(tmp_path, {**pages, "search/search_index.json": _index(docs)})
    leaks, counts = _one_pass(site, leaky_policy, pages)
    assert [leak.split(" (")[0] for leak in leaks] == [  # in the order of the data
        "search/search_index.json contains the internal-only field vendors[0].risk_notes of "
        "data/vendors.yaml",
        "search/search_index.json contains the internal-only field contacts[0].name of "
        "data/incident-response.yaml"]
    assert counts["search entries passed over"] == 2  # the first entry's title and text
    assert leaks == edition_scan.find_leaks(site, leaky_policy)


def test_an_entry_of_a_page_that_leaks_is_still_reported(tmp_path: Path,
                                                         leaky_policy) -> None:
    from tests.sitebuild.test_editions import CONTACT_NAME

    pages = {"guide/index.html": f"<p>Call {CONTACT_NAME} now</p>"}
    docs = [{"location": "guide/", "title": "Guide", "text": f"<p>Call {CONTACT_NAME}</p>"}]
    site = _site(tmp_path, {**pages, "search/search_index.json": _index(docs)})
    leaks, _ = _one_pass(site, leaky_policy, pages)
    assert [leak.split(" contains")[0] for leak in leaks] == [
        "guide/index.html", "search/search_index.json"]
    assert leaks == edition_scan.find_leaks(site, leaky_policy)


def test_an_internal_page_and_an_unreadable_file_are_still_named(tmp_path: Path,
                                                                 leaky_policy) -> None:
    pages = {"registers/assessments/index.html": "<p>nothing internal</p>"}
    site = _site(tmp_path, pages)
    (site / "broken.gz").write_bytes(b"\x1f\x8b" + b"not really gzip")
    leaks, _ = _one_pass(site, leaky_policy, pages)
    assert leaks[0].startswith("broken.gz cannot be read by the edition scan")
    assert leaks[1] == "registers/assessments/index.html is an internal-only page"
