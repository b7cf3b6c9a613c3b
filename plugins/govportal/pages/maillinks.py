"""Markdown extension that makes every e-mail address on a page a ``mailto:`` link.

Policy data names contacts in running text ("e-mail privacy@northwind.example"); a reader on
a phone should be able to tap them. This post-processor works on each page's final HTML, so
the notices' published wording (and its fingerprint) stays as it is: it links addresses in
text only, never inside a link, code, a script, a style, a form field or a tag's attributes.

Enable it in ``mkdocs.yml``::

    markdown_extensions:
      - govportal.pages.maillinks
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

# The same shape of address the data model accepts (types.Email), found inside text.
_ADDRESS = re.compile(
    r"(?<![\w.%+@/:-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?<![.-])(?![\w@-])")
_PIECE = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_OPEN = re.compile(r"<\s*([A-Za-z][A-Za-z0-9-]*)")
_CLOSE = re.compile(r"<\s*/\s*([A-Za-z][A-Za-z0-9-]*)")
# Elements whose text must never gain a link.
_SKIP = frozenset({"a", "code", "pre", "script", "style", "textarea", "kbd", "samp", "title"})


def link_addresses(text: str) -> str:
    """``text`` (HTML) with each e-mail address in running text wrapped in a mailto link."""
    if "@" not in text:
        return text
    out: list[str] = []
    inside: list[str] = []  # open elements of _SKIP, innermost last
    for piece in _PIECE.split(text):
        if not piece:
            continue
        if piece.startswith("<"):
            closing = _CLOSE.match(piece)
            opening = None if closing else _OPEN.match(piece)
            if closing and closing.group(1).lower() in inside:
                name = closing.group(1).lower()
                while inside and inside.pop() != name:
                    pass
            elif opening and opening.group(1).lower() in _SKIP and not piece.endswith("/>"):
                inside.append(opening.group(1).lower())
            out.append(piece)
        elif inside or "@" not in piece:
            out.append(piece)
        else:
            out.append(_ADDRESS.sub(lambda m: f'<a href="mailto:{m.group(0)}">{m.group(0)}</a>',
                                    piece))
    return "".join(out)


class _MailLinkPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return link_addresses(text)


class MailLinkExtension(Extension):
    """Registers the post-processor after raw HTML (generated pages' markup) is put back."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.postprocessors.register(_MailLinkPostprocessor(md), "govportal-maillinks", 3)


def makeExtension(**kwargs: object) -> MailLinkExtension:  # noqa: N802 (Markdown's API name)
    return MailLinkExtension(**kwargs)
