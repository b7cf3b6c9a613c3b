"""Markdown extension that lets every table reflow into cards on a phone and stay a table.

A register with seven columns cannot fit a 390 px screen, and a table that scrolls sideways
hides its last columns. On a phone the portal's stylesheet shows each row as a card, each
cell under its column's name. For that, this post-processor copies each column header's
text into ``data-label`` on every cell of the column (the stylesheet prints it with
``attr()``), wraps each cell's content in one ``span.gp-cell`` (so the name and the content
are two columns of a grid, however many links and dates the content holds), and gives the
table, its row groups, rows, headers and cells their ARIA roles: a table whose CSS
``display`` changes loses its table semantics in some browsers, and the roles keep it a
table for screen readers.

Enable it in ``mkdocs.yml``::

    markdown_extensions:
      - tables
      - govportal.pages.tablelabels
"""

from __future__ import annotations

import html
import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_HEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead>", re.S)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
_CELL = re.compile(r"<(td|th)\b([^>]*)>(.*?)</\1>", re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_ROLES = (
    (re.compile(r"<table\b(?![^>]*\brole=)"), '<table role="table"'),
    (re.compile(r"<thead\b(?![^>]*\brole=)"), '<thead role="rowgroup"'),
    (re.compile(r"<tbody\b(?![^>]*\brole=)"), '<tbody role="rowgroup"'),
)


def _text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def _label_row(match: re.Match[str], labels: list[str]) -> str:
    start, inner, end = match.groups()
    index = 0

    def cell(m: re.Match[str]) -> str:
        nonlocal index
        tag, attrs, content = m.groups()
        role = "columnheader" if tag == "th" else "cell"
        extra = "" if "role=" in attrs else f' role="{role}"'
        if tag == "td" and "data-label=" not in attrs and index < len(labels):
            extra += f' data-label="{html.escape(labels[index], quote=True)}"'
            content = f'<span class="gp-cell">{content}</span>'
        index += 1
        return f"<{tag}{attrs}{extra}>{content}</{tag}>"

    row = start if "role=" in start else start.replace("<tr", '<tr role="row"', 1)
    return row + _CELL.sub(cell, inner) + end


def label_table(table: str) -> str:
    """One table's HTML with ``data-label`` on its cells and ARIA roles on its parts."""
    head = _HEAD.search(table)
    labels = [_text(th) for th in _TH.findall(head.group(1))] if head else []
    for pattern, replacement in _ROLES:
        table = pattern.sub(replacement, table)
    return _ROW.sub(lambda m: _label_row(m, labels), table)


def label_tables(text: str) -> str:
    """Every table of a page's HTML, labelled (see :func:`label_table`)."""
    return _TABLE.sub(lambda m: label_table(m.group(0)), text)


class _TableLabelPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return label_tables(text) if "<table" in text else text


class TableLabelExtension(Extension):
    """Registers the post-processor after raw HTML (generated pages' markup) is put back."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.postprocessors.register(_TableLabelPostprocessor(md), "govportal-tablelabels", 4)


def makeExtension(**kwargs: object) -> TableLabelExtension:  # noqa: N802 (Markdown's API name)
    return TableLabelExtension(**kwargs)
