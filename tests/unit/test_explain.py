"""``govportal explain RULE-ID``: a rule's purpose with its passing and failing examples, from
the rule's own docstring; the ids checked outside the rules too; did-you-mean for the rest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def explain(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    return subprocess.run([sys.executable, "-m", "govportal.cli", "explain", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=120)


DUPLICATE = """\
ids.duplicate (Ids and references)

Every id is unique within its list.

Passes: two fields `quiz-score` and `quiz-attempts`.

Fails: two retention rules both called `engagement-logs`: the schedule and the notices
could not tell which period applies.

Severity: error.
To change it, write in mkdocs.yml, under the govportal plugin:
    severities: {ids.duplicate: warning}

The rules reference page has it too: /registers/rules/#ids-duplicate
"""

NOT_MET = """\
launch.not-met (Launch readiness)

A live program has no mandatory pre-launch item answered `not_met`.

Passes:
    status: live
    launch_readiness: [{item: mfa-admin, answer: met, evidence: Enforced by the IdP.}]

Fails:
    status: live
    launch_readiness: [{item: mfa-admin, answer: not_met}]

Severity: warning in this portal (mkdocs.yml), error by default.
To change it, write in mkdocs.yml, under the govportal plugin:
    severities: {launch.not-met: error}

The rules reference page has it too: /registers/rules/#launch-not-met
"""

UNKNOWN_KEY = """\
schema.unknown-key (reading the data)

Every key is one the data model knows: a misspelt key would otherwise be ignored.

Found while a data file is read and checked against the data model, before any rule
runs: until it is fixed, the rest of that file is not checked (and what only follows
from it is not listed).

Severity: error.
To change it, write in mkdocs.yml, under the govportal plugin:
    severities: {schema.unknown-key: warning}
"""


def test_a_rule_with_prose_examples(tmp_path: Path) -> None:
    result = explain(tmp_path, "ids.duplicate")
    assert (result.returncode, result.stdout, result.stderr) == (0, DUPLICATE, "")


def test_a_rule_with_yaml_examples_and_the_portals_own_severity(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - govportal:\n      severities:\n"
        "        launch.not-met: warning\n", encoding="utf-8")
    result = explain(tmp_path, "launch.not-met")
    assert (result.returncode, result.stdout, result.stderr) == (0, NOT_MET, "")


def test_an_id_reported_while_reading_the_data(tmp_path: Path) -> None:
    result = explain(tmp_path, "schema.unknown-key")
    assert (result.returncode, result.stdout) == (0, UNKNOWN_KEY)


@pytest.mark.parametrize(("rule_id", "group"), [
    ("notice.version-not-bumped", "notice change control"),
    ("disclosure.not-rendered", "published pages"),
    ("advice.first-layer-rights", "published pages"),
    ("yaml.alias", "reading the data"),
])
def test_every_kind_of_declared_id_is_explained(tmp_path: Path, rule_id: str,
                                                group: str) -> None:
    result = explain(tmp_path, rule_id)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == f"{rule_id} ({group})"


@pytest.mark.parametrize(("written", "stderr"), [
    ("ids.unknown-refrence", "no rule is called 'ids.unknown-refrence'; did you mean "
                             "'ids.unknown-reference'?"),
    ("unknown-reference", "no rule is called 'unknown-reference'; did you mean "
                          "'ids.unknown-reference'?"),
    ("schema.unknown-keys", "no rule is called 'schema.unknown-keys'; did you mean "
                            "'schema.unknown-key'?"),
    ("frobnicate", "no rule is called 'frobnicate'; `govportal explain` without an id lists "
                   "every rule"),
])
def test_an_unknown_id_gets_a_did_you_mean_and_exit_2(tmp_path: Path, written: str,
                                                      stderr: str) -> None:
    result = explain(tmp_path, written)
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", f"govportal explain: {stderr}\n")


def test_without_an_id_every_rule_is_listed(tmp_path: Path) -> None:
    lines = explain(tmp_path).stdout.splitlines()
    starts = [line.split(" ", 1)[0] for line in lines if line and not line.startswith(" ")]
    assert {"ids.unknown-reference", "launch.not-met", "schema.unknown-key", "yaml.syntax",
            "notice.version-not-bumped", "disclosure.not-rendered"} <= set(starts)
    # The summaries line up in one column, as wide as the longest id needs.
    listed = [line for line in lines if line.startswith("ids.duplicate ")]
    assert [line.split(None, 1)[1] for line in listed] == ["Every id is unique within its list."]
    columns = {len(line) - len(line[len(line.split(" ", 1)[0]):].lstrip())
               for line in lines[:-1] if line and not line.startswith(" ")}
    assert len(columns) == 1
    assert lines[-1] == "govportal explain RULE-ID prints what a rule asks, with examples."
