"""The launch-readiness rules on the rule cases' base data (and, for the naming of running
programs, on a few programs' statuses alone), every problem written out."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from govportal.data import model as m
from govportal.rules.families.launch import no_gate
from tests.unit.rule_runs import report_after


class _Statuses:
    """Just enough of a rule context for launch.no-gate: programs with a status each, and no
    checklist that is the launch gate."""

    def __init__(self, statuses: dict[str, m.ProgramStatus]) -> None:
        self.policy = SimpleNamespace(
            programs={pid: SimpleNamespace(status=s) for pid, s in statuses.items()},
            checklists=SimpleNamespace(checklists=[]))

    def file_of(self, attr: str) -> str:
        return f"data/{attr}.yaml"

    def at(self, label: str, *path: str | int, key: bool = False) -> tuple:
        return (label, *path, key)


LIVE, PILOT, PLANNED = m.ProgramStatus.LIVE, m.ProgramStatus.PILOT, m.ProgramStatus.PLANNED
NO_GATE_HINT = ("mark the pre-launch checklist `launch_gate: true` and make its essential "
                "items `mandatory: true`")


def no_gate_findings(statuses: dict[str, m.ProgramStatus]) -> list[tuple]:
    return [(f.message, f.location, f.hint) for f in no_gate(_Statuses(statuses))]


def test_without_a_gate_three_running_programs_are_all_named() -> None:
    assert no_gate_findings({"a": LIVE, "b": PLANNED, "c": PILOT, "d": LIVE}) == [
        ("no checklist is the launch gate, so 'a', 'c', 'd' went live or into pilot "
         "unchecked", ("data/checklists.yaml", "checklists", True), NO_GATE_HINT)]


def test_without_a_gate_the_first_three_of_four_are_named() -> None:
    assert no_gate_findings({"a": LIVE, "b": PILOT, "c": LIVE, "d": PILOT}) == [
        ("no checklist is the launch gate, so 'a', 'b', 'c' … went live or into pilot "
         "unchecked", ("data/checklists.yaml", "checklists", True), NO_GATE_HINT)]


def test_without_a_running_program_no_gate_is_needed() -> None:
    assert no_gate_findings({"a": PLANNED}) == []
    assert no_gate_findings({}) == []


MILESTONES = "programs/milestones.yaml"
COACHING = "programs/coaching.yaml"
MILESTONES_ANSWERS = ("  - {item: tls, answer: met, evidence: Checked by security.}\n"
                      "  - {item: mfa-admin, answer: met, evidence: Enforced by the identity "
                      "provider.}\n"
                      "  - {item: mdm, answer: not_applicable, evidence: No mobile app.}")
CASES = {
    "a renamed gate item: the open items follow from it and are not listed": (
        [("checklists.yaml", "{id: tls, text:", "{id: tls1, text:")],
        "data/checklists.yaml:10:14: error [ids.unknown-reference] checklists[0].items[0].id: "
        "the pre-launch checklist item 'tls1' is referred to nowhere, while 2 references name "
        "'tls', which is not defined (hides 4 problems that follow from it)\n"
        "    hint: did you mean 'tls'? Rename this id, or change the references "
        "(data/programs/coaching.yaml:55:12, data/programs/milestones.yaml:43:12)\n"),
    "a pilot's item not applicable without a reason": (
        [(COACHING, "  - {item: mdm, answer: met, evidence: Company phones are enrolled.}",
          "  - {item: mdm, answer: not_applicable}")],
        "data/programs/coaching.yaml:57:25: warning [launch.pilot-gaps] "
        "launch_readiness[2].answer: the pilot program 'coaching' has the mandatory "
        "pre-launch item 'mdm' open (not applicable, without a reason)\n"
        "    hint: close it before the program goes live\n"),
    "a live program with an item of each kind open": (
        [(MILESTONES, MILESTONES_ANSWERS, "  - {item: tls, answer: not_met}\n"
          "  - {item: mdm, answer: not_applicable}")],
        "data/programs/milestones.yaml:42:1: error [launch.unanswered] launch_readiness: the "
        "live program 'milestones' has not answered the mandatory pre-launch item "
        "'mfa-admin'\n"
        "    hint: add `- {item: mfa-admin, answer: met, evidence: …}` to launch_readiness\n"
        "data/programs/milestones.yaml:43:25: error [launch.not-met] "
        "launch_readiness[0].answer: the live program 'milestones' does not meet the "
        "mandatory pre-launch item 'tls'\n"
        "    hint: meet it (then answer met, with evidence), or set the program's status back "
        "to pilot or planned\n"
        "data/programs/milestones.yaml:44:25: error [launch.unanswered] "
        "launch_readiness[1].answer: the live program 'milestones' marks the mandatory "
        "pre-launch item 'mdm' not applicable without saying why\n"
        "    hint: say why it does not apply in `evidence`\n"),
    "a live program with nothing open does not stop the next, a pilot, being checked": (
        [(COACHING, "status: pilot", "status: live"),
         (MILESTONES, "status: live", "status: pilot"),
         (MILESTONES, "  - {item: tls, answer: met, evidence: Checked by security.}",
          "  - {item: tls, answer: not_met}")],
        "data/programs/milestones.yaml:43:25: warning [launch.pilot-gaps] "
        "launch_readiness[0].answer: the pilot program 'milestones' has the mandatory "
        "pre-launch item 'tls' open (not met)\n"
        "    hint: close it before the program goes live\n"),
    "a planned program may have items open": (
        [(COACHING, "status: pilot", "status: planned"),
         (COACHING, "  - {item: mdm, answer: met, evidence: Company phones are enrolled.}",
          "  - {item: mdm, answer: not_met}")], ""),
    "a second gate without a mandatory item": (
        [("checklists.yaml", "    purpose: Use only what helps the conversation.\n",
          "    purpose: Use only what helps the conversation.\n    launch_gate: true\n")],
        "data/checklists.yaml:22:7: error [launch.no-gate] checklists[1].items: the "
        "launch-gate checklist 'manager-one-to-ones' has no mandatory item\n"
        "    hint: mark the items every program must meet `mandatory: true`\n"),
}
assert CASES


@pytest.mark.parametrize(("edits", "expected"), CASES.values(), ids=CASES)
def test_launch_rules(tmp_path: Path, edits: list, expected: str) -> None:
    assert report_after(tmp_path, edits) == expected
