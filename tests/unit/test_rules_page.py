"""The rules reference page: generated from the rules' docstrings, complete and in order."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from govportal import pipeline
from govportal.data.yaml_reader import load_text
from govportal.pages import ruledocs
from govportal.pages.page import RULES
from govportal.problems import Problems, Severity
from govportal.rules import declared, registry
from tests.conftest import CASES

BASE = CASES / "rules" / "base"


def rules_page(options: registry.Options):
    result = pipeline.check(BASE, options, label_base=BASE.parent)
    assert not result.problems.errors
    (page,) = [p for p in pipeline.build_pages(result.policy, options) if p.src_uri == RULES]
    return page


def test_parse_splits_summary_details_and_both_kinds_of_example() -> None:
    doc = ruledocs.parse(
        "Every field is covered.\n\nA rule covers the fields it lists,\nfor every program.\n\n"
        "Passing: a rule lists `quiz-score`\nfor every program.\n"
        "Failing:\n    fields:\n      - quiz-score\n\n      - quiz-attempts\n")
    assert doc.summary == "Every field is covered."
    assert doc.details == ["A rule covers the fields it lists, for every program."]
    assert [(e.passing, e.prose, e.code) for e in doc.examples] == [
        (True, "a rule lists `quiz-score` for every program.", ""),
        (False, "", "fields:\n  - quiz-score\n\n  - quiz-attempts"),
    ]


def test_a_fence_is_longer_than_any_backticks_in_the_code() -> None:
    assert ruledocs.Example(True, code="text: ````").fence == "`````"
    assert ruledocs.Example(True, code="plain").fence == "```"


@pytest.mark.parametrize("rule_id", sorted(registry.all_rules()))
def test_every_rule_has_both_examples_and_its_yaml_reads_cleanly(rule_id: str) -> None:
    """Each rule documents a passing and a failing example; an example written as YAML is
    read by the portal's own reader without a problem and holds a mapping or a list."""
    examples = ruledocs.parse(registry.all_rules()[rule_id].doc).examples
    assert {e.passing for e in examples} == {True, False}, rule_id
    for example in examples:
        assert example.prose or example.code, rule_id
        if example.code:
            problems = Problems()
            doc = load_text(example.code + "\n", f"{rule_id}.yaml", problems)
            assert [p.format_text() for p in problems] == [], example.code
            assert isinstance(doc.data, dict | list) and doc.data, example.code


def test_the_page_lists_every_rule_once_by_family_with_its_documentation() -> None:
    page = rules_page(registry.Options(today=dt.date(2026, 11, 22)))
    assert (page.title, page.section) == ("Rules reference", "owners/Registers")
    assert page.meta == {"govportal": "rules", "search": {"boost": 0.5}}
    md = page.markdown
    headings = re.findall(r"^### `([a-z0-9.-]+)` \{ #([a-z0-9-]+) \}$", md, re.M)
    rules = registry.all_rules()
    assert sorted(h for h, _ in headings) == sorted(rules)
    assert all(anchor == rid.replace(".", "-") for rid, anchor in headings)
    families = [rules[rid].family for rid, _ in headings]
    order = [f for f in registry.FAMILIES if f in families]
    assert families == sorted(families, key=order.index), "rules are grouped by family"
    for family in order:
        assert f"\n## {ruledocs.family_title(family)}\n" in md
    for rid, _ in headings:
        assert f"| [`{rid}`](#{rid.replace('.', '-')}) | {rules[rid].severity} |" in md
    # one rule in full: its summary, both examples as YAML code
    section = md.split("### `retention.period-in-clause`", 1)[1].split("\n### ", 1)[0]
    assert "<p>Sample policy clauses quote the schedule instead of stating their own " \
           "periods.</p>" in section
    assert "**Passes:**\n\n```yaml\ntext: Learning records are kept for " \
           "[[retention:learning-records]].\n```" in section
    assert "**Fails:**\n\n```yaml\ntext: Learning records are kept for two years after " \
           "completion.\n```" in section
    for rid in declared.CHANGE_CONTROL:
        assert f"| `{rid}` |" in md
    assert ("| `output.unrendered-markdown` | No generated page shows Markdown that did not "
            "render: table rows, list markers inside a paragraph, <code>&#42;&#42;</code>, "
            "<code>&#91;&#91;…]]</code>, <code>&#123;&#123;</code> or <code>&#123;%</code>. |"
            ) in md  # entities inside code: the reader sees ** [[…]] {{ {%
    assert "| `output.unrendered-markdown-archived` |" in md
    assert "| `disclosure.not-rendered` |" in md


def test_the_page_shows_this_builds_settings_and_changed_severities() -> None:
    options = registry.Options(today=dt.date(2026, 11, 22), review_warning_days=14,
                             engagement_ceiling_days=120,
                             severities={"review.due-soon": Severity.ERROR,
                                         "notice.readability": Severity.OFF})
    md = rules_page(options).markdown
    assert "| `today` | November 22, 2026 |" in md
    assert "| `review_warning_days` | 14 |" in md
    assert "| `engagement_ceiling_days` | 120 |" in md
    assert "| [`review.due-soon`](#review-due-soon) | error |" in md
    assert "**Severity:** warning (in this portal: **error**)" in md
    assert "**Severity:** warning (in this portal: **off**)" in md
    assert md.count("(in this portal:") == 2


def test_the_page_shows_the_dated_adequacy_list_with_its_sources() -> None:
    md = rules_page(registry.Options(today=dt.date(2026, 11, 22))).markdown
    assert ("### The EU adequacy list { #adequacy-list }\n\nAs of November 1, 2026 (not yet "
            "checked against the official texts). Sources:\n\n- European Commission list") in md
    assert "| United States | US | only organisations certified under the EU-US Data " \
           "Privacy Framework" in md
    assert "| Switzerland | CH |  |" in md


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_the_checklist_page_shows_each_programs_answers(edition: str) -> None:
    options = registry.Options(today=dt.date(2026, 11, 22))
    result = pipeline.check(BASE, options, label_base=BASE.parent)
    program = result.policy.programs["milestones"]
    program.launch_readiness[1].answer = "not_met"
    del result.policy.programs["coaching"].launch_readiness[2]
    builder = pipeline.page_builder(result.policy, options, edition=edition)
    md = builder.checklist(result.policy.checklists.checklists[0]).markdown
    header = "| Item | Coaching tips (pilot) | Learning milestones in 1:1s (live) | \n|---|---|---|"
    assert header in md
    if edition == "internal":  # launch evidence is internal-only
        rows = ["| TLS 1.2 or newer on every API. | met: Checked by security. | met: Checked by "
                "security. | ",
                "| MFA on every admin portal. | met: Enforced by the identity provider. | **not "
                "met**: Enforced by the identity provider. | ",
                "| Device management for company phones. | **unanswered** | not applicable: No "
                "mobile app. | "]
    else:
        rows = ["| TLS 1.2 or newer on every API. | met | met | ",
                "| MFA on every admin portal. | met | **not met** | ",
                "| Device management for company phones. | **unanswered** | not applicable | "]
    table = md.split(header, 1)[1].strip("\n").split("\n\n", 1)[0]
    assert table.splitlines() == rows
