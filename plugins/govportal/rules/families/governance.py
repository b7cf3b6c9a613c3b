"""The organisation's governance: a rollout plan whose steps fit inside it."""

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
