"""The examples written in the package's docstrings (``>>>``) hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import govportal

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(govportal.__path__, "govportal.")
    if ">>> " in (importlib.util.find_spec(info.name).loader.get_source(info.name) or ""))


def test_some_module_has_examples() -> None:
    assert MODULES  # the collection below would otherwise pass on nothing


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
