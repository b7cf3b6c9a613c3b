"""Each program's own pages, kept from the last build in the same process (the live preview).

A program's notice and manager guide are made from that program and from what every page
shares: the data files other than the programs (organisation, inventory, roles, retention,
vendors, transfers, requirements, translations …), the list of programs, the templates and
the wording catalogs, and the build's settings (language, edition, date, options). A later
build in the same ``mkdocs serve`` process in which none of that changed for a program takes
its pages from here instead of templating them again: an edit to one program's file renders
that program's pages and the pages every program shares (indexes, registers, coverage), not
a hundred notices and guides.

The key is exact by construction: the shared part is the SHA-256 of every data file read
(the loader's ``Policy.sources``) except the programs' own files (each program's, and each
language's translations of the programs), and the program's part is the program as loaded
and, in another language, as translated (its model, dumped), so no data id a template
reads can be missed; a template or catalog is covered by its folder's state, which the
caller passes in.

The home page, the indexes and the registers (coverage, retention, vendors …) are made from
every data file but the translations: they are given the policy without its translations
(:func:`~..data.policy.untranslated`), in a full build too, so no translation can change
what they print, and they are kept, as one list, under the SHA-256 of every other data
file with the settings and the templates' state (:func:`source_key`). An edit to a translation makes
none of them again; any other edit makes them all again. The readability page, which
measures each translated notice, is made in every build.

Only the live preview keeps a memo; a full build renders every page.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Collection
from typing import Any

from ..data import model as m
from ..data.policy import TRANSLATIONS_DIR, Policy, source_files
from .page import Page

PROGRAM_FOLDER = "programs/"  # where the programs' own files sit in the data folder


def digest(*parts: Any) -> bytes:
    """A fingerprint of JSON-able values (anything else by its ``str``); the live preview
    fingerprints its pages with it too."""
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


def shared_key(policy: Policy, settings: tuple[Any, ...], site: bytes) -> bytes | None:
    """What every program's pages share in one build: the data files other than the
    programs', the programs' ids in order, the builder's ``settings`` and the ``site``'s
    state (templates, catalogs). None when the policy does not say which files it was read
    from (then nothing may be reused)."""
    if not policy.sources:
        return None
    shared = sorted((path, sha) for path, sha in policy.sources.items()
                    if not _programs_own(path))
    return digest(shared, list(policy.programs), settings, site.hex())


def source_key(policy: Policy, settings: tuple[Any, ...], site: bytes) -> bytes | None:
    """What the source language's registers and indexes are made from in one build: every
    data file except the translations (they are made from the policy without its
    translations, :func:`~..data.policy.untranslated`), the builder's ``settings`` and the
    ``site``'s state. None when the policy does not say which files it was read from."""
    if not policy.sources:
        return None
    return digest(source_files(policy), settings, site.hex())


def _programs_own(path: str) -> bool:
    """Whether a data file holds only the programs' own texts: a program's file, or a
    language's translations of the programs (``translations/de/programs.yaml``), whose
    texts for a program are in that program as translated (:func:`program_key`)."""
    parts = path.split("/")
    return path.startswith(PROGRAM_FOLDER) or (
        len(parts) == 3 and parts[0] == TRANSLATIONS_DIR and parts[2] == "programs.yaml")


def program_key(program: m.Program) -> bytes:
    """The program as loaded: every field its pages can read."""
    return hashlib.blake2b(program.model_dump_json().encode("utf-8", "surrogatepass"),
                           digest_size=20).digest()


@dataclasses.dataclass
class _Kept:
    key: bytes
    page: Page
    extra: Any


@dataclasses.dataclass
class PageMemo:
    """One program's pages by kind and language, with the key they were made under; and
    per language the source language's registers and indexes, as one list.

    ``site`` is the state of the templates and catalogs for this build (set by the caller
    before each build); ``made`` and ``reused`` count this build's program pages."""

    site: bytes = b""
    kept: dict[tuple[str, str, str, str], _Kept] = dataclasses.field(default_factory=dict)
    lists: dict[tuple[str, str], tuple[bytes, list[Page]]] = dataclasses.field(
        default_factory=dict)
    made: int = 0
    reused: int = 0
    lists_made: int = 0
    lists_reused: int = 0

    def begin(self, site: bytes) -> None:
        """A new build, with the templates and catalogs in state ``site``."""
        self.site = site
        self.made = self.reused = self.lists_made = self.lists_reused = 0

    def page(self, shared: bytes | None, kind: str, language: str, edition: str,
             program: m.Program, make: Callable[[], tuple[Page, Any]]) -> tuple[Page, Any]:
        """The page of ``kind`` for ``program``, and what making it recorded (``extra``),
        from the last build when its key is the same, else from ``make``. The caller may
        change what it is given: the memo keeps its own copy."""
        if shared is None:
            self.made += 1
            return make()
        slot = (kind, language, edition, program.id)
        key = digest(shared.hex(), program_key(program).hex())
        kept = self.kept.get(slot)
        if kept is not None and kept.key == key:
            self.reused += 1
            return _copy(kept.page), kept.extra
        page, extra = make()
        self.kept[slot] = _Kept(key, _copy(page), extra)
        self.made += 1
        return page, extra

    def retain(self, programs: Collection[str]) -> int:
        """Forget the pages of every program not among ``programs`` (removed from the
        data, or renamed); the number of pages forgotten."""
        gone = [slot for slot in self.kept if slot[3] not in programs]
        for slot in gone:
            del self.kept[slot]
        return len(gone)

    def source_pages(self, key: bytes | None, language: str, edition: str,
                     make: Callable[[], list[Page]]) -> list[Page]:
        """The source language's registers and indexes (one list, made from the whole
        policy without its translations), from the last build when its ``key``
        (:func:`source_key`) is the same, else from ``make``; ``lists_made`` and
        ``lists_reused`` count them."""
        if key is None:
            self.lists_made += 1
            return make()
        slot = (language, edition)
        kept = self.lists.get(slot)
        if kept is not None and kept[0] == key:
            self.lists_reused += 1
            return [_copy(page) for page in kept[1]]
        made = make()
        self.lists[slot] = (key, [_copy(page) for page in made])
        self.lists_made += 1
        return made


def _copy(page: Page) -> Page:
    """A page whose metadata can be changed without changing the one kept (the values the
    builders put there are plain: strings, numbers, lists of strings)."""
    return dataclasses.replace(page, meta={k: (list(v) if isinstance(v, list) else v)
                                           for k, v in page.meta.items()})
