"""Who approves what: the one reading of ``governance.approvals`` (roles, by what a change
changes) and each program's owner, for ``.github/CODEOWNERS`` and the governance page.

Every data file can change what a notice says (the organisation's contacts, the inventory's
labels, a retention period), so the roles that approve notices review all of ``data/``, the
lock file and the archive. The sample policy language and the retention schedule have their
own approvers when the data names them. A program's file and its archived notices are
reviewed by its owner as well. CODEOWNERS takes the last pattern that matches a file, so
the entries go from the widest to the narrowest.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import model as m
from ..data.policy import Policy


@dataclass(frozen=True)
class Approver:
    """A role or an owner who approves, with the GitHub handle the data gives it."""

    name: str
    github: str | None
    role: str | None = None  # the role id, for a role
    owner: str | None = None  # "owner", for the owner of what is approved


@dataclass(frozen=True)
class Approval:
    """What a set of approvers approves, and the files (CODEOWNERS patterns) that hold it."""

    what: str
    patterns: tuple[str, ...]
    approvers: tuple[Approver, ...]
    link: str | None = None  # a page of the site about it


def _roles(policy: Policy, ids: list[str]) -> tuple[Approver, ...]:
    roles = {r.id: r for r in policy.roles.roles} if policy.roles else {}
    return tuple(Approver(roles[i].name if i in roles else i,
                          roles[i].github if i in roles else None, i) for i in ids)


def _owner(owner: m.Owner, as_what: str) -> Approver:
    return Approver(owner.name, owner.github, owner=as_what)


def approvals(policy: Policy, lock_file: str = "notices.lock.json",
              archive_dir: str = "notices-archive") -> list[Approval] | None:
    """Every approval, widest first; None when the data names no approvers."""
    chosen = policy.organisation.governance.approvals if policy.organisation else None
    if chosen is None:
        return None
    notices = _roles(policy, chosen.notices)
    data = "/" + policy.files.get("organisation", "data/organisation.yaml").rsplit("/", 1)[0]
    files = policy.files
    out = [
        Approval("Privacy notices: every data file, the lock file and the notice archive",
                 (f"{data}/", f"/{lock_file}", f"/{archive_dir}/", "/.github/CODEOWNERS"),
                 notices, "notices/index.md"),
        Approval("Sample policy language",
                 ("/" + files.get("clauses", "data/clauses.yaml"),),
                 _roles(policy, chosen.clauses) or notices, "clauses.md"),
        Approval("Retention schedule",
                 ("/" + files.get("retention", "data/retention.yaml"),),
                 _roles(policy, chosen.retention) or notices, "retention.md"),
    ]
    for pid, program in sorted(policy.programs.items()):
        owner = _owner(program.owner, "owner")
        out.append(Approval(
            f"{program.title} (its data and its notice)",
            ("/" + policy.program_files[pid], f"/{archive_dir}/{pid}/"),
            (owner, *notices),
            f"notices/{pid}.md"))
    return out


def missing_handles(policy: Policy) -> list[tuple[str, Approver]]:
    """(what it approves, approver) for every approver without a GitHub handle."""
    found = approvals(policy) or []
    return [(a.what, who) for a in found for who in a.approvers if not who.github]
