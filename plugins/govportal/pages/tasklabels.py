"""Markdown extension that gives every task-list checkbox an accessible name, and lets the
item's text tick it.

``pymdownx.tasklist`` renders ``- [ ] Do this`` as a bare ``<input type="checkbox">`` (inside an
empty ``<label>`` when ``custom_checkbox`` is on) followed by the item's text. The text is not tied
to the checkbox, so a screen reader announces only "checkbox" and axe-core reports the critical
``label`` rule. This post-processor copies each item's visible text into ``aria-label``, and
where the box sits in ``custom_checkbox``'s label it moves the text into that label too, so a
click or tap on the text toggles the box (a large target on a phone).

Enable it after ``pymdownx.tasklist`` in ``mkdocs.yml``::

    markdown_extensions:
      - pymdownx.tasklist:
          custom_checkbox: true
          clickable_checkbox: true
      - govportal.tasklabels
"""

from __future__ import annotations

import html
import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

# The start of a task item as pymdownx.tasklist writes it, tight or loose list, custom or plain box.
_TASK_INPUT = re.compile(
    r"""(?P<head><li\b[^>]*\bclass="[^"]*\btask-list-item\b[^"]*"[^>]*>\s*(?:<p>)?\s*
        (?:<label\b[^>]*\bclass="[^"]*\btask-list-control\b[^"]*"[^>]*>)?\s*)
        <input\b(?P<attrs>[^>]*?)\s*(?P<end>/?>)""",
    re.VERBOSE,
)
# The item's own text ends where a nested list, the paragraph or the item ends.
_TEXT_END = re.compile(r"<(?:ul|ol|/li|/p|div)\b")
# What follows the box inside custom_checkbox's label: the drawn box, then the label's end.
_LABEL_END = re.compile(r"\s*(<span\b[^>]*\btask-list-indicator\b[^>]*>\s*</span>)\s*</label>")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def label_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags removed, entities decoded, spaces collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def label_task_checkboxes(text: str) -> str:
    """Add ``aria-label`` (the item's text) to every task-list checkbox that has no name yet."""
    out: list[str] = []
    pos = 0
    for match in _TASK_INPUT.finditer(text):
        attrs = match.group("attrs")
        if 'type="checkbox"' not in attrs or re.search(r"\baria-label(?:ledby)?=", attrs):
            continue
        rest = text[match.end():]
        stop = _TEXT_END.search(rest)
        name = label_text(rest[: stop.start()] if stop else rest)
        if not name:
            continue
        out.append(text[pos:match.start()])
        out.append(
            f'{match.group("head")}<input{attrs} aria-label="{html.escape(name, quote=True)}"'
            f'{match.group("end")}'
        )
        pos = match.end()
        closing = _LABEL_END.match(rest)
        if closing and "task-list-control" in match.group("head"):
            after = rest[closing.end():]
            end = _TEXT_END.search(after)
            item = after[: end.start()] if end else after
            if "<label" not in item and "<a " not in item:  # no nested label, no link
                out.append(f'{closing.group(1)}<span class="task-list-text">{item.strip()}'
                           "</span></label>")
                pos = match.end() + closing.end() + len(item)
    out.append(text[pos:])
    return "".join(out)


class _TaskLabelPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return label_task_checkboxes(text)


class TaskLabelExtension(Extension):
    """Registers the post-processor after raw HTML (the checkbox markup) is put back."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.postprocessors.register(_TaskLabelPostprocessor(md), "govportal-tasklabels", 5)


def makeExtension(**kwargs: object) -> TaskLabelExtension:  # noqa: N802 (Markdown's API name)
    return TaskLabelExtension(**kwargs)
