"""The organisation's governance: a rollout plan whose steps fit inside it, and approvers
who can be named as reviewers."""

from __future__ import annotations

from collections.abc import Iterator

from ..registry import Context, Finding, rule


@rule("governance.rollout-schedule", needs=("organisation",))
def rollout_schedule(ctx: Context) -> Iterator[Finding]:
    """Every step of the rollout plan starts on or before its last day, and ends inside the
    plan (a 90-day sprint has no step on day 95).

    Passing:
        rollout:
          days: 90
          steps:
            - {title: Vendor review workshop, first_day: 1, last_day: 30, …}

    Failing:
        rollout:
          days: 90
          steps:
            - {title: Cross-functional review, first_day: 80, last_day: 95, …}
            - {title: Pilot, first_day: 40, last_day: 20, …}
    """
    plan = ctx.policy.organisation.governance.rollout
    if plan is None:
        return
    label = ctx.file_of("organisation")
    for i, step in enumerate(plan.steps):
        where = ("governance", "rollout", "steps", i)
        if step.first_day > step.last_day:
            yield Finding(
                f"the rollout step '{step.title}' ends on day {step.last_day}, before it "
                f"starts on day {step.first_day}", ctx.at(label, *where, "last_day"),
                "swap first_day and last_day, or correct one of them")
        elif step.last_day > plan.days:
            yield Finding(
                f"the rollout step '{step.title}' ends on day {step.last_day}, after the "
                f"{plan.days}-day plan", ctx.at(label, *where, "last_day"),
                "end the step within the plan, or make the plan longer (`days:`)")


@rule("governance.approver-handle", needs=("organisation", "roles"))
def approver_handle(ctx: Context) -> Iterator[Finding]:
    """When `governance.approvals` names who approves changes, every role it names and every
    program's owner has a `github` handle, so `govportal codeowners` can make each one a
    required reviewer of what it approves.

    Passing:
        # organisation.yaml
        governance:
          approvals: {notices: [legal]}
        # roles.yaml
        roles:
          - {id: legal, name: Legal counsel, github: "@northwind/legal", …}
        # programs/coaching.yaml
        owner: {name: Learning and Development, github: "@northwind/learning"}

    Failing:
        # roles.yaml: the approving role has no handle
        roles:
          - {id: legal, name: Legal counsel, description: …}
    """
    chosen = ctx.policy.organisation.governance.approvals
    if chosen is None:
        return
    named = dict.fromkeys([*chosen.notices, *chosen.clauses, *chosen.retention])
    for i, role in enumerate(ctx.policy.roles.roles):
        if role.id in named and not role.github:
            yield Finding(
                f"the role '{role.id}' ({role.name}) approves changes "
                "(governance.approvals in organisation.yaml) but has no GitHub handle",
                ctx.at(ctx.file_of("roles"), "roles", i, "id"),
                "add `github: \"@org/team\"` (or a user, `@name`) to the role, then run "
                "`govportal codeowners`")
    for pid, program in sorted(ctx.policy.programs.items()):
        if not program.owner.github:
            yield Finding(
                f"the owner of program '{pid}' ({program.owner.name}) reviews its changes "
                "but has no GitHub handle", ctx.program_at(pid, "owner"),
                "add `github: \"@org/team\"` (or a user, `@name`) to `owner`, then run "
                "`govportal codeowners`")
