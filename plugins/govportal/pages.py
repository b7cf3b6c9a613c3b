"""From policy data to the portal's pages: what each page shows, computed in Python.

Each builder returns :class:`Page` values (a path, a title, Markdown and page metadata);
the Markdown comes from a template, and the templates receive ready-made values so they
stay simple to override. Nothing here writes to disk or imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import Markup

from . import model as m
from .loader import Policy
from .safety import markdown_block

BASIS_LABELS = {
    m.LawfulBasis.CONSENT: "your consent",
    m.LawfulBasis.CONTRACT: "our employment contract with you",
    m.LawfulBasis.LEGAL_OBLIGATION: "a legal obligation we have",
    m.LawfulBasis.VITAL_INTERESTS: "protecting someone's vital interests",
    m.LawfulBasis.PUBLIC_TASK: "a task in the public interest",
    m.LawfulBasis.LEGITIMATE_INTERESTS: "our legitimate interests",
}
MECHANISM_LABELS = {
    m.Mechanism.ADEQUACY: "an adequacy decision (the destination's law is recognised as "
                          "protecting personal data to the same standard)",
    m.Mechanism.SCC: "standard contractual clauses",
    m.Mechanism.BCR: "binding corporate rules",
    m.Mechanism.DEROGATION: "a specific exception (derogation) in the law",
}
CLASSIFICATION_LABELS = {
    m.Classification.IDENTIFIER: "Identifiers",
    m.Classification.CONTACT: "Contact details",
    m.Classification.EMPLOYMENT: "Employment details",
    m.Classification.LEARNING_RECORD: "Learning records",
    m.Classification.ASSESSMENT: "Assessment results",
    m.Classification.PERFORMANCE: "Performance-related information",
    m.Classification.BEHAVIOURAL_METADATA: "Usage and engagement information",
    m.Classification.DEVICE_TELEMETRY: "Device and app information",
    m.Classification.CONTENT: "Content you write",
    m.Classification.CONSENT_RECORD: "Your consent choices",
    m.Classification.AUDIT_LOG: "Access records",
    m.Classification.SPECIAL_CATEGORY: "Sensitive information",
}

# Where every page lives. Generated pages never collide with each other by construction;
# the plugin also refuses any collision with a hand-written page.
HOME = "index.md"
NOTICES = "notices/index.md"
GUIDES = "guides/index.md"
RETENTION = "retention.md"
CLAUSES = "clauses.md"
CHECKLISTS = "checklists/index.md"
INCIDENTS = "incident-response.md"
VENDORS = "registers/vendors.md"
INVENTORY = "registers/data-inventory.md"


def notice_uri(pid: str) -> str:
    return f"notices/{pid}.md"


def guide_uri(pid: str) -> str:
    return f"guides/{pid}.md"


def checklist_uri(cid: str) -> str:
    return f"checklists/{cid}.md"


@dataclass
class Page:
    """A generated page: where it goes, its title, its Markdown and page metadata."""

    src_uri: str
    title: str
    markdown: str
    section: str
    meta: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = True


@dataclass
class Section:
    """One notice section: a topic id, a heading, its body and the disclosures it meets."""

    topic: str
    heading: str
    body: str
    items: list[str] = field(default_factory=list)


# Hook for the disclosure gate: given (policy, program) → {topic: [item ids]}.
DisclosureMap = Callable[[Policy, m.Program], dict[str, list[str]]]


def _no_disclosures(policy: Policy, program: m.Program) -> dict[str, list[str]]:
    return {}


def period_text(rule: m.RetentionRule) -> str:
    return f"{rule.period} after {rule.trigger}"


_PLACEHOLDER = re.compile(r"\[\[([a-z_]+):([a-z0-9_.-]+)\]\]")


def fill_placeholders(text: str, policy: Policy,
                      on_unknown: Callable[[str], None] | None = None) -> str:
    """Replace ``[[kind:id]]`` with values from the data (never evaluated as a template)."""
    org = policy.organisation
    rules = policy.rules_by_id

    def value(match: re.Match[str]) -> str:
        kind, key = match.group(1), match.group(2)
        result: str | None = None
        if kind == "period" and key in rules:
            result = rules[key].period
        elif kind == "retention" and key in rules:
            result = period_text(rules[key])
        elif kind == "org" and org is not None and key in ("name", "legal_name"):
            result = getattr(org, key)
        elif kind == "contact" and org is not None:
            contact = {"privacy": org.privacy_contact, "dpo": org.dpo,
                       "escalation": org.escalation_contact}.get(key)
            if contact is not None:
                result = contact.name + (f" ({contact.email})" if contact.email else "")
        elif kind == "program" and key in policy.programs:
            result = policy.programs[key].title
        if result is None:
            if on_unknown:
                on_unknown(match.group(0))
            return match.group(0)
        return result

    return _PLACEHOLDER.sub(value, text)


class PageBuilder:
    """Builds every page of the portal from one loaded, valid :class:`Policy`."""

    def __init__(self, policy: Policy, env: jinja2.Environment,
                 disclosures: DisclosureMap = _no_disclosures,
                 today: dt.date | None = None, threshold: float = 50.0,
                 edition: str = "public") -> None:
        self.threshold = threshold
        self.policy = policy
        self.env = env
        self.disclosures = disclosures
        self.today = today or dt.date.today()
        self.edition = edition  # "internal" adds internal-only fields and pages

    # ------------------------------------------------------------------ helpers
    def render(self, template: str, **context: Any) -> str:
        base = {
            "org": self.policy.organisation,
            "policy": self.policy,
            "today": self.today,
            "notice_uri": notice_uri,
            "guide_uri": guide_uri,
            "checklist_uri": checklist_uri,
            "edition": self.edition,
        }
        return self.env.get_template(template).render(**base, **context)

    def program_fields(self, program: m.Program) -> list[m.DataField]:
        by_id = self.policy.fields_by_id
        return [by_id[f] for f in program.fields if f in by_id]

    # ------------------------------------------------------------------ pages
    def pages(self) -> list[Page]:
        pages = [self.home(), self.notices_index(), self.guides_index()]
        for program in self.policy.programs.values():
            pages.append(self.notice(program))
            pages.append(self.guide(program))
        pages += [self.retention(), self.clauses(), self.checklists_index()]
        pages += [self.checklist(c) for c in self.policy.checklists.checklists]
        pages += [self.incident_response(), self.vendors(), self.inventory()]
        pages += [self.coverage(), self.catalog(), self.rules_reference(), self.quality()]
        if self.edition == "internal":
            pages.append(self.assessments())
        return pages

    def assessments(self) -> Page:
        """Internal edition only: each program's DPIA and launch evidence."""
        from .editions import ASSESSMENTS

        return Page(ASSESSMENTS, "Assessments (internal)", self.render(
            "assessments.md.j2", programs=list(self.policy.programs.values()),
            checklists=self.policy.checklists.checklists), "owners/Registers",
            {"govportal": "assessments", "edition": "internal"})

    def home(self) -> Page:
        return Page(HOME, "Home", self.render(
            "home.md.j2", programs=list(self.policy.programs.values()),
            checklists=self.policy.checklists.checklists), "home")

    def notices_index(self) -> Page:
        return Page(NOTICES, "Privacy notices", self.render(
            "notices-index.md.j2", programs=list(self.policy.programs.values())), "employees")

    def guides_index(self) -> Page:
        return Page(GUIDES, "Manager guides", self.render(
            "guides-index.md.j2", programs=list(self.policy.programs.values())), "managers")

    def notice_sections(self, program: m.Program) -> list[Section]:
        """Every section of a notice, in reading order, each with its body rendered."""
        items = self.disclosures(self.policy, program)
        ctx = self.notice_context(program)
        sections = []
        for topic, heading in NOTICE_TOPICS:
            body = self.render(f"notice/{topic}.md.j2", **ctx).strip()
            if body:  # rendered Markdown: printed as it is (see render._finalize)
                sections.append(Section(topic, heading, Markup(body), items.get(topic, [])))
        for key, text in program.notice.sections.items():
            topic = f"section:{key}"
            heading = _section_heading(key, self.policy)
            sections.append(Section(topic, heading, Markup(markdown_block(text)),
                                    items.get(topic, [])))
        return sections

    def notice_context(self, program: m.Program) -> dict[str, Any]:
        policy = self.policy
        fields = self.program_fields(program)
        by_class: dict[str, list[m.DataField]] = defaultdict(list)
        for f in fields:
            by_class[CLASSIFICATION_LABELS[f.classification]].append(f)
        jurisdictions = self.policy.jurisdictions_of(program)
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

    def notice(self, program: m.Program) -> Page:
        sections = self.notice_sections(program)
        ctx = self.notice_context(program)
        md = self.render("notice.md.j2", sections=sections, **ctx)
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

    def guide(self, program: m.Program) -> Page:
        policy = self.policy
        fields = self.program_fields(program)
        views = policy.views_by_id
        contextual = [v for v in views.values() if v.kind is m.ViewKind.CONTEXTUAL]
        audit = [v for v in views.values() if v.kind is m.ViewKind.AUDIT]
        ctx_ids = {v.id for v in contextual}
        audit_ids = {v.id for v in audit}
        visible = [f for f in fields if ctx_ids & set(f.views)]
        audit_only = [f for f in fields if audit_ids & set(f.views) and not ctx_ids & set(f.views)
                      and not (f.sensitive or f.high_risk)]
        mistakes = [policy.mistakes_by_id[x] for x in program.manager_guide.mistakes
                    if x in policy.mistakes_by_id]
        md = self.render("guide.md.j2", program=program, guide=program.manager_guide,
                         visible=visible, audit_only=audit_only, contextual=contextual,
                         audit=audit, mistakes=mistakes,
                         sensitive=[f for f in fields if f.sensitive or f.high_risk])
        meta = {"govportal": "guide", "program_id": program.id,
                "notice_owner": program.owner.name,
                "notice_next_review": program.next_review.isoformat()}
        return Page(guide_uri(program.id), f"Manager guide: {program.title}", md, "managers",
                    meta)

    def retention(self) -> Page:
        rules = self.policy.retention.rules
        fields = self.policy.fields_by_id
        return Page(RETENTION, "Retention schedule", self.render(
            "retention.md.j2", rules=rules, fields=fields), "owners")

    def clauses(self) -> Page:
        clauses = [(c, fill_placeholders(c.text, self.policy))
                   for c in self.policy.clauses.clauses]
        return Page(CLAUSES, "Sample policy language", self.render(
            "clauses.md.j2", clauses=clauses), "owners", {"govportal": "clauses"})

    def checklists_index(self) -> Page:
        return Page(CHECKLISTS, "Checklists", self.render(
            "checklists-index.md.j2", checklists=self.policy.checklists.checklists),
            "owners/Checklists")

    def checklist(self, checklist: m.Checklist) -> Page:
        answers: dict[str, dict[str, m.LaunchAnswer]] = {}
        if checklist.launch_gate:
            for program in self.policy.programs.values():
                answers[program.id] = {a.item: a for a in program.launch_readiness}
        return Page(checklist_uri(checklist.id), checklist.title, self.render(
            "checklist.md.j2", checklist=checklist, answers=answers,
            programs=self.policy.programs),
            "managers" if "manager" in checklist.audience.lower() else "owners/Checklists",
            {"govportal": "checklist", "notice_owner": checklist.owner.name,
             "notice_next_review": checklist.next_review.isoformat()})

    def incident_response(self) -> Page:
        return Page(INCIDENTS, "Incident response playbook", self.render(
            "incident-response.md.j2", playbook=self.policy.playbook,
            timelines=self.breach_timelines()), "owners")

    def breach_timelines(self) -> list[Any]:
        """Notification timelines for the regimes the organisation operates in, from the
        catalog (never typed into the data)."""
        from .disclosures import breach_timelines_for

        regimes = {r.value for j in self.policy.organisation.jurisdictions for r in j.regimes}
        return breach_timelines_for(regimes)

    def vendors(self) -> Page:
        return Page(VENDORS, "Vendor and transfer register", self.render(
            "vendors.md.j2", vendors=self.policy.vendors.vendors,
            transfers=self.policy.transfers.transfers, mechanisms=MECHANISM_LABELS,
            jurisdictions=self.policy.jurisdictions_by_id), "owners/Registers")

    def coverage(self) -> Page:
        rows = coverage_rows(self.policy)
        by_item: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        for row in rows:
            by_item[row["item"]][row["notice"]] = row
        firsts = {item: next(iter(cells.values())) for item, cells in by_item.items()}
        return Page(COVERAGE, "Disclosure coverage", self.render(
            "coverage.md.j2", programs=self.policy.programs, by_item=dict(by_item),
            firsts=firsts, rows=rows), "owners/Registers")

    def catalog(self) -> Page:
        from .disclosures import load_breach_timelines, load_catalog

        return Page(CATALOG, "Disclosure catalog", self.render(
            "catalog.md.j2", catalog=load_catalog(), timelines=load_breach_timelines(),
            requirements=self.policy.requirements.requirements), "owners/Registers")

    def rules_reference(self) -> Page:
        """Every rule the build applies, generated from the rules' own docstrings."""
        from . import changes, checks

        families: dict[str, list[dict[str, str]]] = defaultdict(list)
        for rule_id, r in sorted(checks.all_rules().items()):
            summary, _, rest = r.doc.partition("\n\n")
            families[r.family].append({"id": rule_id, "severity": r.severity.value,
                                       "summary": summary.replace("\n", " "),
                                       "detail": rest})
        for rule_id, text in sorted(changes.RULES.items()):
            families["change control"].append({"id": rule_id, "severity": "error",
                                               "summary": text, "detail": ""})
        return Page(RULES, "Rules reference", self.render(
            "rules.md.j2", families=dict(families)), "owners/Registers")

    def quality(self) -> Page:
        """Plain-language figures of each notice, for policy owners."""
        from .checks.content import notice_prose
        from .readability import measure
        from .safety import plain

        rows = []
        for program in self.policy.programs.values():
            score = measure(notice_prose(program))
            first = measure(plain(program.notice.first_layer.summary) + "\n\n" + "\n\n".join(
                plain(s) for s in program.notice.first_layer.surprises))
            rows.append({"program": program, "score": score, "first": first})
        return Page(QUALITY, "Notice readability", self.render(
            "quality.md.j2", rows=rows, threshold=self.threshold), "owners/Registers")

    def inventory(self) -> Page:
        return Page(INVENTORY, "Data inventory and role views", self.render(
            "inventory.md.j2", fields=self.policy.inventory.fields,
            roles=self.policy.roles, labels=CLASSIFICATION_LABELS,
            programs=self.policy.programs), "owners/Registers")


COVERAGE = "registers/disclosure-coverage.md"
RULES = "registers/rules.md"
QUALITY = "registers/notice-readability.md"
CATALOG = "registers/disclosure-catalog.md"


def coverage_rows(policy: Policy) -> list[dict[str, Any]]:
    """Notices × requirements: status, reason, citation and where the section is."""
    from .disclosures import decide

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
