"""Regions of a built page's HTML: the source text of each element a test picks out.

A region is cut from the page exactly as the site writes it (start tag to matching end tag),
so a snapshot of it is what a reader's browser receives for that part of the page.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
Attrs = dict[str, str]


class _Cutter(HTMLParser):
    def __init__(self, html: str, wanted: Callable[[str, Attrs], bool]) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.wanted = wanted
        self.line_starts = [0]
        for i, ch in enumerate(html):
            if ch == "\n":
                self.line_starts.append(i + 1)
        self.found: list[tuple[Attrs, str]] = []
        self._open: list[str] = []
        self._start: tuple[int, int, Attrs] | None = None  # (offset, depth, attrs)

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        a = {k: v or "" for k, v in attrs}
        if self._start is None and self.wanted(tag, a):
            self._start = (self._offset(), len(self._open), a)
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self._open:
            return
        while self._open:
            if self._open.pop() == tag:
                break
        if self._start is not None and len(self._open) == self._start[1]:
            offset = self._offset()
            end = self.html.index(">", offset) + 1
            self.found.append((self._start[2], self.html[self._start[0]:end]))
            self._start = None


def regions(html: str, wanted: Callable[[str, Attrs], bool]) -> list[tuple[Attrs, str]]:
    """(attributes, source text) of every outermost element for which ``wanted(tag,
    attributes)`` holds, in page order."""
    cutter = _Cutter(html, wanted)
    cutter.feed(html)
    cutter.close()
    return cutter.found


def has_class(name: str) -> Callable[[str, Attrs], bool]:
    return lambda tag, a: name in a.get("class", "").split()
