"""``govportal translations``: what a translator needs, and recording what they translated.

``catalog`` brings the portal's own gettext catalogs up to date with its templates
(``catalog LANG`` starts one for a new language; ``catalog check`` exits 1 while any is out
of date).

``status`` counts, per language, the texts translated, missing and stale; ``todo`` prints
the missing and stale texts of a language as YAML to paste into its translation file (each
with the current source fingerprint and the source text to translate); ``stamp`` records the
current source fingerprint of texts a translator has brought up to date, editing only the
``source:`` values of the translation files.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from ..data.policy import Policy
from ..data.translatable import (
    KINDS,
    SourceText,
    fingerprint,
    is_source_only,
    record_needs,
    site_languages,
    source_texts,
)
from ..data.translations import TRANSLATIONS_DIR
from ..pages import wording_catalog
from ..text.portal_catalogs import LOCALE_DIR


@dataclass
class TextState:
    source: SourceText
    state: str  # "translated", "missing", "stale"
    recorded: str = ""  # the fingerprint the translation records


def states(policy: Policy, language: str, today: dt.date,
           kind: str | None = None) -> list[TextState]:
    """Every text a page needs in ``language`` (and every translated one) with its state."""
    out = []
    done = policy.translations.get(language, {})
    for (k, rid, key), src in source_texts(policy).items():
        if kind is not None and k != kind:
            continue
        item = done[k].root.get(rid, {}).get(key) if k in done else None
        if item is None:
            if language in record_needs(policy, k, rid, today) and not is_source_only(k, key):
                out.append(TextState(src, "missing"))
            continue
        now = fingerprint(src.text)
        out.append(TextState(src, "translated" if item.source == now else "stale",
                             item.source))
    return out


def status(policy: Policy, today: dt.date, language: str | None = None) -> str:
    """One line per language: translated, missing and stale texts; with a language, each
    missing and stale text too."""
    lines = []
    for code in [language] if language else site_languages(policy, today)[1:]:
        found = states(policy, code, today)
        count = {s: sum(1 for t in found if t.state == s)
                 for s in ("translated", "missing", "stale")}
        lines.append(f"{code}: {count['translated']} translated, {count['missing']} missing, "
                     f"{count['stale']} stale")
        if language:
            for t in found:
                if t.state != "translated":
                    lines.append(f"  {t.state:8} {t.source.kind} {t.source.record} "
                                 f"{t.source.key}  source: {fingerprint(t.source.text)}")
    return "\n".join(lines) + "\n"


def todo(policy: Policy, language: str, today: dt.date, kind: str | None = None) -> str:
    """The missing and stale texts as translation-file YAML, the source text to translate."""
    parts: dict[str, dict[str, list[TextState]]] = {}
    for t in states(policy, language, today, kind):
        if t.state != "translated":
            parts.setdefault(t.source.kind, {}).setdefault(t.source.record, []).append(t)
    out = []
    for k, records in parts.items():
        out.append(f"# {TRANSLATIONS_DIR}/{language}/{k}.yaml")
        for rid, texts in records.items():
            out.append(f"{rid}:")
            for t in texts:
                out.append(f"  {t.source.key}:  # {t.state}")
                out.append(f"    source: \"{fingerprint(t.source.text)}\"")
                out.append(f"    text: {json.dumps(t.source.text, ensure_ascii=False)}")
    return "\n".join(out) + "\n" if out else ""


def stamp(policy: Policy, language: str, kind: str | None = None, record: str | None = None,
          key: str | None = None) -> list[str]:
    """Write the current source fingerprint into each chosen translation whose recorded one
    differs; returns what it changed (``kind record key``). Only ``source:`` values change."""
    sources = source_texts(policy)
    changed = []
    for k in KINDS:
        loaded = policy.translations.get(language, {}).get(k)
        if loaded is None or (kind is not None and k != kind):
            continue
        label = policy.translation_files[(language, k)]
        path = policy.root / TRANSLATIONS_DIR / language / f"{k}.yaml"
        doc = policy.documents[label]
        lines = path.read_text(encoding="utf-8").split("\n")
        for rid, texts in loaded.root.items():
            if record is not None and rid != record:
                continue
            for text_key, item in texts.items():
                src = sources.get((k, rid, text_key))
                if (key is not None and text_key != key) or src is None:
                    continue
                now = fingerprint(src.text)
                at = doc.values.get((rid, text_key, "source"))
                if now == item.source or at is None:
                    continue
                line, col = at
                row = lines[line - 1]
                start = row.find(item.source, col - 1)
                lines[line - 1] = row[:start] + now + row[start + len(item.source):]
                changed.append(f"{k} {rid} {text_key}")
        Path(path).write_text("\n".join(lines), encoding="utf-8")
    return changed


def run(action: str, where: list[str], policy: Policy, today: dt.date) -> tuple[int, str]:
    """One ``govportal translations`` command: (exit code, what to print)."""
    if action == "status":
        return 0, status(policy, today, *where[:1])
    if action == "catalog":
        if where[:1] == ["check"]:
            old = wording_catalog.stale()
            return (1 if old else 0), "".join(
                f"out of date: {p.relative_to(LOCALE_DIR.parent.parent)} (run `govportal "
                "translations catalog`)\n" for p in old) or "the catalogs are up to date\n"
        if where:
            (LOCALE_DIR / where[0] / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
        return 0, "".join(f"wrote {p.relative_to(LOCALE_DIR.parent.parent)}\n"
                          for p in wording_catalog.write())
    if not where:
        return 2, f"govportal translations {action}: name the language\n"
    if action == "todo":
        return 0, todo(policy, where[0], today, *where[1:2])
    return 0, "".join(f"stamped {line}\n" for line in stamp(policy, *where[:4]))
