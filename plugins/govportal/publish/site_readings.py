"""How the public edition's scan reads the text of a site file: every view a value may show
up in (:class:`~.leak_scanner.Reading`).

An HTML page is read with its entities decoded and its markup kept, and as its text alone
(a tag read as nothing, and as a space). A JSON file's strings are read a few at a time,
joined by a separator that no value holds and no tag spans, so that a value is found inside
one string or not at all: what a chunk holds is what its strings hold, each read alone.
Any other text is read raw and with its entities decoded.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..text.folding import fold
from .leak_scanner import Reading, normalise
from .site_texts import texts_of

__all__ = ["CHUNK", "SEPARATOR", "batches", "chunk_reading", "chunks", "html_text",
           "json_readings", "json_strings", "read_site_file", "readable_text", "readings_of",
           "where_within"]


# A tag, a comment, a doctype or a processing instruction, with quoted attribute values read
# whole (a ">" inside quotes does not end the tag). Page text never holds a bare "<": MkDocs
# writes it as "&lt;", so what starts like a tag is one. Neither runs past a SEPARATOR. The
# tag's inside is written as runs of plain characters between quoted values, which is what
# ``(?:[^>"'\x00]|"[^"\x00]*"|'[^'\x00]*')*`` says one character at a time: the same
# matches (each character can begin only one of the three), read in runs at C speed.
_MARKUP = re.compile(r"<!--[^\x00]*?-->|<[A-Za-z/!?][^>\"'\x00]*"
                     r"(?:(?:\"[^\"\x00]*\"|'[^'\x00]*')[^>\"'\x00]*)*>")


def html_text(text: str, gap: str) -> str:
    """The text of HTML with each tag read as ``gap``, entities decoded."""
    return html.unescape(_MARKUP.sub(gap, text))


def json_strings(value: Any) -> Iterator[str]:
    """Every string of parsed JSON, keys included, in document order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield str(key)
            yield from json_strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from json_strings(child)


def read_site_file(path: Path) -> list[Reading]:
    """The texts of a site file (:func:`readings_of` its bytes)."""
    return readings_of(path.name, path.read_bytes())


def readings_of(name: str, raw: bytes) -> list[Reading]:
    """The texts of a site file called ``name`` holding ``raw``, each whole (a value is
    found inside one of them), folded (:func:`~govportal.text.folding.fold`: case, Unicode
    forms, invisible characters).

    Every kind of file is read (:mod:`.site_texts`: compressed files and archives expanded,
    PDFs' text extracted). HTML: the page with entities decoded, and its text. JSON: its
    strings (keys and values), decoded, and their text when they hold markup, a few at a
    time with a separator no value can straddle (see :func:`chunks`). Any other text, or
    JSON that does not parse: the raw text and its decoded entities.
    Whitespace is collapsed later, and only where a value may be held. Raises
    :class:`~.site_texts.Unreadable` for a file that cannot be expanded or parsed."""
    readings: list[Reading] = []
    for style, text in texts_of(name, raw):
        if style == "html":
            readings.append(_html_reading(text))
            continue
        if style == "json":
            try:
                data = json.loads(text)
            except ValueError:
                pass
            else:
                readings += json_readings(json_strings(data))
                continue
        readings.append(_text_reading(text, html.unescape(text)))
    return readings


def json_readings(strings: Iterator[str]) -> list[Reading]:
    """JSON strings read a few at a time (:func:`chunks`)."""
    return [chunk_reading(chunk) for chunk in chunks(strings)]


def chunk_reading(chunk: str) -> Reading:
    return _html_reading(chunk) if "<" in chunk else _text_reading(html.unescape(chunk))


SEPARATOR = "\x00\n"  # between strings read together: no value holds it, no tag spans it
CHUNK = 1 << 16


def chunks(strings: Iterator[str]) -> Iterator[str]:
    """Strings joined into texts of about :data:`CHUNK` characters, each string whole.
    Reading strings together is quicker than one by one; reading a whole search index as
    one text would make every value a candidate in it."""
    for batch in batches(strings):
        yield SEPARATOR.join(batch)


def batches(strings: Iterator[str]) -> Iterator[list[str]]:
    """The strings of each chunk (:func:`chunks`)."""
    batch: list[str] = []
    size = 0
    for string in strings:
        batch.append(string)
        size += len(string)
        if size >= CHUNK:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _html_reading(text: str) -> Reading:
    """HTML as a reader finds it: entities decoded with the markup kept (attribute values,
    comments), and the text alone read two ways, a tag as nothing and as a space, so that a
    value split by markup is found either way. The words of the second reading are all in
    the first (a tag only ever separates text), so it is made only when needed."""
    return Reading([fold(html.unescape(text)), fold(html_text(text, ""))],
                   lambda: [fold(html_text(text, " "))], kind="html")


def _text_reading(*views: str) -> Reading:
    return Reading([fold(v) for v in views])


def readable_text(path: Path) -> str:
    """Every view of a site file, whitespace collapsed as in values."""
    return "\n".join(normalise(v) for r in read_site_file(path) for v in r.views)


_memo = functools.lru_cache(maxsize=1 << 16)
_BARE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*\s*/?>")


def where_within(string: str, page: str, start: int = 0) -> int:
    """Where in ``page`` (a page's text with tags read as nothing, folded and collapsed)
    the text ``string`` shows begins, or -1 when it may show a value the page does not
    (:func:`_shown`: markup other than bare tags, or a text that reads differently with its
    tags read as a space).

    The text is looked for from ``start`` on, then before it. A search index lists a
    page's sections in the page's order, so looking for each entry from where the last was
    found finds it at once; looking from the top every time read the whole of a large page
    once per entry (at 1,000 programs, the coverage page's 2,156 entries in its 33 MB took
    3.5 s)."""
    text = _shown(string)
    if text is None:
        return -1
    at = page.find(text, start)
    if at == -1 and start:
        at = page.find(text, 0, start + len(text) - 1)
    return at


@_memo  # a live preview's rebuilds read the same index entries again
def _shown(string: str) -> str | None:
    """The text ``string`` shows, folded and collapsed, entities decoded and tags read as
    nothing; None when its markup is not only bare tags (an attribute or a comment could
    hold text), or when its text reads differently with its tags read as a space (a value
    could then show in one reading and not the other, while the page's text is kept in
    one: such an entry is read rather than passed over)."""
    if "<" not in string:
        return normalise(fold(html.unescape(string)))
    if any(not _BARE_TAG.fullmatch(tag) for tag in _MARKUP.findall(string)):
        return None
    text = normalise(fold(html_text(string, "")))
    return text if normalise(fold(html_text(string, " "))) == text else None
