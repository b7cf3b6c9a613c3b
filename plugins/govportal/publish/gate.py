"""The disclosure gate at the output level: what the published HTML of a notice shows.

A template override or a theme change could drop a section that the data-level check
found present. This module reads a notice's final HTML and reports every applicable item
that no visible, non-empty section marked with its id carries.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.policy import Policy
from ..problems import Problems, Severity
from ..rules.decisions import Status, decide
from ..rules.declared import FIRST_LAYER_LINKS
from .rendered_html import Article, read_article


@dataclass(frozen=True)
class Inspection:
    shown: frozenset[str]  # item ids carried by a visible section with text
    first_layer_links: frozenset[str]


def inspect(html: str, article: Article | None = None) -> Inspection:
    """What the page's main content shows. Only the ``<article>`` is read when the page has
    one (the theme's header, navigation and footer carry no notice text); ``article`` is
    the page already read by :func:`~.rendered_html.read_article` for both output checks."""
    article = article or read_article(html)
    shown: set[str] = set()
    for s in article.sections:
        if not s.hidden and "".join(s.text).strip():
            shown.update(s.items)
    return Inspection(frozenset(shown), frozenset(article.first_layer_links))


def check_notice(output: str, policy: Policy, pid: str, dest_uri: str,
                 problems: Problems, article: Article | None = None, *,
                 seen: Inspection | None = None) -> None:
    """Add a problem for every applicable item the published notice ``pid`` (its final
    HTML, written to ``dest_uri``) does not visibly show, and for each link the short
    version lacks."""
    seen = seen or inspect(output, article)
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
