"""The portal's standard wording as one notice uses it: which sentences apply, and in whose words.

A notice states nothing of its own: every sentence comes from the organisation's data or
from ``catalog/wording.yaml``, where each sentence is tied to its regimes, the catalog items
it helps carry and the conditions under which it is true. A policy owner may replace a
sentence (``organisation.wording: {id: text}``) or leave it out (``{id: {omit: why}}``);
leaving out a sentence that an applicable item needs makes the item missing (see
:func:`omitted_for`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import model as m
from .catalog import load_wording
from .catalog.models import StandardWording
from .facts import NoticeFacts


@dataclass(frozen=True)
class Sentence:
    """A sentence of standard wording as one notice prints it."""

    wording: StandardWording
    text: str  # the catalog's text or the organisation's own (placeholders not yet filled)
    overridden: bool
    omitted: str | None  # the reason it was left out, if it was


def holds(wording: StandardWording, facts: NoticeFacts, regime: str | None = None) -> bool:
    """Whether ``wording`` is true for the notice: for ``regime`` (else for any regime the
    notice serves), the wording is meant for that regime and every condition holds."""
    for r in [regime] if regime else sorted(facts.regimes):
        if r not in facts.regimes or (wording.regimes and r not in wording.regimes):
            continue
        if all(facts.verdict(c, r) is True for c in wording.when):
            return True
    return False


def sentence(organisation: m.Organisation, wording_id: str) -> Sentence:
    """The sentence ``wording_id`` in the organisation's words (its override) or the
    catalog's. Raises KeyError for an id the catalog does not have."""
    wording = load_wording().by_id[wording_id]
    own = organisation.wording.get(wording_id)
    if isinstance(own, m.WordingOmission):
        return Sentence(wording, "", True, own.omit)
    if own is not None:
        return Sentence(wording, own, True, None)
    return Sentence(wording, wording.text, False, None)


def omitted_for(item_id: str, regime: str, facts: NoticeFacts) -> list[str]:
    """The ids of the sentences the item needs, for this notice, that were left out."""
    org = facts.organisation
    if not any(isinstance(own, m.WordingOmission) for own in org.wording.values()):
        return []  # the organisation leaves no sentence out
    out = []
    for wording in load_wording().wording:
        if item_id in wording.items and isinstance(org.wording.get(wording.id),
                                                  m.WordingOmission) \
                and holds(wording, facts, regime):
            out.append(wording.id)
    return out


def unknown_overrides(organisation: m.Organisation) -> list[str]:
    """Override ids that name no sentence of the standard wording."""
    known = load_wording().by_id
    return [key for key in organisation.wording if key not in known]
