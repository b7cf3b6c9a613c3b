"""Data files loaded by an earlier check in the same process (the live preview).

Under ``mkdocs serve --dirty`` every rebuild checks all the data again. A file whose bytes
are the same as when it was last loaded, and which then loaded without a single problem, is
neither parsed nor validated again: its parsed document and validated model are the same
values, so the loader takes them from here. A file that had any problem (an error, a
warning, a ``TODO``) is read afresh every time, so its problems are reported every time.
Every rule still runs on the whole policy. A full build or ``govportal check`` never keeps
one: they read every file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .policy import PROGRAM_MEMOS, Policy, source_files
from .yaml_reader import Document


@dataclass
class LoadMemo:
    """label and model → (the file's SHA-256, its document, its validated value)."""

    kept: dict[tuple[str, str], tuple[str, Document, Any]] = field(default_factory=dict)
    reused: int = 0
    read: int = 0
    settings: str = ""
    # the last check's data files but the translations, and the rules' per-program memos
    decided: tuple[list[tuple[str, str]], dict[str, dict[Any, Any]]] | None = None

    def begin(self, settings: str) -> None:
        """A new check whose problems are sorted by ``settings`` (the rules' severities: a
        problem switched off is not recorded, so another setting forgets every file)."""
        if settings != self.settings:
            self.kept.clear()
            self.settings = settings
        self.reused = self.read = 0

    def get(self, label: str, model: type, sha: str) -> tuple[Document, Any] | None:
        """The document and value of ``label`` as last loaded, when its bytes are ``sha``."""
        kept = self.kept.get((label, model.__qualname__))
        if kept is None or kept[0] != sha:
            self.read += 1
            return None
        self.reused += 1
        return kept[1], kept[2]

    def keep(self, label: str, model: type, sha: str, doc: Document, value: Any) -> None:
        """Remember a file that loaded without a problem."""
        self.kept[(label, model.__qualname__)] = (sha, doc, value)

    def forget(self, label: str, model: type) -> None:
        """A file that had problems this time is read again next time."""
        self.kept.pop((label, model.__qualname__), None)

    def carry_decisions(self, policy: Policy) -> bool:
        """Give ``policy`` what the last check's rules decided of each program (its facts
        and each requirement's status, :data:`~.policy.PROGRAM_MEMOS`) when every data file
        but the translations is byte for byte the last check's (a translator's edit):
        they were made from records with the same values, and each entry still holds only
        for the very program object it was made for. Otherwise ``policy``'s own memos are
        remembered for the next check. True when they were carried over."""
        files = source_files(policy)
        if not files:
            return False
        if self.decided is not None and self.decided[0] == files:
            live = {id(program) for program in policy.programs.values()}
            for name, memo in self.decided[1].items():
                for stale in [key for key in memo if key not in live]:
                    del memo[stale]  # a program read again (a file with a problem)
                policy.__dict__[name] = memo
            return True
        self.decided = (files, {name: policy.__dict__.setdefault(name, {})
                                for name in PROGRAM_MEMOS})
        return False
