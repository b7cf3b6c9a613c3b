"""Machine-readable files published with the site.

* ``notices.json``: every notice and every (notice, language, version) published, each
  with the SHA-256 of its canonical text file (:mod:`.notice_records`), so an HR system
  can record acknowledgement against the exact text an employee saw, and check it later;
* ``notices/<id>/v<version>/<language>.txt``: those canonical texts;
* ``retention.json`` and ``retention.csv``: the retention schedule;
* ``ropa.csv``: a record of processing activities with the GDPR Article 30(1) fields;
* ``notices.atom``: an Atom feed of notice changes.

Everything is derived from the data and the rendered notice text, never from the clock, so
two builds of the same commit give the same bytes.

Every text in them is plain text (:func:`~govportal.text.safe_markdown.export_text`): no
markup, and no entity that decodes into a tag, so a system that shows a title as HTML shows
text. CSV cells that a spreadsheet would read as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return, also after spaces) are prefixed with ``'`` and
every cell is quoted, as the OWASP guidance on CSV injection asks.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from xml.sax.saxutils import escape

from ..changes.fingerprint import fingerprint
from ..data import model as m
from ..data.placeholders import kept_for, period_text
from ..data.policy import Policy
from ..data.translatable import translated_policy
from ..pages.page import Page, notice_uri, page_language
from ..pages.registers import coverage_rows, rule_programs
from ..text.safe_markdown import export_text, plain
from .notice_records import (
    KANTARA_MAPPING,
    NoticeRecord,
    notice_records,
    page_address,
    record_entry,
    record_files,
)


def content_hash(markdown: str) -> str:
    """The fingerprint of a notice's published wording: the one the lock file records."""
    return "sha256:" + fingerprint(markdown)


def notice_url(pid: str, site_url: str = "") -> str:
    path = notice_uri(pid).removesuffix(".md") + "/"
    return (site_url.rstrip("/") + "/" + path) if site_url else path


def plain_values(value: Any) -> Any:
    """``value`` with every text in it made plain text for export (numbers, booleans and
    None as they are)."""
    if isinstance(value, str):
        return export_text(value)
    if isinstance(value, dict):
        return {k: plain_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_values(v) for v in value]
    return value


def _notice_entry(program: m.Program, page: Page, record: NoticeRecord, site_url: str,
                  current_url: str, chain: str | None) -> dict:
    """One notice in one language, as ``notices.json`` lists it."""
    entry = record_entry(record, site_url)
    return {
        "id": program.id,
        "title": program.title,
        "version": program.notice.version,
        "language": record.language,
        "effective": program.notice.effective.isoformat(),
        "url": entry["url"],
        "current_url": current_url,
        "text_url": entry["text_url"],
        "notice_hash": record.hash,
        "content_hash": content_hash(page.markdown),
        "history_chain": chain,
        "status": program.status.value,
        "changelog": [
            {"version": c.version, "date": c.date.isoformat(), "material": c.material,
             "summary": plain(c.summary)}
            for c in program.notice.changelog
        ],
        "kantara_notice_record": entry["kantara_notice_record"],
    }


def notices_json(policy: Policy, pages: dict[str, Page], site_url: str = "",
                 chains: dict[str, str] | None = None,
                 records: list[NoticeRecord] | None = None) -> str:
    """Every notice, one entry per language it is published in (the default language's
    first; each translation with its own page's text, title and changelog in its language;
    each with the lock's hash chain, which covers every language), and every record: one
    (notice, language, version), current and earlier, with the hash of its canonical text
    file."""
    records = records if records is not None else notice_records(policy, pages)
    current = {(r.notice_id, r.language): r for r in records if r.status == "current"}
    notices = []
    translated: dict[str, Policy] = {}
    for pid, program in policy.programs.items():
        page = pages[notice_uri(pid)]
        record = current[(pid, page_language(page.meta))]
        notices.append(_notice_entry(program, page, record, site_url,
                                     notice_url(pid, site_url), (chains or {}).get(pid)))
        for code in sorted(policy.translations):
            page = pages.get(f"{code}/{notice_uri(pid)}")
            record = current.get((pid, code))
            if page is None or record is None:
                continue
            if code not in translated:
                translated[code] = translated_policy(policy, code)
            notices.append(_notice_entry(translated[code].programs[pid], page, record,
                                         site_url, page_address(page.src_uri, site_url),
                                         record.chain))
    document = {
        "notices": plain_values(notices),
        "records": plain_values([record_entry(r, site_url) for r in records]),
        "kantara_field_mapping": KANTARA_MAPPING,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


RETENTION_COLUMNS = ["id", "record_type", "kind", "period", "period_days", "trigger",
                     "disposal", "automated", "anonymised", "fields", "programs",
                     "justification", "legal_hold", "owner", "next_review"]


def _retention_rows(policy: Policy) -> list[dict[str, object]]:
    rows = []
    for r in policy.retention.rules:
        rows.append({
            "id": r.id, "record_type": r.record_type, "kind": r.kind.value,
            "period": kept_for(r), "period_days": r.days,
            "trigger": r.trigger, "disposal": r.disposal.value, "automated": r.automated,
            "anonymised": r.anonymised, "fields": list(r.fields),
            "programs": rule_programs(policy, r),
            "justification": plain(r.justification), "legal_hold": plain(r.legal_hold),
            "owner": r.owner.name, "next_review": r.next_review.isoformat(),
        })
    return rows


def retention_json(policy: Policy) -> str:
    return json.dumps({"rules": plain_values(_retention_rows(policy))}, indent=2,
                      ensure_ascii=False) + "\n"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """One CSV cell: plain text, lists joined with "; ", booleans as true/false, and a
    text a spreadsheet would run as a formula made inert with a leading ``'``."""
    if isinstance(value, list):
        value = "; ".join(export_text(str(v)) for v in value)
    elif value is True or value is False:
        value = "true" if value else "false"
    elif not isinstance(value, int | float):
        value = export_text(str(value)) if value is not None else ""
    text = str(value)
    if isinstance(value, str) and text.lstrip(" ").startswith(FORMULA_STARTS):
        text = "'" + text
    return text


def _csv(columns: list[str], rows: list[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n",
                            quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    return out.getvalue()


def retention_csv(policy: Policy) -> str:
    return _csv(RETENTION_COLUMNS, _retention_rows(policy))


ROPA_COLUMNS = [
    "processing_activity", "controller", "controller_contact", "dpo",
    "purposes", "data_subject_categories", "personal_data_categories",
    "recipient_categories", "third_country_transfers", "erasure_time_limits",
    "security_measures",
]


def ropa_csv(policy: Policy) -> str:
    """One row per program with the GDPR Article 30(1)(a)–(g) fields."""
    org = policy.organisation
    fields = policy.fields_by_id
    transfers = policy.transfers_by_id
    gate = {i.id: i for c in policy.checklists.checklists if c.launch_gate for i in c.items}
    dpo = org.dpo if isinstance(org.dpo, m.Contact) else None
    rows = []
    for program in policy.programs.values():
        rules = policy.program_rules(program)
        rows.append({
            "processing_activity": program.title,
            "controller": org.legal_name,
            "controller_contact": f"{org.privacy_contact.name} ({org.privacy_contact.email})"
            if org.privacy_contact.email else org.privacy_contact.name,
            "dpo": (f"{dpo.name} ({dpo.email})" if dpo and dpo.email else
                    dpo.name if dpo else ""),
            "purposes": [plain(p.description) for p in program.purposes],
            "data_subject_categories": [ds.group for ds in program.data_subjects],
            "personal_data_categories": sorted(
                {fields[f].classification.value for f in program.fields if f in fields}),
            "recipient_categories": [f"{r.name} ({r.kind.value})"
                                     for r in program.recipient_list],
            "third_country_transfers": [
                f"{transfers[t].destination} ("
                f"{transfers[t].mechanism.value if transfers[t].mechanism else 'unstated'})"
                for t in program.transfer_ids if t in transfers],
            "erasure_time_limits": [f"{r.record_type}: {period_text(r)}" for r in rules],
            "security_measures": [plain(gate[a.item].text) for a in program.launch_readiness
                                  if a.answer is m.Answer.MET and a.item in gate],
        })
    return _csv(ROPA_COLUMNS, rows)


def notices_atom(policy: Policy, site_url: str = "", site_name: str = "") -> str:
    """An Atom feed with one entry per notice version, newest first."""
    org = policy.organisation
    domain = (site_url.split("//", 1)[-1].split("/", 1)[0] if site_url else "") or (
        org.privacy_contact.email.split("@", 1)[1] if org.privacy_contact.email else "portal")
    base = site_url.rstrip("/") + "/" if site_url else ""
    entries = []
    for pid, program in policy.programs.items():
        for change in program.notice.changelog:
            entries.append((change.date, pid, program, change))
    entries.sort(key=lambda e: (e[0], e[1], e[3].version), reverse=True)
    updated = entries[0][0].isoformat() if entries else "1970-01-01"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"  <title>{escape(export_text(site_name or org.name))}: privacy notice changes</title>",
           f"  <id>tag:{escape(domain)},2000:notices</id>",
           f"  <updated>{updated}T00:00:00Z</updated>",
           f"  <author><name>{escape(export_text(org.privacy_contact.name))}</name></author>",
           f'  <link rel="self" href="{escape(base)}notices.atom"/>']
    for date, pid, program, change in entries:
        material = " (material change)" if change.material else ""
        out += [
            "  <entry>",
            f"    <title>{escape(export_text(program.title))}: version {escape(change.version)}"
            f"{material}</title>",
            f"    <id>tag:{escape(domain)},{date.isoformat()}:notice/{pid}/"
            f"{escape(change.version)}</id>",
            f"    <updated>{date.isoformat()}T00:00:00Z</updated>",
            f'    <link href="{escape(notice_url(pid, site_url))}"/>',
            f"    <summary>{escape(export_text(change.summary))}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def coverage_json(policy: Policy) -> str:
    """Notices × requirements, one row per line: it grows with every program times every
    requirement, so it is written with the fast (compact) JSON encoder, row by row."""
    rows = ",\n".join(json.dumps(plain_values(row), ensure_ascii=False)
                       for row in coverage_rows(policy))
    return '{"coverage": [\n' + rows + "\n]}\n"


def all_exports(policy: Policy, pages: dict[str, Page], site_url: str = "",
                site_name: str = "", chains: dict[str, str] | None = None,
                records: list[NoticeRecord] | None = None,
                coverage: str | None = None) -> dict[str, str]:
    """Every machine-readable file: site path → content. ``chains``: program id → the hash
    chain of its current notice version in the lock file; ``records``: every published
    (notice, language, version) (without: each notice's current version), whose canonical
    texts are published too; ``coverage``: ``coverage.json`` as the build made it (without:
    made here)."""
    records = records if records is not None else notice_records(policy, pages)
    return {
        "notices.json": notices_json(policy, pages, site_url, chains, records),
        "retention.json": retention_json(policy),
        "retention.csv": retention_csv(policy),
        "ropa.csv": ropa_csv(policy),
        "notices.atom": notices_atom(policy, site_url, site_name),
        "coverage.json": coverage_json(policy) if coverage is None else coverage,
        **record_files(records),
    }
