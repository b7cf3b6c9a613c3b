"""One reading of a rendered page's main content, shared by the output checks.

The rendered-output gate (:mod:`.markdown_residue`) needs the visible text of each block,
code left out; the disclosure gate (:mod:`.gate`) needs the sections marked
``data-disclosures`` (hidden or not, with their text) and the first layer's links. Both
used to parse the same ``<article>`` with :class:`html.parser.HTMLParser`, one after the
other; that was most of the output check's time. This reads it once, with one regular
expression for the markup (C speed) and the parser's rules where they matter: tag names
in any case, entities decoded in text and attribute values, comments, doctypes and
processing instructions skipped, ``<script>`` and ``<style>`` content read as text up to
the closing tag, a self-closing tag opened and closed, a ``<`` that starts no tag kept as
text.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

# Elements whose text is shown as code: Markdown signs there are meant.
CODE = frozenset({"code", "pre", "kbd", "samp", "script", "style", "template", "textarea"})
# Elements that start a new block of text.
BLOCKS = frozenset({
    "p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "figcaption", "caption", "summary", "div", "section", "article", "header", "footer",
    "aside", "nav", "table", "tr", "ul", "ol", "dl", "details"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
_RAW_TEXT = frozenset({"script", "style"})

# A comment (to its end, or the end of the text), a doctype or processing instruction, or
# a start or end tag with its attributes (quoted values read whole: runs of plain characters
# between quoted values, the same matches as ``(?:[^>"']|"[^"]*"|'[^']*')*``, since each
# character can begin only one of the three, read in runs at C speed).
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([A-Za-z][^\s/>\x00]*)([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)>", re.S)
_ATTR = re.compile(r"([^\s/>=\"'][^\s/>=]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")


@dataclass
class Block:
    """A block of text (``p``, ``li``, ``td`` …) and the text shown in it, code left out."""

    tag: str
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class Section:
    """An element marked ``data-disclosures``: the items it carries, whether it is hidden,
    and all the text inside it."""

    items: list[str]
    hidden: bool
    text: list[str] = field(default_factory=list)
    depth: int = 0


@dataclass
class Article:
    """What the output checks read of a page's main content."""

    blocks: list[Block]
    sections: list[Section]
    first_layer_links: set[str]


def main_content(html: str) -> str:
    """The page's ``<article>`` (the theme's header, navigation and footer are the theme's
    own), else the whole page."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start != -1 and end > start:
        return html[start:end + len("</article>")]
    return html


def attributes(raw: str) -> dict[str, str]:
    """A tag's attributes, names in lower case, values unquoted and decoded ("" without)."""
    out: dict[str, str] = {}
    for name, value in _ATTR.findall(raw):
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        out.setdefault(name.lower(), html_lib.unescape(value))
    return out


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.sections: list[Section] = []
        self.first_layer_links: set[str] = set()
        self._stack: list[Block] = []
        self._open: list[Section] = []
        self._code = 0
        self._first_layer = 0

    def start(self, tag: str, raw: str) -> None:
        if tag in VOID:
            if tag == "br" and self._stack:
                self._stack[-1].parts.append("\n")
            return
        if tag in CODE:
            self._code += 1
        if tag in BLOCKS:
            block = Block(tag)
            self.blocks.append(block)
            self._stack.append(block)
        for s in self._open:
            s.depth += 1
        marked = "data-disclosures" in raw or "&" in raw
        first = "gp-first-layer" in raw or "&" in raw
        link = bool(self._first_layer) and tag == "a"
        if not (marked or first or link):
            if self._first_layer:
                self._first_layer += 1
            return
        a = attributes(raw)
        if "data-disclosures" in a:
            hidden = "hidden" in a or "display:none" in a.get("style", "").replace(" ", "")
            section = Section(a["data-disclosures"].split(), hidden)
            self.sections.append(section)
            self._open.append(section)
        if self._first_layer:
            self._first_layer += 1
            if tag == "a" and a.get("href", "").startswith("#"):
                self.first_layer_links.add(a["href"][1:])
        elif "gp-first-layer" in a.get("class", "").split():
            self._first_layer = 1

    def end(self, tag: str) -> None:
        if tag in VOID:
            return
        if tag in CODE:
            self._code = max(0, self._code - 1)
        if tag in BLOCKS:
            for i in range(len(self._stack) - 1, -1, -1):
                if self._stack[i].tag == tag:
                    del self._stack[i:]
                    break
        if self._first_layer:
            self._first_layer -= 1
        if self._open:
            for s in list(self._open):
                s.depth -= 1
                if s.depth < 0:
                    self._open.remove(s)

    def data(self, text: str) -> None:
        if "&" in text:
            text = html_lib.unescape(text)
        if self._stack and not self._code:
            self._stack[-1].parts.append(text)
        for s in self._open:
            s.text.append(text)


def read_article(html: str) -> Article:
    """Read the main content of ``html`` once, for both output checks."""
    text = main_content(html)
    lowered = text.lower()
    if "<script" in lowered or "<style" in lowered:
        return _read_with_raw_text(text)
    return _read_plain(text)


# The same markup as _MARKUP, split out in one call: text, then for each piece of markup
# its end-tag slash, its name and its attributes (all None for a comment or a doctype).
_SPLIT = re.compile(_MARKUP.pattern, re.S)


def _read_plain(text: str) -> Article:
    """The reading of content without ``<script>`` or ``<style>`` (every page the portal
    writes): one split, then a tight loop that looks closely only at the tags that count
    for a check."""
    reader = _Reader()
    parts = _SPLIT.split(text)
    if parts[0]:
        reader.data(parts[0])
    counted = BLOCKS | CODE | VOID
    start, end, data = reader.start, reader.end, reader.data
    for i in range(1, len(parts), 4):
        slash, name, raw, chunk = parts[i], parts[i + 1], parts[i + 2], parts[i + 3]
        if name is not None:
            tag = name.lower()
            busy = reader._open or reader._first_layer
            if slash:
                if busy or tag in counted:
                    end(tag)
            elif busy or tag in counted or "data-" in raw or "gp-" in raw or "&" in raw:
                start(tag, raw)
                if raw.endswith("/") or raw.rstrip().endswith("/"):
                    end(tag)
            elif raw.endswith("/") or raw.rstrip().endswith("/"):
                pass  # a self-closing tag that counts for nothing: opened and closed
        if chunk:
            data(chunk)
    return Article(reader.blocks, reader.sections, reader.first_layer_links)


def _read_with_raw_text(text: str) -> Article:
    """The reading of content with ``<script>`` or ``<style>``, whose text runs to the
    closing tag whatever it holds."""
    reader = _Reader()
    pos, size = 0, len(text)
    while pos < size:
        m = _MARKUP.search(text, pos)
        if m is None:
            reader.data(text[pos:])
            break
        if m.start() > pos:
            reader.data(text[pos:m.start()])
        pos = m.end()
        name = m.group(2)
        if name is None:  # a comment, a doctype, a processing instruction
            continue
        tag = name.lower()
        if m.group(1):
            reader.end(tag)
            continue
        raw = m.group(3)
        reader.start(tag, raw)
        if raw.rstrip().endswith("/"):
            reader.end(tag)
        elif tag in _RAW_TEXT:
            close = re.compile(rf"</{tag}\s*>", re.I).search(text, pos)
            stop = close.start() if close else size
            if stop > pos:
                reader.data(text[pos:stop])
            if close is None:
                break
            reader.end(tag)
            pos = close.end()
    return Article(reader.blocks, reader.sections, reader.first_layer_links)
