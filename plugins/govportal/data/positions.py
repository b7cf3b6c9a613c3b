"""Where each value of a YAML file was written: the path inside the file, line and column.

A :class:`Document` is what :mod:`.yaml_reader` returns for one file. Any later stage (the
schema, a rule, change control) asks it for the :class:`~govportal.problems.Location` of a
path such as ``("purposes", 0, "lawful_basis")``, so every problem points at the exact place.
"""

from __future__ import annotations

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
