"""One build of the portal, step by step, as a site generator drives it.

:class:`SiteBuild` holds everything a build learns on the way (the checked policy, the
generated pages, the published history, the problems found in the rendered pages) and
offers each step as a method: check the data, make the pages (with the notice change
control), the machine-readable files and the schemas, decorate and verify each rendered
page, then finish the written site (the output gate, the edition scan, the manifest). The
MkDocs plugin calls these from its events; any other generator could.

A step that must stop the build raises :class:`BuildError` after the problems were handed to
``report``; nothing here imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from babel import Locale

from ..changes.control import check_notices, notice_texts
from ..changes.history import History
from ..changes.lock import open_lock
from ..data import file_policy, schemas
from ..data.translatable import SOURCE_LANGUAGE, site_languages
from ..pages.environment import environment
from ..pages.navigation import navigation
from ..pages.page import NOTICE_LANGUAGE, Page, notice_pdf_uri, notice_uri
from ..pages.paths import generated_path_problems
from ..problems import Location, Problems
from ..publish import edition_scan, engines, exports, manifest, markdown_residue
from ..publish.gate import check_notice
from ..rules.registry import Options
from ..text.archived_markup import sanitise_archived_html
from ..text.safe_markdown import title_html
from .checking import Result, check
from .languages import language_pages
from .rendering import build_pages
from .settings import build_options
from .timings import Timings


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


@dataclass
class BuildSettings:
    """Where things are and how the build behaves (the plugin's options, resolved)."""

    base: Path  # the project root, the folder of mkdocs.yml
    data_dir: Path
    options: Options
    templates: Path | None = None
    edition: str = "public"
    lock_file: str = "notices.lock.json"
    archive_dir: str = "notices-archive"
    material_banner_days: int = 30
    nav_programs_limit: int = 40
    docs_name: str = "content"  # the docs folder, as problems name it
    pdf: bool = False  # each notice links its PDF, printed after the build by the publisher
    language: str = "en"  # the theme's language: reader-facing dates are written in it
    use_directory_urls: bool = True  # where pages are published (the language alternates)


def build_settings(base: Path, options: Mapping[str, Any], docs_name: str) -> BuildSettings:
    """The settings of a build from the plugin's options (as ``mkdocs.yml`` gives them) and
    the project root; raises :class:`~.settings.SettingsError` for an option it cannot use."""
    o = options
    rules = build_options(
        o.get("severities") or {}, o.get("today"),
        review_warning_days=o.get("review_warning_days", 30),
        engagement_ceiling_days=o.get("engagement_ceiling_days", 90),
        evidence_max_age_days=o.get("evidence_max_age_days", 365),
        readability_threshold=o.get("readability_threshold", 50))
    templates = o.get("templates_dir")
    return BuildSettings(
        base=base, data_dir=(base / o.get("data_dir", "data")).resolve(), options=rules,
        templates=Path(templates) if templates else None, edition=o.get("edition", "public"),
        lock_file=o.get("lock_file", "notices.lock.json"),
        archive_dir=o.get("archive_dir", "notices-archive"),
        material_banner_days=o.get("material_banner_days", 30),
        nav_programs_limit=o.get("nav_programs_limit", 40), docs_name=docs_name,
        pdf=bool(o.get("pdf", False)), language=str(o.get("language") or "en"),
        use_directory_urls=bool(o.get("use_directory_urls", True)))


Reporter = Callable[[Problems], None]


class SiteBuild:
    """The state and the steps of one build."""

    def __init__(self, settings: BuildSettings, report: Reporter) -> None:
        self.settings = settings
        self.report = report
        self.timings = Timings()
        self.result: Result | None = None
        self.pages: dict[str, Page] = {}
        self.history: History | None = None
        # the severities setting applies to the output checks too
        self.output_problems = Problems(overrides=dict(settings.options.severities))
        self.site_url = ""
        self.documents: list[dict[str, str]] = []  # printed after the build (the PDFs)

    # -------------------------------------------------------------- the data and the pages
    def check(self) -> Result:
        """Load and check the data; stop when it has errors."""
        s = self.settings
        with self.timings.step("check"):
            result = check(s.data_dir, s.options, label_base=s.base)
        self.result = result
        self.report(result.problems)
        if result.problems.errors:
            raise BuildError(
                f"govportal: the policy data has {result.problems.summary()}; nothing was "
                "published. Fix the problems listed above (run `govportal check` for the same "
                "list without building).")
        return result

    def add_pages(self, files: SiteFiles, site_url: str = "", site_name: str = "") -> None:
        """Render every page (with the published history), add those that collide with no
        hand-written file, then the machine-readable files; stop on any collision."""
        assert self.result is not None
        s = self.settings
        self.site_url = site_url
        with self.timings.step("pages"):
            pages = build_pages(self.result.policy, s.options, s.templates, s.edition,
                                s.language)
            pages += language_pages(self.result.policy, s.options, s.templates, s.edition,
                                    pages, s.use_directory_urls)
        with self.timings.step("change control"):
            pages = self._change_control(pages, files)
        _check_paths([p.src_uri for p in pages])
        clashes = []
        for page in pages:
            other = files.occupant(page.src_uri)
            if other is not None:
                clashes.append(f"generated page '{page.src_uri}' would replace '{other}' in "
                               f"{s.docs_name}/: rename or remove that file")
            else:
                files.add(page.src_uri, page.markdown)
            self.pages[page.src_uri] = page
        with self.timings.step("exports"):
            self._add_exports(files, site_url, site_name)
        if clashes:
            raise BuildError(f"govportal: {len(clashes)} generated page(s) collide with "
                             "hand-written pages; nothing was published.", clashes)
        self._add_schemas(files)

    def _change_control(self, pages: list[Page], files: SiteFiles) -> list[Page]:
        """Check the notices against the lock file; add the published history pages."""
        assert self.result is not None
        s, policy = self.settings, self.result.policy
        problems = Problems(overrides=dict(s.options.severities))
        lock, archive = open_lock(s.base, s.lock_file, s.archive_dir, problems)
        check_notices(policy, notice_texts(pages), lock, archive, problems)
        self.report(problems)
        if problems.errors:
            raise BuildError(
                f"govportal: notice change control found {problems.summary()}; nothing was "
                "published. Fix the problems listed above (`govportal check` lists them too).")
        history = History(policy, lock, archive, environment(s.templates, s.language),
                          s.options.today,
                          s.material_banner_days)
        self.history = history
        known = files.sources() | {p.src_uri for p in pages}
        return pages + history.pages(known)

    def _add_exports(self, files: SiteFiles, site_url: str, site_name: str) -> None:
        """Publish the machine-readable files (notices.json, retention, ROPA, Atom feed)."""
        assert self.result is not None
        policy, lock = self.result.policy, self.history.lock if self.history else None
        chains = {pid: entry.chain for pid, program in policy.programs.items()
                  if lock and (entry := lock.entry(pid, program.notice.version))}
        outputs = exports.all_exports(policy, self.pages, site_url, site_name, chains)
        _check_paths(list(outputs))
        for path, content in outputs.items():
            if not files.exists(path):
                files.add(path, content)

    def _add_schemas(self, files: SiteFiles) -> None:
        """Publish the data files' JSON Schemas under ``schemas/``."""
        for name, text in schemas.all_schemas().items():
            uri = f"schemas/{name}"
            if files.exists(uri):
                raise BuildError(f"govportal: '{uri}' in {self.settings.docs_name}/ would "
                                 "replace a generated JSON Schema: rename or remove it")
            files.add(uri, text)

    def navigation(self, own_pages: list[str]) -> list[Any]:
        """The portal's navigation, with the hand-written pages (source paths) at the end."""
        programs = len(self.result.policy.programs) if self.result else 0
        return navigation(self.pages.values(), own_pages, programs,
                          self.settings.nav_programs_limit)

    def watched(self) -> list[Path]:
        """What a live preview watches: the data, the templates, the lock and the archive."""
        s = self.settings
        own = Path(__file__).parent.parent / "pages"
        found = (s.data_dir, s.templates, own / "templates", own / "locale",
                 s.base / s.lock_file, s.base / s.archive_dir)
        return [p for p in found if p is not None and p.exists()]

    def language_selector(self) -> list[dict[str, str]]:
        """Material's language selector (``extra.alternate``): each language's home; a page
        with alternates links its own twin instead (``overrides/partials/alternate.html``)."""
        if self.result is None:
            return []
        codes = site_languages(self.result.policy, self.settings.options.today)
        made = {p.meta.get("language") for p in self.pages.values()}
        return [{"name": Locale.parse(c).get_display_name(c).capitalize(), "lang": c,
                 "link": "./" if c == SOURCE_LANGUAGE else f"{c}/"}
                for c in codes if c == SOURCE_LANGUAGE or c in made]

    def page_output(self, output: str, meta: Mapping[str, Any]) -> str:
        """A page's final HTML in its own language: ``<html lang>`` says which."""
        code = meta.get("language")
        if not code or code == self.settings.language:
            return output
        return output.replace(f'<html lang="{self.settings.language}"', f'<html lang="{code}"',
                              1)

    # -------------------------------------------------------------- each rendered page
    def page_markdown(self, src_uri: str,
                      markdown: str) -> tuple[dict[str, Any], str, str] | None:
        """For a generated page: its metadata, its title as the theme prints it (escaped
        HTML, also in ``<title>``) and its Markdown with the version list and banner around
        a notice. None for a page the portal did not generate."""
        generated = self.pages.get(src_uri)
        if generated is None:
            return None
        if self.history is not None:
            with self.timings.step("change control"):
                markdown = self.history.decorate(generated, markdown)
        meta = dict(generated.meta)
        if self.settings.pdf and meta.get("govportal") == "notice":
            meta["notice_pdf"] = notice_pdf_uri(meta["program_id"], meta["notice_version"],
                                                meta.get("language", NOTICE_LANGUAGE))
        return meta, title_html(generated.title), markdown

    def page_content(self, src_uri: str, html: str) -> str:
        """A generated page's HTML as converted: an archived version's is cleaned of any
        markup its templates never write (the archive is as untrusted as the data)."""
        page = self.pages.get(src_uri)
        if page is None or page.meta.get("govportal") != "notice-version":
            return html
        return sanitise_archived_html(html)

    def check_page(self, output: str, meta: Mapping[str, Any], dest_uri: str,
                   src_uri: str | None = None) -> None:
        """Check the final HTML of every generated page for Markdown that did not render,
        and of each notice against the disclosures it must show."""
        if src_uri is not None and src_uri in self.pages:
            with self.timings.step("output check"):
                markdown_residue.check_page(output, src_uri, dest_uri, self.output_problems,
                                            archived=self._archived(meta))
        pid = meta.get("program_id") if meta.get("govportal") == "notice" else None
        if pid is None or self.result is None or pid not in self.result.policy.programs:
            return
        if meta.get("notice_pdf"):
            _check_paths([meta["notice_pdf"]])
            self.documents.append({
                "path": meta["notice_pdf"], "page": dest_uri, "type": "application/pdf",
                "notice": pid, "version": meta["notice_version"],
                "effective": meta["notice_effective"],
                "language": meta.get("language", NOTICE_LANGUAGE),
                "title": self.pages[src_uri or notice_uri(pid)].title})
        with self.timings.step("output check"):
            check_notice(output, self.result.policy, pid, dest_uri, self.output_problems)

    def _archived(self, meta: Mapping[str, Any]) -> Location | None:
        """The archive file of an archived notice version's page, else None."""
        if meta.get("govportal") != "notice-version" or self.history is None:
            return None
        return Location(self.history.archive.label_of(meta["program_id"],
                                                      meta["notice_version"]))

    # -------------------------------------------------------------- the written site
    def finish(self, site_dir: Path, use_directory_urls: bool,
               theme_copies: dict[str, str]) -> None:
        """The output gates' verdict and the public edition's scan (both reported, whatever
        the first found), then the manifest."""
        if len(self.output_problems):
            self.report(self.output_problems)
        leaks: list[str] = []
        if self.settings.edition == "public" and self.result is not None:
            with self.timings.step("edition scan"):
                leaks = edition_scan.find_leaks(site_dir, self.result.policy,
                                                use_directory_urls, theme_copies)
        if leaks:
            raise BuildError(
                f"govportal: the public edition holds internal-only content ({len(leaks)} "
                "finding(s) above): a template or page prints a field reserved for "
                "`edition: internal`. Nothing may be published from this build.", leaks)
        if self.output_problems.errors:
            raise BuildError(
                f"govportal: the rendered pages fail the output checks "
                f"({self.output_problems.summary()}: {_output_rules(self.output_problems)}"
                "); see the problems above. Nothing may be published from this build.")
        with self.timings.step("manifest"):
            sources = self.result.policy.sources if self.result is not None else {}
            manifest.write(site_dir, file_policy.fingerprint(sources),
                           self.settings.options.today.isoformat(), self.settings.edition,
                           engine=engines.running(), site_url=self.site_url,
                           documents=self.documents)


def _output_rules(problems: Problems) -> str:
    """What the output checks found, in words, for the build's last line."""
    rules = {p.rule for p in problems.errors}
    said = []
    if "disclosure.not-rendered" in rules:
        said.append("the published notices miss required disclosures")
    if rules & {markdown_residue.CURRENT, markdown_residue.ARCHIVED}:
        said.append("pages show Markdown that did not render")
    return "; ".join(said) or "see below"


def _check_paths(uris: list[str]) -> None:
    """Every generated file stays inside the site, once (ids are restricted by the model;
    this holds whatever a template or a future page builder does)."""
    bad = generated_path_problems(uris)
    if bad:
        raise BuildError(f"govportal: {len(bad)} generated path(s) are unsafe; nothing was "
                         "published.", bad)
