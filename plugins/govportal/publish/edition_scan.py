"""Editions: what only the internal edition of the portal may show, and the scan that keeps
it out of the public one.

The plugin option ``edition`` is ``public`` (the default) or ``internal``. Templates receive
``edition`` and show internal-only fields only in the internal edition; the internal edition
also has pages of its own (:data:`INTERNAL_PAGES`). Because a template override, a theme
change or a future page could still print an internal field, every public build ends with a
scan of every file written: if the text of any internal-only field, or an internal-only page,
is found, the build fails and names the file and the field.
"""

from __future__ import annotations

import filecmp
import html
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..data.internal_fields import internal_fields
from ..data.policy import Policy
from ..pages.page import INTERNAL_PAGES
from ..text.folding import collapse, fold, inner_words
from ..text.safe_markdown import plain
from .site_texts import Unreadable, texts_of

EDITIONS = ("public", "internal")
MIN_LENGTH = 12  # shorter values (a first name, "yes") would match by chance
_WORD = re.compile(r"\w+")

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


def normalise(text: str) -> str:
    return collapse(text)


def internal_values(policy: Policy) -> list[Internal]:
    """The internal-only texts worth scanning for (long enough to be telling), folded as
    every text the scan reads is (:func:`~govportal.text.folding.fold`). A public field that
    repeats one is refused by the rule ``edition.internal-text-in-public-field``: no value
    is left out of the scan because public data happens to hold it too."""
    found = [(label, path, value) for label, path, value in internal_fields(policy)
             if isinstance(value, str) and value]
    values = [Internal(collapse(fold(plain(v))), label, path, collapse(plain(v)))
              for label, path, v in found]
    return [item for item in values if len(item.text) >= MIN_LENGTH]


# A tag, a comment, a doctype or a processing instruction, with quoted attribute values read
# whole (a ">" inside quotes does not end the tag). Page text never holds a bare "<": MkDocs
# writes it as "&lt;", so what starts like a tag is one. Neither runs past a SEPARATOR.
_MARKUP = re.compile(r"<!--[^\x00]*?-->|<[A-Za-z/!?](?:[^>\"'\x00]|\"[^\"\x00]*\"|'[^'\x00]*')*>")


def _html_text(text: str, gap: str) -> str:
    """The text of HTML with each tag read as ``gap``, entities decoded."""
    return html.unescape(_MARKUP.sub(gap, text))


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield str(key)
            yield from _json_strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _json_strings(child)


@dataclass
class Reading:
    """One text of a site file as a reader (or a program) finds it: ``views`` are the forms
    a value may show up in; ``worded`` the ones whose words (and substrings of words) hold
    those of every view. The other views are made only when a value may be in the text."""

    worded: list[str]
    others: Callable[[], list[str]] | None = None

    @cached_property
    def views(self) -> list[str]:
        return [*self.worded, *(self.others() if self.others else [])]


def read_site_file(path: Path) -> list[Reading]:
    """The texts of a site file, each whole (a value is found inside one of them), folded
    (:func:`~govportal.text.folding.fold`: case, Unicode forms, invisible characters).

    Every kind of file is read (:mod:`.site_texts`: compressed files and archives expanded,
    PDFs' text extracted). HTML: the page with entities decoded, and its text. JSON: its
    strings (keys and values), decoded, and their text when they hold markup, a few at a
    time with a separator no value can straddle (see :func:`_chunks`). Any other text, or
    JSON that does not parse: the raw text and its decoded entities.
    Whitespace is collapsed later, and only where a value may be held. Raises
    :class:`~.site_texts.Unreadable` for a file that cannot be expanded or parsed."""
    readings: list[Reading] = []
    for style, text in texts_of(path.name, path.read_bytes()):
        if style == "html":
            readings.append(_html_reading(text))
            continue
        if style == "json":
            try:
                data = json.loads(text)
            except ValueError:
                pass
            else:
                readings += [_html_reading(chunk) if "<" in chunk else
                             _text_reading(html.unescape(chunk))
                             for chunk in _chunks(_json_strings(data))]
                continue
        readings.append(_text_reading(text, html.unescape(text)))
    return readings


SEPARATOR = "\x00\n"  # between strings read together: no value holds it, no tag spans it
CHUNK = 1 << 16


def _chunks(strings: Iterator[str]) -> Iterator[str]:
    """Strings joined into texts of about :data:`CHUNK` characters, each string whole.
    Reading strings together is quicker than one by one; reading a whole search index as
    one text would make every value a candidate in it."""
    batch: list[str] = []
    size = 0
    for string in strings:
        batch.append(string)
        size += len(string)
        if size >= CHUNK:
            yield SEPARATOR.join(batch)
            batch, size = [], 0
    if batch:
        yield SEPARATOR.join(batch)


def _html_reading(text: str) -> Reading:
    """HTML as a reader finds it: entities decoded with the markup kept (attribute values,
    comments), and the text alone read two ways, a tag as nothing and as a space, so that a
    value split by markup is found either way. The words of the second reading are all in
    the first (a tag only ever separates text), so it is made only when needed."""
    return Reading([fold(html.unescape(text)), fold(_html_text(text, ""))],
                   lambda: [fold(_html_text(text, " "))])


def _text_reading(*views: str) -> Reading:
    return Reading([fold(v) for v in views])


def readable_text(path: Path) -> str:
    """Every view of a site file, whitespace collapsed as in values."""
    return "\n".join(normalise(v) for r in read_site_file(path) for v in r.views)


def internal_page_files(use_directory_urls: bool) -> set[str]:
    """Where the internal-only pages would be written."""
    out = set()
    for uri in INTERNAL_PAGES:
        stem = uri.removesuffix(".md")
        out |= {f"{stem}/index.html", f"{stem}.html"} if use_directory_urls else {
            f"{stem}.html"}
    return out


def find_leaks(site: Path, policy: Policy, use_directory_urls: bool = True,
               theme_copies: Mapping[str, str] | None = None) -> list[str]:
    """Messages for every internal-only file or text found in a public site.

    ``theme_copies`` maps site paths to the installed theme's own files: a site file that is
    still byte for byte that file is not read (it cannot hold the organisation's data)."""
    leaks: list[str] = []
    pages = internal_page_files(use_directory_urls)
    scanner = LeakScanner(internal_values(policy))
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel in pages:
            leaks.append(f"{rel} is an internal-only page")
            continue
        source = (theme_copies or {}).get(rel)
        if source is not None and filecmp.cmp(path, source, shallow=False):
            continue
        try:
            readings = read_site_file(path)
        except Unreadable as exc:
            leaks.append(f"{rel} cannot be read by the edition scan ({exc}): a public site "
                         "holds only files the scan can read")
            continue
        found = {v for reading in readings for v in scanner.find(reading)}
        for value in sorted(found, key=scanner.order.__getitem__):
            leaks.append(f"{rel} contains the internal-only field {value.field} of "
                         f"{value.file} ({_quote(value.shown or value.text)})")
    return leaks


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


_SPACE = re.compile(r"\s+")


def _quote(text: str, limit: int = 40) -> str:
    text = _SPACE.sub(" ", text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
