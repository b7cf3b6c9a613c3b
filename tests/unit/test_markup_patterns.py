"""The patterns that find markup in a page read a tag's inside in runs of plain characters
between quoted values; they must find exactly what the patterns written one character at a
time find (the definitions below), on any text."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from govportal.publish import rendered_html, site_readings

# the definitions: each character of a tag's inside is plain, or begins a quoted value
SCAN_DEFINITION = re.compile(
    r"<!--[^\x00]*?-->|<[A-Za-z/!?](?:[^>\"'\x00]|\"[^\"\x00]*\"|'[^'\x00]*')*>")
READ_DEFINITION = re.compile(
    r"<!--.*?(?:-->|\Z)|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([A-Za-z][^\s/>\x00]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)

# what markup is made of, and what breaks it (a quote left open, a NUL, a stray "<")
_SIGNS = st.sampled_from(["<", ">", '"', "'", "/", "!", "?", "-", "=", " ", "\n", "\x00",
                          "a", "B", "<!--", "-->", "<a ", "</p>", 'x="', "'>'", "&amp;"])
_TEXT = st.lists(st.one_of(_SIGNS, st.text(max_size=3)), max_size=30).map("".join)

PAGES = [
    '<p class="a>b" id=\'c"d\'>text</p><!-- <b> --><br/>',
    '<a href="x">open quote <b title="never closed>still text</b>',
    "<div\x00>nul inside</div><!doctype html><?pi?>",
    "<a title='>' data-x=\"'\">q</a> < not a tag <1> <", ]


@given(_TEXT)
@example('<a x=">" y=\'<\'>z</a>')
@example('<a "b>')
@example("<a 'b' c")
def test_the_scan_finds_the_markup_its_definition_finds(text: str) -> None:
    assert site_readings._MARKUP.findall(text) == SCAN_DEFINITION.findall(text)
    assert site_readings._MARKUP.sub("", text) == SCAN_DEFINITION.sub("", text)


@given(_TEXT)
@example('<a x=">" y=\'<\'>z</a>')
@example('<ab"c">d')
@example("<!-- open comment <b>")
def test_the_reader_splits_as_its_definition_splits(text: str) -> None:
    assert rendered_html._SPLIT.split(text) == READ_DEFINITION.split(text)
    assert [m.span() for m in rendered_html._MARKUP.finditer(text)] == [
        m.span() for m in READ_DEFINITION.finditer(text)]


def test_the_pages_are_read_as_their_definitions_read_them() -> None:
    for page in PAGES:
        assert site_readings._MARKUP.findall(page) == SCAN_DEFINITION.findall(page)
        assert rendered_html._SPLIT.split(page) == READ_DEFINITION.split(page)
    # and the patterns find the markup they are for: a quoted ">" does not end a tag
    assert site_readings.html_text(PAGES[0], "") == "text"
    assert rendered_html._SPLIT.split(PAGES[3])[3] == " title='>' data-x=\"'\""
