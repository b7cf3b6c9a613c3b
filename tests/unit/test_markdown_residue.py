"""The rendered-output gate's reader: which visible text counts as Markdown that did not
render, and which does not (code, proper lists and tables, a lone pipe or dash)."""

from __future__ import annotations

import pytest

from govportal.problems import Location, Problems
from govportal.publish.markdown_residue import Residue, check_page, find

FOUND = [
    ("<p>Notices:\n| Notice | Status |\n|---|---|\n| A | present |</p>",
     [Residue("table", 1, "| Notice | Status |")]),
    ("<p>Only the rule: |---|---|</p>", [Residue("table", 1, "Only the rule: |---|---|")]),
    ("<p>Consent covers:\n- tips\n- reminders</p>", [Residue("list", 1, "- tips")]),
    ("<p>Steps:<br>1. ask<br>2. record</p>", [Residue("list", 1, "1. ask")]),
    ("<p>Steps:\n  * ask first</p>", [Residue("list", 1, "* ask first")]),
    ("<p>Steps:\n+ ask first</p>", [Residue("list", 1, "+ ask first")]),
    ("<p>Ask the **DPO first</p>", [Residue("bold", 1, "Ask the **DPO first")]),
    ("<li>Kept for [[retention:logs]].</li>", [Residue("placeholder", 1, "[[retention:logs]]")]),
    ("<td>Hello {{ name }}</td>", [Residue("template", 1, "Hello {{ name }}")]),
    ("<h2>{% if x %}Title</h2>", [Residue("template", 1, "{% if x %}Title")]),
    ("<p>a {% b</p><p>c {{ d</p>", [Residue("template", 2, "a {% b")]),
    ("<p>x {{ y {% z</p>", [Residue("template", 1, "x {{ y {% z")]),
    ("<p>one | two |</p><p>| three | four |</p>", [Residue("table", 1, "| three | four |")]),
    ("<div><p>See:\n- a</p><p>See:\n- b</p></div>", [Residue("list", 2, "- a")]),
    ("<p>**a** and [[b:c]] and {{ d }}\n| e | f |</p>",
     [Residue("table", 1, "| e | f |"), Residue("bold", 1, "**a** and [[b:c]] and {{ d }}"),
      Residue("placeholder", 1, "[[b:c]]"),
      Residue("template", 1, "**a** and [[b:c]] and {{ d }}")]),
    ("<header><p>| nav | x |</p></header><article><p>Intro:\n- a</p></article>"
     "<footer><p>**x**</p></footer>", [Residue("list", 1, "- a")]),
    (f"<p>Intro:\n- {'word ' * 40}</p>", [Residue("list", 1, "- " + ("word " * 40)[:115] + "…")]),
]

CLEAN = [
    "<ul><li>tips</li><li>reminders</li></ul>",
    "<table><tr><th>Notice</th><th>Status</th></tr><tr><td>A | B</td><td>x</td></tr></table>",
    "<p>We ask once - never twice - before the first tip.</p>",
    "<p>Since 2026. The year the portal started.</p>",
    "<pre><code>| a | b |\n|---|---|\n**x** [[retention:y]] {{ z }} {% w %}</code></pre>",
    "<p>Write <code>**bold**</code>, <code>[[retention:id]]</code> or <code>{{ x }}</code>.</p>",
    "<p>Press <kbd>{{</kbd> then <samp>{%</samp>.</p>",
    "<script>var a = '{{ x }}';</script><style>p::after{content:'**'}</style>",
    "<p>A single [[ bracket and a { brace, 5 * 4 = 20.</p>",
    "<li>Steps:\n- inside a list item a dash is text</li>",
    "<p></p><p>   </p>",
]


def test_the_case_lists_are_not_empty() -> None:
    assert len(FOUND) >= 15 and len(CLEAN) >= 10


@pytest.mark.parametrize(("html", "expected"), FOUND)
def test_residue_is_found_with_the_text_that_shows_it(html: str, expected: list) -> None:
    assert find(html) == expected


@pytest.mark.parametrize("html", CLEAN)
def test_rendered_markdown_and_code_are_not_residue(html: str) -> None:
    assert find(html) == []


def test_code_inside_a_paragraph_does_not_hide_the_rest() -> None:
    assert find("<p><code>**x</code> then **y</p>") == [Residue("bold", 1, "then **y")]


def test_each_kind_says_what_to_do() -> None:
    assert Residue("table", 1, "").hint.startswith("a table needs a blank line before it")
    assert Residue("list", 1, "").hint.startswith("a list needs a blank line before it")
    assert Residue("bold", 1, "").what == "a literal **"
    assert Residue("placeholder", 1, "").what == "an unresolved [[…]] placeholder"
    assert Residue("template", 1, "").what == "template syntax ({{ or {%)"


def test_problems_name_the_page_the_text_and_the_count() -> None:
    problems = Problems()
    check_page("<article><p>Key:\n| a | b |</p><p>Then:\n| c | d |</p>"
               "<p>Ask **x</p></article>", "registers/x.md", "registers/x/index.html",
               problems)
    assert [p.format_text().split("\n")[0] for p in problems] == [
        "registers/x/index.html: error [output.unrendered-markdown] the page 'registers/x.md' "
        "(registers/x/index.html) shows Markdown that did not render, table rows as plain "
        "text (2 places; the first shown): \"| a | b |\"",
        "registers/x/index.html: error [output.unrendered-markdown] the page 'registers/x.md' "
        "(registers/x/index.html) shows Markdown that did not render, a literal **: "
        "\"Ask **x\"",
    ]


def test_an_archived_version_is_reported_at_its_archive_file() -> None:
    problems = Problems()
    check_page("<p>Consent:\n- tips</p>", "notices/p/v1.0.md", "notices/p/v1.0/index.html",
               problems, archived=Location("notices-archive/p/1.0.md"))
    (problem,) = problems
    assert (problem.rule, str(problem.location)) == (
        "output.unrendered-markdown-archived", "notices-archive/p/1.0.md")
    assert problem.hint.startswith("a list needs a blank line before it")


def test_a_clean_page_adds_nothing() -> None:
    problems = Problems()
    check_page("<article><p>Fine.</p></article>", "a.md", "a/index.html", problems)
    assert len(problems) == 0
