"""``data/organisation.yaml``: who the controller is, where it operates, how people reach
it and exercise their rights, and how it governs the data."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    Field,
    StrictStr,
    StringConstraints,
)

from .types import (
    Contact,
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
    team: ShortText
    duties: list[Text] = Field(min_length=1)


class Escalation(Strict):
    topic: ShortText
    contact: ShortText


class Governance(Strict):
    responsibilities: list[Responsibility] = Field(default_factory=list)
    escalation: list[Escalation] = Field(default_factory=list)


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
