"""The sanitiser against cross-site-scripting payloads, judged by an HTML parser.

Each payload goes through every way data text reaches a page: the template filters
(``md``, ``inline``, ``cell``, ``attr``), plain text printed without a filter (escaped by
the template environment), titles and clause code blocks. The output must hold only the
allowed tags and attributes and no script-capable URL, also after the site's own Markdown
reads it a second time, as it does inside ``<div markdown>`` blocks.
"""

from __future__ import annotations

import html

import markdown
import pytest

from govportal.pages import environment, paths
from govportal.text import safe_markdown
from tests.security.payloads import TEMPLATE_PAYLOADS, XSS_PAYLOADS
from tests.security.scan import dangerous_url, scan_html

PAYLOADS = XSS_PAYLOADS + TEMPLATE_PAYLOADS
ENV = environment.environment()
ALLOWED_ATTRS = {(tag, a) for tag, attrs in safe_markdown.ALLOWED_ATTRIBUTES.items() for a in attrs}
ALLOWED_ATTRS.add(("a", "rel"))
# The site's Markdown configuration, as far as it acts on text (see mkdocs.yml).
SITE_EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "def_list",
                   "pymdownx.superfences", "pymdownx.tasklist"]


def site_markdown(text: str) -> str:
    return markdown.Markdown(extensions=SITE_EXTENSIONS).convert(text)


def assert_inert(output: str, allowed_tags: set[str], allowed_attrs: set[tuple[str, str]]) -> None:
    scan = scan_html(output)
    assert "<script" not in output.lower()
    assert scan.handlers == [], output
    assert scan.bad_urls == [], output
    assert scan.tags <= allowed_tags, (scan.tags - allowed_tags, output)
    assert scan.attrs <= allowed_attrs, (scan.attrs - allowed_attrs, output)


def render_filter(name: str, payload: str) -> str:
    return ENV.from_string("{{ x | " + name + " }}").render(x=payload)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("how", ["md", "inline", "cell"])
def test_filters_leave_only_allowed_html(payload: str, how: str) -> None:
    output = render_filter(how, payload)
    assert_inert(output, safe_markdown.ALLOWED_TAGS, ALLOWED_ATTRS)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("how", ["md", "inline", "cell", "plain", "raw"])
def test_a_second_markdown_pass_finds_nothing_to_act_on(payload: str, how: str) -> None:
    """The page Markdown around the filtered text, as the site's Markdown sees it."""
    value = ENV.from_string("{{ x }}").render(x=payload) if how == "raw" else (
        render_filter(how, payload))
    page = (f'<div class="gp" markdown>\n\n{value}\n\n</div>\n\n'
            f"- item: {value}\n\n| a | b |\n|---|---|\n| {value} | x |\n\n## Heading {value}\n")
    output = site_markdown(page)
    tags = safe_markdown.ALLOWED_TAGS | {"div", "h2", "table", "thead", "tbody", "tr", "th", "td"}
    attrs = ALLOWED_ATTRS | {("div", "class"), ("h2", "id")}
    assert_inert(output, tags, attrs)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_attribute_filter_stays_inside_its_quotes(payload: str) -> None:
    output = ENV.from_string('<span title="{{ x | attr }}">t</span>').render(x=payload)
    scan = scan_html(output)
    assert scan.tags == {"span"} and scan.attrs == {("span", "title")}, output


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_values_print_as_their_text(payload: str) -> None:
    """A value printed without a filter is escaped: the page shows exactly what was written
    (on one line), and neither HTML nor Markdown acts on it."""
    output = site_markdown(f"# Title: {ENV.from_string('{{ x }}').render(x=payload)}\n")
    scan = scan_html(output)
    assert scan.tags == {"h1"}, output
    assert "".join(scan.text) == "Title: " + payload.replace("\n", " ")


@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS)
@pytest.mark.parametrize("how", ["md", "inline", "cell", "plain"])
def test_template_syntax_in_data_is_text(payload: str, how: str) -> None:
    output = site_markdown(render_filter(how, payload))
    assert html.unescape("".join(scan_html(output).text)).strip() == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_titles_cannot_open_a_tag_anywhere(payload: str) -> None:
    """The theme prints titles as HTML, escaped (| e) and unescaped (| striptags)."""
    title = safe_markdown.title_html(payload)
    assert "<" not in title and ">" not in title and '"' not in title
    assert "<" not in html.unescape(title).replace("&lt;", "")


def test_clause_text_cannot_close_its_code_block() -> None:
    clause = "Kept for two years.\n```\n<img src=x onerror=alert(1)>\n```\n[x](javascript:alert(1))"
    page = ENV.from_string("``` { .text }\n{{ x | code }}\n```\n").render(x=clause)
    output = markdown.Markdown(extensions=["pymdownx.superfences", "attr_list"]).convert(page)
    scan = scan_html(output)
    assert scan.tags <= {"pre", "code", "div", "span"}, output
    assert scan.handlers == [] and scan.bad_urls == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_removed_markup_is_reported(payload: str) -> None:
    """Whatever the sanitiser would drop, the content.unsafe-markup rule names."""
    raw = markdown.Markdown(extensions=["sane_lists"]).convert(payload)
    scan = scan_html(raw)
    harmful = (scan.handlers or scan.bad_urls
               or scan.tags - safe_markdown.ALLOWED_TAGS - {"h1", "hr", "pre"}
               or scan.attrs - ALLOWED_ATTRS)
    assert bool(safe_markdown.removed_markup(payload)) == bool(harmful), (payload, raw)


def test_payloads_are_numerous() -> None:
    assert len(XSS_PAYLOADS) >= 25


@pytest.mark.parametrize("uri", ["notices/learning.md", "schemas/program.schema.json",
                                 "notices/learning/v1.0.md", "index.md", "feed.xml"])
def test_site_paths(uri: str) -> None:
    assert paths.is_site_path(uri)


@pytest.mark.parametrize("uri", ["../etc/passwd.md", "notices/../../x.md", "/etc/passwd",
                                 "notices//x.md", "notices/./x.md", "C:\\x.md", ".htaccess",
                                 "notices/.hidden.md", "", "notices/x.md/", "a\\b.md",
                                 "notices/lé.md", "notices/x y.md", "notices/x\x00.md"])
def test_unsafe_site_paths(uri: str) -> None:
    assert not paths.is_site_path(uri)


def test_generated_paths_written_twice_are_reported() -> None:
    assert paths.generated_path_problems(["a.md", "b.md", "a.md", "../c.md"]) == [
        "two generated files would be written to 'a.md'",
        "the generated file '../c.md' would be written outside the site or under an unsafe "
        "name",
    ]


def test_dangerous_url_sees_through_obfuscation() -> None:
    for url in ("javascript:x", " JaVaScRiPt:x", "java\tscript:x", "\x01vbscript:x", "data:x"):
        assert dangerous_url(url)
    for url in ("https://example.com", "/privacy", "mailto:a@example.com", "#top"):
        assert not dangerous_url(url)


def test_only_web_and_mail_links_keep_their_address_and_each_opens_safely() -> None:
    from govportal.text.safe_markdown import markdown_inline

    assert markdown_inline("[a](ftp://h.example/x) [b](https://h.example/) [t](tel:+4930123)"
                           " [m](mailto:p@h.example)") == (
        '<a rel="noopener noreferrer">a</a> <a href="https://h.example/" rel="noopener '
        'noreferrer">b</a> <a rel="noopener noreferrer">t</a> <a href="mailto:p@h.example" '
        'rel="noopener noreferrer">m</a>')


@pytest.mark.parametrize(("text", "found"), [
    ("<img src=x>", "an image"),
    ("<b>x</b>", "the HTML element <b>"),
    ("[a](javascript:alert(1))", "a link to a 'javascript:' address"),
    ("[a](JAVASCRIPT:x)", "a link to a 'javascript:' address"),
    ("[a](java\tscript:x)", "a link to a 'javascript:' address"),
    ("plain text", None),
    ("", None),
])
def test_what_the_sanitiser_removes_is_named(text: str, found: str | None) -> None:
    from govportal.text.safe_markdown import removed_markup

    assert removed_markup(text) == found


def test_paragraphs_are_one_line_apart() -> None:
    from govportal.text.safe_markdown import markdown_block

    assert markdown_block("a\n\nb") == "<p>a</p>\n<p>b</p>"
