"""Launch readiness: no program goes live with a mandatory pre-launch item open."""

from __future__ import annotations

from collections.abc import Iterator

from ...data import model as m
from ...problems import Severity
from ..registry import Context, Finding, rule

_NEEDS = ("checklists",)


def _item(item_id: str) -> tuple[str, str]:
    """What a finding about a gate item follows from, when the item's id is the mistake
    (a renamed item: see ids.unknown-reference)."""
    return ("pre-launch checklist item", item_id)
_RUNNING = (m.ProgramStatus.LIVE, m.ProgramStatus.PILOT)


def mandatory_items(ctx: Context) -> list[m.ChecklistItem]:
    """The mandatory items of every launch-gate checklist, in order."""
    return [item for c in ctx.policy.checklists.checklists if c.launch_gate
            for item in c.items if item.mandatory]


def _gaps(ctx: Context,
          program: m.Program) -> Iterator[tuple[str, str, tuple[str | int, ...]]]:
    """(item id, gap, path) for each mandatory item a program has not closed.

    The gap is ``unanswered``, ``not_met`` or ``unexplained`` (not applicable, no reason)."""
    answers = {}
    for j, a in enumerate(program.launch_readiness):
        answers.setdefault(a.item, (j, a))
    where = ("launch_readiness",) if program.launch_readiness else ("status",)
    for item in mandatory_items(ctx):
        if item.id not in answers:
            yield item.id, "unanswered", where
            continue
        j, a = answers[item.id]
        if a.answer is m.Answer.NOT_MET:
            yield item.id, "not_met", ("launch_readiness", j, "answer")
        elif a.answer is m.Answer.NOT_APPLICABLE and not a.evidence:
            yield item.id, "unexplained", ("launch_readiness", j, "answer")


@rule("launch.no-gate", needs=_NEEDS)
def no_gate(ctx: Context) -> Iterator[Finding]:
    """When a program is live or in pilot, a checklist is the launch gate
    (`launch_gate: true`) and it has mandatory items.

    Passing:
        - id: pre-launch-review
          launch_gate: true
          items: [{id: tls, text: TLS 1.2 or newer on every API., mandatory: true}, …]

    Failing:
        - id: pre-launch-review
          items: [{id: tls, text: TLS 1.2 or newer on every API., mandatory: true}, …]
          # launch_gate is not set
    """
    running = [pid for pid, p in ctx.policy.programs.items() if p.status in _RUNNING]
    if not running:
        return
    label = ctx.file_of("checklists")
    names = ", ".join(f"'{p}'" for p in running[:3]) + (" …" if len(running) > 3 else "")
    gates = [(i, c) for i, c in enumerate(ctx.policy.checklists.checklists) if c.launch_gate]
    if not gates:
        yield Finding(f"no checklist is the launch gate, so {names} went live or into pilot "
                      "unchecked",
                      ctx.at(label, "checklists", key=True),
                      "mark the pre-launch checklist `launch_gate: true` and make its essential "
                      "items `mandatory: true`")
        return
    for i, c in gates:
        if not any(item.mandatory for item in c.items):
            yield Finding(f"the launch-gate checklist '{c.id}' has no mandatory item",
                          ctx.at(label, "checklists", i, "items"),
                          "mark the items every program must meet `mandatory: true`")


_LIVE_MESSAGES = {
    "unanswered": "the live program '{pid}' has not answered the mandatory pre-launch item "
                  "'{item}'",
    "unexplained": "the live program '{pid}' marks the mandatory pre-launch item '{item}' not "
                   "applicable without saying why",
}


@rule("launch.unanswered", needs=_NEEDS)
def unanswered(ctx: Context) -> Iterator[Finding]:
    """A live program answers every mandatory item of the launch-gate checklist.

    `not_applicable` counts as an answer only with a reason in `evidence` (device management
    where no phone is involved, for instance).

    Passing:
        status: live
        launch_readiness:
          - {item: tls, answer: met, evidence: TLS scan report SEC-12.}
          - {item: mdm, answer: not_applicable, evidence: The program has no phone app.}

    Failing:
        status: live
        launch_readiness:
          - {item: tls, answer: met, evidence: TLS scan report SEC-12.}
          # mdm (mandatory) is not answered
    """
    for pid, program in ctx.policy.programs.items():
        if program.status is not m.ProgramStatus.LIVE:
            continue
        for item, gap, path in _gaps(ctx, program):
            if gap in _LIVE_MESSAGES:
                yield Finding(
                    _LIVE_MESSAGES[gap].format(pid=pid, item=item),
                    ctx.program_at(pid, *path, key=gap == "unanswered"),
                    f"add `- {{item: {item}, answer: met, evidence: …}}` to launch_readiness"
                    if gap == "unanswered" else "say why it does not apply in `evidence`",
                    follows=_item(item))


@rule("launch.not-met", needs=_NEEDS)
def not_met(ctx: Context) -> Iterator[Finding]:
    """A live program has no mandatory pre-launch item answered `not_met`.

    Passing:
        status: live
        launch_readiness: [{item: mfa-admin, answer: met, evidence: Enforced by the IdP.}]

    Failing:
        status: live
        launch_readiness: [{item: mfa-admin, answer: not_met}]
    """
    for pid, program in ctx.policy.programs.items():
        if program.status is not m.ProgramStatus.LIVE:
            continue
        for item, gap, path in _gaps(ctx, program):
            # no `follows`: an item the program answered is referred to, so it is never
            # the renamed definition that ids.unknown-reference reports as the cause
            if gap == "not_met":
                yield Finding(f"the live program '{pid}' does not meet the mandatory "
                              f"pre-launch item '{item}'",
                              ctx.program_at(pid, *path),
                              "meet it (then answer met, with evidence), or set the program's "
                              "status back to pilot or planned")


@rule("launch.pilot-gaps", severity=Severity.WARNING, needs=_NEEDS)
def pilot_gaps(ctx: Context) -> Iterator[Finding]:
    """A program in pilot shows which mandatory pre-launch items are still open (a warning:
    pilots process real people's data, and going live will fail until they are closed).

    Passing:
        status: pilot
        launch_readiness: [{item: tls, answer: met, evidence: …}, …]   # every mandatory item

    Failing:
        status: pilot
        launch_readiness: [{item: tls, answer: not_met}]
    """
    states = {"unanswered": "not answered", "not_met": "not met",
              "unexplained": "not applicable, without a reason"}
    for pid, program in ctx.policy.programs.items():
        if program.status is not m.ProgramStatus.PILOT:
            continue
        for item, gap, path in _gaps(ctx, program):
            yield Finding(f"the pilot program '{pid}' has the mandatory pre-launch item "
                          f"'{item}' open ({states[gap]})",
                          ctx.program_at(pid, *path, key=gap == "unanswered"),
                          "close it before the program goes live", follows=_item(item))


@rule("launch.duplicate-answer")
def duplicate_answer(ctx: Context) -> Iterator[Finding]:
    """A program answers each checklist item once.

    Passing:
        launch_readiness: [{item: tls, answer: met, …}, {item: mfa-admin, answer: met, …}]

    Failing:
        launch_readiness: [{item: tls, answer: met, …}, {item: tls, answer: not_met}]
    """
    for pid, program in ctx.policy.programs.items():
        first: dict[str, int] = {}
        for j, a in enumerate(program.launch_readiness):
            if a.item in first:
                yield Finding(f"the program '{pid}' answers '{a.item}' twice (first at "
                              f"launch_readiness[{first[a.item]}])",
                              ctx.program_at(pid, "launch_readiness", j, "item"),
                              "keep one answer per item")
            else:
                first[a.item] = j
