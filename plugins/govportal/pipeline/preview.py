"""A live preview that renders again only the pages whose inputs changed.

Under ``mkdocs serve --dirty`` (``make serve``) the generator asks of every page whether its
file was modified, and renders and writes only those that were. :class:`Preview` answers
for every page of the site from what the last rebuild in the same process rendered:

* a page is rendered again when its **fingerprint** changed: for a generated page, the
  Markdown the generator reads, the metadata and title the build gives it and the Markdown
  it is converted from (so every data id and template that shaped it counts, whatever it
  is); for a hand-written page, its file's bytes;
* every page is rendered again when the **site's signature** changed: the configuration
  file, the theme's overrides, the site's files (links between pages resolve against them),
  the navigation with every title and the metadata of the pages in it (the navigation is in
  every page), the theme's extra settings and the hand-written pages (their titles are known
  only once they are read).

What a page kept is known only for a page that was rendered and passed every output check
in a build that finished: a page of a failed build is rendered again. The checks of a kept
page still run on what was read of it (the disclosures of a notice are decided again from
the data), the edition scan reads the whole written site, the search index keeps the entries
of the pages kept, and a file the site no longer has is removed. A full ``mkdocs build``
never uses any of this: every page is rendered and checked.

Nothing here imports MkDocs: the plugin hands over plain values.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from ..data.build_memo import TranslationMemo
from ..data.load_memo import LoadMemo
from ..data.policy import Policy, source_files, untranslated
from ..pages.page_memo import PageMemo, digest
from ..publish import exports
from ..publish.manifest import Hashes
from ..rules.kept_findings import KeptFindings
from .idle_collector import IdleCollector

DIRTY_WARNING = "A 'dirty' build is being performed"  # how MkDocs' warning starts
SEARCH_INDEX = "search/search_index.json"  # where the theme's search plugin writes its index


def folder_state(folder: Path | None) -> list[tuple[str, int, int]]:
    """Every file below ``folder`` with its size and modification time (a theme override
    changed is seen without reading it)."""
    if folder is None or not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            found.append((path.relative_to(folder).as_posix(), stat.st_size, stat.st_mtime_ns))
    return found


def nav_shape(items: Iterable[Any], described: Mapping[str, Any]) -> list[Any]:
    """The navigation as plain values: each item's kind, title, address and children, and
    for a generated page the metadata and title the build gives it (``described``)."""
    shape = []
    for item in items:
        file = getattr(item, "file", None)
        uri = getattr(file, "src_uri", None)
        children = getattr(item, "children", None)
        shape.append((type(item).__name__, item.title, getattr(item, "url", None), uri,
                      described.get(uri) if uri else None,
                      nav_shape(children, described) if children else None))
    return shape


# a page as the build saw it: source path, site path, URL, title, metadata
PageState = tuple[str, str, str, "str | None", dict[str, Any]]
Describe = Callable[[str, str], "tuple[dict[str, Any], str, str] | None"]


@dataclass
class Kept:
    """A page as the last build rendered, checked and wrote it."""

    fingerprint: bytes
    dest_uri: str
    title: str | None
    meta: dict[str, Any]
    search: list[dict[str, Any]] = field(default_factory=list)


class CompiledTheme(jinja2.BytecodeCache):
    """The theme's templates as compiled by an earlier rebuild, in memory: MkDocs makes a
    fresh environment for every build, which compiled them all again. Jinja checks every
    entry against its template's source, so an edited override is compiled afresh."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class Preview:
    """What the rebuilds of one ``mkdocs serve --dirty`` process know of each other."""

    def __init__(self) -> None:
        self.theme = CompiledTheme()
        self.site: bytes | None = None
        self.kept: dict[str, Kept] = {}
        self.written: set[str] = set()  # the site's files as the last build knew them
        self.render: set[str] = set()  # this build: the pages rendered again
        self.fingerprints: dict[str, bytes] = {}
        self.program_pages = PageMemo()  # each program's pages, templated once per change
        self.data_files = LoadMemo()  # the data files, parsed and validated once per change
        self.findings = KeptFindings()  # the rules that do not read translations, run once
        self.translations = TranslationMemo()  # each record's texts, translated once per change
        self.file_hashes: Hashes = {}  # the manifest's hash of each site file, by its status
        self.removed: list[str] = []
        self.coverage: tuple[bytes, str] | None = None  # coverage.json, with its key
        self.collector = IdleCollector()  # the cycle collector, run between rebuilds

    def begin(self, plugins: Iterable[Any]) -> None:
        """A new build: nothing rendered yet. The theme's search plugin (Material) merges a
        dirty rebuild's entries into the last index as if one page had been rendered; it
        is told to forget that index (:meth:`complete_search_index` does the merge). A
        rebuild that keeps pages of the last one runs with the cycle collector paused until
        it has ended (:meth:`ended`); the first build, a whole site's, runs as any build."""
        if self.kept:
            self.collector.pause()
        self.render = set()
        for plugin in plugins:
            if hasattr(plugin, "search_index_prev"):
                plugin.search_index_prev = None

    def plan_site(self, docs: list[Any], files: Iterable[Any], nav: Iterable[Any],
                  config: Any, describe: Describe) -> set[str]:
        """Which pages (source paths) to render again in this build. ``docs``: the site's
        pages and ``files``: all its files (with ``src_uri``, ``dest_uri`` and, pages,
        ``content_bytes``), the navigation's items, the configuration (``extra``,
        ``config_file_path``, ``theme.custom_dir``, ``site_dir``); ``describe`` gives a
        generated page's metadata, title and Markdown (None for a hand-written page).
        Files an earlier build wrote that the site no longer has are removed."""
        fingerprints: dict[str, bytes] = {}
        described: dict[str, Any] = {}
        own: dict[str, str] = {}
        for f in docs:
            raw = f.content_bytes
            found = describe(f.src_uri, raw.decode("utf-8-sig", errors="surrogateescape"))
            fingerprints[f.src_uri] = digest(hashlib.blake2b(raw).hexdigest(), found)
            if found is None:
                own[f.src_uri] = fingerprints[f.src_uri].hex()
            else:
                described[f.src_uri] = (found[0], found[1])
        listing = sorted((f.src_uri, f.dest_uri) for f in files)
        config_file = Path(config.config_file_path) if config.config_file_path else None
        overrides = config.theme.custom_dir
        # a page in another language shows that language's navigation, of these titles
        translated = sorted((uri, title) for uri, (meta, title) in described.items()
                            if meta.get("language"))
        site = digest(hashlib.blake2b(config_file.read_bytes()).hexdigest()
                      if config_file is not None and config_file.is_file() else None,
                      folder_state(Path(overrides) if overrides else None), listing,
                      nav_shape(nav, described), config.extra, own, translated)
        site_dir = Path(config.site_dir)
        self.remove_stale(site_dir, (dest for _, dest in listing))
        dests = {f.src_uri: f.dest_uri for f in docs}
        return self.plan(site, fingerprints, {uri for uri, kept in self.kept.items()
                                              if dests.get(uri) == kept.dest_uri
                                              and (site_dir / kept.dest_uri).is_file()})

    def answer(self, file: Any, again: bool) -> bool:
        """MkDocs' question to a page's file under ``--dirty`` (``is_modified``): whether
        to render it again. A page kept gets back its title and metadata, which the
        navigation and the sitemap of the pages rendered show."""
        if not again:
            kept = self.kept[file.src_uri]
            file.page.title, file.page.meta = kept.title, dict(kept.meta)
        return again

    def plan(self, site: bytes, fingerprints: Mapping[str, bytes],
             present: set[str]) -> set[str]:
        """The pages to render again: every page when the site's signature changed, else
        those whose fingerprint changed or whose file is gone (``present``: the pages kept
        whose file is still there). What is rendered again is forgotten now: if the build
        stops half-way, its files may hold anything."""
        if site != self.site:
            self.kept.clear()
            self.site = site
        self.fingerprints = dict(fingerprints)
        self.render = {uri for uri, fp in fingerprints.items()
                       if uri not in present or uri not in self.kept
                       or self.kept[uri].fingerprint != fp}
        for uri in list(self.kept):
            if uri in self.render or uri not in fingerprints:
                del self.kept[uri]
        return self.render

    def is_kept(self, uri: str) -> bool:
        return uri in self.kept and uri not in self.render

    def remove_stale(self, site_dir: Path, dests: Iterable[str]) -> list[str]:
        """Remove the files an earlier build wrote that this one does not have (a page
        removed or renamed), and the folders they leave empty."""
        current = set(dests)
        removed = []
        for uri in sorted(self.written - current):
            path = site_dir / uri
            if path.is_file():
                path.unlink()
                removed.append(uri)
                parent = path.parent
                while parent != site_dir and parent.is_dir() and not any(parent.iterdir()):
                    parent.rmdir()
                    parent = parent.parent
        self.written = current
        self.removed = removed
        return removed

    def complete_search_index(self, site_dir: Path, pages: list[tuple[str, str]]) -> int:
        """Write the search index again with the entries of the pages kept, in the order
        of the site's pages (``pages``: source path and URL of each), as a full build
        writes it: the theme's search plugin indexed only the pages rendered. Returns the
        number of entries added."""
        path = site_dir / SEARCH_INDEX
        if not any(self.is_kept(uri) for uri, _ in pages) or not path.is_file():
            return 0
        data = json.loads(path.read_text(encoding="utf-8"))
        fresh = _by_page(data.get("docs", []))
        docs: list[dict[str, Any]] = []
        added = 0
        for uri, url in pages:
            if self.is_kept(uri):
                docs += self.kept[uri].search
                added += len(self.kept[uri].search)
            else:
                docs += fresh.get(url, [])
        data["docs"] = docs
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
        os.replace(tmp, path)
        return added

    def remember(self, site_dir: Path, pages: list[PageState]) -> None:
        """After a build that finished with no problem in its rendered pages: what each
        page rendered again now holds (``pages``: source path, site path, URL, title and
        metadata of each page, the search index's entries of it)."""
        path = site_dir / SEARCH_INDEX
        index = (_by_page(json.loads(path.read_text(encoding="utf-8")).get("docs", []))
                 if path.is_file() else {})
        for uri, dest, url, title, meta in pages:
            if uri in self.render and uri in self.fingerprints:
                self.kept[uri] = Kept(self.fingerprints[uri], dest, title, dict(meta),
                                      index.get(url, []))

    def failed(self) -> None:
        """The build failed after all (a warning under ``--strict``, an error after the
        portal's checks): what it rendered is not known to be good."""
        for uri in self.render:
            self.kept.pop(uri, None)
        self.ended()

    def ended(self) -> None:
        """The build ended, finished or failed: collect its garbage once it is idle."""
        self.collector.resume_later()

    def counts(self) -> dict[str, int]:
        return {"pages rendered again": len(self.render),
                "pages kept": len(self.fingerprints) - len(self.render),
                "stale files removed": len(self.removed)}


def _by_page(docs: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """A search index's entries by the address of their page (an entry's location is the
    page's address, then ``#`` and a section's id)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for entry in docs:
        found.setdefault(str(entry.get("location", "")).split("#", 1)[0], []).append(entry)
    return found


def coverage_json(policy: Policy, preview: Preview | None) -> str:
    """``coverage.json``, made from the policy without its translations (what it lists
    cannot depend on one, in any build); under a live preview, the last build's while every
    data file but the translations is byte for byte the same (a translator's edit)."""
    if preview is None or not policy.sources:
        return exports.coverage_json(untranslated(policy))
    key = digest(source_files(policy))
    if preview.coverage is None or preview.coverage[0] != key:
        preview.coverage = (key, exports.coverage_json(untranslated(policy)))
    return preview.coverage[1]


def start_preview() -> Preview:
    """The preview of one serve process. MkDocs warns on every dirty build that the
    navigation and links may be out of date (under ``--strict``, that fails the build); the
    preview renders every page again when either changes, so the warning becomes a note."""
    for engine in ("mkdocs", "properdocs"):
        logging.getLogger(f"{engine}.commands.build").addFilter(dirty_notice)
    return Preview()


def dirty_notice(record: logging.LogRecord) -> bool:
    """A logging filter: MkDocs' dirty-build warning, said as a note of what the preview
    does."""
    if record.getMessage().startswith(DIRTY_WARNING):
        record.levelno, record.levelname, record.args = logging.INFO, "INFO", ()
        record.msg = ("govportal: the preview renders again only the pages whose inputs "
                      "changed (every page when the navigation, a title or the files change)")
    return True
