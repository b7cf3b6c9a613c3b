"""From policy data to the portal's pages: every page the portal generates, in one place.

Each builder returns :class:`~.page.Page` values (a path, a title, Markdown and page
metadata); the Markdown comes from a template, and the templates receive ready-made values
so they stay simple to override. Each kind of page has a module of its own (:mod:`.notice`,
:mod:`.guide`, :mod:`.checklists`, :mod:`.registers`, :mod:`.rules_reference`); this class
is the list of them. Nothing here writes to disk or imports MkDocs.
"""

from __future__ import annotations

from typing import Any

from ..data import model as m
from ..data.placeholders import fill_placeholders
from ..data.policy import untranslated
from ..data.translatable import SOURCE_LANGUAGE
from . import checklists, data_reference, governance, guide, notice, registers, rules_reference
from .context import N_, PageContext
from .environment import babel_locale, reader_date
from .page import CLAUSES, GUIDES, HOME, NOTICES, Page, Section
from .page_memo import PageMemo, shared_key, source_key

# Page metadata that holds an ISO date the theme prints: each gets a ``<key>_text`` twin in
# the reader's date format (the ISO value stays for the ``datetime`` attribute).
DATE_META = ("notice_effective", "notice_next_review")
# Material's search boost by kind of page: employees searching their own words ("opt out",
# "withdraw", "leave the program") find the notices before the registers that mention the
# same words; the home page (which only routes) and the rules reference (written for policy
# owners) come last.
SEARCH_BOOST = {"notice": 4.0, "guide": 2.0, "home": 0.3, "rules": 0.5}
# The words employees type when they want out, and which every notice answers (its consent,
# objection, rights and "do you have to provide it" sections). Material's search indexes a
# page's `tags` above its titles, so these words find the notices first; the portal shows no
# tag list on the page (the tags plugin is off), the search results show them.
EMPLOYEE_WORDS = ("opt out", "withdraw", "leave the program", "object", "delete my data",
                  "my rights")


# The words the theme override prints around a page (overrides/main.html), for the pages in
# another language; the default language's pages use the override's own.
THEME_WORDS = {"about": N_("About this page"), "version": N_("Version"),
               "effective": N_("In effect since"), "owner": N_("Owner"),
               "next_review": N_("Next review"), "pdf": N_("Download PDF"),
               "ack_label": N_("Acknowledge this notice"),
               "ack": N_("I have read this notice"),
               "ack_note": N_("This link opens your HR system ({host}), which records that you "
                              "have read version {version} of this notice. This portal records "
                              "nothing about you.")}


def _reader_meta(page: Page, language: str) -> None:
    for key in DATE_META:
        if key in page.meta:
            page.meta[f"{key}_text"] = reader_date(page.meta[key], language)
    kind = page.meta.get("govportal", "")
    boost = SEARCH_BOOST.get(kind)
    if boost is not None and "search" not in page.meta:
        page.meta["search"] = {"boost": boost}
    if kind == "notice" and "tags" not in page.meta:
        page.meta["tags"] = list(EMPLOYEE_WORDS)
    if kind == "notice":  # the footer's "Next" would lead an employee into the manager guides
        page.meta.setdefault("hide", ["footer"])


class PageBuilder(PageContext):
    """Builds every page of the portal from one loaded, valid policy."""

    # the live preview's memo of each program's pages (None: every page is made afresh)
    memo: PageMemo | None = None
    _shared: bytes | None = None

    def pages(self) -> list[Page]:
        """Every generated page, in the order the navigation lists them."""
        programs = []
        for program in self.policy.programs.values():
            programs += [self.notice(program), self.guide(program)]
        if self.memo is not None:  # a program removed from the data: its pages are not kept
            self.memo.retain(self.policy.programs)
        # made after the notices: the coverage page lists the wording each notice printed
        home, notices, guides, *registers, data_reference = self._source_pages()
        pages = [home, notices, guides, *programs, *registers, self.quality(), data_reference]
        if self.edition == "internal":
            pages.append(self.assessments())
        for page in pages:
            _reader_meta(page, self.language)
        return pages

    def _source_pages(self) -> list[Page]:
        """The home page, the indexes and the registers (the readability page and the
        internal edition's assessments aside), made from the policy without its
        translations (:func:`~..data.policy.untranslated`: they print the source language);
        under a live preview, the last build's when none of the data they are made from
        changed (an edit to a translation makes none of them again)."""
        def make() -> list[Page]:
            b = PageBuilder(untranslated(self.policy), self.env, today=self.today,
                            threshold=self.threshold, edition=self.edition,
                            options=self.options, language=self.language)
            b.wording_used = self.wording_used
            return [b.home(), b.notices_index(), b.guides_index(), b.governance(),
                    b.retention(), b.clauses(), b.checklists_index(),
                    *(b.checklist(c) for c in self.policy.checklists.checklists),
                    b.incident_response(), b.vendors(), b.inventory(), b.coverage(),
                    b.catalog(), b.rules_reference(), b.data_reference()]
        if self.memo is None:
            return make()
        key = source_key(self.policy, self._settings(), self.memo.site)
        return self.memo.source_pages(key, self.language, self.edition, make)

    def reader_pages(self, programs: list[m.Program]) -> list[Page]:
        """The pages published in every language a reader may need: the home page, the
        indexes, the notice and guide of each of ``programs``, and the checklists."""
        published = {program.id for program in programs}
        elsewhere = [pid for pid in self.policy.programs if pid not in published]
        pages = [self.home(), self.notices_index(elsewhere), self.guides_index(elsewhere)]
        for program in programs:
            pages += [self.notice(program), self.guide(program)]
        pages.append(self.checklists_index())
        pages += [self.checklist(c) for c in self.policy.checklists.checklists]
        words = {key: self.gettext(text) for key, text in THEME_WORDS.items()}
        for page in pages:
            _reader_meta(page, self.language)
            page.meta["gp_words"] = words
        return pages

    # ------------------------------------------------------------------ for everyone
    def home(self) -> Page:
        return Page(HOME, self.gettext(N_("Home")), self.render(
            "home.md.j2", programs=list(self.policy.programs.values()),
            checklists=self.policy.checklists.checklists), "home", {"govportal": "home"})

    def notices_index(self, elsewhere: list[str] | None = None) -> Page:
        """Every program's notice. ``elsewhere``: the programs whose pages are published
        only in the source language (a page in another language says so at each link)."""
        return Page(NOTICES, self.gettext(N_("Privacy notices")), self.render(
            "notices-index.md.j2", programs=list(self.policy.programs.values()),
            **self._elsewhere(elsewhere)), "employees")

    def guides_index(self, elsewhere: list[str] | None = None) -> Page:
        return Page(GUIDES, self.gettext(N_("Manager guides")), self.render(
            "guides-index.md.j2", programs=list(self.policy.programs.values()),
            **self._elsewhere(elsewhere)), "managers")

    def _elsewhere(self, elsewhere: list[str] | None) -> dict[str, Any]:
        """What an index says of a link to a page in the source language only: its
        language's code (for ``hreflang``) and name, in the index's language."""
        return {"elsewhere": set(elsewhere or ()), "source_code": SOURCE_LANGUAGE,
                "source_name": babel_locale(self.language).languages.get(
                    SOURCE_LANGUAGE, SOURCE_LANGUAGE)}

    def notice(self, program: m.Program) -> Page:
        if self.memo is None:
            return notice.notice(self, program)

        def make() -> tuple[Page, Any]:
            return notice.notice(self, program), self.wording_used[program.id]
        page, self.wording_used[program.id] = self.memo.page(
            self._shared_key(), "notice", self.language, self.edition, program, make)
        return page

    def notice_sections(self, program: m.Program) -> list[Section]:
        return notice.notice_sections(self, program)

    def notice_context(self, program: m.Program) -> dict[str, Any]:
        return notice.notice_context(self, program)

    def guide(self, program: m.Program) -> Page:
        if self.memo is None:
            return guide.guide(self, program)
        return self.memo.page(self._shared_key(), "guide", self.language, self.edition,
                              program, lambda: (guide.guide(self, program), None))[0]

    def _shared_key(self) -> bytes | None:
        """What this builder's program pages share (see :mod:`.page_memo`), once."""
        if self._shared is None and self.memo is not None:
            self._shared = shared_key(self.policy, self._settings(), self.memo.site)
        return self._shared

    def _settings(self) -> tuple[Any, ...]:
        """The build's settings every page is made with (part of each memo key)."""
        return self.language, self.edition, self.today, self.threshold, repr(self.options)

    # ------------------------------------------------------------------ for policy owners
    def clauses(self) -> Page:
        clauses = [(c, fill_placeholders(c.text, self.policy))
                   for c in self.policy.clauses.clauses]
        return Page(CLAUSES, "Sample policy language", self.render(
            "clauses.md.j2", clauses=clauses), "owners", {"govportal": "clauses"})

    def governance(self) -> Page:
        return governance.governance(self)

    def checklists_index(self) -> Page:
        return checklists.checklists_index(self)

    def checklist(self, checklist: m.Checklist) -> Page:
        return checklists.checklist(self, checklist)

    def retention(self) -> Page:
        return registers.retention(self)

    def incident_response(self) -> Page:
        return registers.incident_response(self)

    def vendors(self) -> Page:
        return registers.vendors(self)

    def inventory(self) -> Page:
        return registers.inventory(self)

    def coverage(self) -> Page:
        return registers.coverage(self)

    def catalog(self) -> Page:
        return registers.catalog(self)

    def rules_reference(self) -> Page:
        return rules_reference.rules_reference(self)

    def data_reference(self) -> Page:
        return data_reference.data_reference(self)

    def quality(self) -> Page:
        return registers.quality(self)

    def assessments(self) -> Page:
        """Internal edition only: each program's DPIA and launch evidence."""
        return registers.assessments(self)
