"""``govportal``: the policy owners' command line, sharing the plugin's core.

    govportal check [--data DIR] [--format text|github|json] [--strict] [--today YYYY-MM-DD]
                    [--base REF] [--all]
    govportal explain [RULE-ID]
    govportal lock [--force] [--correct PROGRAM VERSION --reason TEXT]
                   [--retire PROGRAM --reason TEXT]
    govportal new program|vendor|transfer|retention ID [--data DIR]
    govportal schemas [--out DIR] [--check]
    govportal pr-summary --base REF [--head REF] [--head-name TEXT] [--out FILE]
    govportal pr-comment FILE [--pr NUMBER]
    govportal render --out DIR
    govportal verify-manifest SITE_DIR
    govportal translations status|todo|stamp [LANG [KIND [RECORD [KEY]]]]
    govportal translations catalog [LANG|check]

Settings (data folder, templates, lock file, rule options) come from the ``govportal``
entry of ``mkdocs.yml`` when there is one, so the command sees what the build sees.

Exit codes: 0 no problems (or only warnings without ``--strict``); 1 problems that fail
the build (stale schemas, a refused lock, ``new`` refusing an id that exists); 2 the command
itself was used wrongly (``new`` with an id that is not valid).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .command_line import parser
from .pipeline import settings as project
from .pipeline.checking import Result, check, check_project
from .pipeline.settings import build_date
from .problems import Problems, Severity
from .rules.registry import Options
from .rules.severities import unknown_message, unknown_rule_ids

if TYPE_CHECKING:  # the commands import the history and the schemas they use
    from .changes.lock import Archive, Lock

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

_OPTION_NAMES = ("review_warning_days", "engagement_ceiling_days", "evidence_max_age_days",
                 "readability_threshold")


def _project(args: argparse.Namespace) -> project.Project:
    return project.load(Path(args.config))


def _options(args: argparse.Namespace, settings: project.Project | None = None) -> Options:
    configured = settings.options if settings is not None else {}
    severities = {str(k): Severity(str(v))
                  for k, v in (configured.get("severities") or {}).items()}
    for item in getattr(args, "severity", None) or []:
        rule_id, _, level = item.partition("=")
        severities[rule_id] = Severity(level)
    unknown = unknown_rule_ids(severities)
    if unknown:  # a renamed or mistyped rule must not be silently ignored
        raise ValueError(unknown_message(unknown))
    today = getattr(args, "today", None) or configured.get("today")
    kwargs = {name: configured[name] for name in _OPTION_NAMES
              if isinstance(configured.get(name), int | float)}
    return Options(today=build_date(today), severities=severities, **kwargs)


def _data_dir(args: argparse.Namespace, settings: project.Project) -> Path:
    return Path(args.data) if getattr(args, "data", None) else settings.data


def _open_lock(args: argparse.Namespace, settings: project.Project,
               result: Result) -> tuple[Lock, Archive]:
    from .changes.lock import open_lock

    lock_file = getattr(args, "lock", None) or settings.lock_file
    return open_lock(settings.root, lock_file, settings.archive_dir, result.problems)


def cmd_check(args: argparse.Namespace) -> int:
    from .changes.refs import SummaryError

    settings = _project(args)
    if args.whole_process:
        # the check runs with the cycle collector paused (`collector_paused`); a program
        # that ends once it has printed the result leaves it paused: switched back on, the
        # collector's first pass would walk every object the check made (0.25 s at 1,000
        # programs) to free the few hundred in cycles that the process's end frees anyway
        gc.disable()
    try:
        result = check_project(settings, _options(args, settings), _data_dir(args, settings),
                               args.lock, change_control=not args.no_lock, base=args.base)
    except SummaryError as exc:
        print(f"govportal check --base: {exc}", file=sys.stderr)
        return EXIT_USAGE
    problems = result.problems
    if args.format == "github":
        text = problems.format_github()
        if text:
            print(text)
        print(problems.summary(), file=sys.stderr)
    elif args.format == "json":
        print(problems.format_json())
    elif not len(problems):
        print("no problems found: " + problems.summary())
    else:
        print(problems.format_text(followers=args.all))
        hidden = len(problems.followers())
        if hidden and not args.all:  # remarks on stderr: stdout is the result
            what = "the problem that only follows" if hidden == 1 else (
                f"the {hidden} problems that only follow")
            print(f"`govportal check --all` also lists {what} from these", file=sys.stderr)
        print("`govportal explain RULE-ID` says what a rule asks, with examples",
              file=sys.stderr)
    return EXIT_PROBLEMS if problems.failed(strict=args.strict) else EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from .pages import explain

    if args.rule_id is None:
        sys.stdout.write(explain.listing())
        return EXIT_OK
    text = explain.explain(args.rule_id, _options(args, _project(args)).severities)
    if text is None:
        print(f"govportal explain: {explain.unknown(args.rule_id)}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(text)
    return EXIT_OK


def cmd_lock(args: argparse.Namespace) -> int:
    from .changes import control, corrections
    from .pipeline.languages import translated_notice_texts
    from .pipeline.rendering import notice_texts

    settings = _project(args)
    options = _options(args, settings)
    result = check(_data_dir(args, settings), options, label_base=settings.root)
    if result.problems.errors or not result.policy.complete:
        print(result.problems.format_text())
        print("govportal lock: the data has errors; fix them first, nothing was locked.",
              file=sys.stderr)
        return EXIT_PROBLEMS
    lock, archive = _open_lock(args, settings, result)
    try:
        if lock.legacy is not None:
            upgraded = corrections.upgrade(lock, archive)
            lock.save()
            print(f"upgraded {lock.label} to format 2 ({len(upgraded)} version(s) checked "
                  "against their archived text)")
        if not lock.valid:
            print(result.problems.format_text())
            return EXIT_PROBLEMS
        if args.correct:
            pid, version = args.correct
            fix = corrections.correct(lock, archive, result.policy, pid, version,
                                      args.reason or "", options.today, args.language)
            words = "layout only, wording unchanged" if fix.wording_unchanged else (
                "the wording changed")
            which = f" ({args.language})" if args.language else ""
            print(f"corrected {pid} {version}{which} ({words}): {fix.reason}")
        if args.retire:
            corrections.retire(lock, result.policy, args.retire, args.reason or "",
                               options.today)
            print(f"retired {args.retire}: its published history stays readable")
    except corrections.HistoryRefused as exc:
        print(f"govportal lock: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    texts = notice_texts(result.policy, options, settings)
    translated = translated_notice_texts(result.policy, options, settings.templates)
    report = control.update_lock(result.policy, texts, lock, archive, force=args.force,
                                 translated=translated)
    for name in report.locked:
        print(f"locked {name}")
    for label in report.archived:
        print(f"archived {label}")
    for reason in report.refused:
        print(f"refused {reason}", file=sys.stderr)
    for pid in report.retired:
        print(f"{pid} is back: no longer retired")
    if not report.changed and not report.refused:
        print(f"{lock.label} is up to date")
    remaining = Problems(overrides=dict(options.severities))
    control.check_notices(result.policy, texts, lock, archive, remaining, translated)
    if len(remaining):
        print(remaining.format_text())
    return EXIT_PROBLEMS if report.refused or remaining.failed() else EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from .data import scaffold

    data = _data_dir(args, _project(args))
    try:
        path, todo = scaffold.create(data, args.kind, args.id)
    except scaffold.Refused as exc:
        print(f"govportal new: {exc}; nothing was written", file=sys.stderr)
        return EXIT_USAGE if exc.usage else EXIT_PROBLEMS
    print(f"wrote {path.relative_to(data.parent).as_posix()}: replace each TODO with what the "
          f"comment above it asks for ({todo} in the file), then run `govportal check`, which "
          "lists those still left")
    return EXIT_OK


def cmd_schemas(args: argparse.Namespace) -> int:
    from .data import schemas

    settings = _project(args)
    out = Path(args.out) if args.out else settings.root / "schemas"
    if args.check:
        stale = schemas.stale(out)
        for name in stale:
            print(f"{out.name}/{name} is out of date", file=sys.stderr)
        if stale:
            print("run `govportal schemas` and commit the result", file=sys.stderr)
            return EXIT_PROBLEMS
        print(f"{out.name}/ is up to date")
        return EXIT_OK
    changed = schemas.write(out)
    for name in changed:
        print(f"wrote {out.name}/{name}")
    if not changed:
        print(f"{out.name}/ is up to date")
    return EXIT_OK


def cmd_codeowners(args: argparse.Namespace) -> int:
    from .publish import codeowners

    settings = _project(args)
    result = check(_data_dir(args, settings), _options(args, settings),
                   label_base=settings.root)
    failed = result.problems.errors or not result.policy.complete
    changed = None if failed else codeowners.write(settings.root, result.policy,
                                                   settings.lock_file, settings.archive_dir)
    if changed is None:
        print(result.problems.format_text() if failed else "", end="")
        print("govportal codeowners: " + ("the data has errors" if failed else "the data "
              "names no approvers (governance.approvals in organisation.yaml)")
              + "; nothing was written.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {codeowners.PATH}" if changed else f"{codeowners.PATH} is up to date")
    return EXIT_OK


def cmd_pr_summary(args: argparse.Namespace) -> int:
    from .changes import prsummary

    settings = _project(args)
    try:
        text = prsummary.summarise(_data_dir(args, settings).resolve(), args.base, args.head,
                                   args.head_name)
    except prsummary.SummaryError as exc:
        print(f"govportal pr-summary: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_pr_comment(args: argparse.Namespace) -> int:
    from .changes import prcomment

    try:
        summary = Path(args.file).read_text(encoding="utf-8")
    except OSError as exc:
        print(f"govportal pr-comment: {args.file}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    number = args.pr if args.pr is not None else prcomment.pull_request_number(os.environ)
    try:
        outcome = prcomment.publish(summary, number)
    except prcomment.CommentError as exc:
        print(f"govportal pr-comment: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for line in outcome.lines:
        print(line)
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    from .pipeline.build import BuildError
    from .pipeline.portable import RenderError, render

    def report(problems: Problems) -> None:
        if len(problems):
            print(problems.format_text(), file=sys.stderr)

    out = Path(args.out)
    try:
        counts = render(_project(args), out, report)
    except RenderError as exc:
        print(f"govportal render: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BuildError as exc:
        for line in exc.details:
            print(line, file=sys.stderr)
        print(exc.summary, file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {out}/: " + ", ".join(f"{n} {kind}" for kind, n in counts.items())
          + ", and nav.yml")
    return EXIT_OK


def cmd_verify_manifest(args: argparse.Namespace) -> int:
    from .publish import manifest
    from .publish.verification import verify_site

    site = Path(args.site_dir)
    problems = verify_site(site)
    if problems:
        for problem in problems:
            print(f"govportal verify-manifest: {problem}", file=sys.stderr)
        print(f"govportal verify-manifest: {site.name}/ must not be published", file=sys.stderr)
        return EXIT_PROBLEMS
    data, _ = manifest.load(site)
    assert data is not None
    engine = data.get("engine") or {}
    print(f"{site.name}/ verifies: {len(data['files'])} files match {manifest.NAME}, "
          f"{len(data['documents'])} printed after the build (plugin "
          f"{data.get('plugin_version')}, built {data.get('build_date')} by "
          f"{engine.get('name', 'an unnamed engine')} {engine.get('version', '')}".rstrip()
          + f", {data.get('edition')} edition, data {str(data.get('data_fingerprint'))[:12]})")
    return EXIT_OK


def cmd_translations(args: argparse.Namespace) -> int:
    from .pipeline import translating

    settings = _project(args)
    options = _options(args, settings)
    result = check(_data_dir(args, settings), options, label_base=settings.root)
    code, text = translating.run(args.action, args.where or [], result.policy, options.today)
    (sys.stdout if code != EXIT_USAGE else sys.stderr).write(text)
    return code


COMMANDS = {
    "check": cmd_check,
    "explain": cmd_explain,
    "lock": cmd_lock,
    "new": cmd_new,
    "schemas": cmd_schemas,
    "codeowners": cmd_codeowners,
    "pr-summary": cmd_pr_summary,
    "pr-comment": cmd_pr_comment,
    "render": cmd_render,
    "verify-manifest": cmd_verify_manifest,
    "translations": cmd_translations,
}


def main(argv: Sequence[str] | None = None, *, whole_process: bool = False) -> int:
    """Run the command ``argv`` names (default: the process's arguments); ``whole_process``:
    the process ends when the command does (:func:`program`)."""
    args = parser().parse_args(argv)
    args.func = COMMANDS[args.command]
    args.whole_process = whole_process
    try:
        return int(args.func(args))
    except ValueError as exc:  # a bad --today or --severity value, an unreadable mkdocs.yml
        print(f"govportal: {exc}", file=sys.stderr)
        return EXIT_USAGE


def program() -> int:
    """The ``govportal`` program (its console script, and ``python -m govportal.cli``): the
    command owns the process, which ends when the command does."""
    return main(whole_process=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(program())
