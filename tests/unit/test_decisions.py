"""Which requirements a notice owes, and why, for a loaded policy: the reasons in words,
the organisation's requirements as items, and the memos that decide once per notice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govportal import pipeline
from govportal.data import model as m
from govportal.rules import decisions
from govportal.rules.catalog import load_catalog
from govportal.rules.decisions import Requirement, Status
from govportal.rules.registry import Options
from tests.conftest import CASES, mutated

OPTIONS = Options(today=dt.date(2026, 11, 22))


def policy(case: str = "complete", tmp_path: Path | None = None, requirements: str = "",
           edits: list | None = None):
    data = CASES / "valid" / case
    if requirements:
        assert tmp_path is not None
        data = mutated(tmp_path, data, edits or [])
        (data / "requirements.yaml").write_text(requirements, encoding="utf-8")
    result = pipeline.check(data, OPTIONS)
    assert not result.problems.errors, result.problems.format_text()
    return result.policy


def test_a_catalog_item_as_a_requirement_keeps_everything_it_says() -> None:
    req = Requirement.of_item(load_catalog().by_id["gdpr.13.2.e.obligation_to_provide"])
    assert req == Requirement(
        "gdpr.13.2.e.obligation_to_provide", "eu_gdpr", "GDPR Art. 13(2)(e)",
        "Whether the data must be provided",
        "Whether giving the data is required by law or by contract or needed to enter a "
        "contract, whether the person has to give it, and what follows if they do not.",
        "obligation", "obligation", "error", "primary", "add `notice.obligation`",
        ("collected_directly",))
    assert req.verified and req.applies_when is None


def test_an_organisation_requirement_as_a_requirement() -> None:
    reqs = m.Requirements.model_validate({"requirements": [
        {"id": "org.works-council", "title": "Works council", "description": "Name it.",
         "citation": "Agreement 7", "section": "works-council", "severity": "warning",
         "applies_when": {"jurisdictions": ["de"]}}]})
    (req,) = decisions.org_requirements(reqs)
    assert (req.id, req.regime, req.citation, req.title, req.description, req.topic,
            req.evidence_topic, req.severity, req.verification, req.hint, req.when) == (
        "org.works-council", "organisation", "Agreement 7", "Works council", "Name it.",
        "section:works-council", "section:works-council", "warning", "organisation",
        "add `notice.sections.works-council` to the program", ())
    assert req.applies_when == reqs.requirements[0].applies_when and not req.verified
    assert decisions.org_requirements(None) == []


def test_reasons_say_why_an_item_applies() -> None:
    p = policy()
    got = {d.item.id: d for d in decisions.decide(p, p.programs["learning"])}
    assert got["gdpr.13.2.e.obligation_to_provide"].reason == (
        "the notice serves EU GDPR; the data is collected from the person or by observing "
        "them")
    assert got["gdpr.13.2.b.rights"].status is Status.APPLICABLE
    assert got["ccpa.nac.opt_out_link"].reason.startswith(
        "the notice serves California (CCPA as amended); ")


def test_an_organisation_requirement_that_applies_says_so(tmp_path: Path) -> None:
    p = policy("complete", tmp_path, (
        "requirements:\n  - {id: org.escalation, title: Escalation, description: Who to ask., "
        "citation: Policy 7, section: escalation, severity: warning}\n"
        "  - {id: org.local, title: Local, description: Local., citation: P 8, section: local, "
        "applies_when: {jurisdictions: [uk, us-ca]}}\n"),
        [("programs/learning.yaml", "jurisdictions: [de, uk, us-ca]", "jurisdictions: [de]"),
         ("programs/learning.yaml", "not_offered_in: {ie: The platform is not used in Ireland "
          "yet.}", "not_offered_in: {ie: The platform is not used in Ireland yet., uk: Not "
          "offered in the United Kingdom., us-ca: Not offered in California.}")])
    got = {d.item.id: d for d in decisions.decide(p, p.programs["learning"])}
    assert (got["org.escalation"].status, got["org.escalation"].reason) == (
        Status.APPLICABLE, "an organisation requirement that covers this program")
    assert (got["org.local"].status, got["org.local"].reason) == (
        Status.NOT_APPLICABLE, "the program has no data subjects in uk, us-ca")
    assert [r.id for r, _ in decisions.requirements(p)][-2:] == ["org.escalation", "org.local"]


def test_regimes_are_listed_in_the_reason(tmp_path: Path) -> None:
    p = policy("minimal", tmp_path, (
        "requirements:\n  - {id: org.x, title: Local rules, description: What local rules ask., "
        "citation: Policy 9, section: local-rules, applies_when: {regimes: [ccpa, uk_gdpr]}}\n"))
    got = {d.item.id: d for d in decisions.decide(p, p.programs["learning"])}
    assert got["org.x"].reason == "the program serves none of California (CCPA as amended), UK GDPR"


def test_topic_items_name_the_applicable_items_of_each_section() -> None:
    p = policy("minimal")
    items = decisions.topic_items(p, p.programs["learning"])
    assert items["obligation"] == ["gdpr.13.2.e.obligation_to_provide"]
    assert "dpo" not in items  # minimal names no DPO: not applicable, so no section owes it
    assert items["controller"] == ["gdpr.13.1.a.controller_identity"]
    assert all(ids for ids in items.values())


def test_every_requirement_of_a_policy_with_its_conditions() -> None:
    p = policy("minimal")
    reqs = decisions.requirements(p)
    assert len(reqs) == len(load_catalog().items) >= 60
    by_id = dict((r.id, when) for r, when in reqs)
    assert by_id["gdpr.13.1.b.dpo_contact"] == ("collected_directly", "has_dpo")


def test_a_notice_is_decided_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = decisions.applicability
    monkeypatch.setattr(decisions, "applicability",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    p = policy("minimal")  # the check's rules ask for the decisions many times
    assert len(calls) == 1
    first = decisions.decide(p, p.programs["learning"])
    second = decisions.decide(p, p.programs["learning"])
    assert first == second and first is not second and len(calls) == 1
    other = policy("minimal")
    assert len(calls) == 2  # another policy is decided afresh
    assert decisions.decide(other, other.programs["learning"]) == first


def test_the_catalog_is_made_into_requirements_once_and_never_from_a_stale_entry(
        monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = load_catalog()
    monkeypatch.setattr(decisions, "_CATALOG_REQUIREMENTS", {})
    made = []
    real = Requirement.of_item.__func__
    monkeypatch.setattr(Requirement, "of_item",
                        classmethod(lambda cls, item: made.append(item) or real(cls, item)))
    first = decisions.catalog_requirements(catalog)
    assert decisions.catalog_requirements(catalog) is first
    assert len(made) == len(catalog.items)
    # an entry left by another catalog that had the same id() is not used
    decisions._CATALOG_REQUIREMENTS[id(catalog)] = (object(), ("stale",))
    assert decisions.catalog_requirements(catalog) == first


def test_facts_hold_the_programs_known_fields_and_transfers_only() -> None:
    from govportal.rules.facts import NoticeFacts

    p = policy()
    program = p.programs["learning"]
    facts = NoticeFacts.of(p, program)
    assert [t.id for t in facts.transfers] == ["lms-us", "lms-uk-us"]
    assert [t.destination for t in facts.transfers] == ["United States", "United States"]
    assert [f.id for f in facts.fields] == list(program.fields)
    assert [j.id for j in facts.jurisdictions] == ["de", "uk", "us-ca"]
    program.transfers = ["lms-us", "no-such-transfer"]
    program.fields = [*program.fields, "no-such-field"]
    built = NoticeFacts.build(p.organisation, program, p.fields_by_id, p.transfers_by_id)
    assert [t.id for t in built.transfers] == ["lms-us"]  # lms-uk-us is no longer listed
    assert "no-such-field" not in [f.id for f in built.fields]
    assert NoticeFacts.build(p.organisation, program, p.fields_by_id).transfers == ()
