"""Plain-language figures for notices: Flesch reading ease, sentence and word lengths.

Flesch reading ease = 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words).
Higher is easier: 60–70 is plain English, below 50 reads like a contract. Syllables are
counted with a vowel-group heuristic, which is what most readability tools do for English.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n\s*\n|\n\s*[-*]\s")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@functools.lru_cache(maxsize=65536)  # words repeat: count each one once
def syllables(word: str) -> int:
    """Approximate syllables of an English word (at least one)."""
    w = word.lower().strip("'’")
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(_VOWEL_GROUPS.findall(w)))


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def flesch(self) -> float:
        if not self.words:
            return 100.0
        return round(206.835 - 1.015 * (self.words / max(1, self.sentences))
                     - 84.6 * (self.syllables / self.words), 1)

    @property
    def words_per_sentence(self) -> float:
        return round(self.words / max(1, self.sentences), 1)


def measure(text: str) -> Readability:
    """Readability of plain text (lists and paragraphs count as sentence breaks)."""
    words = _WORD.findall(text)
    pieces = [p for p in _SENTENCE_END.split(text) if _WORD.search(p)]
    return Readability(len(words), max(1, len(pieces)), sum(syllables(w) for w in words))
