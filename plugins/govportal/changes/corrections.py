"""Changes to history that are allowed because they are visible: corrections, retirements,
and the upgrade of a lock file from the first format.

- A **correction** (``govportal lock --correct PROGRAM VERSION --reason …``, with
  ``--language LANG`` for the version's text in another language) records that the
  archived text of an earlier version was changed on purpose: the date, the reason,
  the fingerprint it replaces, and whether the wording stayed the same (computed, not
  claimed). The notice's history pages show it; ``govportal check --base`` accepts the
  change only with it.
- A **retirement** (``--retire PROGRAM --reason …``) keeps the published history of a
  program that no longer exists, and says why on its history page.
- The **upgrade** turns a format-1 lock (fingerprints of the wording only) into format 2,
  after checking each archived text against the old fingerprint.
"""

from __future__ import annotations

import datetime as dt

from ..data.policy import Policy
from .archive import Archive
from .fingerprint import fingerprint, version_key, wording_fingerprint
from .lock import Correction, Lock, LockedVersion, Retired


class HistoryRefused(Exception):
    """A correction, retirement or upgrade that cannot be made (the message says why)."""


def correct(lock: Lock, archive: Archive, policy: Policy, pid: str, version: str,
            reason: str, today: dt.date, language: str | None = None) -> Correction:
    """Record the edited archived text of ``pid`` ``version`` (in ``language``; None: the
    default language's) as a correction."""
    reason = " ".join(reason.split())
    found = lock.entry(pid, version)
    if found is None:
        raise HistoryRefused(f"notice '{pid}' has no locked version {version}")
    entry = found.text(language)
    if entry is None:
        known = ", ".join(sorted(found.translations)) or "none"
        raise HistoryRefused(f"version {version} of '{pid}' has no locked text in "
                             f"'{language}' (its other languages: {known})")
    program = policy.programs.get(pid)
    if program is not None and version_key(program.notice.version) == version_key(version):
        raise HistoryRefused(f"version {version} is the current version of '{pid}': change "
                             "it by publishing a new version (bump notice.version)")
    if not reason:
        raise HistoryRefused("say why with --reason: the notice's history page shows it")
    if len(reason) > 1000:
        raise HistoryRefused("the reason is longer than 1,000 characters")
    stored = next(v for v in lock.versions(pid) if version_key(v) == version_key(version))
    text = archive.load(pid, stored, language)
    label = archive.label_of(pid, stored, language)
    if not isinstance(text, str):
        raise HistoryRefused(f"{label} cannot be read: "
                             + (text.message if text is not None else "it does not exist"))
    digest = fingerprint(text)
    if digest == entry.sha256:
        raise HistoryRefused(f"{label} is unchanged: edit it first, then record the "
                             "correction")
    wording = wording_fingerprint(text)
    correction = Correction(date=today, reason=reason, replaces=entry.sha256,
                            wording_unchanged=wording == entry.wording)
    entry.corrections.append(correction)
    entry.sha256, entry.wording = digest, wording
    lock.save()
    return correction


def retire(lock: Lock, policy: Policy, pid: str, reason: str, today: dt.date) -> None:
    """Keep the history of a removed program as a retired notice."""
    reason = " ".join(reason.split())
    if pid not in lock.notices:
        raise HistoryRefused(f"the lock file has no notice '{pid}'")
    if pid in policy.programs:
        raise HistoryRefused(f"program '{pid}' still exists; remove its data file first")
    if not reason or len(reason) > 1000:
        raise HistoryRefused("say why with --reason (at most 1,000 characters)")
    lock.retired[pid] = Retired(date=today, reason=reason)
    lock.save()


def upgrade(lock: Lock, archive: Archive) -> list[str]:
    """Turn a format-1 lock into format 2 (in memory), after checking every archived text
    against the fingerprint of its wording. Raises HistoryRefused naming every text that
    does not match; returns the versions upgraded."""
    legacy = lock.legacy
    if legacy is None:
        return []
    refused: list[str] = []
    notices: dict[str, dict[str, LockedVersion]] = {}
    for pid, versions in legacy.notices.items():
        for version, old in versions.items():
            label = archive.label_of(pid, version)
            text = archive.load(pid, version)
            if not isinstance(text, str):
                refused.append(f"{label}: " + (text.message if text is not None else
                                               "missing; restore it from git history"))
            elif wording_fingerprint(text) != old.sha256:
                refused.append(f"{label}: differs from the text the lock file recorded; "
                               "restore it from git history")
            else:
                notices.setdefault(pid, {})[version] = LockedVersion(
                    sha256=fingerprint(text), wording=old.sha256, effective=old.effective,
                    facts=old.facts)
    if refused:
        raise HistoryRefused("the lock file cannot be upgraded: " + "; ".join(refused))
    lock.notices, lock.legacy, lock.valid = notices, None, True
    lock.seal()
    return [f"{pid} {v}" for pid in sorted(notices) for v in lock.versions(pid)]
