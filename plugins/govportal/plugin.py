"""MkDocs glue (also loaded by ProperDocs): options and events, nothing else. Every step is
in :class:`govportal.pipeline.build.SiteBuild`, which imports nothing from MkDocs; this hands
it MkDocs' files and pages, logs its problems and turns a stop into a PluginError."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from . import pipeline as steps
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

    preview: steps.Preview | None = None  # `mkdocs serve --dirty`: render again what changed

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = steps.start_preview() if command == "serve" and dirty else None

    def on_config(self, config: Any) -> Any:
        base = Path(config.config_file_path or ".").resolve().parent
        try:
            settings = steps.build_settings(
                base, {**self.config, "language": config.theme["language"],
                       "use_directory_urls": config.use_directory_urls},
                Path(config.docs_dir).name)
        except steps.SettingsError as exc:
            raise PluginError(f"govportal: {exc}") from exc
        self.build = steps.SiteBuild(settings, _report, self.preview)
        if self.preview is not None:
            self.preview.begin(config.plugins.values())
        return config

    def on_pre_build(self, *, config: Any) -> None:
        with _stops():  # before MkDocs empties the site folder: bad data keeps the last site
            self.build.check()

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        self.theme_copies = steps.packaged_theme_files(files, config.theme)
        self.site = steps.GeneratorFiles(files, File, config)  # MkDocs' files, made by its `File`
        with _stops():
            self.build.add_pages(self.site, config.site_url or "", config.site_name)
        if config.nav is None:
            own = [f.src_uri for f in files.documentation_pages()
                   if f.src_uri not in self.build.pages and f.src_uri != "index.md"]
            config.nav = self.build.navigation(own)
        if len(selector := self.build.language_selector()) > 1:  # Material's, per page
            config.extra["alternate"] = selector
        return files

    def on_nav(self, nav: Any, /, *, config: Any, files: Files) -> Any:
        self.docs = [f for f in files if f.is_documentation_page()]
        if self.preview is not None:  # which pages MkDocs renders again (`is_modified`)
            again = self.preview.plan_site(self.docs, files, nav.items, config,
                                           self.build.page_markdown)
            for f in self.docs:
                f.is_modified = partial(self.preview.answer, f, f.src_uri in again)
        return nav

    def on_env(self, env: Any, /, *, config: Any, files: Files) -> Any:
        if self.preview is not None:  # the theme's templates, compiled once per serve
            env.bytecode_cache = self.preview.theme
        return env

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
        found = self.build.language_navigation(page.meta, self.site.page_of)  # other language
        return {**context, "nav": found} if found is not None else context

    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
        output = self.build.page_output(output, page.meta)  # its language, in <html lang>
        self.build.check_page(output, page.meta, page.file.dest_uri, page.file.src_uri)
        return output

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, *, config: Any) -> None:
        pages = [(f.src_uri, f.dest_uri, f.page.url, f.page.title, f.page.meta)
                 for f in self.docs if f.page is not None] if self.preview else None
        with _stops():
            self.build.finish(Path(config.site_dir), config.use_directory_urls,
                              self.theme_copies, self.preview, pages)
        log.debug(self.build.timings.summary())

    def on_build_error(self, *, error: Exception) -> None:
        if getattr(self, "build", None) is not None:
            self.build.failed()

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        for watched in self.build.watched():
            server.watch(str(watched))
        return server


@contextmanager
def _stops() -> Iterator[None]:
    """Turn a stopped build into a PluginError, its details logged as errors first."""
    try:
        yield
    except steps.BuildError as exc:
        for line in exc.details:
            log.error(line)
        raise PluginError(exc.summary) from exc


def _report(problems: Problems) -> None:
    for problem in problems:
        (log.error if problem.severity is Severity.ERROR else log.warning)(problem.format_text())
