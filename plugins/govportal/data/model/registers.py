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
    name: ShortText = Field(examples=['CloudHost GmbH'])
    """The subprocessor's company name."""
    service: ShortText = Field(examples=['hosting'])
    """What it does for the vendor."""
    location: ShortText = Field(examples=['Germany'])
    """Where it processes the data (a country or region)."""


class Dpa(Strict):
    signed: Date = Field(examples=['2026-02-01'])
    """The date the data processing agreement was signed (YYYY-MM-DD)."""
    reference: ShortText = Field(examples=['DPA-2026-004'])
    """Where the signed agreement is filed: a contract number or document reference."""
    roles: Text = Field(
        examples=['We are the controller; the vendor processes on our instructions.'])
    """Who is controller and who is processor under the agreement, in one sentence."""
    subprocessors: list[Subprocessor] = Field(default_factory=list)
    """The vendor's own subprocessors that may see the data (empty when there are none)."""
    audit_rights: Text
    """What the agreement lets us check, and how (audits, reports, questionnaires)."""
    deletion: Text = Field(examples=['Deletes all data within 30 days of the end of the contract.'])
    """What the vendor must do with the data when the contract ends, and how fast."""


class SecurityEvidence(Strict):
    kind: ShortText = Field(examples=['ISO 27001 certificate'])
    """The kind of evidence: a certificate or an audit report."""
    issued: Date = Field(examples=['2026-03-15'])
    """The date it was issued (YYYY-MM-DD): the check warns when it gets old."""
    reference: ShortText | None = None
    """Where the evidence is filed (internal edition only)."""


class VendorRole(enum.StrEnum):
    PROCESSOR = "processor"
    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint_controller"


class Vendor(Strict):
    id: Id = Field(examples=['coachly'])
    """The vendor's id, used by programs' recipients and by transfers."""
    name: ShortText = Field(examples=['Coachly Ltd'])
    """The vendor's company name, as notices and the register show it."""
    role: VendorRole = Field(examples=['processor'], json_schema_extra=carries("joint-controllers"))
    """What the vendor is for this data: processor (acts on our instructions), controller (decides
    for itself) or joint_controller (decides with us)."""
    services: list[ShortText] = Field(examples=[['Coaching tips delivery']], min_length=1)
    """What the vendor provides, one entry per service."""
    personal_data: Flag = True
    """true when the vendor handles personal data (then it needs a data processing agreement)."""
    locations: list[ShortText] = Field(examples=[['Ireland']], min_length=1)
    """Where the vendor processes the data: countries or regions."""
    dpa: Dpa | None = None
    """The data processing agreement with the vendor (needed when it processes personal data)."""
    security_evidence: list[SecurityEvidence] = Field(default_factory=list)
    """Certificates and audit reports that show the vendor keeps the data safe."""
    incident_history: Text | None = None
    """Security incidents at the vendor that touched our data (internal edition only)."""
    risk_notes: Text | None = Field(None, description="Internal edition only.")


class VendorRegister(Strict):
    """``data/vendors.yaml``: processors and other vendors."""

    vendors: list[Vendor] = Field(min_length=1)
    """Every vendor, one entry each."""


class Mechanism(enum.StrEnum):
    ADEQUACY = "adequacy"
    SCC = "scc"
    BCR = "bcr"
    DEROGATION = "derogation"
    IDTA = "idta"
    UK_ADDENDUM = "uk_addendum"


class Transfer(Strict):
    id: Id = Field(examples=['coachly-us'])
    """The transfer's id, listed under `transfers` in the programs that use it."""
    vendor: Id = Field(examples=['coachly'])
    """The id of the vendor in vendors.yaml that receives the data."""
    origin: list[Id] = Field(min_length=1, json_schema_extra=carries("transfers"),
                             description="Jurisdiction ids the data leaves.",
        examples=[['de']])
    destination: Label = Field(description="Country the data goes to, as a name.",
        examples=['United States'])
    mechanism: Mechanism | None = Field(
        None, json_schema_extra=carries("transfers"),
        description="What protects the data there: adequacy, scc (EU standard clauses), "
                    "uk_addendum or idta (UK tools), bcr, derogation. Left out, the "
                    "notice cannot say, and the check reports it.",
        examples=['scc'])
    data: Text = Field(examples=['Names, e-mail addresses and tip engagement'])
    """What data goes there, in plain words."""
    derogation_reason: Text | None = None
    """When the mechanism is derogation: which exception applies and why no other tool is
    possible."""
    dpf_certified: Flag = Field(
        False, description="For the United States: the importer is certified under the DPF."
    )
    tia_date: Date | None = Field(
        None, description="When the transfer-impact assessment was done (YYYY-MM-DD): needed "
                          "with standard clauses (scc, uk_addendum, idta).",
        examples=['2026-02-01'])
    safeguards_copy: Text | None = Field(None, json_schema_extra=carries("transfers"),
                                         description="How a person gets a copy.")


class TransferRegister(Strict):
    """``data/transfers.yaml``: personal data leaving a jurisdiction."""

    transfers: list[Transfer] = Field(default_factory=list)
    """Every transfer of personal data out of a jurisdiction, one entry each."""



# --------------------------------------------------------------------------- checklists & co


class ChecklistItem(Strict):
    id: Id = Field(examples=['dpia-done'])
    """The item's id, unique within its checklist (programs' launch answers name it)."""
    text: Text = Field(examples=['A DPIA has been completed and signed off.'])
    """What to check, as a question or an instruction."""
    mandatory: Flag = False
    """true when the item must be met (for a launch gate: before a program goes live)."""
    guidance: Text | None = None
    """How to do it, or where to find help."""


class Checklist(Strict):
    id: Id = Field(examples=['launch'])
    """The checklist's id (part of its page address)."""
    title: Label = Field(examples=['Before a program goes live'])
    """The checklist's title, as its page shows it."""
    audience: Label = Field(examples=['Program owners'])
    """Who uses the checklist."""
    purpose: Text
    """What the checklist is for, in one or two sentences."""
    launch_gate: Flag = Field(
        False, description="Programs record answers to its mandatory items before going live."
    )
    owner: Owner
    """Who keeps the checklist up to date."""
    next_review: Date = Field(examples=['2027-06-30'])
    """When the checklist must be looked at again (YYYY-MM-DD)."""
    items: list[ChecklistItem] = Field(min_length=1)
    """The things to check, in order."""


class Checklists(Strict):
    """``data/checklists.yaml``: checklists for launches, reviews and vendors, worked through
    item by item."""

    checklists: list[Checklist] = Field(min_length=1)
    """Every checklist, one entry each."""


class Clause(Strict):
    id: Id = Field(examples=['retention-clause'])
    """The clause's id (the copy button and links use it)."""
    title: Label = Field(examples=['How long we keep learning records'])
    """The clause's title."""
    use: Text = Field(description="Where the clause goes, e.g. the LMS privacy policy.")
    text: Text = Field(
        description="The clause itself. It may quote the data: `[[period:RULE-ID]]`, "
                    "`[[retention:RULE-ID]]`, `[[org:name]]`, `[[contact:privacy]]`, "
                    "`[[program:ID]]`.")
    owner: Owner
    """Who keeps the clause up to date."""
    next_review: Date = Field(examples=['2027-06-30'])
    """When the clause must be looked at again (YYYY-MM-DD)."""


class Clauses(Strict):
    """``data/clauses.yaml``: sample policy language."""

    clauses: list[Clause] = Field(min_length=1)
    """Every sample clause, one entry each."""


class Audience(enum.StrEnum):
    MANAGER = "manager"
    HR = "hr"
    POLICY_OWNER = "policy_owner"
    EMPLOYEE = "employee"


class Mistake(Strict):
    id: Id = Field(examples=['screenshot-dashboards'])
    """The mistake's id (manager guides list the ones that apply by it)."""
    title: Label = Field(examples=['Screenshots of the dashboard'])
    """The mistake in a few words."""
    audience: list[Audience] = Field(examples=[['manager']], min_length=1)
    """Who makes it: manager, hr, policy_owner or employee (one or more)."""
    what_happens: Text
    """What the mistake looks like in practice."""
    why_it_matters: Text
    """Why it is a problem, for the person and for the organisation."""
    fix: Text
    """What to do instead, or how to put it right."""


class Mistakes(Strict):
    """``data/mistakes.yaml``: common mistakes and their fixes."""

    mistakes: list[Mistake] = Field(min_length=1)
    """Every common mistake, one entry each."""


class IncidentLevel(enum.StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class IncidentClass(Strict):
    level: IncidentLevel = Field(examples=['high'])
    """The level: critical, high, medium or low."""
    description: Text
    """What makes an incident this level."""
    examples: list[Text] = Field(default_factory=list)
    """Typical incidents of this level."""


class Phase(Strict):
    id: Id = Field(examples=['contain'])
    """The phase's id."""
    title: Label = Field(examples=['Contain'])
    """The phase's title."""
    steps: list[Text] = Field(min_length=1)
    """What to do in this phase, in order."""


class ContactDetail(enum.StrEnum):
    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"


class InternalContact(Strict):
    role: ShortText = Field(examples=['Incident lead'])
    """What the contact does in an incident."""
    name: ShortText = Field(examples=['Security on-call'])
    """The person's or team's name."""
    phone: ShortText | None = None
    """A phone number that reaches them at any hour."""
    email: Email | None = None
    """An e-mail address that reaches them."""
    public: list[ContactDetail] = Field(
        default_factory=list,
        description="Details of this contact that are published anyway (a team address, the "
                    "DPO's name): they are not internal-only, so public fields may repeat "
                    "them. Every other detail is shown only in the internal edition.")


class Tabletop(Strict):
    cadence: ShortText = Field(examples=['every six months'])
    """How often the playbook is rehearsed."""
    scenario: Text
    """The scenario the next rehearsal uses."""
    last_run: Date | None = Field(None, examples=['2026-05-20'])
    """When it was last rehearsed (YYYY-MM-DD)."""


class Playbook(Strict):
    """``data/incident-response.yaml``: the incident response playbook."""

    title: Label = Field(examples=['When personal data goes wrong'])
    """The playbook's title, as its page shows it."""
    owner: Owner
    """Who keeps the playbook up to date."""
    next_review: Date = Field(examples=['2027-03-31'])
    """When the playbook must be looked at again (YYYY-MM-DD)."""
    triage_owner: Owner
    """Who decides how serious a reported incident is."""
    classification: list[IncidentClass] = Field(min_length=1)
    """The incident levels, from the most serious."""
    phases: list[Phase] = Field(min_length=1)
    """The phases of a response, in order (e.g. contain, assess, notify, learn)."""
    remedial_actions: list[Text] = Field(min_length=1)
    """What may be done to put things right for the people affected."""
    legal_escalation: Text
    """When and how legal counsel and the DPO are brought in, and who notifies the authority."""
    evidence: Text
    """What to keep as evidence and where."""
    tabletop: Tabletop
    """How the playbook is rehearsed."""
    contacts: list[InternalContact] = Field(
        default_factory=list, description="Internal edition only."
    )


class Conditions(Strict):
    """When an organisation-specific requirement applies (all given parts must match)."""

    jurisdictions: list[Id] = Field(examples=[['de']], default_factory=list)
    """Jurisdiction ids the requirement applies in (empty: all)."""
    regimes: list[Regime] = Field(default_factory=list)
    """Privacy laws the requirement applies under: eu_gdpr, uk_gdpr, ccpa (empty: all)."""
    programs: list[Id] = Field(default_factory=list)
    """Program ids the requirement applies to (empty: all)."""


class RequirementSeverity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Requirement(Strict):
    id: Annotated[StrictStr, StringConstraints(pattern=r"^org\.[a-z0-9][a-z0-9.\-_]*$")] = Field(
        examples=['org.works-council'])
    """The requirement's id: starts with `org.`, then lower-case letters, digits, dots, hyphens or
    underscores."""
    title: Label = Field(examples=['Works council agreement'])
    """The requirement in a few words."""
    description: Text
    """What a notice must say to meet it."""
    citation: ShortText = Field(examples=['Works agreement 2025, section 4'])
    """Where the requirement comes from (a law, an agreement, a policy)."""
    section: Id = Field(description="The key in a program's notice.sections that satisfies it.")
    severity: RequirementSeverity = Field(RequirementSeverity.ERROR, examples=['error'])
    """What a notice that misses it does: error fails the build, warning only in strict mode."""
    applies_when: Conditions = Field(default_factory=Conditions)
    """Which notices it applies to; leave out to apply to all."""


class Requirements(Strict):
    """``data/requirements.yaml``: the organisation's own notice requirements."""

    requirements: list[Requirement] = Field(default_factory=list)
    """Every requirement of the organisation's own, one entry each."""
