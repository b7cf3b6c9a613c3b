"""What the reader gets from the portal's Markdown extensions and date filter: tappable
e-mail addresses, tables that can reflow into labelled cards, dates in the page's language."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest

from govportal.pages.environment import environment, reader_date
from govportal.pages.maillinks import link_addresses
from govportal.pages.tablelabels import label_tables


def test_an_address_in_text_becomes_a_mailto_link() -> None:
    assert link_addresses("<p>E-mail privacy@northwind.example.</p>") == (
        '<p>E-mail <a href="mailto:privacy@northwind.example">privacy@northwind.example</a>.'
        "</p>")


@pytest.mark.parametrize("html", [
    '<p><a href="mailto:dpo@x.example">dpo@x.example</a></p>',
    "<p><code>dpo@x.example</code></p>",
    "<pre><code>owner: dpo@x.example\n</code></pre>",
    '<p title="dpo@x.example">No address in the text</p>',
    "<p>user@localhost has no domain dot</p>",
])
def test_links_code_attributes_and_non_addresses_stay_as_they_are(html: str) -> None:
    assert link_addresses(html) == html


def test_every_address_of_a_rendered_page_is_linked_once() -> None:
    html = markdown.markdown(
        "Write to [the DPO](mailto:dpo@x.example) or to legal@x.example, or\n"
        "<div>hr.team@x.example</div>\n", extensions=["govportal.pages.maillinks"])
    assert html.count('href="mailto:') == 3
    assert '<a href="mailto:legal@x.example">legal@x.example</a>,' in html
    assert '<div><a href="mailto:hr.team@x.example">hr.team@x.example</a></div>' in html


TABLE = """\
| Record **type** | Kept for |
|---|---|
| Tip "logs" | 90 days |
| Profiles | 30 days |
"""


def test_every_cell_is_labelled_with_its_column_and_the_table_keeps_its_roles() -> None:
    html = markdown.markdown(TABLE, extensions=["tables", "govportal.pages.tablelabels"])
    assert '<table role="table">' in html
    assert html.count('<tr role="row">') == 3
    assert html.count('role="columnheader"') == 2
    assert ('<td role="cell" data-label="Record type"><span class="gp-cell">Tip "logs"</span>'
            "</td>") in html
    assert ('<td role="cell" data-label="Kept for"><span class="gp-cell">30 days</span>'
            "</td>") in html


def test_a_header_with_quotes_is_escaped_in_the_label() -> None:
    html = label_tables('<table><thead><tr><th>The "kind"</th></tr></thead><tbody><tr>'
                        "<td>x</td></tr></tbody></table>")
    assert 'data-label="The &quot;kind&quot;"' in html


def test_a_page_without_tables_is_unchanged() -> None:
    assert label_tables("<p>No table</p>") == "<p>No table</p>"


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "December 1, 2026"),
    ("de", "1. Dezember 2026"),
    ("pt-BR", "1 de dezembro de 2026"),
    ("xx", "December 1, 2026"),  # a language Babel does not know: English
])
def test_dates_are_written_in_the_page_language(language: str, expected: str) -> None:
    assert reader_date(dt.date(2026, 12, 1), language) == expected
    assert reader_date("2026-12-01", language) == expected


def test_templates_print_one_date_format_and_a_time_element() -> None:
    env = environment(language="en")
    template = env.from_string("{{ d | date }} / {{ d | time }}")
    assert template.render(d=dt.date(2027, 3, 31)) == (
        'March 31, 2027 / <time datetime="2027-03-31">March 31, 2027</time>')
