"""The GitHub workflows pass actionlint (shipped as a binary in a PyPI wheel, see requirements)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint() -> str:
    """The actionlint beside this Python (the project's .venv), else the one on PATH."""
    here = Path(sys.executable).parent / "actionlint"
    found = str(here) if here.is_file() else shutil.which("actionlint")
    if found is None:
        message = "actionlint is not installed (it comes with requirements.txt: make test)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([actionlint(), "-no-color", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_there_are_workflows() -> None:
    names = {path.name for path in WORKFLOWS}
    assert {"pr.yml", "publish.yml"} <= names, names


def test_workflows_pass_actionlint() -> None:
    proc = run(*(str(path.relative_to(ROOT)) for path in WORKFLOWS))
    assert proc.returncode == 0, f"actionlint found problems:\n{proc.stdout}{proc.stderr}"


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
        "      - uses: actions/checkout@v5\n"
        "        with:\n"
        "          no-such-input: true\n",
        encoding="utf-8")
    proc = run(str(broken))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "no-such-input" in proc.stdout
    assert "github.event.pull_request.title" in proc.stdout  # script injection
