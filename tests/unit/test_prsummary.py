"""``govportal pr-summary`` between two real commits of a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CASES, ROOT

BASE = CASES / "valid" / "minimal"
GIT_ENV = {"GIT_AUTHOR_NAME": "Policy Owner", "GIT_AUTHOR_EMAIL": "owner@example.com",
           "GIT_COMMITTER_NAME": "Policy Owner", "GIT_COMMITTER_EMAIL": "owner@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}, check=True, timeout=60)
    return done.stdout.strip()


def summary(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "PYTHONPATH": str(ROOT / "plugins")}
    return subprocess.run([sys.executable, "-m", "govportal.cli", "pr-summary", *args],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=120)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Commit 1: the minimal data. Commit 2: a longer period, a new recipient, manager guide
    changes, a version bump, and a new program."""
    repo = tmp_path / "policy"
    shutil.copytree(BASE, repo / "data")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Publish the learning notice")
    edit(repo / "data" / "retention.yaml", "period: 2 years", "period: 3 years")
    program = repo / "data" / "programs" / "learning.yaml"
    edit(program, "automated_decisions:", "  - {name: Coaching Co, kind: third_party, "
         "purpose: Sends tips.}\nautomated_decisions:")
    edit(program, 'version: "1.0"\n  effective: 2026-01-15',
         'version: "1.1"\n  effective: 2026-11-01')
    edit(program, "  changelog:\n", '  changelog:\n    - {version: "1.1", date: 2026-10-01, '
         "summary: Records are kept longer and a coaching provider helps., material: true}\n")
    edit(program, "may_use: [What the person chooses to tell you]",
         "may_use: [What the person chooses to tell you, Quiz pass or fail]")
    edit(program, "never_use: [Anything not in your manager view]",
         "never_use: [Item-level answers]")
    coaching = program.read_text(encoding="utf-8").replace("id: learning", "id: coaching")
    coaching = coaching.replace("title: Learning records", "title: Coaching tips")
    (repo / "data" / "programs" / "coaching.yaml").write_text(coaching, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Keep records longer; add coaching")
    return repo


EXPECTED = """\
## What employees and managers will see change

Comparing the policy data of `HEAD~1 ({base})` with `HEAD ({head})`.

### Coaching tips (`coaching`, new program)

- Notice version 1.1, in effect from 1 November 2026

**Employees will read**

- Purposes: Planning your development with your manager.
- Recipients: Coaching Co, Example LMS Ltd
- Information used: Name, Course status
- Learning records kept 3 years

**Managers will read**

- Managers may use: Name
- Managers may use: Course status
- Managers may use: What the person chooses to tell you
- Managers may use: Quiz pass or fail
- Managers must never use: Item-level answers

### Learning records (`learning`, changed)

- Notice version 1.0 → 1.1, in effect from 1 November 2026 (marked material): Records are kept longer and a coaching provider helps.

**Employees will read**

- New recipient: Coaching Co (material)
- Learning records kept 3 years instead of 2 years (material)

**Managers will read**

- Managers may now use: Quiz pass or fail
- Managers must now never use: Item-level answers
- No longer on the never-use list: Anything not in your manager view
"""  # noqa: E501


def test_summary_between_two_commits(repo: Path) -> None:
    result = summary(repo, "--base", "HEAD~1", "--head", "HEAD")
    assert (result.returncode, result.stderr) == (0, "")
    base, head = git(repo, "rev-parse", "--short", "HEAD~1"), git(repo, "rev-parse", "--short",
                                                                   "HEAD")
    assert result.stdout == EXPECTED.format(base=base, head=head)


def test_head_defaults_to_the_working_tree(repo: Path) -> None:
    edit(repo / "data" / "retention.yaml", "period: 3 years", "period: 18 months")
    program = repo / "data" / "programs" / "learning.yaml"
    edit(program, "Coaching Co", "Coaching Company")
    result = summary(repo, "--base", "HEAD")
    head = git(repo, "rev-parse", "--short", "HEAD")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2] == (f"Comparing the policy data of `HEAD ({head})` "
                                             "with the working tree.")
    section = result.stdout[result.stdout.index("### Learning records"):]
    assert section.splitlines()[2:] == [
        "- :warning: The notice changes but its version stays 1.1: bump it and add a "
        "changelog entry",
        "",
        "**Employees will read**",
        "",
        "- New recipient: Coaching Company (material)",
        "- No longer shared with: Coaching Co",
        "- Learning records kept 18 months instead of 3 years",
    ]
    assert "### Coaching tips" in result.stdout  # the new program's period changed too


def test_nothing_to_report(repo: Path) -> None:
    result = summary(repo, "--base", "HEAD", "--head", "HEAD")
    assert result.returncode == 0
    assert result.stdout.endswith("\nNothing that employees or managers read changes.\n")


def test_data_text_cannot_ping_or_inject(repo: Path) -> None:
    program = repo / "data" / "programs" / "learning.yaml"
    edit(program, "name: Coaching Co,",
         'name: "Coaching <img src=x> @everyone [x](https://evil.example)",')
    result = summary(repo, "--base", "HEAD")
    line = next(x for x in result.stdout.splitlines() if x.startswith("- New recipient"))
    # The recorded facts are plain text: the tag and the link are gone, the rest escaped.
    assert line == "- New recipient: Coaching \\@everyone x (material)"


def test_out_file_and_a_bad_ref(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "comment.md"
    assert summary(repo, "--base", "HEAD~1", "--head", "HEAD", "--out", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("## What employees and managers")
    bad = summary(repo, "--base", "no-such-branch")
    assert bad.returncode == 2
    assert bad.stderr == ("govportal pr-summary: 'no-such-branch' is not a commit, branch or "
                          "tag in policy\n")
