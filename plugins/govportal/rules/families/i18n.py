"""Rules of the translations (``data/translations/``): every text a page needs in a language
is there, was made from the current source and quotes the same data.

A required language makes these errors; a required language whose ``required_from`` date is
still ahead, or an optional language, makes them warnings (the page is then published in
the languages it has complete).
"""

from __future__ import annotations

from collections.abc import Iterator

from babel import Locale, UnknownLocaleError

from ...data.suggestions import did_you_mean
from ...data.translatable import (
    LIST_KINDS,
    SOURCE_LANGUAGE,
    Need,
    SourceText,
    fingerprint,
    is_source_only,
    jurisdiction_needs,
    organisation_needs,
    placeholders,
    record_needs,
)
from ...problems import Location, Severity
from ...text.portal_catalogs import LOCALE_DIR, untranslated
from ..registry import Context, Finding, rule

SHOWN = 4  # texts named in one message; the rest are counted


def language_name(code: str) -> str:
    """``de`` → ``German (de)``, in English (the language of the check's messages)."""
    try:
        return f"{Locale.parse(code).get_display_name('en')} ({code})"
    except (ValueError, UnknownLocaleError):
        return f"'{code}'"


def known_language(code: str) -> bool:
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return False
    return True


def _severity(need: Need | None) -> Severity:
    return Severity.ERROR if need is Need.REQUIRED else Severity.WARNING


def _why(ctx: Context, code: str, need: Need | None) -> str:
    """Which jurisdictions make the language needed, for the message."""
    org = ctx.policy.organisation
    names = [j.name for j in (org.jurisdictions if org else [])
             if jurisdiction_needs(j, ctx.options.today).get(code) is need]
    where = ", ".join(names) or "no jurisdiction"
    if need is Need.REQUIRED:
        return f"required in {where}"
    if need is Need.DUE:
        dates = sorted({str(j.languages.required_from) for j in org.jurisdictions
                        if j.languages and j.languages.required_from and j.name in names})
        return f"required in {where} from {', '.join(dates)}"
    return f"optional in {where}"


def _translation_file(ctx: Context, code: str, kind: str) -> str:
    return ctx.policy.translation_files.get(
        (code, kind), f"{ctx.policy.root.name}/translations/{code}/{kind}.yaml")


@rule("i18n.missing", translations=True)
def missing(ctx: Context) -> Iterator[Finding]:
    """Every text a page needs in a language has its translation.

    A notice and a manager guide need every required language of the jurisdictions their
    program serves; the texts they share (the organisation, inventory, retention, roles,
    vendors, transfers, mistakes and checklists) every language any jurisdiction requires.
    An error in a required language; a warning before its `required_from` date, and in an
    optional language for a record partly translated (one not begun is simply not published
    in that language). One problem per record and language, at its first missing text.
    Passing: `de: {languages: {required: [de]}}` and every text of `micro-coaching` in
    `translations/de/programs.yaml`.
    Failing: the same with `summary` of `micro-coaching` not translated.
    """
    if not set(organisation_needs(ctx.policy, ctx.options.today)) - {SOURCE_LANGUAGE}:
        return  # no page is published in another language: no text needs a translation
    sources = ctx.source_texts
    by_record: dict[tuple[str, str], list[SourceText]] = {}
    for text in sources.values():
        if is_source_only(text.kind, text.key):
            continue
        by_record.setdefault((text.kind, text.record), []).append(text)
    for (kind, rid), texts in by_record.items():
        for code, need in sorted(record_needs(ctx.policy, kind, rid,
                                              ctx.options.today).items()):
            done = ctx.policy.translations.get(code, {}).get(kind)
            have = done.root.get(rid, {}) if done is not None else {}
            if (need is Need.OPTIONAL and not have) or not known_language(code):
                continue  # not begun, or i18n.unknown-language says what is wrong
            lacking = [t for t in texts if t.key not in have]
            if not lacking:
                continue
            keys = ", ".join(t.key for t in lacking[:SHOWN])
            more = f" and {len(lacking) - SHOWN} more" if len(lacking) > SHOWN else ""
            yield Finding(
                f"{kind} '{rid}' has no {language_name(code)} translation of "
                f"{len(lacking)} text(s): {keys}{more} ({_why(ctx, code, need)})",
                ctx.at(lacking[0].label, *lacking[0].path),
                f"add them to {_translation_file(ctx, code, kind)} under '{rid}', each with "
                f"`source:` the fingerprint of its source text (`govportal translations "
                f"status {code}` prints them)", severity=_severity(need))


def _translated(ctx: Context) -> Iterator[tuple[str, str, str, str, object]]:
    """(language, kind, record id, key, translated text) of every translation file."""
    for code, kinds in sorted(ctx.policy.translations.items()):
        for kind, loaded in sorted(kinds.items()):
            for rid, texts in loaded.root.items():
                for key, item in texts.items():
                    yield code, kind, rid, key, item


@rule("i18n.stale", translations=True)
def stale(ctx: Context) -> Iterator[Finding]:
    """A translation was made from the source text as it reads now.

    Each translated text records the fingerprint of its source (the first 12 hex digits of
    the SHA-256 of the text, whitespace collapsed); when the source changes, the translation
    says something the source no longer says. An error in a required language, a warning
    otherwise.
    Passing: `source: 5d41402abc4b` beside a translation of the current text.
    Failing: `source:` the fingerprint of last year's wording of the same text.
    """
    for code, kind, rid, key, item in _translated(ctx):
        src = ctx.source_texts.get((kind, rid, key))
        if src is None or item.source == (now := fingerprint(src.text)):
            continue
        need = record_needs(ctx.policy, kind, rid, ctx.options.today).get(code)
        source_at = ctx.at(src.label, *src.path)
        yield Finding(
            f"the {language_name(code)} translation of {kind} '{rid}' {key} was made from "
            f"an earlier source text (fingerprint {item.source}; the source's is now {now})",
            ctx.at(_translation_file(ctx, code, kind), rid, key, "source"),
            f"bring the translation up to date with the text at {source_at}, then write "
            f"`source: {now}` (`govportal translations stamp {code} {kind} {rid} {key}`)",
            severity=_severity(need))


@rule("i18n.placeholders", translations=True)
def placeholder_mismatch(ctx: Context) -> Iterator[Finding]:
    """A translation quotes the data with the same placeholders as its source.

    `[[period:…]]`, `[[contact:…]]` and the other placeholders put the data's own values
    into a text; a translation that drops, adds or renames one says something else than the
    source (another period, another contact).
    Passing: source `Kept for [[period:engagement-logs]].`, translation
    `Aufbewahrt für [[period:engagement-logs]].`
    Failing: the translation `Aufbewahrt für 90 Tage.`
    """
    for code, kind, rid, key, item in _translated(ctx):
        src = ctx.source_texts.get((kind, rid, key))
        if src is None:
            continue
        want, got = placeholders(src.text), placeholders(item.text)
        if want != got:
            yield Finding(
                f"the {language_name(code)} translation of {kind} '{rid}' {key} has the "
                f"placeholders {', '.join(got) or 'none'} where the source has "
                f"{', '.join(want) or 'none'}",
                ctx.at(_translation_file(ctx, code, kind), rid, key, "text"),
                "keep every placeholder of the source exactly as it is written there: the "
                "build fills in the data's value in the reader's language")


def _not_loaded(ctx: Context, kind: str, rid: str) -> bool:
    """Whether the source of a record is a data file that did not load."""
    if kind == "programs":
        return rid in ctx.policy.unloaded.get("program", {})
    attr = "organisation" if kind == "organisation" else LIST_KINDS[kind][0]
    return attr not in ctx.policy.files  # set for each file that loaded


@rule("i18n.unknown-text", translations=True)
def unknown_text(ctx: Context) -> Iterator[Finding]:
    """A translation translates a text the data holds.

    Its key is the record's id and the text's path in it; a key that names nothing is a
    typo or a text that was removed from the data.
    Passing: `micro-coaching: {summary: …}` in `translations/de/programs.yaml`.
    Failing: `micro-coaching: {sumary: …}`.
    """
    if not ctx.policy.translations:
        return  # no translation file: nothing that could name an unknown text
    sources = ctx.source_texts
    keys: dict[tuple[str, str], list[str]] = {}
    for kind, rid, key in sources:
        keys.setdefault((kind, rid), []).append(key)
    records: dict[str, list[str]] = {}
    for kind, rid, _ in sources:
        records.setdefault(kind, []).append(rid)
    for code, kind, rid, key, _item in _translated(ctx):
        if (kind, rid, key) in sources or _not_loaded(ctx, kind, rid):
            continue  # a file that did not load is reported by its own problems
        known = keys.get((kind, rid))
        if known is None:
            what, hint = (f"{kind} '{rid}'",
                          did_you_mean(rid, records.get(kind, [])) or
                          f"translate a record of {kind} by its id")
            at = ctx.at(_translation_file(ctx, code, kind), rid, key=True)
        else:
            what, hint = (f"{kind} '{rid}' {key}", did_you_mean(key, known) or
                          "remove it, or name the text by its path in the record")
            at = ctx.at(_translation_file(ctx, code, kind), rid, key, key=True)
        yield Finding(f"the {language_name(code)} translation names {what}, which is no "
                      "translatable text of the data", at, hint)


@rule("i18n.unknown-language", translations=True)
def unknown_language(ctx: Context) -> Iterator[Finding]:
    """Every language a jurisdiction names is one the portal can write dates and lists in.

    Passing: `languages: {required: [de], optional: [en]}`.
    Failing: `languages: {required: [dx]}`.
    """
    org = ctx.policy.organisation
    for i, j in enumerate(org.jurisdictions if org else []):
        if j.languages is None:
            continue
        for part in ("required", "optional"):
            for k, code in enumerate(getattr(j.languages, part)):
                if code != SOURCE_LANGUAGE and not known_language(code):
                    yield Finding(
                        f"the jurisdiction '{j.id}' names the language '{code}', which is "
                        "no language Babel knows",
                        ctx.at(ctx.file_of("organisation"), "jurisdictions", i, "languages",
                               part, k),
                        "write the ISO 639-1 code of the language, e.g. de, es, fr")


@rule("i18n.portal-wording", translations=True)
def portal_wording(ctx: Context) -> Iterator[Finding]:
    """The portal's own wording is translated into every language its pages are published in.

    Headings, labels and the standard legal wording come from the portal's gettext catalogs
    (`govportal/locale/<lang>/LC_MESSAGES/messages.po`); a message without a translation, or
    one marked fuzzy, would print in English on a page in another language. An error for a
    required language, a warning for an optional one whose translation has begun or before
    `required_from`.
    Passing: every message of `messages.pot` has its `msgstr` in `de/LC_MESSAGES/messages.po`.
    Failing: `msgid "Your rights"` with `msgstr ""` while Germany requires German.
    """
    for code, need in sorted(organisation_needs(ctx.policy, ctx.options.today).items()):
        if code == SOURCE_LANGUAGE or not known_language(code) or (
                need is Need.OPTIONAL and code not in ctx.policy.translations):
            continue  # an optional language not begun is not published at all
        path, missing = untranslated(code)
        if not missing:
            continue
        label = path.relative_to(LOCALE_DIR.parent.parent).as_posix()
        if not path.is_file():
            yield Finding(
                f"the portal's own wording has no {language_name(code)} catalog "
                f"({_why(ctx, code, need)})", Location(label),
                f"run `govportal translations catalog {code}` and translate every message "
                "of the new catalog", severity=_severity(need))
            continue
        shown = ", ".join(f"'{m}'" for _, m, _ in missing[:SHOWN])
        more = f" and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
        line = next((n for _, _, n in missing if n), 0)
        yield Finding(
            f"the portal's own wording has no {language_name(code)} translation of "
            f"{len(missing)} message(s): {shown}{more} ({_why(ctx, code, need)})",
            Location(label, line, 1 if line else 0),
            "fill in each msgstr (and remove any `#, fuzzy` mark once it is checked); "
            "`govportal translations catalog` adds new messages", severity=_severity(need))
