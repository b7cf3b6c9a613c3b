"""The portal's wording as a gettext catalog: extracted from the page templates, the page
modules and the catalog of standard wording, and kept in step with each language's ``.po``.

``govportal translations catalog`` writes ``govportal/locale/messages.pot`` and brings each
language's catalog up to date with it (new messages untranslated, removed ones dropped,
every translation kept); ``--check`` (and a test) fail while they are out of date.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

from ..data import model as m
from ..rules.catalog import load_catalog, load_wording
from ..text.portal_catalogs import LOCALE_DIR, TEMPLATE, po_path, read_catalog

HERE = Path(__file__).resolve().parent
SHIPPED = ("en", "de")  # the languages the package ships a catalog for


def languages() -> list[str]:
    """The shipped languages and any other that has a folder under ``locale/``."""
    found = {p.name for p in LOCALE_DIR.iterdir() if p.is_dir()} if LOCALE_DIR.is_dir() else set()
    return sorted(found | set(SHIPPED))
# A fixed date in the headers: the files change only when their messages do.
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
_JINJA = {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}


HEADER = """\
# The governance portal's own wording{language}: headings, labels and the standard legal
# wording its pages print. `govportal translations catalog` keeps it in step with the
# templates; a translator fills in each msgstr (see the README, "Languages")."""


def _new(code: str | None) -> Catalog:
    return Catalog(locale=code, domain="messages", project="govportal", version="1",
                   header_comment=HEADER.format(language=f" in {code}" if code else ""),
                   copyright_holder="the governance portal's authors",
                   msgid_bugs_address="", last_translator="the portal's maintainers",
                   language_team=code or "", creation_date=STAMP, revision_date=STAMP,
                   fuzzy=False)


def extract() -> Catalog:
    """Every message the portal prints in a reader's language."""
    catalog = _new(None)
    for name, line, message, comments, context in extract_from_dir(
            HERE / "templates", method_map=[("**.j2", "jinja2.ext:babel_extract")],
            options_map={"**.j2": _JINJA}):
        catalog.add(message, locations=[(f"pages/templates/{name}", line)],
                    auto_comments=comments, context=context)
    for stage in ("pages", "changes"):  # page modules, and the history's sentences
        for name, line, message, _comments, context in extract_from_dir(
                HERE.parent / stage, method_map=[("*.py", "python")], keywords={"N_": None}):
            catalog.add(message, locations=[(f"{stage}/{name}", line)], context=context)
    # Codes a template looks up by value: the names of the regimes, disposal and switches.
    for regime in load_catalog().regimes:
        catalog.add(regime.name, locations=[("rules/catalog/disclosures.yaml", 0)])
    for value in [*m.Disposal, *m.ConsentDefault]:
        catalog.add(value.value, locations=[("data/model", 0)])
    for wording in load_wording().wording:  # the standard wording, each by its id
        catalog.add(wording.text, context=wording.id,
                    locations=[("rules/catalog/wording.yaml", 0)])
        if wording.short:
            catalog.add(wording.short, context=f"{wording.id}:short",
                        locations=[("rules/catalog/wording.yaml", 0)])
    return catalog


def _po(catalog: Catalog) -> bytes:
    out = BytesIO()
    write_po(out, catalog, width=88, omit_header=False, ignore_obsolete=True,
             include_lineno=False, sort_output=False)
    return out.getvalue()


def refreshed() -> dict[Path, bytes]:
    """The template and each language's catalog as they should be now."""
    files = {TEMPLATE: _po(extract())}
    for code in languages():
        current = read_catalog(po_path(code), code) or _new(code)
        current.update(extract(), no_fuzzy_matching=True, update_creation_date=False)
        current.revision_date = STAMP
        current.creation_date = STAMP
        if code == "en":  # the source language: its messages are the wording as written
            for message in current:
                if message.id and not message.string:
                    message.string = message.id
        files[po_path(code)] = _po(current)
    return files


def stale() -> list[Path]:
    """The catalog files that differ from what :func:`refreshed` would write."""
    return [p for p, data in refreshed().items()
            if not p.is_file() or p.read_bytes() != data]


def write() -> list[Path]:
    """Write every catalog file that changed; returns them."""
    changed = []
    for path, data in refreshed().items():
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            changed.append(path)
    return changed


__all__ = ["LOCALE_DIR", "extract", "stale", "write"]
