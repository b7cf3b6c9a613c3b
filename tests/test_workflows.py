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


def _workflow(name: str) -> dict:
    import yaml

    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def test_publishing_attests_the_manifest_after_verifying_it() -> None:
    build = _workflow("publish.yml")["jobs"]["build"]
    assert build["permissions"] == {"contents": "read", "id-token": "write",
                                    "attestations": "write"}
    steps = [s.get("uses", s.get("run", "")) for s in build["steps"]]
    verify = steps.index(".venv/bin/govportal verify-manifest site")
    attest = next(i for i, s in enumerate(steps) if s.startswith(
        "actions/attest-build-provenance@"))
    upload = next(i for i, s in enumerate(steps) if s.startswith(
        "actions/upload-pages-artifact@"))
    assert verify < attest < upload
    assert build["steps"][attest]["with"] == {"subject-path": "site/govportal-manifest.json"}


def test_pull_requests_compare_the_notice_history_with_their_base() -> None:
    job = _workflow("pr.yml")["jobs"]["check-and-build"]
    assert job["steps"][0]["with"]["fetch-depth"] == 0
    check = next(s for s in job["steps"] if "make check" in s.get("run", ""))
    assert '--base origin/$BASE_REF' in check["run"]
    assert check["env"] == {"BASE_REF": "${{ github.base_ref }}"}
