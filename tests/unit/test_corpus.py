"""The disclosure gate on a corpus of real published workforce and applicant notices.

Each case in ``tests/cases/corpus/`` is one published notice encoded as portal data as
strong or as weak as its text; ``expected.txt`` holds, written by hand from an independent
reading, the catalog items the notice lacks; ``gate.yaml`` holds where the gate is known to
differ from that reading, each difference explained in the case's README.

The gate's problems are turned into catalog item ids by ``tests/cases/corpus/measure.py``:

- ``disclosure.missing`` and ``disclosure.advisory`` name the item ("lacks <item-id> (");
- ``declaration.missing`` names the items the missing statement decides ("this decides …");
- ``content.placeholder`` and ``content.restates-purpose`` name a text; its path says which
  notice section it belongs to (``purposes[i].legitimate_interest`` → the legitimate-interest
  items, ``notice.obligation`` → the obligation items, ``wording.<id>`` → the items of that
  sentence of standard wording …), and the problem concerns that section's applicable items;
- ``authority.not-competent`` → the complaint items; ``organisation.dpo-required`` → the
  DPO items; ``retention.uncovered-field`` → the retention items; ``consent.details-missing``
  → the withdrawal-of-consent items; ``transfer.uk-tool``, ``transfer.adequacy-not-listed``
  and ``transfer.derogation-reason`` → the transfer items;
- every other rule is "other": each case lists the ones it expects (``other_rules``).

The test asserts, per case, that the gate reports exactly the reading's items, less the
documented misses, plus the documented false alarms and borderline reports, so that any
change in what the gate says about a real notice fails here until the case is updated. It
also holds ``RESULTS.md`` (recall and precision over the corpus) to the current output.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from govportal.rules.catalog import load_catalog
from tests.cases.corpus import measure

CASES = measure.CASES
CATALOG = set(load_catalog().by_id)


@cache
def case(path: Path) -> measure.Case:
    return measure.load(path)


def test_the_corpus_has_at_least_six_real_notices() -> None:
    assert len(CASES) >= 6
    for path in CASES:
        assert (path / "data" / "programs" / f"{path.name}.yaml").is_file(), path.name


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_the_gate_reports_what_the_reading_found_less_the_documented_differences(
        path: Path) -> None:
    c = case(path)
    assert c.report.unmapped == []
    assert c.gate == c.expected_gate, (
        f"unexpected reports: {sorted(c.gate - c.expected_gate)}; "
        f"expected but not reported: {sorted(c.expected_gate - c.gate)}")


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_only_the_documented_other_rules_report(path: Path) -> None:
    c = case(path)
    assert set(c.report.other) == set(c.other_rules)


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_the_expected_items_and_differences_are_consistent(path: Path) -> None:
    c = case(path)
    assert c.reading, "expected.txt lists the items the reading found missing"
    named = c.reading | set(c.misses) | set(c.false_alarms) | set(c.borderline)
    assert named <= CATALOG, f"not catalog ids: {sorted(named - CATALOG)}"
    assert set(c.misses) <= c.reading, "a miss is an item the reading found missing"
    assert not (set(c.false_alarms) | set(c.borderline)) & c.reading, (
        "a false alarm or borderline report is an item the reading did not count as missing")
    assert not set(c.false_alarms) & set(c.borderline)
    assert all(why.strip() for d in (c.misses, c.false_alarms, c.borderline, c.other_rules)
               for why in d.values()), "every difference says why"


README_SECTIONS = ("## Source", "## Regimes judged", "## Missing according to the reading",
                   "## Borderline calls", "## What the model cannot express",
                   "## Known gate misses/false alarms")


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_the_readme_documents_the_case(path: Path) -> None:
    text = (path / "README.md").read_text(encoding="utf-8")
    for heading in README_SECTIONS:
        assert heading in text, f"README lacks {heading!r}"
    c = case(path)
    reading_part = text.split("## Missing according to the reading")[1].split("\n## ")[0]
    for item in c.reading:
        assert f"`{item}`" in reading_part, f"README does not list {item} as missing"
    known = text.split("## Known gate misses/false alarms")[1].split("\n## ")[0]
    for item in [*c.misses, *c.false_alarms, *c.borderline, *c.other_rules]:
        assert f"`{item}`" in known, f"README does not explain {item} under known differences"
    assert re.search(r"\b[0-9a-f]{40}\b", text), "README names the source commit"


def test_problem_messages_map_to_their_items() -> None:
    lacks = ("the notice 'x' lacks uk.13.2.b.rights (UK GDPR Art. 13(2)(b): the person's "
             "rights): the standard wording it needs is left out (rights.portability)")
    assert measure._LACKS.findall(lacks) == ["uk.13.2.b.rights"]
    decides = ("the data does not say whether personal information is sold or shared "
               "(California); this decides ccpa.nac.opt_out_link of notices gitlab-employees")
    assert measure._DECIDES.search(decides).group(1) == "ccpa.nac.opt_out_link"
    two = "the data does not say who receives the data; this decides gdpr.13.1.e.recipients, " \
          "gdpr.14.1.e.recipients"
    assert measure._DECIDES.search(two).group(1).split(", ") == [
        "gdpr.13.1.e.recipients", "gdpr.14.1.e.recipients"]


def test_a_placeholder_interest_is_the_legitimate_interest_items() -> None:
    # GitLab says its legitimate interests are "the purposes described above": the
    # placeholder rule, not a missing key, is what reports it.
    c = case(measure.CORPUS / "gitlab-employees")
    for item in ("gdpr.13.1.d.legitimate_interests", "gdpr.14.2.b.legitimate_interests",
                 "uk.13.1.d.legitimate_interests", "uk.14.2.b.legitimate_interests"):
        assert c.report.items[item] == {"content.placeholder"}


def test_an_uncovered_field_is_the_retention_items() -> None:
    c = case(measure.CORPUS / "roweit-employees")
    assert c.report.items["uk.13.2.a.retention"] == {"disclosure.missing",
                                                    "retention.uncovered-field"}


def test_twins_are_one_gap() -> None:
    assert measure.gap_key("gdpr.13.2.a.retention") == measure.gap_key("gdpr.14.2.a.retention")
    assert measure.gap_key("uk.13.1.d.legitimate_interests") == measure.gap_key(
        "uk.14.2.b.legitimate_interests")
    assert measure.gap_key("gdpr.13.2.a.retention") != measure.gap_key("uk.13.2.a.retention")
    assert measure.gap_key("ccpa.nac.categories") != measure.gap_key(
        "ccpa.nac.sensitive_categories")


def test_the_results_file_is_current() -> None:
    cases = [case(p) for p in CASES]
    assert measure.RESULTS.read_text(encoding="utf-8") == measure.render(cases), (
        "RESULTS.md is stale: run .venv/bin/python -m tests.cases.corpus.measure")
    assert measure.MEASURED.read_text(encoding="utf-8") == measure.summary(cases), (
        "the catalog's measured.yaml is stale: run .venv/bin/python -m tests.cases.corpus.measure")
