"""Which catalog items each notice section satisfies: the page builder's view of the gate."""

from __future__ import annotations

from . import model as m
from .disclosures import topic_items
from .loader import Policy


def disclosure_map(policy: Policy, program: m.Program) -> dict[str, list[str]]:
    return topic_items(policy, program)
