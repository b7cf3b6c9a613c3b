"""Did you mean …? The one way the portal guesses what a mistyped name meant.

Unknown keys, enum values, ids and references, placeholders, file names, waiver items and
rule ids all ask :func:`closest` (or :func:`did_you_mean` for the hint's wording), so a
policy owner gets the same kind of help wherever a name is wrong.

Names are compared folded: case, and the separators ``-``, ``_`` and spaces, do not count
(``Legitimate interests`` finds ``legitimate_interests``); then the closest spelling wins
(difflib's ratio, at least 0.6, so ``legitimat_interests`` finds it too but ``xyz`` finds
nothing).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

CUTOFF = 0.6
_SEPARATORS = re.compile(r"[\s_-]+")
_NOT_ID = re.compile(r"[^a-z0-9]+")


def _fold(name: str) -> str:
    return _SEPARATORS.sub("-", name.strip().casefold())


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice ``value`` most likely meant, or None when none is close enough."""
    by_fold: dict[str, str] = {}
    for choice in choices:
        by_fold.setdefault(_fold(choice), choice)
    folded = _fold(str(value))
    if folded in by_fold:
        return by_fold[folded]
    guess = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=CUTOFF)
    return by_fold[guess[0]] if guess else None


def did_you_mean(value: str, choices: Iterable[str], shown: str = "'{}'") -> str:
    """``did you mean 'x'?`` for the closest choice, or an empty text when none is close.
    ``shown`` says how the choice is written (``[[period:{}]]`` for a placeholder)."""
    guess = closest(value, choices)
    return f"did you mean {shown.format(guess)}?" if guess is not None else ""


def as_id(text: str) -> str | None:
    """The id a name that is not a valid id was most likely meant to be: lower case, with
    hyphens for spaces, underscores and other separators (``Quiz Score`` → ``quiz-score``).
    None when nothing id-like is left, or when the text holds a letter outside ASCII (a
    look-alike such as Cyrillic 'е' has no safe replacement)."""
    if not text.isascii():
        return None
    candidate = _NOT_ID.sub("-", text.strip().casefold()).strip("-")[:64].strip("-")
    return candidate or None
