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
    GitHubHandle,
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

    id: Id = Field(examples=['quiz-score'])
    """The field's id, used by programs, retention rules and manager guides."""
    label: Label = Field(examples=['Quiz scores'])
    """The field's name as employees read it in notices."""
    description: Text = Field(description="What the field holds, addressed to the employee.",
        examples=['Which tips you opened and when.'])
    manager_label: Label | None = Field(
        None, description="The field's name on manager guides, when it differs from `label`.")
    manager_description: Text | None = Field(
        None, description="What the field holds, in words for the manager guides (the "
                          "person's, not your). Needed when `description` speaks to the "
                          "employee and the field appears on a guide.",
        examples=['Which tips the person opened and when.'])
    classification: Classification = Field(
        examples=['assessment'],
        json_schema_extra=carries("data-categories", "special-category", "criminal-offence"))
    """What kind of data it is; special_category and criminal_offence need a condition in each
    purpose that uses them."""
    high_risk: Flag = False
    """true when misuse could seriously harm the person (the check then asks for more care)."""
    pseudonymised: Flag = False
    """true when the field is stored without the person's name (under a code)."""
    raw_detail: Flag = Field(
        False, description="Raw timestamps or item-by-item answers (audit view only)."
    )
    ccpa_category: Label | None = Field(
        None, json_schema_extra=carries("ccpa-categories"),
        description="The statutory category name used in California notices."
    ,
        examples=['Professional or employment-related information'])
    ccpa_sensitive: Flag | None = Field(
        None, json_schema_extra=carries("ccpa-categories"),
        description="California: whether it is sensitive personal information (Civ. "
                    "Code 1798.140(ae)). Unset: sensitive when classified "
                    "special_category.")
    views: list[Id] = Field(default_factory=list, description="Role views that may show it.",
        examples=[['manager-view']])

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
    """Every field, one entry each."""


# --------------------------------------------------------------------------- roles


class HrSignoff(Strict):
    required: Flag
    """true when HR must sign off before someone opens the view."""
    approver: Label | None = Field(None, examples=['HR Business Partner'])
    """Who signs off."""
    how: Text | None = None
    """How sign-off is asked for and recorded."""


class ViewKind(enum.StrEnum):
    CONTEXTUAL = "contextual"
    AUDIT = "audit"
    DASHBOARD = "dashboard"


class Role(Strict):
    id: Id = Field(examples=['manager'])
    """The role's id, named by views."""
    name: ShortText = Field(examples=['Line manager'])
    """The role's name."""
    description: Text
    """Who has the role and what they need the data for."""
    github: GitHubHandle | None = Field(None, examples=['@northwind/privacy-team'])
    """The role's GitHub user or team, asked to review the files this role approves (written
    into `.github/CODEOWNERS` by `govportal codeowners`); in quotes, as YAML gives `@` a meaning."""


class View(Strict):
    id: Id = Field(examples=['manager-view'])
    """The view's id, named by the inventory's fields and by manager guides."""
    name: Label = Field(examples=['Team learning view'])
    """The view's name as people see it in the tool."""
    role: Id = Field(examples=['manager'])
    """The id of the role that uses the view."""
    kind: ViewKind = Field(examples=['contextual'])
    """contextual (for everyday use), audit (for investigations, usually with HR sign-off) or
    dashboard (aggregates)."""
    purpose: Text
    """What the view is for, in plain words."""
    hr_signoff: HrSignoff
    """Whether HR must sign off before the view is opened."""
    access_logged: Flag = True
    """true when every opening of the view is logged."""


class Roles(Strict):
    """``data/roles.yaml``: who looks at the data, and through which views."""

    roles: list[Role] = Field(min_length=1)
    """Every role, one entry each."""
    views: list[View] = Field(min_length=1)
    """Every view, one entry each."""


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
                                        "dispute is settled and appeal time has run out'.",
        examples=['the dispute is settled and the time to appeal has run out'])


class RetentionRule(Strict):
    id: Id = Field(examples=['engagement-logs'])
    """The rule's id, which clauses quote as `[[period:ID]]` or `[[retention:ID]]`."""
    record_type: Label = Field(examples=['Tip engagement logs'])
    """The records the rule covers, in plain words."""
    kind: RecordKind = Field(examples=['engagement_log'])
    """The kind of record: the check holds some kinds to limits (engagement logs to the ceiling)."""
    fields: list[Id] = Field(examples=[['tip-opened']], default_factory=list,
                             json_schema_extra=carries("retention", "ccpa-retention"))
    """The inventory field ids kept under this rule."""
    programs: list[Id] = Field(
        default_factory=list, description="Limit the rule to these programs (empty: all)."
    ,
        examples=[['micro-coaching']])
    period: Period | None = Field(
        None, json_schema_extra=carries("retention"),
        description="How long, e.g. '90 days'; or give `criteria` instead.",
        examples=['90 days'])
    criteria: RetentionCriteria | None = Field(
        None, json_schema_extra=carries("retention"),
        description="When a fixed period is not possible: what decides how long, and "
                    "what ends it (GDPR Art. 13(2)(a)).")
    trigger: Label = Field(description="The event the period runs from.",
        examples=['the tip is sent'])
    disposal: Disposal = Field(examples=['delete'])
    """What happens at the end: delete, anonymise, archive or review."""
    automated: Flag = True
    """true when disposal happens by itself, without someone doing it."""
    anonymised: Flag = False
    """true when the records kept are already anonymous."""
    justification: Text = Field(examples=['Long enough to tune the tips for a quarter; no longer.'])
    """Why this long and not longer."""
    beyond_ceiling_reason: Text | None = Field(
        None, description="Why engagement logs are kept longer than the configured ceiling."
    )
    legal_hold: Text = Field(
        examples=['Deletion pauses for records named in a legal hold until it is lifted.'])
    """What happens to the records when a legal hold applies."""
    owner: Owner
    """Who answers for the rule."""
    next_review: Date = Field(examples=['2027-06-30'])
    """When the rule must be looked at again (YYYY-MM-DD)."""


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
    """Every retention rule, one entry each."""
