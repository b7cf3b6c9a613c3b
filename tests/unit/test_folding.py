"""Text folding: the same words however they are dressed (`govportal.text.folding`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from govportal.text import folding
from govportal.text.folding import collapse, fold, inner_words

# Every character fold removes, written out once more as ranges, the astral ones included.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")


def reference_fold(text: str) -> str:
    """What fold promises, with none of its shortcuts: NFKC, every invisible character
    removed, case folded, NFKC again."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return unicodedata.normalize("NFKC", text.casefold())


@pytest.mark.parametrize(("text", "folded"), [
    ("RESIDUAL", "residual"),
    ("Ｒｅｓｉｄｕａｌ", "residual"),
    ("Resi\u200bdual", "residual"),
    ("Resi\u00addual", "residual"),
    # tag characters and musical formatting marks lie outside the Basic Multilingual Plane
    ("Resi\U000e0041dual", "residual"),
    ("Resi\U0001d173dual", "residual"),
    ("Resi\U0001bca0dual", "residual"),
    # an astral character that shows is kept, and so is the rest of the text
    ("Resi\U0001f600dual", "resi\U0001f600dual"),
    ("Stra\u00dfe \U000e0001", "strasse "),
    ("line\nbreak", "line\nbreak"),
])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_a_lone_surrogate_is_no_astral_character() -> None:
    # it takes one UTF-16 code unit, as any other character of the first plane
    assert fold("Resi\ud800dual") == "resi\ud800dual"
    assert fold("\ud800\U000e0041") == "\ud800"


_ALPHABET = st.one_of(
    st.characters(),
    st.sampled_from("\u00ad\u200b\u2060\ufeff\ufe0f\U000e0041\U000e0fff\U0001d173\U0001bca3"
                    "\U0001f600\ufb01Ａ\u00df\u0130\u2126\u00e9e\u0301 \n"),
)


@given(st.text(_ALPHABET, max_size=40))
@example("\U0001d15e\U000e0041")  # NFKC decomposes a musical note next to a tag character
@example("e\u0301\U000e0020")
def test_fold_is_its_definition(text: str) -> None:
    assert fold(text) == reference_fold(text)


@given(st.text(_ALPHABET, max_size=40))
def test_folding_twice_changes_nothing(text: str) -> None:
    assert fold(fold(text)) == fold(text)


# Text whose folding reads across any cut but a line break: marks that compose with the
# letter before them, characters NFKC expands, invisible characters between a letter and
# its mark, and ASCII runs long enough to make a piece of their own.
_LINES = st.lists(st.text(st.sampled_from("ae\u0301\u0308\u0344\u2026\u200b\ufb01\u00df\u1100"
                                          "\u1161\n"), max_size=12)
                  | st.sampled_from(["plain ascii\n", "x" * 9]), max_size=30).map("".join)


@contextmanager
def _pieces_of(size: int) -> Iterator[None]:
    """Fold in pieces of ``size`` characters, so that short generated texts are long ones
    (set and restored around each example: the other tests fold with the real size)."""
    before = folding.PIECE
    folding.PIECE = size
    try:
        yield
    finally:
        folding.PIECE = before


@given(_LINES)
@example("ab\ne\u0301\u2026")
@example("aaaaaaaaa\n\u0301")  # a mark at the start of a piece stays alone, as in the whole
def test_a_long_text_folds_in_pieces_as_it_folds_whole(text: str) -> None:
    with _pieces_of(4):
        assert fold(text) == reference_fold(text)


def test_a_long_page_is_cut_only_at_line_breaks() -> None:
    line = "x" * 100 + "e"
    text = (line + "\n") * 200 + "\u0301\u2026" + line + "\u0301"
    assert folding.PIECE == 1 << 12 and len(text) > 2 * folding.PIECE
    assert fold(text) == reference_fold(text)
    assert fold(text).endswith("x\u00e9")


def test_collapse_and_inner_words() -> None:
    assert collapse("  a \n\t b  ") == "a b"
    assert inner_words("checked in review SEC-0041") == frozenset({"in", "review", "SEC"})
