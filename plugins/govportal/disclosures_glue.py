"""Which catalog items each notice section satisfies (filled in by the disclosure gate)."""

from __future__ import annotations

from . import model as m
from .loader import Policy


def disclosure_map(policy: Policy, program: m.Program) -> dict[str, list[str]]:
    return {}
