"""What the rules that do not read the translations found in a live preview's last check.

Under ``mkdocs serve --dirty`` a translator's edit changes one translation file and nothing
else, and every rule runs again on the whole policy. A rule not registered as reading the
translations (``@rule(..., translations=True)``) is given the policy without them, in every
check, a full build's and ``govportal check``'s too (:func:`~..data.policy.untranslated`):
what it finds is made of the other data files and the check's options alone. While those
are byte for byte and value for value the last check's, its findings are the last check's,
and they are taken from here instead of running it again. The rules that read the
translations (the ``i18n`` family, the reading ease of translated notices, the walks of
every text of every file) run in every check.

Exact by construction: the key is the SHA-256 of every data file but the translations
(:func:`~..data.policy.source_files`), the options (the date, the thresholds, the
severities) and the rules asked for. Only a live preview keeps one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from ..data.policy import Policy, source_files


@dataclass
class KeptFindings:
    """Rule id → the findings of the last check whose key was ``key``."""

    key: bytes | None = None
    kept: dict[str, list[Any]] = field(default_factory=dict)
    reused: int = 0  # this check: rules whose findings were taken from the last check
    ran: int = 0  # this check: rules run (that do not read the translations)

    def begin(self, policy: Policy, options: Any, only: Collection[str] | None) -> None:
        """A new check of ``policy`` with ``options`` (a repr that names every value), of
        ``only`` those rules (None: every rule). Another key forgets every finding; a
        policy that does not say which files it was read from keeps none."""
        files = source_files(policy)
        key = _key(files, options, only) if files else None
        if key is None or key != self.key:
            self.kept = {}
        self.key = key
        self.reused = self.ran = 0

    def findings(self, rule_id: str, run: Callable[[], list[Any]]) -> list[Any]:
        """The findings of ``rule_id``: the last check's under the same key, else ``run()``
        (kept for the next check)."""
        if self.key is not None and rule_id in self.kept:
            self.reused += 1
            return self.kept[rule_id]
        self.ran += 1
        found = run()
        if self.key is not None:
            self.kept[rule_id] = found
        return found


def _key(files: list[tuple[str, str]], options: Any, only: Collection[str] | None) -> bytes:
    text = repr((files, options, sorted(only) if only is not None else None))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()
