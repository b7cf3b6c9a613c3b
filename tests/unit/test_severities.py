"""The rule ids a `severities:` setting may name: every id the portal can report."""

from __future__ import annotations

import re

from govportal.rules.severities import known_rule_ids, unknown_message, unknown_rule_ids
from tests.conftest import CASES, ROOT

RULE_ID = re.compile(r"\b(?:error|warning) \[([a-z0-9-]+\.[a-z0-9.-]+)\]")


def test_every_rule_id_the_example_cases_report_can_be_given_a_severity() -> None:
    reported = {m.group(1) for path in CASES.rglob("expected.txt")
                for m in RULE_ID.finditer(path.read_text(encoding="utf-8"))}
    assert len(reported) > 40  # the corpus reports many kinds of problem
    assert sorted(reported - known_rule_ids()) == []


def test_every_rule_id_written_in_the_package_is_known() -> None:
    """Rule ids passed as text to a problem in the package's own code."""
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (ROOT / "plugins" / "govportal").rglob("*.py"))
    written = set(re.findall(r"""(?:add|fail)\(\s*"([a-z]+\.[a-z-]+)",""", source))
    assert {"yaml.alias", "schema.unknown-key", "disclosure.not-rendered"} <= written
    assert sorted(written - known_rule_ids()) == []


def test_unknown_ids_are_named() -> None:
    assert unknown_rule_ids(["review.due-soon", "schema.unknown-key", "vendors.old"]) == [
        "vendors.old"]
    assert unknown_message(["vendors.old"]).startswith(
        "severities names unknown rule ids: vendors.old")
