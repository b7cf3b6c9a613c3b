"""The disclosure catalog as data, and the pure logic deciding which items apply.

Fixtures are built in code from minimal model objects. The condition test is parametrised
over ``CONDITIONS``: a new condition fails here until it has a fixture variant, and each
variant must switch exactly that condition and exactly the items that list it.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from govportal.data import model as m
from govportal.publish import exports
from govportal.rules import evidence
from govportal.rules.catalog import (
    breach_timelines_for,
    load_adequacy,
    load_breach_timelines,
    load_catalog,
    load_ropa,
    load_wording,
)
from govportal.rules.catalog.models import NOTICE_TOPICS, Catalog
from govportal.rules.decisions import Status, applicability, org_requirements, unknown_waivers
from govportal.rules.facts import CONDITIONS, NoticeFacts

TEMPLATES = Path(__file__).resolve().parents[2] / "plugins" / "govportal" / "pages" / "templates"

# ------------------------------------------------------------------ fixtures in code

ORG: dict[str, Any] = {
    "name": "Example Co",
    "legal_name": "Example Co GmbH",
    "address": "1 Example Street, Berlin",
    "contact": {"name": "Front desk", "email": "hello@example.com"},
    "privacy_policy_url": "https://example.com/privacy",
    "privacy_contact": {"name": "Privacy team", "email": "privacy@example.com"},
    # established in California only: both representatives are needed
    "establishments": [{"jurisdiction": "us-ca", "main": True}],
    "dpo": {"name": "Dana Officer", "email": "dpo@example.com"},
    "eu_representative": {"name": "EU Rep", "email": "rep@example.com"},
    "uk_representative": {"name": "UK Rep", "email": "uk-rep@example.com"},
    "escalation_contact": {"name": "Legal", "email": "legal@example.com"},
    "jurisdictions": [
        {"id": "de", "name": "Germany", "country": "DE", "regimes": ["eu_gdpr"]},
        {"id": "uk", "name": "United Kingdom", "country": "GB", "regimes": ["uk_gdpr"]},
        {"id": "us-ca", "name": "California", "country": "US-CA", "regimes": ["ccpa"]},
        {"id": "us-tx", "name": "Texas", "country": "US-TX", "regimes": []},
    ],
    "sells_or_shares": True,
}

BASES = {"de": "legitimate_interests", "uk": "legitimate_interests"}

PROGRAM: dict[str, Any] = {
    "id": "learning",
    "title": "Learning records",
    "status": "live",
    "summary": "Course status.",
    "owner": {"name": "People team"},
    "next_review": "2027-01-01",
    "data_subjects": [{"group": "Staff", "category": "employee",
                       "jurisdictions": ["de", "uk", "us-ca"]}],
    "collection": {"how": "Recorded by the platform.", "from_subject": True,
                   "other_sources": [{"name": "Provider", "description": "Reports."}]},
    "fields": ["name", "health", "record"],
    "purposes": [
        {"id": "growth", "description": "Growth.", "fields": ["name"], "lawful_basis": BASES,
         "legitimate_interest": "Helping staff grow."},
        {"id": "duty", "description": "A public duty.", "fields": ["name"],
         "lawful_basis": {"de": "public_task", "uk": "public_task"}},
        {"id": "reminders", "description": "Reminders.", "fields": ["name"],
         "lawful_basis": {"de": "consent", "uk": "consent"}},
    ],
    "recipients": [{"name": "LMS Ltd", "kind": "processor", "vendor": "lms",
                    "purpose": "Hosting."}],
    "transfers": ["lms-us"],
    "joint_controllers": [{"name": "Partner", "essence": "They keep the exam records."}],
    "consent": {"choices": [{"id": "reminders", "scope": "Reminders", "default": "off",
                             "revocation_effect": "At once."}],
                "captured": "In the app.", "revocation_route": "Settings."},
    "automated_decisions": {"exists": True, "profiling": True, "statement": "Assigned.",
                            "logic": "Expiry.", "significance": "A course."},
    "sells_or_shares": True,
    "notice": {"version": "1.0", "effective": "2026-01-01",
               "first_layer": {"summary": "Short."}, "obligation": "Part of the role.",
               "changelog": [{"version": "1.0", "date": "2026-01-01", "summary": "First."}]},
    "manager_guide": {"may_use": ["Status"], "never_use": ["Logs"], "ask": "HR."},
}

FIELDS: list[dict[str, Any]] = [
    {"id": "name", "label": "Name", "description": "Name.", "classification": "identifier"},
    {"id": "health", "label": "Health course", "description": "A health course.",
     "classification": "special_category"},
    {"id": "record", "label": "Conduct check", "description": "A records check.",
     "classification": "criminal_offence"},
]

TRANSFERS: list[dict[str, Any]] = [
    {"id": "lms-us", "vendor": "lms", "origin": ["de", "uk"], "destination": "United States",
     "mechanism": "scc", "data": "Course status.", "safeguards_copy": "Ask us."},
]

Data = dict[str, Any]


def facts(org: Data | None = None, program: Data | None = None,
          fields: list[Data] | None = None, transfers: list[Data] | None = None) -> NoticeFacts:
    inv = {f.id: f for f in (m.DataField.model_validate(x) for x in (fields or FIELDS))}
    tra = {t.id: t for t in (m.Transfer.model_validate(x) for x in (transfers or TRANSFERS))}
    return NoticeFacts.build(m.Organisation.model_validate(org or ORG),
                             m.Program.model_validate(program or PROGRAM), inv, tra)


def verdicts(f: NoticeFacts, condition: str) -> dict[str, Any]:
    """The condition's verdict for each regime the notice serves."""
    return {r: f.verdict(condition, r) for r in sorted(f.regimes)}


def holds(f: NoticeFacts, condition: str) -> bool:
    return any(v is True for v in verdicts(f, condition).values())


def fixture() -> Data:
    """Deep copies of the all-conditions-true fixture, to edit."""
    return {"org": copy.deepcopy(ORG), "program": copy.deepcopy(PROGRAM),
            "fields": copy.deepcopy(FIELDS), "transfers": copy.deepcopy(TRANSFERS)}


def bases(d: Data, purpose: int, basis: str) -> None:
    d["program"]["purposes"][purpose]["lawful_basis"] = {"de": basis, "uk": basis}


def _no_li(d: Data) -> None:
    bases(d, 0, "contract")


def _no_public_task(d: Data) -> None:
    bases(d, 1, "contract")


def _no_consent(d: Data) -> None:
    bases(d, 2, "legal_obligation")
    d["program"]["consent"] = None


def _set(*path: str | int, value: Any) -> Callable[[Data], None]:
    def edit(d: Data) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return edit


def _no_sale(d: Data) -> None:
    d["org"]["sells_or_shares"] = False
    d["program"]["sells_or_shares"] = False


NONE = {"none": "There is none."}

# condition → (edit applied to both sides first, edit that switches the condition off)
VARIANTS: dict[str, tuple[Callable[[Data], None] | None, Callable[[Data], None]]] = {
    "collected_directly": (None, _set("program", "collection", "from_subject", value=False)),
    "collected_indirectly": (None, _set("program", "collection", "other_sources", value=NONE)),
    "has_dpo": (None, _set("org", "dpo", value=NONE)),
    "needs_eu_representative": (None, _set("org", "establishments", value=[
        {"jurisdiction": "us-ca", "main": True}, {"jurisdiction": "de"}])),
    "needs_uk_representative": (None, _set("org", "establishments", value=[
        {"jurisdiction": "us-ca", "main": True}, {"jurisdiction": "uk"}])),
    # the public-task purpose keeps "public task or legitimate interests" true
    "uses_legitimate_interests": (None, _no_li),
    # legitimate interests gone on both sides, so only the public task switches it
    "uses_public_task_or_li": (_no_li, _no_public_task),
    # no contract anywhere; the consent section keeps "consent is relied on" true
    "uses_consent_or_contract": (None, lambda d: bases(d, 2, "legal_obligation")),
    # a contract purpose on both sides keeps "consent or contract" true
    "uses_consent": (lambda d: bases(d, 1, "contract"), _no_consent),
    "has_recipients": (None, _set("program", "recipients", value=NONE)),
    "has_transfers": (None, _set("program", "transfers", value=NONE)),
    "has_joint_controllers": (None, _set("program", "joint_controllers", value=[])),
    "has_automated_decisions": (None, _set("program", "automated_decisions", "exists",
                                           value=False)),
    "has_profiling": (None, _set("program", "automated_decisions", "profiling", value=False)),
    "sells_or_shares": (None, _no_sale),
    # California's own notion: the health field stays special category under the GDPR
    "has_ccpa_sensitive_data": (None, _set("fields", 1, "ccpa_sensitive", value=False)),
    "has_sensitive_data": (_set("fields", 1, "ccpa_sensitive", value=True),
                           _set("fields", 1, "classification", value="learning_record")),
    "has_criminal_offence_data": (None, _set("fields", 2, "classification",
                                             value="learning_record")),
}


def decisions(f: NoticeFacts, **kw: Any) -> dict[str, Any]:
    return {d.item.id: d for d in applicability(f, load_catalog(), **kw)}


# ------------------------------------------------------------------ the catalog as data


def test_every_file_loads_and_validates() -> None:
    catalog = load_catalog()
    assert len(catalog.items) > 40 and catalog.advisories
    assert load_breach_timelines() and load_adequacy().destinations
    assert len(load_ropa().fields) == 7


def test_ids_are_unique_across_items_advisories_and_notes() -> None:
    c = load_catalog()
    ids = [i.id for i in c.items] + [a.id for a in c.advisories] + [n.id for n in c.not_covered]
    assert len(ids) == len(set(ids))
    timelines = [t.id for t in load_breach_timelines()]
    assert len(timelines) == len(set(timelines))


def test_items_use_known_topics_conditions_regimes_and_evidence() -> None:
    c = load_catalog()
    assert {r.id for r in c.regimes} == {r.value for r in m.Regime}
    for item in c.items:
        assert item.topic in NOTICE_TOPICS, item.id
        assert set(item.when) <= set(CONDITIONS), item.id
        assert item.evidence_topic in evidence.TOPICS, item.id
        assert item.regime in {r.id for r in c.regimes}, item.id


def test_every_topic_has_a_notice_section_template_and_is_used() -> None:
    used = {i.topic for i in load_catalog().items}
    assert used == set(NOTICE_TOPICS)
    for topic in NOTICE_TOPICS:
        assert (TEMPLATES / "notice" / f"{topic}.md.j2").is_file(), topic


def test_every_condition_is_used_by_some_item_or_sentence() -> None:
    used = {c for i in load_catalog().items for c in i.when}
    used |= {c for w in load_wording().wording for c in w.when}
    assert used == set(CONDITIONS)


def test_only_primary_items_are_verified_and_unchecked_law_is_marked() -> None:
    c = load_catalog()
    for item in c.items:
        assert item.verified is (item.verification == "primary"), item.id
        assert item.source_note.strip(), item.id
        if item.regime == "uk_gdpr":
            assert not item.verified, item.id  # the UK wording was not read
        if item.id.startswith("ccpa.nac."):
            # the statute is verified; an item resting on the regulation alone is not
            assert item.verified is ("Civ. Code 1798.100(a)" in item.citation), item.id
            assert "7012(e)" in item.citation, item.id
        elif item.regime == "ccpa":  # privacy-policy items: statute and rules not read
            assert not item.verified, item.id
    # warnings are guidance-grade: their duty was not read in the law itself
    warnings = {i.id for i in c.items if i.severity == "warning"}
    assert warnings == {"gdpr.recital60.profiling", "gdpr.9.2.special_category_condition",
                        "uk.9.2.special_category_condition", "gdpr.10.criminal_offence_basis",
                        "uk.10.criminal_offence_basis"}
    assert not any(c.by_id[i].verified for i in warnings)


def test_hints_name_what_to_add_to_the_data() -> None:
    key = re.compile(r"`[a-z_.]+:?`|[a-z-]+\.yaml")
    for item in load_catalog().items:
        assert key.search(item.hint), item.id
    for advice in load_catalog().advisories:
        assert advice.severity == "warning" and advice.hint, advice.id


def test_gdpr_articles_13_and_14_mirror_each_other() -> None:
    ids = set(load_catalog().by_id)
    assert "gdpr.13.2.e.obligation_to_provide" in ids
    assert not any(i.startswith(("gdpr.14.2.e.obligation", "uk.14.2.e.obligation")) for i in ids)
    for only14 in ("gdpr.14.1.d.data_categories", "gdpr.14.2.f.source"):
        assert only14 in ids
    for item in load_catalog().items:
        if item.id.startswith(("gdpr.13.", "uk.13.")):
            assert item.when[0] == "collected_directly", item.id
        if item.id.startswith(("gdpr.14.", "uk.14.")):
            assert item.when[0] == "collected_indirectly", item.id
    eu = {i.topic for i in load_catalog().items if i.regime == "eu_gdpr"}
    uk = {i.topic for i in load_catalog().items if i.regime == "uk_gdpr"}
    assert eu == uk


@pytest.mark.parametrize("breakage, message", [
    ({"topic": "nowhere"}, "unknown topic 'nowhere'"),
    ({"when": ["has_unicorns"]}, "unknown condition"),
    ({"verified": True, "verification": "recall"}, "only primary is verified"),
    ({"severity": "fatal"}, "severity"),
    ({"hint": None}, "hint"),
])
def test_a_broken_catalog_fails_loudly(breakage: dict[str, Any], message: str) -> None:
    data = load_catalog().model_dump()
    data["items"][0].update(breakage)
    with pytest.raises(ValidationError, match=message):
        Catalog.model_validate(data)


def test_duplicate_ids_and_undeclared_regimes_fail() -> None:
    data = load_catalog().model_dump()
    data["items"] = [*data["items"], dict(data["items"][0])]
    with pytest.raises(ValidationError, match="duplicate ids"):
        Catalog.model_validate(data)
    data = load_catalog().model_dump()
    data["items"][0]["regime"] = "mars"
    with pytest.raises(ValidationError, match="undeclared regimes"):
        Catalog.model_validate(data)


# ------------------------------------------------------------------ conditions


def test_the_fixture_serves_every_regime_and_needs_every_item() -> None:
    f = facts()
    assert f.regimes == {"eu_gdpr", "uk_gdpr", "ccpa"}
    assert all(holds(f, c) for c in CONDITIONS)
    assert all(d.status is Status.APPLICABLE for d in decisions(f).values())


def _article(*prefixes: str) -> Callable[[set[str]], bool]:
    """Items of whole articles: every catalog item whose id starts with one of ``prefixes``
    (and no other)."""
    return lambda ids: bool(ids) and all(i.startswith(prefixes) for i in ids) and ids == {
        i.id for i in load_catalog().items if i.id.startswith(prefixes)}


# What switching each condition off must do, in words written here (not taken from the
# catalog or from CONDITIONS): the reason shown, and the items that stop applying.
SWITCHED_OFF: dict[str, tuple[str, set[str] | Callable[[set[str]], bool]]] = {
    "collected_directly": (  # Art. 13 is about data collected from the person
        "no data is collected from the person (collection.from_subject is false)",
        _article("gdpr.13.", "uk.13.")),
    "collected_indirectly": (  # Art. 14 is about data obtained from elsewhere
        "all data comes from the person, as collection.other_sources says",
        _article("gdpr.14.", "uk.14.")),
    "has_automated_decisions": (
        "no solely automated decisions are made (automated_decisions.exists is false)",
        {"gdpr.13.2.f.automated_decisions", "gdpr.14.2.g.automated_decisions",
         "uk.13.2.f.automated_decisions", "uk.14.2.g.automated_decisions"}),
    "has_ccpa_sensitive_data": (
        "no field is sensitive personal information under California law (ccpa_sensitive, "
        "or special_category)", {"ccpa.nac.sensitive_categories"}),
    "has_criminal_offence_data": ("no field is classified criminal_offence",
                                  {"gdpr.10.criminal_offence_basis",
                                   "uk.10.criminal_offence_basis"}),
    "has_dpo": (
        "no data protection officer is designated, as organisation.dpo says",
        {"gdpr.13.1.b.dpo_contact", "gdpr.14.1.b.dpo_contact", "uk.13.1.b.dpo_contact",
         "uk.14.1.b.dpo_contact"}),
    "has_joint_controllers": (
        "no joint controller: no entry in joint_controllers and no recipient whose vendor is "
        "a joint_controller",
        {"gdpr.26.2.joint_controller_essence", "uk.26.2.joint_controller_essence"}),
    "has_profiling": ("no profiling (automated_decisions.profiling is false)",
                      {"gdpr.recital60.profiling"}),
    "has_recipients": (
        "no one receives the data, as recipients says",
        {"gdpr.13.1.e.recipients", "gdpr.14.1.e.recipients", "uk.13.1.e.recipients",
         "uk.14.1.e.recipients"}),
    "has_sensitive_data": ("no field is classified special_category",
                           {"gdpr.9.2.special_category_condition",
                            "uk.9.2.special_category_condition"}),
    "has_transfers": (
        "no transfer leaves these jurisdictions, as transfers says",
        {"gdpr.13.1.f.transfers", "gdpr.14.1.f.transfers", "uk.13.1.f.transfers",
         "uk.14.1.f.transfers"}),
    "needs_eu_representative": (
        "the organisation is established in the EU (organisation.establishments), so no "
        "representative is needed",
        {"gdpr.13.1.a.representative", "gdpr.14.1.a.representative"}),
    "needs_uk_representative": (
        "the organisation is established in the UK (organisation.establishments), so no "
        "representative is needed",
        {"uk.13.1.a.representative", "uk.14.1.a.representative"}),
    "sells_or_shares": (
        "personal information is neither sold nor shared, as sells_or_shares says",
        {"ccpa.nac.opt_out_link"}),
    "uses_consent": (
        "no purpose relies on consent here and the program has no consent section",
        {"gdpr.13.2.c.withdraw_consent", "gdpr.14.2.d.withdraw_consent",
         "uk.13.2.c.withdraw_consent", "uk.14.2.d.withdraw_consent"}),
    # a condition of the standard wording only (whether to say that a purpose can be left
    # by ending the contract or the consent): no catalog item lists it
    "uses_consent_or_contract": ("no purpose relies on consent or a contract here", set()),
    "uses_legitimate_interests": (
        "no purpose relies on legitimate interests in these jurisdictions",
        {"gdpr.13.1.d.legitimate_interests", "gdpr.14.2.b.legitimate_interests",
         "uk.13.1.d.legitimate_interests", "uk.14.2.b.legitimate_interests"}),
    "uses_public_task_or_li": (
        "no purpose relies on a public task or legitimate interests here",
        {"gdpr.21.4.objection_highlight", "uk.21.4.objection_highlight"}),
}


def test_every_condition_has_its_expected_outcome_written_here() -> None:
    assert sorted(SWITCHED_OFF) == sorted(CONDITIONS)


@pytest.mark.parametrize("condition", sorted(SWITCHED_OFF))
def test_each_condition_switches_exactly_its_items(condition: str) -> None:
    assert condition in VARIANTS, f"add a fixture variant for the new condition {condition}"
    prep, switch_off = VARIANTS[condition]
    on, off = fixture(), fixture()
    for d in (on, off):
        if prep:
            prep(d)
    switch_off(off)
    before, after = facts(**on), facts(**off)
    assert holds(before, condition) and not holds(after, condition)
    others = {c for c in CONDITIONS if c != condition}
    assert {c: verdicts(before, c) for c in others} == {c: verdicts(after, c) for c in others}
    was, now = decisions(before), decisions(after)
    reason, items = SWITCHED_OFF[condition]
    changed = {i for i in was if was[i].status is not now[i].status}
    assert items(changed) if callable(items) else changed == items, sorted(changed)
    if not items:
        assert any(condition in w.when for w in load_wording().wording)
    for item_id in changed:
        assert (was[item_id].status, now[item_id].status) == (Status.APPLICABLE,
                                                              Status.NOT_APPLICABLE)
        assert now[item_id].reason == reason
    assert CONDITIONS[condition].fails == reason


# What each missing statement leaves undecided, in words the check prints.
UNDECIDED = {
    ("org", "dpo"): ("whether a data protection officer is designated",
                     {"gdpr.13.1.b.dpo_contact", "gdpr.14.1.b.dpo_contact",
                      "uk.13.1.b.dpo_contact", "uk.14.1.b.dpo_contact"}),
    ("org", "establishments"): (
        "where the organisation is established (it decides whether a representative is "
        "needed and which authority is competent)",
        {"gdpr.13.1.a.representative", "gdpr.14.1.a.representative",
         "uk.13.1.a.representative", "uk.14.1.a.representative"}),
    ("org", "sells_or_shares"): ("whether personal information is sold or shared (California)",
                                 {"ccpa.nac.opt_out_link"}),
    ("program", "recipients"): ("who receives the data",
                                {"gdpr.13.1.e.recipients", "gdpr.14.1.e.recipients",
                                 "uk.13.1.e.recipients", "uk.14.1.e.recipients"}),
    ("program", "transfers"): ("whether the data leaves the country it is collected in",
                               {"gdpr.13.1.f.transfers", "gdpr.14.1.f.transfers",
                                "uk.13.1.f.transfers", "uk.14.1.f.transfers"}),
}


@pytest.mark.parametrize("where", sorted(UNDECIDED), ids=lambda w: ".".join(w))
def test_a_missing_statement_leaves_its_items_undecided_never_not_applicable(where) -> None:
    what, items = UNDECIDED[where]
    d = fixture()
    if where == ("org", "sells_or_shares"):
        d["program"].pop("sells_or_shares")
    d[where[0]].pop(where[1])
    got = decisions(facts(**d))
    undecided = {i for i, x in got.items() if x.status is Status.UNDECIDED}
    assert undecided == items
    for item_id in items:
        assert got[item_id].reason == f"the data does not say {what}"
    assert not any(x.status is Status.NOT_APPLICABLE for x in got.values()
                   if x.item.regime != "organisation")


def test_other_sources_left_unsaid_leave_every_article_14_item_undecided() -> None:
    d = fixture()
    d["program"]["collection"].pop("other_sources")
    got = decisions(facts(**d))
    article14 = {i for i in got if i.startswith(("gdpr.14.", "uk.14."))}
    assert article14 and {i for i in article14 if got[i].status is Status.UNDECIDED} == \
        article14


def test_conditions_are_judged_per_regime() -> None:
    d = fixture()
    # legitimate interests only in Germany: the EU item applies, the UK item does not
    d["program"]["purposes"][0]["lawful_basis"] = {"de": "legitimate_interests",
                                                   "uk": "contract"}
    d["program"]["purposes"][1]["lawful_basis"] = {"de": "contract", "uk": "contract"}
    got = decisions(facts(**d))
    assert got["gdpr.13.1.d.legitimate_interests"].status is Status.APPLICABLE
    assert got["uk.13.1.d.legitimate_interests"].status is Status.NOT_APPLICABLE
    assert got["uk.13.1.d.legitimate_interests"].reason == \
        "no purpose relies on legitimate interests in these jurisdictions"
    # a transfer that leaves only Germany does not make the UK transfer item apply
    d = fixture()
    d["transfers"][0]["origin"] = ["de"]
    got = decisions(facts(**d))
    assert got["gdpr.13.1.f.transfers"].status is Status.APPLICABLE
    assert got["uk.13.1.f.transfers"].status is Status.NOT_APPLICABLE


def test_consent_counts_a_consent_section_without_a_consent_basis() -> None:
    d = fixture()
    bases(d, 2, "contract")
    assert holds(facts(**d), "uses_consent")


def test_selling_or_sharing_at_organisation_level_is_enough() -> None:
    d = fixture()
    d["program"]["sells_or_shares"] = None
    assert holds(facts(**d), "sells_or_shares")


def test_sensitive_data_counts_only_the_programs_own_fields() -> None:
    d = fixture()
    d["program"]["fields"] = ["name", "unknown-field"]
    d["program"]["purposes"] = d["program"]["purposes"][:1]
    f = facts(**d)
    assert [x.id for x in f.fields] == ["name"]
    assert not holds(f, "has_sensitive_data")


# ------------------------------------------------------------------ regimes served


@pytest.mark.parametrize("jurisdictions, regimes", [
    (["de"], {"eu_gdpr"}),
    (["de", "us-ca", "de"], {"eu_gdpr", "ccpa"}),
    (["us-tx"], set()),
    (["uk", "nowhere"], {"uk_gdpr"}),
])
def test_regimes_served_come_from_the_data_subjects_jurisdictions(
        jurisdictions: list[str], regimes: set[str]) -> None:
    d = fixture()
    d["program"]["data_subjects"] = [
        {"group": "Staff", "category": "employee", "jurisdictions": jurisdictions[:1]},
        {"group": "Managers", "category": "manager", "jurisdictions": jurisdictions[1:] or
         jurisdictions[:1]}]
    f = facts(**d)
    assert f.regimes == regimes
    assert len({j.id for j in f.jurisdictions}) == len(f.jurisdictions)
    for decision in decisions(f).values():
        if decision.item.regime not in regimes:
            assert decision.status is Status.NOT_APPLICABLE
            named = {"eu_gdpr": "EU GDPR", "uk_gdpr": "UK GDPR",
                     "ccpa": "California (CCPA as amended)"}[decision.item.regime]
            assert decision.reason == f"the notice does not serve {named} (no data subjects there)"


# ------------------------------------------------------------------ waivers


def test_a_waiver_marks_its_item_waived_with_the_written_reason() -> None:
    waiver = m.Waiver(item="gdpr.13.2.e.obligation_to_provide", reason="In the contract.")
    got = decisions(facts(), waivers=[waiver])
    assert (got[waiver.item].status, got[waiver.item].reason) == (Status.WAIVED,
                                                                  "In the contract.")
    assert sum(d.status is Status.WAIVED for d in got.values()) == 1
    assert decisions(facts(), waivers={waiver.item: "Mapping form."})[waiver.item].reason \
        == "Mapping form."


def test_an_item_that_does_not_apply_stays_not_applicable_when_waived() -> None:
    d = fixture()
    d["org"]["dpo"] = {"none": "None is designated."}
    got = decisions(facts(**d), waivers=[m.Waiver(item="gdpr.13.1.b.dpo_contact", reason="x")])
    assert got["gdpr.13.1.b.dpo_contact"].status is Status.NOT_APPLICABLE


def test_waivers_naming_unknown_items_are_reported() -> None:
    reqs = m.Requirements.model_validate({"requirements": [
        {"id": "org.works-council", "title": "Works council", "description": "Name it.",
         "citation": "Agreement", "section": "works-council"}]})
    waivers = [m.Waiver(item="gdpr.13.2.e.obligation_to_provide", reason="ok"),
               m.Waiver(item="gdpr.13.2.e.obligation", reason="typo"),
               m.Waiver(item="org.works-council", reason="ok")]
    assert unknown_waivers(waivers, load_catalog(), reqs) == [(1, waivers[1])]


# ------------------------------------------------------------------ organisation requirements


def _requirements(applies_when: dict[str, list[str]]) -> m.Requirements:
    return m.Requirements.model_validate({"requirements": [
        {"id": "org.escalation", "title": "Escalation", "description": "Who to ask.",
         "citation": "Policy 7", "section": "escalation", "applies_when": applies_when}]})


@pytest.mark.parametrize("applies_when, reason", [
    ({}, None),
    ({"jurisdictions": ["de"]}, None),
    ({"jurisdictions": ["us-tx"]}, "the program has no data subjects in us-tx"),
    ({"regimes": ["ccpa"]}, None),
    ({"regimes": ["ccpa"], "jurisdictions": ["fr"]}, "the program has no data subjects in fr"),
    ({"programs": ["learning"], "regimes": ["uk_gdpr"]}, None),
    ({"programs": ["coaching"]}, "the requirement is limited to other programs"),
])
def test_organisation_requirements_apply_by_their_conditions(
        applies_when: dict[str, list[str]], reason: str | None) -> None:
    reqs = _requirements(applies_when)
    [req] = org_requirements(reqs)
    assert (req.topic, req.regime) == ("section:escalation", "organisation")
    got = decisions(facts(), requirements=reqs)["org.escalation"]
    if reason is None:
        assert got.status is Status.APPLICABLE
    else:
        assert (got.status, got.reason) == (Status.NOT_APPLICABLE, reason)


def test_organisation_requirement_regimes_must_be_served() -> None:
    d = fixture()
    d["program"]["data_subjects"][0]["jurisdictions"] = ["de"]
    got = decisions(facts(**d), requirements=_requirements({"regimes": ["ccpa"]}))
    assert got["org.escalation"].reason == "the program serves none of California (CCPA as amended)"


# ------------------------------------------------------------------ breach, adequacy, ROPA


def test_breach_deadlines() -> None:
    by_id = {t.id: t for t in load_breach_timelines()}
    assert by_id["gdpr.33.1.authority"].hours == 72 and by_id["gdpr.33.1.authority"].verified
    assert by_id["uk.33.ico"].hours == 72 and not by_id["uk.33.ico"].verified
    assert by_id["ca.1798.82.residents"].days == 30 and by_id["ca.1798.82.residents"].verified
    ag = by_id["ca.1798.82.attorney_general"]
    assert (ag.days, ag.verified) == (15, False) and "500" in ag.condition
    assert {t.regime for t in breach_timelines_for({"ccpa"})} == {"ccpa"}
    for t in load_breach_timelines():
        assert t.verified is (t.verification == "primary")
        assert (t.hours is None) or (t.days is None)


def test_adequacy_list_is_dated_and_noted() -> None:
    a = load_adequacy()
    assert isinstance(a.as_of, dt.date) and a.sources
    codes = [d.code for d in a.destinations]
    assert len(codes) == len(set(codes))
    assert "Data Privacy Framework" in (a.find("united states").note or "")
    assert "commercial" in (a.find("CA").note or "")
    assert "2031" in (a.find("United Kingdom").note or "")
    assert a.find("Brazil") is not None and a.find("India") is None
    assert a.uk.destinations == () and not a.uk.verified and a.uk.note
    eea = {d.code for d in a.eea}
    assert len(eea) == len(a.eea) == 30 and {"DE", "IE", "NO"} <= eea
    assert not eea & set(codes)


def test_ropa_fields_follow_article_30_and_the_export() -> None:
    fields = load_ropa().fields
    assert [f.id.split(".")[3] for f in fields] == list("abcdefg")
    columns = {c for f in fields for c in f.export_columns}
    assert columns <= set(exports.ROPA_COLUMNS)
    assert set(exports.ROPA_COLUMNS) - columns == {"processing_activity"}
