"""Every governance rule, failing and passing, with its exact problems.

``tests/cases/rules/base/`` is a complete, valid data folder that shows the passing form of
every governance rule (``tests/cases/rules/README.md`` says where). Each rule has a folder
``tests/cases/rules/<rule-id>/`` of variants: ``fail*`` must report the rule, ``pass*`` must
not. A variant holds ``data/`` (files laid over the base, see ``copy_case``), ``expected.txt``
(every problem exactly as ``govportal check`` prints it, hints included; empty when none)
and, when needed, ``case.yaml`` (``options`` for :class:`registry.Options`;
``breach_catalog_without``: regimes whose breach timelines the catalog should lack).

After an intended change of wording, ``pytest tests/unit/test_rules.py --update-cases``
rewrites each ``expected.txt`` that differs and fails its test (a rewritten file never
passes against itself); read the diff, then run the tests again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from govportal import pipeline
from govportal.problems import Severity
from govportal.rules import catalog, registry
from tests.conftest import CASES, copy_case

RULES = CASES / "rules"
BASE = RULES / "base"
TODAY = dt.date(2026, 11, 22)
# The rule families this file covers; the others have their own tests (invalid cases,
# the disclosure gate, readability).
FAMILIES = ("consent", "views", "guides", "retention", "analytics", "vendors", "transfers",
            "incident", "review", "launch", "governance", "declarations", "records", "i18n")
GOVERNANCE = sorted(rid for rid, r in registry.all_rules().items() if r.family in FAMILIES)
VARIANTS = sorted(p for p in RULES.glob("*/*") if p.is_dir() and p.parent != BASE)
assert len(GOVERNANCE) >= 30 and len(VARIANTS) >= 50, (len(GOVERNANCE), len(VARIANTS))


def options_for(case: Path | None) -> tuple[registry.Options, list[str]]:
    settings = {}
    if case is not None and (case / "case.yaml").is_file():
        settings = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8")) or {}
    given = dict(settings.get("options") or {})
    severities = {k: Severity(v) for k, v in (given.pop("severities", None) or {}).items()}
    today = given.pop("today", TODAY)
    opts = registry.Options(today=today, severities=severities, **given)
    return opts, list(settings.get("breach_catalog_without") or [])


def report(data: Path, label_base: Path, options: registry.Options) -> str:
    result = pipeline.check(data, options, label_base=label_base)
    return "".join(p.format_text() + "\n" for p in result.problems)


def test_the_base_case_has_no_problems() -> None:
    assert report(BASE, BASE.parent, options_for(None)[0]) == ""


@pytest.mark.parametrize("case", VARIANTS, ids=[f"{p.parent.name}/{p.name}" for p in VARIANTS])
def test_rule_case_reports_exactly(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   update_cases: bool) -> None:
    rule_id, variant = case.parent.name, case.name
    assert rule_id in registry.all_rules(), f"{case.parent.name} is not a rule id"
    assert variant.startswith(("fail", "pass")), f"name {variant} fail… or pass…"
    options, without = options_for(case)
    if without:
        kept = tuple(t for t in catalog.load_breach_timelines() if t.regime not in without)
        monkeypatch.setattr(catalog, "load_breach_timelines", lambda: kept)
    overlay = case / "data" if (case / "data").is_dir() else None
    data = copy_case(BASE, overlay, tmp_path / "data")
    actual = report(data, tmp_path, options)
    expected_file = case / "expected.txt"
    if update_cases and (not expected_file.is_file()
                         or expected_file.read_text(encoding="utf-8") != actual):
        expected_file.write_text(actual, encoding="utf-8")
        pytest.fail(f"rewrote {case.relative_to(CASES)}/expected.txt: review the diff, then "
                    "run the tests again")
    assert actual == expected_file.read_text(encoding="utf-8")
    reported = f"[{rule_id}]" in actual
    if variant.startswith("fail"):
        assert reported, f"{case} should report {rule_id}"
    else:
        assert not reported, f"{case} should not report {rule_id}"


@pytest.mark.parametrize("rule_id", GOVERNANCE)
def test_every_rule_has_a_failing_and_a_passing_case(rule_id: str) -> None:
    variants = [p.name for p in (RULES / rule_id).glob("*") if p.is_dir()]
    assert any(v.startswith("fail") for v in variants), f"add tests/cases/rules/{rule_id}/fail"
    readme = (RULES / "README.md").read_text(encoding="utf-8")
    assert any(v.startswith("pass") for v in variants) or f"`{rule_id}`" in readme, (
        f"add tests/cases/rules/{rule_id}/pass, or say in tests/cases/rules/README.md where "
        "the base passes it")


@pytest.mark.parametrize("rule_id", sorted(registry.all_rules()))
def test_every_rule_documents_a_passing_and_a_failing_example(rule_id: str) -> None:
    doc = registry.all_rules()[rule_id].doc
    summary, _, rest = doc.partition("\n\n")
    assert summary and summary[0].isupper(), rule_id
    assert "\nPassing:" in "\n" + rest and "\nFailing:" in "\n" + rest, rule_id


def test_rule_ids_are_stable_and_well_formed() -> None:
    for rule_id, item in registry.all_rules().items():
        family, _, name = rule_id.partition(".")
        assert family and name and rule_id == rule_id.lower() and " " not in rule_id
        assert item.severity in (Severity.ERROR, Severity.WARNING)


def test_no_folder_names_an_unknown_rule() -> None:
    known = set(registry.all_rules())
    folders = {p.name for p in RULES.iterdir() if p.is_dir() and p != BASE}
    assert folders <= known, sorted(folders - known)
