"""Values still to be filled in: the ``TODO`` that ``govportal new`` writes.

A scaffolded record holds ``TODO`` wherever the policy owner has to write something (a
comment above says what). :func:`report` names each one as a located ``data.placeholder``
problem, with the key's description and example as the hint, and the loader then leaves
the file out of the policy, as it does a file with schema errors: a ``TODO`` where a date,
a choice or an id belongs is not reported a second time as a wrong value, and nothing that
only follows from the file not being used (a reference to its ids) is reported either.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..problems import Problems
from . import model as m
from .positions import Document, strings
from .positions import Path as YPath
from .schema_reference import example_text, key_at

MARK = "TODO"


def unfilled(text: str) -> bool:
    """Whether a value is still the ``TODO`` the scaffold wrote."""
    return text.strip() == MARK


def placeholders(data: Any) -> Iterator[YPath]:
    """The path of every value that is still ``TODO``, in the order of the file."""
    return (path for path, text in strings(data) if unfilled(text))


def hint(model: type[m.Strict], path: YPath) -> str:
    """What to write there: the key's description, its allowed values and an example."""
    key = key_at(model, path)
    if key is None:
        return "write the value the comment above it asks for"
    parts = [key.description.strip()]
    if key.allowed:
        parts.append("Allowed: " + ", ".join(key.allowed) + ".")
    if key.examples:
        parts.append(f"Example: {example_text(key.examples[0])}")
    return " ".join(p for p in parts if p)


def report(doc: Document, model: type[m.Strict], problems: Problems) -> set[YPath]:
    """Report every ``TODO`` in ``doc``; return their paths (from the document's texts,
    walked once for the loader and the rules alike)."""
    found = [path for path, text in doc.texts() if unfilled(text)]
    for path in found:
        problems.add("data.placeholder", f"still to be filled in: replace {MARK} with the "
                     "value the comment above asks for", doc.location(path), hint(model, path))
    return set(found)
