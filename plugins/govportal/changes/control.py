"""Change control for privacy notices: the notices as built now, against what was published.

The lock file (``notices.lock.json`` beside ``mkdocs.yml``) records, for every program and
every notice version, a fingerprint of the published notice text and a small snapshot of
the facts an employee would call material: purposes, recipients, transfers, the kinds of
information used and how long records are kept. ``govportal lock`` writes it and archives
the published text of each version in ``notices-archive/<program>/<version>.md`` (and
``<version>.<language>.md`` for each other language the notice is published in).

:func:`check_notices` compares the notices as they are built now with the lock:

- the text changed but the version did not → ``notice.version-not-bumped``;
- a translation of the current version changed but the version did not →
  ``notice.translation-changed`` (each language's text is locked with the version);
- the version, or its text in a language it is published in, is not locked yet →
  ``notice.not-locked``;
- a version has no changelog entry → ``notice.changelog-missing``;
- the data changed materially since the previous version, but the changelog entry does not
  say ``material: true`` → ``notice.material-not-marked``.

"Published text" is the notice Markdown the portal generates
(``pages.builder.PageBuilder.notice``) with line endings normalised: it depends on the data
and the templates, not on the theme, the date or the version list shown around it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..data import model as m
from ..data.file_policy import Refusal
from ..data.policy import Policy
from ..pages.page import Page
from ..problems import Location, Problems
from ..rules.families.i18n import language_name
from ..text.archived_markup import archive_markup_problem
from ..text.conversion_budget import over_budget
from .archive import Archive
from .facts import differences, facts_of
from .fingerprint import fingerprint, normalise, version_key, wording_fingerprint
from .lock import LOCK_HINT, Lock, LockedTranslation, LockedVersion


def changelog_entry(program: m.Program, version: str) -> tuple[int, m.ChangelogEntry] | None:
    for index, entry in enumerate(program.notice.changelog):
        if version_key(entry.version) == version_key(version):
            return index, entry
    return None


Translated = Mapping[str, Mapping[str, str]]  # language → program id → notice Markdown


def check_notices(policy: Policy, texts: dict[str, str], lock: Lock, archive: Archive,
                  problems: Problems, translated: Translated | None = None) -> None:
    """Compare the notices built now (``texts``: program id → notice Markdown in the
    default language; ``translated``: the same in each other language they are published
    in) with the lock and the archive, and add every change-control problem found."""
    if not lock.valid:
        return
    translated = translated or {}
    current = {(pid, None): fingerprint(text) for pid, text in texts.items()}
    current |= {(pid, code): fingerprint(text) for code, by_pid in translated.items()
                for pid, text in by_pid.items()}
    _check_archive(lock, archive, policy, current, problems)
    for pid, program in policy.programs.items():
        if pid in texts:
            _check_program(policy, program, texts[pid], lock, problems)
            for code in sorted(translated):
                if pid in translated[code]:
                    _check_translation(policy, program, code, translated[code][pid], lock,
                                       problems)


def _check_archive(lock: Lock, archive: Archive, policy: Policy,
                   current: dict[tuple[str, str | None], str], problems: Problems) -> None:
    """Each archived text, in every language, against the lock, and held to the notice
    templates' markup (``current``: (program id, language) → fingerprint of its notice as
    rendered now; an archived text that is exactly that was made by the portal's own
    sanitising pipeline)."""
    for pid in sorted(lock.notices):
        if pid not in policy.programs and pid not in lock.retired:
            problems.add("notice.lock-unknown-program", f"the lock file records notice "
                         f"'{pid}', but there is no program '{pid}' and the notice is not "
                         "marked retired", lock.line_of(pid),
                         f"restore data/programs/{pid}.yaml, or keep its history as a "
                         f"retired notice: `govportal lock --retire {pid} --reason '…'`")
            continue
        for version in lock.versions(pid):
            entry = lock.notices[pid][version]
            _check_archived(archive, pid, version, None, entry, current, problems)
            for code in sorted(entry.translations):
                _check_archived(archive, pid, version, code, entry.translations[code],
                                current, problems)


def _check_archived(archive: Archive, pid: str, version: str, code: str | None,
                    entry: LockedVersion | LockedTranslation,
                    current: dict[tuple[str, str | None], str], problems: Problems) -> None:
    """One archived text (``code`` None: the default language's) against its lock entry."""
    text = archive.load(pid, version, code)
    label = archive.label_of(pid, version, code)
    name = f"notice '{pid}' version {version}" + (
        f" in {language_name(code)}" if code else "")
    if text is None:
        problems.add("notice.archive-missing", f"the published text of {name} is not "
                     "archived", Location(label),
                     "restore the file from git history; `govportal lock` writes it "
                     "again only while it is the current version")
    elif isinstance(text, Refusal):
        problems.add(text.rule, text.message, Location(label), text.hint)
    elif (fingerprint(text), wording_fingerprint(text)) != (entry.sha256, entry.wording):
        problems.add("notice.archive-mismatch", f"the archived text of {name} differs "
                     "from what the lock says was published", Location(label),
                     "restore the file from git history: archived notices change "
                     "only by a recorded correction (`govportal lock --correct`)")
    elif current.get((pid, code)) == entry.sha256:
        return  # the portal's own rendering of the data, as checked now
    elif over_budget(text):
        problems.add("notice.archive-too-complex", f"the archived text is too "
                     f"costly to publish: {over_budget(text)}", Location(label),
                     "restore the file from git history")
    else:
        foreign = archive_markup_problem(text)
        if foreign is not None:
            what, line = foreign
            problems.add("notice.archive-unsafe-markup", f"the archived text of "
                         f"{name} holds {what}, which the notice templates never "
                         "write and is never published",
                         Location(label, line, 1 if line else 0),
                         "restore the file from git history")


def _check_translation(policy: Policy, program: m.Program, code: str, text: str, lock: Lock,
                       problems: Problems) -> None:
    """The current version's text in language ``code`` against the lock. Nothing is said
    when the version itself is not locked: the default language's check says it."""
    version = program.notice.version
    entry = lock.entry(program.id, version)
    if entry is None:
        return
    where = policy.where(policy.program_files[program.id], ("notice", "version"))
    locked = entry.translations.get(code)
    if locked is None:
        problems.add("notice.not-locked", f"the {language_name(code)} text of notice version "
                     f"{version} is not recorded in {lock.label}", where, LOCK_HINT)
    elif locked.sha256 != fingerprint(text):
        problems.add("notice.translation-changed", f"the {language_name(code)} text of this "
                     f"notice changed but its version is still {version}", where,
                     "a published text changes only with a new version, in every language: "
                     "bump notice.version and add a changelog entry (with its translation), "
                     "then run `govportal lock`")


def _check_program(policy: Policy, program: m.Program, text: str, lock: Lock,
                   problems: Problems) -> None:
    pid, notice = program.id, program.notice
    label = policy.program_files[pid]

    def at(*path: str | int, key: bool = False) -> Location:
        return policy.where(label, tuple(path), key=key)

    version = notice.version
    entry = lock.entry(pid, version)
    locked = lock.versions(pid)
    newest = locked[-1] if locked else None
    if newest is not None and version_key(version) < version_key(newest):
        problems.add("notice.version-order", f"notice version {version} is lower than the "
                     f"version already published ({newest})", at("notice", "version"),
                     f"versions only go up: use a version above {newest}")
    elif entry is None:
        problems.add("notice.not-locked", f"notice version {version} is not recorded in "
                     f"{lock.label}", at("notice", "version"), LOCK_HINT)
    elif entry.sha256 != fingerprint(text):
        problems.add("notice.version-not-bumped", f"the published text of this notice changed "
                     f"but its version is still {version}", at("notice", "version"),
                     "bump notice.version and add a changelog entry describing the change; "
                     "then run `govportal lock`")
    elif entry.effective != notice.effective:
        problems.add("notice.effective-changed", f"version {version} was locked as taking "
                     f"effect on {entry.effective.isoformat()}; the data now says "
                     f"{notice.effective.isoformat()}", at("notice", "effective"),
                     "a published version keeps its date: bump notice.version, or, if this "
                     "version has not reached anyone yet, run `govportal lock --force`")

    previous = lock.previous(pid, version)
    if previous is not None and notice.effective < previous[1].effective:
        problems.add("notice.effective-order", f"version {version} takes effect on "
                     f"{notice.effective.isoformat()}, before version {previous[0]} "
                     f"({previous[1].effective.isoformat()})", at("notice", "effective"),
                     "a new version takes effect on or after the one it replaces")

    seen: dict[tuple[int, ...], int] = {}
    for index, item in enumerate(notice.changelog):
        key = version_key(item.version)
        if key in seen:
            problems.add("notice.changelog-duplicate", f"version {item.version} has a second "
                         f"changelog entry (the first is entry {seen[key] + 1})",
                         at("notice", "changelog", index, "version"),
                         "describe each version in one entry")
        else:
            seen[key] = index
    missing = [v for v in [*locked, version] if version_key(v) not in seen]
    for v in dict.fromkeys(missing):
        problems.add("notice.changelog-missing", f"version {v} has no changelog entry",
                     at("notice", "changelog"),
                     f'add an entry: - {{version: "{v}", date: YYYY-MM-DD, summary: what '
                     "changed for employees}")

    found = changelog_entry(program, version)
    if previous is None or found is None:
        return
    index, current = found
    material = [d for d in differences(previous[1].facts, facts_of(policy, program))
                if d.material]
    if material and not current.material:
        path = ("notice", "changelog", index)
        where = at(*path, "material") if "material" in current.model_fields_set else at(*path)
        listed = "; ".join(d.text for d in material)
        problems.add("notice.material-not-marked", f"version {version} changes the notice "
                     f"materially since version {previous[0]} ({listed}) but its changelog "
                     "entry is not marked material", where,
                     f"set `material: true` on the changelog entry for version {version}, so "
                     "employees are told about the change")


@dataclass
class LockReport:
    locked: list[str] = field(default_factory=list)  # "learning 1.1"
    archived: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)  # programs back from retirement

    @property
    def changed(self) -> bool:
        return bool(self.locked or self.archived or self.retired)


def update_lock(policy: Policy, texts: dict[str, str], lock: Lock, archive: Archive,
                force: bool = False, translated: Translated | None = None) -> LockReport:
    """Record the current version of every notice, in every language it is published in
    (``translated``: language → program id → text); never rewrite a locked version's
    fingerprint, in any language, unless ``force`` (older versions are always kept)."""
    report = LockReport()
    refused = _lock_default(policy, texts, lock, archive, force, report)
    for code in sorted(translated or {}):
        chosen = {pid: text for pid, text in (translated or {})[code].items()
                  if pid not in refused}
        _lock_translations(policy, code, chosen, lock, archive, force, report)
    if report.locked or report.retired or not lock.path.exists():
        lock.save()
    return report


def _lock_default(policy: Policy, texts: dict[str, str], lock: Lock, archive: Archive,
                  force: bool, report: LockReport) -> set[str]:
    """Record each notice's current version in the default language; the programs refused."""
    refused: set[str] = set()
    for pid in sorted(policy.programs):
        if pid not in texts:
            continue
        program = policy.programs[pid]
        version = program.notice.version
        text = normalise(texts[pid])
        digest = fingerprint(text)
        if lock.retired.pop(pid, None) is not None:  # a program that is back
            report.retired.append(pid)
        name = f"{pid} {version}"
        existing = lock.entry(pid, version)
        locked = lock.versions(pid)
        if locked and version_key(version) < version_key(locked[-1]):
            report.refused.append(f"{name}: lower than the published version {locked[-1]}; "
                                  "versions only go up")
            refused.add(pid)
            continue
        same = existing is not None and (existing.sha256, existing.effective) == (
            digest, program.notice.effective)
        if existing is not None and not same and not force:
            what = "text" if existing.sha256 != digest else "effective date"
            report.refused.append(f"{name}: already locked with a different {what}; bump "
                                  "notice.version (or use --force to rewrite what employees "
                                  "were told)")
            refused.add(pid)
            continue
        stored = next((v for v in locked if version_key(v) == version_key(version)), version)
        if not same:
            lock.notices.setdefault(pid, {})[stored] = LockedVersion(
                sha256=digest, wording=wording_fingerprint(text),
                effective=program.notice.effective, facts=facts_of(policy, program),
                translations=existing.translations if existing is not None else {})
            report.locked.append(name)
        _archive(archive, pid, stored, None, text, name, report)
    return refused


def _lock_translations(policy: Policy, code: str, texts: Mapping[str, str], lock: Lock,
                       archive: Archive, force: bool, report: LockReport) -> None:
    """Record each notice's current version in language ``code``, beside the default
    language's (a version refused there is not locked in any language)."""
    for pid in sorted(texts):
        program = policy.programs.get(pid)
        entry = lock.entry(pid, program.notice.version) if program else None
        if program is None or entry is None:
            continue
        stored = next(v for v in lock.versions(pid)
                      if version_key(v) == version_key(program.notice.version))
        text = normalise(texts[pid])
        digest = fingerprint(text)
        name = f"{pid} {stored} ({code})"
        existing = entry.translations.get(code)
        if existing is not None and existing.sha256 != digest and not force:
            report.refused.append(f"{name}: already locked with a different text; bump "
                                  "notice.version (or use --force to rewrite what employees "
                                  "were told)")
            continue
        if existing is None or existing.sha256 != digest:
            entry.translations[code] = LockedTranslation(sha256=digest,
                                                         wording=wording_fingerprint(text))
            report.locked.append(name)
        _archive(archive, pid, stored, code, text, name, report)


def _archive(archive: Archive, pid: str, version: str, code: str | None, text: str,
             name: str, report: LockReport) -> None:
    """Write the archived text of one locked version in one language, when it differs."""
    if archive.read(pid, version, code) == text:
        return
    label = archive.label_of(pid, version, code)
    if archive.write(pid, version, text, code):
        report.archived.append(label)
    else:
        report.refused.append(f"{name}: {label} is a link out of {archive.label}/; replace "
                              "it with a folder")


def notice_texts(pages: Iterable[Page], language: str | None = None) -> dict[str, str]:
    """Program id → published notice text, from the generated pages in one language (by
    default the source language's, which carry no ``language`` of their own)."""
    return {page.meta["program_id"]: normalise(page.markdown) for page in pages
            if page.meta.get("govportal") == "notice" and "program_id" in page.meta
            and page.meta.get("language") == language}


def translated_texts(pages: Iterable[Page]) -> dict[str, dict[str, str]]:
    """Language → program id → published notice text, in every language but the source's."""
    out: dict[str, dict[str, str]] = {}
    for page in pages:
        code = page.meta.get("language")
        if code and page.meta.get("govportal") == "notice" and "program_id" in page.meta:
            out.setdefault(code, {})[page.meta["program_id"]] = normalise(page.markdown)
    return out
