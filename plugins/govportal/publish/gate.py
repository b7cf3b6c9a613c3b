"""The disclosure gate at the output level: what the published HTML of a notice shows.

A template override or a theme change could drop a section that the data-level check
found present. This module reads a notice's final HTML and reports every applicable item
that no visible, non-empty section marked with its id carries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..data.policy import Policy
from ..problems import Problems, Severity
from ..rules.decisions import Status, decide
from ..rules.declared import FIRST_LAYER_LINKS

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "source", "track", "wbr"}


@dataclass
class _Section:
    items: list[str]
    hidden: bool
    text: list[str] = field(default_factory=list)
    depth: int = 0


class _Reader(HTMLParser):
    """Collects sections marked ``data-disclosures`` and the first layer's links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[_Section] = []
        self.open: list[_Section] = []
        self.first_layer_links: set[str] = set()
        self._first_layer_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in _VOID:
            return
        for s in self.open:
            s.depth += 1
        if "data-disclosures" in a:
            hidden = "hidden" in a or "display:none" in a.get("style", "").replace(" ", "")
            section = _Section(a["data-disclosures"].split(), hidden)
            self.sections.append(section)
            self.open.append(section)
        if self._first_layer_depth:
            self._first_layer_depth += 1
            if tag == "a" and a.get("href", "").startswith("#"):
                self.first_layer_links.add(a["href"][1:])
        elif "gp-first-layer" in a.get("class", "").split():
            self._first_layer_depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self._first_layer_depth:
            self._first_layer_depth -= 1
        for s in list(self.open):
            s.depth -= 1
            if s.depth < 0:
                self.open.remove(s)

    def handle_data(self, data: str) -> None:
        for s in self.open:
            s.text.append(data)


@dataclass(frozen=True)
class Inspection:
    shown: frozenset[str]  # item ids carried by a visible section with text
    first_layer_links: frozenset[str]


def inspect(html: str) -> Inspection:
    """What the page's main content shows. Only the ``<article>`` is read when the page has
    one (the theme's header, navigation and footer carry no notice text): reading the whole
    page was half the cost of this check on a large portal."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start != -1 and end > start:
        html = html[start:end + len("</article>")]
    reader = _Reader()
    reader.feed(html)
    reader.close()
    shown: set[str] = set()
    for s in reader.sections:
        if not s.hidden and "".join(s.text).strip():
            shown.update(s.items)
    return Inspection(frozenset(shown), frozenset(reader.first_layer_links))


def check_notice(output: str, policy: Policy, pid: str, dest_uri: str,
                 problems: Problems) -> None:
    """Add a problem for every applicable item the published notice ``pid`` (its final
    HTML, written to ``dest_uri``) does not visibly show, and for each link the short
    version lacks."""
    seen = inspect(output)
    label = policy.program_files[pid]
    where = policy.where(label, ("notice", "version"))
    for decision in decide(policy, policy.programs[pid]):  # decided once
        req = decision.requirement
        if decision.status is Status.APPLICABLE and req.id not in seen.shown:
            problems.add(
                "disclosure.not-rendered",
                f"the published notice '{pid}' ({dest_uri}) shows no section "
                f"for {req.id} ({req.citation}): the data has it, but the page does not",
                where, "a template override or theme change dropped or emptied the "
                f"section data-topic=\"{req.topic}\"; restore it",
                Severity.ERROR if req.severity == "error" else Severity.WARNING)
    for advice, anchor in FIRST_LAYER_LINKS.items():
        if anchor not in seen.first_layer_links:
            problems.add(
                advice, f"the short version of notice '{pid}' does not point to "
                f"#{anchor}", where,
                "keep the short version's link to that section in notice.md.j2",
                Severity.WARNING)
