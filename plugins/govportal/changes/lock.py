"""The lock file (``notices.lock.json``): for every program and notice version, what was
published, in every language, as a hash chain.

Each locked version records the fingerprint of its published text (``sha256``, every
character) and of its wording (``wording``), the date it took effect, the facts that decide
whether a change is material, the corrections made to it since (each with its date, its
reason and the fingerprint it replaced), under ``translations`` the same fingerprints and
corrections of its text in each other language it was published in, and ``chain``: the
SHA-256 of the version before's chain and of this entry (its translations included), so the
last version's chain stands for the whole history of the notice in every language. A
program whose notice is no longer published but whose history is kept is listed under
``retired`` with the date and the reason.

The file is data from a pull request like any other: it is read with a size limit, parsed
by a JSON parser that limits nesting and number size, refused when a key appears twice,
and validated by a schema (program ids as in the data, versions of up to three numbers, no
path characters), before any archived file is named from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from ..data.file_policy import Folder, Refusal, TooLarge
from ..data.model import ID_PATTERN, VERSION_PATTERN
from ..data.model.types import LANGUAGE_PATTERN
from ..problems import Location, Problems
from .archive import Archive
from .facts import Facts
from .fingerprint import version_key

LOCK_FORMAT = 2
MAX_BYTES = 32 * 1024 * 1024
LOCK_NOTE = ("Written by `govportal lock`: per notice version, the fingerprints of the "
             "published text and its wording, the facts that decide whether a change is "
             "material, any corrections, and a hash chain over the versions. Do not edit.")
LOCK_HINT = "run `govportal lock`, then commit the lock file and the archive with your change"
_SHA = r"^[0-9a-f]{64}$"

ProgramKey = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
VersionKey = Annotated[str, StringConstraints(pattern=VERSION_PATTERN)]
LanguageKey = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
Sha256 = Annotated[str, StringConstraints(pattern=_SHA)]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=1000)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Correction(_Model):
    """A change to a published version's text, made visible: when, why, what it replaced."""

    date: dt.date
    reason: Reason
    replaces: Sha256
    wording_unchanged: bool


class LockedTranslation(_Model):
    """A version's text in one more language: what it published, and corrections since."""

    sha256: Sha256
    wording: Sha256
    corrections: list[Correction] = Field(default_factory=list, max_length=100)


class LockedVersion(_Model):
    sha256: Sha256
    wording: Sha256
    effective: dt.date
    facts: Facts
    corrections: list[Correction] = Field(default_factory=list, max_length=100)
    translations: dict[LanguageKey, LockedTranslation] = Field(default_factory=dict,
                                                               max_length=100)
    chain: Sha256 = "0" * 64

    def text(self, language: str | None) -> LockedVersion | LockedTranslation | None:
        """The fingerprints of the text in ``language`` (None: the default language's)."""
        return self if language is None else self.translations.get(language)


class Retired(_Model):
    date: dt.date
    reason: Reason


class LockFile(_Model):
    comment: str = LOCK_NOTE
    format: Literal[2] = LOCK_FORMAT
    notices: dict[ProgramKey, dict[VersionKey, LockedVersion]] = Field(default_factory=dict)
    retired: dict[ProgramKey, Retired] = Field(default_factory=dict)


class LockedVersionV1(_Model):
    """A version in the first lock format: ``sha256`` was the fingerprint of the wording."""

    sha256: Sha256
    effective: dt.date
    facts: Facts


class LockFileV1(_Model):
    comment: str = ""
    format: Literal[1] = 1
    notices: dict[ProgramKey, dict[VersionKey, LockedVersionV1]] = Field(default_factory=dict)


class _Format(BaseModel):
    format: Any = None


def chain_value(pid: str, version: str, entry: LockedVersion, before: str | None) -> str:
    """The chain of ``entry``: SHA-256 of the chain before it (or the program's id, for the
    first version) and of the entry itself (every field but the chain)."""
    body = {"version": version, **entry.model_dump(mode="json", exclude={"chain"})}
    if not entry.translations:  # a version in one language keeps the chain it always had
        del body["translations"]
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    start = before if before is not None else f"govportal:{pid}"
    return hashlib.sha256(f"{start}\n{canonical}".encode("ascii")).hexdigest()


@dataclass
class Lock:
    """The lock file as read (``valid`` is False when it could not be read or trusted)."""

    path: Path
    label: str
    notices: dict[str, dict[str, LockedVersion]] = field(default_factory=dict)
    retired: dict[str, Retired] = field(default_factory=dict)
    valid: bool = True
    exists: bool = False
    legacy: LockFileV1 | None = None  # a lock in the first format, to be upgraded
    text: str = ""

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

    def chains(self, pid: str) -> list[tuple[str, str]]:
        """(version, chain as it should be) of a program's versions, oldest first."""
        out: list[tuple[str, str]] = []
        before = None
        for version in self.versions(pid):
            before = chain_value(pid, version, self.notices[pid][version], before)
            out.append((version, before))
        return out

    def seal(self) -> None:
        """Write every entry's chain (after ``govportal lock`` changed the lock)."""
        for pid in self.notices:
            for version, value in self.chains(pid):
                self.notices[pid][version].chain = value

    def line_of(self, pid: str, version: str | None = None) -> Location:
        """Where a program's (or one version's) entry starts in the lock file."""
        lines = self.text.splitlines()
        found, want = 0, f'"{pid}": {{'
        for number, line in enumerate(lines, 1):
            if found and version is not None and line.strip().startswith(f'"{version}": {{'):
                return Location(self.label, number, line.index('"') + 1)
            if not found and line.strip().startswith(want) and line.startswith("    "):
                if version is None:
                    return Location(self.label, number, line.index('"') + 1)
                found = number
        return Location(self.label, found, 5 if found else 0)

    def dumps(self) -> str:
        self.seal()
        ordered = {pid: {v: self.notices[pid][v] for v in self.versions(pid)}
                   for pid in sorted(self.notices)}
        retired = {pid: self.retired[pid] for pid in sorted(self.retired)}
        data = LockFile(notices=ordered, retired=retired).model_dump(mode="json")
        for versions in data["notices"].values():
            for entry in versions.values():
                if not entry["translations"]:
                    del entry["translations"]
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(self.dumps(), encoding="utf-8", newline="\n")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"the key '{key}' appears twice in one object")
        seen[key] = value
    return seen


def parse(raw: bytes, label: str) -> LockFile | LockFileV1 | str:
    """The lock file's content as a model, or why it is refused (a message)."""
    try:
        head = _Format.model_validate_json(raw)  # limits nesting and number size
    except ValidationError as exc:
        message = exc.errors(include_url=False)[0]["msg"].removeprefix("Invalid JSON: ")
        return f"the lock file is not valid JSON: {message}"
    try:
        json.loads(raw, object_pairs_hook=_no_duplicates, parse_int=str, parse_float=str,
                   parse_constant=str)
    except ValueError as exc:
        return f"the lock file is not valid: {exc}"
    # a whole number, not a truth value: JSON's true would otherwise be taken for format 1
    model = {1: LockFileV1, 2: LockFile}.get(head.format) \
        if type(head.format) is int else None
    if model is None:
        return (f"the lock file has format {head.format!r}; this portal reads format "
                f"{LOCK_FORMAT} (and upgrades format 1)")
    try:
        parsed = model.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"the lock file is not in the expected shape ({where}: {first['msg']})"
    for pid, versions in parsed.notices.items():
        keys = [version_key(v) for v in versions]
        if len(set(keys)) != len(keys):
            return f"the lock file names one version of notice '{pid}' twice"
    return parsed


def load_lock(path: Path, label: str, problems: Problems) -> Lock:
    """Read the lock file; a missing file is an empty lock, a broken one a problem."""
    lock = Lock(path, label)
    raw = Folder(path.parent, "the project folder").read(path, MAX_BYTES, "lock file")
    if raw is None:
        return lock
    lock.exists = True
    hint = "restore it from git; it is written only by `govportal lock`"
    if isinstance(raw, Refusal | TooLarge):
        message = raw.message if isinstance(raw, Refusal) else (
            f"the lock file is {raw.size:,} bytes; the limit is {MAX_BYTES:,}")
        lock.valid = False
        problems.add("notice.lock-invalid", message, Location(label), hint)
        return lock
    parsed = parse(raw, label)
    if isinstance(parsed, str):
        lock.valid = False
        problems.add("notice.lock-invalid", parsed, Location(label), hint)
        return lock
    lock.text = raw.decode("utf-8", "replace")
    if isinstance(parsed, LockFileV1):
        lock.valid, lock.legacy = False, parsed
        problems.add("notice.lock-outdated", "the lock file has format 1, which fingerprints "
                     "only the wording of each version; this portal needs format 2 "
                     "(fingerprints of everything published, and a hash chain)",
                     Location(label), "run `govportal lock` once: it checks every archived "
                     "text against the old fingerprints and upgrades the lock file")
        return lock
    lock.notices, lock.retired = parsed.notices, parsed.retired
    for pid in sorted(lock.notices):
        for version, value in lock.chains(pid):
            if lock.notices[pid][version].chain != value:
                lock.valid = False
                problems.add("notice.lock-tampered", f"the entry of notice '{pid}' version "
                             f"{version} does not match its hash chain: the lock file was "
                             "edited by hand", lock.line_of(pid, version), hint)
                break
    return lock


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
            Archive(archive_root, _label(archive_root, base), Path(base)))
