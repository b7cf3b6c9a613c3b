"""Where a transfer's destination stands on the EU adequacy list.

The list itself is dated data with its sources (``catalog/adequacy.yaml``, loaded and
validated by :func:`govportal.rules.catalog.load_adequacy`). Transfers to a destination on it,
or inside the EEA, need no further mechanism; anywhere else needs standard contractual
clauses, binding corporate rules or a derogation. The decision for the United States covers
only importers certified under the EU-US Data Privacy Framework, which a transfer states with
``dpf_certified: true``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .catalog import load_adequacy
from .catalog.models import Adequacy, Destination

# The destination whose adequacy decision covers only DPF-certified importers.
DPF_CODE = "US"

# Other names people write for listed destinations (not legal data: just spelling).
ALIASES = {
    "usa": "US", "united states of america": "US", "uk": "GB", "great britain": "GB",
    "south korea": "KR", "korea": "KR", "czech republic": "CZ",
}


class Standing(enum.StrEnum):
    EEA = "eea"
    ADEQUATE = "adequate"
    DPF_ONLY = "dpf_only"  # adequate only for a certified importer
    NOT_LISTED = "not_listed"


@dataclass(frozen=True)
class Verdict:
    standing: Standing
    destination: Destination | None = None


def _norm(name: str) -> str:
    text = " ".join(name.lower().replace(".", "").split())
    return text.removeprefix("the ")


def _matches(key: str, entry: Destination) -> bool:
    return key in (_norm(entry.name), entry.code.lower()) or ALIASES.get(key) == entry.code


def standing(destination: str, adequacy: Adequacy | None = None) -> Verdict:
    """Where ``destination`` (a name, common alias or ISO code) stands for EU transfers."""
    adequacy = adequacy or load_adequacy()
    key = _norm(destination)
    for entry in adequacy.eea:
        if _matches(key, entry):
            return Verdict(Standing.EEA, entry)
    for entry in adequacy.destinations:
        if _matches(key, entry):
            return Verdict(Standing.DPF_ONLY if entry.code == DPF_CODE else Standing.ADEQUATE,
                           entry)
    return Verdict(Standing.NOT_LISTED)
