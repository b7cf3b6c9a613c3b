"""The ``govportal`` command line's words: every command, option and help text (argparse).

Only the arguments live here; :mod:`govportal.cli` runs the command each one names (its
``COMMANDS``). Imports nothing of the portal, so printing the help loads no pipeline.
"""

from __future__ import annotations

import argparse

DESCRIPTION = "govportal: the policy owners' command line, sharing the plugin's core."


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="govportal", description=DESCRIPTION)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", default="mkdocs.yml",
                        help="the site configuration to take settings from (default: "
                             "mkdocs.yml)")
    sub = top.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", parents=[common],
                           help="validate the data and run every rule, no build")
    check.add_argument("--data", help="the data folder (default: from mkdocs.yml, else data)")
    check.add_argument("--format", choices=("text", "github", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.add_argument("--today", help="the date rules treat as today (YYYY-MM-DD)")
    check.add_argument("--severity", action="append", metavar="RULE=LEVEL",
                       help="change a rule's severity: error, warning or off")
    check.add_argument("--lock", help="the notice lock file (default: notices.lock.json)")
    check.add_argument("--no-lock", action="store_true",
                       help="skip the notice change control (versions, lock, changelog)")
    check.add_argument("--base", metavar="REF",
                       help="also report every change to notice history since this git ref "
                            "(in pull requests: the branch merged into)")
    check.add_argument("--all", action="store_true",
                       help="also list the problems that only follow from another (text "
                            "format)")

    explain = sub.add_parser("explain", parents=[common],
                             help="what a rule asks, with a passing and a failing example")
    explain.add_argument("rule_id", metavar="RULE-ID", nargs="?",
                         help="a rule id as problems show it, e.g. ids.unknown-reference "
                              "(without one: every rule id)")

    lock = sub.add_parser("lock", parents=[common],
                          help="record the current notice versions in the lock file")
    lock.add_argument("--data", help="the data folder (default: from mkdocs.yml, else data)")
    lock.add_argument("--lock", help="the notice lock file (default: notices.lock.json)")
    lock.add_argument("--force", action="store_true",
                      help="rewrite a locked version whose text changed (changes history)")
    lock.add_argument("--correct", nargs=2, metavar=("PROGRAM", "VERSION"),
                      help="record the edited archived text of an earlier version as a "
                           "correction (shown on the notice's history page)")
    lock.add_argument("--language", metavar="LANG",
                      help="with --correct: the edited text is the one in this language "
                           "(e.g. de); without it, the default language's")
    lock.add_argument("--retire", metavar="PROGRAM",
                      help="keep the published history of a removed program as retired")
    lock.add_argument("--reason", help="why (for --correct and --retire)")

    new = sub.add_parser("new", parents=[common],
                         help="start a program file, or add a vendor, a transfer or a "
                              "retention rule, with every required key to fill in")
    new.add_argument("kind", choices=("program", "vendor", "transfer", "retention"))
    new.add_argument("id", metavar="ID", help="lower-case letters, digits, hyphens")
    new.add_argument("--data", help="the data folder (default: from mkdocs.yml, else data)")

    schema = sub.add_parser("schemas", parents=[common],
                            help="write the JSON Schemas of the data files")
    schema.add_argument("--out", help="the folder to write (default: schemas)")
    schema.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when the committed schemas are stale")

    owners = sub.add_parser("codeowners", parents=[common],
                            help="write .github/CODEOWNERS from the data's approvers and "
                                 "program owners")
    owners.add_argument("--data", help="the data folder (default: from mkdocs.yml, else data)")
    owners.add_argument("--today", help="the date rules treat as today (YYYY-MM-DD)")

    summary = sub.add_parser("pr-summary", parents=[common],
                             help="Markdown of what readers will see change between two refs")
    summary.add_argument("--base", required=True, help="the git ref to compare with")
    summary.add_argument("--head", help="the git ref to compare (default: the working tree)")
    summary.add_argument("--data", help="the data folder (default: from mkdocs.yml, else data)")
    summary.add_argument("--head-name", help="what the summary calls the head (default: the "
                                             "ref and its commit, or the working tree)")
    summary.add_argument("--out", help="write the Markdown to this file instead of stdout")

    comment = sub.add_parser("pr-comment",
                             help="post a pr-summary as the pull request's one sticky comment "
                                  "(GitHub Actions), else write it to the job summary")
    comment.add_argument("file", metavar="FILE", help="the Markdown pr-summary wrote")
    comment.add_argument("--pr", type=int, help="the pull request's number (default: from "
                                                "the event of the run)")

    render = sub.add_parser("render", parents=[common],
                            help="write every page as Markdown with front matter, and the "
                                 "navigation, for another generator")
    render.add_argument("--out", required=True, metavar="DIR",
                        help="the folder to write (new, empty, or an earlier render)")

    verify = sub.add_parser("verify-manifest",
                            help="check a built site against its govportal-manifest.json, and that "
                                "the portal's plugin built it (its notices)")
    verify.add_argument("site_dir", metavar="SITE_DIR", nargs="?", default="site",
                        help="the built site (default: site)")

    tr = sub.add_parser("translations", parents=[common], help="translations: status, texts "
                        "to translate (todo), record the sources translated (stamp)")
    tr.add_argument("action", choices=("status", "todo", "stamp", "catalog"))
    tr.add_argument("where", nargs="*", metavar="LANG [KIND [RECORD [KEY]]]")
    return top
