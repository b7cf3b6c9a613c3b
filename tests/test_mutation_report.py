"""The mutation testing report: figures judged from mutmut's verdicts, equivalents counted
only while their change is the one judged, and the committed page showing the committed
results. Nothing here runs mutmut (``make mutation`` does)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.conftest import ROOT, bench_module

mutation = bench_module("mutation")
RESULTS = ROOT / "bench" / "results" / "mutation.json"


def test_the_committed_page_shows_the_committed_results() -> None:
    report = json.loads(RESULTS.read_text(encoding="utf-8"))
    page = (ROOT / "content" / "mutation-testing.md").read_text(encoding="utf-8")
    assert mutation.markdown(report) in page


def test_the_committed_results_cover_every_core_module() -> None:
    report = json.loads(RESULTS.read_text(encoding="utf-8"))
    assert [m["module"] for m in report["modules"]] == list(mutation.CORE)
    assert len(mutation.CORE) == 28
    measured = [m for m in report["modules"] if m.get("measured", True)]
    assert measured, "no module measured"
    for m in measured:
        assert m["mutants"] > 0, m["module"]
        assert m["killed"] + len(m["survivors"]) == m["mutants"], m["module"]
    for m in report["modules"]:
        if not m.get("measured", True):
            assert (m["mutants"], m["kill_rate"], m["survivors"]) == (0, None, []), m
            assert f"| {m['module']} | not measured yet |" in mutation.markdown(report)


def test_every_listed_equivalent_has_a_reason_and_is_a_survivor() -> None:
    listed = yaml.safe_load((ROOT / "bench" / "mutation-equivalents.yaml").read_text("utf-8"))
    report = json.loads(RESULTS.read_text(encoding="utf-8"))
    survivors = {s["name"]: s for m in report["modules"] for s in m["survivors"]}
    for name, entry in (listed or {}).items():
        assert len(entry["reason"]) > 20, name
        assert name in survivors, f"{name} is listed as equivalent but did not survive"
        assert survivors[name]["equivalent"] == entry["reason"], name


def test_kill_rate_and_equivalents() -> None:
    statuses = {"m.x__mutmut_1": "killed", "m.x__mutmut_2": "survived",
                "m.x__mutmut_3": "timeout", "m.x__mutmut_4": "no tests",
                "m.x__mutmut_5": "survived"}
    diffs = {"m.x__mutmut_2": "-a\n+b", "m.x__mutmut_4": "-c\n+d", "m.x__mutmut_5": "-e\n+f"}
    equivalents = {"m.x__mutmut_2": {"diff": "-a\n+b", "reason": "same value either way"},
                   "m.x__mutmut_5": {"diff": "-e\n+OLD", "reason": "judged on another change"}}
    got = mutation.summarise("rules/x.py", statuses, diffs, equivalents)
    assert (got["mutants"], got["killed"], got["equivalent"], got["kill_rate"]) == (5, 2, 1, 0.5)
    assert [(s["name"], s["status"], s["equivalent"]) for s in got["survivors"]] == [
        ("m.x__mutmut_2", "survived", "same value either way"),
        ("m.x__mutmut_4", "no tests", None),
        ("m.x__mutmut_5", "survived", None)]


def test_the_table_marks_the_target_and_lists_the_equivalents() -> None:
    report = {"date": "2026-12-01", "command": "make mutation", "commit": "abc1234",
              "mutmut": "3.8.1", "before_commit": "0000000",
              "before": [{"module": "rules/x.py", "mutants": 10, "killed": 5, "kill_rate": 0.5}],
              "modules": [
                  {"module": "rules/x.py", "mutants": 10, "killed": 9, "equivalent": 1,
                   "kill_rate": 1.0, "survivors": [
                       {"name": "m.x__mutmut_2", "status": "survived", "diff": "-a\n+b",
                        "equivalent": "same value either way"}]},
                  {"module": "rules/y.py", "mutants": 4, "killed": 3, "equivalent": 0,
                   "kill_rate": 0.75, "survivors": [
                       {"name": "m.y__mutmut_1", "status": "survived", "diff": "-c\n+d",
                        "equivalent": None}]}]}
    text = mutation.markdown(report)
    assert "| rules/x.py | 9 of 10 (1) | 50.0 % → 100.0 %, met |" in text
    assert "| rules/y.py | 3 of 4 (0) | – → 75.0 %, missed |" in text
    assert "- `m.x__mutmut_2` (rules/x.py): same value either way" in text
    assert "    -a\n    +b" in text
    assert text.rstrip().endswith("`m.y__mutmut_1` (survived)")


def test_the_page_is_rewritten_between_its_markers_only(tmp_path: Path) -> None:
    page = tmp_path / "mutation.md"
    page.write_text(f"# Head\n\n{mutation.START}\nold\n{mutation.END}\n\nTail.\n", "utf-8")
    mutation.write_page("new table\n", page)
    assert page.read_text(encoding="utf-8") == (
        f"# Head\n\n{mutation.START}\nnew table\n{mutation.END}\n\nTail.\n")


def test_rule_decorators_become_calls_after_the_module_with_every_line_in_place() -> None:
    source = ('"""Rules."""\n'
              "@rule(\"a.one\", needs=(\"x\",))\n"
              "def one(ctx):\n"
              "    return helper(ctx)\n"
              "\n"
              "@rule(\n"
              "    \"a.two\")\n"
              "def two(ctx):\n"
              "    yield 2\n"
              "\n"
              "@dataclass(frozen=True)\n"
              "class Kept:\n"
              "    x: int\n"
              "\n"
              "def helper(ctx):\n"
              "    return 1\n")
    assert mutation.undecorate_rules(source) == (
        '"""Rules."""\n'
        "\n"
        "def one(ctx):\n"
        "    return helper(ctx)\n"
        "\n"
        "\n"
        "\n"
        "def two(ctx):\n"
        "    yield 2\n"
        "\n"
        "@dataclass(frozen=True)\n"
        "class Kept:\n"
        "    x: int\n"
        "\n"
        "def helper(ctx):\n"
        "    return 1\n"
        "\n"
        "one = rule(\"a.one\", needs=(\"x\",))(one)\n"
        "two = rule(\n    \"a.two\")(two)\n")
    assert mutation.undecorate_rules("def plain():\n    pass\n") == "def plain():\n    pass\n"


def test_memoised_functions_of_the_sanitiser_are_staged_as_calls_too() -> None:
    source = ("_memo = functools.lru_cache(maxsize=8)\n"
              "\n"
              "@_memo  # a comment on the decorator's line\n"
              "def plain(text):\n"
              "    return text\n"
              "\n"
              "@functools.cache\n"
              "def other(text):\n"
              "    return text\n")
    assert mutation.undecorate_rules(source) == (
        "_memo = functools.lru_cache(maxsize=8)\n"
        "\n"
        "\n"
        "def plain(text):\n"
        "    return text\n"
        "\n"
        "@functools.cache\n"
        "def other(text):\n"
        "    return text\n"
        "\n"
        "plain = _memo(plain)\n")
    assert "plugins/govportal/text/safe_markdown.py" in mutation.MEMOISED


def test_a_reason_is_shown_as_written_with_its_code_spans_kept() -> None:
    assert mutation.inert("match the pattern [[kind:id]] and `if label` *twice*") == (
        "match the pattern &#91;&#91;kind:id]] and `if label` &#42;twice&#42;")
    assert mutation.inert("an unclosed ` [x]") == "an unclosed &#96; &#91;x]"
