"""The portal's navigation: one section per audience, sub-sections by page group.

A generated page names its place with ``Page.section`` (``"owners/Registers"``); the
navigation is built from those, in the order the pages were generated, followed by the
hand-written pages under "About this portal". The result is the nested list MkDocs' ``nav``
setting takes (``[{title: uri} | {section: [...]}]``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..text.safe_markdown import title_html
from .context import N_
from .page import Page

AUDIENCES: dict[str, str | None] = {"home": None, "employees": N_("For employees"),
                                    "managers": N_("For managers"),
                                    "owners": N_("For policy owners")}
ABOUT = N_("About this portal")
# The names of the page groups within an audience (``Page.section`` after the slash), in
# the catalog so that a navigation in another language can say them in it.
GROUPS = (N_("Registers"), N_("Checklists"))


def navigation(pages: Iterable[Page], own_pages: Iterable[str], program_count: int,
               programs_limit: int) -> list[Any]:
    """The navigation of ``pages`` and the hand-written ``own_pages`` (source paths).

    With more than ``programs_limit`` programs the per-program pages are left out (their
    index pages list them): Material renders the whole navigation into every page, so a nav
    that grows with the number of programs makes the build grow with its square."""
    many = program_count > programs_limit
    tree: dict[str, Any] = {}
    for page in pages:
        if not page.in_nav or (many and page.meta.get("program_id")):
            continue
        node = tree
        for part in page.section.split("/"):
            node = node.setdefault(part, {})
        node.setdefault("", []).append({title_html(page.title): page.src_uri})

    def entries(node: dict[str, Any]) -> list[Any]:
        out: list[Any] = list(node.get("", []))
        for name, child in node.items():
            if name:
                out.append({name: entries(child)})
        return out

    nav: list[Any] = []
    for key, label in AUDIENCES.items():
        if key not in tree:
            continue
        if label is None:
            nav += entries(tree[key])
        else:
            nav.append({label: entries(tree[key])})
    own = sorted(own_pages)
    if own:
        nav.append({ABOUT: own})
    return nav
