"""The registers and playbooks beside the programs: vendors and transfers, checklists,
sample clauses, common mistakes, the incident playbook and the organisation's own notice
requirements."""

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
    Email,
    Flag,
    Id,
    Label,
    Owner,
    Regime,
    ShortText,
    Strict,
    Text,
    carries,
)

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
    role: VendorRole = Field(json_schema_extra=carries("joint-controllers"))
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
    IDTA = "idta"
    UK_ADDENDUM = "uk_addendum"


class Transfer(Strict):
    id: Id
    vendor: Id
    origin: list[Id] = Field(min_length=1, json_schema_extra=carries("transfers"),
                             description="Jurisdiction ids the data leaves.")
    destination: Label = Field(description="Country the data goes to, as a name.")
    mechanism: Mechanism | None = Field(
        None, json_schema_extra=carries("transfers"),
        description="What protects the data there: adequacy, scc (EU standard clauses), "
                    "uk_addendum or idta (UK tools), bcr, derogation. Left out, the "
                    "notice cannot say, and the check reports it.")
    data: Text
    derogation_reason: Text | None = None
    dpf_certified: Flag = Field(
        False, description="For the United States: the importer is certified under the DPF."
    )
    tia_date: Date | None = Field(None, description="Transfer-impact assessment date.")
    safeguards_copy: Text | None = Field(None, json_schema_extra=carries("transfers"),
                                         description="How a person gets a copy.")


class TransferRegister(Strict):
    """``data/transfers.yaml``: personal data leaving a jurisdiction."""

    transfers: list[Transfer] = Field(default_factory=list)



# --------------------------------------------------------------------------- checklists & co


class ChecklistItem(Strict):
    id: Id
    text: Text
    mandatory: Flag = False
    guidance: Text | None = None


class Checklist(Strict):
    id: Id
    title: Label
    audience: Label
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
    title: Label
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
    title: Label
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
    title: Label
    steps: list[Text] = Field(min_length=1)


class ContactDetail(enum.StrEnum):
    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"


class InternalContact(Strict):
    role: ShortText
    name: ShortText
    phone: ShortText | None = None
    email: Email | None = None
    public: list[ContactDetail] = Field(
        default_factory=list,
        description="Details of this contact that are published anyway (a team address, the "
                    "DPO's name): they are not internal-only, so public fields may repeat "
                    "them. Every other detail is shown only in the internal edition.")


class Tabletop(Strict):
    cadence: ShortText
    scenario: Text
    last_run: Date | None = None


class Playbook(Strict):
    """``data/incident-response.yaml``: the incident response playbook."""

    title: Label
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
    title: Label
    description: Text
    citation: ShortText
    section: Id = Field(description="The key in a program's notice.sections that satisfies it.")
    severity: RequirementSeverity = RequirementSeverity.ERROR
    applies_when: Conditions = Field(default_factory=Conditions)


class Requirements(Strict):
    """``data/requirements.yaml``: the organisation's own notice requirements."""

    requirements: list[Requirement] = Field(default_factory=list)
