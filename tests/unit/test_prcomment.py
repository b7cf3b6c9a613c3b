"""``govportal pr-comment`` without GitHub: the body it would send, and where the summary goes
when there is nothing to post with (the API itself: tests/test_pr_summary_step.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govportal.changes import prcomment


def test_the_body_starts_with_the_hidden_marker() -> None:
    body, cut = prcomment.comment_body("## Summary\n\nNothing changes.\n")
    assert not cut
    assert body.startswith("<!-- govportal:pr-summary -->\n## Summary\n\nNothing changes.\n\n"
                           "<sub>Posted by the pull-request workflow")


def test_a_summary_too_long_for_a_comment_is_cut_at_a_line(tmp_path: Path) -> None:
    summary = "".join(f"- Line {n} of a very long summary\n" for n in range(3_000))
    body, cut = prcomment.comment_body(summary)
    assert cut and len(body) <= 65_536
    kept = body.split("\n", 1)[1].split("\n\n_The summary is longer")[0]
    assert summary.startswith(kept + "\n")  # whole lines only
    assert "_The summary is longer than a comment can hold: the job summary of this run has " \
           "all of it._" in body
    assert body.rstrip().endswith("</sub>")


def test_without_a_token_the_job_summary_gets_it(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    outcome = prcomment.publish("## Summary\n", 7, {"GITHUB_STEP_SUMMARY": str(target)})
    assert outcome.done == "job summary"
    assert target.read_text(encoding="utf-8") == (
        "## Summary\n\n> **Note:** this summary is here because it could not be posted as a "
        "comment: no GITHUB_TOKEN.\n")


def test_with_nowhere_to_go_it_says_so() -> None:
    with pytest.raises(prcomment.CommentError, match="nowhere to go"):
        prcomment.publish("## Summary\n", None, {"GITHUB_TOKEN": "t"})


def test_the_pull_request_number_comes_from_the_event(tmp_path: Path) -> None:
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 42}}), encoding="utf-8")
    assert prcomment.pull_request_number({"GITHUB_EVENT_PATH": str(event)}) == 42
    event.write_text(json.dumps({"push": {}}), encoding="utf-8")
    assert prcomment.pull_request_number({"GITHUB_EVENT_PATH": str(event)}) is None
    assert prcomment.pull_request_number({}) is None
