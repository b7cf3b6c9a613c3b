"""``.github/CODEOWNERS`` from the data: ``govportal codeowners`` writes it, ``govportal
check`` fails with ``governance.codeowners-stale`` when it is missing or differs.

With branch protection's "Require review from Code Owners", a pull request that changes a
notice, a clause or the retention schedule then waits for the roles
``governance.approvals`` names (:mod:`govportal.rules.approvals`), and a change to one
program's data also for that program's owner. The file lives at the project root's
``.github/CODEOWNERS`` (the folder of ``mkdocs.yml``, the repository's root here).
"""

from __future__ import annotations

import difflib
from pathlib import Path

from ..data.policy import Policy
from ..problems import Location, Problems
from ..rules.approvals import approvals

PATH = ".github/CODEOWNERS"
STALE = "governance.codeowners-stale"
HEADER = ("# Written by `govportal codeowners` from the policy data (governance.approvals in\n"
          "# organisation.yaml, the roles' and the program owners' `github` handles).\n"
          "# Do not edit: change the data, then run `govportal codeowners`. The last matching\n"
          "# pattern wins, so the widest come first.\n")


def codeowners_text(policy: Policy, lock_file: str = "notices.lock.json",
                    archive_dir: str = "notices-archive") -> str | None:
    """The file's text; None when the data names no approvers."""
    found = approvals(policy, lock_file, archive_dir)
    if found is None:
        return None
    lines = [HEADER]
    for approval in found:
        handles = " ".join(dict.fromkeys(a.github for a in approval.approvers if a.github))
        names = ", ".join(f"{a.name} ({a.owner})" if a.owner else a.name
                          for a in approval.approvers)
        lines.append(f"\n# {approval.what}. Approved by: {names}\n")
        width = max(len(p) for p in approval.patterns)
        for pattern in approval.patterns:
            lines.append(f"{pattern.ljust(width)} {handles}".rstrip() + "\n")
    return "".join(lines)


def write(root: Path, policy: Policy, lock_file: str = "notices.lock.json",
          archive_dir: str = "notices-archive") -> bool | None:
    """Write the file; True when it changed, False when it was current, None when the data
    names no approvers (nothing written)."""
    text = codeowners_text(policy, lock_file, archive_dir)
    if text is None:
        return None
    path = root / PATH
    if path.is_file() and path.read_bytes() == text.encode("utf-8"):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return True


def check(root: Path, policy: Policy, problems: Problems, lock_file: str = "notices.lock.json",
          archive_dir: str = "notices-archive") -> None:
    """Add ``governance.codeowners-stale`` when the file is missing or differs from the
    data, with the differences."""
    expected = codeowners_text(policy, lock_file, archive_dir)
    if expected is None:
        return
    path = root / PATH
    hint = "run `govportal codeowners` and commit .github/CODEOWNERS"
    if not path.is_file():
        problems.add(STALE, f"{PATH} is missing; the data names who approves changes "
                     "(governance.approvals), so it must be there", Location(PATH), hint)
        return
    found = path.read_text(encoding="utf-8", errors="replace")
    if found == expected:
        return
    have, want = found.splitlines(keepends=True), expected.splitlines(keepends=True)
    first = next((i for i, (a, b) in enumerate(zip(have, want, strict=False)) if a != b),
                 min(len(have), len(want)))
    diff = "".join(difflib.unified_diff(have, want, f"{PATH} (as committed)",
                                        f"{PATH} (from the data)", n=0))
    changed = sum(1 for line in diff.splitlines()
                  if line[:1] in "+-" and not line.startswith(("+++", "---")))
    problems.add(STALE, f"{PATH} differs from what the data says ({changed} line(s)):\n"
                 + diff.rstrip("\n"), Location(PATH, first + 1, 1), hint)
