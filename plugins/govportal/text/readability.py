"""Plain-language figures for notices: reading ease, sentence and word lengths, with a
formula made for each language.

English: Flesch reading ease = 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables /
words) (R. Flesch, "A new readability yardstick", Journal of Applied Psychology 32(3), 1948).
Higher is easier: 60–70 is plain English, below 50 reads like a contract.

German: Amstad's adaptation of Flesch, reading ease = 180 − (words / sentences) − 58.5 ×
(syllables / words) (T. Amstad, "Wie verständlich sind unsere Zeitungen?", dissertation,
University of Zurich, 1978). German words are longer, so the constants differ; the scale
reads the same way (60–70 plain, below 50 hard).

Syllables are counted with a vowel-group heuristic, which is what most readability tools do
(for German, umlauts are vowels and a diphthong such as "ei", "au" or "eu" is one group).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_WORD_DE = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_VOWEL_GROUPS_DE = re.compile(r"[aeiouyäöü]+")
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


@functools.lru_cache(maxsize=65536)
def syllables_de(word: str) -> int:
    """Approximate syllables of a German word (at least one)."""
    return max(1, len(_VOWEL_GROUPS_DE.findall(word.lower())))


# language -> (constant, weight of words per sentence, weight of syllables per word)
FORMULAS = {"en": (206.835, 1.015, 84.6), "de": (180.0, 1.0, 58.5)}


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    language: str = "en"

    @property
    def flesch(self) -> float:
        """Reading ease by the formula of the text's language (Flesch; Amstad for German)."""
        if not self.words:
            return 100.0
        base, per_sentence, per_syllable = FORMULAS.get(self.language, FORMULAS["en"])
        return round(base - per_sentence * (self.words / max(1, self.sentences))
                     - per_syllable * (self.syllables / self.words), 1)

    @property
    def words_per_sentence(self) -> float:
        return round(self.words / max(1, self.sentences), 1)


@functools.lru_cache(maxsize=4096)  # a notice's prose, unchanged since the last check
def measure(text: str, language: str = "en") -> Readability:
    """Readability of plain text (lists and paragraphs count as sentence breaks), in
    ``language`` (German by Amstad's formula; any other language by Flesch's English one)."""
    german = language == "de"
    word, count = (_WORD_DE, syllables_de) if german else (_WORD, syllables)
    words = word.findall(text)
    pieces = [p for p in _SENTENCE_END.split(text) if word.search(p)]
    return Readability(len(words), max(1, len(pieces)), sum(count(w) for w in words),
                       "de" if german else "en")
