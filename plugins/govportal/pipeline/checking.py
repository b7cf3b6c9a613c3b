"""Load and check: the data read, validated and held to every rule, and the notices to the
lock. Shared by the MkDocs plugin, the command line, the benchmark and the tests.

Nothing here imports MkDocs, so ``govportal check`` answers fast and any other generator
could reuse it.
"""

from __future__ import annotations

import dataclasses
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..data import model as m
from ..data.build_memo import once_per_build
from ..data.load_memo import LoadMemo
from ..data.loader import load_policy
from ..data.policy import Policy
from ..data.validation import carried_by
from ..problems import Location, Problems
from ..publish import codeowners
from ..rules import registry
from ..rules.catalog import load_catalog
from ..rules.kept_findings import KeptFindings
from ..rules.registry import Options
from . import settled_heap
from .settings import Project


@dataclass
class Result:
    policy: Policy
    problems: Problems


def check(data_dir: Path, options: Options | None = None,
          label_base: Path | None = None, memo: LoadMemo | None = None,
          findings: KeptFindings | None = None, settle: bool = False) -> Result:
    """Load and validate ``data_dir``, then run every rule. Never raises for bad data.
    ``memo``: a live preview's data files from its last check (unchanged files that loaded
    without a problem are not parsed again); ``findings``: its rules' findings from its last
    check (a rule that does not read the translations is not run again while the other
    data files and the options are the same); ``settle``: a build goes on with the policy
    (:func:`collector_paused`)."""
    options = options or Options()
    problems = Problems(overrides=dict(options.severities))
    if memo is not None:
        memo.begin(repr(sorted((rule, str(level)) for rule, level in options.severities.items())))
    with collector_paused(settle=settle), once_per_build():  # the data stays as checked
        policy = load_policy(Path(data_dir), problems, label_base=label_base, memo=memo)
        if memo is not None:
            memo.carry_decisions(policy)
        registry.run_rules(policy, options, problems, kept=findings)
    name_blocked_disclosures(problems)
    return Result(policy, problems)


_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def name_blocked_disclosures(problems: Problems) -> None:
    """A missing required key that carries a notice disclosure names the disclosures it
    blocks, so a policy owner sees what the missing key costs the notice."""
    by_topic: dict[str, list[str]] = {}
    for item in load_catalog().items:
        by_topic.setdefault(item.evidence_topic, []).append(item.id)
    for index, problem in enumerate(problems.items):
        if problem.rule != "schema.missing" or not problem.location.path:
            continue
        model = _model_of(problem.location.file)
        if model is None:
            continue
        keys = _KEY.findall(re.sub(r"\[[0-9]+\]", "", problem.location.path))
        topics = carried_by(model, keys)
        if not topics:
            continue
        if "scope" in topics:
            needs = "every disclosure of the regimes it decides"
        elif "section" in topics:
            needs = "the organisation's own notice requirements"
        else:
            items = [i for t in topics for i in by_topic.get(t, [])]
            if not items:
                continue
            needs = ", ".join(items[:6]) + (" …" if len(items) > 6 else "")
        problems.items[index] = dataclasses.replace(
            problem, message=f"{problem.message}; the notice needs it for {needs}")


def _model_of(label: str) -> type[m.Strict] | None:
    parts = label.split("/")
    if len(parts) >= 2 and parts[-2] == m.PROGRAMS_DIR:
        return m.Program
    return m.SINGLE_FILES.get(parts[-1])


@contextmanager
def collector_paused(*, settle: bool = False) -> Iterator[None]:
    """Pause Python's cycle collector while the data is loaded and checked.

    Loading makes hundreds of thousands of small objects (values, positions) and no
    reference cycles; the collector would walk the growing heap again and again for nothing
    (about a sixth of the check's time at 1,000 programs). The loader bounds the size of
    every file, so memory stays bounded; reference counting still frees everything.
    ``settle``: a build goes on with the checked policy; at the end, what the check made is
    kept out of the collector's passes until the build ends (:mod:`.settled_heap`) instead
    of being walked by the first of them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled and settle:
            settled_heap.settle()
        elif was_enabled:
            gc.enable()


@collector_paused()
def check_project(settings: Project, options: Options,
                  data_dir: Path | None = None, lock_file: str | None = None,
                  change_control: bool = True, base: str | None = None) -> Result:
    """Everything ``govportal check`` checks, without printing: the settings the build
    would refuse, load and validate the data, run every rule, then (when the data has no
    error) compare ``.github/CODEOWNERS`` with the data's approvers, the notices with the
    lock, and the lock with the lock at git ref ``base`` (raises
    :class:`~govportal.changes.prsummary.SummaryError` when that ref cannot be read).

    The benchmark calls this to time the check in-process. The cycle collector stays
    paused to the end (:func:`collector_paused`): reading the lock after loading a large
    policy set off full collections over the whole loaded policy (0.25-0.5 s at 1,000
    programs) that found almost nothing to free (a few hundred objects after rendering
    every notice)."""
    result = check(data_dir or settings.data, options, label_base=settings.root)
    settings_problems(settings, result.problems)
    if not result.problems.errors and result.policy.complete:
        codeowners.check(settings.root, result.policy, result.problems, settings.lock_file,
                         settings.archive_dir)
    if change_control and not result.problems.errors and result.policy.complete:
        from ..changes import baseline, control  # only with the change control: rendering
        from ..changes.lock import open_lock
        from .languages import translated_notice_texts
        from .rendering import notice_texts

        lock, archive = open_lock(settings.root, lock_file or settings.lock_file,
                                  settings.archive_dir, result.problems)
        control.check_notices(
            result.policy, notice_texts(result.policy, options, settings), lock, archive,
            result.problems, translated_notice_texts(result.policy, options, settings.templates))
        if base is not None and lock.valid:
            old, base_text = baseline.read_base(base, lock.path, archive.root)
            if old is not None:
                baseline.compare(old, lock, base_text, base, result.problems)
    return result


def settings_problems(settings: Project, problems: Problems) -> None:
    """What in ``mkdocs.yml``'s plugin options the build would refuse (it checks them
    before reading any data): a ``templates_dir`` that is not a folder."""
    if settings.templates_dir and not (settings.templates and settings.templates.is_dir()):
        config = settings.root / "mkdocs.yml"
        line = next((n for n, text in enumerate(
            config.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
            if "templates_dir:" in text), 0) if config.is_file() else 0
        problems.add("config.templates-dir", f"templates_dir: '{settings.templates_dir}' is "
                     "not an existing folder (the build refuses it too)",
                     Location("mkdocs.yml", line, 1 if line else 0),
                     "create the folder, or remove the option to use the portal's templates")
