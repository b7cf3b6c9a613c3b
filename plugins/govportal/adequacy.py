"""The EU adequacy list, shipped as dated data with its sources (``catalog/adequacy.yaml``).

Transfers to a country on this list, or inside the EEA, need no further mechanism; a
transfer to anywhere else names standard contractual clauses, binding corporate rules or a
derogation. The decision for the United States covers only importers certified under the
EU-US Data Privacy Framework, which a transfer states with ``dpf_certified: true``.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

# The destination whose adequacy decision covers only DPF-certified importers.
DPF_CODE = "US"

Verification = Literal["primary", "secondary", "recall"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Destination(_Strict):
    name: str
    code: str
    aliases: tuple[str, ...] = ()
    note: str | None = None

    def names(self) -> set[str]:
        return {_norm(n) for n in (self.name, self.code, *self.aliases)}


class AdequacyList(_Strict):
    as_of: dt.date
    sources: tuple[str, ...]
    verification: Verification
    destinations: tuple[Destination, ...]
    eea_verification: Verification
    eea: tuple[Destination, ...]


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


@cache
def load_adequacy() -> AdequacyList:
    """The packaged list, validated (a broken list fails loudly, in tests first)."""
    text = resources.files("govportal").joinpath("catalog", "adequacy.yaml").read_text(
        encoding="utf-8")
    return AdequacyList.model_validate(yaml.safe_load(text))


def standing(destination: str, adequacy: AdequacyList | None = None) -> Verdict:
    """Where ``destination`` (a name, alias or ISO code) stands on the adequacy list."""
    adequacy = adequacy or load_adequacy()
    key = _norm(destination)
    for entry in adequacy.eea:
        if key in entry.names():
            return Verdict(Standing.EEA, entry)
    for entry in adequacy.destinations:
        if key in entry.names():
            return Verdict(Standing.DPF_ONLY if entry.code == DPF_CODE else Standing.ADEQUATE,
                           entry)
    return Verdict(Standing.NOT_LISTED)
