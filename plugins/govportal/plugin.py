"""MkDocs glue (also loaded by ProperDocs): options and events, nothing else. Every step is
in :class:`govportal.pipeline.build.SiteBuild`, which imports nothing from MkDocs; this hands
it MkDocs' files and pages, logs its problems and turns a stop into a PluginError."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from .pipeline import BuildError, SiteBuild, build_settings
from .pipeline.build_config import packaged_theme_files
from .pipeline.settings import SettingsError
from .problems import Problems, Severity

log = get_plugin_logger(__name__)


class PortalConfig(Config):
    data_dir = c.Type(str, default="data")
    templates_dir = c.Optional(c.Dir(exists=True))
    today = c.Optional(c.Type(str))
    review_warning_days = c.Type(int, default=30)
    engagement_ceiling_days = c.Type(int, default=90)
    evidence_max_age_days = c.Type(int, default=365)
    readability_threshold = c.Type((int, float), default=50)
    severities = c.Type(dict, default={})
    nav_programs_limit = c.Type(int, default=40)
    lock_file = c.Type(str, default="notices.lock.json")
    archive_dir = c.Type(str, default="notices-archive")
    material_banner_days = c.Type(int, default=30)
    edition = c.Choice(("public", "internal"), default="public")
    pdf = c.Type(bool, default=False)  # notices link the PDFs the publisher prints


class GovernancePortalPlugin(BasePlugin[PortalConfig]):
    """Validates ``data/`` and publishes the portal's generated pages."""

    def on_config(self, config: Any) -> Any:
        base = Path(config.config_file_path or ".").resolve().parent
        try:
            settings = build_settings(base, {**self.config, "language": config.theme["language"],
                                             "use_directory_urls": config.use_directory_urls},
                                      Path(config.docs_dir).name)
        except SettingsError as exc:
            raise PluginError(f"govportal: {exc}") from exc
        self.build = SiteBuild(settings, _report)
        return config

    def on_pre_build(self, *, config: Any) -> None:
        with _stops():  # before MkDocs empties the site folder: bad data keeps the last site
            self.build.check()

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        self.files, self.theme_copies = files, packaged_theme_files(files, config.theme)
        with _stops():
            self.build.add_pages(_SiteFiles(files, config), config.site_url or "",
                                 config.site_name)
        if config.nav is None:
            own = [f.src_uri for f in files.documentation_pages()
                   if f.src_uri not in self.build.pages and f.src_uri != "index.md"]
            config.nav = self.build.navigation(own)
        if len(selector := self.build.language_selector()) > 1:  # Material's, per page
            config.extra["alternate"] = selector
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any,
                         files: Files) -> str:
        found = self.build.page_markdown(page.file.src_uri, markdown)
        if found is None:
            return markdown
        meta, title, markdown = found
        page.meta.update(meta)
        page.meta.setdefault("title", title)
        return markdown

    def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Files) -> str:
        return self.build.page_content(page.file.src_uri, html)

    def on_page_context(self, context: Any, /, *, page: Any, config: Any, nav: Any) -> Any:
        found = self.build.language_navigation(page.meta, lambda src: getattr(
            self.files.get_file_from_path(src), "page", None))  # a page in another language
        return {**context, "nav": found} if found is not None else context

    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
        output = self.build.page_output(output, page.meta)  # its language, in <html lang>
        self.build.check_page(output, page.meta, page.file.dest_uri, page.file.src_uri)
        return output

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, *, config: Any) -> None:
        with _stops():
            self.build.finish(Path(config.site_dir), config.use_directory_urls, self.theme_copies)
        log.debug(self.build.timings.summary())

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        for watched in self.build.watched():
            server.watch(str(watched))
        return server


class _SiteFiles:  # MkDocs' files as govportal.pipeline.build.SiteFiles
    def __init__(self, files: Files, config: Any) -> None:
        self.files, self.config = files, config
        self.dests = {f.dest_uri: f.src_uri for f in files}

    def sources(self) -> set[str]:
        return {f.src_uri for f in self.files}

    def exists(self, src_uri: str) -> bool:
        return self.files.get_file_from_path(src_uri) is not None

    def occupant(self, src_uri: str) -> str | None:
        existing = self.files.get_file_from_path(src_uri)
        return existing.src_uri if existing is not None else self.dests.get(self._dest(src_uri))

    def add(self, src_uri: str, content: str) -> None:
        self.files.append(File.generated(self.config, src_uri, content=content))
        self.dests[self._dest(src_uri)] = src_uri

    def _dest(self, src_uri: str) -> str:
        cfg = self.config
        return File(src_uri, cfg.docs_dir, cfg.site_dir, cfg.use_directory_urls).dest_uri


@contextmanager
def _stops() -> Iterator[None]:
    """Turn a stopped build into a PluginError, its details logged as errors first."""
    try:
        yield
    except BuildError as exc:
        for line in exc.details:
            log.error(line)
        raise PluginError(exc.summary) from exc


def _report(problems: Problems) -> None:
    for problem in problems:
        (log.error if problem.severity is Severity.ERROR else log.warning)(problem.format_text())
