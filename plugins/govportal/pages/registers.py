"""The registers and references for policy owners and auditors: retention schedule, vendor
and transfer register, data inventory, incident playbook, disclosure coverage and catalog,
notice readability, and the internal edition's assessments."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..data import model as m
from ..data.placeholders import fill_placeholders
from ..data.policy import Policy
from ..data.translatable import translated_policy
from ..rules.catalog import (
    breach_timelines_for,
    load_authorities,
    load_breach_timelines,
    load_catalog,
    load_measured,
    load_wording,
)
from ..rules.decisions import decide
from ..rules.families.content import notice_prose
from ..text.readability import FORMULAS, measure
from ..text.safe_markdown import plain
from .context import PageContext
from .labels import (
    DISPOSAL_LABELS,
    INCIDENT_LEVEL_LABELS,
    MECHANISM_SHORT,
    RECORD_KIND_LABELS,
    REGIME_LABELS,
    REGISTER_CLASSIFICATION_LABELS,
    VENDOR_ROLE_LABELS,
    VIEW_KIND_LABELS,
)
from .page import (
    ASSESSMENTS,
    CATALOG,
    COVERAGE,
    INCIDENTS,
    INVENTORY,
    QUALITY,
    RETENTION,
    VENDORS,
    Page,
    notice_uri,
)


def rule_programs(policy: Policy, rule: m.RetentionRule) -> list[str]:
    """The ids of the programs a retention rule serves: its own list, else every program
    that collects one of its fields (empty: a rule of no program's fields, such as
    anonymised statistics, which serves them all)."""
    return list(rule.programs) or sorted(
        pid for pid, p in policy.programs.items() if set(p.fields) & set(rule.fields))


def retention(b: PageContext) -> Page:
    policy = b.policy
    rows = [{"rule": r, "programs": [policy.programs[pid] for pid in rule_programs(policy, r)
                                     if pid in policy.programs]}
            for r in policy.retention.rules]
    return Page(RETENTION, "Retention schedule", b.render(
        "retention.md.j2", rows=rows, fields=policy.fields_by_id, kinds=RECORD_KIND_LABELS,
        disposals=DISPOSAL_LABELS), "owners")


def incident_response(b: PageContext) -> Page:
    where: dict[str, list[str]] = defaultdict(list)
    for j in b.policy.organisation.jurisdictions:
        for regime in j.regimes:
            where[regime.value].append(j.name)
    return Page(INCIDENTS, "Incident response playbook", b.render(
        "incident-response.md.j2", playbook=b.policy.playbook,
        timelines=breach_timelines(b), levels=INCIDENT_LEVEL_LABELS,
        regimes={r.value: label for r, label in REGIME_LABELS.items()}, where=where), "owners")


def breach_timelines(b: PageContext) -> list[Any]:
    """Notification timelines for the regimes the organisation operates in, from the
    catalog (never typed into the data)."""
    regimes = {r.value for j in b.policy.organisation.jurisdictions for r in j.regimes}
    return breach_timelines_for(regimes)


def vendors(b: PageContext) -> Page:
    policy = b.policy
    used_by: dict[str, list[m.Program]] = defaultdict(list)
    for program in policy.programs.values():
        for tid in dict.fromkeys(program.transfers):
            used_by[tid].append(program)
    served: dict[str, list[m.Program]] = defaultdict(list)
    for program in policy.programs.values():
        for vid in dict.fromkeys(r.vendor for r in program.recipients if r.vendor):
            served[vid].append(program)
    return Page(VENDORS, "Vendor and transfer register", b.render(
        "vendors.md.j2", vendors=policy.vendors.vendors, transfers=policy.transfers.transfers,
        mechanisms=MECHANISM_SHORT, roles=VENDOR_ROLE_LABELS, used_by=used_by, served=served,
        vendor_names={v.id: v.name for v in policy.vendors.vendors},
        jurisdictions=policy.jurisdictions_by_id), "owners/Registers")


def inventory(b: PageContext) -> Page:
    collected_by: dict[str, list[m.Program]] = defaultdict(list)
    for program in b.policy.programs.values():  # once per program, not per field
        for f in dict.fromkeys(program.fields):
            collected_by[f].append(program)
    return Page(INVENTORY, "Data inventory and role views", b.render(
        "inventory.md.j2", fields=b.policy.inventory.fields,
        roles=b.policy.roles, labels=REGISTER_CLASSIFICATION_LABELS,
        views=b.policy.views_by_id, role_names={r.id: r.name for r in b.policy.roles.roles},
        kinds=VIEW_KIND_LABELS, programs=b.policy.programs, collected_by=collected_by),
        "owners/Registers")


def coverage(b: PageContext) -> Page:
    rows = coverage_rows(b.policy)
    by_item: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in rows:
        by_item[row["item"]][row["notice"]] = row
    firsts = {item: next(iter(cells.values())) for item, cells in by_item.items()}
    regimes = {c.id: c.name for c in load_catalog().regimes}
    regimes["organisation"] = "the organisation's own requirement"
    return Page(COVERAGE, "Disclosure coverage", b.render(
        "coverage.md.j2", programs=b.policy.programs, by_item=dict(by_item),
        firsts=firsts, rows=rows, wording=b.wording_used, regimes=regimes),
        "owners/Registers")


def coverage_rows(policy: Policy) -> list[dict[str, Any]]:
    """Notices × requirements: status, reason, citation and where the section is."""
    rows = []
    for pid, program in policy.programs.items():
        for d in decide(policy, program):
            req = d.requirement
            rows.append({
                "notice": pid, "item": req.id, "regime": req.regime, "citation": req.citation,
                "title": req.title, "status": d.status.value, "reason": d.reason,
                "verification": req.verification, "verified": req.verified,
                "section": (notice_uri(pid).removesuffix(".md") + "/#"
                            + req.topic.replace(":", "-")) if d.status.value == "applicable"
                else None,
                "anchor": req.topic.replace(":", "-"),
            })
    return rows

def catalog(b: PageContext) -> Page:
    return Page(CATALOG, "Disclosure catalog", b.render(
        "catalog.md.j2", catalog=load_catalog(), timelines=load_breach_timelines(),
        authorities=load_authorities(), measured=load_measured(),
        wording=[(w, fill_placeholders(w.text, b.policy)) for w in load_wording().wording],
        requirements=b.policy.requirements.requirements), "owners/Registers")


def quality(b: PageContext) -> Page:
    """Plain-language figures of each notice, for policy owners."""
    rows = []
    for program in b.policy.programs.values():
        score = measure(notice_prose(program))
        first = measure(plain(program.notice.first_layer.summary) + "\n\n" + "\n\n".join(
            plain(s) for s in program.notice.first_layer.surprises))
        rows.append({"program": program, "score": score, "first": first})
    translated = []  # each notice in the other languages it is translated into
    for code in sorted(c for c in b.policy.translations if c in FORMULAS):
        german = translated_policy(b.policy, code)
        for pid, program in german.programs.items():
            if program.notice.first_layer.summary != \
                    b.policy.programs[pid].notice.first_layer.summary:
                translated.append({"program": program, "language": code,
                                   "score": measure(notice_prose(program), code)})
    return Page(QUALITY, "Notice readability", b.render(
        "quality.md.j2", rows=rows, threshold=b.threshold, translated=translated),
        "owners/Registers")


def assessments(b: PageContext) -> Page:
    """Internal edition only: each program's DPIA and launch evidence."""
    return Page(ASSESSMENTS, "Assessments (internal)", b.render(
        "assessments.md.j2", programs=list(b.policy.programs.values()),
        checklists=b.policy.checklists.checklists), "owners/Registers",
        {"govportal": "assessments", "edition": "internal"})
