"""Which rule ids a ``severities:`` setting may name.

Every problem the portal reports carries a rule id, and ``mkdocs.yml`` may change the
severity of any of them. A setting that names no such id (a typo, or a rule renamed since)
is refused by both the build and ``govportal check``, rather than silently ignored.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import registry
from .declared import CHANGE_CONTROL, LOADING, OUTPUT


def known_rule_ids() -> frozenset[str]:
    return frozenset((*registry.all_rules(), *CHANGE_CONTROL, *LOADING, *OUTPUT))


def unknown_rule_ids(names: Iterable[str]) -> list[str]:
    known = known_rule_ids()
    return sorted(set(names) - known)


def unknown_message(unknown: list[str]) -> str:
    return (f"severities names unknown rule ids: {', '.join(unknown)} (the rules reference "
            "page, /registers/rules/, lists the rules)")
