"""The pull-request summary where reviewers look: one comment, edited on every push.

``govportal pr-comment FILE`` is what the pull-request workflow runs after
``govportal pr-summary``. It finds the comment it posted before by a hidden marker at the top
of the body (written by a bot, so a person's comment quoting the marker is never touched),
edits it, and deletes any duplicate a race between two runs left; without one it posts a new
comment. When the token may not comment (pull requests from forks and Dependabot get a
read-only token) or GitHub cannot be reached, the summary goes to the job summary
(``$GITHUB_STEP_SUMMARY``) instead, with a note saying why: the run never fails for it.

GitHub's REST API is spoken with the standard library; ``GITHUB_API_URL`` points it
elsewhere (the tests run a local server).
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MARKER = "<!-- govportal:pr-summary -->"
FOOTER = ("<sub>Posted by the pull-request workflow (`govportal pr-summary`) and updated on "
          "every push. It is a reading aid; the checks decide whether the change may be "
          "published.</sub>")
LIMIT = 65_000  # GitHub refuses a comment over 65,536 characters
PAGES = 20  # at most 2,000 comments are searched for the previous one


class CommentError(Exception):
    """GitHub did not do what was asked (the message says what it answered)."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


def comment_body(summary: str) -> tuple[str, bool]:
    """The comment for ``summary``: the marker, the summary and the footer, shortened at a
    line to fit a comment. Returns the body and whether the summary was shortened."""
    summary = summary.rstrip("\n")
    room = LIMIT - len(MARKER) - len(FOOTER) - 200
    cut = len(summary) > room
    if cut:
        end = summary.rfind("\n", 0, room)
        summary = summary[:end if end > 0 else room] + (
            "\n\n_The summary is longer than a comment can hold: the job summary of this run "
            "has all of it._")
    return f"{MARKER}\n{summary}\n\n{FOOTER}\n", cut


@dataclass
class GitHub:
    """The few calls of GitHub's REST API a sticky comment needs."""

    api: str
    repository: str
    token: str
    calls: list[str] = field(default_factory=list)

    def call(self, method: str, path: str, payload: Mapping[str, Any] | None = None) -> Any:
        data = json.dumps(payload).encode("utf-8") if payload is not None else None
        request = urllib.request.Request(
            self.api.rstrip("/") + path, data=data, method=method,
            headers={"Accept": "application/vnd.github+json",
                     "Authorization": f"Bearer {self.token}",
                     "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "govportal",
                     **({"Content-Type": "application/json"} if data is not None else {})})
        self.calls.append(f"{method} {path}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            answer = exc.read().decode("utf-8", "replace")
            try:
                reason = json.loads(answer).get("message", "")
            except (ValueError, AttributeError):
                reason = ""
            raise CommentError(f"HTTP {exc.code}" + (f": {reason}" if reason else ""),
                               exc.code) from exc
        except (urllib.error.URLError, OSError) as exc:
            raise CommentError(f"GitHub could not be reached ({exc})") from exc
        return json.loads(text) if text.strip() else None

    def own_comments(self, number: int) -> list[dict[str, Any]]:
        """The bot comments on pull request ``number`` that start with the marker."""
        found: list[dict[str, Any]] = []
        for page in range(1, PAGES + 1):
            batch = self.call("GET", f"/repos/{self.repository}/issues/{number}/comments"
                                     f"?per_page=100&page={page}") or []
            found += [c for c in batch if str(c.get("body", "")).startswith(MARKER)
                      and (c.get("user") or {}).get("type") == "Bot"]
            if len(batch) < 100:
                break
        return found

    def sticky(self, number: int, body: str) -> tuple[str, str]:
        """Edit the previous comment (deleting duplicates) or post one: (what, its URL)."""
        previous = self.own_comments(number)
        if not previous:
            made = self.call("POST", f"/repos/{self.repository}/issues/{number}/comments",
                             {"body": body})
            return "posted", str((made or {}).get("html_url", ""))
        first, *duplicates = previous
        edited = self.call("PATCH", f"/repos/{self.repository}/issues/comments/{first['id']}",
                           {"body": body})
        for extra in duplicates:
            self.call("DELETE", f"/repos/{self.repository}/issues/comments/{extra['id']}")
        return "updated", str((edited or {}).get("html_url", ""))


def pull_request_number(env: Mapping[str, str]) -> int | None:
    """The pull request of this run, from the event GitHub describes in a file."""
    path = env.get("GITHUB_EVENT_PATH")
    if not path:
        return None
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
        return int(event["pull_request"]["number"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


@dataclass
class Outcome:
    """What happened: ``posted``, ``updated`` or ``job summary``, and the lines to print."""

    done: str
    lines: list[str]


def publish(summary: str, number: int | None, env: Mapping[str, str] | None = None) -> Outcome:
    """Put ``summary`` on pull request ``number`` as the sticky comment, or, when that is not
    possible, in the job summary. Raises CommentError only when neither can be written."""
    env = os.environ if env is None else env
    body, cut = comment_body(summary)
    token, repository = env.get("GITHUB_TOKEN", ""), env.get("GITHUB_REPOSITORY", "")
    reason = ("no GITHUB_TOKEN" if not token else "no GITHUB_REPOSITORY" if not repository
              else "no pull request number" if number is None else "")
    if not reason:
        github = GitHub(env.get("GITHUB_API_URL") or "https://api.github.com", repository,
                        token)
        try:
            done, url = github.sticky(int(number or 0), body)
        except CommentError as exc:
            reason = str(exc)
            if exc.status in (401, 403, 404):
                reason += " (the token may not comment, as on pull requests from forks)"
        else:
            lines = [f"govportal pr-comment: {done} the summary comment {url}".rstrip()]
            if cut:
                _job_summary(env, summary, "the comment holds only the beginning")
                lines.append("govportal pr-comment: the whole summary is in the job summary")
            return Outcome(done, lines)
    _job_summary(env, summary, f"it could not be posted as a comment: {reason}")
    return Outcome("job summary", [
        "::warning title=Summary not posted as a comment::" + _annotation(
            f"{reason}; it is in the job summary instead"),
        "govportal pr-comment: wrote the summary to the job summary"])


def _job_summary(env: Mapping[str, str], summary: str, why: str) -> None:
    target = env.get("GITHUB_STEP_SUMMARY")
    if not target:
        raise CommentError(f"the summary has nowhere to go: {why}, and GITHUB_STEP_SUMMARY "
                           "is not set")
    with open(target, "a", encoding="utf-8") as out:
        out.write(f"{summary.rstrip()}\n\n> **Note:** this summary is here because {why}.\n")


def _annotation(text: str) -> str:
    """Text made safe as the message of a workflow command (one line)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
