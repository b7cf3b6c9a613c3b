"""The published history of every notice: earlier versions, what changed, and a banner.

Every locked version of a notice stays readable at ``notices/<program>/v<version>/``, built
from its archived text. ``notices/<program>/changes/`` tells employees, newest first, what
each version changed: the changelog summary, whether the change was material, and the
differences computed from the data ("Engagement logs kept 180 days instead of 90 days").
The current notice gets a list of its versions and, for ``material_banner_days`` after a
material version takes effect, a banner pointing at what changed. A version whose archived
text was corrected says so, with the date and the reason, on both pages; a retired
notice's pages say when and why it was retired.

Each other language a notice was published in has the same pages under ``<lang>/``
(``de/notices/<program>/v<version>/``, ``de/notices/<program>/changes/``), in that language,
built from the version's archived text in it; they list the versions locked in that
language, say what changed between them in that language
(:mod:`~govportal.changes.fact_names`), and lead to the default language's history for the
versions before.

None of this is part of the notice's fingerprint: the list and the banner are added around
the published text, never inside it.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import jinja2
from markupsafe import Markup

from ..data import model as m
from ..data.policy import Policy
from ..data.translatable import translated_policy
from ..pages.page import NOTICE_LANGUAGE, Page, notice_text_uri, notice_uri
from ..text.portal_catalogs import translations
from .archive import Archive
from .control import changelog_entry
from .fact_names import TranslatedNames
from .facts import Difference, differences
from .fingerprint import version_key
from .lock import Correction, Lock


def _in(language: str | None, uri: str) -> str:
    return f"{language}/{uri}" if language else uri


def version_uri(pid: str, version: str, language: str | None = None) -> str:
    return _in(language, f"notices/{pid}/v{version}.md")


def changes_uri(pid: str, language: str | None = None) -> str:
    return _in(language, f"notices/{pid}/changes.md")


def anchor(version: str) -> str:
    return "v" + version.replace(".", "-")


@dataclass
class Version:
    """One published version of a notice, as the history pages show it."""

    pid: str
    version: str
    effective: dt.date
    until: dt.date | None
    entry: m.ChangelogEntry | None
    differences: list[Difference] = field(default_factory=list)
    first: bool = False
    current: bool = False
    corrections: list[Correction] = field(default_factory=list)

    @property
    def file(self) -> str:
        """The archived page's file name, relative to ``notices/<pid>/``."""
        return f"v{self.version}.md"

    @property
    def anchor(self) -> str:
        return anchor(self.version)

    @property
    def material(self) -> bool:
        return bool(self.entry and self.entry.material)


_LINK = re.compile(r"\[([^\]\n]*)\]\(([^()\s]+)\)")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#|/)", re.I)


def relink(markdown: str, pid: str, known: set[str], language: str | None = None) -> str:
    """Make the relative links of a notice written for ``notices/<pid>.md`` (in a language:
    ``<lang>/notices/<pid>.md``) work one folder deeper; a link to a page that no longer
    exists keeps its text and loses its target."""

    def fix(match: re.Match[str]) -> str:
        text, target = match.group(1), match.group(2)
        if _EXTERNAL.match(target):
            return match.group(0)
        path, hash_, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(_in(language, "notices"), path))
        if resolved not in known:
            return text
        here = _in(language, f"notices/{pid}")
        return f"[{text}]({posixpath.relpath(resolved, here)}{hash_}{fragment})"

    return _LINK.sub(fix, markdown)


class History:
    """Builds the history pages of every notice in the lock, and decorates current ones."""

    def __init__(self, policy: Policy, lock: Lock, archive: Archive, env: jinja2.Environment,
                 today: dt.date, banner_days: int = 30,
                 environments: Callable[[str], jinja2.Environment] | None = None) -> None:
        self.policy = policy
        self.lock = lock
        self.archive = archive
        self.env = env
        self.today = today
        self.banner_days = banner_days
        self.environments = environments  # the templates in another language
        self._translated: dict[str, Policy] = {}
        self._names: dict[str, TranslatedNames] = {}

    def languages(self, pid: str) -> list[str]:
        """The other languages any version of a notice was locked in."""
        return sorted({code for entry in self.lock.notices.get(pid, {}).values()
                       for code in entry.translations})

    def versions(self, pid: str, language: str | None = None) -> list[Version]:
        """Every locked version of a program's notice (in ``language``: those locked in it),
        newest first."""
        policy = self.policy if language is None else self._policy_in(language)
        program = policy.programs.get(pid)
        names = self.lock.versions(pid)
        entries = self.lock.notices.get(pid, {})
        if language is not None:
            names = [n for n in names if language in entries[n].translations]
        # in another language: its wording, and the facts named in it where that is true
        tongue = () if language is None else (
            translations(language).gettext, self._names_in(language).names(pid))
        out: list[Version] = []
        for i, name in enumerate(names):
            locked = entries[name]
            text = locked.text(language)
            following = entries[names[i + 1]].effective if i + 1 < len(names) else None
            found = changelog_entry(program, name) if program else None
            diffs = differences(entries[names[i - 1]].facts, locked.facts, *tongue) if i else []
            current = program is not None and (
                version_key(program.notice.version) == version_key(name))
            out.append(Version(pid, name, locked.effective, following,
                               found[1] if found else None, diffs, first=i == 0,
                               current=current,
                               corrections=list(text.corrections) if text else []))
        return out[::-1]

    def _names_in(self, language: str) -> TranslatedNames:
        if language not in self._names:
            self._names[language] = TranslatedNames(self.policy, self._policy_in(language),
                                                    language)
        return self._names[language]

    def _policy_in(self, language: str) -> Policy:
        if language not in self._translated:
            self._translated[language] = translated_policy(self.policy, language)
        return self._translated[language]

    def title(self, pid: str, language: str | None = None) -> str:
        """The program's title; for a removed program, the one its last notice showed."""
        policy = self.policy if language is None else self._policy_in(language)
        program = policy.programs.get(pid)
        if program is not None:
            return program.title
        for version in reversed(self.lock.versions(pid)):
            heading = (self.archive.read(pid, version) or "").partition("\n")[0]
            if heading.startswith("# "):
                return heading[2:].strip().removeprefix("Privacy notice: ")
        return pid

    # ------------------------------------------------------------------ pages
    def pages(self, known: set[str]) -> list[Page]:
        """The archived versions and the "what changed" page of every locked notice, in
        every language it was locked in.

        ``known`` holds the source paths of every page of the site, to keep links valid."""
        pages: list[Page] = []
        for pid in sorted(self.lock.notices):
            pages += self._pages_in(pid, None, known)
            if self.environments is not None:
                for code in self.languages(pid):
                    pages += self._pages_in(pid, code, known)
        return pages

    def _pages_in(self, pid: str, code: str | None, known: set[str]) -> list[Page]:
        """One notice's history pages in one language (None: the default language)."""
        versions = self.versions(pid, code)
        if not versions:
            return []
        env = self.env if code is None or self.environments is None else \
            self.environments(code)
        words = translations(code or NOTICE_LANGUAGE)
        folder = _in(code, f"notices/{pid}")
        current = pid in self.policy.programs and (
            code is None or _in(code, notice_uri(pid)) in known)
        retired = self.lock.retired.get(pid) if pid not in self.policy.programs else None
        language = code or NOTICE_LANGUAGE
        pages: list[Page] = []
        for item in versions:
            text = self.archive.read(pid, item.version, code)
            if text is None:
                continue
            heading, _, body = text.partition("\n")
            if not heading.startswith("# "):
                heading, body = f"# {self.title(pid, code)}", text
            meta = {"govportal": "notice-version", "program_id": pid,
                    "notice_version": item.version, "notice_language": language,
                    "search": {"exclude": True}}
            if code:
                meta["language"] = code
            pages.append(Page(
                version_uri(pid, item.version, code),
                words.gettext("%(heading)s (version %(version)s)") % {
                    "heading": heading[2:].strip(), "version": item.version},
                env.get_template("notice-version.md.j2").render(
                    heading=Markup(heading[2:].strip()),  # published Markdown, as it is
                    body=Markup(relink(body, pid, known, code)),
                    item=item, pid=pid, has_current=current,
                    text_file=posixpath.relpath(
                        notice_text_uri(pid, item.version, language), folder),
                    notices_json=posixpath.relpath("notices.json", folder),
                    retired=retired),
                "employees", meta, in_nav=False))
        earlier = code is not None and len(versions) < len(self.lock.versions(pid))
        meta = {"govportal": "notice-changes", "program_id": pid}
        if code:
            meta["language"] = code
        pages.append(Page(
            changes_uri(pid, code),
            words.gettext("What changed: %(title)s") % {"title": self.title(pid, code)},
            env.get_template("notice-changes.md.j2").render(
                title=self.title(pid, code), versions=versions, pid=pid, has_current=current,
                source_changes=posixpath.relpath(changes_uri(pid), folder) if code else None,
                earlier=earlier, retired=retired),
            "employees", meta, in_nav=False))
        return pages

    def banner_due(self, program: m.Program) -> m.ChangelogEntry | None:
        """The current version's changelog entry, when a material change is to be shown."""
        found = changelog_entry(program, program.notice.version)
        if found is None or not found[1].material or self.banner_days <= 0:
            return None
        shown_until = program.notice.effective + dt.timedelta(days=self.banner_days)
        return found[1] if self.today < shown_until else None

    def decorate(self, page: Page, markdown: str) -> str:
        """``markdown`` of a current notice, in any language, with the banner and the list
        of its versions in that language added around the published text (other pages are
        returned unchanged)."""
        pid = page.meta.get("program_id")
        code = page.meta.get("language")
        if code is not None and self.environments is None:
            return markdown
        policy = self.policy if code is None else self._policy_in(code)
        program = policy.programs.get(pid) if pid else None
        if program is None or page.src_uri != _in(code, notice_uri(pid)):
            return markdown
        env = self.env if code is None or self.environments is None else \
            self.environments(code)
        entry = self.banner_due(program)
        if entry is not None:
            banner = env.get_template("notice-banner.md.j2").render(
                entry=entry, program=program, upcoming=self.today < program.notice.effective,
                pid=pid, anchor=anchor(program.notice.version))
            heading, _, rest = markdown.partition("\n")
            markdown = f"{heading}\n\n{banner.strip()}\n{rest}"
        versions = self.versions(pid, code)
        if versions:
            listing = env.get_template("notice-versions.md.j2").render(
                versions=versions, pid=pid)
            markdown = markdown.rstrip("\n") + "\n\n" + listing.strip() + "\n"
        return markdown
