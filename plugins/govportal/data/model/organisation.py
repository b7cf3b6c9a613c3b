"""``data/organisation.yaml``: who the controller is, where it operates, how people reach
it and exercise their rights, and how it governs the data."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    Field,
    StrictInt,
    StrictStr,
    StringConstraints,
)

from .types import (
    Contact,
    Date,
    Flag,
    Id,
    Regime,
    ShortText,
    Strict,
    Text,
    Url,
)

# --------------------------------------------------------------------------- organisation


class SupervisoryAuthority(Strict):
    name: ShortText
    url: Url | None = None
    address: Text | None = None


class Jurisdiction(Strict):
    id: Id
    name: ShortText
    country: Annotated[StrictStr, StringConstraints(pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")] = (
        Field(description="ISO 3166 code, e.g. DE, GB, US-CA (quote nothing: NO stays Norway).")
    )
    regimes: list[Regime] = Field(default_factory=list)
    supervisory_authority: SupervisoryAuthority | None = None


class Rights(Strict):
    """How people exercise their rights: shared by every notice."""

    how_to_exercise: Text
    response_time: ShortText
    verification: Text | None = None
    authorized_agent: Text | None = None
    non_retaliation: Text | None = None


class Responsibility(Strict):
    team: ShortText = Field(description="A team or role, e.g. HR (People Operations).")
    duties: list[Text] = Field(min_length=1, description="What the team answers for.")


class Escalation(Strict):
    topic: ShortText = Field(description="The kind of question or concern.")
    contact: ShortText = Field(description="Who takes it, in order, with how to reach them.")


class PolicyChanges(Strict):
    """How a change to a notice, a clause or a retention period is approved and told."""

    approves: Text = Field(description="Who signs a change off before it is published.")
    communicates: Text = Field(
        description="Who tells employees and managers about a change, how and when.")
    steps: list[Text] = Field(
        default_factory=list, description="The steps from a proposed change to publication.")


class Review(Strict):
    """Something the organisation looks at again on a schedule."""

    what: ShortText = Field(description="What is reviewed, e.g. the audit view's access log.")
    cadence: ShortText = Field(description="How often, e.g. every quarter.")
    who: ShortText = Field(description="Who does the review.")


Day = Annotated[StrictInt, Field(ge=1, le=3650, description="A day of the plan, from 1.")]


class PilotGroup(Strict):
    """The small group a rollout starts with, and how its data is kept for less time."""

    group: ShortText = Field(description="Who is in the pilot, e.g. 40 volunteer managers.")
    programs: list[Id] = Field(default_factory=list, description="The programs it tries.")
    retention: Text = Field(
        description="How records are kept for less time during the pilot than after it.")


class RolloutStep(Strict):
    """One step of a rollout plan, by day of the plan."""

    title: ShortText
    first_day: Day
    last_day: Day
    owner: ShortText = Field(description="The team that leads the step.")
    outcome: Text = Field(description="What the step delivers.")


class RolloutPlan(Strict):
    """A time-boxed plan for bringing a program in (the seed's 90-day compliance sprint):
    a data map, a pilot group with short retention, a vendor review workshop, a
    cross-functional review, then launch."""

    title: ShortText
    start: Date = Field(description="Day 1 of the plan.")
    days: Day = Field(description="How long the plan runs, in days (e.g. 90).")
    pilot: PilotGroup | None = None
    steps: list[RolloutStep] = Field(min_length=1)


class Governance(Strict):
    """The operating model: who answers for what, how policy changes, where to escalate,
    what is reviewed how often, and the rollout plan."""

    responsibilities: list[Responsibility] = Field(default_factory=list)
    escalation: list[Escalation] = Field(default_factory=list)
    policy_changes: PolicyChanges | None = Field(
        None, description="Who approves and who communicates policy changes.")
    reviews: list[Review] = Field(default_factory=list, description="The review cadence.")
    rollout: RolloutPlan | None = Field(
        None, description="The time-boxed rollout plan, where there is one.")


class Organisation(Strict):
    """``data/organisation.yaml``: who the controller is and where it operates."""

    name: ShortText
    legal_name: ShortText
    address: Text
    contact: Contact
    website: Url | None = None
    privacy_policy_url: Url | None = Field(
        None, description="Where the full privacy policy is published."
    )
    privacy_contact: Contact
    dpo: Contact | None = Field(None, description="Data protection officer, where designated.")
    eu_representative: Contact | None = None
    escalation_contact: Contact
    rights: Rights | None = None
    jurisdictions: list[Jurisdiction] = Field(min_length=1)
    governance: Governance = Field(default_factory=Governance)
    sells_or_shares: Flag = Field(
        False, description="Whether personal information is sold or shared (CCPA sense)."
    )
