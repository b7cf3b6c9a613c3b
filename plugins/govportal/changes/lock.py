"""The lock file (``notices.lock.json``): for every program and notice version, the
fingerprint of the published text and the facts that decide whether a change is material."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..problems import Location, Problems
from .archive import Archive
from .facts import Facts
from .fingerprint import version_key

LOCK_FORMAT = 1
LOCK_NOTE = ("Written by `govportal lock`: one fingerprint of the published text per notice "
             "version, and the facts that decide whether a change is material. Do not edit.")
LOCK_HINT = "run `govportal lock`, then commit the lock file and the archive with your change"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


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
