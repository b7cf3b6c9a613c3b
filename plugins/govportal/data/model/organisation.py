"""``data/organisation.yaml``: who the controller is, where it operates, how people reach
it and exercise their rights, and how it governs the data."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    Discriminator,
    Field,
    StrictInt,
    StrictStr,
    StringConstraints,
    Tag,
)

from .types import (
    Contact,
    Date,
    Flag,
    Id,
    Label,
    LanguageCode,
    Regime,
    ShortText,
    Strict,
    Text,
    Url,
    carries,
    declared,
)

# --------------------------------------------------------------------------- organisation


class SupervisoryAuthority(Strict):
    """An authority the portal's catalog does not list (name it by its catalog id when it
    does: the catalog carries its official name, address and sources)."""

    name: ShortText = Field(examples=['Example Data Protection Authority'])
    """The authority's name."""
    url: Url | None = Field(None, examples=['https://dpa.example.org'])
    """The authority's web site."""
    address: Text | None = None
    """The authority's postal address."""


CountryCode = Annotated[StrictStr, StringConstraints(pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")]


AuthorityRef = Annotated[
    Annotated[Id, Tag("authority-id")] | Annotated[SupervisoryAuthority, Tag("authority-named")],
    Discriminator(lambda v: "authority-id" if isinstance(v, str) else "authority-named"),
]


class Languages(Strict):
    """The languages a jurisdiction's notices and guides are published in.

    A page is published in every required language of every jurisdiction it serves, and in
    an optional one when its translation is complete. A missing or out-of-date translation
    is an error in a required language (a warning before ``required_from``, while the
    translation is being made) and a warning in an optional one."""

    required: list[LanguageCode] = Field(
        min_length=1, description="Languages every notice and guide served here must have.")
    optional: list[LanguageCode] = Field(
        default_factory=list,
        description="Languages published where a complete translation exists.")
    required_from: Date | None = Field(
        None, description="The day the required languages become a condition of publishing; "
                          "before it a missing translation is a warning (YYYY-MM-DD).")


class Jurisdiction(Strict):
    id: Id = Field(examples=['de'])
    """The jurisdiction's id, used by programs' data subjects and lawful bases."""
    name: Label = Field(examples=['Germany'])
    """Its name, as notices show it."""
    country: CountryCode = Field(
        description="ISO 3166 code, e.g. DE, GB, US-CA (quote nothing: NO stays Norway).",
        examples=['DE'])
    regimes: list[Regime] = Field(
        default_factory=list, json_schema_extra=carries("scope"),
        description="The privacy laws that protect the people here (eu_gdpr, uk_gdpr, ccpa). "
                    "The check holds them to the country: every EU or EEA country has "
                    "eu_gdpr, the United Kingdom uk_gdpr, California ccpa.",
        examples=[['eu_gdpr']])
    supervisory_authority: AuthorityRef | None = Field(
        None, json_schema_extra=carries("complaint"),
        description="Where people here can complain: an id from the portal's catalog "
                    "of supervisory authorities (e.g. gb-ico, ie-dpc, de-be-blnbdi), or "
                    "a name and address for an authority the catalog does not list.",
        examples=['de-be-blnbdi'])
    languages: Languages | None = Field(
        None, description="Required and optional languages of the pages served here; without "
                          "it, English is required.",
        examples=[{'required': ['de'], 'optional': ['en']}])


class Establishment(Strict):
    """Where the organisation itself is established (an office, a branch, a subsidiary that
    employs people): it decides which authority is competent and whether a representative
    is needed (GDPR Art. 27)."""

    jurisdiction: Id = Field(description="The jurisdiction id where it is established.",
        examples=['de'])
    region: CountryCode | None = Field(
        None, description="ISO 3166-2 code of the state or region, e.g. DE-BE for Berlin: in "
                          "Germany it decides which state's authority is competent.",
        examples=['DE-BE'])
    main: Flag = Field(False, description="The main establishment (head office).")


class Rights(Strict):
    """How people exercise their rights. Which rights they have comes from the disclosure
    catalog, per regime and lawful basis; the data says how to use them."""

    how_to_exercise: Text = Field(json_schema_extra=carries("rights", "ccpa-rights"))
    """How people ask to see, correct or delete their data, or object, step by step."""
    response_time: Label = Field(examples=['within one month'],
                               json_schema_extra=carries("rights", "ccpa-rights"))
    """How soon they get an answer."""
    verification: Text | None = Field(
        None, json_schema_extra=carries("ccpa-verification"),
        description="How a request is checked to come from the person (California).")
    authorized_agent: Text | None = Field(
        None, json_schema_extra=carries("ccpa-agent"),
        description="How someone else may ask on the person's behalf (California).")
    non_retaliation: Text | None = Field(
        None, json_schema_extra=carries("ccpa-non-retaliation"),
        description="That using a right never counts against the person (California).")


class RightsByRegime(Strict):
    """Rights handled differently per regime: one entry per regime the organisation serves."""

    eu_gdpr: Rights | None = None
    """How people protected by the EU GDPR exercise their rights."""
    uk_gdpr: Rights | None = None
    """How people protected by the UK GDPR exercise their rights."""
    ccpa: Rights | None = None
    """How people in California exercise their rights."""


def _rights_tag(value: Any) -> str:
    if isinstance(value, RightsByRegime) or (
            isinstance(value, dict) and "how_to_exercise" not in value
            and set(value) & {"eu_gdpr", "uk_gdpr", "ccpa"}):
        return "by-regime"
    return "shared"


RightsHandling = Annotated[
    Annotated[Rights, Tag("shared")] | Annotated[RightsByRegime, Tag("by-regime")],
    Discriminator(_rights_tag),
]


class WordingOmission(Strict):
    """Leave a sentence of the portal's standard wording out, and say why. The disclosure
    gate still reports an item that then lacks what the law requires."""

    omit: Text
    """Why the sentence is left out."""


class Responsibility(Strict):
    team: ShortText = Field(description="A team or role, e.g. HR (People Operations).",
        examples=['HR (People Operations)'])
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
    cadence: ShortText = Field(description="How often, e.g. every quarter.",
        examples=['every quarter'])
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

    title: ShortText = Field(examples=['Map the data'])
    """The step in a few words."""
    first_day: Day
    last_day: Day
    owner: ShortText = Field(description="The team that leads the step.")
    outcome: Text = Field(description="What the step delivers.")


class RolloutPlan(Strict):
    """A time-boxed plan for bringing a program in (the seed's 90-day compliance sprint):
    a data map, a pilot group with short retention, a vendor review workshop, a
    cross-functional review, then launch."""

    title: ShortText = Field(examples=['90-day compliance sprint'])
    """The plan's title."""
    start: Date = Field(description="Day 1 of the plan.")
    days: Day = Field(description="How long the plan runs, in days (e.g. 90).")
    pilot: PilotGroup | None = None
    """The pilot group the rollout starts with."""
    steps: list[RolloutStep] = Field(min_length=1)
    """The steps, in order of their days."""


class Approvals(Strict):
    """Which roles (ids in ``roles.yaml``) approve a change, by what it changes.
    ``govportal codeowners`` makes their GitHub handles the required reviewers of the files
    that hold it, and the governance page lists them."""

    notices: list[Id] = Field(
        min_length=1, description="Roles that approve every change to a privacy notice "
                                  "(every data file can change one, and the lock and "
                                  "archive record them).")
    clauses: list[Id] = Field(
        default_factory=list, description="Roles that approve the sample policy language "
                                          "(`clauses.yaml`); without, those of notices.")
    retention: list[Id] = Field(
        default_factory=list, description="Roles that approve the retention schedule "
                                          "(`retention.yaml`); without, those of notices.")


class Governance(Strict):
    """The operating model: who answers for what, how policy changes, where to escalate,
    what is reviewed how often, and the rollout plan."""

    responsibilities: list[Responsibility] = Field(default_factory=list)
    """Which team answers for what."""
    escalation: list[Escalation] = Field(default_factory=list)
    """Where to take a question or concern, by topic."""
    policy_changes: PolicyChanges | None = Field(
        None, description="Who approves and who communicates policy changes.")
    reviews: list[Review] = Field(default_factory=list, description="The review cadence.")
    rollout: RolloutPlan | None = Field(
        None, description="The time-boxed rollout plan, where there is one.")
    approvals: Approvals | None = Field(
        None, description="Who approves which change, as roles; with it, "
                          "`.github/CODEOWNERS` must be what `govportal codeowners` writes.")


class Organisation(Strict):
    """``data/organisation.yaml``: who the controller is and where it operates."""

    name: ShortText = Field(examples=['Example Corp'])
    """The organisation's everyday name."""
    legal_name: ShortText = Field(examples=['Example Corp GmbH'])
    """The registered legal name of the controller."""
    address: Text | None = Field(
        None, json_schema_extra=carries("controller"),
        description="The controller's postal address. Not required by itself: the "
                    "law asks for contact details, which an e-mail address or a web "
                    "form also gives.")
    contact: Contact = Field(json_schema_extra=carries("controller"))
    """How to reach the organisation as controller."""
    website: Url | None = Field(None, examples=['https://example.com'])
    """The organisation's web site."""
    privacy_policy_url: Url | None = Field(
        None, json_schema_extra=carries("privacy-policy", "opt-out-link"),
        description="Where the full privacy policy is published.")
    privacy_contact: Contact = Field(json_schema_extra=carries("objection"))
    """Who takes privacy questions and objections."""
    establishments: list[Establishment] | None = Field(
        None, min_length=1, json_schema_extra=carries("representative", "uk-representative"),
        description="Where the organisation is established. Decides the competent authority "
                    "and whether an EU or UK representative is needed.")
    staff_processing_personal_data: StrictInt | None = Field(
        None, ge=0, json_schema_extra=carries("dpo"),
        description="How many people routinely work with personal data by computer (in "
                    "Germany, 20 or more make a data protection officer mandatory, BDSG "
                    "38(1)).",
        examples=[12])
    dpo: declared(Contact) | None = Field(
        None, json_schema_extra=carries("dpo"),
        description="The data protection officer, or `{none: why}` when none is "
                    "designated.",
        examples=[{'none': 'Fewer than 20 people work with personal data, so no DPO is '
                           'required.'}])
    eu_representative: Contact | None = Field(
        None, json_schema_extra=carries("representative"),
        description="Representative in the EU (GDPR Art. 27), needed when the "
                    "organisation has no establishment in the EU.")
    uk_representative: Contact | None = Field(
        None, json_schema_extra=carries("uk-representative"),
        description="Representative in the UK (UK GDPR Art. 27), needed when the "
                    "organisation has no establishment in the UK.")
    escalation_contact: Contact
    """Who takes a concern that the privacy contact did not resolve."""
    rights: RightsHandling | None = Field(
        None, json_schema_extra=carries("rights", "ccpa-rights"),
        description="How people exercise their rights: one answer for every regime, or one "
                    "per regime (eu_gdpr, uk_gdpr, ccpa).")
    jurisdictions: list[Jurisdiction] = Field(min_length=1)
    """Every place the organisation employs people, with its privacy laws."""
    governance: Governance = Field(default_factory=Governance)
    """Who answers for what, how policy changes, escalation, reviews and the rollout plan."""
    sells_or_shares: Flag | None = Field(
        None, json_schema_extra=carries("sold-or-shared"),
        description="Whether personal information is sold or shared (CCPA sense); "
                          "stated once here when any jurisdiction is in California.")
    appropriate_policy_document: declared(ShortText) | None = Field(
        None, json_schema_extra=carries("uk-special-category"),
        description="UK: the reference of the appropriate policy document that DPA "
                    "2018 Schedule 1 asks for special-category data, or `{none: why}`.")
    acknowledge_url: Annotated[StrictStr, StringConstraints(
        min_length=1, max_length=2000)] | None = Field(
        None, description="Where a notice's \"I have read this notice\" link leads: the HR "
                          "system's https: address, with {notice_id}, {version}, {language} "
                          "and {notice_hash} filled in (URL-encoded). Without it, notices "
                          "have no such link.")
    wording: dict[ShortText, Text | WordingOmission] = Field(
        default_factory=dict,
        description="Your own text for a sentence of the portal's standard wording, by its "
                    "id (the coverage page lists each notice's standard wording), or "
                    "`{omit: why}` to leave it out.")
