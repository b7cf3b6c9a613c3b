"""MkDocs glue: options, events, nothing else.

Loading, checking and rendering live in :mod:`govportal.core`; this module hands MkDocs the
generated pages, the navigation and the page metadata the theme shows, and fails the build
with every problem listed when the data is wrong.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from . import (
    changes,
    checks,
    core,
    disclosures,
    editions,
    exports,
    manifest,
    rendered,
    schemas,
)
from .history import History
from .pages import Page
from .problems import Problems, Severity
from .render import environment
from .safety import generated_path_problems, title_html
from .severities import unknown_message, unknown_rule_ids
from .timings import Timings

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


class GovernancePortalPlugin(BasePlugin[PortalConfig]):
    """Validates ``data/`` and publishes the portal's generated pages."""

    def __init__(self) -> None:
        self.output_problems = Problems()
        self.pages: dict[str, Page] = {}
        self.result: core.Result | None = None
        self.history: History | None = None
        self.options = checks.Options()
        self.data_dir = Path("data")
        self.timings = Timings()
        self.theme_copies: dict[str, str] = {}

    # -------------------------------------------------------------- configuration
    def on_config(self, config: Any) -> Any:
        self.output_problems = Problems()
        self.pages = {}
        self.result = None
        self.history = None
        self.timings = Timings()
        base = Path(config.config_file_path or ".").resolve().parent
        self.base = base
        self.data_dir = (base / self.config.data_dir).resolve()
        severities: dict[str, Severity] = {}
        for rule_id, value in (self.config.severities or {}).items():
            try:
                severities[str(rule_id)] = Severity(str(value))
            except ValueError as exc:
                raise PluginError(
                    f"govportal: severities.{rule_id}: '{value}' is not one of error, warning, "
                    "off") from exc
        unknown = unknown_rule_ids(severities)
        if unknown:
            raise PluginError(f"govportal: {unknown_message(unknown)}")
        try:
            today = core.build_date(self.config.today)
        except ValueError as exc:
            raise PluginError(f"govportal: today: '{self.config.today}' is not a YYYY-MM-DD "
                              "date") from exc
        self.options = checks.Options(
            today=today,
            review_warning_days=self.config.review_warning_days,
            engagement_ceiling_days=self.config.engagement_ceiling_days,
            evidence_max_age_days=self.config.evidence_max_age_days,
            readability_threshold=float(self.config.readability_threshold),
            severities=severities,
        )
        return config

    # -------------------------------------------------------------- pages
    def on_files(self, files: Files, /, *, config: Any) -> Files:
        self.theme_copies = _packaged_theme_files(files, config)
        with self.timings.step("check"):
            result = core.check(self.data_dir, self.options, label_base=self.base)
        self.result = result
        _report(result.problems)
        if result.problems.errors:
            raise PluginError(
                f"govportal: the policy data has {result.problems.summary()}; nothing was "
                "published. Fix the problems listed above (run `govportal check` for the same "
                "list without building).")
        templates = Path(self.config.templates_dir) if self.config.templates_dir else None
        with self.timings.step("pages"):
            pages = core.build_pages(result.policy, self.options, templates,
                                     self.config.edition)
        with self.timings.step("change control"):
            pages = self._change_control(result.policy, pages, files, templates)
        self._check_paths([p.src_uri for p in pages])
        clashes = []
        dests = {f.dest_uri: f for f in files}
        for page in pages:
            existing = files.get_file_from_path(page.src_uri)
            probe = File(page.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
            if existing is not None or probe.dest_uri in dests:
                other = existing.src_uri if existing else dests[probe.dest_uri].src_uri
                clashes.append(f"generated page '{page.src_uri}' would replace '{other}' in "
                               f"{Path(config.docs_dir).name}/: rename or remove that file")
            else:
                files.append(File.generated(config, page.src_uri, content=page.markdown))
                dests[probe.dest_uri] = probe
            self.pages[page.src_uri] = page
        with self.timings.step("exports"):
            self._add_exports(files, config)
        if clashes:
            for clash in clashes:
                log.error(clash)
            raise PluginError(f"govportal: {len(clashes)} generated page(s) collide with "
                              "hand-written pages; nothing was published.")
        self._add_schemas(files, config)
        if config.nav is None:
            config.nav = self._nav(files)
        return files

    @staticmethod
    def _check_paths(uris: list[str]) -> None:
        """Every generated file stays inside the site, once (ids are restricted by the
        model; this holds whatever a template or a future page builder does)."""
        bad = generated_path_problems(uris)
        if bad:
            for message in bad:
                log.error(message)
            raise PluginError(f"govportal: {len(bad)} generated path(s) are unsafe; nothing "
                              "was published.")

    def _change_control(self, policy: Any, pages: list[Page], files: Files,
                        templates: Path | None) -> list[Page]:
        """Check the notices against the lock file; add the published history pages."""
        problems = Problems(overrides=dict(self.options.severities))
        lock, archive = changes.open_lock(self.base, self.config.lock_file,
                                          self.config.archive_dir, problems)
        changes.check_notices(policy, changes.notice_texts(pages), lock, archive, problems)
        _report(problems)
        if problems.errors:
            raise PluginError(
                f"govportal: notice change control found {problems.summary()}; nothing was "
                "published. Fix the problems listed above (`govportal check` lists them too).")
        history = History(policy, lock, archive, environment(templates), self.options.today,
                          self.config.material_banner_days)
        self.history = history
        known = {f.src_uri for f in files} | {p.src_uri for p in pages}
        return pages + history.pages(known)

    def _add_schemas(self, files: Files, config: Any) -> None:
        """Publish the data files' JSON Schemas under ``schemas/``."""
        for name, text in schemas.all_schemas().items():
            uri = f"schemas/{name}"
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"govportal: '{uri}' in {Path(config.docs_dir).name}/ would "
                                  "replace a generated JSON Schema: rename or remove it")
            files.append(File.generated(config, uri, content=text))

    def _add_exports(self, files: Files, config: Any) -> None:
        """Publish the machine-readable files (notices.json, retention, ROPA, Atom feed)."""
        assert self.result is not None
        outputs = exports.all_exports(self.result.policy, self.pages, config.site_url or "",
                                      config.site_name)
        self._check_paths(list(outputs))
        for path, content in outputs.items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=content))

    def _nav(self, files: Files) -> list[Any]:
        """The portal's navigation: one section per audience, sub-sections by page group.

        With many programs the per-program pages are left out (their index pages list them):
        Material renders the whole navigation into every page, so a nav that grows with the
        number of programs makes the build grow with its square."""
        programs = len(self.result.policy.programs) if self.result else 0
        many = programs > self.config.nav_programs_limit
        tree: dict[str, Any] = {}
        for page in self.pages.values():
            if not page.in_nav or (many and page.meta.get("program_id")):
                continue
            node = tree
            for part in page.section.split("/"):
                node = node.setdefault(part, {})
            node.setdefault("", []).append({title_html(page.title): page.src_uri})

        def entries(node: dict[str, Any]) -> list[Any]:
            out: list[Any] = list(node.get("", []))
            for name, child in node.items():
                if name:
                    out.append({name: entries(child)})
            return out

        labels = {"home": None, "employees": "For employees", "managers": "For managers",
                  "owners": "For policy owners"}
        nav: list[Any] = []
        for key, label in labels.items():
            if key not in tree:
                continue
            if label is None:
                nav += entries(tree[key])
            else:
                nav.append({label: entries(tree[key])})
        own = [f.src_uri for f in files.documentation_pages()
               if f.src_uri not in self.pages and f.src_uri != "index.md"]
        if own:
            nav.append({"About this portal": sorted(own)})
        return nav

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any,
                         files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.meta.update(generated.meta)
            # The theme prints titles as HTML (and <title> from the meta title): escaped text.
            page.meta.setdefault("title", title_html(generated.title))
            if self.history is not None:  # versions list and banner, around the notice text
                with self.timings.step("change control"):
                    markdown = self.history.decorate(generated, markdown)
        return markdown

    # -------------------------------------------------------------- output checks
    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
        """Check the final HTML of each notice against the disclosures it must show."""
        pid = page.meta.get("program_id") if page.meta.get("govportal") == "notice" else None
        if pid is None or self.result is None or pid not in self.result.policy.programs:
            return output
        with self.timings.step("output check"):
            self._check_notice_output(output, page, pid)
        return output

    def _check_notice_output(self, output: str, page: Any, pid: str) -> None:
        assert self.result is not None
        policy = self.result.policy
        seen = rendered.inspect(output)
        label = policy.program_files[pid]
        where = policy.where(label, ("notice", "version"))
        for decision in disclosures.decide(policy, policy.programs[pid]):  # decided once
            req = decision.requirement
            if decision.status is disclosures.Status.APPLICABLE and req.id not in seen.shown:
                self.output_problems.add(
                    "disclosure.not-rendered",
                    f"the published notice '{pid}' ({page.file.dest_uri}) shows no section "
                    f"for {req.id} ({req.citation}): the data has it, but the page does not",
                    where, "a template override or theme change dropped or emptied the "
                    f"section data-topic=\"{req.topic}\"; restore it",
                    Severity.ERROR if req.severity == "error" else Severity.WARNING)
        for advice, anchor in rendered.FIRST_LAYER_LINKS.items():
            if anchor not in seen.first_layer_links:
                self.output_problems.add(
                    advice, f"the short version of notice '{pid}' does not point to "
                    f"#{anchor}", where,
                    "keep the short version's link to that section in notice.md.j2",
                    Severity.WARNING)

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, *, config: Any) -> None:
        if len(self.output_problems):
            _report(self.output_problems)
            if self.output_problems.errors:
                raise PluginError(
                    f"govportal: the published notices miss required disclosures "
                    f"({self.output_problems.summary()}); see the problems above.")
        if self.config.edition == "public":
            with self.timings.step("edition scan"):
                self._scan_public_edition(config)
        with self.timings.step("manifest"):
            self._write_manifest(config)
        log.debug(self.timings.summary())

    def _scan_public_edition(self, config: Any) -> None:
        """Fail the build when any internal-only text or page reached the public site."""
        if self.result is None:
            return
        leaks = editions.find_leaks(Path(config.site_dir), self.result.policy,
                                    config.use_directory_urls, self.theme_copies)
        if leaks:
            for leak in leaks:
                log.error(leak)
            raise PluginError(
                f"govportal: the public edition holds internal-only content ({len(leaks)} "
                "finding(s) above): a template or page prints a field reserved for "
                "`edition: internal`. Nothing may be published from this build.")

    def _write_manifest(self, config: Any) -> None:
        """The last step of a build: the manifest of every file now in the site."""
        manifest.write(Path(config.site_dir), self.data_dir, self.options.today.isoformat(),
                       self.config.edition)

    # -------------------------------------------------------------- serve
    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        if self.data_dir.is_dir():
            server.watch(str(self.data_dir))
        if self.config.templates_dir:
            server.watch(str(self.config.templates_dir))
        server.watch(os.path.join(os.path.dirname(__file__), "templates"))
        for extra in (self.base / self.config.lock_file, self.base / self.config.archive_dir):
            if extra.exists():
                server.watch(str(extra))
        return server


def _packaged_theme_files(files: Files, config: Any) -> dict[str, str]:
    """Site path -> source of the static files an installed theme package ships (Material's
    scripts, styles, fonts), which cannot hold the organisation's data. Files from the
    project's own ``custom_dir`` or docs are not among them."""
    custom = config.theme.custom_dir
    packaged = [os.path.join(d, "") for d in config.theme.dirs if d != custom]
    return {f.dest_uri: f.abs_src_path for f in files
            if f.generated_by is None and f.abs_src_path
            and any(f.abs_src_path.startswith(d) for d in packaged)}


def _report(problems: Problems) -> None:
    for problem in problems:
        text = problem.format_text()
        if problem.severity is Severity.ERROR:
            log.error(text)
        else:
            log.warning(text)
