"""The legal reference data the gate and the rules rely on, shipped as YAML beside this file.

``disclosures.yaml`` (the disclosure catalog), ``wording.yaml`` (the portal's standard notice
wording, each sentence tied to the items it carries), ``authorities.yaml`` (the dated catalog
of supervisory authorities), ``breach.yaml`` (breach notification deadlines),
``adequacy.yaml`` (the dated EU adequacy list) and ``ropa.yaml`` (the record of processing
fields). Each is validated with the models of :mod:`.models` when first loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

import yaml

from .models import (
    Adequacy,
    Authorities,
    BreachTimeline,
    Catalog,
    Measured,
    Ropa,
    Wording,
    _BreachFile,
)


def _read(name: str) -> object:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def load_catalog() -> Catalog:
    """The packaged catalog, validated (a broken catalog fails loudly, in tests first)."""
    return Catalog.model_validate(_read("disclosures.yaml"))


@cache
def load_breach_timelines() -> tuple[BreachTimeline, ...]:
    return _BreachFile.model_validate(_read("breach.yaml")).timelines


def breach_timelines_for(regimes: Iterable[str]) -> list[BreachTimeline]:
    wanted = set(regimes)
    return [t for t in load_breach_timelines() if t.regime in wanted]


@cache
def load_adequacy() -> Adequacy:
    return Adequacy.model_validate(_read("adequacy.yaml"))


@cache
def load_ropa() -> Ropa:
    return Ropa.model_validate(_read("ropa.yaml"))


@cache
def load_authorities() -> Authorities:
    return Authorities.model_validate(_read("authorities.yaml"))


@cache
def load_wording() -> Wording:
    """The standard wording, checked against the catalog: every item it names exists."""
    wording = Wording.model_validate(_read("wording.yaml"))
    known = set(load_catalog().by_id)
    stray = sorted({i for w in wording.wording for i in w.items} - known)
    if stray:
        raise ValueError(f"wording.yaml names unknown catalog items: {stray}")
    return wording


@cache
def load_measured() -> Measured:
    """How the gate did on the corpus of real notices (written by the corpus measurement)."""
    return Measured.model_validate(_read("measured.yaml"))
