"""The privacy notice of one program: its sections in reading order, each rendered from
``templates/notice/<topic>.md.j2``, and the values those templates receive."""

from __future__ import annotations

import gettext
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup

from ..data import model as m
from ..data.placeholders import fill_placeholders, kept_for
from ..data.policy import Policy
from ..rules.catalog import load_authorities, load_catalog
from ..rules.decisions import topic_items
from ..rules.facts import facts_for
from ..rules.rights import rights_for
from ..rules.standard_wording import Sentence, holds, sentence
from ..text.safe_markdown import markdown_block, markdown_inline
from .context import N_, PageContext
from .labels import CLASSIFICATION_LABELS
from .page import NOTICE_LANGUAGE, Page, Section, notice_uri

# Notice sections in reading order: (topic id, heading). Each topic has a template
# ``notice/<topic>.md.j2``; a section whose template renders nothing is left out.
NOTICE_TOPICS: list[tuple[str, str]] = [
    ("controller", N_("Who is responsible for your data")),
    ("dpo", N_("Our data protection officer")),
    ("data-categories", N_("What information we use")),
    ("sources", N_("Where the information comes from")),
    ("purposes", N_("Why we use it, and on what legal basis")),
    ("legitimate-interests", N_("Our legitimate interests")),
    ("objection", N_("Your right to object")),
    ("withdraw-consent", N_("Your consent, and how to withdraw it")),
    ("automated-decisions", N_("Automated decisions and profiling")),
    ("recipients", N_("Who receives it")),
    ("joint-controllers", N_("Organisations that decide with us")),
    ("transfers", N_("Transfers outside your country")),
    ("sold-or-shared", N_("Selling and sharing")),
    ("opt-out-link", N_("Opting out of selling or sharing")),
    ("retention", N_("How long we keep it")),
    ("obligation", N_("Do you have to provide it?")),
    ("rights", N_("Your rights")),
    ("complaint", N_("Complaining to a regulator")),
    ("privacy-policy", N_("Our full privacy policy")),
]


def _section_heading(key: str, program: m.Program, policy: Policy) -> str:
    """The heading of an extra section: the notice's own title for it, else the title of
    the requirement it meets, else its key in words."""
    if key in program.notice.section_titles:
        return program.notice.section_titles[key]
    for req in policy.requirements.requirements:
        if req.section == key:
            return req.title
    return key.replace("-", " ").capitalize()


def topics() -> Iterable[str]:
    return [t for t, _ in NOTICE_TOPICS]


def notice_sections(b: PageContext, program: m.Program,
                    say: NoticeWording | None = None) -> list[Section]:
    """Every section of a notice, in reading order, each with its body rendered."""
    items = topic_items(b.policy, program)
    ctx = notice_context(b, program, say)
    sections = []
    for topic, heading in NOTICE_TOPICS:
        body = b.render(f"notice/{topic}.md.j2", **ctx).strip()
        if body:  # rendered Markdown: printed as it is (see render._finalize)
            sections.append(Section(topic, b.gettext(heading), Markup(body),
                                    items.get(topic, [])))
    for key, text in program.notice.sections.items():
        topic = f"section:{key}"
        heading = _section_heading(key, program, b.policy)
        sections.append(Section(topic, heading, Markup(markdown_block(text)),
                                items.get(topic, [])))
    return sections


class NoticeWording:
    """The standard wording one notice prints, through ``say(id)`` in its templates.

    ``say`` prints a sentence only when it is true for the notice (its regimes are served
    and its conditions hold, for ``regime`` when given), in the organisation's words when it
    replaced the sentence, and nothing when it left the sentence out; every sentence printed
    is remembered for the coverage page ("wording the portal adds for you")."""

    def __init__(self, policy: Policy, program: m.Program,
                 catalog: gettext.NullTranslations | None = None) -> None:
        self.policy = policy
        self.facts = facts_for(policy, program)
        self.used: dict[str, Sentence] = {}
        # the standard wording in the page's language (its wording id is the context); the
        # organisation's own sentences are data, translated with the rest of it
        self.catalog = catalog or gettext.NullTranslations()

    def __call__(self, wording_id: str, regime: str | None = None) -> Markup:
        found = sentence(self.policy.organisation, wording_id)
        if not holds(found.wording, self.facts, regime) or found.omitted is not None:
            return Markup("")
        own = found.text if found.overridden else self.catalog.pgettext(wording_id, found.text)
        text = fill_placeholders(own, self.policy)
        self.used.setdefault(wording_id, replace(found, text=text))
        return Markup(markdown_inline(text))

    def shorts(self, ids: list[str]) -> list[str]:
        """The short forms ("see", "correct", "object") of the sentences among ``ids`` that
        are true for the notice in any regime it serves, each once, in order."""
        out: dict[str, None] = {}
        for wording_id in ids:
            found = sentence(self.policy.organisation, wording_id)
            if found.wording.short and found.omitted is None and \
                    holds(found.wording, self.facts):
                self.used.setdefault(wording_id, found)
                out[self.catalog.pgettext(f"{wording_id}:short", found.wording.short)] = None
        return list(out)

    def applies(self, wording_id: str, regime: str | None = None) -> bool:
        found = sentence(self.policy.organisation, wording_id)
        return found.omitted is None and holds(found.wording, self.facts, regime)


def notice_context(b: PageContext, program: m.Program,
                   say: NoticeWording | None = None) -> dict[str, Any]:
    policy = b.policy
    say = say or NoticeWording(policy, program, b.messages)
    facts = say.facts
    fields = b.program_fields(program)
    by_class: dict[str, list[m.DataField]] = defaultdict(list)
    for f in fields:
        by_class[CLASSIFICATION_LABELS[f.classification]].append(f)
    jurisdictions = list(facts.jurisdictions)
    names = {j.id: j.name for j in jurisdictions}
    purposes = []
    for purpose in program.purposes:
        grouped: dict[str, list[str]] = defaultdict(list)
        for jid in purpose.lawful_basis:
            for basis in purpose.bases_in(jid):
                grouped[basis.value].append(names.get(jid, jid))
        purposes.append({"purpose": purpose, "bases": dict(grouped)})
    transfers = [policy.transfers_by_id[t] for t in program.transfer_ids
                 if t in policy.transfers_by_id]
    regimes = sorted(facts.regimes)
    catalog = load_catalog()
    authorities = load_authorities().by_id
    views = policy.views_by_id.values() if policy.roles else []
    contextual = {v.id for v in views if v.kind is m.ViewKind.CONTEXTUAL}
    return {
        "program": program,
        "say": say,
        "fields": fields,
        "by_class": dict(by_class),
        "sensitive": [f for f in fields if f.sensitive],
        "ccpa_sensitive": [f for f in fields if f.california_sensitive],
        "in_manager_view": {f.id for f in fields if contextual & set(f.views)},
        "jurisdictions": jurisdictions,
        "complaints": [(j, _authority(j.supervisory_authority, authorities))
                       for j in jurisdictions if j.supervisory_authority is not None],
        "purposes": purposes,
        "li_purposes": [p for p in program.purposes if p.legitimate_interest],
        "recipients": program.recipient_list,
        "transfers": transfers,
        "vendors": policy.vendors_by_id,
        "rules": policy.program_rules(program),
        "legal_holds": list(dict.fromkeys(r.legal_hold for r in policy.program_rules(program))),
        "kept_for": kept_for,
        "regimes": regimes,
        "regime_names": {r: catalog.regime_name(r) for r in regimes},
        "rights_by_regime": _rights_by_regime(policy, regimes),
        "ccpa": "ccpa" in regimes,
        "gdpr": bool({"eu_gdpr", "uk_gdpr"} & set(regimes)),
        "sells": facts.verdict("sells_or_shares", "ccpa") is True,
        "dpo": policy.organisation.dpo if isinstance(policy.organisation.dpo, m.Contact)
        else None,
    }


@dataclass(frozen=True)
class Authority:
    """A complaint authority as the notice shows it: from the catalog, or named by hand."""

    name: str
    url: str | None = None
    complaint_url: str | None = None
    address: str | None = None


def _authority(named: str | m.SupervisoryAuthority, catalog: dict[str, Any]) -> Authority:
    if isinstance(named, str):
        found = catalog.get(named)
        if found is None:  # the check reports an unknown id; the page names it as written
            return Authority(named)
        return Authority(found.name, found.url, found.complaint_url, found.address)
    return Authority(named.name, named.url, None, named.address)


def _rights_by_regime(policy: Policy, regimes: list[str]) -> list[dict[str, Any]]:
    """The regimes grouped by how people exercise their rights under them: one group when
    the organisation gives one answer for all."""
    groups: list[dict[str, Any]] = []
    for regime in regimes:
        rights = rights_for(policy.organisation, regime)
        for group in groups:
            if group["rights"] is rights:
                group["regimes"].append(regime)
                break
        else:
            groups.append({"rights": rights, "regimes": [regime]})
    return groups


def notice(b: PageContext, program: m.Program) -> Page:
    say = NoticeWording(b.policy, program, b.messages)
    sections = notice_sections(b, program, say)
    ctx = notice_context(b, program, say)
    md = b.render("notice.md.j2", sections=sections, **ctx)
    b.wording_used[program.id] = list(say.used.values())
    meta = {
        "govportal": "notice",
        "notice_version": program.notice.version,
        "notice_effective": program.notice.effective.isoformat(),
        "notice_owner": program.owner.name,
        "notice_next_review": program.next_review.isoformat(),
        "program_id": program.id,
        "notice_language": NOTICE_LANGUAGE,
    }
    return Page(notice_uri(program.id), b.gettext(N_("Privacy notice: %(title)s")) % {
        "title": program.title}, md,
                "employees", meta)
