"""The portal's own wording in the readers' languages: gettext catalogs handled with Babel.

Headings, labels and the standard legal wording (the catalog's sentences, each under its
wording id as the message context) are written in English in the templates and the catalog;
``govportal/locale/messages.pot`` lists them (``govportal translations catalog`` extracts
it) and ``govportal/locale/<lang>/LC_MESSAGES/messages.po`` holds each language's
translations. A catalog is read with :func:`babel.messages.pofile.read_po` and compiled in
memory with :func:`babel.messages.mofile.write_mo` when a build needs it, so no compiled
``.mo`` file is kept beside its source. A message without a translation, or marked fuzzy,
prints in English; the rule ``i18n.portal-wording`` fails a build that would publish one in
a required language.
"""

from __future__ import annotations

import functools
import gettext
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path, language: str | None = None) -> Catalog | None:
    """A ``.po`` or ``.pot`` file as Babel reads it (None when there is none)."""
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


@functools.cache
def _compiled(language: str, stamp: tuple[int, int] | None) -> gettext.NullTranslations:
    catalog = read_catalog(po_path(language), language)
    if catalog is None:
        return gettext.NullTranslations()
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (English, or a language without a catalog: the
    wording as written). Compiled again when its file changed (a live preview)."""
    return _compiled(language, _stamp(po_path(language)))


def untranslated(language: str) -> tuple[Path, list[tuple[str, str, int]]]:
    """The catalog of a language and every message of the template it does not translate
    (context, message, the line of the message in the language's catalog or 0). Read again
    when either file changed (a live preview checks the data again on every edit)."""
    path = po_path(language)
    return path, list(_untranslated(TEMPLATE, path, language, _stamp(TEMPLATE), _stamp(path)))


def _stamp(path: Path) -> tuple[int, int] | None:
    """A file's size and modification time (None when there is no file)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


@functools.cache
def _untranslated(template_path: Path, path: Path, language: str,
                  template_stamp: tuple[int, int] | None, stamp: tuple[int, int] | None
                  ) -> tuple[tuple[str, str, int], ...]:
    template = read_catalog(template_path)
    catalog = read_catalog(path, language)
    missing = []
    for message in template or []:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context) if catalog is not None else None
        if found is None or not found.string or found.fuzzy:
            line = found.lineno if found is not None else 0
            missing.append((message.context or "", str(message.id), line or 0))
    return tuple(missing)
