"""The published history of every notice: earlier versions, what changed, and a banner.

Every locked version of a notice stays readable at ``notices/<program>/v<version>/``, built
from its archived text. ``notices/<program>/changes/`` tells employees, newest first, what
each version changed: the changelog summary, whether the change was material, and the
differences computed from the data ("Engagement logs kept 180 days instead of 90 days").
The current notice gets a list of its versions and, for ``material_banner_days`` after a
material version takes effect, a banner pointing at what changed. A version whose archived
text was corrected says so, with the date and the reason, on both pages; a retired
notice's pages say when and why it was retired.

None of this is part of the notice's fingerprint: the list and the banner are added around
the published text, never inside it.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field

import jinja2
from markupsafe import Markup

from ..data import model as m
from ..data.policy import Policy
from ..pages.page import NOTICE_LANGUAGE, Page, notice_text_uri, notice_uri
from .archive import Archive
from .control import changelog_entry
from .facts import Difference, differences
from .fingerprint import version_key
from .lock import Correction, Lock


def version_uri(pid: str, version: str) -> str:
    return f"notices/{pid}/v{version}.md"


def changes_uri(pid: str) -> str:
    return f"notices/{pid}/changes.md"


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


def relink(markdown: str, pid: str, known: set[str]) -> str:
    """Make the relative links of a notice written for ``notices/<pid>.md`` work one folder
    deeper; a link to a page that no longer exists keeps its text and loses its target."""

    def fix(match: re.Match[str]) -> str:
        text, target = match.group(1), match.group(2)
        if _EXTERNAL.match(target):
            return match.group(0)
        path, hash_, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join("notices", path))
        if resolved not in known:
            return text
        return f"[{text}]({posixpath.relpath(resolved, f'notices/{pid}')}{hash_}{fragment})"

    return _LINK.sub(fix, markdown)


class History:
    """Builds the history pages of every notice in the lock, and decorates current ones."""

    def __init__(self, policy: Policy, lock: Lock, archive: Archive, env: jinja2.Environment,
                 today: dt.date, banner_days: int = 30) -> None:
        self.policy = policy
        self.lock = lock
        self.archive = archive
        self.env = env
        self.today = today
        self.banner_days = banner_days

    def versions(self, pid: str) -> list[Version]:
        """Every locked version of a program's notice, newest first."""
        program = self.policy.programs.get(pid)
        names = self.lock.versions(pid)
        entries = self.lock.notices.get(pid, {})
        out: list[Version] = []
        for i, name in enumerate(names):
            locked = entries[name]
            following = entries[names[i + 1]].effective if i + 1 < len(names) else None
            found = changelog_entry(program, name) if program else None
            diffs = differences(entries[names[i - 1]].facts, locked.facts) if i else []
            current = program is not None and (
                version_key(program.notice.version) == version_key(name))
            out.append(Version(pid, name, locked.effective, following,
                               found[1] if found else None, diffs, first=i == 0,
                               current=current, corrections=list(locked.corrections)))
        return out[::-1]

    def title(self, pid: str) -> str:
        """The program's title; for a removed program, the one its last notice showed."""
        program = self.policy.programs.get(pid)
        if program is not None:
            return program.title
        for version in reversed(self.lock.versions(pid)):
            heading = (self.archive.read(pid, version) or "").partition("\n")[0]
            if heading.startswith("# "):
                return heading[2:].strip().removeprefix("Privacy notice: ")
        return pid

    # ------------------------------------------------------------------ pages
    def pages(self, known: set[str]) -> list[Page]:
        """The archived versions and the "what changed" page of every locked notice.

        ``known`` holds the source paths of every page of the site, to keep links valid."""
        pages: list[Page] = []
        for pid in sorted(self.lock.notices):
            versions = self.versions(pid)
            if not versions:
                continue
            current = pid in self.policy.programs
            for item in versions:
                text = self.archive.read(pid, item.version)
                if text is None:
                    continue
                heading, _, body = text.partition("\n")
                if not heading.startswith("# "):
                    heading, body = f"# {self.title(pid)}", text
                pages.append(Page(
                    version_uri(pid, item.version),
                    f"{heading[2:].strip()} (version {item.version})",
                    self.env.get_template("notice-version.md.j2").render(
                        heading=Markup(heading[2:].strip()),  # published Markdown, as it is
                        body=Markup(relink(body, pid, known)),
                        item=item, pid=pid, has_current=current,
                        text_file=posixpath.relpath(
                            notice_text_uri(pid, item.version, NOTICE_LANGUAGE),
                            f"notices/{pid}"),
                        retired=self.lock.retired.get(pid) if not current else None),
                    "employees",
                    {"govportal": "notice-version", "program_id": pid,
                     "notice_version": item.version, "notice_language": NOTICE_LANGUAGE,
                     "search": {"exclude": True}},
                    in_nav=False))
            pages.append(Page(
                changes_uri(pid), f"What changed: {self.title(pid)}",
                self.env.get_template("notice-changes.md.j2").render(
                    title=self.title(pid), versions=versions, pid=pid, has_current=current,
                    retired=self.lock.retired.get(pid) if not current else None),
                "employees", {"govportal": "notice-changes", "program_id": pid},
                in_nav=False))
        return pages

    def banner_due(self, program: m.Program) -> m.ChangelogEntry | None:
        """The current version's changelog entry, when a material change is to be shown."""
        found = changelog_entry(program, program.notice.version)
        if found is None or not found[1].material or self.banner_days <= 0:
            return None
        shown_until = program.notice.effective + dt.timedelta(days=self.banner_days)
        return found[1] if self.today < shown_until else None

    def decorate(self, page: Page, markdown: str) -> str:
        """``markdown`` of a current notice with the banner and the list of versions added
        around the published text (other pages are returned unchanged)."""
        pid = page.meta.get("program_id")
        program = self.policy.programs.get(pid) if pid else None
        if program is None or page.src_uri != notice_uri(pid):
            return markdown
        entry = self.banner_due(program)
        if entry is not None:
            banner = self.env.get_template("notice-banner.md.j2").render(
                entry=entry, program=program, upcoming=self.today < program.notice.effective,
                pid=pid, anchor=anchor(program.notice.version))
            heading, _, rest = markdown.partition("\n")
            markdown = f"{heading}\n\n{banner.strip()}\n{rest}"
        versions = self.versions(pid)
        if versions:
            listing = self.env.get_template("notice-versions.md.j2").render(
                versions=versions, pid=pid)
            markdown = markdown.rstrip("\n") + "\n\n" + listing.strip() + "\n"
        return markdown
