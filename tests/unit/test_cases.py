"""Loader and validation against folders of valid and invalid example cases.

``tests/cases/valid/<case>/`` are complete data folders that must load with no problem.
``tests/cases/invalid/<case>/`` hold only the files that differ from the base valid case
(``<name>.delete`` removes a file) and ``expected.txt``: the exact problem lines, in order.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govportal import pipeline
from govportal.rules import registry
from tests.conftest import CASES, copy_case

BASE = CASES / "valid" / "minimal"
TODAY = dt.date(2026, 11, 22)
VALID = sorted(p for p in (CASES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())
assert len(VALID) >= 2 and len(INVALID) >= 10, (VALID, INVALID)


def problem_lines(data: Path, base: Path) -> list[str]:
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=base)
    return [p.format_text().split("\n")[0] for p in result.problems]


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_valid_case_has_no_problems(case: Path) -> None:
    assert problem_lines(case, case) == []


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_case_reports_exactly(case: Path, tmp_path: Path) -> None:
    overlay = case / "data"
    data = copy_case(BASE, overlay, tmp_path / "data")
    expected = (case / "expected.txt").read_text(encoding="utf-8").strip().splitlines()
    assert problem_lines(data, tmp_path) == expected
