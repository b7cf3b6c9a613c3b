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
    VERSION_PATTERN,
    Contact,
    Date,
    Flag,
    Id,
    Label,
    LawfulBasis,
    Owner,
    ShortText,
    Strict,
    Text,
    carries,
    declared,
)

# --------------------------------------------------------------------------- programs


class SubjectCategory(enum.StrEnum):
    EMPLOYEE = "employee"
    MANAGER = "manager"
    CONTRACTOR = "contractor"
    APPLICANT = "applicant"


class DataSubjects(Strict):
    group: Label
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
    from_subject: Flag = Field(
        True, description="true (the default) when any data comes from the person or from "
                          "observing them (GDPR Art. 13): what they type, and what an app or "
                          "platform records as they use it.")
    other_sources: declared(list[Source]) | None = Field(
        None, json_schema_extra=carries("sources"),
        description="Where the rest comes from (GDPR Art. 14), or `{none: why}` when "
                          "everything comes from the person.")

    @property
    def sources(self) -> list[Source]:
        return self.other_sources if isinstance(self.other_sources, list) else []


class Art9Condition(enum.StrEnum):
    """GDPR Art. 9(2): the conditions that lift the ban on special-category data."""

    EXPLICIT_CONSENT = "9(2)(a)"
    EMPLOYMENT = "9(2)(b)"
    VITAL_INTERESTS = "9(2)(c)"
    NOT_FOR_PROFIT = "9(2)(d)"
    MADE_PUBLIC = "9(2)(e)"
    LEGAL_CLAIMS = "9(2)(f)"
    SUBSTANTIAL_PUBLIC_INTEREST = "9(2)(g)"
    OCCUPATIONAL_MEDICINE = "9(2)(h)"
    PUBLIC_HEALTH = "9(2)(i)"
    RESEARCH = "9(2)(j)"


class SpecialCategoryCondition(Strict):
    """Why a purpose may use special-category data (health, beliefs, union membership …)."""

    condition: Art9Condition = Field(
        description="The GDPR Art. 9(2) condition, e.g. \"9(2)(b)\" for employment law.")
    law: Text | None = Field(
        None, description="The law that allows it, where the condition needs one (b, g, h, "
                          "i, j), in plain words.")
    uk_schedule_1: ShortText | None = Field(
        None, description="UK: the DPA 2018 Schedule 1 condition, e.g. 'Part 1, paragraph 1 "
                          "(employment, social security and social protection)'.")


class CriminalOffenceBasis(Strict):
    """Why a purpose may use data about criminal convictions or offences (GDPR Art. 10)."""

    law: Text = Field(description="The law that authorises it, in plain words.")
    uk_schedule_1: ShortText | None = Field(
        None, description="UK: the DPA 2018 Schedule 1 condition relied on.")


class Purpose(Strict):
    id: Id
    description: Text
    fields: list[Id] = Field(min_length=1, json_schema_extra=carries("ccpa-purposes"))
    lawful_basis: dict[Id, LawfulBasis | list[LawfulBasis]] = Field(
        default_factory=dict, json_schema_extra=carries("purposes"),
        description="Per jurisdiction id: the GDPR lawful basis, or a list when the purpose "
                    "rests on several.")
    legitimate_interest: Text | None = Field(
        None, json_schema_extra=carries("legitimate-interests"),
        description="The interest pursued, where a basis is legitimate_interests: what "
                          "it achieves and for whom, not the purpose again.")
    balancing_test: ShortText | None = Field(None, description="Reference to the LIA record.")
    consent_justification: Text | None = None
    basis_reasons: dict[LawfulBasis, Text] = Field(
        default_factory=dict,
        description="For a basis other than legitimate interests, what it rests on (the law "
                    "for legal_obligation, the contract for contract).")
    special_category: SpecialCategoryCondition | None = Field(
        None, json_schema_extra=carries("special-category", "uk-special-category"),
        description="Needed when the purpose uses a special_category field.")
    criminal_offence: CriminalOffenceBasis | None = Field(
        None, json_schema_extra=carries("criminal-offence", "uk-criminal-offence"),
        description="Needed when the purpose uses a criminal_offence field.")

    def bases_in(self, jurisdiction: str) -> tuple[LawfulBasis, ...]:
        """The lawful bases the purpose gives for one jurisdiction (none when not given)."""
        value = self.lawful_basis.get(jurisdiction)
        if value is None:
            return ()
        return tuple(value) if isinstance(value, list) else (value,)

    @property
    def all_bases(self) -> tuple[LawfulBasis, ...]:
        """Every basis the purpose gives, in any jurisdiction, each once."""
        return tuple(dict.fromkeys(b for j in self.lawful_basis for b in self.bases_in(j)))


class RecipientKind(enum.StrEnum):
    INTERNAL = "internal"
    PROCESSOR = "processor"
    THIRD_PARTY = "third_party"


class Recipient(Strict):
    name: Label
    kind: RecipientKind
    vendor: Id | None = None
    purpose: Text


class ConsentDefault(enum.StrEnum):
    OFF = "off"
    ON = "on"


class ConsentChoice(Strict):
    """One thing a person can say yes or no to, on its own."""

    id: Id
    scope: Label = Field(description="What saying yes allows, e.g. 'personalised tips'.")
    default: ConsentDefault = Field(
        description="How the choice starts: off (opt-in). A choice that starts on is not "
                    "consent.")
    revocation_effect: ShortText = Field(
        description="What happens, and how fast, when the person says no later, e.g. "
                    "'Personalised tips stop within 24 hours.'")


class Consent(Strict):
    choices: list[ConsentChoice] = Field(
        min_length=1, description="Each separate choice (message types, analytics, sharing).")
    captured: Text = Field(description="When and how consent is asked and recorded.")
    revocation_route: Text = Field(description="How to withdraw, step by step.")
    refusal_effect: Text | None = Field(
        None, description="What saying no, or withdrawing, means for the person's job and for "
                          "the rest of the program (the notice says only what is written "
                          "here).")
    records: Text | None = None


class AutomatedDecisions(Strict):
    exists: Flag = Field(json_schema_extra=carries("automated-decisions"),
                         description="Whether decisions with legal or similar effect are made "
                                     "by a computer alone (GDPR Art. 22).")
    profiling: Flag = Field(json_schema_extra=carries("profiling"),
                            description="Whether people are profiled (evaluated or predicted "
                                        "by a computer), even with a person deciding.")
    statement: Text
    logic: Text | None = Field(None, json_schema_extra=carries("automated-decisions"),
                               description="How the decisions are made, in plain words.")
    significance: Text | None = Field(
        None, json_schema_extra=carries("automated-decisions", "profiling"),
        description="What the decisions or the profiling lead to for the person.")
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
    version: Annotated[StrictStr, StringConstraints(pattern=VERSION_PATTERN)] = Field(
        description="Quote it: version: \"1.2\"."
    )
    effective: Date
    first_layer: FirstLayer
    obligation: Text | None = Field(
        None, json_schema_extra=carries("obligation"),
        description="Whether providing the data is required, and why."
    )
    sections: dict[Id, Text] = Field(
        default_factory=dict, json_schema_extra=carries("section"),
        description="Extra sections required by the organisation."
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
    ask: Label
    mistakes: list[Id] = Field(default_factory=list)


class JointController(Strict):
    """An organisation that decides with the controller why and how data is used (GDPR
    Art. 26): the notice makes the essence of the arrangement available."""

    name: ShortText
    vendor: Id | None = None
    contact: Contact | None = None
    essence: Text = Field(description="Who does what: who answers requests, who gives the "
                                      "notice, who is the contact point.")


class Participation(Strict):
    """Whether people can choose to take part, and how they leave."""

    voluntary: Flag = Field(description="true when people may choose not to take part.")
    how_to_leave: Text | None = Field(
        None, description="How to leave the program, step by step (needed when voluntary).")
    what_stops: Label | None = Field(
        None, description="What stops, and how fast, once someone leaves, e.g. 'Tips stop "
                          "within 24 hours.' (needed when voluntary).")


class PeerFeedback(Strict):
    collected: Flag
    statement: Text = Field(description="What is asked of colleagues and who sees it, or "
                                        "that no one is asked about the person.")


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
    title: Label
    status: ProgramStatus
    summary: Text
    owner: Owner
    next_review: Date
    data_subjects: list[DataSubjects] = Field(min_length=1, json_schema_extra=carries("scope"))
    collection: Collection
    fields: list[Id] = Field(default_factory=list,
                             json_schema_extra=carries("data-categories", "retention"))
    purposes: list[Purpose] = Field(min_length=1)
    not_offered_in: dict[Id, Text] = Field(
        default_factory=dict, json_schema_extra=carries("scope"),
        description="The organisation's jurisdictions where the program is not offered, each "
                    "with the reason: every jurisdiction is either served or listed here.")
    recipients: declared(list[Recipient]) | None = Field(
        None, json_schema_extra=carries("recipients"),
        description="Who receives the data, or `{none: why}` when no one does.")
    transfers: declared(list[Id]) | None = Field(
        None, json_schema_extra=carries("transfers"),
        description="Transfer ids from transfers.yaml, or `{none: why}` when all data "
                          "stays where the people are (or in countries needing no transfer "
                          "tool).")
    joint_controllers: list[JointController] = Field(
        default_factory=list, json_schema_extra=carries("joint-controllers"),
        description="Organisations that decide with you why and how the data is used.")
    consent: Consent | None = Field(None, json_schema_extra=carries("withdraw-consent"))
    automated_decisions: AutomatedDecisions
    analytics: Analytics | None = None
    participation: Participation | None = Field(
        None, description="Whether taking part is optional, and how to leave.")
    peer_feedback: PeerFeedback | None = Field(
        None, description="Whether colleagues give feedback about the person in this program.")
    sells_or_shares: Flag | None = Field(
        None, description="Overrides the organisation's answer for this program.")
    notice: Notice
    manager_guide: ManagerGuide
    launch_readiness: list[LaunchAnswer] = Field(default_factory=list)
    dpia: ShortText | None = Field(None, description="DPIA reference, where one was done.")

    @property
    def recipient_list(self) -> list[Recipient]:
        return self.recipients if isinstance(self.recipients, list) else []

    @property
    def transfer_ids(self) -> list[str]:
        return self.transfers if isinstance(self.transfers, list) else []
