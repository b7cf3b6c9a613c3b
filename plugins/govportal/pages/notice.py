"""The privacy notice of one program: its sections in reading order, each rendered from
``templates/notice/<topic>.md.j2``, and the values those templates receive."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from ..data import model as m
from ..data.policy import Policy
from ..rules.decisions import topic_items
from ..text.safe_markdown import markdown_block
from .context import PageContext
from .labels import BASIS_LABELS, CLASSIFICATION_LABELS, MECHANISM_LABELS
from .page import Page, Section, notice_uri

# Notice sections in reading order: (topic id, heading). Each topic has a template
# ``notice/<topic>.md.j2``; a section whose template renders nothing is left out.
NOTICE_TOPICS: list[tuple[str, str]] = [
    ("controller", "Who is responsible for your data"),
    ("dpo", "Our data protection officer"),
    ("data-categories", "What information we use"),
    ("sources", "Where the information comes from"),
    ("purposes", "Why we use it, and on what legal basis"),
    ("legitimate-interests", "Our legitimate interests"),
    ("objection", "Your right to object"),
    ("withdraw-consent", "Your consent, and how to withdraw it"),
    ("automated-decisions", "Automated decisions and profiling"),
    ("recipients", "Who receives it"),
    ("transfers", "Transfers outside your country"),
    ("sold-or-shared", "Selling and sharing"),
    ("opt-out-link", "Opting out of selling or sharing"),
    ("retention", "How long we keep it"),
    ("obligation", "Do you have to provide it?"),
    ("rights", "Your rights"),
    ("complaint", "Complaining to a regulator"),
    ("privacy-policy", "Our full privacy policy"),
]


def _section_heading(key: str, policy: Policy) -> str:
    for req in policy.requirements.requirements:
        if req.section == key:
            return req.title
    return key.replace("-", " ").capitalize()


def topics() -> Iterable[str]:
    return [t for t, _ in NOTICE_TOPICS]


def notice_sections(b: PageContext, program: m.Program) -> list[Section]:
    """Every section of a notice, in reading order, each with its body rendered."""
    items = topic_items(b.policy, program)
    ctx = notice_context(b, program)
    sections = []
    for topic, heading in NOTICE_TOPICS:
        body = b.render(f"notice/{topic}.md.j2", **ctx).strip()
        if body:  # rendered Markdown: printed as it is (see render._finalize)
            sections.append(Section(topic, heading, Markup(body), items.get(topic, [])))
    for key, text in program.notice.sections.items():
        topic = f"section:{key}"
        heading = _section_heading(key, b.policy)
        sections.append(Section(topic, heading, Markup(markdown_block(text)),
                                items.get(topic, [])))
    return sections


def notice_context(b: PageContext, program: m.Program) -> dict[str, Any]:
    policy = b.policy
    fields = b.program_fields(program)
    by_class: dict[str, list[m.DataField]] = defaultdict(list)
    for f in fields:
        by_class[CLASSIFICATION_LABELS[f.classification]].append(f)
    jurisdictions = b.policy.jurisdictions_of(program)
    names = {j.id: j.name for j in jurisdictions}
    purposes = []
    for purpose in program.purposes:
        grouped: dict[str, list[str]] = defaultdict(list)
        for jid, basis in purpose.lawful_basis.items():
            grouped[BASIS_LABELS[basis]].append(names.get(jid, jid))
        purposes.append({"purpose": purpose, "bases": dict(grouped)})
    transfers = [policy.transfers_by_id[t] for t in program.transfers
                 if t in policy.transfers_by_id]
    bases = {b for p in program.purposes for b in p.lawful_basis.values()}
    return {
        "program": program,
        "fields": fields,
        "by_class": dict(by_class),
        "sensitive": [f for f in fields if f.sensitive],
        "jurisdictions": jurisdictions,
        "authorities": [j for j in jurisdictions if j.supervisory_authority],
        "purposes": purposes,
        "li_purposes": [p for p in program.purposes if p.legitimate_interest],
        "uses_li": m.LawfulBasis.LEGITIMATE_INTERESTS in bases,
        "objectable": bases & {m.LawfulBasis.LEGITIMATE_INTERESTS,
                               m.LawfulBasis.PUBLIC_TASK},
        "uses_consent": m.LawfulBasis.CONSENT in bases or program.consent is not None,
        "recipients": program.recipients,
        "transfers": transfers,
        "vendors": policy.vendors_by_id,
        "mechanisms": MECHANISM_LABELS,
        "rules": policy.program_rules(program),
        "sells": program.sells_or_shares or policy.organisation.sells_or_shares,
        "regimes": {r for j in jurisdictions for r in j.regimes},
    }


def notice(b: PageContext, program: m.Program) -> Page:
    sections = notice_sections(b, program)
    ctx = notice_context(b, program)
    md = b.render("notice.md.j2", sections=sections, **ctx)
    meta = {
        "govportal": "notice",
        "notice_version": program.notice.version,
        "notice_effective": program.notice.effective.isoformat(),
        "notice_owner": program.owner.name,
        "notice_next_review": program.next_review.isoformat(),
        "program_id": program.id,
    }
    return Page(notice_uri(program.id), f"Privacy notice: {program.title}", md,
                "employees", meta)
