"""Every key that carries a notice disclosure matters: deleting it fails the check, with a
problem that names a disclosure item or a declaration rule.

The model marks each such key (``carries(...)`` in ``govportal.data.model``). This test finds
every marked key in the sample organisation (``data/``) and in the complete case, deletes each
in turn (its first occurrence in each file) and runs the check as the strict build does
(warnings fail too). A key newly marked in the model but present in neither data set fails
``test_every_marked_key_is_mutated`` until a case holds it.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from govportal import pipeline
from govportal.data import model as m
from govportal.data.validation import _inner_model
from govportal.data.yaml_reader import load_bytes
from govportal.problems import Problems
from govportal.rules import registry
from govportal.rules.catalog import load_catalog
from tests.conftest import CASES, ROOT

BASES = {"sample": ROOT / "data", "complete": CASES / "valid" / "complete"}
OPTIONS = registry.Options(today=dt.date(2026, 12, 1))
# Rules that report a missing statement or a fact the law decides from.
DECLARATION_RULES = {"declaration.missing", "jurisdiction.regime-mismatch",
                     "organisation.dpo-required", "authority.not-competent",
                     "authority.unnamed"}
ITEM_IDS = re.compile("|".join(re.escape(i.id) for i in load_catalog().items))
ORG_REQUIREMENT = re.compile(r"\blacks org\.[a-z0-9.-]+ \(")
# Keys whose absence is the cautious answer, so deleting them cannot hide a disclosure.
EXEMPT = {
    ("Collection", "from_subject"): "absent means true: the Art. 13 items apply",
    ("Program", "sells_or_shares"): "absent means the organisation's own answer applies",
    ("DataField", "ccpa_sensitive"): "absent means sensitive when special category, which "
                                     "the classification carries",
    ("Organisation", "address"): "contact details are enough; the law asks for no postal "
                                 "address as such",
    ("Organisation", "staff_processing_personal_data"): "decides only whether a DPO is "
                                                        "mandatory; both data sets name one",
}


def marked_fields() -> set[tuple[str, str]]:
    """(model class name, field name) of every key marked as carrying a disclosure."""
    out: set[tuple[str, str]] = set()
    seen: set[type] = set()
    todo: list[type[BaseModel]] = [*m.SINGLE_FILES.values(), m.Program]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            extra = info.json_schema_extra
            if isinstance(extra, dict) and extra.get("x-carries"):
                out.add((model.__name__, name))
            inner = _inner_model(info.annotation)
            if inner is not None:
                todo.append(inner)
            for arg in _all_models(info.annotation):
                todo.append(arg)
    return out


def _all_models(annotation: Any) -> Iterator[type[BaseModel]]:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _all_models(arg)


def _occurrences(value: Any, model: type[BaseModel], path: tuple,
                 marked: set[tuple[str, str]]) -> Iterator[tuple[tuple, tuple[str, str]]]:
    """(path, (class, field)) of every marked key present in ``value``."""
    if not isinstance(value, dict):
        return
    if model is m.RetentionRule and not value.get("fields"):
        return  # a rule that covers no field is quoted by no notice
    for key, child in value.items():
        info = model.model_fields.get(key)
        if info is None:
            continue
        if (model.__name__, key) in marked:
            yield (*path, key), (model.__name__, key)
        for sub in _submodels(info.annotation, child):
            if isinstance(child, list):
                for i, item in enumerate(child):
                    yield from _occurrences(item, sub, (*path, key, i), marked)
            elif isinstance(child, dict) and set(child) <= set(sub.model_fields):
                yield from _occurrences(child, sub, (*path, key), marked)
            elif isinstance(child, dict):  # a mapping of models (rights by regime)
                for k, item in child.items():
                    if isinstance(item, dict):
                        yield from _occurrences(item, sub, (*path, key, k), marked)


def _submodels(annotation: Any, value: Any) -> list[type[BaseModel]]:
    models = list(dict.fromkeys(_all_models(annotation)))
    if isinstance(value, dict) and "none" in value:
        return []
    if isinstance(value, dict):
        fitting = [x for x in models if set(value) <= set(x.model_fields)]
        return fitting[:1] or models[:1]
    return models[:1]


def mutations() -> list[tuple[str, str, tuple, tuple[str, str]]]:
    """(base, file, path, marked key) for the first occurrence of each marked key per file."""
    marked = marked_fields()
    out = []
    for base, root in BASES.items():
        for path in sorted(root.rglob("*.yaml")):
            rel = path.relative_to(root).as_posix()
            model = m.Program if path.parent.name == m.PROGRAMS_DIR else \
                m.SINGLE_FILES.get(path.name)
            if model is None:
                continue
            data = load_bytes(path.read_bytes(), rel, Problems()).data
            first: dict[tuple[str, str], tuple] = {}
            for where, key in _occurrences(data, model, (), marked):
                first.setdefault(key, where)
            out += [(base, rel, where, key) for key, where in first.items() if key not in EXEMPT]
    return out


MUTATIONS = mutations()


def test_there_are_mutations() -> None:
    assert len(MUTATIONS) > 60


def test_every_marked_key_is_mutated() -> None:
    mutated = {key for *_, key in MUTATIONS} | set(EXEMPT)
    missing = marked_fields() - mutated
    assert not missing, f"no data set holds {sorted(missing)}: add it to the complete case"


def _delete(data: Any, path: tuple) -> None:
    for part in path[:-1]:
        data = data[part]
    del data[path[-1]]


@pytest.mark.parametrize("base, file, path, key", MUTATIONS,
                         ids=[f"{b}:{f}:{'.'.join(map(str, p))}" for b, f, p, _ in MUTATIONS])
def test_deleting_a_disclosure_key_fails_naming_what_it_carried(
        base: str, file: str, path: tuple, key: tuple[str, str], tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(BASES[base], data_dir)
    target = data_dir / file
    data = load_bytes(target.read_bytes(), file, Problems()).data
    _delete(data, path)
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    result = pipeline.check(data_dir, OPTIONS, label_base=tmp_path)
    problems = list(result.problems)
    assert result.problems.failed(strict=True), f"deleting {file}:{path} changed nothing"
    naming = [p for p in problems if p.rule in DECLARATION_RULES or ITEM_IDS.search(p.message)
              or ORG_REQUIREMENT.search(p.message) or "; the notice needs it for " in p.message]
    assert naming, "\n".join(p.format_text() for p in problems)
