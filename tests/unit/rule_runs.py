"""Running the governance rules on the rule cases' base data with a few edits, in process
(so a mutation tester sees the rules it changes), and the problems as ``govportal check``
prints them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govportal import pipeline
from govportal.rules import registry
from tests.conftest import CASES, mutated

BASE = CASES / "rules" / "base"
TODAY = dt.date(2026, 11, 22)


def report_after(tmp_path: Path, edits: list[tuple[str, str, str]],
                 options: registry.Options | None = None,
                 files: dict[str, str] | None = None) -> str:
    """Every problem of the base data after the text edits ``(file, old, new)`` and with the
    added ``files`` (name: text), hints included, one after the other as the check prints
    them."""
    data = mutated(tmp_path, BASE, edits)
    for name, text in (files or {}).items():
        (data / name).write_text(text, encoding="utf-8")
    result = pipeline.check(data, options or registry.Options(today=TODAY),
                            label_base=tmp_path)
    return "".join(p.format_text() + "\n" for p in result.problems)
