"""Vendors at their edges: several processors with different gaps, evidence at the limit.

Each test edits the rule cases' base folder (``tests/cases/rules/base/``) in a temporary copy
and compares the vendor rules' problems with the lines written out below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govportal import pipeline
from govportal.rules import registry
from tests.conftest import CASES, mutated

BASE = CASES / "rules" / "base"
TODAY = dt.date(2026, 11, 22)


def problems(tmp_path: Path, edits: list[tuple[str, str, str]]) -> list[str]:
    """The vendor rules' problems, as `govportal check` prints them (hint on line two)."""
    data = mutated(tmp_path, BASE, edits)
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path)
    return [p.format_text() for p in result.problems if p.rule.startswith("vendor.")]


LMS_DPA_AND_EVIDENCE = """\
    dpa:
      signed: 2026-01-10
      reference: DPA-1
      roles: Processor for the company.
      subprocessors:
        - {name: CloudCo, service: Hosting, location: Ireland}
      audit_rights: Annual audit on request.
      deletion: Deleted at the end of the contract.
    security_evidence:
      - {kind: SOC 2 Type II report, issued: 2026-06-01}
"""
# the newest of three is the middle one, so neither the first nor the last is taken for it
THREE_OLD = """\
      - {kind: ISO 27001 certificate, issued: 2024-07-15}
      - {kind: SOC 2 Type II report, issued: 2025-03-01}
      - {kind: Penetration test, issued: 2024-01-10}
"""


def test_a_gap_in_the_first_processor_does_not_hide_the_next_ones(tmp_path: Path) -> None:
    edits = [("vendors.yaml", LMS_DPA_AND_EVIDENCE, ""),
             ("vendors.yaml", "      subprocessors: []\n", ""),
             ("vendors.yaml", "      - {kind: ISO 27001 certificate, issued: 2026-07-15}\n",
              THREE_OLD)]
    assert problems(tmp_path, edits) == [
        "data/vendors.yaml:4:11: error [vendor.dpa-missing] vendors[0].role: the processor "
        "'lms-vendor' handles personal data but has no processing agreement recorded\n"
        "    hint: add `dpa:` with signed, reference, roles, subprocessors, audit_rights and "
        "deletion",
        "data/vendors.yaml:4:11: error [vendor.security-evidence] vendors[0].role: the "
        "processor 'lms-vendor' has no security evidence recorded\n"
        "    hint: record its latest SOC report, certificate or audit under "
        "`security_evidence`",
        "data/vendors.yaml:13:7: error [vendor.subprocessors-unstated] vendors[1].dpa: the "
        "processing agreement of 'coach-vendor' does not list its subprocessors\n"
        "    hint: list them under `dpa.subprocessors`, or write `subprocessors: []` when the "
        "agreement allows none",
        "data/vendors.yaml:20:46: error [vendor.security-evidence] "
        "vendors[1].security_evidence[1].issued: the newest security evidence of "
        "'coach-vendor' (SOC 2 Type II report, issued 2025-03-01) is 631 days old; the limit "
        "is 365\n"
        "    hint: ask the vendor for a current report or certificate and record it",
    ]


def test_evidence_exactly_at_the_limit_passes_and_one_day_more_fails(tmp_path: Path) -> None:
    edits = [("vendors.yaml", "issued: 2026-06-01", "issued: 2025-11-22"),   # 365 days
             ("vendors.yaml", "issued: 2026-07-15", "issued: 2025-11-21")]   # 366 days
    assert problems(tmp_path, edits) == [
        "data/vendors.yaml:30:47: error [vendor.security-evidence] "
        "vendors[1].security_evidence[0].issued: the newest security evidence of "
        "'coach-vendor' (ISO 27001 certificate, issued 2025-11-21) is 366 days old; the limit "
        "is 365\n"
        "    hint: ask the vendor for a current report or certificate and record it",
    ]
