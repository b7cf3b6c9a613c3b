"""``data/programs/<id>.yaml``: one program, and everything its notice and its manager guide
must say."""

from __future__ import annotations

import enum

from pydantic import (
    Field,
)

from .notice import ManagerGuide, Notice
from .types import (
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
    group: Label = Field(examples=['Managers in the pilot group'])
    """Who the people are, in plain words."""
    category: SubjectCategory = Field(examples=['manager'])
    """Which kind of people they are."""
    jurisdictions: list[Id] = Field(examples=[['de', 'gb']], min_length=1)
    """The jurisdiction ids (from organisation.yaml) where these people work."""


class Source(Strict):
    name: ShortText = Field(examples=['The learning platform'])
    """Where the data comes from."""
    description: Text = Field(examples=['Course completions and progress'])
    """What comes from there."""
    publicly_accessible: Flag = False
    """true when the source is public (notices must say so)."""


class Collection(Strict):
    """How the data is collected: directly or by observation (GDPR Art. 13), or from
    other sources (Art. 14)."""

    how: Text = Field(examples=['The coaching app records which tips a manager opens.'])
    """How the data is collected, in plain words."""
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
    id: Id = Field(examples=['personalised-tips'])
    """The purpose's id."""
    description: Text = Field(examples=['To choose tips that fit your team.'])
    """What the data is used for, in the employee's words."""
    fields: list[Id] = Field(examples=[['tip-opened']], min_length=1,
                             json_schema_extra=carries("ccpa-purposes"))
    """The inventory field ids this purpose uses."""
    lawful_basis: dict[Id, LawfulBasis | list[LawfulBasis]] = Field(
        default_factory=dict, json_schema_extra=carries("purposes"),
        description="Per jurisdiction id: the GDPR lawful basis, or a list when the purpose "
                    "rests on several.",
        examples=[{'de': 'legitimate_interests', 'gb': 'legitimate_interests'}])
    legitimate_interest: Text | None = Field(
        None, json_schema_extra=carries("legitimate-interests"),
        description="The interest pursued, where a basis is legitimate_interests: what "
                          "it achieves and for whom, not the purpose again.")
    balancing_test: ShortText | None = Field(None, description="Reference to the LIA record.")
    consent_justification: Text | None = None
    """Where a basis is consent: why consent can be freely given at work here."""
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
    name: Label = Field(examples=['Coachly Ltd (our coaching app provider)'])
    """Who receives the data, as notices name them."""
    kind: RecipientKind = Field(examples=['processor'])
    """What they are to the organisation: internal (a team of ours), processor (acts on our
    instructions) or third_party (uses the data for its own purposes)."""
    vendor: Id | None = Field(None, examples=['coachly'])
    """The vendor's id in vendors.yaml, for a processor or third party."""
    purpose: Text = Field(examples=['To send the tips.'])
    """Why they receive it."""


class ConsentDefault(enum.StrEnum):
    OFF = "off"
    ON = "on"


class ConsentChoice(Strict):
    """One thing a person can say yes or no to, on its own."""

    id: Id = Field(examples=['personalised-tips'])
    """The choice's id."""
    scope: Label = Field(description="What saying yes allows, e.g. 'personalised tips'.",
        examples=['personalised tips'])
    default: ConsentDefault = Field(
        description="How the choice starts: off (opt-in). A choice that starts on is not "
                    "consent.",
        examples=['off'])
    revocation_effect: ShortText = Field(
        description="What happens, and how fast, when the person says no later, e.g. "
                    "'Personalised tips stop within 24 hours.'",
        examples=['Personalised tips stop within 24 hours.'])


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
    """How consent records are kept (and for how long: quote the schedule)."""


class AutomatedDecisions(Strict):
    exists: Flag = Field(json_schema_extra=carries("automated-decisions"),
                         description="Whether decisions with legal or similar effect are made "
                                     "by a computer alone (GDPR Art. 22).")
    profiling: Flag = Field(json_schema_extra=carries("profiling"),
                            description="Whether people are profiled (evaluated or predicted "
                                        "by a computer), even with a person deciding.")
    statement: Text = Field(examples=['No decision about you is made by a computer alone.'])
    """What notices say about automated decisions, in plain words (also when there are none)."""
    logic: Text | None = Field(None, json_schema_extra=carries("automated-decisions"),
                               description="How the decisions are made, in plain words.")
    significance: Text | None = Field(
        None, json_schema_extra=carries("automated-decisions", "profiling"),
        description="What the decisions or the profiling lead to for the person.")
    opt_out: Text | None = None
    """How the person can ask for a person to decide instead, or object."""


class AnalyticsLevel(enum.StrEnum):
    AGGREGATE = "aggregate"
    PSEUDONYMISED = "pseudonymised"
    INDIVIDUAL = "individual"


class Analytics(Strict):
    level: AnalyticsLevel = Field(examples=['aggregate'])
    """How detailed the analytics are: aggregate, pseudonymised or individual."""
    description: Text
    """What is analysed and who sees the results."""
    dpia: ShortText | None = None
    """The DPIA reference, when analytics are more than aggregate."""
    opt_out: Text | None = None
    """How the person can opt out of the analytics."""


class JointController(Strict):
    """An organisation that decides with the controller why and how data is used (GDPR
    Art. 26): the notice makes the essence of the arrangement available."""

    name: ShortText
    """The organisation's name."""
    vendor: Id | None = None
    """Its vendor id in vendors.yaml, when it is one."""
    contact: Contact | None = None
    """How people reach it."""
    essence: Text = Field(description="Who does what: who answers requests, who gives the "
                                      "notice, who is the contact point.")


class Participation(Strict):
    """Whether people can choose to take part, and how they leave."""

    voluntary: Flag = Field(description="true when people may choose not to take part.")
    how_to_leave: Text | None = Field(
        None, description="How to leave the program, step by step (needed when voluntary).")
    what_stops: Label | None = Field(
        None, description="What stops, and how fast, once someone leaves, e.g. 'Tips stop "
                          "within 24 hours.' (needed when voluntary).",
        examples=['Tips stop within 24 hours.'])


class PeerFeedback(Strict):
    collected: Flag
    """true when colleagues are asked about the person."""
    statement: Text = Field(description="What is asked of colleagues and who sees it, or "
                                        "that no one is asked about the person.")


class Answer(enum.StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "not_applicable"


class LaunchAnswer(Strict):
    item: Id = Field(examples=['dpia-done'])
    """The id of a mandatory item of the launch-gate checklist."""
    answer: Answer = Field(examples=['met'])
    """Whether the item is met, not met, or does not apply to this program."""
    evidence: Text | None = None
    """What shows it is met (internal edition only)."""


class ProgramStatus(enum.StrEnum):
    PLANNED = "planned"
    PILOT = "pilot"
    LIVE = "live"
    RETIRED = "retired"


class Program(Strict):
    """``data/programs/<id>.yaml``: one program and everything its notice must say."""

    id: Id = Field(examples=['micro-coaching'])
    """The program's id: the same as its file name, and part of its pages' addresses."""
    title: Label = Field(examples=['Micro-coaching'])
    """The program's name as employees know it."""
    status: ProgramStatus = Field(examples=['pilot'])
    """Where the program is: planned, pilot, live or retired."""
    summary: Text
    """What the program is, in one or two sentences."""
    owner: Owner
    """Who answers for the program."""
    next_review: Date = Field(examples=['2027-06-30'])
    """When the program must be looked at again (YYYY-MM-DD)."""
    data_subjects: list[DataSubjects] = Field(min_length=1, json_schema_extra=carries("scope"))
    """Whose data it is: each group, its category and where they work."""
    collection: Collection
    """How the data is collected, and where from."""
    fields: list[Id] = Field(examples=[['tip-opened', 'team-size']], default_factory=list,
                             json_schema_extra=carries("data-categories", "retention"))
    """The inventory field ids the program collects."""
    purposes: list[Purpose] = Field(min_length=1)
    """What the data is used for, each with its lawful basis."""
    not_offered_in: dict[Id, Text] = Field(
        default_factory=dict, json_schema_extra=carries("scope"),
        description="The organisation's jurisdictions where the program is not offered, each "
                    "with the reason: every jurisdiction is either served or listed here.",
        examples=[{'us-ca': 'The pilot runs in Europe only.'}])
    recipients: declared(list[Recipient]) | None = Field(
        None, json_schema_extra=carries("recipients"),
        description="Who receives the data, or `{none: why}` when no one does.",
        examples=[{'none': 'No one outside the People team receives the data.'}])
    transfers: declared(list[Id]) | None = Field(
        None, json_schema_extra=carries("transfers"),
        description="Transfer ids from transfers.yaml, or `{none: why}` when all data "
                          "stays where the people are (or in countries needing no transfer "
                          "tool).",
        examples=[['coachly-us']])
    joint_controllers: list[JointController] = Field(
        default_factory=list, json_schema_extra=carries("joint-controllers"),
        description="Organisations that decide with you why and how the data is used.")
    consent: Consent | None = Field(None, json_schema_extra=carries("withdraw-consent"))
    """Where a purpose rests on consent: the choices, and how to withdraw."""
    automated_decisions: AutomatedDecisions
    """Whether a computer decides or profiles, and what notices say about it."""
    analytics: Analytics | None = None
    """Analytics made from the program's data, where there are any."""
    participation: Participation | None = Field(
        None, description="Whether taking part is optional, and how to leave.")
    peer_feedback: PeerFeedback | None = Field(
        None, description="Whether colleagues give feedback about the person in this program.")
    sells_or_shares: Flag | None = Field(
        None, description="Overrides the organisation's answer for this program.")
    notice: Notice
    """The privacy notice: version, first layer and changelog."""
    manager_guide: ManagerGuide
    """The manager guide: what managers may and may not use."""
    launch_readiness: list[LaunchAnswer] = Field(default_factory=list)
    """The answers to the launch-gate checklist's mandatory items."""
    dpia: ShortText | None = Field(None, description="DPIA reference, where one was done.")

    @property
    def recipient_list(self) -> list[Recipient]:
        return self.recipients if isinstance(self.recipients, list) else []

    @property
    def transfer_ids(self) -> list[str]:
        return self.transfers if isinstance(self.transfers, list) else []
