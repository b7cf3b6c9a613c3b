"""The texts a site file holds, whatever kind of file it is, for the public edition's scan.

Every file of the site is read, not only those with a known suffix:

- a file compressed with gzip, bzip2 or xz, or a zip archive, is expanded (at most
  :data:`MAX_EXPANDED` bytes in all and :data:`MAX_MEMBERS` members, nested at most
  :data:`MAX_DEPTH` deep) and what it holds is read in turn;
- a PDF is read with pypdf: the text of every page, the document's metadata, link
  addresses, outline titles and attached files; its raw bytes too;
- anything else is text: UTF-16 when it starts with a byte-order mark, else UTF-8 (broken
  sequences replaced), and a file that is not valid UTF-8 is also read as Latin-1, so text
  inside a binary file (an image's metadata) is seen.

Each text comes with how to read it: ``html`` (tags and entities), ``json`` (strings), or
``text``. A file that cannot be expanded or parsed raises :class:`Unreadable`: the scan
cannot vouch for it, so the public build refuses it.
"""

from __future__ import annotations

import bz2
import io
import lzma
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import PurePosixPath

MAX_EXPANDED = 64 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_DEPTH = 3
MAX_PAGES = 2_000
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".svg", ".xml", ".atom", ".rss"}
JSON_SUFFIXES = {".json", ".map", ".webmanifest"}
COMPRESSED_SUFFIXES = {".gz": 3, ".tgz": 4, ".bz2": 4, ".xz": 3}


class Unreadable(Exception):
    """A file the scan cannot read (the message says why)."""


class _Budget:
    def __init__(self) -> None:
        self.left = MAX_EXPANDED

    def take(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise Unreadable(f"it expands to more than {MAX_EXPANDED:,} bytes")


def texts_of(name: str, raw: bytes) -> Iterator[tuple[str, str]]:
    """(how to read it, text) for every text ``raw`` holds; ``name`` is the file's name."""
    yield from _texts(name, raw, 0, _Budget())


def _inner_name(name: str) -> str:
    path = PurePosixPath(name)
    return str(path.with_suffix("")) if path.suffix in COMPRESSED_SUFFIXES else name + ".out"


def _texts(name: str, raw: bytes, depth: int, budget: _Budget) -> Iterator[tuple[str, str]]:
    if depth > MAX_DEPTH:
        raise Unreadable(f"it nests compressed files more than {MAX_DEPTH} deep")
    if raw[:2] == b"\x1f\x8b":
        yield from _texts(_inner_name(name), _expand(
            zlib.decompressobj(16 + zlib.MAX_WBITS), raw, budget), depth + 1, budget)
    elif raw[:3] == b"BZh":
        yield from _texts(_inner_name(name), _expand(bz2.BZ2Decompressor(), raw, budget),
                          depth + 1, budget)
    elif raw[:6] == b"\xfd7zXZ\x00":
        yield from _texts(_inner_name(name), _expand(lzma.LZMADecompressor(), raw, budget),
                          depth + 1, budget)
    elif raw[:4] == b"PK\x03\x04":
        yield from _zip(raw, depth, budget)
    elif raw[:5] == b"%PDF-":
        yield ("text", raw.decode("latin-1"))
        yield from _pdf(name, raw, depth, budget)
    else:
        yield from _plain(name, raw)


def _expand(decompressor, raw: bytes, budget: _Budget) -> bytes:
    try:
        out = decompressor.decompress(raw, budget.left + 1)
    except (OSError, EOFError, ValueError, zlib.error, lzma.LZMAError) as exc:
        raise Unreadable(f"it cannot be expanded ({exc})") from exc
    budget.take(len(out))
    return out


def _zip(raw: bytes, depth: int, budget: _Budget) -> Iterator[tuple[str, str]]:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if len(members) > MAX_MEMBERS:
                raise Unreadable(f"it holds more than {MAX_MEMBERS:,} files")
            for member in members:
                with archive.open(member) as handle:
                    data = handle.read(budget.left + 1)
                budget.take(len(data))
                yield from _texts(member.filename, data, depth + 1, budget)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        raise Unreadable(f"the zip archive cannot be read ({exc})") from exc


def _pdf(name: str, raw: bytes, depth: int, budget: _Budget) -> Iterator[tuple[str, str]]:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("the PDF is encrypted")
        if len(reader.pages) > MAX_PAGES:
            raise Unreadable(f"the PDF has more than {MAX_PAGES:,} pages")
        parts = [str(v) for v in (reader.metadata or {}).values()]
        for page in reader.pages:
            parts.append(page.extract_text() or "")
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A") or {}
                parts.append(str(action.get("/URI", "")))
        parts += [str(item.title) for item in reader.outline if hasattr(item, "title")]
        attachments = [(n, d) for n, items in reader.attachments.items() for d in items]
    except Unreadable:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise Unreadable(f"the PDF cannot be read ({type(exc).__name__}: {exc})") from exc
    budget.take(sum(map(len, parts)))
    yield ("text", "\n".join(parts))
    for attached, data in attachments:
        budget.take(len(data))
        yield from _texts(attached, data, depth + 1, budget)


def _plain(name: str, raw: bytes) -> Iterator[tuple[str, str]]:
    suffix = PurePosixPath(name).suffix.lower()
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = raw.decode("utf-16", errors="replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("utf-8", errors="replace")
            yield ("text", raw.decode("latin-1"))
    if suffix in HTML_SUFFIXES or (suffix not in JSON_SUFFIXES and text.lstrip()[:1] == "<"):
        yield ("html", text)
    elif suffix in JSON_SUFFIXES:
        yield ("json", text)
    else:
        yield ("text", text)
