"""How people exercise their rights, per regime: the evidence behind the rights items.

An organisation gives one answer for every regime (``rights:``) or one per regime
(``rights: {eu_gdpr: …, ccpa: …}``); each regime's items are judged on its own answer, so a
California-only answer does not count for the GDPR rights.
"""

from __future__ import annotations

from collections.abc import Callable

from ..data import model as m
from .facts import ORG
from .gap import Ask, Gap


def rights_for(org: m.Organisation, regime: str) -> m.Rights | None:
    """How people exercise their rights under ``regime`` (a shared answer counts for all)."""
    rights = org.rights
    if isinstance(rights, m.RightsByRegime):
        return getattr(rights, regime, None)
    return rights


def rights(a: Ask) -> Gap | None:
    if rights_for(a.org, a.regime) is None:
        path: tuple[str | int, ...] = ("rights",) if a.org.rights is not None else ()
        return Gap(ORG, path, f"the organisation does not say how people exercise their "
                   f"rights under {a.regime} (rights)")
    return None


def ccpa_detail(attr: str, what: str) -> Callable[[Ask], Gap | None]:
    def check(a: Ask) -> Gap | None:
        answer = rights_for(a.org, "ccpa")
        if answer is None:
            return rights(a)
        if not getattr(answer, attr):
            return Gap(ORG, ("rights",), f"the rights section does not say {what} "
                       f"(rights.{attr})")
        return None
    return check
