"""``data/programs/<id>.yaml``: one program, and everything its notice and its manager guide
must say."""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import (
    Field,
    StrictStr,
    StringConstraints,
)

from .types import (
    Date,
    Flag,
    Id,
    LawfulBasis,
    Owner,
    ShortText,
    Strict,
    Text,
)

# --------------------------------------------------------------------------- programs


class SubjectCategory(enum.StrEnum):
    EMPLOYEE = "employee"
    MANAGER = "manager"
    CONTRACTOR = "contractor"
    APPLICANT = "applicant"


class DataSubjects(Strict):
    group: ShortText
    category: SubjectCategory
    jurisdictions: list[Id] = Field(min_length=1)


class Source(Strict):
    name: ShortText
    description: Text
    publicly_accessible: Flag = False


class Collection(Strict):
    """How the data is collected: directly or by observation (GDPR Art. 13), or from
    other sources (Art. 14)."""

    how: Text
    from_subject: Flag = True
    other_sources: list[Source] = Field(default_factory=list)


class Purpose(Strict):
    id: Id
    description: Text
    fields: list[Id] = Field(min_length=1)
    lawful_basis: dict[Id, LawfulBasis] = Field(
        default_factory=dict, description="Per jurisdiction id: the GDPR lawful basis."
    )
    legitimate_interest: Text | None = None
    balancing_test: ShortText | None = Field(None, description="Reference to the LIA record.")
    consent_justification: Text | None = None


class RecipientKind(enum.StrEnum):
    INTERNAL = "internal"
    PROCESSOR = "processor"
    THIRD_PARTY = "third_party"


class Recipient(Strict):
    name: ShortText
    kind: RecipientKind
    vendor: Id | None = None
    purpose: Text


class Consent(Strict):
    scope: list[ShortText] = Field(min_length=1)
    captured: Text
    revocation_route: Text
    revocation_effect: ShortText = Field(description="How fast an opt-out stops delivery.")
    records: Text | None = None


class AutomatedDecisions(Strict):
    exists: Flag
    profiling: Flag
    statement: Text
    logic: Text | None = None
    significance: Text | None = None
    opt_out: Text | None = None


class AnalyticsLevel(enum.StrEnum):
    AGGREGATE = "aggregate"
    PSEUDONYMISED = "pseudonymised"
    INDIVIDUAL = "individual"


class Analytics(Strict):
    level: AnalyticsLevel
    description: Text
    dpia: ShortText | None = None
    opt_out: Text | None = None


class Waiver(Strict):
    item: ShortText
    reason: Text


class ChangelogEntry(Strict):
    version: ShortText
    date: Date
    summary: Text
    material: Flag = False
    changes: list[Text] = Field(default_factory=list)


class FirstLayer(Strict):
    summary: Text
    surprises: list[Text] = Field(default_factory=list)


class Notice(Strict):
    version: Annotated[StrictStr, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+){0,2}$")] = Field(
        description="Quote it: version: \"1.2\"."
    )
    effective: Date
    first_layer: FirstLayer
    obligation: Text | None = Field(
        None, description="Whether providing the data is required, and why."
    )
    sections: dict[Id, Text] = Field(
        default_factory=dict, description="Extra sections required by the organisation."
    )
    waivers: list[Waiver] = Field(default_factory=list)
    changelog: list[ChangelogEntry] = Field(min_length=1)


class FieldDecisions(Strict):
    """What managers may do with each field of the program: every field in exactly one list.

    The guide's summary box and its detailed lists are both made from these lists, so the two
    can never disagree; the rules of the ``guide`` family check them against the role views."""

    may_use: list[Id] = Field(
        default_factory=list,
        description="Fields managers may use in 1:1s and reviews (each must be shown in a "
                    "contextual view, such as the manager view).")
    needs_signoff: list[Id] = Field(
        default_factory=list,
        description="Fields a manager may use only after HR signs off (each must be shown in "
                    "an audit view that requires HR sign-off).")
    never_use: list[Id] = Field(
        default_factory=list,
        description="Fields managers must never use, not even with HR sign-off.")


class ManagerGuide(Strict):
    fields: FieldDecisions = Field(
        default_factory=FieldDecisions,
        description="One decision per field of the program: may use, only with HR sign-off, "
                    "or never.")
    may_use: list[Text] = Field(
        default_factory=list,
        description="Other things managers may use that are not fields of the program, in "
                    "the manager's words.")
    never_use: list[Text] = Field(
        default_factory=list,
        description="Other things managers must never use that are not fields of the "
                    "program (exports, other programs' data), in the manager's words.")
    views: dict[Id, Text] = Field(
        default_factory=dict,
        description="Per contextual view id: what that view shows of this program, in the "
                    "manager's words. Replaces the view's general purpose on this guide.")
    interpretation: list[Text] = Field(default_factory=list)
    record_purpose: Text | None = None
    ask: ShortText
    mistakes: list[Id] = Field(default_factory=list)


class Answer(enum.StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "not_applicable"


class LaunchAnswer(Strict):
    item: Id
    answer: Answer
    evidence: Text | None = None


class ProgramStatus(enum.StrEnum):
    PLANNED = "planned"
    PILOT = "pilot"
    LIVE = "live"
    RETIRED = "retired"


class Program(Strict):
    """``data/programs/<id>.yaml``: one program and everything its notice must say."""

    id: Id
    title: ShortText
    status: ProgramStatus
    summary: Text
    owner: Owner
    next_review: Date
    data_subjects: list[DataSubjects] = Field(min_length=1)
    collection: Collection
    fields: list[Id] = Field(default_factory=list)
    purposes: list[Purpose] = Field(min_length=1)
    recipients: list[Recipient] = Field(default_factory=list)
    transfers: list[Id] = Field(default_factory=list)
    consent: Consent | None = None
    automated_decisions: AutomatedDecisions
    analytics: Analytics | None = None
    sells_or_shares: Flag = False
    notice: Notice
    manager_guide: ManagerGuide
    launch_readiness: list[LaunchAnswer] = Field(default_factory=list)
    dpia: ShortText | None = Field(None, description="DPIA reference, where one was done.")
