"""The sanitiser's shortcut for text without markup gives exactly what the full path gives.

``safe_markdown.markdown_block``/``plain`` skip Markdown and nh3 for one-line text made of letters,
digits, spaces and plain punctuation (it is most of the data, and converting it was most of
the build). The published pages and the notice fingerprints must not change because of
that: for every such text the shortcut and the full conversion agree, byte for byte.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govportal.text import safe_markdown

LETTERS = string.ascii_letters + "éèßøÆÖüñçłžΩжा"
PUNCTUATION = " ,.;:'’‘“”\"?!()%/@+=–—-"
ALPHABET = LETTERS + string.digits + PUNCTUATION


def _inline_of(block: str) -> str:
    match = safe_markdown._P.match(block)
    inner = match.group(1) if match and "<p>" not in match.group(1) else block
    return inner.replace("\n", " ")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=80))
@example("Your manager sees pass or fail, never your answers.")
@example("Hafenstraße 12, 20457 Hamburg, Germany")
@example("Within one month; we tell you if we need longer.  ")
@example("A  B")
@example("2026 was a good year")
@example("x -- y --- z")
@example("E = mc2 (roughly) / 100% @ 3 + 4")
@example("“Quoted” and ‘single’ — dashes – too")
def test_shortcut_matches_full_conversion(text: str) -> None:
    if not safe_markdown.is_plain_text(text):
        return
    full = safe_markdown._convert_block(text)
    assert safe_markdown.markdown_block(text) == full
    assert safe_markdown.markdown_inline(text) == _inline_of(full)
    assert safe_markdown.plain(text) == safe_markdown._convert_plain(text)


@pytest.mark.parametrize("text", [
    "1. first", "2) second", "- item", "+ item", "# heading", "> quote", "    code",
    "a_b_c", "*x*", "`x`", "[x](y)", "<b>x</b>", "&amp;", "a\nb", "a\tb", "x {: .y}",
    "[[org:name]]", "a\\b", "#tag", "~~x~~", "a\u00a0b", " leading space", "trailing  ",
])
def test_markup_takes_the_full_path(text: str) -> None:
    assert not safe_markdown.is_plain_text(text)
    assert safe_markdown.markdown_block(text) == safe_markdown._convert_block(text)
    assert safe_markdown.plain(text) == safe_markdown._convert_plain(text)
