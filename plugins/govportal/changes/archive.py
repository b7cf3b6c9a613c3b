"""The archive of published notice texts, one file per locked version
(``notices-archive/<program>/<version>.md``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .fingerprint import normalise


@dataclass
class Archive:
    """Published notice texts, one file per locked version."""

    root: Path
    label: str  # the folder as shown in problems, e.g. "notices-archive"

    def path(self, pid: str, version: str) -> Path:
        return self.root / pid / f"{version}.md"

    def label_of(self, pid: str, version: str) -> str:
        return f"{self.label}/{pid}/{version}.md"

    def read(self, pid: str, version: str) -> str | None:
        path = self.path(pid, version)
        try:
            return normalise(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None

    def write(self, pid: str, version: str, text: str) -> None:
        path = self.path(pid, version)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(normalise(text), encoding="utf-8", newline="\n")
