"""Editions: what only the internal edition of the portal may show, and the scan that keeps
it out of the public one.

The plugin option ``edition`` is ``public`` (the default) or ``internal``. Templates receive
``edition`` and show internal-only fields only in the internal edition; the internal edition
also has pages of its own (:data:`INTERNAL_PAGES`). Because a template override, a theme
change or a future page could still print an internal field, every public build ends with a
scan of every file written: if the text of any internal-only field, or an internal-only page,
is found, the build fails and names the file and the field.

The scan is one pass over the site (:class:`SiteScan`): each page is read as it is rendered,
from the same text the output checks read, and the walk over the written site afterwards
reads only what was not read then (a page is not read again while its file holds exactly
what was read; the search index's entries are passed over where their page's text, already
read, holds all of theirs). Under ``mkdocs serve`` each rebuild's scan starts from what the
last one read: a page whose bytes are the same, and a string of the search index that held
none of the values sought, are not read again; a file whose status (size, modification and
change times, inode) is the one it had when the last scan read it, old enough then to be
trusted, is not even opened (the manifest trusts a file's status in the same way).
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..data.internal_fields import internal_fields
from ..data.policy import Policy
from ..pages.page import INTERNAL_PAGES
from ..text.folding import collapse, fold, inner_words
from ..text.safe_markdown import plain
from .leak_scanner import Internal, LeakScanner, Reading, group_by_key_word, normalise
from .manifest import RACY_NS
from .site_readings import (
    SEPARATOR,
    batches,
    chunk_reading,
    json_strings,
    read_site_file,
    readable_text,
    readings_of,
    where_within,
)
from .site_texts import Unreadable

__all__ = ["EDITIONS", "Internal", "LeakScanner", "Reading", "SiteScan", "find_leaks",
           "group_by_key_word", "inner_words", "internal_values", "read_site_file",
           "readable_text"]

EDITIONS = ("public", "internal")
MIN_LENGTH = 12  # shorter values (a first name, "yes") would match by chance

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
    """Messages for every internal-only file or text found in a public site (every file
    read after the build: :class:`SiteScan` without pages read before)."""
    return SiteScan(policy, use_directory_urls).finish(site, theme_copies)


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=20).digest()


@dataclass
class _Read:
    """A page read as it was rendered: the digest of its bytes, what was found (or why it
    could not be read) and its text with tags read as nothing, folded and collapsed (what
    a search index entry of it must lie within to be passed over); ``status``: the status
    of the written file that holds those bytes (size, modification and change times,
    inode), once it is old enough to be trusted (:data:`~.manifest.RACY_NS`)."""

    digest: bytes
    found: list[Internal]
    unreadable: str | None
    text: str
    status: tuple[int, int, int, int] | None = None


# what the last scan read (pages, the search index's strings and entries) and the values it
# sought
_LAST_SCAN: dict[str, Any] = {}


class SiteScan:
    """The public edition's scan of one build, in one pass.

    :meth:`page` reads a rendered page from the text the output checks read (the build
    calls it for every page); :meth:`finish` walks the written site and reads every other
    file, and every page whose file no longer holds what was read (a later plugin changed
    it): nothing is left out and no text is read twice."""

    def __init__(self, policy: Policy, use_directory_urls: bool = True) -> None:
        values = internal_values(policy)
        self.scanner = LeakScanner(values)
        self.internal_pages = internal_page_files(use_directory_urls)
        self.directory_urls = use_directory_urls
        self.read: dict[str, _Read] = {}
        # what the last scan in this process (the previous `mkdocs serve` rebuild) read,
        # when it looked for the same values: a page whose bytes are the same is not read
        # again (what a scan finds depends only on the file's name, its bytes and the values)
        self._values = tuple((v.text, v.file, v.path) for v in values)
        same = _LAST_SCAN.get("values") == self._values
        self._earlier: dict[str, _Read] = _LAST_SCAN["read"] if same else {}
        # the search index's strings that held none of the values (a string is read alone:
        # a value never straddles the separator between strings read together, so a chunk
        # that holds none holds none in any of its strings), and whether each entry lay
        # within its page's text, with the reading of that page
        self.clean: set[str] = set()
        self._clean_before: set[str] = _LAST_SCAN["clean"] if same else set()
        self.within: dict[tuple[str, str], tuple[_Read, bool]] = {}
        self._cursor: dict[str, int] = {}  # a page → where its last index entry was found
        self._within_before: dict[tuple[str, str], tuple[_Read, bool]] = (
            _LAST_SCAN["within"] if same else {})
        # a value with "<" in it could straddle the markup of an index entry: then every
        # entry is read
        self.entries_may_be_passed = not any("<" in v.text for v in self.scanner.order)
        self.counts = {"pages read while rendered": 0,
                       "pages unchanged since the last build": 0, "files read after": 0,
                       "files already read": 0, "files not written since the last build": 0,
                       "search entries passed over": 0, "search entries read": 0,
                       "search entries read in the last build": 0}

    def page(self, dest_uri: str, output: str) -> None:
        """Read a page as rendered (``output`` is what the generator writes to
        ``dest_uri``, encoded as MkDocs encodes it)."""
        raw = output.encode("utf-8", errors="xmlcharrefreplace")
        digest = _digest(raw)
        earlier = self._earlier.get(dest_uri)
        if earlier is not None and earlier.digest == digest:
            self.read[dest_uri] = earlier
            self.counts["pages unchanged since the last build"] += 1
            return
        unreadable, found, text = None, [], ""
        try:
            readings = readings_of(PurePosixPath(dest_uri).name, raw)
        except Unreadable as exc:
            unreadable = str(exc)
        else:
            found = self._find(readings)
            html_views = [r for r in readings if r.kind == "html"]
            if len(readings) == 1 and html_views and not found:
                text = normalise(html_views[0].worded[1])
        self.read[dest_uri] = _Read(digest, found, unreadable, text)
        self.counts["pages read while rendered"] += 1

    def _find(self, readings: list[Reading]) -> list[Internal]:
        found = {v for reading in readings for v in self.scanner.find(reading)}
        return sorted(found, key=self.scanner.order.__getitem__)

    def finish(self, site: Path, theme_copies: Mapping[str, str] | None = None,
               use_directory_urls: bool | None = None) -> list[str]:
        """Messages for every internal-only file or text found in the written site.

        ``theme_copies`` maps site paths to the installed theme's own files: a site file
        that is still byte for byte that file is not read (it cannot hold the
        organisation's data)."""
        if use_directory_urls is not None:
            self.directory_urls = use_directory_urls
            self.internal_pages = internal_page_files(use_directory_urls)
        _LAST_SCAN.clear()
        _LAST_SCAN.update(values=self._values, read=self.read, clean=self.clean,
                          within=self.within)
        leaks: list[str] = []
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            rel = path.relative_to(site).as_posix()
            if rel in self.internal_pages:
                leaks.append(f"{rel} is an internal-only page")
                continue
            source = (theme_copies or {}).get(rel)
            if source is not None and filecmp.cmp(path, source, shallow=False):
                continue
            # the last build's reading of a file with the same bytes holds; not a search
            # index's, which is read against this build's pages and addresses
            earlier = self._earlier.get(rel) if path.name != "search_index.json" else None
            stat = path.stat()
            status = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
            current = self.read.get(rel)  # a page rendered again reads as the last build's
            if earlier is not None and earlier.status == status and (
                    current is None or current is earlier):
                # not written since it was read (as the manifest trusts a file's status)
                unreadable, found = earlier.unreadable, earlier.found
                self.read[rel] = earlier
                self.counts["files not written since the last build"] += 1
            else:
                unreadable, found = self._walk_read(path, rel, earlier, status, stat)
            if unreadable is not None:
                leaks.append(f"{rel} cannot be read by the edition scan ({unreadable}): a "
                             "public site holds only files the scan can read")
                continue
            for value in found:
                leaks.append(f"{rel} contains the internal-only field {value.field} of "
                             f"{value.file} ({_quote(value.shown or value.text)})")
        return leaks

    def _walk_read(self, path: Path, rel: str, earlier: _Read | None,
                   status: tuple[int, int, int, int], stat: Any
                   ) -> tuple[str | None, list[Internal]]:
        """Read a file of the walk, unless the reading of its bytes is this build's or the
        last's; its status is kept with that reading once it is old enough to trust."""
        raw = path.read_bytes()
        digest = _digest(raw)
        before = self.read.get(rel) or earlier
        if before is not None and before.digest == digest:
            unreadable, found = before.unreadable, before.found
            self.counts["files already read"] += 1
        else:
            unreadable, found = self._read_file(path.name, raw)
            before = _Read(digest, found, unreadable, "")
        kept = self.read.setdefault(rel, before)
        if kept.digest == digest and time.time_ns() - max(
                stat.st_mtime_ns, stat.st_ctime_ns) >= RACY_NS:
            kept.status = status
        return unreadable, found

    def _read_file(self, name: str, raw: bytes) -> tuple[str | None, list[Internal]]:
        self.counts["files read after"] += 1
        if name == "search_index.json" and self.read and self.entries_may_be_passed:
            found = self._search_index(raw)
            if found is not None:
                return None, found
        try:
            readings = readings_of(name, raw)
        except Unreadable as exc:
            return str(exc), []
        return None, self._find(readings)

    def _search_index(self, raw: bytes) -> list[Internal] | None:
        """What a search index holds, read without the entries whose text lies within their
        page's text as already read, and without the strings already found to hold no value
        (None when it is not an index this understands, or not plain UTF-8 JSON: then it is
        read as any other file)."""
        if raw[:1] != b"{":
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except ValueError:
            return None
        docs = data.get("docs") if isinstance(data, dict) else None
        if not isinstance(docs, list):
            return None
        found: set[Internal] = set()
        for batch in batches(self._unread(self._index_strings(data, docs))):
            hits = self.scanner.find(chunk_reading(SEPARATOR.join(batch)))
            if hits:
                found.update(hits)
            else:
                self.clean.update(batch)
        return sorted(found, key=self.scanner.order.__getitem__)

    def _unread(self, strings: Iterator[str]) -> Iterator[str]:
        """Each string once, and none the last scan found to hold no value (kept as found
        to hold none for the next)."""
        seen: set[str] = set()
        for string in strings:
            if string in seen:
                continue
            seen.add(string)
            if string in self._clean_before:
                self.clean.add(string)
            else:
                yield string

    def _index_strings(self, data: dict[str, Any], docs: list[Any]) -> Iterator[str]:
        for key, value in data.items():
            yield str(key)
            if value is not docs:
                yield from json_strings(value)
                continue
            for doc in docs:
                if not isinstance(doc, dict):
                    yield from json_strings(doc)
                    continue
                dest, page = self._page_read(doc.get("location"))
                for name, child in doc.items():
                    yield str(name)
                    if (page is not None and page.text and name in ("title", "text")
                            and isinstance(child, str) and self._passes(dest, child, page)):
                        self.counts["search entries passed over"] += 1
                        continue
                    if name == "text":
                        self.counts["search entries read" if child not in self._clean_before
                                    else "search entries read in the last build"] += 1
                    yield from json_strings(child)

    def _passes(self, dest: str, string: str, page: _Read) -> bool:
        """Whether an entry of the page ``dest`` lies within the page's text (what the last
        scan found, when the page's reading is that scan's)."""
        key = (dest, string)
        before = self._within_before.get(key)
        if before is not None and before[0] is page:
            held = before[1]
        else:  # looked for from where the page's last entry was found (where_within)
            at = where_within(string, page.text, self._cursor.get(dest, 0))
            held = at != -1
            if held:
                self._cursor[dest] = at
        self.within[key] = (page, held)
        return held

    def _page_read(self, location: Any) -> tuple[str, _Read | None]:
        """The site path and the reading of the page an index entry points to (None when
        none was read)."""
        if not isinstance(location, str):
            return "", None
        url = location.split("#", 1)[0]
        if self.directory_urls and (url == "" or url.endswith("/")):
            dest = url + "index.html"
        else:
            dest = url
        return dest, self.read.get(dest)


_SPACE = re.compile(r"\s+")


def _quote(text: str, limit: int = 40) -> str:
    text = _SPACE.sub(" ", text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
