"""The policy data model: the one source of truth for the shape of ``data/``.

Validation, the published JSON Schemas and the editor's completions all come from these
classes. Every model forbids unknown keys. Booleans and integers are strict (``yes`` is not
``true``, ``"90"`` is not ``90``); dates are parsed from ISO text on purpose.

Fields may hold short Markdown (``Text``). It is sanitised before publishing: raw HTML never
reaches a page.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    StringConstraints,
)

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"

Id = Annotated[
    StrictStr,
    StringConstraints(pattern=ID_PATTERN),
    Field(description="An id: lower-case letters, digits and hyphens (it becomes part of a URL)."),
]
Text = Annotated[StrictStr, StringConstraints(min_length=1, max_length=20_000)]
ShortText = Annotated[StrictStr, StringConstraints(min_length=1, max_length=300)]
Email = Annotated[
    StrictStr, StringConstraints(pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
]
Url = Annotated[StrictStr, StringConstraints(pattern=r"^(https://|/)[A-Za-z0-9._~:/?#@!$&*+,;=%-]*$")]
Flag = StrictBool

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _iso_date(value: object) -> object:
    """Dates are written YYYY-MM-DD; a number is not a date (pydantic would read 0 as
    1 January 1970), nor is a date with a time."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError("write the date as YYYY-MM-DD, e.g. 2026-01-15")
    return value


Date = Annotated[dt.date, BeforeValidator(_iso_date)]

_PERIOD = re.compile(r"^([1-9][0-9]{0,3}) (day|week|month|year)s?$")
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _check_period(value: str) -> str:
    if not _PERIOD.match(value):
        raise ValueError("write a period as a number and a unit, e.g. '90 days' or '2 years'")
    return value


Period = Annotated[
    StrictStr,
    AfterValidator(_check_period),
    Field(description="A number and a unit: days, weeks, months or years (e.g. '90 days')."),
]


def period_days(period: str) -> int:
    """Approximate length in days, for comparing periods (a month counts 30, a year 365)."""
    match = _PERIOD.match(period)
    if not match:
        return 0
    return int(match.group(1)) * _UNIT_DAYS[match.group(2)]


class Strict(BaseModel):
    """Base for every model: unknown keys are errors; values are checked as assigned."""

    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True)


# --------------------------------------------------------------------------- shared parts


class Contact(Strict):
    name: ShortText
    email: Email | None = None
    phone: ShortText | None = None
    address: Text | None = None
    url: Url | None = None


class Owner(Strict):
    """Who answers for an item, and by when it must be looked at again."""

    name: ShortText = Field(description="A person or a team that answers for this item.")
    email: Email | None = None


class Regime(enum.StrEnum):
    EU_GDPR = "eu_gdpr"
    UK_GDPR = "uk_gdpr"
    CCPA = "ccpa"


class LawfulBasis(enum.StrEnum):
    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTERESTS = "legitimate_interests"


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


class DataField(Strict):
    """One field of the data inventory."""

    id: Id
    label: ShortText
    description: Text
    classification: Classification
    high_risk: Flag = False
    pseudonymised: Flag = False
    raw_detail: Flag = Field(
        False, description="Raw timestamps or item-by-item answers (audit view only)."
    )
    ccpa_category: ShortText | None = Field(
        None, description="The statutory category name used in California notices."
    )
    views: list[Id] = Field(default_factory=list, description="Role views that may show it.")

    @property
    def sensitive(self) -> bool:
        return self.classification is Classification.SPECIAL_CATEGORY


class Inventory(Strict):
    """``data/inventory.yaml``: every field any program collects."""

    fields: list[DataField] = Field(min_length=1)


# --------------------------------------------------------------------------- roles


class HrSignoff(Strict):
    required: Flag
    approver: ShortText | None = None
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
    name: ShortText
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
    OTHER = "other"


class Disposal(enum.StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"
    ARCHIVE = "archive"
    REVIEW = "review"


class RetentionRule(Strict):
    id: Id
    record_type: ShortText
    kind: RecordKind
    fields: list[Id] = Field(default_factory=list)
    programs: list[Id] = Field(
        default_factory=list, description="Limit the rule to these programs (empty: all)."
    )
    period: Period
    trigger: ShortText = Field(description="The event the period runs from.")
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


class RetentionSchedule(Strict):
    """``data/retention.yaml``: how long each record type is kept."""

    rules: list[RetentionRule] = Field(min_length=1)


# --------------------------------------------------------------------------- vendors, transfers


class Subprocessor(Strict):
    name: ShortText
    service: ShortText
    location: ShortText


class Dpa(Strict):
    signed: Date
    reference: ShortText
    roles: Text
    subprocessors: list[Subprocessor] = Field(default_factory=list)
    audit_rights: Text
    deletion: Text


class SecurityEvidence(Strict):
    kind: ShortText
    issued: Date
    reference: ShortText | None = None


class VendorRole(enum.StrEnum):
    PROCESSOR = "processor"
    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint_controller"


class Vendor(Strict):
    id: Id
    name: ShortText
    role: VendorRole
    services: list[ShortText] = Field(min_length=1)
    personal_data: Flag = True
    locations: list[ShortText] = Field(min_length=1)
    dpa: Dpa | None = None
    security_evidence: list[SecurityEvidence] = Field(default_factory=list)
    incident_history: Text | None = None
    risk_notes: Text | None = Field(None, description="Internal edition only.")


class VendorRegister(Strict):
    """``data/vendors.yaml``: processors and other vendors."""

    vendors: list[Vendor] = Field(min_length=1)


class Mechanism(enum.StrEnum):
    ADEQUACY = "adequacy"
    SCC = "scc"
    BCR = "bcr"
    DEROGATION = "derogation"


class Transfer(Strict):
    id: Id
    vendor: Id
    origin: list[Id] = Field(min_length=1, description="Jurisdiction ids the data leaves.")
    destination: ShortText = Field(description="Country the data goes to, as a name.")
    mechanism: Mechanism
    data: Text
    derogation_reason: Text | None = None
    dpf_certified: Flag = Field(
        False, description="For the United States: the importer is certified under the DPF."
    )
    tia_date: Date | None = Field(None, description="Transfer-impact assessment date.")
    safeguards_copy: Text | None = Field(None, description="How a person gets a copy.")


class TransferRegister(Strict):
    """``data/transfers.yaml``: personal data leaving a jurisdiction."""

    transfers: list[Transfer] = Field(default_factory=list)


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


class ManagerGuide(Strict):
    may_use: list[Text] = Field(min_length=1)
    needs_signoff: list[Text] = Field(default_factory=list)
    never_use: list[Text] = Field(min_length=1)
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


# --------------------------------------------------------------------------- checklists & co


class ChecklistItem(Strict):
    id: Id
    text: Text
    mandatory: Flag = False
    guidance: Text | None = None


class Checklist(Strict):
    id: Id
    title: ShortText
    audience: ShortText
    purpose: Text
    launch_gate: Flag = Field(
        False, description="Programs record answers to its mandatory items before going live."
    )
    owner: Owner
    next_review: Date
    items: list[ChecklistItem] = Field(min_length=1)


class Checklists(Strict):
    """``data/checklists.yaml``."""

    checklists: list[Checklist] = Field(min_length=1)


class Clause(Strict):
    id: Id
    title: ShortText
    use: Text = Field(description="Where the clause goes, e.g. the LMS privacy policy.")
    text: Text = Field(description="May quote the data: [[period:RULE]], [[org:name]] …")
    owner: Owner
    next_review: Date


class Clauses(Strict):
    """``data/clauses.yaml``: sample policy language."""

    clauses: list[Clause] = Field(min_length=1)


class Audience(enum.StrEnum):
    MANAGER = "manager"
    HR = "hr"
    POLICY_OWNER = "policy_owner"
    EMPLOYEE = "employee"


class Mistake(Strict):
    id: Id
    title: ShortText
    audience: list[Audience] = Field(min_length=1)
    what_happens: Text
    why_it_matters: Text
    fix: Text


class Mistakes(Strict):
    """``data/mistakes.yaml``: common mistakes and their fixes."""

    mistakes: list[Mistake] = Field(min_length=1)


class IncidentLevel(enum.StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class IncidentClass(Strict):
    level: IncidentLevel
    description: Text
    examples: list[Text] = Field(default_factory=list)


class Phase(Strict):
    id: Id
    title: ShortText
    steps: list[Text] = Field(min_length=1)


class InternalContact(Strict):
    role: ShortText
    name: ShortText
    phone: ShortText | None = None
    email: Email | None = None


class Tabletop(Strict):
    cadence: ShortText
    scenario: Text
    last_run: Date | None = None


class Playbook(Strict):
    """``data/incident-response.yaml``: the incident response playbook."""

    title: ShortText
    owner: Owner
    next_review: Date
    triage_owner: Owner
    classification: list[IncidentClass] = Field(min_length=1)
    phases: list[Phase] = Field(min_length=1)
    remedial_actions: list[Text] = Field(min_length=1)
    legal_escalation: Text
    evidence: Text
    tabletop: Tabletop
    contacts: list[InternalContact] = Field(
        default_factory=list, description="Internal edition only."
    )


class Conditions(Strict):
    """When an organisation-specific requirement applies (all given parts must match)."""

    jurisdictions: list[Id] = Field(default_factory=list)
    regimes: list[Regime] = Field(default_factory=list)
    programs: list[Id] = Field(default_factory=list)


class RequirementSeverity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Requirement(Strict):
    id: Annotated[StrictStr, StringConstraints(pattern=r"^org\.[a-z0-9][a-z0-9.\-_]*$")]
    title: ShortText
    description: Text
    citation: ShortText
    section: Id = Field(description="The key in a program's notice.sections that satisfies it.")
    severity: RequirementSeverity = RequirementSeverity.ERROR
    applies_when: Conditions = Field(default_factory=Conditions)


class Requirements(Strict):
    """``data/requirements.yaml``: the organisation's own notice requirements."""

    requirements: list[Requirement] = Field(default_factory=list)


# The data files and the model of each; programs/ holds one Program per file.
SINGLE_FILES: dict[str, type[Strict]] = {
    "organisation.yaml": Organisation,
    "inventory.yaml": Inventory,
    "roles.yaml": Roles,
    "retention.yaml": RetentionSchedule,
    "vendors.yaml": VendorRegister,
    "transfers.yaml": TransferRegister,
    "checklists.yaml": Checklists,
    "clauses.yaml": Clauses,
    "mistakes.yaml": Mistakes,
    "incident-response.yaml": Playbook,
    "requirements.yaml": Requirements,
}
OPTIONAL_FILES = {"transfers.yaml", "requirements.yaml"}
PROGRAMS_DIR = "programs"

SCHEMA_NAMES: dict[type[Strict], str] = {
    **{model: name.removesuffix(".yaml") for name, model in SINGLE_FILES.items()},
    Program: "program",
}
