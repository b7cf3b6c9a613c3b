"""Golden files of the generated Markdown: a change to a page is a reviewed change.

Refresh after an intended change with ``pytest --update-golden`` (or
``GOVPORTAL_UPDATE_GOLDEN=1``), then read the diff before committing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from govportal import pipeline
from govportal.rules import registry
from tests.conftest import CASES, ROOT

BASE = CASES / "valid" / "minimal"
GOLDEN = ROOT / "tests" / "golden"
OPTIONS = registry.Options(today=dt.date(2026, 11, 22))


def rendered() -> dict[str, str]:
    result = pipeline.check(BASE, OPTIONS, label_base=BASE.parent)
    assert not result.problems.errors, result.problems.format_text()
    return {p.src_uri: p.markdown for p in pipeline.build_pages(result.policy, OPTIONS)}


PAGES = rendered() if BASE.is_dir() else {}


@pytest.mark.parametrize("src_uri", sorted(PAGES))
def test_page_matches_golden(src_uri: str, update_golden: bool) -> None:
    golden = GOLDEN / src_uri
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(PAGES[src_uri], encoding="utf-8")
    assert golden.is_file(), f"no golden file for {src_uri}: run pytest --update-golden"
    assert PAGES[src_uri] == golden.read_text(encoding="utf-8")


def test_every_golden_file_has_a_page() -> None:
    stale = sorted(
        p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")
        if p.relative_to(GOLDEN).as_posix() not in PAGES
    )
    assert stale == [], f"golden files without a page (delete them): {stale}"
