"""The ids each data file declares, read from the file as written, valid or not.

A file that does not validate is left out of the loaded policy, but what it declares is
still known: a reference to a program whose file has one wrong value is not an "unknown
program", it follows from that one wrong value. :func:`declared_ids` reads the ids from the
parsed YAML without the model, so it works on a file the model refused.

The kinds are the names the reference checks use ("program", "field", "view" …).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..problems import Cause
from .suggestions import as_id

# file → (kind, path to the ids): "*" is every item of a list.
DECLARES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "organisation.yaml": (("jurisdiction", ("jurisdictions", "*", "id")),),
    "inventory.yaml": (("field", ("fields", "*", "id")),),
    "roles.yaml": (("role", ("roles", "*", "id")), ("view", ("views", "*", "id"))),
    "retention.yaml": (("retention rule", ("rules", "*", "id")),),
    "vendors.yaml": (("vendor", ("vendors", "*", "id")),),
    "transfers.yaml": (("transfer", ("transfers", "*", "id")),),
    "checklists.yaml": (("checklist", ("checklists", "*", "id")),
                        ("pre-launch checklist item", ("checklists", "*", "items", "*", "id"))),
    "clauses.yaml": (("clause", ("clauses", "*", "id")),),
    "mistakes.yaml": (("mistake", ("mistakes", "*", "id")),),
    "requirements.yaml": (("requirement", ("requirements", "*", "id")),),
    "incident-response.yaml": (),
}
PROGRAM = "program"


def _values(data: Any, path: tuple[str, ...]) -> Iterator[Any]:
    if not path:
        yield data
        return
    head, rest = path[0], path[1:]
    if head == "*":
        for item in data if isinstance(data, list) else ():
            yield from _values(item, rest)
    elif isinstance(data, dict) and head in data:
        yield from _values(data[head], rest)


def _forms(value: Any) -> Iterator[str]:
    """An id as written and, when it is not a valid id, the id it was meant to be
    (``Quiz Score`` also declares ``quiz-score``)."""
    if isinstance(value, str) and value:
        yield value
        meant = as_id(value)
        if meant is not None:
            yield meant


def declared_ids(name: str, data: Any) -> set[Cause]:
    """(kind, id) for every id the data file ``name`` declares (a program file: see
    :func:`program_ids`)."""
    found: set[Cause] = set()
    for kind, path in DECLARES.get(name, ()):
        for value in _values(data, path):
            found.update((kind, form) for form in _forms(value))
    return found


def program_ids(stem: str, data: Any) -> set[Cause]:
    """A program file declares its program: by its file name, and by its ``id``."""
    found: set[Cause] = {(PROGRAM, stem)}
    if isinstance(data, dict):
        found.update((PROGRAM, form) for form in _forms(data.get("id")))
    return found
