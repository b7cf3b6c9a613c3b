"""Broken and hostile data: every case ends in its expected, located problem, never a traceback.

``tests/cases/hostile/<case>/`` holds the files laid over the valid minimal case (as for
``tests/cases/invalid``) and ``expected.txt``: the expected problems in order, each as the
first line of ``Problem.format_text()``, optionally followed by its ``    hint:`` line (then
the hint is compared too). ``*:*`` in place of a line and column accepts any position, for
the few cases where the position says nothing. Cases too big to commit are generated into
the temporary copy by :data:`GENERATORS`; cases that must load without a problem say what
the value stays in :data:`VALUES`. See ``tests/cases/hostile/README.md``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from govportal import pipeline
from govportal.data import yaml_reader
from govportal.data.policy import Policy
from govportal.rules import registry
from tests.conftest import CASES, ROOT, copy_case

BASE = CASES / "valid" / "minimal"
HOSTILE = CASES / "hostile"
TODAY = dt.date(2026, 11, 22)
ALL = sorted(p for p in HOSTILE.iterdir() if p.is_dir())
PROGRAM = (BASE / "programs" / "learning.yaml").read_text(encoding="utf-8")


def _huge_file(data: Path) -> None:
    filler = "# " + "x" * 98 + "\n"
    text = PROGRAM + filler * (yaml_reader.MAX_BYTES // len(filler) + 1)
    (data / "programs" / "learning.yaml").write_text(text, encoding="utf-8")


def _too_many_values(data: Path) -> None:
    (data / "mistakes.yaml").write_text(
        "mistakes: [" + "1, " * (yaml_reader.MAX_NODES + 1) + "1]\n", encoding="utf-8")


def _deep_nesting(data: Path) -> None:
    (data / "inventory.yaml").write_text("fields: " + "[" * 10_000 + "]" * 10_000 + "\n",
                                         encoding="utf-8")


def _text_too_long(data: Path) -> None:
    text = PROGRAM.replace("summary: Course completion status shared with managers.",
                           "summary: " + "Managers see course status. " * 800)
    (data / "programs" / "learning.yaml").write_text(text, encoding="utf-8")


def _symlink_outside(data: Path) -> None:
    secret = data.parent / "outside" / "secrets.yaml"
    secret.parent.mkdir()
    secret.write_text("api_token: do-not-publish-me\n", encoding="utf-8")
    (data / "vendors.yaml").unlink()
    os.symlink(secret, data / "vendors.yaml")


def _programs_folder_outside(data: Path) -> None:
    outside = data.parent / "elsewhere"
    outside.mkdir()
    (outside / "learning.yaml").write_text("api_token: do-not-publish-me\n", encoding="utf-8")
    shutil.rmtree(data / "programs")
    os.symlink(outside, data / "programs")


def _dangling_link_outside(data: Path) -> None:
    (data / "vendors.yaml").unlink()
    os.symlink(data.parent / "no-such-file-anywhere.yaml", data / "vendors.yaml")


def _pipe_as_data_file(data: Path) -> None:
    (data / "vendors.yaml").unlink()
    os.mkfifo(data / "vendors.yaml")


def _hidden_special_files(data: Path) -> None:
    os.symlink("/dev/zero", data / ".zeros")
    os.mkfifo(data / "programs" / ".pipe.yaml")
    os.symlink(data.parent / "outside.yaml", data / "programs" / ".hidden-link.yaml")


def _missing_programs(data: Path) -> None:
    shutil.rmtree(data / "programs")


def _list_item(data: Path, text: str) -> None:
    """``text`` as the first item of the manager guide's ``may_use`` list."""
    program = data / "programs" / "learning.yaml"
    old = "may_use: [What the person chooses to tell you]"
    source = program.read_text(encoding="utf-8")
    assert old in source
    quoted = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    program.write_text(source.replace(old, f'may_use: ["{quoted}"]'), encoding="utf-8")


GENERATORS: dict[str, Callable[[Path], None]] = {
    "huge-file": _huge_file,
    "too-many-values": _too_many_values,
    "deep-nesting": _deep_nesting,
    "text-too-long": _text_too_long,
    "symlink-outside-data": _symlink_outside,
    "missing-programs-folder": _missing_programs,
    "symlink-programs-folder": _programs_folder_outside,
    "symlink-dangling-outside": _dangling_link_outside,
    "pipe-as-data-file": _pipe_as_data_file,
    "hidden-special-files": _hidden_special_files,
    # One text field that would stall or crash the conversion (20,000 characters each).
    "stall-brackets": lambda data: _list_item(data, "[" * 20_000),
    "stall-image-links": lambda data: _list_item(data, "[![" * 6_666),
    "stall-images": lambda data: _list_item(data, "![" * 10_000),
    "stall-open-links": lambda data: _list_item(data, "[a " * 6_666),
    "stall-nested-markers": lambda data: _list_item(data, "1. " * 6_666 + "x"),
    "stall-tags": lambda data: _list_item(data, "<a " * 6_666),
    "stall-lines": lambda data: _list_item(data, "a\n=\n" * 5_000),
}

# Cases that are valid data: what YAML 1.1 would have turned into something else stays text.
VALUES: dict[str, Callable[[Policy], object]] = {
    "norway-country": lambda p: [(j.id, j.country) for j in p.organisation.jurisdictions],
    "octal-text-stays": lambda p: p.vendors.vendors[0].dpa.reference,
    "octal-version": lambda p: p.programs["learning"].notice.version,
    "sexagesimal-text-stays": lambda p: p.playbook.tabletop.cadence,
    "template-injection": lambda p: (p.programs["learning"].summary,
                                     p.programs["learning"].manager_guide.ask),
    # Hidden files are neither checked nor read (nor part of the data fingerprint).
    "hidden-special-files": lambda p: sorted(p.sources),
}
EXPECTED_VALUES: dict[str, object] = {
    "norway-country": [("de", "DE"), ("no", "NO")],
    "octal-text-stays": "0755",
    "octal-version": "0755",
    "sexagesimal-text-stays": "1:30",
    "template-injection": ("{{ 7*7 }} {{ config.__class__ }}",
                           "{% raw %}{% for x in range(9) %}{% endraw %}"),
    "hidden-special-files": ["checklists.yaml", "clauses.yaml", "incident-response.yaml",
                             "inventory.yaml", "mistakes.yaml", "organisation.yaml",
                             "programs/learning.yaml", "retention.yaml", "roles.yaml",
                             "vendors.yaml"],
}


def prepare(case: Path, tmp: Path) -> Path:
    overlay = case / "data"
    data = copy_case(BASE, overlay if overlay.is_dir() else None, tmp / "data")
    if case.name in GENERATORS:
        GENERATORS[case.name](data)
    return data


def expected_entries(case: Path) -> list[tuple[str, str | None]]:
    """(problem line, hint or None) pairs from ``expected.txt``."""
    entries: list[tuple[str, str | None]] = []
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("    hint: "):
            entries[-1] = (entries[-1][0], line)
        else:
            entries.append((line, None))
    return entries


def matches(expected: str, actual: str) -> bool:
    pattern = re.escape(expected).replace(r":\*:\*:", r":\d+:\d+:")
    return re.fullmatch(pattern, actual) is not None


def test_the_corpus_is_large_enough() -> None:
    assert len(ALL) >= 40
    for name in [*GENERATORS, *VALUES]:
        assert (HOSTILE / name).is_dir(), name


@pytest.mark.parametrize("case", ALL, ids=[p.name for p in ALL])
def test_hostile_case_reports_exactly(case: Path, tmp_path: Path) -> None:
    data = prepare(case, tmp_path)
    result = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path)
    actual = [p.format_text().split("\n") for p in result.problems]
    expected = expected_entries(case)
    shown = "\n".join("\n".join(a) for a in actual)
    assert len(actual) == len(expected), shown
    for (line, hint), lines in zip(expected, actual, strict=True):
        assert matches(line, lines[0]), shown
        if hint is not None:
            assert lines[1:] == [hint], shown
    for problem in result.problems:
        assert problem.location.file.startswith("data/")
        assert problem.rule and problem.message
    if not expected:
        assert case.name in VALUES, "a case without problems must say what its value stays"
        assert VALUES[case.name](result.policy) == EXPECTED_VALUES[case.name]
        assert result.policy.complete


CLI_CASES = ["python-object-tag", "alias-bomb", "huge-file", "deep-nesting", "utf16-le",
             "invalid-utf8", "symlink-outside-data", "id-parent-dir", "control-character",
             "syntax-unclosed-quote", "same-url-two-program-files", "stall-brackets",
             "stall-nested-markers", "symlink-programs-folder", "pipe-as-data-file"]


@pytest.mark.parametrize("name", CLI_CASES)
def test_cli_reports_without_traceback(name: str, tmp_path: Path) -> None:
    case = HOSTILE / name
    prepare(case, tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    run = subprocess.run([sys.executable, "-m", "govportal.cli", "check", "--no-lock",
                          "--today", TODAY.isoformat()], cwd=tmp_path, capture_output=True,
                         text=True, env=env, timeout=120)
    output = run.stdout + run.stderr
    assert "Traceback" not in output
    assert run.returncode == 1, output
    first, _hint = expected_entries(case)[0]
    assert any(matches(first, line) for line in run.stdout.splitlines()), output
    assert "do-not-publish-me" not in output
