"""Which rule ids a ``severities:`` setting may name.

Every problem the portal reports carries a rule id, and ``mkdocs.yml`` may change the
severity of any of them. A setting that names no such id (a typo, or a rule renamed since)
is refused by both the build and ``govportal check``, rather than silently ignored.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..data.suggestions import did_you_mean
from . import registry
from .declared import CHANGE_CONTROL, LOADING, OUTPUT, PROJECT_FILES


def known_rule_ids() -> frozenset[str]:
    return frozenset((*registry.all_rules(), *CHANGE_CONTROL, *LOADING, *OUTPUT, *PROJECT_FILES))


def unknown_rule_ids(names: Iterable[str]) -> list[str]:
    known = known_rule_ids()
    return sorted(set(names) - known)


def unknown_message(unknown: list[str]) -> str:
    known = sorted(known_rule_ids())
    named = []
    for rule_id in unknown:
        guess = did_you_mean(rule_id, known)
        named.append(f"{rule_id} ({guess})" if guess else rule_id)
    return (f"severities names unknown rule ids: {', '.join(named)} (the rules reference "
            "page, /registers/rules/, lists the rules; `govportal explain` too)")
