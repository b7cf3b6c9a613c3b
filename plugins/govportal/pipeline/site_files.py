"""What a build needs of its generator, without importing it: the set of site files it adds
pages to (:class:`SiteFiles`, and :class:`GeneratorFiles` making one of the generator's
own files given how it makes a file and where a source path is written), which of them an
installed theme ships, and the error that stops a build."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, Protocol


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


class GeneratorFiles:
    """The generator's files (objects with ``src_uri``, ``dest_uri``, in a collection with
    ``get_file_from_path`` and ``append``) as :class:`SiteFiles`. ``file`` is the
    generator's file class (MkDocs' ``File``: ``File.generated(config, uri, content=…)``
    makes a generated file, ``File(uri, docs_dir, site_dir, use_directory_urls).dest_uri``
    says where a source path is written); ``config`` its configuration."""

    def __init__(self, files: Any, file: Any, config: Any) -> None:
        self.files, self.file, self.config = files, file, config
        self.dests = {f.dest_uri: f.src_uri for f in files}

    def make(self, src_uri: str, content: str) -> Any:
        return self.file.generated(self.config, src_uri, content=content)

    def dest_of(self, src_uri: str) -> str:
        cfg = self.config
        return self.file(src_uri, cfg.docs_dir, cfg.site_dir, cfg.use_directory_urls).dest_uri

    def sources(self) -> set[str]:
        return {f.src_uri for f in self.files}

    def exists(self, src_uri: str) -> bool:
        return self.files.get_file_from_path(src_uri) is not None

    def occupant(self, src_uri: str) -> str | None:
        existing = self.files.get_file_from_path(src_uri)
        return (existing.src_uri if existing is not None
                else self.dests.get(self.dest_of(src_uri)))

    def add(self, src_uri: str, content: str) -> None:
        self.files.append(self.make(src_uri, content))
        self.dests[self.dest_of(src_uri)] = src_uri

    def page_of(self, src_uri: str) -> Any:
        """The generator's page object of a source path (None when it has none)."""
        return getattr(self.files.get_file_from_path(src_uri), "page", None)


def packaged_theme_files(files: Iterable[Any], theme: Any) -> dict[str, str]:
    """Site path -> source of the files an installed theme ships, not the project's own
    ``custom_dir`` (``theme``: the generator's theme, with ``dirs`` and ``custom_dir``)."""
    packaged = [os.path.join(d, "") for d in theme.dirs if d != theme.custom_dir]
    return {f.dest_uri: f.abs_src_path for f in files
            if f.generated_by is None and f.abs_src_path
            and any(f.abs_src_path.startswith(d) for d in packaged)}
