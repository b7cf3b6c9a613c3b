"""The fingerprints of a notice's published text, and how versions compare.

"Published text" is the notice Markdown the portal generates with line endings normalised:
it depends on the data and the templates, not on the theme, the date or the version list
shown around it. Two fingerprints are kept of it: :func:`fingerprint` covers every
character that is published (a tag, an attribute or a blank line that changes the layout
changes it), :func:`wording_fingerprint` only the words a reader reads, so a correction can
show that it changed the layout and not the wording.
"""

from __future__ import annotations

import hashlib
import re


def normalise(text: str) -> str:
    """The published text with line endings made ``\\n`` (so checkouts on any OS agree)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def reading_text(text: str) -> str:
    """What a reader reads: the text without HTML tags and with whitespace collapsed (a
    change of markup alone, a class or a blank line, leaves it as it is)."""
    return _SPACE.sub(" ", _TAG.sub(" ", normalise(text))).strip()


def fingerprint(text: str) -> str:
    """The fingerprint of a notice's published text: all of it, markup included."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def wording_fingerprint(text: str) -> str:
    """The fingerprint of a notice's wording alone (see :func:`reading_text`)."""
    return hashlib.sha256(reading_text(text).encode("utf-8")).hexdigest()


def version_key(version: str) -> tuple[int, ...]:
    """``"1.10"`` sorts after ``"1.9"``; ``"2"`` equals ``"2.0"``. Only ASCII digits count,
    at most 18 of them a part (so no text, however long or exotic, makes a number that
    cannot be compared or built)."""
    parts = [int(p) for p in version.split(".")
             if p.isascii() and p.isdigit() and len(p) <= 18]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)
