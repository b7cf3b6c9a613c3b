"""The EU adequacy list, shipped as dated data with its source (``catalog/adequacy.yaml``).

Transfers from the EU to a country on this list need no further mechanism; a transfer to
anywhere else names standard contractual clauses, binding corporate rules or a derogation.
Some decisions cover only part of a country (for the United States, organisations certified
under the Data Privacy Framework): those entries carry a ``scope``.
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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Country(_Strict):
    name: str
    code: str | None = None
    aliases: tuple[str, ...] = ()
    scope: str | None = None
    decision: str | None = None

    def names(self) -> set[str]:
        return {_norm(n) for n in (self.name, self.code, *self.aliases) if n}


class AdequacyList(_Strict):
    as_of: dt.date
    source: str
    verification: Literal["primary", "secondary", "recall"]
    eea: tuple[Country, ...]
    adequate: tuple[Country, ...]


class Standing(enum.StrEnum):
    EEA = "eea"
    ADEQUATE = "adequate"
    PARTIAL = "partial"
    NOT_LISTED = "not_listed"


@dataclass(frozen=True)
class Verdict:
    standing: Standing
    country: Country | None = None


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
    """Where ``destination`` (a country name, alias or ISO code) stands for EU transfers."""
    adequacy = adequacy or load_adequacy()
    key = _norm(destination)
    for country in adequacy.eea:
        if key in country.names():
            return Verdict(Standing.EEA, country)
    for country in adequacy.adequate:
        if key in country.names():
            return Verdict(Standing.PARTIAL if country.scope else Standing.ADEQUATE, country)
    return Verdict(Standing.NOT_LISTED)
