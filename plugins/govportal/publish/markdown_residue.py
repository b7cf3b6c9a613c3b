"""The rendered-output gate: Markdown that did not render, in the text a reader sees.

A template that forgets a blank line before a table or a list, a filter that escapes what
it should have rendered, or a placeholder nobody resolved publishes its Markdown as text:
``| Notice | Status |`` rows, ``- item - item`` run into one paragraph, literal ``**``,
``[[retention:x]]``, ``{{`` or ``{%``. Every check that looks at the data or the Markdown
passes such a page; only its final HTML shows the fault. This module reads the visible text
of a page's main content (code and preformatted blocks, where such signs are meant, are
left out) and names each kind of residue with the text that shows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..problems import Location, Problems
from ..rules.declared import UNRENDERED_ARCHIVED as ARCHIVED
from ..rules.declared import UNRENDERED_MARKDOWN as CURRENT
from .rendered_html import Article, main_content, read_article

__all__ = ["ARCHIVED", "CURRENT", "KINDS", "Residue", "check_page", "find", "main_content"]


@dataclass(frozen=True)
class Residue:
    """One kind of Markdown left as text on a page: how often, and the first text."""

    kind: str
    count: int
    text: str

    @property
    def what(self) -> str:
        return KINDS[self.kind][0]

    @property
    def hint(self) -> str:
        return KINDS[self.kind][1]


# kind -> (what the reader sees, what to do)
KINDS = {
    "table": ("table rows as plain text",
              "a table needs a blank line before it: look for a line of text directly "
              "above the table in the template (or data text) that writes this part"),
    "list": ("list items run into one paragraph",
             "a list needs a blank line before it: look for the sentence directly above "
             "the list in the template (or data text) that writes this part"),
    "bold": ("a literal **",
             "emphasis did not render: check for unbalanced ** or text passed through an "
             "escaping filter where Markdown was meant (| md or | inline)"),
    "placeholder": ("an unresolved [[…]] placeholder",
                    "a [[kind:id]] placeholder was not replaced: check its spelling against "
                    "the data, or the filter that should resolve it"),
    "template": ("template syntax ({{ or {%)",
                 "{{ or {% reached the page: a template tag is broken, or data text holds "
                 "template syntax, which is never evaluated"),
}

_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
_TABLE_RULE = re.compile(r"\|?[ \t]*:?-{3,}:?[ \t]*\|")
_LIST_MARK = re.compile(r"(?:^|\n)[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S")
_PLACEHOLDER = re.compile(r"\[\[[^\[\]\n]{0,200}\]\]")


def _blocks(article: Article) -> Iterator[tuple[str, str]]:
    for block in article.blocks:
        text = block.text
        if text.strip():
            yield block.tag, text


def _first_line(text: str, start: int) -> str:
    """The line of ``text`` around ``start``, trimmed to what a message can quote."""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    line = " ".join(text[begin:end if end != -1 else None].split())
    return line if len(line) <= 120 else line[:117] + "…"


def find(html: str, article: Article | None = None) -> list[Residue]:
    """Each kind of Markdown residue in the visible text of ``html``, in the order of
    :data:`KINDS`, with the number of blocks that show it and the first text (``article``:
    the page already read by :func:`~.rendered_html.read_article`)."""
    found: dict[str, list[str]] = {k: [] for k in KINDS}
    # each pattern is asked only of a text holding a sign it cannot match without ("|" for
    # a table, "[[" for a placeholder): most blocks hold neither
    for tag, text in _blocks(article or read_article(html)):
        row = (_TABLE_ROW.search(text) or _TABLE_RULE.search(text)) if "|" in text else None
        if row:
            found["table"].append(_first_line(text, row.start()))
        mark = _LIST_MARK.search(text) if tag == "p" else None
        if mark:
            found["list"].append(_first_line(text, mark.start() + (text[mark.start()] == "\n")))
        if "**" in text:
            found["bold"].append(_first_line(text, text.index("**")))
        placeholder = _PLACEHOLDER.search(text) if "[[" in text else None
        if placeholder:
            found["placeholder"].append(placeholder.group(0))
        tags = [i for i in (text.find("{{"), text.find("{%")) if i != -1]
        if tags:
            found["template"].append(_first_line(text, min(tags)))
    return [Residue(kind, len(texts), texts[0]) for kind, texts in found.items() if texts]


def check_page(html: str, src_uri: str, dest_uri: str, problems: Problems, *,
               archived: Location | None = None, article: Article | None = None,
               found: list[Residue] | None = None) -> None:
    """Add a problem for each kind of residue on the generated page ``src_uri`` (its final
    HTML, written to ``dest_uri``). An archived notice version (``archived``: its file in
    the archive) is reported under its own id: its text is the record of what was published
    and is corrected by a recorded correction, not by editing the template. ``found``: what
    :func:`find` found on this very HTML, when it is known."""
    rule = ARCHIVED if archived is not None else CURRENT
    where = archived or Location(dest_uri)
    for residue in find(html, article) if found is None else found:
        more = f" ({residue.count} places; the first shown)" if residue.count > 1 else ""
        problems.add(rule, f"the page '{src_uri}' ({dest_uri}) shows Markdown that did not "
                     f"render, {residue.what}{more}: \"{residue.text}\"", where, residue.hint)
