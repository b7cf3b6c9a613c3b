"""The archive of published notice texts, one file per locked version and language
(``notices-archive/<program>/<version>.md`` in the default language,
``notices-archive/<program>/<version>.<language>.md`` in each other), read under the
portal's one file-reading policy (:mod:`govportal.data.file_policy`): regular files
inside the archive, no link out of it, at most :data:`MAX_BYTES` each, UTF-8."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..data.file_policy import Folder, Refusal, TooLarge
from .fingerprint import normalise

MAX_BYTES = 1024 * 1024


def file_name(version: str, language: str | None = None) -> str:
    """``1.2.md`` (the default language's text), ``1.2.de.md`` (German)."""
    return f"{version}.md" if language is None else f"{version}.{language}.md"


@dataclass
class Archive:
    """Published notice texts, one file per locked version and language. Program ids,
    versions and languages are validated by the lock's schema before any path is made from
    them; ``language`` None is the default language's text."""

    root: Path
    label: str  # the folder as shown in problems, e.g. "notices-archive"
    project: Path | None = None  # the folder the archive must stay inside
    _folder: Folder | None = field(default=None, repr=False)

    @property
    def folder(self) -> Folder:
        if self._folder is None:
            self._folder = Folder(self.root, f"{self.label}/")
        return self._folder

    def path(self, pid: str, version: str, language: str | None = None) -> Path:
        return self.root / pid / file_name(version, language)

    def label_of(self, pid: str, version: str, language: str | None = None) -> str:
        return f"{self.label}/{pid}/{file_name(version, language)}"

    def load(self, pid: str, version: str, language: str | None = None
             ) -> str | Refusal | None:
        """The archived text; None when there is none; a Refusal when it may not be read."""
        if self.project is not None and Folder(self.project, "").leaves(self.root):
            return Refusal("notice.archive-unreadable", f"{self.label}/ is a link to something "
                           "outside the project folder", f"replace the link with the "
                           f"{self.label}/ folder itself")
        raw = self.folder.read(self.path(pid, version, language), MAX_BYTES)
        if isinstance(raw, TooLarge):
            return Refusal("notice.archive-unreadable", f"the archived text is {raw.size:,} "
                           f"bytes; the limit is {MAX_BYTES:,}",
                           "restore the file from git history")
        if isinstance(raw, Refusal):
            return Refusal("notice.archive-unreadable", raw.message, raw.hint)
        if raw is None:
            return None
        try:
            return normalise(raw.decode("utf-8"))
        except UnicodeDecodeError:
            return Refusal("notice.archive-unreadable", "the archived text is not UTF-8",
                           "restore the file from git history")

    def read(self, pid: str, version: str, language: str | None = None) -> str | None:
        text = self.load(pid, version, language)
        return text if isinstance(text, str) else None

    def write(self, pid: str, version: str, text: str, language: str | None = None) -> bool:
        """Archive ``text``; False (nothing written) when the file's place is a link that
        leads out of the archive."""
        path = self.path(pid, version, language)
        outside = self.project is not None and Folder(self.project, "").leaves(self.root)
        if outside or self.folder.leaves(path):
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(normalise(text).encode("utf-8"))  # "\n" endings, on every system
        return True
