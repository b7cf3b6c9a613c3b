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
    return {t["target"]: t for t in run.verdicts(report["sizes"], report.get("serve"))}


CHECK = ("`govportal check --no-lock` as a user runs it (start-up included) at most 2× a bare "
         "C-loader YAML load process, 1,000 programs")
PLUGIN_100 = "Build with the plugin at most 1.15× the plugin-off build, 100 programs"


def _size(report: dict, n: int) -> dict:
    return next(s for s in report["sizes"] if s["programs"] == n)


def test_the_committed_page_shows_the_committed_results() -> None:
    page = (ROOT / "content" / "benchmarks.md").read_text(encoding="utf-8")
    assert run.markdown({**REPORT, "targets": run.verdicts(REPORT["sizes"],
                                                           REPORT.get("serve"))}) in page


def test_a_ratio_is_the_median_of_paired_runs() -> None:
    size = {"build_cpu": {"values": [2.0, 9.0, 3.0]},
            "plain_build_cpu": {"values": [1.0, 3.0, 2.0]}}
    assert run.paired(size, "build", "plain_build") == 2.0  # of 2.0, 3.0 and 1.5
    assert run.paired(size, "build", "macros_build") is None


def test_a_ratio_over_its_target_is_missed_and_says_why() -> None:
    report = copy.deepcopy(REPORT)
    size = _size(report, 1000)
    floor = size["yaml_process_cpu"]["values"]
    size["check_cli_no_lock_cpu"]["values"] = [3 * v for v in floor]
    check = _targets(report)[CHECK]
    assert check["met"] is False
    assert check["detail"].startswith("3.00× (median of")
    assert "validation and every governance rule on top of loading" in check["why"]
    size["check_cli_no_lock_cpu"]["values"] = [1.5 * v for v in floor]
    assert _targets(report)[CHECK]["met"] is True


def test_the_plugin_reason_names_its_largest_steps() -> None:
    report = copy.deepcopy(REPORT)
    size = _size(report, 100)
    size["plugin_steps"] = {"check": 1.0, "edition scan": 9.0, "pages": 3.0, "manifest": 0.5}
    size["build_cpu"]["values"] = [2 * v for v in size["plain_build_cpu"]["values"]]
    target = _targets(report)[PLUGIN_100]
    assert target["met"] is False
    assert target["why"].startswith("at 100 programs its largest steps are edition scan "
                                    "(9.0 s), pages (3.0 s), check (1.0 s)")


def test_the_page_is_rewritten_between_its_markers_only(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    page.write_text(f"# Head\n\n{run.START}\nold\n{run.END}\n\nTail.\n", encoding="utf-8")
    run.write_page("new table", page)
    assert page.read_text(encoding="utf-8") == (
        f"# Head\n\n{run.START}\nnew table\n{run.END}\n\nTail.\n")
