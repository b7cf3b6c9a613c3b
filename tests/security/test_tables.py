"""A "|" in data never splits a table: every generated page, every table, every row.

Every free-text field of the complete case gets text with pipes (in words, in a link's
text and address, in raw HTML attributes); every generated page is converted with the
site's Markdown, and every row of every table must have as many cells as its header, with
the notice links of the notices index and the readability page still there.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from html.parser import HTMLParser

import markdown
import pytest
import yaml

from govportal import pipeline
from govportal.rules import registry
from tests.conftest import CASES
from tests.security.inject import inject

OPTIONS = registry.Options(today=dt.date(2026, 11, 22))
PIPES = ["Learning | records", "| starts and ends |", "a || b", "[link | text](/a|b)",
         "<abbr title=\"x|y\">ab</abbr> | z", "\\| escaped", "`code | span`"]
SITE_EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "def_list",
                   "pymdownx.superfences", "pymdownx.tasklist"]


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[int]] = []
        self.row: int | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.row = 0
        elif tag in ("td", "th") and self.row is not None:
            self.row += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self.row is not None and self.tables:
            self.tables[-1].append(self.row)
            self.row = None


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("tables") / "data"
    shutil.copytree(CASES / "valid" / "complete", data)
    assert sum(inject(data, PIPES).values()) > 100
    program = data / "programs" / "learning.yaml"
    loaded = yaml.safe_load(program.read_text(encoding="utf-8"))
    loaded["title"] = "Learning | records | <b>bold</b>"
    program.write_text(yaml.safe_dump(loaded, allow_unicode=True, sort_keys=False), "utf-8")
    result = pipeline.check(data, OPTIONS)
    assert result.policy.complete
    return {p.src_uri: markdown.Markdown(extensions=SITE_EXTENSIONS).convert(p.markdown)
            for p in pipeline.build_pages(result.policy, OPTIONS)}


def test_every_row_has_its_header_s_cells(pages: dict[str, str]) -> None:
    broken, tables = [], 0
    for uri, page in pages.items():
        parser = _Tables()
        parser.feed(page)
        for number, rows in enumerate(parser.tables, 1):
            tables += 1
            if rows and any(cells != rows[0] for cells in rows):
                broken.append(f"{uri} table {number}: cells per row {rows}")
    assert tables > 10
    assert broken == []


@pytest.mark.parametrize("uri", ["notices/index.md", "registers/notice-readability.md"])
def test_the_notice_link_survives_a_pipe_in_the_title(pages: dict[str, str], uri: str) -> None:
    shown = html.unescape(pages[uri])
    link = re.search(r'<a href="([^"]*)">Learning \| records \| bold</a>', shown)
    assert link is not None, shown[:1500]
    assert link.group(1).endswith("learning.md")
