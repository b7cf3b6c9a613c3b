"""The navigation a page in another language shows: that language's pages, in the portal's
order, under section titles in that language.

MkDocs builds one navigation per site, from the default language's pages; a German page
would show English titles leading to English pages. The theme renders whatever ``nav`` a
page's context holds, so the plugin hands a page under ``/<lang>/`` this navigation
instead: the same audiences and groups as the default one (:mod:`govportal.pages.navigation`),
holding the pages of that language whose twins are in the default navigation, each the
engine's own page object (so the theme marks the current page and its section), and the
section titles from the portal's catalog in that language. Nothing here imports the engine:
a page object comes from the ``page_of`` the glue passes in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..pages.navigation import navigation
from ..pages.page import Page
from ..text.portal_catalogs import translations


@dataclass(eq=False)
class NavSection:
    """A section of the navigation, with what the theme reads of one."""

    title: str
    children: list[Any] = field(default_factory=list)
    url: None = None
    meta: None = None
    pages: None = None
    is_section: bool = True
    is_page: bool = False
    is_link: bool = False

    @property
    def active(self) -> bool:
        return any(getattr(child, "active", False) for child in self.children)


@dataclass(eq=False)
class LanguageNavigation:
    """The navigation of one language (``items``; ``homepage``: its home page)."""

    items: list[Any]
    homepage: Any = None

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def language_navigation(pages: Mapping[str, Page], code: str, page_of: Callable[[str], Any],
                        program_count: int, programs_limit: int) -> LanguageNavigation:
    """The navigation of the pages in language ``code`` (``pages``: every generated page by
    source path; ``page_of``: the engine's page object of a source path, or None)."""
    chosen = [dataclasses.replace(twin, in_nav=True) for page in pages.values()
              if page.in_nav and (twin := pages.get(f"{code}/{page.src_uri}")) is not None]
    words = translations(code)

    def make(entry: dict[str, Any]) -> Any:
        ((title, value),) = entry.items()
        if isinstance(value, list):
            children = [c for c in (make(e) for e in value) if c is not None]
            return NavSection(words.gettext(title), children) if children else None
        return page_of(value)

    items = [i for i in (make(e) for e in navigation(chosen, [], program_count,
                                                       programs_limit)) if i is not None]
    return LanguageNavigation(items, page_of(f"{code}/index.md"))
