"""Put hostile text into every free-text field of a data folder.

Which fields take free text is decided by the model itself: each string value of each file
is replaced by a payload, and the replacement is kept only when the file still validates
(ids, dates, e-mail addresses, enums and versions refuse it). Lists of free text get every
payload, one per item; other text fields get one payload each, in turn.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from govportal.data import model as m
from govportal.data.yaml_reader import load_bytes
from govportal.problems import Problems

# Values whose change would fail a data rule rather than test the output (kept as written).
KEEP_KEYS = {"id", "version", "email", "url", "website", "privacy_policy_url", "period"}


def _model_for(path: Path, data_dir: Path) -> type[BaseModel]:
    if path.parent.name == m.PROGRAMS_DIR:
        return m.Program
    return m.SINGLE_FILES[path.name]


def _valid(model: type[BaseModel], data: Any) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return False
    return True


def _string_slots(data: Any, path: tuple = ()) -> Iterator[tuple]:
    """Paths of string values (and of lists of strings), depth first."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in KEEP_KEYS:
                continue
            yield from _string_slots(value, (*path, key))
    elif isinstance(data, list):
        if data and all(isinstance(v, str) for v in data):
            yield (*path, "*")
        for i, value in enumerate(data):
            yield from _string_slots(value, (*path, i))
    elif isinstance(data, str):
        yield path


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: tuple, value: Any) -> None:
    _get(data, path[:-1])[path[-1]] = value


def inject(data_dir: Path, payloads: list[str]) -> dict[str, int]:
    """Rewrite every data file with payloads in its free-text fields.

    Returns the number of values replaced per file (so a test can insist it did something)."""
    turn = itertools.cycle(payloads)
    counts: dict[str, int] = {}
    for path in sorted(data_dir.rglob("*.yaml")):
        model = _model_for(path, data_dir)
        doc = load_bytes(path.read_bytes(), path.name, Problems())
        data = doc.data
        replaced = 0
        for slot in list(_string_slots(data)):
            if slot[-1] == "*":
                parent = slot[:-1]
                old = _get(data, parent)
                _set(data, parent, list(payloads))
                if _valid(model, data):
                    replaced += len(payloads)
                    continue
                _set(data, parent, old)
                continue
            old = _get(data, slot)
            if not isinstance(old, str) or old in payloads:
                continue  # a list slot already replaced as a whole
            _set(data, slot, next(turn))
            if _valid(model, data):
                replaced += 1
            else:
                _set(data, slot, old)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                        encoding="utf-8")
        counts[path.relative_to(data_dir).as_posix()] = replaced
    return counts
