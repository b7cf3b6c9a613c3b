"""The sanitiser's smaller promises, each stated with the exact text a reader or a program gets.

The payload tests (``tests/security/test_sanitizer.py``) judge the output with an HTML parser:
nothing dangerous survives. These cases pin what the output *is*: addresses that only look
like the site's, text too costly to convert, titles, code blocks, the exports' plain text
and the sanitiser's own report of what it removed. Expected values are written out here.
"""

from __future__ import annotations

import pytest

from govportal.text.safe_markdown import (
    code_text,
    export_text,
    leaves_site,
    markdown_block,
    markdown_inline,
    plain,
    removed_markup,
    title_html,
)

REL = 'rel="noopener noreferrer"'


@pytest.mark.parametrize(("url", "leaves"), [
    ("//evil.example/page", True),
    ("/\\evil.example/page", True),           # a backslash is read as a slash
    ("\\\\evil.example/page", True),
    ("/\t/evil.example/page", True),          # a tab inside is dropped
    ("/\n/evil.example/page", True),          # so is a line break
    (" //evil.example/page", True),           # leading spaces are dropped
    ("\x01\x1f//evil.example/page", True),    # and leading control characters
    ("/privacy/notice", False),
    ("privacy//notice", False),
    ("!//evil.example", False),               # "!" is not dropped: a relative path
    ("X//evil.example", False),               # nor is a letter
    ("/ /evil.example", False),               # a space inside stays: a path on the site
    ("//", True),
    ("", False),
])
def test_which_addresses_leave_the_site(url: str, leaves: bool) -> None:
    assert leaves_site(url) is leaves


def test_a_link_that_only_looks_like_the_sites_loses_its_address() -> None:
    assert markdown_inline("[a](//evil.example/x) [b](/\\evil.example/y) [c](/privacy)") == (
        f'<a {REL}>a</a> <a {REL}>b</a> <a href="/privacy" {REL}>c</a>')


def test_a_bar_inside_a_tag_is_an_entity_too() -> None:
    assert markdown_inline('[c](https://h.example/a|b "t|x") and a|b') == (
        f'<a href="https://h.example/a&#124;b" title="t&#124;x" {REL}>c</a> and a&#124;b')


def test_a_dropped_block_leaves_no_blank_line() -> None:
    """The sanitiser drops ``<hr>`` and keeps the line breaks around it."""
    assert markdown_block("text\n\n---\n\nmore") == "<p>text</p>\n<p>more</p>"
    assert markdown_block("- a\n- b\n\n> q") == (
        "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<blockquote>\n<p>q</p>\n</blockquote>")


# 200 "[" in one block: far over the conversion budget (see conversion_budget.py).
OVER_BUDGET = "Say  \"hi\",\tit's *fine*\n \t\n" + "[" * 200 + " <b>"


def test_text_over_the_budget_is_shown_as_written_one_paragraph_per_part() -> None:
    assert markdown_block(OVER_BUDGET) == (
        "<p>Say \"hi\", it's &#42;fine&#42;</p>\n<p>" + "&#91;" * 200 + " &lt;b&gt;</p>")
    assert markdown_block("\n\n" + OVER_BUDGET + "\n\n") == markdown_block(OVER_BUDGET)


def test_plain_text_of_a_text_over_the_budget_is_its_words() -> None:
    assert plain(OVER_BUDGET) == "Say \"hi\", it's *fine* " + "[" * 200 + " <b>"


def test_removed_markup_names_nothing_in_a_text_never_converted() -> None:
    # 100 tags are over the budget: the text is shown as written, nothing is removed.
    assert removed_markup("<b>" * 100) is None
    assert removed_markup("<b>" * 3) == "the HTML element <b>"


@pytest.mark.parametrize(("text", "found"), [
    (None, None),
    ("<p>fine</p> and <abbr title=\"General Data Protection Regulation\">GDPR</abbr>", None),
    ('<abbr title="//not a link">x</abbr>', None),       # only an href can leave the site
    ("<a href>x</a>", None),
    ("[a](/privacy)", None),
    ("[a](//evil.example/page)",
     "a link that leaves the site while looking like one of its addresses "
     "('//evil.example/page')"),
    ("[a](/\\evil.example/page)",
     "a link that leaves the site while looking like one of its addresses "
     "('/\\evil.example/page')"),
    ("[a](//evil.example/a/very/long/path/that/goes/on/and/on)",
     "a link that leaves the site while looking like one of its addresses "
     "('//evil.example/a/very/long/path/that/goe')"),
    ("[a](Vbscript:x)", "a link to a 'vbscript:' address"),
    ('<a href="java&#x09;script:x">a</a>', "a link to a 'javascript:' address"),
    ("<IMG src=x>", "an image"),
    ("<p onclick=\"x()\">a</p>", "the HTML attribute 'onclick' on <p>"),
    # An unfinished character reference in raw HTML must not hide the tags after it.
    ("<p>Room &# 5</p>\n\n<img src=x onerror=alert(1)>", "an image"),
])
def test_what_the_sanitiser_would_remove(text: str | None, found: str | None) -> None:
    assert removed_markup(text) == found


def test_titles_are_plain_escaped_text_on_one_line() -> None:
    assert title_html("Notice  for\n**staff** &lt;and&gt; & \"guests\" 'x'") == (
        "Notice for staff \u2039and\u203a &amp; &quot;guests&quot; &#x27;x&#x27;")
    assert title_html(None) == ""


def test_a_line_that_would_close_the_code_block_is_indented() -> None:
    assert code_text("Kept for two years.\n```\nthen\n  ~~~~ more\n````x") == (
        "Kept for two years.\n    ```\nthen\n      ~~~~ more\n    ````x")
    assert code_text("Kept for ``two`` years.") == "Kept for two years."


@pytest.mark.parametrize(("text", "exported"), [
    (None, ""),
    ("Kept for two years", "Kept for two years"),
    ("Kept  for\n**two** years\n\nthen deleted", "Kept for two years then deleted"),
    ("a &lt; b", "a < b"),                              # a lone "<" is text
    ("&lt;b&gt;bold", "bold"),                          # a tag decoded from an entity goes
    ("&amp;lt;b&amp;gt;bold", "bold"),                  # also when encoded twice
    ("&lt;!-- hidden --&gt;shown", "shown"),            # comments go
    ("&lt;script&gt;alert(1)&lt;/script&gt;ok", "ok"),  # scripts go with their content
    ("&lt;style&gt;p {}&lt;/style&gt;ok", "ok"),        # so do style sheets
    ("&lt;i&gt;x&lt;/i&gt; and &lt;u&gt;y&lt;/u&gt;", "x and y"),
    # Encoded five times: four rounds decode it down to a tag, which is then made harmless.
    ("&amp;amp;amp;amp;lt;b&amp;amp;amp;amp;gt;x", "\u2039b\u203ax"),
])
def test_export_text(text: str | None, exported: str) -> None:
    assert export_text(text) == exported


def test_no_text_converts_to_nothing_in_a_block_and_inline() -> None:
    from govportal.text.safe_markdown import markdown_block, markdown_inline
    assert markdown_block("") == markdown_block(None) == ""
    assert markdown_inline("") == markdown_inline(None) == ""


def test_inline_markdown_keeps_its_paragraphs_and_joins_its_lines() -> None:
    """One paragraph loses its ``<p>``; two keep theirs (there is no inline form of them);
    the line breaks of the block become spaces either way."""
    from govportal.text.safe_markdown import markdown_inline
    assert markdown_inline("a line\nanother") == "a line another"
    assert markdown_inline("one\n\ntwo") == "<p>one</p> <p>two</p>"
    assert markdown_inline("- x\n- y") == "<ul> <li>x</li> <li>y</li> </ul>"
