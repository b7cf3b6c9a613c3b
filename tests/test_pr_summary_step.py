"""The pull-request workflow's summary steps, run exactly as CI runs them.

The steps' shell scripts are read from ``.github/workflows/pr.yml`` and run with bash in a
real temporary git repository with two commits (the base branch as ``origin/main``, the pull
request's commit checked out), with ``govportal`` on the path as the workflow puts it there.
GitHub's API is a local server that records every request and answers as GitHub would: no
comment yet, a previous comment (and a duplicate), comments over two pages, or the read-only
token of a pull request from a fork.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import CASES, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None,
                                reason="needs git and bash")

WORKFLOW = ROOT / ".github" / "workflows" / "pr.yml"
STEPS = ("Summarise the change for reviewers", "Post it as the pull request's comment")
GIT_ENV = {"GIT_AUTHOR_NAME": "Policy Owner", "GIT_AUTHOR_EMAIL": "owner@example.com",
           "GIT_COMMITTER_NAME": "Policy Owner", "GIT_COMMITTER_EMAIL": "owner@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
MARKER = "<!-- govportal:pr-summary -->"

SUMMARY = """\
## What employees and managers will see change

Comparing the policy data of `origin/main ({base})` with this pull request ({head}).

### Learning records (`learning`, changed)

- Notice version 1.0 → 1.1, in effect from 1 November 2026 (marked material): Learning records are kept a year longer.

**Employees will read**

- Learning records kept 3 years instead of 2 years (material)
"""  # noqa: E501

BODY = MARKER + "\n" + SUMMARY + """
<sub>Posted by the pull-request workflow (`govportal pr-summary`) and updated on every push. It is a reading aid; the checks decide whether the change may be published.</sub>
"""  # noqa: E501


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}, check=True, timeout=60)
    return done.stdout.strip()


def job() -> dict[str, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["summary"]


def step(name: str) -> dict[str, Any]:
    found = [s for s in job()["steps"] if s.get("name") == name]
    assert len(found) == 1, f"pr.yml has no single step named {name!r}"
    return found[0]


def test_the_job_can_compare_and_comment() -> None:
    summary = job()
    assert summary["permissions"] == {"contents": "read", "pull-requests": "write"}
    checkout = summary["steps"][0]
    assert checkout["uses"] == "actions/checkout@v5"
    assert checkout["with"] == {"fetch-depth": 0}  # origin/<base> is there to compare with
    assert "make .venv/.installed" in step("Install govportal")["run"]
    assert step(STEPS[0])["env"] == {"BASE_REF": "${{ github.base_ref }}",
                                     "HEAD_SHA": "${{ github.event.pull_request.head.sha }}"}
    assert step(STEPS[1])["env"] == {"GITHUB_TOKEN": "${{ github.token }}",
                                     "PR_NUMBER": "${{ github.event.pull_request.number }}"}
    for name in STEPS:  # what pull request data reaches a script goes through env only
        assert "${{" not in step(name)["run"]


class FakeGitHub(BaseHTTPRequestHandler):
    """GitHub's issue-comment endpoints for one repository and pull request 7."""

    comments: list[dict[str, Any]] = []
    refuse_writes = False
    requests: list[tuple[str, str, str, Any]] = []

    def log_message(self, *args: Any) -> None:  # keep the test output quiet
        pass

    def _answer(self, status: int, payload: Any = None) -> None:
        data = json.dumps(payload).encode() if payload is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _record(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        FakeGitHub.requests.append((self.command, self.path,
                                    self.headers.get("Authorization", ""), body))
        return body

    def do_GET(self) -> None:
        self._record()
        prefix = "/repos/example/policy/issues/7/comments?per_page=100&page="
        if not self.path.startswith(prefix):
            return self._answer(404, {"message": "Not Found"})
        page = int(self.path.removeprefix(prefix))
        self._answer(200, FakeGitHub.comments[(page - 1) * 100:page * 100])

    def _write(self, status: int, payload: Any) -> None:
        if FakeGitHub.refuse_writes:
            return self._answer(403, {"message": "Resource not accessible by integration"})
        self._answer(status, payload)

    def do_POST(self) -> None:
        self._record()
        self._write(201, {"id": 99, "html_url": "https://github.example/pull/7#c99"})

    def do_PATCH(self) -> None:
        self._record()
        number = self.path.rsplit("/", 1)[-1]
        self._write(200, {"id": int(number), "html_url": f"https://github.example/pull/7#c{number}"})

    def do_DELETE(self) -> None:
        self._record()
        self._write(204, None)


@pytest.fixture
def github() -> Iterator[str]:
    FakeGitHub.comments, FakeGitHub.requests, FakeGitHub.refuse_writes = [], [], False
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGitHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Commit 1 on main (fetched as origin/main), commit 2 the pull request's: learning
    records kept a year longer, in a new notice version."""
    repo = tmp_path / "policy"
    shutil.copytree(CASES / "valid" / "minimal", repo / "data")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Publish the learning notice")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(repo, "checkout", "-q", "-b", "longer-records")
    edit(repo / "data" / "retention.yaml", "period: 2 years", "period: 3 years")
    program = repo / "data" / "programs" / "learning.yaml"
    edit(program, 'version: "1.0"\n  effective: 2026-01-15',
         'version: "1.1"\n  effective: 2026-11-01')
    edit(program, "  changelog:\n", '  changelog:\n    - {version: "1.1", date: 2026-10-01, '
         "summary: Learning records are kept a year longer., material: true}\n")
    git(repo, "commit", "-q", "-am", "Keep learning records a year longer")
    return repo


def run_steps(repo: Path, api: str, tmp_path: Path) -> tuple[list[str], str]:
    """Run the workflow's summary steps as the runner would: (their output lines, the job
    summary written)."""
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    job_summary = tmp_path / "step-summary.md"
    job_summary.write_text("", encoding="utf-8")
    values = {"${{ github.base_ref }}": "main",
              "${{ github.event.pull_request.head.sha }}": git(repo, "rev-parse", "HEAD"),
              "${{ github.token }}": "test-token",
              "${{ github.event.pull_request.number }}": "7"}
    env = {**os.environ, "RUNNER_TEMP": str(runner_temp), "GITHUB_STEP_SUMMARY": str(job_summary),
           "GITHUB_API_URL": api, "GITHUB_REPOSITORY": "example/policy",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("GITHUB_TOKEN", None)
    output: list[str] = []
    for name in STEPS:
        spec = step(name)
        step_env = {**env, **{k: values[v] for k, v in spec["env"].items()}}
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               spec["run"]], cwd=repo, env=step_env, capture_output=True,
                              text=True, timeout=180)
        assert (done.returncode, done.stderr) == (0, ""), f"step {name!r} failed"
        output += done.stdout.splitlines()
    return output, job_summary.read_text(encoding="utf-8")


def expected_body(repo: Path) -> str:
    return BODY.format(base=git(repo, "rev-parse", "--short", "origin/main"),
                       head=git(repo, "rev-parse", "--short=7", "HEAD"))


def comment(number: int, body: str, kind: str = "Bot") -> dict[str, Any]:
    return {"id": number, "body": body, "user": {"login": "someone", "type": kind}}


def test_the_first_push_posts_one_comment(repo: Path, github: str, tmp_path: Path) -> None:
    FakeGitHub.comments = [comment(1, "Looks good to me"),
                           comment(2, MARKER + " quoted by a person", "User")]
    output, job_summary = run_steps(repo, github, tmp_path)
    assert output == ["govportal pr-comment: posted the summary comment "
                      "https://github.example/pull/7#c99"]
    assert [(m, p, auth) for m, p, auth, _ in FakeGitHub.requests] == [
        ("GET", "/repos/example/policy/issues/7/comments?per_page=100&page=1",
         "Bearer test-token"),
        ("POST", "/repos/example/policy/issues/7/comments", "Bearer test-token"),
    ]
    assert FakeGitHub.requests[1][3] == {"body": expected_body(repo)}
    assert job_summary == ""


def test_a_later_push_edits_that_comment_and_removes_a_duplicate(
        repo: Path, github: str, tmp_path: Path) -> None:
    FakeGitHub.comments = [comment(11, MARKER + "\nan older summary"), comment(12, "ok"),
                           comment(13, MARKER + "\na duplicate from a race")]
    output, _ = run_steps(repo, github, tmp_path)
    assert output == ["govportal pr-comment: updated the summary comment "
                      "https://github.example/pull/7#c11"]
    assert [(m, p) for m, p, _, _ in FakeGitHub.requests] == [
        ("GET", "/repos/example/policy/issues/7/comments?per_page=100&page=1"),
        ("PATCH", "/repos/example/policy/issues/comments/11"),
        ("DELETE", "/repos/example/policy/issues/comments/13"),
    ]
    assert FakeGitHub.requests[1][3] == {"body": expected_body(repo)}


def test_the_previous_comment_is_found_on_a_later_page(
        repo: Path, github: str, tmp_path: Path) -> None:
    FakeGitHub.comments = [comment(n, "a review remark") for n in range(100, 200)]
    FakeGitHub.comments.append(comment(500, MARKER + "\nthe summary of the last push"))
    output, _ = run_steps(repo, github, tmp_path)
    assert output[-1].endswith("#c500")
    assert [(m, p) for m, p, _, _ in FakeGitHub.requests][1:] == [
        ("GET", "/repos/example/policy/issues/7/comments?per_page=100&page=2"),
        ("PATCH", "/repos/example/policy/issues/comments/500"),
    ]


def test_a_read_only_token_writes_the_job_summary(repo: Path, github: str,
                                                  tmp_path: Path) -> None:
    FakeGitHub.refuse_writes = True  # a pull request from a fork
    output, job_summary = run_steps(repo, github, tmp_path)
    assert output == [
        "::warning title=Summary not posted as a comment::HTTP 403: Resource not accessible "
        "by integration (the token may not comment, as on pull requests from forks); it is in "
        "the job summary instead",
        "govportal pr-comment: wrote the summary to the job summary",
    ]
    summary = expected_body(repo).split("\n", 1)[1].split("\n<sub>")[0].rstrip("\n")
    assert job_summary == (
        summary + "\n\n> **Note:** this summary is here because it could not be posted as a "
        "comment: HTTP 403: Resource not accessible by integration (the token may not "
        "comment, as on pull requests from forks).\n")


def test_no_server_at_all_still_ends_in_the_job_summary(repo: Path, tmp_path: Path) -> None:
    output, job_summary = run_steps(repo, "http://127.0.0.1:9", tmp_path)  # nothing listens
    assert output[0].startswith("::warning title=Summary not posted as a comment::GitHub "
                                "could not be reached")
    assert job_summary.startswith("## What employees and managers will see change\n")
