"""Where each value of a YAML file was written: the path inside the file, line and column.

A :class:`Document` is what :mod:`.yaml_reader` returns for one file. Any later stage (the
schema, a rule, change control) asks it for the :class:`~govportal.problems.Location` of a
path such as ``("purposes", 0, "lawful_basis")``, so every problem points at the exact place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..problems import Location

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """``("purposes", 0, "lawful_basis")`` → ``purposes[0].lawful_basis``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Document:
    """One YAML file's value, with the position of every value and every key."""

    file: str
    data: Any = None
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    ok: bool = False
    _texts: tuple[tuple[Path, str], ...] | None = field(default=None, init=False,
                                                         repr=False, compare=False)

    def texts(self) -> tuple[tuple[Path, str], ...]:
        """Every text of the file with its path, in document order (:func:`strings`),
        walked once: a live preview keeps the document of a file that did not change, and
        with it this walk. The value must not be changed after the first call, nor after
        the reader gave them (:meth:`read_texts`)."""
        if self._texts is None:
            self._texts = tuple(strings(self.data))
        return self._texts

    def read_texts(self, texts: list[tuple[Path, str]]) -> None:
        """Keep the texts as the reader met them, in the order :func:`strings` gives: the
        reader builds every path anyway, and the walk need not build them again."""
        self._texts = tuple(texts)

    def location(self, path: Path, *, key: bool = False) -> Location:
        """Best location for ``path``: the key (if asked and known), else the value,
        else the nearest enclosing value that has a position."""
        probe = tuple(path)
        if key and probe in self.keys:
            line, col = self.keys[probe]
            return Location(self.file, line, col, format_path(path))
        while True:
            if probe in self.values:
                line, col = self.values[probe]
                return Location(self.file, line, col, format_path(path))
            if not probe:
                return Location(self.file, 1, 1, format_path(path))
            probe = probe[:-1]


def strings(value: Any) -> Iterator[tuple[Path, str]]:
    """Every text in ``value`` with its path, in document order (iteratively: data can
    nest deeply). ``{"a": ["x", {"b": "y"}]}`` gives ``(("a", 0), "x")`` then
    ``(("a", 1, "b"), "y")``."""
    stack: list[tuple[Path, Any]] = [((), value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            yield path, item
        elif isinstance(item, dict):
            stack.extend(((*path, key), child) for key, child in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend(((*path, i), child) for i, child in reversed(list(enumerate(item))))
