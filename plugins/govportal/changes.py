"""Change control for privacy notices: what was published, and what changed since.

The lock file (``notices.lock.json`` beside ``mkdocs.yml``) records, for every program and
every notice version, a fingerprint of the published notice text and a small snapshot of
the facts an employee would call material: purposes, recipients, transfers, the kinds of
information used and how long records are kept. ``govportal lock`` writes it and archives
the published text of each version in ``notices-archive/<program>/<version>.md``.

:func:`check_notices` compares the notices as they are built now with the lock:

- the text changed but the version did not → ``notice.version-not-bumped``;
- the version is not locked yet → ``notice.not-locked``;
- a version has no changelog entry → ``notice.changelog-missing``;
- the data changed materially since the previous version, but the changelog entry does not
  say ``material: true`` → ``notice.material-not-marked``.

"Published text" is the notice Markdown the portal generates (``PageBuilder.notice``) with
line endings normalised: it depends on the data and the templates, not on the theme, the
date or the version list shown around it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import model as m
from .loader import Policy
from .pages import CLASSIFICATION_LABELS, Page
from .problems import Location, Problems
from .safety import plain

LOCK_FORMAT = 1
LOCK_NOTE = ("Written by `govportal lock`: one fingerprint of the published text per notice "
             "version, and the facts that decide whether a change is material. Do not edit.")
LOCK_HINT = "run `govportal lock`, then commit the lock file and the archive with your change"

# The rules of this module: id → what it asks (the rules reference lists them too).
RULES: dict[str, str] = {
    "notice.version-not-bumped": "A published notice's text changes only with a new version.",
    "notice.not-locked": "Every current notice version is recorded in the lock file.",
    "notice.version-order": "Notice versions only go up.",
    "notice.effective-order": "A new notice version takes effect no earlier than the one "
                              "before it.",
    "notice.effective-changed": "A locked version keeps the effective date it was locked "
                                "with.",
    "notice.changelog-missing": "Every notice version has a changelog entry.",
    "notice.changelog-duplicate": "Each version has one changelog entry.",
    "notice.material-not-marked": "A material change (new purpose, recipient, transfer or "
                                  "kind of information, or a longer retention period) is "
                                  "marked `material: true` in the changelog.",
    "notice.lock-invalid": "The lock file is valid JSON of the expected shape.",
    "notice.archive-missing": "Every locked version's published text is archived.",
    "notice.archive-mismatch": "An archived notice matches the fingerprint in the lock.",
}


# --------------------------------------------------------------------------- fingerprints


def normalise(text: str) -> str:
    """The published text with line endings made ``\\n`` (so checkouts on any OS agree)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def reading_text(text: str) -> str:
    """What a reader reads: the text without HTML tags and with whitespace collapsed, so a
    change of markup alone (a class, a data attribute) does not count as a new notice."""
    return _SPACE.sub(" ", _TAG.sub(" ", normalise(text))).strip()


def fingerprint(text: str) -> str:
    """The fingerprint of a notice's published wording (see :func:`reading_text`)."""
    return hashlib.sha256(reading_text(text).encode("utf-8")).hexdigest()


def version_key(version: str) -> tuple[int, ...]:
    """``"1.10"`` sorts after ``"1.9"``; ``"2"`` equals ``"2.0"``."""
    parts = [int(p) for p in version.split(".") if p.isdigit()]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


# --------------------------------------------------------------------------- material facts


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RetentionFact(_Model):
    record: str
    period: str
    days: int


class FieldFact(_Model):
    label: str
    category: str


class Facts(_Model):
    """What an employee would call material about a notice, in comparable form."""

    purposes: dict[str, str] = Field(default_factory=dict)  # id → description (plain text)
    recipients: list[str] = Field(default_factory=list)
    transfers: dict[str, str] = Field(default_factory=dict)  # id → destination
    fields: dict[str, FieldFact] = Field(default_factory=dict)
    retention: dict[str, RetentionFact] = Field(default_factory=dict)  # rule id → period

    @property
    def categories(self) -> set[str]:
        return {f.category for f in self.fields.values()}


def facts_of(policy: Policy, program: m.Program) -> Facts:
    """The material facts of a program's notice as the data says now."""
    fields = policy.fields_by_id
    transfers = policy.transfers_by_id
    return Facts(
        purposes={p.id: plain(p.description) for p in program.purposes},
        recipients=sorted({r.name for r in program.recipients}),
        transfers={t: transfers[t].destination for t in program.transfers if t in transfers},
        fields={f: FieldFact(label=fields[f].label, category=fields[f].classification.value)
                for f in program.fields if f in fields},
        retention={r.id: RetentionFact(record=r.record_type, period=r.period,
                                       days=m.period_days(r.period))
                   for r in policy.program_rules(program)},
    )


@dataclass(frozen=True)
class Difference:
    """One change between two versions, in words an employee understands."""

    kind: str  # purpose, recipient, transfer, category, field, retention
    change: str  # added, removed, longer, shorter
    text: str
    material: bool


def _category(value: str) -> str:
    try:
        return CLASSIFICATION_LABELS[m.Classification(value)]
    except ValueError:
        return value.replace("_", " ")


def differences(old: Facts, new: Facts) -> list[Difference]:
    """What changed from ``old`` to ``new``; additions and longer periods are material."""
    out: list[Difference] = []

    def both(a: Iterable[str], b: Iterable[str]) -> tuple[list[str], list[str]]:
        sa, sb = set(a), set(b)
        return sorted(sb - sa), sorted(sa - sb)

    added, removed = both(old.purposes, new.purposes)
    out += [Difference("purpose", "added", f"New purpose: {new.purposes[p]}", True)
            for p in added]
    out += [Difference("purpose", "removed", f"No longer used for: {old.purposes[p]}", False)
            for p in removed]
    added, removed = both(old.recipients, new.recipients)
    out += [Difference("recipient", "added", f"New recipient: {r}", True) for r in added]
    out += [Difference("recipient", "removed", f"No longer shared with: {r}", False)
            for r in removed]
    added, removed = both(old.transfers, new.transfers)
    out += [Difference("transfer", "added", f"New transfer to {new.transfers[t]}", True)
            for t in added]
    out += [Difference("transfer", "removed", f"No longer transferred to {old.transfers[t]}",
                       False) for t in removed]
    added, removed = both(old.categories, new.categories)
    out += [Difference("category", "added", f"New kind of information: {_category(c)}", True)
            for c in added]
    out += [Difference("category", "removed", f"No longer uses: {_category(c)}", False)
            for c in removed]
    added, removed = both(old.fields, new.fields)
    out += [Difference("field", "added", f"Also uses: {new.fields[f].label}", False)
            for f in added]
    out += [Difference("field", "removed", f"No longer uses: {old.fields[f].label}", False)
            for f in removed]
    for rid in sorted(set(old.retention) & set(new.retention)):
        before, after = old.retention[rid], new.retention[rid]
        if after.days != before.days:
            longer = after.days > before.days
            out.append(Difference("retention", "longer" if longer else "shorter",
                                  f"{after.record} kept {after.period} instead of "
                                  f"{before.period}", longer))
    added, removed = both(old.retention, new.retention)
    out += [Difference("retention", "added",
                       f"{new.retention[r].record} kept {new.retention[r].period}", False)
            for r in added]
    out += [Difference("retention", "removed", f"{old.retention[r].record} no longer kept",
                       False) for r in removed]
    return out


# --------------------------------------------------------------------------- the lock file


class LockedVersion(_Model):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    effective: dt.date
    facts: Facts


class LockFile(_Model):
    comment: str = LOCK_NOTE
    format: int = LOCK_FORMAT
    notices: dict[str, dict[str, LockedVersion]] = Field(default_factory=dict)


@dataclass
class Lock:
    """The lock file as read (``valid`` is False when it could not be read)."""

    path: Path
    label: str
    notices: dict[str, dict[str, LockedVersion]] = field(default_factory=dict)
    valid: bool = True
    exists: bool = False

    def versions(self, pid: str) -> list[str]:
        """Locked versions of a program, oldest first."""
        return sorted(self.notices.get(pid, {}), key=version_key)

    def entry(self, pid: str, version: str) -> LockedVersion | None:
        by_key = {version_key(v): e for v, e in self.notices.get(pid, {}).items()}
        return by_key.get(version_key(version))

    def previous(self, pid: str, version: str) -> tuple[str, LockedVersion] | None:
        """The newest locked version older than ``version``."""
        older = [v for v in self.versions(pid) if version_key(v) < version_key(version)]
        return (older[-1], self.notices[pid][older[-1]]) if older else None

    def dumps(self) -> str:
        ordered = {pid: {v: self.notices[pid][v] for v in self.versions(pid)}
                   for pid in sorted(self.notices)}
        data = LockFile(notices=ordered).model_dump(mode="json")
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(self.dumps(), encoding="utf-8", newline="\n")


def load_lock(path: Path, label: str, problems: Problems) -> Lock:
    """Read the lock file; a missing file is an empty lock, a broken one a problem."""
    lock = Lock(path, label)
    if not path.is_file():
        return lock
    lock.exists = True
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        parsed = LockFile.model_validate(raw)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        lock.valid = False
        problems.add("notice.lock-invalid", f"the lock file cannot be read: {exc}",
                     Location(label), "restore it from git, or delete it and " + LOCK_HINT)
        return lock
    except ValidationError as exc:
        lock.valid = False
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        problems.add("notice.lock-invalid", f"the lock file is not in the expected shape "
                     f"({where}: {first['msg']})", Location(label),
                     "restore it from git; it is written only by `govportal lock`")
        return lock
    if parsed.format != LOCK_FORMAT:
        lock.valid = False
        problems.add("notice.lock-invalid", f"the lock file has format {parsed.format}; this "
                     f"portal reads format {LOCK_FORMAT}", Location(label),
                     "update the portal, or restore the lock file from git")
        return lock
    lock.notices = parsed.notices
    return lock


# --------------------------------------------------------------------------- the archive


@dataclass
class Archive:
    """Published notice texts, one file per locked version."""

    root: Path
    label: str  # the folder as shown in problems, e.g. "notices-archive"

    def path(self, pid: str, version: str) -> Path:
        return self.root / pid / f"{version}.md"

    def label_of(self, pid: str, version: str) -> str:
        return f"{self.label}/{pid}/{version}.md"

    def read(self, pid: str, version: str) -> str | None:
        path = self.path(pid, version)
        try:
            return normalise(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None

    def write(self, pid: str, version: str, text: str) -> None:
        path = self.path(pid, version)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(normalise(text), encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------- the checks


def changelog_entry(program: m.Program, version: str) -> tuple[int, m.ChangelogEntry] | None:
    for index, entry in enumerate(program.notice.changelog):
        if version_key(entry.version) == version_key(version):
            return index, entry
    return None


def check_notices(policy: Policy, texts: dict[str, str], lock: Lock, archive: Archive,
                  problems: Problems) -> None:
    """Compare the notices built now (``texts``: program id → notice Markdown) with the lock
    and the archive, and add every change-control problem found."""
    if not lock.valid:
        return
    _check_archive(lock, archive, problems)
    for pid, program in policy.programs.items():
        if pid in texts:
            _check_program(policy, program, texts[pid], lock, problems)


def _check_archive(lock: Lock, archive: Archive, problems: Problems) -> None:
    for pid in sorted(lock.notices):
        for version in lock.versions(pid):
            text = archive.read(pid, version)
            label = archive.label_of(pid, version)
            if text is None:
                problems.add("notice.archive-missing", f"the published text of notice "
                             f"'{pid}' version {version} is not archived", Location(label),
                             "restore the file from git history; `govportal lock` writes it "
                             "again only while it is the current version")
            elif fingerprint(text) != lock.notices[pid][version].sha256:
                problems.add("notice.archive-mismatch", f"the archived text of notice "
                             f"'{pid}' version {version} differs from what the lock says was "
                             "published", Location(label),
                             "restore the file from git history: archived notices never change")


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


# --------------------------------------------------------------------------- locking


@dataclass
class LockReport:
    locked: list[str] = field(default_factory=list)  # "learning 1.1"
    archived: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.locked or self.archived)


def update_lock(policy: Policy, texts: dict[str, str], lock: Lock, archive: Archive,
                force: bool = False) -> LockReport:
    """Record the current version of every notice; never rewrite a locked version's
    fingerprint unless ``force`` (older versions are always kept)."""
    report = LockReport()
    for pid in sorted(policy.programs):
        if pid not in texts:
            continue
        program = policy.programs[pid]
        version = program.notice.version
        text = normalise(texts[pid])
        digest = fingerprint(text)
        name = f"{pid} {version}"
        existing = lock.entry(pid, version)
        locked = lock.versions(pid)
        if locked and version_key(version) < version_key(locked[-1]):
            report.refused.append(f"{name}: lower than the published version {locked[-1]}; "
                                  "versions only go up")
            continue
        same = existing is not None and (existing.sha256, existing.effective) == (
            digest, program.notice.effective)
        if existing is not None and not same and not force:
            what = "text" if existing.sha256 != digest else "effective date"
            report.refused.append(f"{name}: already locked with a different {what}; bump "
                                  "notice.version (or use --force to rewrite what employees "
                                  "were told)")
            continue
        stored = next((v for v in locked if version_key(v) == version_key(version)), version)
        if not same:
            lock.notices.setdefault(pid, {})[stored] = LockedVersion(
                sha256=digest, effective=program.notice.effective,
                facts=facts_of(policy, program))
            report.locked.append(name)
        if archive.read(pid, stored) != text:
            archive.write(pid, stored, text)
            report.archived.append(archive.label_of(pid, stored))
    if report.locked or not lock.path.exists():
        lock.save()
    return report


# --------------------------------------------------------------------------- helpers


def notice_texts(pages: Iterable[Page]) -> dict[str, str]:
    """Program id → published notice text, from the generated pages."""
    return {page.meta["program_id"]: normalise(page.markdown) for page in pages
            if page.meta.get("govportal") == "notice" and "program_id" in page.meta}


def _label(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def open_lock(base: Path, lock_file: str | Path, archive_dir: str | Path,
              problems: Problems) -> tuple[Lock, Archive]:
    """The lock file and the archive of a project whose root (mkdocs.yml's folder) is
    ``base``; paths are shown relative to it."""
    lock_path = Path(base) / lock_file
    archive_root = Path(base) / archive_dir
    return (load_lock(lock_path, _label(lock_path, base), problems),
            Archive(archive_root, _label(archive_root, base)))
