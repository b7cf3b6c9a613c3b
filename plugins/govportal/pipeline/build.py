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
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel import Locale

from .. import pages as pages_package
from ..changes.control import check_notices, notice_texts, translated_texts
from ..changes.history import History
from ..changes.lock import open_lock
from ..data import acknowledge_url, file_policy, schemas
from ..data.build_memo import TranslationMemo, once_per_build
from ..data.translatable import SOURCE_LANGUAGE, site_languages
from ..pages.navigation import navigation
from ..pages.page import Page, notice_pdf_uri, notice_uri, page_language
from ..pages.page_memo import PageMemo
from ..pages.paths import generated_path_problems
from ..problems import Location, Problems
from ..publish import acknowledgement, edition_scan, engines, exports, manifest, markdown_residue
from ..publish.gate import check_notice
from ..publish.notice_records import canonical_text, notice_hash, notice_records
from ..text.archived_markup import sanitise_archived_html
from ..text.safe_markdown import title_html
from . import settled_heap
from .build_config import BuildSettings
from .checking import Result, check
from .language_nav import LanguageNavigation, language_navigation
from .languages import language_pages, pair_twins
from .page_readings import Reading, output_rules, read_output, remember_outputs
from .preview import PageState, Preview, coverage_json, digest, folder_state
from .rendering import build_pages, environments
from .site_files import BuildError, SiteFiles
from .timings import Timings

Reporter = Callable[[Problems], None]


class SiteBuild:
    """The state and the steps of one build."""

    def __init__(self, settings: BuildSettings, report: Reporter,
                 preview: Preview | None = None) -> None:
        self.settings = settings
        self.report = report
        self.preview = preview  # `mkdocs serve --dirty`: what the last rebuild made
        self.timings = Timings()
        self.result: Result | None = None
        self.pages: dict[str, Page] = {}
        self.history: History | None = None
        self._navigations: dict[str, LanguageNavigation] = {}
        # the severities setting applies to the output checks too
        self.output_problems = Problems(overrides=dict(settings.options.severities))
        self.site_url = ""
        self.documents: list[dict[str, str]] = []  # printed after the build (the PDFs)
        self.scan: edition_scan.SiteScan | None = None  # the public edition's scan
        self._outputs: dict[str, Reading] = {}  # what the output checks read of each page
        self.output_reads = {"read": 0, "unchanged since the last build": 0}
        # the checked policy's translations and texts, made once for the check and the pages
        self._once: dict[int, Any] = {}

    # -------------------------------------------------------------- the data and the pages
    def check(self) -> Result:
        """Load and check the data; stop when it has errors."""
        s = self.settings
        with self.timings.step("check"), once_per_build(self._once, self._kept()):
            result = check(s.data_dir, s.options, label_base=s.base,
                           memo=self.preview.data_files if self.preview else None,
                           findings=self.preview.findings if self.preview else None,
                           settle=True)
        self.result = result
        if s.edition == "public":
            self.scan = edition_scan.SiteScan(result.policy)
        self.report(result.problems)
        if result.problems.errors:
            raise BuildError(
                f"govportal: the policy data has {result.problems.summary()}; nothing was "
                "published. Fix the problems listed above (run `govportal check` for the same "
                "list without building).")
        return result

    def _kept(self) -> TranslationMemo | None:
        """Under a live preview, each record's texts and translations from its last
        rebuild."""
        return self.preview.translations if self.preview is not None else None

    def add_pages(self, files: SiteFiles, site_url: str = "", site_name: str = "") -> None:
        """Render every page (with the published history), add those that collide with no
        hand-written file, then the machine-readable files; stop on any collision."""
        with once_per_build(self._once, self._kept()):  # the policy the check translated
            self._add_pages(files, site_url, site_name)

    def _add_pages(self, files: SiteFiles, site_url: str, site_name: str) -> None:
        assert self.result is not None
        s = self.settings
        self.site_url = site_url
        with self.timings.step("pages"):
            memo = self._program_pages()
            pages = build_pages(self.result.policy, s.options, s.templates, s.edition,
                                s.language, memo)
            pages += language_pages(self.result.policy, s.options, s.templates, s.edition,
                                    pages, s.use_directory_urls, memo)
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

    def _program_pages(self) -> PageMemo | None:
        """Under a live preview, each program's pages from the last rebuild, reused where
        nothing they are made from changed (the templates and catalogs are looked at here,
        the data by the memo itself)."""
        if self.preview is None:
            return None
        memo = self.preview.program_pages
        memo.begin(digest(*(folder_state(folder) for folder in self._page_sources())))
        return memo

    def _page_sources(self) -> list[Path]:
        """The folders the pages are templated from besides the data: the project's
        templates, the portal's own and its wording catalogs."""
        own = Path(pages_package.__file__).parent
        found = (self.settings.templates, own / "templates", own.parent / "locale")
        return [path for path in found if path is not None]

    def _change_control(self, pages: list[Page], files: SiteFiles) -> list[Page]:
        """Check the notices against the lock file; add the published history pages."""
        assert self.result is not None
        s, policy = self.settings, self.result.policy
        problems = Problems(overrides=dict(s.options.severities))
        lock, archive = open_lock(s.base, s.lock_file, s.archive_dir, problems)
        check_notices(policy, notice_texts(pages), lock, archive, problems,
                      translated_texts(pages))
        self.report(problems)
        if problems.errors:
            raise BuildError(
                f"govportal: notice change control found {problems.summary()}; nothing was "
                "published. Fix the problems listed above (`govportal check` lists them too).")
        made_in = environments(s.templates)
        history = History(policy, lock, archive, made_in(s.language), s.options.today,
                          s.material_banner_days, environments=made_in)
        self.history = history
        known = files.sources() | {p.src_uri for p in pages}
        made = history.pages(known)
        pair_twins(made, s.use_directory_urls)
        return pages + made

    def _add_exports(self, files: SiteFiles, site_url: str, site_name: str) -> None:
        """Publish the machine-readable files (notices.json, retention, ROPA, Atom feed)."""
        assert self.result is not None
        policy, lock = self.result.policy, self.history.lock if self.history else None
        chains = {pid: entry.chain for pid, program in policy.programs.items()
                  if lock and (entry := lock.entry(pid, program.notice.version))}
        records = notice_records(policy, self.pages, self.history)
        coverage = coverage_json(policy, self.preview)
        outputs = exports.all_exports(policy, self.pages, site_url, site_name, chains,
                                      records, coverage)
        _check_paths(list(outputs))
        for path, content in outputs.items():
            if not files.exists(path):
                files.add(path, content)

    def _add_schemas(self, files: SiteFiles) -> None:
        """Publish the data files' JSON Schemas under ``schemas/``, and the schema of the
        acknowledgement record an HR system keeps."""
        published = {**schemas.all_schemas(), acknowledgement.NAME: acknowledgement.schema_text()}
        for name, text in published.items():
            uri = f"schemas/{name}"
            if files.exists(uri):
                raise BuildError(f"govportal: '{uri}' in {self.settings.docs_name}/ would "
                                 "replace a generated JSON Schema: rename or remove it")
            files.add(uri, text)

    def watched(self) -> list[Path]:
        """What a live preview watches besides the pages: the data, the templates (the
        project's and the portal's), the wording catalogs, the lock file and the archive."""
        s = self.settings
        found = (s.data_dir, *self._page_sources(), s.base / s.lock_file, s.base / s.archive_dir)
        return [path for path in found if path is not None and path.exists()]

    def language_navigation(self, meta: Mapping[str, Any],
                            page_of: Callable[[str], Any]) -> LanguageNavigation | None:
        """The navigation a page in another language shows (None: the site's own)."""
        code = meta.get("language")
        if code and self.result is not None and code not in self._navigations:
            self._navigations[code] = language_navigation(
                self.pages, code, page_of, len(self.result.policy.programs),
                self.settings.nav_programs_limit)
        return self._navigations.get(code) if code else None

    def navigation(self, own_pages: list[str]) -> list[Any]:
        """The portal's navigation, with the hand-written pages (source paths) at the end."""
        programs = len(self.result.policy.programs) if self.result else 0
        return navigation(self.pages.values(), own_pages, programs,
                          self.settings.nav_programs_limit)

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
                                                page_language(meta))
        link = self._acknowledge_link(generated)
        if link is not None:
            meta["notice_acknowledge_url"] = link
            meta["notice_acknowledge_host"] = urlsplit(link).hostname or ""
        return meta, title_html(generated.title), markdown

    def _acknowledge_link(self, page: Page) -> str | None:
        """The "I have read this notice" link of a current notice: the organisation's
        ``acknowledge_url`` filled with its id, version, language and hash (None without a
        template, or with one the check refused, whatever its severity)."""
        template = self.result.policy.organisation.acknowledge_url if self.result else None
        if template is None or page.meta.get("govportal") != "notice":
            return None
        return acknowledge_url.fill(template, page.meta["program_id"],
                                    page.meta["notice_version"], page_language(page.meta),
                                    notice_hash(canonical_text(page.markdown)))

    def page_content(self, src_uri: str, html: str) -> str:
        """A generated page's HTML as converted: an archived version's is cleaned of any
        markup its templates never write (the archive is as untrusted as the data)."""
        page = self.pages.get(src_uri)
        if page is None or page.meta.get("govportal") != "notice-version":
            return html
        return sanitise_archived_html(html)

    def check_page(self, output: str, meta: Mapping[str, Any], dest_uri: str,
                   src_uri: str | None = None) -> None:
        """Read the final HTML of every page once for all its checks: the public edition's
        scan (every page), Markdown that did not render (every generated page) and the
        disclosures each notice must show."""
        if self.scan is not None:
            with self.timings.step("edition scan"):
                self.scan.page(dest_uri, output)
        pid = meta.get("program_id") if meta.get("govportal") == "notice" else None
        if pid is not None and (self.result is None or pid not in self.result.policy.programs):
            pid = None
        generated = src_uri is not None and src_uri in self.pages
        if not generated and pid is None:
            return
        with self.timings.step("output check"):
            seen = self._read_output(dest_uri, output, generated, pid is not None)
            if generated:
                markdown_residue.check_page(output, src_uri, dest_uri, self.output_problems,
                                            archived=self._archived(meta), found=seen.residue)
        if pid is None or self.result is None:
            return
        if meta.get("notice_pdf"):
            _check_paths([meta["notice_pdf"]])
            self.documents.append({
                "path": meta["notice_pdf"], "page": dest_uri, "type": "application/pdf",
                "notice": pid, "version": meta["notice_version"],
                "effective": meta["notice_effective"], "language": page_language(meta),
                "title": self.pages[src_uri or notice_uri(pid)].title})
        with self.timings.step("output check"):
            check_notice(output, self.result.policy, pid, dest_uri, self.output_problems,
                         seen=seen.shown)

    def _read_output(self, dest_uri: str, output: str, residue: bool,
                     shown: bool) -> Reading:
        seen = read_output(dest_uri, output, residue, shown, self.output_reads)
        self._outputs[dest_uri] = seen
        return seen

    def _archived(self, meta: Mapping[str, Any]) -> Location | None:
        """The archive file of an archived notice version's page, else None."""
        if meta.get("govportal") != "notice-version" or self.history is None:
            return None
        return Location(self.history.archive.label_of(
            meta["program_id"], meta["notice_version"], meta.get("language")))

    # -------------------------------------------------------------- the written site
    @settled_heap.releasing  # the build ends here, finished or failed
    def finish(self, site_dir: Path, use_directory_urls: bool, theme_copies: dict[str, str],
               preview: Preview | None = None, pages: list[PageState] | None = None) -> None:
        """The output gates' verdict and the public edition's scan (both reported, whatever
        the first found), then the manifest. Under a live preview that rendered again only
        what changed (``preview``; ``pages``: source path, site path, URL, title and
        metadata of every page, in the site's order), every page it kept is checked as a
        page rendered with the same HTML, and the search index is completed."""
        if preview is not None and pages is not None:
            self._check_kept(site_dir, preview, pages)
        remember_outputs(self._outputs)
        if len(self.output_problems):
            self.report(self.output_problems)
        leaks: list[str] = []
        if self.settings.edition == "public" and self.result is not None:
            with self.timings.step("edition scan"):
                scan = self.scan or edition_scan.SiteScan(self.result.policy)
                leaks = scan.finish(site_dir, theme_copies, use_directory_urls)
        if leaks:
            raise BuildError(
                f"govportal: the public edition holds internal-only content ({len(leaks)} "
                "finding(s) above): a template or page prints a field reserved for "
                "`edition: internal`. Nothing may be published from this build.", leaks)
        if self.output_problems.errors:
            raise BuildError(
                f"govportal: the rendered pages fail the output checks "
                f"({self.output_problems.summary()}: {output_rules(self.output_problems)}"
                "); see the problems above. Nothing may be published from this build.")
        with self.timings.step("manifest"):
            sources = self.result.policy.sources if self.result is not None else {}
            manifest.write(site_dir, file_policy.fingerprint(sources),
                           self.settings.options.today.isoformat(), self.settings.edition,
                           engine=engines.running(), site_url=self.site_url,
                           documents=self.documents,
                           known=preview.file_hashes if preview is not None else None)
        if preview is not None and pages is not None and not len(self.output_problems):
            preview.remember(site_dir, pages)
        if preview is not None:  # collected once it is idle (a failure: `Preview.failed`)
            preview.ended()

    @settled_heap.releasing
    def failed(self) -> None:
        """The build stopped before :meth:`finish` (a generator's error)."""
        if self.preview is not None:
            self.preview.failed()

    def _check_kept(self, site_dir: Path, preview: Preview, pages: list[PageState]) -> None:
        """Every check of a page the preview kept, on its file as written: what was read
        of it is not read again, what depends on the data is decided again."""
        for src_uri, dest_uri, _, _, meta in pages:
            if preview.is_kept(src_uri):
                html = (site_dir / dest_uri).read_text(encoding="utf-8")
                self.check_page(html, meta, dest_uri, src_uri)
        order = {dest: i for i, (_, dest, *_rest) in enumerate(pages)}
        self.documents.sort(key=lambda d: order.get(d["page"], len(order)))
        with self.timings.step("search index"):
            preview.complete_search_index(site_dir, [(src, url) for src, _, url, *_ in pages])


def _check_paths(uris: list[str]) -> None:
    """Every generated file stays inside the site, once (ids are restricted by the model;
    this holds whatever a template or a future page builder does)."""
    bad = generated_path_problems(uris)
    if bad:
        raise BuildError(f"govportal: {len(bad)} generated path(s) are unsafe; nothing was "
                         "published.", bad)
