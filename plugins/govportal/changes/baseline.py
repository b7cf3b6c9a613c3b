"""History is append-only: the lock file compared with the lock file at a git ref.

``govportal check --base REF`` (in pull requests: the branch they merge into) reads the lock
file as it is at ``REF`` and reports, as errors, every change to what was already
published:

- a locked version removed, or a whole notice, or a version's text in one of its
  languages (``notice.history-removed``);
- a locked version's text, in any language, changed without a recorded correction that
  replaces exactly the fingerprint published before, or a recorded correction removed
  (``notice.history-changed``);
- its effective date or its recorded facts changed (``notice.history-changed``: these are
  what employees were told, and no correction changes them);
- a version added below the newest version already published (``notice.history-inserted``).

Adding the next version, adding a published version's text in a language it was not yet
locked in, recording a correction and retiring a notice are the changes history allows.
A base lock in the first format is compared by its wording fingerprints and by the
archived texts at the same ref.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..problems import Problems
from ..rules.families.i18n import language_name
from .fingerprint import fingerprint, normalise, version_key
from .lock import Correction, Lock, LockedVersion, LockedVersionV1, LockFile, LockFileV1, parse
from .prsummary import SummaryError, _git, repository_root

BaseText = Callable[[str, str], str | None]  # (program, version) -> archived text at base


def read_base(ref: str, lock_path: Path, archive_root: Path
              ) -> tuple[LockFile | LockFileV1 | None, BaseText]:
    """The lock file at ``ref`` (None when it had none) and a reader of the archive there.
    Raises SummaryError when git or the ref cannot be read, or the lock there is broken."""
    root = repository_root(lock_path.parent)
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    except SummaryError as exc:
        raise SummaryError(f"'{ref}' is not a commit, branch or tag in {root.name}") from exc
    rel = lock_path.resolve().relative_to(root.resolve()).as_posix()
    listing = _git(["ls-tree", "--name-only", ref, "--", rel], root).strip()
    archive_rel = archive_root.resolve().relative_to(root.resolve()).as_posix()

    def text_at(pid: str, version: str) -> str | None:
        try:
            raw = _git(["show", f"{ref}:{archive_rel}/{pid}/{version}.md"], root)
        except SummaryError:
            return None
        return normalise(raw.decode("utf-8", "replace"))

    if not listing:
        return None, text_at
    parsed = parse(_git(["show", f"{ref}:{rel}"], root), rel)
    if isinstance(parsed, str):
        raise SummaryError(f"the lock file at {ref} cannot be read: {parsed}")
    return parsed, text_at


def compare(base: LockFile | LockFileV1, head: Lock, base_text: BaseText, ref: str,
            problems: Problems) -> None:
    """Report every change from the base lock's history to ``head``."""
    for pid in sorted(base.notices):
        olds = base.notices[pid]
        if pid not in head.notices:
            problems.add("notice.history-removed", f"notice '{pid}' was published ({ref} "
                         f"records {len(olds)} version(s)) and is no longer in the lock file",
                         head.line_of(pid), _RESTORE)
            continue
        newest_base = max(olds, key=version_key)
        for version in sorted(olds, key=version_key):
            _compare_version(pid, version, olds[version], head, base_text, ref, problems)
        for version in head.versions(pid):
            if version not in olds and version_key(version) < version_key(newest_base):
                problems.add("notice.history-inserted", f"version {version} of notice "
                             f"'{pid}' was added below version {newest_base}, already "
                             f"published at {ref}", head.line_of(pid, version),
                             "a new version comes after the newest published one")


_RESTORE = ("restore it from the base branch: what employees were told stays as it was "
            "told (a layout fix is a correction: `govportal lock --correct`)")


def _compare_version(pid: str, version: str, old: LockedVersion | LockedVersionV1,
                     head: Lock, base_text: BaseText, ref: str, problems: Problems) -> None:
    name = f"version {version} of notice '{pid}'"
    new = head.notices[pid].get(version)
    if new is None:
        problems.add("notice.history-removed", f"{name} was published ({ref}) and is no "
                     "longer in the lock file", head.line_of(pid), _RESTORE)
        return
    where = head.line_of(pid, version)

    def changed(what: str) -> None:
        problems.add("notice.history-changed", f"{name}: {what} since {ref}", where,
                     _RESTORE)

    if new.effective != old.effective:
        changed(f"its effective date changed from {old.effective.isoformat()} to "
                f"{new.effective.isoformat()}")
    if new.facts != old.facts:
        changed("the facts recorded for it changed")
    if isinstance(old, LockedVersionV1):  # a first-format entry: sha256 was the wording
        text = base_text(pid, version)
        old_sha = fingerprint(text) if text is not None else None
        old_corrections: list[Correction] = []
        if new.wording != old.sha256 and not new.corrections:
            changed("its wording changed without a recorded correction")
    else:
        old_sha, old_corrections = old.sha256, old.corrections
    what = _text_change(old_sha, old_corrections, new.sha256, new.corrections)
    if what is not None:
        changed(what)
    for code, before in sorted(old.translations.items() if isinstance(old, LockedVersion)
                               else ()):
        language = language_name(code)
        after = new.translations.get(code)
        if after is None:
            problems.add("notice.history-removed", f"the {language} text of {name} was "
                         f"published ({ref}) and is no longer in the lock file", where,
                         _RESTORE)
            continue
        what = _text_change(before.sha256, before.corrections, after.sha256,
                            after.corrections, language)
        if what is not None:
            changed(what)


def _text_change(old_sha: str | None, old_corrections: list[Correction], new_sha: str,
                 new_corrections: list[Correction], language: str = "") -> str | None:
    """What changed in a published text that no recorded correction accounts for
    (``language``: the text's language, named, when it is not the default one)."""
    of = f" of its {language} text" if language else ""
    text = f"its {language} published text" if language else "its published text"
    if new_corrections[:len(old_corrections)] != old_corrections:
        return f"a recorded correction{of} was removed or rewritten"
    added = new_corrections[len(old_corrections):]
    expected = old_sha
    for correction in added:
        if expected is not None and correction.replaces != expected:
            return f"a correction{of} replaces a text that was never published"
        expected = None  # later ones replace texts written in this change
    if not added and old_sha is not None and new_sha != old_sha:
        return f"{text} changed without a recorded correction"
    return None
