"""What a pull request changes for employees and managers, in Markdown for a PR comment.

``govportal pr-summary --base REF [--head REF]`` reads the data at two git refs (the head
defaults to the working tree), compares program by program what the notices and the manager
guides will say, and writes it in plain words: "Engagement logs kept 180 days instead of
90 days", "New recipient: …", "Managers may now use: …". It is a reading aid for reviewers,
not a text diff; the checks still decide whether the change may be published.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..data import model as m
from ..data.loader import load_policy
from ..data.policy import Policy
from ..data.translatable import fingerprint, source_texts
from ..problems import Problems
from ..rules.families.i18n import language_name
from ..rules.guide_decisions import guide_lists, manager_label
from ..text.safe_markdown import plain
from .facts import Facts, differences, facts_of
from .fingerprint import version_key
from .refs import SummaryError


def _date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SummaryError(f"git could not be run: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SummaryError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def repository_root(path: Path) -> Path:
    where = path if path.is_dir() else path.parent
    while not where.exists():
        where = where.parent
    return Path(_git(["rev-parse", "--show-toplevel"], where).decode().strip())


def describe(ref: str, root: Path) -> str:
    """``ref`` with its short commit id, e.g. ``main (1a2b3c4)``."""
    sha = _git(["rev-parse", "--short", f"{ref}^{{commit}}"], root).decode().strip()
    return ref if ref == sha else f"{ref} ({sha})"


def export(ref: str, data_dir: Path, dest: Path) -> Path:
    """Copy the data folder as it is at ``ref`` into ``dest``; return the copy's path (it
    does not exist when the ref has no data folder)."""
    root = repository_root(data_dir)
    rel = data_dir.resolve().relative_to(root.resolve()).as_posix()
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    except SummaryError as exc:
        raise SummaryError(f"'{ref}' is not a commit, branch or tag in {root.name}") from exc
    listing = _git(["ls-tree", "--name-only", ref, "--", rel], root).strip()
    target = dest / rel
    if not listing:
        return target
    archive = _git(["archive", "--format=tar", ref, "--", rel], root)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        try:
            tar.extractall(dest, filter="data")
        except tarfile.FilterError as exc:  # e.g. a committed link to an absolute path
            raise SummaryError(f"the data folder at '{ref}' cannot be read safely: "
                               f"{exc}") from exc
    return target


@dataclass
class ProgramChange:
    """What one program's readers will see change."""

    pid: str
    title: str
    state: str  # added, removed, changed
    notice: list[str] = field(default_factory=list)
    employees: list[str] = field(default_factory=list)
    managers: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.notice or self.employees or self.managers or self.warnings)


_GUIDE = (  # list, added (to a new guide / to an existing one), removed
    ("may_use", ("Managers may use", "Managers may now use"), "Managers may no longer use"),
    ("needs_signoff", ("Needs HR sign-off", "Now needs HR sign-off"),
     "No longer needs HR sign-off"),
    ("never_use", ("Managers must never use", "Managers must now never use"),
     "No longer on the never-use list"),
)


def _guide_items(policy: Policy, program: m.Program, attr: str) -> list[str]:
    """The guide's entries under one answer: its fields' labels, then the other items."""
    fields = guide_lists(policy, program)[attr]
    extras = getattr(program.manager_guide, attr, [])
    return [plain(manager_label(f)) for f in fields] + [plain(x) for x in extras]


def _guide_changes(base: Policy, old: m.Program | None, head: Policy,
                   new: m.Program) -> list[str]:
    out: list[str] = []
    for attr, (first, added_text), removed_text in _GUIDE:
        before = _guide_items(base, old, attr) if old else []
        after = _guide_items(head, new, attr)
        label = added_text if old else first
        out += [f"{label}: {x}" for x in after if x not in before]
        out += [f"{removed_text}: {x}" for x in before if x not in after]
    return out


def _notice_line(old: m.Program | None, new: m.Program) -> list[str]:
    notice = new.notice
    entry = next((e for e in notice.changelog
                  if version_key(e.version) == version_key(notice.version)), None)
    flag = " (marked material)" if entry and entry.material else ""
    when = f"in effect from {_date(notice.effective)}"
    if old is None:
        return [f"Notice version {notice.version}, {when}"]
    if version_key(old.notice.version) == version_key(notice.version):
        if old.notice.effective != notice.effective:
            return [f"Notice effective date {_date(old.notice.effective)} → "
                    f"{_date(notice.effective)} (version {notice.version} unchanged)"]
        return []
    line = f"Notice version {old.notice.version} → {notice.version}, {when}{flag}"
    return [line + (f": {plain(entry.summary)}" if entry else "")]


def _first_notice(facts: Facts) -> list[str]:
    """What the first notice of a new program tells employees, in short."""
    lines = ["Purposes: " + "; ".join(facts.purposes.values())]
    if facts.recipients:
        lines.append("Recipients: " + ", ".join(facts.recipients))
    lines.append("Information used: " + ", ".join(f.label for f in facts.fields.values()))
    if facts.transfers:
        lines.append("Transfers to: " + ", ".join(sorted(set(facts.transfers.values()))))
    lines += [f"{r.record} kept {r.period}" for r in facts.retention.values()]
    return lines


def compare(base: Policy, head: Policy) -> list[ProgramChange]:
    """Program by program, what changes from ``base`` to ``head``."""
    changes: list[ProgramChange] = []
    for pid in sorted(set(base.programs) | set(head.programs)):
        old, new = base.programs.get(pid), head.programs.get(pid)
        if new is None:
            assert old is not None
            changes.append(ProgramChange(pid, plain(old.title), "removed", notice=[
                "The program is removed: its notice stays readable in the published history"]))
            continue
        item = ProgramChange(pid, plain(new.title), "added" if old is None else "changed")
        item.notice = _notice_line(old, new)
        now = facts_of(head, new)
        diffs = differences(facts_of(base, old), now) if old is not None else []
        item.employees = ([d.text + (" (material)" if d.material else "") for d in diffs]
                          if old is not None else _first_notice(now))
        item.managers = _guide_changes(base, old, head, new)
        if old is not None:
            unchanged = version_key(old.notice.version) == version_key(new.notice.version)
            if diffs and unchanged:
                item.warnings.append(f"The notice changes but its version stays "
                                     f"{new.notice.version}: bump it and add a changelog entry")
            entry = next((e for e in new.notice.changelog
                          if version_key(e.version) == version_key(new.notice.version)), None)
            if any(d.material for d in diffs) and not unchanged and not (entry and entry.material):
                item.warnings.append(f"A material change, but the changelog entry for "
                                     f"{new.notice.version} is not marked `material: true`")
        if old is None or not item.empty:
            changes.append(item)
    return changes


def _escape(text: str) -> str:
    """Data text made inert in a PR comment (no HTML, no mentions, no links)."""
    out = text.replace("\\", "\\\\")
    for ch in "<>[]`*_|#@":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def became_stale(base: Policy, head: Policy) -> list[str]:
    """The translations that were made from the current source at ``base`` and are out of
    date at ``head`` (their source changed here, the translation did not)."""
    before, after = source_texts(base), source_texts(head)
    out = []
    for code, kinds in sorted(head.translations.items()):
        for kind, loaded in sorted(kinds.items()):
            for rid, texts in loaded.root.items():
                for key, item in texts.items():
                    old, new = before.get((kind, rid, key)), after.get((kind, rid, key))
                    if new is None or item.source == fingerprint(new.text):
                        continue
                    if old is not None and item.source == fingerprint(old.text):
                        out.append(f"{language_name(code)}: {kind} '{rid}' {key}")
    return out


def _translated_texts(policy: Policy) -> dict[tuple[str, str, str, str], str]:
    return {(code, kind, rid, key): item.text
            for code, kinds in policy.translations.items()
            for kind, loaded in kinds.items()
            for rid, texts in loaded.root.items() for key, item in texts.items()}


def translations_changed(base: Policy, head: Policy) -> list[str]:
    """Every translated text the change adds, rewrites or removes, by language: the words
    readers of that language will see change, for a reviewer who reads it."""
    before, after = _translated_texts(base), _translated_texts(head)
    out = []
    for code, kind, rid, key in sorted(before.keys() | after.keys()):
        old, new = before.get((code, kind, rid, key)), after.get((code, kind, rid, key))
        if old == new:
            continue
        what = "new" if old is None else "removed" if new is None else "changed"
        out.append(f"{language_name(code)}: {kind} '{rid}' {key} ({what})")
    return out


def to_markdown(changes: list[ProgramChange], base_name: str, head_name: str,
                notes: list[str], stale: list[str] | None = None,
                translated: list[str] | None = None) -> str:
    lines = ["## What employees and managers will see change", "",
             f"Comparing the policy data of {base_name} with {head_name}.", ""]
    for note in notes:
        lines += [f"> **Note:** {note}", ""]
    if stale:
        lines += ["### Translations now out of date", "",
                  "These texts changed, but not their translations: the pages in those "
                  "languages still say what the text said before (`govportal translations "
                  "todo LANG` lists them).", ""]
        lines += [f"- {_escape(item)}" for item in stale] + [""]
    if translated:
        lines += ["### Translations changed", "",
                  "The words readers of these languages will see change: ask someone who "
                  "reads the language to review them.", ""]
        lines += [f"- {_escape(item)}" for item in translated] + [""]
    if not changes:
        lines.append("Nothing that employees or managers read changes.")
        return "\n".join(lines) + "\n"
    labels = {"added": "new program", "removed": "removed", "changed": "changed"}
    for item in changes:
        lines += [f"### {_escape(item.title)} (`{item.pid}`, {labels[item.state]})", ""]
        for warning in item.warnings:
            lines += [f"- :warning: {_escape(warning)}"]
        lines += [f"- {_escape(text)}" for text in item.notice]
        if item.warnings or item.notice:
            lines.append("")
        for heading, entries in (("Employees will read", item.employees),
                                 ("Managers will read", item.managers)):
            if entries:
                lines += [f"**{heading}**", ""] + [f"- {_escape(t)}" for t in entries] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _load(path: Path, label_base: Path, name: str, notes: list[str]) -> Policy:
    problems = Problems()
    if not path.is_dir():
        notes.append(f"{name} has no data folder.")
        return Policy(root=path)
    policy = load_policy(path, problems, label_base=label_base)
    if problems.errors:
        notes.append(f"the data of {name} has {problems.summary()}; programs that did not "
                     "load are left out (run `govportal check`).")
    return policy


def summarise(data_dir: Path, base: str, head: str | None = None,
              head_name: str | None = None) -> str:
    """Markdown of what changes between the data at ``base`` and at ``head`` (the working
    tree when None), the head called ``head_name`` when given (CI: "this pull request").
    Raises SummaryError when git or a ref cannot be read."""
    root = repository_root(data_dir)
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="govportal-") as tmp:
        base_dir = export(base, data_dir, Path(tmp) / "base")
        base_name = f"`{describe(base, root)}`"
        if head is None:
            head_dir, head_base, named = data_dir, data_dir.parent, "the working tree"
        else:
            head_dir = export(head, data_dir, Path(tmp) / "head")
            head_base, named = head_dir.parent, f"`{describe(head, root)}`"
        if head_name:
            named = _escape(head_name)
        before = _load(base_dir, base_dir.parent, base_name, notes)
        after = _load(head_dir, head_base, named, notes)
        return to_markdown(compare(before, after), base_name, named, notes,
                           became_stale(before, after), translations_changed(before, after))
