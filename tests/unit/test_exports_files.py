"""Every machine-readable file, byte for byte, against the files a person wrote down.

``tests/cases/exports/<case>/`` holds, for a data case, each export exactly as an LMS or an
auditor receives it; they were written once from the output and read line by line against
the data (there is no switch that rewrites them: after an intended change, edit them, or
regenerate one with the snippet in the README of that folder and review the diff)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govportal import pipeline
from govportal.publish import exports
from govportal.rules import registry
from tests.conftest import CASES, mutated

OPTIONS = registry.Options(today=dt.date(2026, 11, 22))
EXPECTED = CASES / "exports"
FILES = ["notices.json", "retention.json", "retention.csv", "ropa.csv", "notices.atom",
         "coverage.json", "notices/learning/v1.1/en.txt"]
# The complete case, with a second notice version (material), a title with a non-ASCII
# letter and a summary with an ampersand, published under a path of a host.
EDITS = [
    ("programs/learning.yaml", "title: Learning records", "title: Learning records – Zürich"),
    ("programs/learning.yaml", 'version: "1.0"\n  effective: 2026-01-15',
     'version: "1.1"\n  effective: 2026-10-01'),
    ("programs/learning.yaml", "  changelog:\n",
     "  waivers:\n    - {item: gdpr.13.2.e.obligation_to_provide, reason: Geregelt im "
     'Arbeitsvertrag (§ 3).}\n  changelog:\n    - {version: "1.1", date: 2026-09-01, '
     "summary: Reminders & their timing., material: true}\n"),
    ("retention.yaml", "justification: Needed for development planning.",
     "justification: Needed for development planning – kept for the next review."),
]
CASES_ = {
    "complete-at-a-path": ("https://portal.example.com/policies/", "Northwind Portal"),
    "complete-no-site-url": (None, None),
}


def exported(tmp_path: Path, site_url: str | None, site_name: str | None) -> dict[str, str]:
    data = mutated(tmp_path, CASES / "valid" / "complete", EDITS)
    result = pipeline.check(data, OPTIONS, label_base=data.parent)
    assert not result.problems.errors, result.problems.format_text()
    pages = {p.src_uri: p for p in pipeline.build_pages(result.policy, OPTIONS)}
    if site_url is None:
        return exports.all_exports(result.policy, pages)
    return exports.all_exports(result.policy, pages, site_url, site_name)


@pytest.mark.parametrize("case", sorted(CASES_))
def test_every_export_is_exactly_as_written_down(tmp_path: Path, case: str) -> None:
    files = exported(tmp_path, *CASES_[case])
    assert sorted(files) == sorted(FILES)
    for name in FILES:
        expected = (EXPECTED / case / name).read_text(encoding="utf-8")
        assert files[name] == expected, f"{case}/{name}"


@pytest.mark.parametrize("case", sorted(CASES_))
def test_each_written_down_record_hashes_to_its_notice_hash(case: str) -> None:
    """The canonical text files, as written down, hash to what notices.json says."""
    import hashlib
    import json

    data = json.loads((EXPECTED / case / "notices.json").read_text(encoding="utf-8"))
    site_url = CASES_[case][0] or ""
    assert len(data["records"]) == 1
    for entry in data["records"] + data["notices"]:
        path = entry["text_url"].removeprefix(site_url)
        assert path == "notices/learning/v1.1/en.txt"
        raw = (EXPECTED / case / path).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == entry["notice_hash"]
        assert entry["kantara_notice_record"]["notice_hash"] == "sha256:" + entry["notice_hash"]
