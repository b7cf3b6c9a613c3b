"""The one way the portal reads the files a pull request can change.

The data folder, the notice lock file and the archive of published notices are all read
through :class:`Folder`, under one policy:

- only regular files are read: a folder, a device, a pipe or a socket is refused (reading a
  pipe would block the build; a device could be endless);
- only files inside the folder: a symbolic link (of the file or of any folder on its way)
  that leads out of it is refused, with the same words whether or not its target exists,
  so no message can tell what is on the build machine; a link that stays inside is read;
- hidden files (names starting with ``.``) are never listed, so the check, the build and
  the manifest's data fingerprint see the same set;
- no file is read past its size limit: the size is taken from the open file first.

A refusal is a value (:class:`Refusal`), which the caller reports at the file's location.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20


@dataclass(frozen=True)
class Refusal:
    """Why a file is not read: a rule id, a message and a hint, for the file's location."""

    rule: str
    message: str
    hint: str


@dataclass(frozen=True)
class TooLarge:
    """A file over its limit (not read); ``size`` is its real size."""

    size: int


@dataclass
class Folder:
    """A folder whose files are read under the policy above; ``name`` says in messages
    what the folder is ("the data folder", "notices-archive/")."""

    root: Path
    name: str

    def __post_init__(self) -> None:
        self.real = Path(os.path.realpath(self.root))

    def leaves(self, path: Path) -> bool:
        """Whether ``path`` (or a link on its way) leads out of the folder."""
        real = os.path.realpath(path)
        return not (real == str(self.real) or real.startswith(os.path.join(self.real, "")))

    def refusal(self, path: Path, what: str = "file") -> Refusal | None:
        """Why ``path`` may not be used (a link out of the folder, not a regular file, or
        missing: then None is not returned but ``missing``)."""
        if self.leaves(path):
            return Refusal("data.symlink", f"the {what} is a link to something outside "
                           f"{self.name}", f"replace the link with the {what} itself: the "
                           f"build reads only what is in {self.name}")
        return None

    def is_dir(self, path: Path) -> bool:
        return not self.leaves(path) and path.is_dir()

    def listing(self, folder: Path) -> list[Path]:
        """The visible entries of ``folder`` (a folder inside this one), sorted."""
        try:
            return sorted(p for p in folder.iterdir() if not p.name.startswith("."))
        except OSError:
            return []

    def read(self, path: Path, limit: int, what: str = "file") -> bytes | Refusal | TooLarge | None:
        """The bytes of ``path``; None when it does not exist."""
        refused = self.refusal(path, what)
        if refused is not None:
            return refused
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                         | getattr(os, "O_NOFOLLOW", 0) * (not path.is_symlink()))
        except FileNotFoundError:
            return None
        except OSError as exc:
            return Refusal("data.unreadable", f"the {what} cannot be read: "
                           f"{exc.strerror or exc}", "check the file's permissions")
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return Refusal("data.not-a-file", f"the {what} is not a regular file (a "
                               "folder, a device, a pipe or a socket)",
                               f"replace it with a plain {what}, or remove it")
            if info.st_size > limit:
                return TooLarge(info.st_size)
            chunks, size = [], 0
            while size <= limit:
                chunk = os.read(fd, CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            if size > limit:
                return TooLarge(size)
            return b"".join(chunks)
        except OSError as exc:
            return Refusal("data.unreadable", f"the {what} cannot be read: "
                           f"{exc.strerror or exc}", "check the file's permissions")
        finally:
            os.close(fd)


def fingerprint(sources: dict[str, bytes | str]) -> str:
    """SHA-256 over every file read (its path inside the folder and its content's digest),
    in path order, length-prefixed so that no two different sets give the same bytes."""
    digest = hashlib.sha256()
    for rel in sorted(sources):
        content = sources[rel]
        value = content if isinstance(content, str) else hashlib.sha256(content).hexdigest()
        for part in (rel.encode("utf-8"), value.encode("ascii")):
            digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()
