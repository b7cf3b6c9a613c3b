"""The legal reference data the gate and the rules rely on, shipped as YAML beside this file.

``disclosures.yaml`` (the disclosure catalog), ``breach.yaml`` (breach notification
deadlines), ``adequacy.yaml`` (the dated EU adequacy list) and ``ropa.yaml`` (the record of
processing fields). Each is validated with the models of :mod:`.models` when first loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

import yaml

from .models import Adequacy, BreachTimeline, Catalog, Ropa, _BreachFile


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
