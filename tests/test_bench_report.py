"""The benchmark's report: targets judged from the numbers, and the page rewritten only
between its markers. Nothing here measures time; the numbers come from the committed
results file."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from tests.conftest import ROOT, bench_module

run = bench_module("run")
REPORT = json.loads((ROOT / "bench" / "results" / "latest.json").read_text(encoding="utf-8"))


def _targets(report: dict) -> dict[str, dict]:
    return {t["target"].split(" at most")[0].split(" grows")[0]: t
            for t in run.verdicts(report["sizes"], report.get("serve"))}


def test_the_committed_page_shows_the_committed_results() -> None:
    page = (ROOT / "content" / "benchmarks.md").read_text(encoding="utf-8")
    assert run.markdown({**REPORT, "targets": run.verdicts(REPORT["sizes"],
                                                           REPORT.get("serve"))}) in page


def test_a_ratio_over_its_target_is_missed_and_says_why() -> None:
    report = copy.deepcopy(REPORT)
    for size in report["sizes"]:  # the check made three times the floor everywhere
        size["check_no_lock_cpu"]["min"] = 3 * size["yaml_load_cpu"]["min"]
    check = _targets(report)["`check` (validation and every rule)"]
    assert check["met"] is False
    assert "come on top of loading" in check["why"]
    for size in report["sizes"]:
        size["check_no_lock_cpu"]["min"] = 1.5 * size["yaml_load_cpu"]["min"]
    assert _targets(report)["`check` (validation and every rule)"]["met"] is True


def test_the_overhead_reason_names_the_plugin_s_largest_steps() -> None:
    report = copy.deepcopy(REPORT)
    report["sizes"][-1]["plugin_steps"] = {"check": 1.0, "edition scan": 9.0, "pages": 3.0,
                                           "manifest": 0.5}
    why = _targets(report)["Plugin overhead"]["why"]
    assert why.startswith("at 1,000 programs its largest steps are edition scan (9.0 s), "
                          "pages (3.0 s), check (1.0 s)")


def test_the_page_is_rewritten_between_its_markers_only(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    page.write_text(f"# Head\n\n{run.START}\nold\n{run.END}\n\nTail.\n", encoding="utf-8")
    run.write_page("new table", page)
    assert page.read_text(encoding="utf-8") == (
        f"# Head\n\n{run.START}\nnew table\n{run.END}\n\nTail.\n")
