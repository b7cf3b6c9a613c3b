"""``govportal``: the policy owners' command line, sharing the plugin's core.

    govportal check [--data DIR] [--format text|github|json] [--strict] [--today YYYY-MM-DD]

Exit codes: 0 no problems (or only warnings without ``--strict``); 1 problems that fail
the build; 2 the command itself was used wrongly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import checks, core
from .problems import Severity

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _options(args: argparse.Namespace) -> checks.Options:
    severities = {}
    for item in args.severity or []:
        rule_id, _, level = item.partition("=")
        severities[rule_id] = Severity(level)
    return checks.Options(today=core.build_date(args.today), severities=severities)


def cmd_check(args: argparse.Namespace) -> int:
    data = Path(args.data)
    result = core.check(data, _options(args), label_base=Path.cwd())
    problems = result.problems
    if args.format == "github":
        text = problems.format_github()
        if text:
            print(text)
        print(problems.summary(), file=sys.stderr)
    elif args.format == "json":
        print(problems.format_json())
    else:
        print(problems.format_text() if len(problems) else "no problems found: "
              + problems.summary())
    return EXIT_PROBLEMS if problems.failed(strict=args.strict) else EXIT_OK


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="govportal", description=__doc__.split("\n\n")[0])
    sub = top.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the data and run every rule, no build")
    check.add_argument("--data", default="data", help="the data folder (default: data)")
    check.add_argument("--format", choices=("text", "github", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.add_argument("--today", help="the date rules treat as today (YYYY-MM-DD)")
    check.add_argument("--severity", action="append", metavar="RULE=LEVEL",
                       help="change a rule's severity: error, warning or off")
    check.set_defaults(func=cmd_check)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ValueError as exc:  # a bad --today or --severity value
        print(f"govportal: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
