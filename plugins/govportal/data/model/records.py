"""The records kept about people: the data inventory (``inventory.yaml``), the roles and
views through which they are seen (``roles.yaml``), and how long each is kept
(``retention.yaml``)."""

from __future__ import annotations

import enum

from pydantic import (
    Field,
    model_validator,
)

from .types import (
    Date,
    Flag,
    Id,
    Label,
    Owner,
    Period,
    ShortText,
    Strict,
    Text,
    carries,
    period_days,
)

# --------------------------------------------------------------------------- inventory


class Classification(enum.StrEnum):
    IDENTIFIER = "identifier"
    CONTACT = "contact"
    EMPLOYMENT = "employment"
    LEARNING_RECORD = "learning_record"
    ASSESSMENT = "assessment"
    PERFORMANCE = "performance"
    BEHAVIOURAL_METADATA = "behavioural_metadata"
    DEVICE_TELEMETRY = "device_telemetry"
    CONTENT = "content"
    CONSENT_RECORD = "consent_record"
    AUDIT_LOG = "audit_log"
    SPECIAL_CATEGORY = "special_category"
    CRIMINAL_OFFENCE = "criminal_offence"


class DataField(Strict):
    """One field of the data inventory."""

    id: Id
    label: Label
    description: Text = Field(description="What the field holds, addressed to the employee.")
    manager_label: Label | None = Field(
        None, description="The field's name on manager guides, when it differs from `label`.")
    manager_description: Text | None = Field(
        None, description="What the field holds, in words for the manager guides (the "
                          "person's, not your). Needed when `description` speaks to the "
                          "employee and the field appears on a guide.")
    classification: Classification = Field(
        json_schema_extra=carries("data-categories", "special-category", "criminal-offence"))
    high_risk: Flag = False
    pseudonymised: Flag = False
    raw_detail: Flag = Field(
        False, description="Raw timestamps or item-by-item answers (audit view only)."
    )
    ccpa_category: Label | None = Field(
        None, json_schema_extra=carries("ccpa-categories"),
        description="The statutory category name used in California notices."
    )
    ccpa_sensitive: Flag | None = Field(
        None, json_schema_extra=carries("ccpa-categories"),
        description="California: whether it is sensitive personal information (Civ. "
                    "Code 1798.140(ae)). Unset: sensitive when classified "
                    "special_category.")
    views: list[Id] = Field(default_factory=list, description="Role views that may show it.")

    @property
    def sensitive(self) -> bool:
        return self.classification is Classification.SPECIAL_CATEGORY

    @property
    def california_sensitive(self) -> bool:
        if self.ccpa_sensitive is not None:
            return self.ccpa_sensitive
        return self.sensitive


class Inventory(Strict):
    """``data/inventory.yaml``: every field any program collects."""

    fields: list[DataField] = Field(min_length=1)


# --------------------------------------------------------------------------- roles


class HrSignoff(Strict):
    required: Flag
    approver: Label | None = None
    how: Text | None = None


class ViewKind(enum.StrEnum):
    CONTEXTUAL = "contextual"
    AUDIT = "audit"
    DASHBOARD = "dashboard"


class Role(Strict):
    id: Id
    name: ShortText
    description: Text


class View(Strict):
    id: Id
    name: Label
    role: Id
    kind: ViewKind
    purpose: Text
    hr_signoff: HrSignoff
    access_logged: Flag = True


class Roles(Strict):
    """``data/roles.yaml``: who looks at the data, and through which views."""

    roles: list[Role] = Field(min_length=1)
    views: list[View] = Field(min_length=1)


# --------------------------------------------------------------------------- retention


class RecordKind(enum.StrEnum):
    LEARNING_RECORD = "learning_record"
    ASSESSMENT_RECORD = "assessment_record"
    COMMUNICATIONS_LOG = "communications_log"
    ENGAGEMENT_LOG = "engagement_log"
    AUDIT_LOG = "audit_log"
    CONSENT_RECORD = "consent_record"
    AGGREGATE = "aggregate"
    PROFILE = "profile"
    DEVICE_TELEMETRY = "device_telemetry"
    OTHER = "other"


class Disposal(enum.StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"
    ARCHIVE = "archive"
    REVIEW = "review"


class RetentionCriteria(Strict):
    text: Text = Field(description="What decides how long the records are kept.")
    ends_when: Text = Field(description="The event that ends the period, e.g. 'when the "
                                        "dispute is settled and appeal time has run out'.")


class RetentionRule(Strict):
    id: Id
    record_type: Label
    kind: RecordKind
    fields: list[Id] = Field(default_factory=list,
                             json_schema_extra=carries("retention", "ccpa-retention"))
    programs: list[Id] = Field(
        default_factory=list, description="Limit the rule to these programs (empty: all)."
    )
    period: Period | None = Field(
        None, json_schema_extra=carries("retention"),
        description="How long, e.g. '90 days'; or give `criteria` instead.")
    criteria: RetentionCriteria | None = Field(
        None, json_schema_extra=carries("retention"),
        description="When a fixed period is not possible: what decides how long, and "
                    "what ends it (GDPR Art. 13(2)(a)).")
    trigger: Label = Field(description="The event the period runs from.")
    disposal: Disposal
    automated: Flag = True
    anonymised: Flag = False
    justification: Text
    beyond_ceiling_reason: Text | None = Field(
        None, description="Why engagement logs are kept longer than the configured ceiling."
    )
    legal_hold: Text
    owner: Owner
    next_review: Date


    @model_validator(mode="after")
    def _not_both(self) -> RetentionRule:
        if self.period is not None and self.criteria is not None:
            raise ValueError("give a `period` (e.g. '90 days') or `criteria` (with "
                             "`ends_when`), not both")
        return self

    @property
    def days(self) -> int | None:
        """Approximate length in days (None when the rule gives criteria)."""
        return period_days(self.period) if self.period else None


class RetentionSchedule(Strict):
    """``data/retention.yaml``: how long each record type is kept."""

    rules: list[RetentionRule] = Field(min_length=1)
