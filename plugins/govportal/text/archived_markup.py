"""Archived notices, as untrusted as data text: only the markup the notice templates write.

An archived notice (``notices-archive/<program>/<version>.md``) is the Markdown the portal
generated when the version was locked: sections and boxes of the notice templates, headings,
lists, tables, links and the sanitised HTML of data text. A pull request can change the
file, so it is held to what those templates can write:

- :func:`archive_markup_problem` (run by ``check`` and the build before anything is
  published) converts the text as the site does and names the first element, attribute or
  address outside that set, such as an ``<img onerror>``, an ``<iframe>``, a ``<form>`` or
  an ``<svg onload>``;
- :func:`sanitise_archived_html` cleans the rendered HTML of every archived version's page
  with the same allow-list (nh3), so even with that rule switched off nothing active and no
  request to another host reaches a reader.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown as _markdown
import nh3

from .safe_markdown import ALLOWED_TAGS, URL_SCHEMES, leaves_site

TAGS = ALLOWED_TAGS | {"h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "div", "section",
                       "nav", "span", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt",
                       "dd", "sup", "sub"}
ATTRIBUTES = {"a": {"href", "title", "rel"}, "abbr": {"title"},
              # each cell named by its column, for the phone layout (pages.tablelabels)
              "td": {"data-label"}, "th": {"data-label"},
              "*": {"class", "id", "role", "aria-label", "data-topic", "data-disclosures"}}
CLASSES = {"admonition", "admonition-title", "abstract", "info", "note", "tip", "warning",
           "headerlink"}
_GP_CLASS = re.compile(r"^gp-[a-z0-9-]{1,40}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,100}$")  # no "__config" or other theme ids
_ROLES = {"note", "region", "navigation",
          "table", "rowgroup", "row", "columnheader", "cell"}  # tables as pages.tablelabels
_LABEL = re.compile(r"^[^<>\"\x00-\x1f]{0,200}$")  # a column's name: plain text
_DISCLOSURES = re.compile(r"^[a-z0-9_.: -]{0,2000}$")
# The site's Markdown as far as it makes HTML from text (see mkdocs.yml).
SITE_EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "def_list",
                   "pymdownx.superfences", "pymdownx.tasklist"]


def _class_ok(value: str) -> bool:
    return value in CLASSES or bool(_GP_CLASS.match(value))


def _value_ok(tag: str, name: str, value: str) -> bool:
    if name == "id":
        return bool(_ID.match(value))
    if name == "role":
        return value in _ROLES
    if name in ("data-topic", "data-disclosures"):
        return bool(_DISCLOSURES.match(value))
    if name == "data-label":
        return bool(_LABEL.match(value))
    if name == "href":
        return not leaves_site(value)
    if name == "rel":
        return set(value.split()) <= {"noopener", "noreferrer", "nofollow"}
    return True


def _filter(tag: str, name: str, value: str) -> str | None:
    if name == "class":
        kept = [c for c in value.split() if _class_ok(c)]
        return " ".join(kept) or None
    return value if _value_ok(tag, name, value) else None


def sanitise_archived_html(html: str) -> str:
    """The rendered HTML of an archived notice with anything its templates never write
    removed (scripts, handlers, images, frames, forms, foreign classes and ids, links that
    leave the site other than ``https:``, ``http:`` and ``mailto:`` ones)."""
    return nh3.clean(html, tags=TAGS, clean_content_tags={"script", "style"},
                     attributes=ATTRIBUTES, attribute_filter=_filter,
                     url_schemes=URL_SCHEMES, link_rel=None,
                     strip_comments=True,
                     url_relative=lambda url: None if leaves_site(url) else url)


class _Foreign(HTMLParser):
    """Finds the first element, attribute or address an archived notice may not hold."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: tuple[str, str] | None = None  # (description, what to look for)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.found:
            return
        if tag not in TAGS:
            self.found = (f"the HTML element <{tag}>", f"<{tag}")
            return
        allowed = ATTRIBUTES.get(tag, set()) | ATTRIBUTES["*"]
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                self.found = (f"the HTML attribute '{name}' on <{tag}>", name)
            elif name == "class":
                bad = [c for c in value.split() if not _class_ok(c)]
                if bad:
                    self.found = (f"the class '{bad[0]}' on <{tag}>", bad[0])
            elif name == "href" and not _href_ok(value):
                self.found = (f"a link to '{value[:60]}'", value[:60])
            elif not _value_ok(tag, name, value):
                self.found = (f"the value '{value[:60]}' of '{name}' on <{tag}>", value[:60])
            if self.found:
                return


_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def _href_ok(value: str) -> bool:
    scheme = _SCHEME.match(_CONTROL.sub("", value))
    if scheme:
        return scheme.group(1).lower() in URL_SCHEMES
    return not leaves_site(value)


def archive_markup_problem(text: str) -> tuple[str, int] | None:
    """What in an archived notice its templates would never write, and the line of the
    text it was found on (0 when it cannot be told); None when there is nothing."""
    converter = _markdown.Markdown(extensions=SITE_EXTENSIONS, output_format="html")
    parser = _Foreign()
    parser.feed(converter.convert(text))
    parser.close()
    if parser.found is None:
        return None
    what, needle = parser.found
    lower = needle.lower()
    line = next((n for n, source in enumerate(text.splitlines(), 1)
                 if lower in source.lower()), 0)
    return what, line
