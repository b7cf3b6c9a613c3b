"""Text folded for comparison: the same words however they are dressed.

The public edition's scan and the rule that keeps internal-only text out of public fields
compare texts after :func:`fold`: Unicode compatibility forms made plain (NFKC: full-width
letters, ligatures, superscripts), invisible characters removed (zero-width spaces and
joiners, the byte-order mark, soft hyphens, bidirectional controls, variation selectors),
and case folded. ``Ｒｅｓｉｄｕａｌ`` and ``Resi\\u200bdual`` and ``RESIDUAL`` all fold to
``residual``. Line breaks are kept (:func:`collapse` makes all whitespace one space).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Characters that render as nothing (Unicode "format" characters and friends); the few
# outside the Basic Multilingual Plane are looked for only in a text that has such
# characters at all (the common case is several times faster). Whether it has is told by
# its length in UTF-16, where only such a character takes two code units: encoding is one
# pass in C, about fifteen times quicker than a pattern looking for them.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]")
_INVISIBLE_ASTRAL = re.compile("[\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                               "\U000e0000-\U000e0fff]")
_WORD = re.compile(r"\w+")


def _nfkc(text: str) -> str:
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize(
        "NFKC", text)


# A long text is folded a piece at a time, each piece about this long and ended by a line
# break (see fold).
PIECE = 1 << 12


def fold(text: str) -> str:
    """``text`` for comparison: NFKC, invisible characters removed, case folded.

    A long text is folded in pieces that end at a line break, and a piece of plain ASCII
    is only lowered. The result is the same as folding the whole text at once, because no
    step reads across a line break: NFKC leaves it as it is, composes nothing with it and
    reorders no mark across it (it is a starter); no step removes it; case folding maps
    each character alone. It pays: a page of the site is mostly ASCII, yet one "…" in it
    used to send the whole page through Unicode normalisation, at about ten times the cost
    of lowering it (the coverage page at 1,000 programs is 33 MB)."""
    if text.isascii():
        return text.lower()
    size = len(text)
    if size <= 2 * PIECE:
        return _fold(text)
    pieces = []
    start = 0
    while start < size:
        cut = text.find("\n", start + PIECE)
        end = size if cut == -1 else cut + 1
        piece = text[start:end]
        pieces.append(piece.lower() if piece.isascii() else _fold(piece))
        start = end
    return "".join(pieces)


def _fold(text: str) -> str:
    text = _INVISIBLE.sub("", _nfkc(text))
    if len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text):
        text = _INVISIBLE_ASTRAL.sub("", text)
    return _nfkc(text.casefold())


def collapse(text: str) -> str:
    """All whitespace runs made one space, none at the ends."""
    return " ".join(text.split())


@functools.cache
def inner_words(text: str) -> frozenset[str]:
    """The words of ``text`` that neither start nor end it. Wherever ``text`` appears, these
    are whole words (its first and last may be glued to neighbouring letters)."""
    return frozenset(m.group() for m in _WORD.finditer(text)
                     if m.start() > 0 and m.end() < len(text))
