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
from html.parser import HTMLParser

from ..problems import Location, Problems
from ..rules.declared import UNRENDERED_ARCHIVED as ARCHIVED
from ..rules.declared import UNRENDERED_MARKDOWN as CURRENT

# Elements whose text is shown as code: Markdown signs there are meant.
_CODE = {"code", "pre", "kbd", "samp", "script", "style", "template", "textarea"}
# Elements that start a new block of text.
_BLOCKS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "figcaption", "caption", "summary", "div", "section", "article",
           "header", "footer", "aside", "nav", "table", "tr", "ul", "ol", "dl", "details"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "source", "track", "wbr"}


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


@dataclass
class _Block:
    tag: str
    parts: list[str]


class _TextReader(HTMLParser):
    """The visible text of a page, block by block, without code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self._stack: list[_Block] = []
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and self._stack:
                self._stack[-1].parts.append("\n")
            return
        if tag in _CODE:
            self._code += 1
        if tag in _BLOCKS:
            block = _Block(tag, [])
            self.blocks.append(block)
            self._stack.append(block)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag in _CODE:
            self._code = max(0, self._code - 1)
        if tag in _BLOCKS:
            for i in range(len(self._stack) - 1, -1, -1):
                if self._stack[i].tag == tag:
                    del self._stack[i:]
                    break

    def handle_data(self, data: str) -> None:
        if self._stack and not self._code:
            self._stack[-1].parts.append(data)


def main_content(html: str) -> str:
    """The page's ``<article>`` (the theme's header, navigation and footer are the theme's
    own), else the whole page."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start != -1 and end > start:
        return html[start:end + len("</article>")]
    return html


def _blocks(html: str) -> Iterator[tuple[str, str]]:
    reader = _TextReader()
    reader.feed(main_content(html))
    reader.close()
    for block in reader.blocks:
        text = "".join(block.parts)
        if text.strip():
            yield block.tag, text


def _first_line(text: str, start: int) -> str:
    """The line of ``text`` around ``start``, trimmed to what a message can quote."""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    line = " ".join(text[begin:end if end != -1 else None].split())
    return line if len(line) <= 120 else line[:117] + "…"


def find(html: str) -> list[Residue]:
    """Each kind of Markdown residue in the visible text of ``html``, in the order of
    :data:`KINDS`, with the number of blocks that show it and the first text."""
    found: dict[str, list[str]] = {k: [] for k in KINDS}
    for tag, text in _blocks(html):
        row = _TABLE_ROW.search(text) or _TABLE_RULE.search(text)
        if row:
            found["table"].append(_first_line(text, row.start()))
        mark = _LIST_MARK.search(text) if tag == "p" else None
        if mark:
            found["list"].append(_first_line(text, mark.start() + (text[mark.start()] == "\n")))
        if "**" in text:
            found["bold"].append(_first_line(text, text.index("**")))
        placeholder = _PLACEHOLDER.search(text)
        if placeholder:
            found["placeholder"].append(placeholder.group(0))
        tags = [i for i in (text.find("{{"), text.find("{%")) if i != -1]
        if tags:
            found["template"].append(_first_line(text, min(tags)))
    return [Residue(kind, len(texts), texts[0]) for kind, texts in found.items() if texts]


def check_page(html: str, src_uri: str, dest_uri: str, problems: Problems, *,
               archived: Location | None = None) -> None:
    """Add a problem for each kind of residue on the generated page ``src_uri`` (its final
    HTML, written to ``dest_uri``). An archived notice version (``archived``: its file in
    the archive) is reported under its own id: its text is the record of what was published
    and is corrected by a recorded correction, not by editing the template."""
    rule = ARCHIVED if archived is not None else CURRENT
    where = archived or Location(dest_uri)
    for residue in find(html):
        more = f" ({residue.count} places; the first shown)" if residue.count > 1 else ""
        problems.add(rule, f"the page '{src_uri}' ({dest_uri}) shows Markdown that did not "
                     f"render, {residue.what}{more}: \"{residue.text}\"", where, residue.hint)
