"""Where data meets HTML: policy owners write Markdown, readers get sanitised HTML.

Every text from ``data/`` reaches a page only through :func:`markdown_block` or
:func:`markdown_inline`: the Markdown is converted with a small, fixed set of extensions,
then cleaned by nh3 (an allow-list HTML sanitiser), so raw HTML, scripts, event handlers and
``javascript:`` links never survive. Braces and brackets are escaped afterwards: the site's
Markdown reads the page a second time (inside ``<div markdown>`` blocks, for instance), and
must find no link, image or attribute list in data text.

Text that templates print without one of these filters is escaped by :func:`escape_text`
(the template environment applies it to every value), titles by :func:`title_html`, and
text inside a fenced code block by :func:`code_text`.
"""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser

import markdown as _markdown
import nh3

from .conversion_budget import over_budget

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


_BROWSER_DROPS = re.compile(r"[\t\n\r]")


def leaves_site(url: str) -> bool:
    """Whether a browser takes ``url``, an address without a scheme, to another host. A
    browser drops tabs and line breaks anywhere and spaces and control characters at the
    start, and reads a backslash as a slash: ``//host``, ``/\\host``, ``\\\\host`` and
    ``/<tab>/host`` all name another host with the page's own scheme."""
    cleaned = _BROWSER_DROPS.sub("", url).lstrip("".join(map(chr, range(33))))
    return cleaned.replace("\\", "/").startswith("//")


def _site_relative(url: str) -> str | None:
    return None if leaves_site(url) else url


def _clean(fragment: str) -> str:
    cleaned = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes={**ALLOWED_ATTRIBUTES, "*": set()},  # no generic title/lang
        url_schemes=URL_SCHEMES,
        url_relative=_site_relative,  # an address that only looks like the site's is dropped
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    # Neutralise syntax that the site's own Markdown extensions would act on.
    return _TAG_OR_TEXT.sub(_escape_segment, cleaned)


# Characters the site's Markdown would read in text a second time: links and images (``[``),
# attribute lists (braces), emphasis, code spans and backslash escapes. Tags stay as they are.
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")
# A "|" would end a table cell wherever a value meets a Markdown table (in text or inside a
# tag's attribute), so it is written as an entity everywhere.
_SECOND_PASS = str.maketrans({"[": "&#91;", "{": "&#123;", "}": "&#125;", "*": "&#42;",
                              "_": "&#95;", "`": "&#96;", "\\": "&#92;", "|": "&#124;"})


def _escape_segment(match: re.Match[str]) -> str:
    tag = match.group(1)
    return tag.replace("|", "&#124;") if tag else match.group(2).translate(_SECOND_PASS)


def _convert_block(text: str) -> str:
    if over_budget(text):
        return as_text(text)
    _converter.reset()
    rendered = _converter.convert(text)
    return _clean(rendered).replace("\n\n", "\n").strip()


_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def as_text(text: str) -> str:
    """``text`` shown as it was written, one paragraph per part between blank lines, with
    no markup acted on: the rendering of a text too costly to convert (it is refused by
    ``content.too-complex`` too, see :mod:`.conversion_budget`)."""
    parts = (" ".join(part.split()) for part in _PARAGRAPHS.split(text))
    return "\n".join(f"<p>{html.escape(part, quote=False).translate(_SECOND_PASS)}</p>"
                     for part in parts if part)


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
    if over_budget(text):
        return " ".join(text.split())
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


_TAG_START = re.compile(r"<[A-Za-z/!?]")


@_memo  # the exports repeat the same texts (a requirement's title in every notice's row)
def export_text(text: str | None) -> str:
    """Plain text for the machine-readable files: no markup, and no tag that a program
    printing the value as HTML could be given back by decoding an entity. Markup is removed
    and entities decoded until nothing changes (``&amp;lt;script&amp;gt;`` loses its
    script too); a text that still holds a tag opening after a few rounds has its angle
    brackets replaced by the look-alikes ‹ and ›. Whitespace is collapsed."""
    value = plain(text)
    for _ in range(4):
        if "<" not in value and "&" not in value:
            break
        cleaned = html.unescape(nh3.clean(value, tags=set(), strip_comments=True,
                                          clean_content_tags={"script", "style"}))
        if cleaned == value:
            break
        value = cleaned
    if _TAG_START.search(value):
        value = value.replace("<", "\u2039").replace(">", "\u203a")
    return " ".join(value.split())


# Ids (``eu_gdpr``) are printed inside code spans and attribute lists, where an entity would
# show as written: an underscore inside a word (which never starts emphasis) stays.
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "&#91;", "{": "&#123;",
                       "}": "&#125;", "*": "&#42;", "`": "&#96;", "\\": "&#92;", "\n": " ",
                       "\r": " ", "|": "&#124;"})
_EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def escape_text(text: str) -> str:
    """Plain text made inert in Markdown and HTML: no tag, entity, link, image, emphasis or
    attribute list can start in it, no table cell can end in it, and it stays on one line
    (no heading, list or fence can begin)."""
    return _EDGE_UNDERSCORE.sub("&#95;", text.translate(_TEXT))


def title_html(text: str | None) -> str:
    """A page title for the theme: plain text, HTML-escaped. The theme prints titles as HTML
    in some places and unescapes them in others (``striptags`` for ``<title>``), so angle
    brackets become the look-alikes ‹ and ›: no tag can open in any of them."""
    text = " ".join(plain(text).split()).replace("<", "\u2039").replace(">", "\u203a")
    return html.escape(text, quote=True)


_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})", re.M)


def code_text(text: str | None) -> str:
    """Plain text for the inside of a fenced code block: a line that would close the fence
    is indented, so it stays part of the code (code blocks show every other character as
    written)."""
    return _FENCE.sub(r"    \1\2", plain(text))


# Tags Markdown itself writes that the sanitiser drops, keeping their text: formatting, not a
# danger, so not reported by :func:`removed_markup`.
_MARKDOWN_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


class _Removed(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.found:
            return
        if tag not in ALLOWED_TAGS and tag not in _MARKDOWN_TAGS:
            self.found = "an image" if tag == "img" else f"the HTML element <{tag}>"
            return
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()):
                self.found = f"the HTML attribute '{name}' on <{tag}>"
                return
            scheme = _SCHEME.match(_CONTROL.sub("", value or ""))
            if name == "href" and scheme and scheme.group(1).lower() not in URL_SCHEMES:
                self.found = f"a link to a '{scheme.group(1).lower()}:' address"
                return
            if name == "href" and not scheme and leaves_site(value or ""):
                self.found = ("a link that leaves the site while looking like one of its "
                              f"addresses ('{(value or '')[:40]}')")
                return


def removed_markup(text: str | None) -> str | None:
    """What the sanitiser would silently drop from ``text`` (raw HTML, an event handler, a
    ``javascript:`` link, an image), described for a policy owner; None when nothing."""
    if not text or ("<" not in text and "](" not in text and "]:" not in text):
        return None
    if over_budget(text):
        return None  # never converted, so nothing is removed (content.too-complex says so)
    _converter.reset()
    parser = _Removed()
    parser.feed(_converter.convert(text))
    parser.close()
    return parser.found
