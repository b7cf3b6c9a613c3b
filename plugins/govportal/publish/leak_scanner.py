"""Finding internal-only values in the texts of a site without comparing every value with
every text (the public edition's scan, :mod:`.edition_scan`, reads the texts)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..text.folding import collapse, inner_words

_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    return collapse(text)


@dataclass(frozen=True)
class Internal:
    """One internal-only value: its text (folded, as the scan reads every text), where it
    comes from, and the value as the data writes it (for messages)."""

    text: str
    file: str
    path: tuple[str | int, ...]
    shown: str = field(default="", compare=False)

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Its words: a text that holds the value holds each of them (perhaps inside a
        longer word)."""
        return tuple(_WORD.findall(self.text))

    @property
    def field(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out


@dataclass
class Reading:
    """One text of a site file as a reader (or a program) finds it: ``views`` are the forms
    a value may show up in; ``worded`` the ones whose words (and substrings of words) hold
    those of every view. The other views are made only when a value may be in the text."""

    worded: list[str]
    others: Callable[[], list[str]] | None = None
    kind: str = "text"  # html, or text (JSON strings without markup, any other text)

    @cached_property
    def views(self) -> list[str]:
        return [*self.worded, *(self.others() if self.others else [])]


class LeakScanner:
    """Finds internal-only values in texts without comparing every value with every text.

    A value's inner words (:func:`inner_words`) are whole words of any text that holds it,
    so a text is compared with a value only when it holds all of them; values are filed
    under their rarest inner word (:func:`group_by_key_word`) to find those few quickly. A
    site repeats most of its lines on every page (header, navigation, footer), so the words
    of each distinct line are looked up once and remembered; a line break never ends inside
    a word, so a text's words are the union of its lines' words."""

    def __init__(self, values: list[Internal]) -> None:
        self.order = {value: i for i, value in enumerate(values)}
        self.groups = group_by_key_word(values)
        self.always = self.groups.get("", [])
        self.vocabulary = frozenset(w for v in values for w in inner_words(v.text))
        self._line_words: dict[str, tuple[str, ...]] = {}

    def _words_in(self, texts: list[str]) -> set[str]:
        """The words of ``texts`` that some value has among its inner words."""
        found: set[str] = set()
        cache, vocabulary = self._line_words, self.vocabulary
        for text in texts:
            for line in text.split("\n"):
                hit = cache.get(line)
                if hit is None:
                    hit = cache[line] = tuple(vocabulary.intersection(_WORD.findall(line)))
                if hit:
                    found.update(hit)
        return found

    def find(self, reading: Reading) -> list[Internal]:
        """The values a site file holds, in the order they were given."""
        if not self.order:
            return []
        words = self._words_in(reading.worded)
        candidates = [v for key in words.intersection(self.groups) for v in self.groups[key]
                      if words.issuperset(inner_words(v.text))]
        if self.always:
            joined = "\n".join(reading.worded)
            candidates += [v for v in self.always if all(w in joined for w in v.words)]
        if not candidates:
            return []
        text = "\n".join(normalise(v) for v in reading.views)
        held = {t for t in {v.text for v in candidates} if t in text}  # each text once
        return sorted((v for v in candidates if v.text in held), key=self.order.__getitem__)


def group_by_key_word(values: list[Internal]) -> dict[str, list[Internal]]:
    """Values grouped by a word a file must hold to hold them, so that a file is compared
    only with the few values whose word it holds.

    The word is one inside the value (not its first or last characters, which the page may
    glue to a neighbouring word), the rarest among all values (values often share words:
    "Checked in review SEC-0041.", "… SEC-0042."), then the longest. A value with no such
    word is filed under "" and compared with every file."""
    inner: dict[Internal, frozenset[str]] = {}
    counts: dict[str, int] = {}
    for value in values:
        words = inner[value] = inner_words(value.text)
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    out: dict[str, list[Internal]] = {}
    for value, words in inner.items():
        key = min(words, key=lambda w: (counts[w], -len(w), w)) if words else ""
        out.setdefault(key, []).append(value)
    return out
