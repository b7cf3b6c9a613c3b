"""Where data meets HTML: policy owners write Markdown, readers get sanitised HTML.

Every text from ``data/`` reaches a page only through :func:`markdown_block` or
:func:`markdown_inline`: the Markdown is converted with a small, fixed set of extensions,
then cleaned by nh3 (an allow-list HTML sanitiser), so raw HTML, scripts, event handlers and
``javascript:`` links never survive. Braces are escaped afterwards so that no Markdown
extension of the site (attribute lists, for instance) can act on data text.
"""

from __future__ import annotations

import functools
import html
import re

import markdown as _markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "ul", "ol", "li", "a", "blockquote", "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"https", "http", "mailto"}

_converter = _markdown.Markdown(extensions=["sane_lists"], output_format="html")

# The conversions below are pure functions of their text, and the same texts come back on
# every page (labels, names, contacts, the coverage page's reasons): remembering them keeps
# the build linear in the data instead of in the number of places a text appears.
_memo = functools.lru_cache(maxsize=65536)

# One line of letters, digits, spaces and plain punctuation that starts with a letter or a
# digit and does not end with a space holds no markup at all: no HTML, no entity, no
# emphasis, link or code, no block (list, heading, quote, code block). Markdown would only
# wrap it in a paragraph and the sanitiser would leave it as it is, so such text (most of
# what policy owners write) skips both; tests compare the shortcut with the full conversion.
_PLAIN_TEXT = re.compile(r"[^\W_](?:[^\W_]|[ ,.;:'’‘“”\"?!()%/@+=–—-])*")
_ORDERED_ITEM = re.compile(r"[0-9]+[.)]")


def is_plain_text(text: str) -> bool:
    """True when ``text`` cannot contain Markdown or HTML (see above)."""
    return (_PLAIN_TEXT.fullmatch(text) is not None and not text.endswith(" ")
            and not _ORDERED_ITEM.match(text))


def _clean(fragment: str) -> str:
    cleaned = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    # Neutralise syntax that the site's own Markdown extensions would act on.
    return (cleaned.replace("{", "&#123;").replace("}", "&#125;")
            .replace("[[", "&#91;&#91;"))


def _convert_block(text: str) -> str:
    _converter.reset()
    rendered = _converter.convert(text)
    return _clean(rendered).replace("\n\n", "\n").strip()


@_memo
def markdown_block(text: str | None) -> str:
    """Data Markdown → sanitised block HTML (paragraphs, lists) on one line per block."""
    if not text:
        return ""
    if is_plain_text(text):
        return f"<p>{text}</p>"
    return _convert_block(text)


_P = re.compile(r"^<p>(.*)</p>$", re.S)


@_memo
def markdown_inline(text: str | None) -> str:
    """Data Markdown → sanitised inline HTML (no paragraph), for table cells and lists."""
    if not text:
        return ""
    block = markdown_block(text)
    match = _P.match(block)
    inner = match.group(1) if match and "<p>" not in match.group(1) else block
    return inner.replace("\n", " ")


def _convert_plain(text: str) -> str:
    _converter.reset()
    return html.unescape(nh3.clean(_converter.convert(text), tags=set())).strip()


@_memo
def plain(text: str | None) -> str:
    """Text with all markup removed, for attributes, titles and machine-readable files."""
    if not text:
        return ""
    if is_plain_text(text):
        return text
    return _convert_plain(text)
