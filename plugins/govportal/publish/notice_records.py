"""Notice records an HR system can keep: one canonical text file per (notice, language,
version), published at a permanent address, and what ``notices.json`` says of it.

**The canonical text** of a notice version is its published wording as the lock file
records it: the notice Markdown the portal generated when the version was published (the
archived text ``notices-archive/<program>/<version>.md``; for the current version, the text
built now, which the change control has just held to the lock), written

* in UTF-8 without a byte-order mark,
* with ``\\n`` line endings only (no ``\\r``),
* in Unicode normalisation form NFC,
* ending with exactly one ``\\n``.

Nothing else is changed: markup and blank lines stay, so the file is the record of what was
published, character for character. It depends on the data, the templates and the lock,
never on the clock, the theme or the engine, so two builds of one commit write the same
bytes. Its SHA-256 (lowercase hex of the file's bytes) is ``notice_hash``.

**The address** is ``notices/<program>/v<version>/<language>.txt``, beside the version's own
page (``notices/<program>/v<version>/``), which every locked version keeps for good. A
recorded correction (``govportal lock --correct``) replaces the file at that address; the
record lists each hash the correction replaced (``corrections[].replaces``), so a hash an HR
system kept from before the correction still finds its version.

Every record is keyed by (notice, language, version). The language comes from one place,
the notice page's language (:func:`~govportal.pages.page.page_language`): ``en`` for the
default language's versions, and each other language's code for the versions the lock
recorded in it (``notices-archive/<program>/<version>.<lang>.md``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..changes.control import changelog_entry
from ..changes.fingerprint import normalise, version_key
from ..changes.history import History, version_uri
from ..data import model as m
from ..data.policy import Policy
from ..pages.page import Page, notice_text_uri, notice_uri, page_language


def canonical_text(markdown: str) -> str:
    """The canonical form of a notice's published text (see the module's docstring)."""
    text = unicodedata.normalize("NFC", normalise(markdown).removeprefix("\ufeff"))
    return text.rstrip("\n") + "\n"


def notice_hash(canonical: str) -> str:
    """SHA-256 of the canonical text's UTF-8 bytes, lowercase hex."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def text_uri(pid: str, version: str, language: str) -> str:
    """Where the canonical text of one notice version in one language is published."""
    return notice_text_uri(pid, version, language)


def site_address(path: str, site_url: str = "") -> str:
    """A site path as ``notices.json`` writes it: absolute under ``site_url`` when set."""
    return (site_url.rstrip("/") + "/" + path) if site_url else path


def page_address(src_uri: str, site_url: str = "") -> str:
    """The address of a generated page (``notices/x/v1.2.md`` → ``notices/x/v1.2/``)."""
    return site_address(src_uri.removesuffix(".md") + "/", site_url)


@dataclass
class NoticeRecord:
    """One published (notice, language, version)."""

    notice_id: str
    title: str
    version: str
    language: str
    effective: dt.date
    text: str  # canonical
    status: str  # "current", "superseded" or "retired"
    until: dt.date | None = None
    supersedes: NoticeRecord | None = None
    chain: str | None = None
    lock_sha256: str | None = None
    material: bool | None = None
    corrections: list[dict[str, str]] = field(default_factory=list)
    # The page the record is read on; None: the version's page in the default language.
    page_uri: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.notice_id, self.language, self.version)

    @property
    def hash(self) -> str:
        return notice_hash(self.text)

    @property
    def path(self) -> str:
        return text_uri(self.notice_id, self.version, self.language)


def notice_records(policy: Policy, pages: dict[str, Page],
                   history: History | None = None) -> list[NoticeRecord]:
    """Every (notice, language, version) the site publishes, by notice id, then version
    (oldest first). Without a history (no lock read), only each current version."""
    out: list[NoticeRecord] = []
    pids = sorted(set(policy.programs) | (set(history.lock.notices) if history else set()))
    for pid in pids:
        program = policy.programs.get(pid)
        current = pages.get(notice_uri(pid)) if program else None
        language = page_language(current.meta if current else {})
        versions = history.versions(pid)[::-1] if history else []
        records: list[NoticeRecord] = []
        for item in versions:
            if item.current and current is not None:
                text = current.markdown
            else:
                text = history.archive.read(pid, item.version) if history else None
            if text is None:
                continue
            entry = history.lock.entry(pid, item.version) if history else None
            status = ("current" if item.current else "retired" if program is None
                      else "superseded")
            records.append(NoticeRecord(
                pid, history.title(pid) if history else pid, item.version, language,
                item.effective, canonical_text(text), status, until=item.until,
                supersedes=records[-1] if records else None,
                chain=entry.chain if entry else None,
                lock_sha256=entry.sha256 if entry else None,
                material=item.material if item.entry else None,
                corrections=[{"date": c.date.isoformat(), "replaces": c.replaces}
                             for c in item.corrections]))
        if program is not None and current is not None and not any(
                r.status == "current" for r in records):
            # not locked (a check without the lock): the version built now
            records = [r for r in records
                       if version_key(r.version) < version_key(program.notice.version)]
            found = changelog_entry(program, program.notice.version)
            records.append(NoticeRecord(
                pid, program.title, program.notice.version, language,
                program.notice.effective, canonical_text(current.markdown), "current",
                supersedes=records[-1] if records else None,
                material=found[1].material if found else None))
        out.extend(records)
        if program is not None:
            out.extend(_translations(policy, pages, program, records, history))
    return out


def _translations(policy: Policy, pages: dict[str, Page], program: m.Program,
                  records: list[NoticeRecord], history: History | None) -> list[NoticeRecord]:
    """Every version of a notice in each other language: those the lock recorded in that
    language (each read on its own page, ``<lang>/notices/<program>/v<version>/``), and the
    current version built now when it is not locked yet (a check without the lock)."""
    current = next((r for r in records if r.status == "current"), None)
    codes = set(history.languages(program.id)) if history else set()
    codes |= {code for code in policy.translations
              if f"{code}/{notice_uri(program.id)}" in pages}
    out: list[NoticeRecord] = []
    for code in sorted(codes):
        page = pages.get(f"{code}/{notice_uri(program.id)}")
        mine: list[NoticeRecord] = []
        for item in history.versions(program.id, code)[::-1] if history else []:
            locked = history.lock.entry(program.id, item.version) if history else None
            text = (page.markdown if item.current and page is not None
                    else history.archive.read(program.id, item.version, code))
            if text is None or locked is None:
                continue
            mine.append(NoticeRecord(
                program.id, history.title(program.id, code), item.version, code,
                item.effective, canonical_text(text),
                "current" if item.current else "superseded", until=item.until,
                supersedes=mine[-1] if mine else None, chain=locked.chain,
                lock_sha256=locked.translations[code].sha256,
                material=item.material if item.entry else None,
                corrections=[{"date": c.date.isoformat(), "replaces": c.replaces}
                             for c in item.corrections],
                page_uri=version_uri(program.id, item.version, code)))
        if page is not None and current is not None and not any(
                r.status == "current" for r in mine):
            mine = [r for r in mine if version_key(r.version) < version_key(current.version)]
            mine.append(NoticeRecord(
                program.id, page.title, current.version, code, current.effective,
                canonical_text(page.markdown), "current",
                supersedes=mine[-1] if mine else None, material=current.material,
                page_uri=page.src_uri))
        out.extend(mine)
    return out


# What each field of the Kantara Initiative's draft Notice Record is called in a record of
# notices.json (the draft's field names are not final; see the README, "Notice records").
KANTARA_FIELDS: dict[str, str] = {
    "notice id": "notice_id",
    "version id": "version",
    "notice URL": "url",
    "notice hash": "notice_hash",
    "published at": "effective",
    "supersedes": "supersedes.version",
    "language": "language",
}

KANTARA_MAPPING: dict[str, Any] = {
    "specification": "Kantara Initiative, Advanced Notice and Consent Receipt (ANCR) work "
                     "group: Notice Record (a working-group draft, not a final "
                     "specification)",
    "status": "draft; field names mapped by meaning, not checked against a final text",
    "sources": [
        "https://kantarainitiative.org/confluence/display/WA/Charter",
        "https://kantara.atlassian.net/wiki/pages/diffpages.action?originalId=46006287"
        "&pageId=45711398",
    ],
    "fields": KANTARA_FIELDS,
    "notes": {
        "notice hash": "SHA-256 of the file at text_url, lowercase hex (in "
                       "kantara_notice_record: prefixed 'sha256:')",
        "published at": "the date the version took effect; the portal records no time of "
                        "day",
    },
}


def kantara_record(record: NoticeRecord, site_url: str = "") -> dict[str, Any]:
    """The record's Notice Record fields, under the draft's names."""
    return {
        "notice_id": record.notice_id,
        "version_id": record.version,
        "notice_url": page_address(record.page_uri or version_uri(record.notice_id,
                                                                  record.version), site_url),
        "notice_hash": "sha256:" + record.hash,
        "published_at": record.effective.isoformat(),
        "supersedes": record.supersedes.version if record.supersedes else None,
        "language": record.language,
    }


def record_entry(record: NoticeRecord, site_url: str = "") -> dict[str, Any]:
    """One record as ``notices.json`` lists it."""
    before = record.supersedes
    return {
        "notice_id": record.notice_id,
        "title": record.title,
        "version": record.version,
        "language": record.language,
        "status": record.status,
        "effective": record.effective.isoformat(),
        "until": record.until.isoformat() if record.until else None,
        "url": page_address(record.page_uri or version_uri(record.notice_id, record.version),
                            site_url),
        "text_url": site_address(record.path, site_url),
        "notice_hash": record.hash,
        "supersedes": {"version": before.version, "notice_hash": before.hash}
        if before else None,
        "material": record.material,
        "history_chain": record.chain,
        "corrections": record.corrections,
        "kantara_notice_record": kantara_record(record, site_url),
    }


def record_files(records: list[NoticeRecord]) -> dict[str, str]:
    """Site path → canonical text, for every record."""
    return {r.path: r.text for r in records}
