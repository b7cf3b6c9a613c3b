"""How much work converting a Markdown text may take, judged before it is converted.

Python-Markdown is fast on the text people write, but a few shapes make it slow or make it
recurse without end: every ``[`` (a link or an image that may start there) and every ``<``
(a tag or an autolink) is followed by a scan to the end of its block, every line of a block
can make a block parser split and re-read the rest of the block, and each nested list or
quote marker is one more level of recursion. 20,000 ``[`` in one list item took two minutes;
6,666 nested ``1. `` markers ended in ``RecursionError``.

:func:`over_budget` measures those shapes in one pass over the text and says, in words for a
policy owner, when a text would cost more than a fixed multiple of its length:

- openings (``[``, ``<`` and each run of backticks) times the length of their block, summed
  over the blocks (parts between blank lines), at most :data:`OPENING_FACTOR` times the
  text's length (plus a small allowance, so short texts are never refused);
- lines times the length of their block, at most :data:`LINE_FACTOR` times the length;
- containers (list items, quotes, indented levels) nested at most :data:`MAX_DEPTH` deep.

A text within the budget converts in time linear in its length; one over it is never
converted (the sanitising conversion shows it as plain text) and the rule
``content.too-complex`` refuses it, so ``check`` and the build agree.
"""

from __future__ import annotations

import functools
import re

OPENING_FACTOR = 32
LINE_FACTOR = 256
ALLOWANCE = 4_096  # openings × block length below this are always fine (short texts)
MAX_DEPTH = 8
TAB = 4

_OPENINGS = re.compile(r"\[|<|`+")
_BLOCKS = re.compile(r"\n[ \t]*\n")
# One container marker at the start of what is left of a line: a bullet, a number, a quote.
_MARKER = re.compile(r"[ \t]*(?:[-*+]|[0-9]{1,9}[.)]|>)(?:[ \t]+|$)")


def _indent(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += TAB - width % TAB
        else:
            break
    return width


def nesting_depth(line: str) -> int:
    """How deep a line's content is nested: indented levels plus the container markers
    that open it (``1. 1. - > text`` is four deep)."""
    depth = _indent(line) // TAB
    pos = 0
    while True:
        match = _MARKER.match(line, pos)
        if match is None or match.end() == pos:
            return depth
        depth += 1
        pos = match.end()
        if depth > MAX_DEPTH:
            return depth


# A pure function of the text, asked of every text of the data: the same text (repeated
# across programs, or unchanged since a live preview's last check) is measured once.
@functools.lru_cache(maxsize=65536)
def over_budget(text: str) -> str | None:
    """Why converting ``text`` would cost more than its budget; None when it would not."""
    if not text:
        return None
    size = len(text) + 1
    budget = OPENING_FACTOR * len(text) + ALLOWANCE
    # every block is at most the whole text: when the whole text's openings and lines, each
    # counted at the text's length, are within the budgets, so is every sum over its blocks
    if (len(_OPENINGS.findall(text)) * size <= budget
            and (text.count("\n") + 1) * size <= LINE_FACTOR * len(text) + ALLOWANCE):
        return _too_deep(text)
    openings = lines = 0
    start = 0
    for match in [*_BLOCKS.finditer(text), None]:
        end = match.start() if match else len(text)
        block = text[start:end]
        size = len(block) + 1
        openings += len(_OPENINGS.findall(block)) * size
        lines += (block.count("\n") + 1) * size
        start = match.end() if match else end
    if openings > budget:
        brackets, tags = text.count("["), text.count("<")
        return (f"too many link, image or tag openings close together ({brackets} '[' and "
                f"{tags} '<' in {len(text):,} characters)")
    if lines > LINE_FACTOR * len(text) + ALLOWANCE:
        return (f"too many lines without a blank line between them "
                f"({text.count(chr(10)) + 1:,} lines)")
    return _too_deep(text)


def _too_deep(text: str) -> str | None:
    """Why ``text``'s lists or quotes nest too deep; None when they do not."""
    deepest = 0
    for line in text.split("\n"):
        if line.lstrip(" \t")[:1] in ("-", "*", "+", ">") or line[:1] in (" ", "\t") or (
                line[:1].isdigit()):
            deepest = max(deepest, nesting_depth(line))
            if deepest > MAX_DEPTH:
                return (f"lists or quotes nested more than {MAX_DEPTH} deep")
    return None
