"""A generator's files as a build needs them, without importing the generator: its set of
files as :class:`~.build.SiteFiles` (given how it makes a file and where a source path is
written), and which of them an installed theme ships."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any


class GeneratorFiles:
    """The generator's files (objects with ``src_uri``, ``dest_uri``, in a collection with
    ``get_file_from_path`` and ``append``) as :class:`~.build.SiteFiles`. ``make`` makes a
    generated file from its source path and content; ``dest_of`` says where a source path
    is written."""

    def __init__(self, files: Any, make: Callable[[str, str], Any],
                 dest_of: Callable[[str], str]) -> None:
        self.files, self.make, self.dest_of = files, make, dest_of
        self.dests = {f.dest_uri: f.src_uri for f in files}

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


def packaged_theme_files(files: Iterable[Any], theme_dirs: Iterable[str],
                         custom_dir: str | None) -> dict[str, str]:
    """Site path -> source of the files an installed theme ships (not the project's own)."""
    packaged = [os.path.join(d, "") for d in theme_dirs if d != custom_dir]
    return {f.dest_uri: f.abs_src_path for f in files
            if f.generated_by is None and f.abs_src_path
            and any(f.abs_src_path.startswith(d) for d in packaged)}
