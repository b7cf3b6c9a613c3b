"""The code's shape says what it does: the rules of "How the code is laid out" (README).

The import layers themselves are import-linter contracts (pyproject.toml), run by
``make lint`` and ``make test``; these tests hold the rest: every stage is a subpackage with
a docstring that says what it may and must never import, no module grows past 400 lines,
no grab-bag names, and the MkDocs glue stays glue.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "plugins" / "govportal"
STAGES = ("text", "data", "rules", "pages", "changes", "publish", "pipeline")
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 400
GLUE_MAX_LINES = 150


def test_the_package_has_modules() -> None:
    assert len(MODULES) > 40


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_says_what_it_holds_and_what_it_may_import(stage: str) -> None:
    init = PACKAGE / stage / "__init__.py"
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    assert "Holds" in doc, f"{stage}/__init__.py: say what the stage holds"
    assert "May import" in doc and "Must never import" in doc, (
        f"{stage}/__init__.py: say what the stage may and must never import")


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_is_over_400_lines(module: Path) -> None:
    lines = module.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{lines} lines: split it by what it holds"


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_names_say_what_a_module_holds(module: Path) -> None:
    assert not re.search(r"(^|_)(glue|misc|utils?|helpers?|common|stuff)(_|$)", module.stem)


def test_the_mkdocs_glue_is_events_and_options_only() -> None:
    glue = PACKAGE / "plugin.py"
    assert glue.read_text(encoding="utf-8").count("\n") <= GLUE_MAX_LINES
    importers = [p.relative_to(PACKAGE).as_posix() for p in MODULES
                 if re.search(r"^\s*(from|import) (mkdocs|material)\b",
                              p.read_text(encoding="utf-8"), re.M)]
    assert importers == ["plugin.py"]


def test_the_import_contracts_hold() -> None:
    run = subprocess.run([str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 kept, 0 broken" in run.stdout
