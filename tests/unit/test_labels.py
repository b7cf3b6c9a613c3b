"""Every code the data can hold has words on the pages: each table of labels covers every
member of its enum (a new value in the model without words would break a page's build)."""

from __future__ import annotations

import enum

import pytest

from govportal.pages import labels

TABLES = sorted(name for name in dir(labels) if name.endswith(("_LABELS", "_SHORT"))
                and isinstance(getattr(labels, name), dict))


def test_the_tables_are_found() -> None:
    assert len(TABLES) >= 10, TABLES


@pytest.mark.parametrize("name", TABLES)
def test_every_member_of_the_enum_has_words(name: str) -> None:
    table = getattr(labels, name)
    kinds = {type(key) for key in table}
    assert len(kinds) == 1, f"{name} mixes {kinds}"
    (kind,) = kinds
    assert issubclass(kind, enum.Enum)
    assert set(kind) - set(table) == set(), f"{name} has no words for {set(kind) - set(table)}"
    assert all(isinstance(v, str) and v.strip() for v in table.values())
