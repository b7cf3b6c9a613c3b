"""Placeholders in data text: ``[[period:RULE]]``, ``[[retention:RULE]]``, ``[[org:name]]``,
``[[contact:privacy]]``, ``[[program:ID]]``.

Clauses and notice texts quote the data through them, so a period is written once, in the
retention schedule. They are replaced by plain substitution, never evaluated as a template.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import model as m
from .policy import Policy


def kept_for(rule: m.RetentionRule) -> str:
    """How long, in words: the period, or what ends it when the rule gives criteria."""
    if rule.period:
        return rule.period
    if rule.criteria is None:  # the disclosure gate reports it; nothing to quote
        return "for a period not yet stated"
    return f"until {rule.criteria.ends_when.rstrip('.')}"


def period_text(rule: m.RetentionRule) -> str:
    if rule.period:
        return f"{rule.period} after {rule.trigger}"
    return kept_for(rule)


_PLACEHOLDER = re.compile(r"\[\[([a-z_]+):([a-z0-9_.-]+)\]\]")


def fill_placeholders(text: str, policy: Policy,
                      on_unknown: Callable[[str], None] | None = None) -> str:
    """Replace ``[[kind:id]]`` with values from the data (never evaluated as a template)."""
    org = policy.organisation
    rules = policy.rules_by_id

    def value(match: re.Match[str]) -> str:
        kind, key = match.group(1), match.group(2)
        result: str | None = None
        if kind == "period" and key in rules:
            result = kept_for(rules[key])
        elif kind == "retention" and key in rules:
            result = period_text(rules[key])
        elif kind == "org" and org is not None and key in ("name", "legal_name"):
            result = getattr(org, key)
        elif kind == "contact" and org is not None:
            dpo = org.dpo if isinstance(org.dpo, m.Contact) else None
            contact = {"privacy": org.privacy_contact, "dpo": dpo,
                       "escalation": org.escalation_contact}.get(key)
            if contact is not None:
                result = contact.name + (f" ({contact.email})" if contact.email else "")
        elif kind == "program" and key in policy.programs:
            result = policy.programs[key].title
        if result is None:
            if on_unknown:
                on_unknown(match.group(0))
            return match.group(0)
        return result

    return _PLACEHOLDER.sub(value, text)
