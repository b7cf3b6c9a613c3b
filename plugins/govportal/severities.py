"""Which rule ids a ``severities:`` setting may name.

Every problem the portal reports carries a rule id, and ``mkdocs.yml`` may change the
severity of any of them. A setting that names no such id (a typo, or a rule renamed since)
is refused by both the build and ``govportal check``, rather than silently ignored.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import changes, checks, rendered

# Problems found while reading and validating the data, before any rule runs.
LOADING = (
    "data.empty-file", "data.missing-dir", "data.missing-file", "data.symlink",
    "data.too-many-files", "data.unknown-file", "data.unreadable",
    "yaml.alias", "yaml.complex-key", "yaml.control-character", "yaml.duplicate-key",
    "yaml.encoding", "yaml.multiple-documents", "yaml.syntax", "yaml.tab-indent", "yaml.tag",
    "yaml.too-deep", "yaml.too-large",
    "schema.missing", "schema.type", "schema.unknown-key", "schema.value",
    "program.id-matches-file",
)
# Problems found in the published pages.
OUTPUT = ("disclosure.not-rendered", *rendered.FIRST_LAYER_LINKS)


def known_rule_ids() -> frozenset[str]:
    return frozenset((*checks.all_rules(), *changes.RULES, *LOADING, *OUTPUT))


def unknown_rule_ids(names: Iterable[str]) -> list[str]:
    known = known_rule_ids()
    return sorted(set(names) - known)


def unknown_message(unknown: list[str]) -> str:
    return (f"severities names unknown rule ids: {', '.join(unknown)} (the rules reference "
            "page, /registers/rules/, lists the rules)")
