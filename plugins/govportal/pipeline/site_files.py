"""What a build needs of its generator: the set of site files it adds pages to, and the
error that stops it."""

from __future__ import annotations

from typing import Protocol


class BuildError(Exception):
    """The build must stop. ``details`` are lines to show as errors before ``summary``."""

    def __init__(self, summary: str, details: list[str] | None = None) -> None:
        super().__init__(summary)
        self.summary = summary
        self.details = details or []


class SiteFiles(Protocol):
    """The generator's set of site files, as a build needs it."""

    def sources(self) -> set[str]:
        """The source path of every file in the site."""

    def exists(self, src_uri: str) -> bool:
        """Whether a file with this source path is already in the site."""

    def occupant(self, src_uri: str) -> str | None:
        """The source path of a file that has this source path or would be written where
        a page with this source path goes (None when the place is free)."""

    def add(self, src_uri: str, content: str) -> None:
        """Add a generated file."""
