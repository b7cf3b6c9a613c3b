"""The portal's pages as portable Markdown, for any generator: ``govportal render --out DIR``.

The build steps are the plugin's (:class:`~.build.SiteBuild`: the data checked, the notices
held to the lock, every page rendered with its history), but the result is written to a
folder instead of handed to MkDocs: a complete docs folder that another generator can
publish as it is.

* the hand-written pages of the docs folder, as they are;
* every generated page as Markdown with a YAML front matter holding its title (plain text)
  and its page metadata (``govportal: notice``, ``program_id``, ``notice_version`` …);
* the machine-readable files (``notices.json``, ``coverage.json`` …) and the JSON Schemas;
* ``nav.yml``: the navigation, ``nav:`` as MkDocs reads it, with plain-text titles.

The Markdown uses the extensions ``mkdocs.yml`` enables (attribute lists, Markdown in HTML,
admonitions, task lists). The disclosure gate over the final HTML, the edition scan and the
manifest run on a built site, so a generator that publishes this folder must keep the gate
by running ``govportal verify-manifest`` (see the README) or by building with the plugin.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..publish.atomic import swap
from .build import Reporter, SiteBuild
from .build_config import build_settings
from .settings import Project

NAV = "nav.yml"
MARKER = "# Written by `govportal render`: the portal's navigation, as MkDocs' `nav` setting."


class RenderError(ValueError):
    """The folder cannot be written (it holds other files); the message says why."""


class FolderFiles:
    """The files of a docs folder and those a build adds, as :class:`~.build.SiteFiles`."""

    def __init__(self, docs: Path, use_directory_urls: bool = True) -> None:
        self.docs = docs
        self.own = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*")
                          if p.is_file()) if docs.is_dir() else []
        self.added: dict[str, str] = {}
        self.use_directory_urls = use_directory_urls
        self.dests = {self._dest(src): src for src in self.own}

    def sources(self) -> set[str]:
        return set(self.own) | set(self.added)

    def exists(self, src_uri: str) -> bool:
        return src_uri in self.added or src_uri in self.own

    def occupant(self, src_uri: str) -> str | None:
        return src_uri if self.exists(src_uri) else self.dests.get(self._dest(src_uri))

    def add(self, src_uri: str, content: str) -> None:
        self.added[src_uri] = content
        self.dests[self._dest(src_uri)] = src_uri

    def _dest(self, src_uri: str) -> str:
        """Where MkDocs writes a file (``a.md`` and ``a/index.md`` both give ``a/index.html``)."""
        if not src_uri.endswith(".md"):
            return src_uri
        folder, _, name = src_uri[:-3].rpartition("/")
        prefix = f"{folder}/" if folder else ""
        if name in ("index", "README"):
            return f"{prefix}index.html"
        return f"{prefix}{name}/index.html" if self.use_directory_urls else f"{prefix}{name}.html"


def plugin_options(project: Project) -> dict[str, Any]:
    """The plugin's options as ``mkdocs.yml`` gives them (the paths put back in)."""
    options = dict(project.options)
    options.update(data_dir=project.data_dir, lock_file=project.lock_file,
                   archive_dir=project.archive_dir)
    if project.templates is not None:
        options["templates_dir"] = str(project.templates)
    return options


def render(project: Project, out: Path, report: Reporter) -> dict[str, int]:
    """Write the portable docs folder into ``out`` (replaced whole, only when everything was
    rendered); how many files of each kind were written. Raises :class:`~.build.BuildError` when the
    data or the notices have errors (after ``report`` saw them) and :class:`RenderError`
    when ``out`` holds anything but an earlier render."""
    _check_target(out)
    docs = project.root / project.docs_dir
    build = SiteBuild(build_settings(project.root, plugin_options(project),
                                     Path(project.docs_dir).name), report)
    build.check()
    files = FolderFiles(docs, project.use_directory_urls)
    build.add_pages(files, project.site_url, project.site_name)
    own_pages = [src for src in files.own if src.endswith(".md") and src != "index.md"]
    nav = _plain_titles(build.navigation(own_pages))

    target = out.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        for src in files.own:
            _write(new / src, None, docs / src)
        for src, content in files.added.items():
            found = build.page_markdown(src, content)
            if found is not None:
                meta, title, markdown = found
                front = yaml.safe_dump({"title": html.unescape(title), **meta},
                                       sort_keys=False, allow_unicode=True, width=1000)
                content = f"---\n{front}---\n\n{markdown}"
            _write(new / src, content)
        _write(new / NAV, f"{MARKER}\n" + yaml.safe_dump(
            {"nav": nav}, sort_keys=False, allow_unicode=True, width=1000))
        swap(new, target)
    finally:
        if new.exists():
            shutil.rmtree(new, ignore_errors=True)
    return {"hand-written": len(files.own), "generated pages": len(build.pages),
            "other generated files": len(files.added) - len(build.pages)}


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise RenderError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        nav = out / NAV
        first = nav.read_text(encoding="utf-8").split("\n", 1)[0] if nav.is_file() else ""
        if first != MARKER:
            raise RenderError(f"{out} is not empty and was not written by `govportal render`: "
                              "name a new or empty folder (an earlier render is replaced)")


def _write(path: Path, text: str | None, source: Path | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if source is not None:
        shutil.copyfile(source, path)
    else:
        path.write_text(text or "", encoding="utf-8", newline="\n")
    os.chmod(path, 0o644)


def _plain_titles(nav: Any) -> Any:
    """The navigation with the theme's escaped titles made plain text again."""
    if isinstance(nav, list):
        return [_plain_titles(item) for item in nav]
    if isinstance(nav, dict):
        return {html.unescape(k): _plain_titles(v) for k, v in nav.items()}
    return nav
