"""Mutation testing of the core: how many planted faults the test suite catches, per module.

    make mutation                                   # every core module; rewrites the page
    python bench/mutation.py --module rules/facts.py --no-page      # one module, a quick look
    python bench/mutation.py --ref main --json before.json --no-page  # the suite of a commit
    python bench/mutation.py --page-from bench/results/mutation.json # rewrite the page only

mutmut (a well-kept mutation tester) changes one small thing at a time in a copy of the code
(``<`` becomes ``<=``, ``"a"`` becomes ``"XXaXX"``, a ``return x`` becomes ``return None``,
…) and runs the tests that reach the changed function; a mutant that no test notices
*survives*. This script stages a copy of the project (mutmut expects the package under
``src/``), runs mutmut on each core module in turn at low priority and on one core, reads
mutmut's verdicts, and writes ``bench/results/mutation.json`` and the results table of
``content/mutation-testing.md``. Surviving mutants judged equivalent (they cannot change
what the code does) are listed with the reason in ``bench/mutation-equivalents.yaml``.

The tests that drive it are the in-process ones (``tests/unit``, the sanitiser's, the
history and prsummary checks); site builds run as separate processes and would not see the
mutant. Not part of ``make test``: a full run takes an hour or more on two cores.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from govportal.pages.environment import reader_date
from govportal.text.safe_markdown import escape_text

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "mutation.json"
EQUIVALENTS = HERE / "mutation-equivalents.yaml"
PAGE = ROOT / "content" / "mutation-testing.md"
START, END = "<!-- mutation:results:start -->", "<!-- mutation:results:end -->"
TARGET = 0.90

# The core modules, as paths under plugins/govportal/ (issue: "Mutation testing as a habit").
CORE = (
    "rules/decisions.py", "rules/facts.py", "rules/evidence.py",
    *(f"rules/families/{n}.py" for n in (
        "analytics", "consent", "content", "disclosures", "incident", "launch", "markup",
        "references", "retention", "review", "transfers", "vendors", "views")),
    "text/safe_markdown.py", "data/yaml_reader.py",
    *(f"changes/{n}.py" for n in (
        "archive", "control", "facts", "fingerprint", "history", "lock", "prsummary")),
    "publish/edition_scan.py", "publish/site_readings.py", "publish/exports.py",
)
# The tests of each part of the core (in-process ones; site builds run as separate processes
# and would not see a mutant). mutmut then picks, for each mutant, those that reach its
# function. A module's rate is thus what its own tests catch, not the whole suite's.
_DISCLOSURES = ("tests/unit/test_catalog.py", "tests/unit/test_disclosure_gate.py",
                "tests/unit/test_decisions.py")
_RULES = ("tests/unit/test_rules.py", "tests/unit/test_rule_helpers.py",
          "tests/unit/test_cases.py")
_CHANGES = ("tests/unit/test_changes.py", "tests/unit/test_prsummary.py",
            "tests/unit/test_translation_lock.py")  # the last: each language's change control
TESTS: dict[str, tuple[str, ...]] = {
    "rules/decisions.py": _DISCLOSURES, "rules/facts.py": _DISCLOSURES,
    "rules/evidence.py": (*_DISCLOSURES, "tests/unit/test_evidence.py",
                          "tests/unit/test_evidence_program.py"),
    "rules/families/content.py": ("tests/unit/test_rules.py", "tests/unit/test_cases.py",
                                  "tests/unit/test_rules_page.py",
                                  "tests/unit/test_family_content.py"),
    "rules/families/disclosures.py": (*_DISCLOSURES, "tests/unit/test_cases.py",
                                      "tests/unit/test_family_disclosures.py"),
    "rules/families/analytics.py": (*_RULES, "tests/unit/test_family_analytics.py"),
    "rules/families/consent.py": (*_RULES, "tests/unit/test_family_consent.py"),
    "rules/families/incident.py": (*_RULES, "tests/unit/test_family_incident.py"),
    "rules/families/launch.py": (*_RULES, "tests/unit/test_family_launch.py"),
    "rules/families/markup.py": ("tests/unit/test_hostile.py", "tests/unit/test_rules.py",
                                 "tests/unit/test_cases.py",
                                 "tests/unit/test_family_content.py"),
    "rules/families/references.py": ("tests/unit/test_cases.py", "tests/unit/test_rules.py",
                                     "tests/unit/test_hostile.py",
                                     "tests/unit/test_rules_references.py"),
    "rules/families/retention.py": (*_RULES, "tests/unit/test_rules_retention.py"),
    "rules/families/review.py": (*_RULES, "tests/unit/test_rules_review.py"),
    "rules/families/transfers.py": (*_RULES, "tests/unit/test_rules_transfers.py"),
    "rules/families/vendors.py": (*_RULES, "tests/unit/test_rules_vendors.py"),
    "rules/families/views.py": (*_RULES, "tests/unit/test_rules_views.py"),
    "text/safe_markdown.py": ("tests/security/test_sanitizer.py",
                              "tests/unit/test_plain_text_shortcut.py",
                              "tests/unit/test_safe_markdown.py"),
    "data/yaml_reader.py": ("tests/unit/test_yamlsafe.py", "tests/unit/test_hostile.py",
                            "tests/unit/test_yaml_reader.py"),
    "publish/edition_scan.py": ("tests/unit/test_edition_scan.py", "tests/unit/test_site_scan.py"),
    "publish/site_readings.py": ("tests/unit/test_edition_scan.py",
                                 "tests/unit/test_site_scan.py",
                                 "tests/unit/test_markup_patterns.py"),
    "publish/exports.py": ("tests/unit/test_exports.py", "tests/unit/test_exports_files.py"),
    "changes/facts.py": (*_CHANGES, "tests/unit/test_change_facts.py",
                         "tests/unit/test_fact_names.py"),
    "changes/archive.py": (*_CHANGES, "tests/unit/test_change_archive.py"),
    "changes/lock.py": (*_CHANGES, "tests/unit/test_change_lock.py"),
    "changes/history.py": (*_CHANGES, "tests/unit/test_change_history.py",
                           "tests/unit/test_change_history_languages.py",
                           "tests/unit/test_fact_names.py"),
    "changes/control.py": (*_CHANGES, "tests/unit/test_change_control.py",
                           "tests/unit/test_change_control_languages.py"),
    "changes/prsummary.py": (*_CHANGES, "tests/unit/test_change_prsummary.py",
                             "tests/unit/test_i18n.py"),
}
for _path in CORE:
    if _path.startswith("rules/families/"):
        TESTS.setdefault(_path, _RULES)
    elif _path.startswith("changes/"):
        TESTS.setdefault(_path, _CHANGES)
# Added to the staged copy's tests/conftest.py. mutmut runs each mutant in a process forked
# from one that already ran the suite once, so the portal's memos (converted Markdown, the
# catalog's requirements, the scan's word sets) would answer from the unmutated code, and a
# mutant in a memoised function could never be caught. Each test starts with them empty.
FRESH_CACHES = """

@pytest.fixture(autouse=True)
def _fresh_portal_caches():
    import functools
    for name, module in list(sys.modules.items()):
        if not name.startswith("govportal.") or name.startswith("govportal.rules.catalog"):
            continue
        if module is None:
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()
    decisions = sys.modules.get("govportal.rules.decisions")
    if decisions is not None:
        decisions._CATALOG_REQUIREMENTS.clear()
    yield
"""
# mutmut leaves every decorated function alone, and each governance rule is a function under
# ``@rule(…)``, the sanitiser's entry points are memoised (``@_memo``): in the staged copy, each
# such decorator becomes a call after the module's last line (``f = rule(…)(f)``,
# ``f = _memo(f)``), its own lines left blank so every line keeps its number. The rule then
# registers mutmut's trampoline, the memo wraps it, and the tests can catch its mutants.
RULE_MODULES = "plugins/govportal/rules/families"
# the modules whose @_memo is staged as a call
MEMOISED = ("plugins/govportal/text/safe_markdown.py", "plugins/govportal/publish/edition_scan.py")
STAGED_DECORATORS = ("rule", "_memo")


def undecorate_rules(source: str) -> str:
    """``source`` with each top-level ``@rule(…)`` or ``@_memo`` decorator moved to a call
    at the end."""
    lines = source.splitlines(keepends=True)
    calls = []
    for node in ast.parse(source).body:
        if not isinstance(node, ast.FunctionDef) or len(node.decorator_list) != 1:
            continue
        deco = node.decorator_list[0]
        called = deco.func if isinstance(deco, ast.Call) else deco
        if not (isinstance(called, ast.Name) and called.id in STAGED_DECORATORS):
            continue
        calls.append(f"{node.name} = {ast.get_source_segment(source, deco)}({node.name})\n")
        for n in range(deco.lineno - 1, deco.end_lineno or deco.lineno):
            lines[n] = "\n"
    return "".join(lines) + ("\n" if calls else "") + "".join(calls)


STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests",
          34: "skipped", 36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout",
          255: "timeout", -9: "killed", -11: "killed", None: "not checked"}


def module_name(path: str) -> str:
    return "govportal." + path.removesuffix(".py").replace("/", ".")


def stage(dest: Path, ref: str | None) -> Path:
    """A copy of the project at ``ref`` (else the working tree, uncommitted files included)
    with ``src`` pointing at ``plugins`` (mutmut's source layout) and mutmut's settings."""
    dest.mkdir(parents=True, exist_ok=True)
    if ref:
        archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=ROOT,
                                 check=True, capture_output=True).stdout
        with tempfile.TemporaryFile() as tmp:
            tmp.write(archive)
            tmp.seek(0)
            with tarfile.open(fileobj=tmp) as tar:
                tar.extractall(dest, filter="data")
    else:
        listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"],
                                cwd=ROOT, check=True, capture_output=True, text=True).stdout
        for name in filter(None, listed.split("\0")):
            src = ROOT / name
            if src.is_file():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest / name)
    for module in [*(dest / RULE_MODULES).glob("*.py"), *(dest / m for m in MEMOISED)]:
        module.write_text(undecorate_rules(module.read_text(encoding="utf-8")),
                          encoding="utf-8")
    (dest / "src").symlink_to("plugins")
    with (dest / "tests" / "conftest.py").open("a", encoding="utf-8") as f:
        f.write(FRESH_CACHES)
    (dest / "pyproject.base.toml").write_bytes((dest / "pyproject.toml").read_bytes())
    return dest


def configure(dest: Path, path: str) -> list[str]:
    """mutmut's settings for one module: only it is mutated, with its tests (those the
    staged commit has). Returns the tests."""
    tests = [t for t in TESTS[path] if (dest / t).exists()]
    others = sorted(p.name for p in dest.iterdir()
                    if p.name not in {"src", "mutants", "pyproject.base.toml"})
    settings = {
        "source_paths": ["src/govportal"],
        "only_mutate": [f"src/govportal/{path}"],
        "also_copy": others,
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-q", "-m", "not browser"],
        "pytest_add_cli_args_test_selection": tests,
        "use_git_change_detection": False,
    }
    lines = ["", "[tool.mutmut]"] + [f"{k} = {json.dumps(v)}" for k, v in settings.items()]
    base = (dest / "pyproject.base.toml").read_text(encoding="utf-8")
    (dest / "pyproject.toml").write_text(base + "\n".join(lines) + "\n", encoding="utf-8")
    return tests


def run_module(work: Path, path: str, log: Any) -> None:
    """mutmut on one module with its tests, at low priority, one mutant at a time."""
    tests = configure(work, path)
    shutil.rmtree(work / "mutants", ignore_errors=True)  # a fresh copy: this module, its tests
    if not tests:
        raise SystemExit(f"{path}: none of its tests exist in this commit: {TESTS[path]}")
    mutmut = Path(sys.executable).with_name("mutmut")
    cmd = ["nice", "-n", "10", str(mutmut), "run", "--max-children", "1",
           f"{module_name(path)}.*"]
    # not under CI's rules for skips: mutmut itself decides which tests run
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    out = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True)
    (work / f"mutmut-{path.replace('/', '_')}.log").write_text(out.stdout + out.stderr)
    if out.returncode != 0:
        log(f"{path}: mutmut exited {out.returncode}; see its log in {work}")


def verdicts(work: Path, path: str) -> dict[str, str]:
    """Mutant name -> status, from mutmut's record of the module."""
    meta = work / "mutants" / "src" / "govportal" / f"{path}.meta"
    if not meta.is_file():
        return {}
    data = json.loads(meta.read_text(encoding="utf-8"))
    return {name: STATUS.get(code, "suspicious")
            for name, code in sorted(data.get("exit_code_by_key", {}).items())}


def diff(work: Path, name: str) -> str:
    mutmut = Path(sys.executable).with_name("mutmut")
    out = subprocess.run([str(mutmut), "show", name], cwd=work, capture_output=True,
                         text=True)
    lines = [line for line in out.stdout.splitlines()
             if line.startswith(("-", "+")) and not line.startswith(("---", "+++"))]
    return "\n".join(lines)


def load_equivalents(path: Path = EQUIVALENTS) -> dict[str, dict[str, str]]:
    """Mutant name -> {diff, reason}, each judged by a person."""
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def summarise(path: str, statuses: dict[str, str], diffs: dict[str, str],
              equivalents: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The figures of one module: a mutant listed as equivalent counts only while its change
    is still the one that was judged."""
    caught = sum(1 for s in statuses.values() if s in ("killed", "timeout"))
    survivors = {n: diffs.get(n, "") for n, s in statuses.items()
                 if s not in ("killed", "timeout")}
    equivalent = {n: equivalents[n]["reason"] for n, d in survivors.items()
                  if n in equivalents and equivalents[n].get("diff", "").strip() == d.strip()}
    scored = len(statuses) - len(equivalent)
    return {
        "module": path, "mutants": len(statuses), "killed": caught,
        "equivalent": len(equivalent),
        "kill_rate": round(caught / scored, 4) if scored else None,
        "survivors": [{"name": n, "status": statuses[n], "diff": d,
                       "equivalent": equivalent.get(n)} for n, d in survivors.items()],
    }


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{100 * rate:.1f} %"


def inert(reason: str) -> str:
    """A judge's reason as the page shows it: its code spans (between backticks) kept, the
    rest made plain text (``[[kind:id]]``, ``*``, ``<`` shown as written, not as Markdown)."""
    parts = reason.split("`")
    if len(parts) % 2 == 0:  # an unclosed backtick: nothing is code
        return escape_text(reason)
    return "`".join(part if i % 2 else escape_text(part) for i, part in enumerate(parts))


def markdown(report: dict[str, Any]) -> str:
    """The results table, then every survivor judged equivalent with its reason."""
    before = {m["module"]: m for m in report.get("before", [])}
    out = [f"Measured on {reader_date(report['date'])} with `{report['command']}` at commit "
           f"`{report['commit']}` (mutmut {report['mutmut']}); the *before* column is the "
           f"suite of commit `{report.get('before_commit', '–')}`.", "",
           "| Module | Killed of mutants (equivalent) | Kill rate: before → now (target 90 %) |",
           "|---|---|---|"]
    for m in report["modules"]:
        b = before.get(m["module"], {})
        if not m.get("measured", True):
            was = f"{percent(b['kill_rate'])} → " if b.get("kill_rate") is not None else ""
            out.append(f"| {m['module']} | not measured yet | {was}not measured yet |")
            continue
        met = m["kill_rate"] is not None and m["kill_rate"] >= TARGET
        out.append(f"| {m['module']} | {m['killed']} of {m['mutants']} ({m['equivalent']}) "
                   f"| {percent(b.get('kill_rate'))} → {percent(m['kill_rate'])}, "
                   f"{'met' if met else 'missed'} |")
    listed = [(m["module"], s) for m in report["modules"] for s in m["survivors"]
              if s["equivalent"]]
    out += ["", "### Surviving mutants judged equivalent", ""]
    if not listed:
        out.append("None.")
    for module, s in listed:
        out += [f"- `{s['name']}` ({module}): {inert(s['equivalent'])}", "",
                "    ```diff", *(f"    {line}" for line in s["diff"].splitlines()),
                "    ```", ""]
    others = [(m["module"], s) for m in report["modules"] for s in m["survivors"]
              if not s["equivalent"]]
    out += ["", "### Surviving mutants not yet killed", ""]
    out.append("None." if not others else
               ", ".join(f"`{s['name']}` ({s['status']})" for _, s in others))
    return "\n".join(out).rstrip() + "\n"


def write_page(text: str, page: Path = PAGE) -> None:
    """Replace the results between the markers of the page."""
    current = page.read_text(encoding="utf-8")
    if START not in current or END not in current:
        raise SystemExit(f"{page} has no {START} … {END} markers")
    head, rest = current.split(START, 1)
    _, tail = rest.split(END, 1)
    page.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")


def measure(modules: list[str], ref: str | None, keep: Path | None, log: Any,
            save: Any = None) -> list[dict]:
    """Each module's figures; ``save`` gets the figures so far after each module (a long
    run that is stopped keeps what it measured)."""
    work = keep or Path(tempfile.mkdtemp(prefix="govportal-mutation-"))
    try:
        stage(work / "project", ref)
        equivalents = load_equivalents()
        out = []
        for path in modules:
            log(f"{path}: running")
            run_module(work / "project", path, log)
            statuses = verdicts(work / "project", path)
            diffs = {n: diff(work / "project", n) for n, s in statuses.items()
                     if s not in ("killed", "timeout")}
            out.append(summarise(path, statuses, diffs, equivalents))
            log(f"{path}: {out[-1]['killed']}/{out[-1]['mutants']} killed, "
                f"{out[-1]['equivalent']} equivalent, {percent(out[-1]['kill_rate'])}")
            if save is not None:
                save(out)
        return out
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", action="append", choices=CORE,
                        help="a core module (repeatable; default: all)")
    parser.add_argument("--ref", help="test the code and suite of this commit (default: the "
                        "working tree)")
    parser.add_argument("--json", default=str(RESULTS))
    parser.add_argument("--merge", action="store_true",
                        help="keep the other modules' figures already in the JSON file")
    parser.add_argument("--before", metavar="JSON",
                        help="figures of an earlier run to show as the 'before' column")
    parser.add_argument("--keep", metavar="DIR", help="work here and keep it (for `mutmut "
                        "browse` or `mutmut show` afterwards)")
    parser.add_argument("--no-page", action="store_true")
    parser.add_argument("--page-from", metavar="JSON")
    args = parser.parse_args(argv)
    if args.page_from:
        write_page(markdown(json.loads(Path(args.page_from).read_text(encoding="utf-8"))))
        return 0
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f} s] {message}", file=sys.stderr,
              flush=True)

    modules = args.module or list(CORE)
    keep = Path(args.keep).resolve() if args.keep else None
    target = Path(args.json)
    previous = json.loads(target.read_text(encoding="utf-8")) if target.is_file() else {}
    commit = subprocess.run(["git", "rev-parse", "--short", args.ref or "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()

    def save(results: list[dict]) -> dict[str, Any]:
        report = make_report(args, modules, commit, previous, results)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n",
                          encoding="utf-8")
        return report

    results = measure(modules, args.ref, keep, log, save)
    report = save(results)
    if not args.no_page:
        write_page(markdown(report))
    missed = [m["module"] for m in report["modules"]
              if m.get("measured", True) and (m["kill_rate"] or 0) < TARGET]
    log(f"done; under {percent(TARGET)}: {', '.join(missed) or 'none'}")
    return 0


def make_report(args: Any, modules: list[str], commit: str, previous: dict[str, Any],
                results: list[dict]) -> dict[str, Any]:
    """The results file: these modules' figures (merged into the previous ones with
    ``--merge``), and the earlier figures shown as "before"."""
    from importlib import metadata

    if args.merge and previous:
        done = {m["module"] for m in results}
        results = [m for m in previous.get("modules", [])
                   if m["module"] not in done and m.get("measured", True)] + results
    measured = {m["module"] for m in results}
    results = sorted([*results, *({"module": path, "measured": False, "mutants": 0,
                                   "killed": 0, "equivalent": 0, "kill_rate": None,
                                   "survivors": []} for path in CORE if path not in measured)],
                     key=lambda m: CORE.index(m["module"]))
    report = {
        "date": dt.date.today().isoformat(),
        "command": "make mutation" if not args.module else
        "python bench/mutation.py " + " ".join(f"--module {m}" for m in modules),
        "commit": commit + ("" if args.ref else " + working tree"),
        "mutmut": metadata.version("mutmut"), "modules": results,
    }
    if args.before:
        before = json.loads(Path(args.before).read_text(encoding="utf-8"))
        report["before"] = [{k: m[k] for k in ("module", "mutants", "killed", "kill_rate")}
                            for m in before["modules"] if m.get("measured", True)]
        report["before_commit"] = before["commit"]
    elif previous.get("before"):
        report["before"], report["before_commit"] = previous["before"], previous["before_commit"]
    return report


if __name__ == "__main__":
    sys.exit(main())
