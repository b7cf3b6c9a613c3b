"""The building blocks every data file uses: ids, texts, dates, periods, contacts, owners,
regimes and lawful bases, and :class:`Strict`, the base of every model (unknown keys are
errors)."""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictStr,
    StringConstraints,
    Tag,
)

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
# A notice version: up to three numbers of at most six digits ("1", "1.2", "2.0.1"). It
# names an archived file, so it never holds anything else.
VERSION_PATTERN = r"^[0-9]{1,6}(?:\.[0-9]{1,6}){0,2}$"

# An id: lower-case letters, digits and hyphens (it becomes part of a URL). Each key that
# holds one says what it names in its own description.
Id = Annotated[StrictStr, StringConstraints(pattern=ID_PATTERN)]


class Translatable:
    """Field metadata: a text readers get in their language (``data/translations/``).

    Every :data:`Text` is one; a short text is one when typed :data:`Label` (a field's
    label, a purpose's name, a title), not when it names a person, a place or a system."""

    def __repr__(self) -> str:
        return "Translatable()"


TRANSLATABLE = Translatable()
Text = Annotated[StrictStr, StringConstraints(min_length=1, max_length=20_000), TRANSLATABLE]
ShortText = Annotated[StrictStr, StringConstraints(min_length=1, max_length=300)]
Label = Annotated[StrictStr, StringConstraints(min_length=1, max_length=300), TRANSLATABLE]
# A language, as an ISO 639-1 code in lower case ("de", "en", "es"): it names a folder of
# data/translations/ and of the site (/de/), so it never holds anything else.
LANGUAGE_PATTERN = r"^[a-z]{2}$"
LanguageCode = Annotated[
    StrictStr, StringConstraints(pattern=LANGUAGE_PATTERN),
    Field(description="An ISO 639-1 language code in lower case, e.g. de, en, es.")]
Email = Annotated[
    StrictStr, StringConstraints(pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
]
# An https address, or one of the site's own: a single "/" and then a path character (never
# "//host" nor "/\\host", which a browser takes to another host).
URL_PATTERN = (r"^(?:https://[A-Za-z0-9]|/[A-Za-z0-9._~!$&*+,;=:@%-])"
               r"[A-Za-z0-9._~:/?#@!$&*+,;=%-]*$")
Url = Annotated[StrictStr, StringConstraints(pattern=URL_PATTERN)]
# A GitHub user (@name) or team (@org/team), as CODEOWNERS names a reviewer.
GITHUB_PATTERN = r"^@[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?$"
GitHubHandle = Annotated[
    StrictStr, StringConstraints(pattern=GITHUB_PATTERN),
    Field(description="A GitHub user (`@name`) or team (`@org/team`): `govportal codeowners` "
                      "makes it a required reviewer of what it approves or owns."),
]
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
    """Base for every model: unknown keys are errors; values are checked as assigned.

    A key's description (in the JSON Schemas, the editor's hover text and the data reference
    page) is the docstring under it, or its ``Field(description=…)``."""

    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True,
                              use_attribute_docstrings=True)


# --------------------------------------------------------------------------- disclosures


def carries(*topics: str) -> dict[str, Any]:
    """Field metadata: the notice evidence topics (``govportal.rules.evidence``) this key
    carries, or ``scope`` for a key that decides which disclosures apply. The check names the
    disclosures a missing or broken key blocks, the JSON Schema shows them to editors, and a
    test deletes every such key from the sample data to prove the gate notices."""
    return {"x-carries": list(topics)}


# --------------------------------------------------------------------------- declarations


class Declared(Strict):
    """An explicit statement that there is none, and why: ``{none: "…"}``.

    Where the law asks a notice to say something only when it exists (a DPO, transfers,
    recipients, other sources), the data says either what exists or, with this, that nothing
    does. A missing key is never read as "none": the check asks for one or the other."""

    none: Text = Field(description="Why there is none, in words an employee understands, "
                                   "e.g. 'All data stays in the EEA and the UK.'")


# The tags of a declared union appear in validation error paths; the loader removes them.
DECLARED_VALUE = "declared-value"
DECLARED_NONE = "declared-none"
DECLARED_TAGS = frozenset({DECLARED_VALUE, DECLARED_NONE})


def _declared_tag(value: Any) -> str:
    if isinstance(value, Declared) or (isinstance(value, dict) and "none" in value):
        return DECLARED_NONE
    return DECLARED_VALUE


def declared(value_type: Any) -> Any:
    """``value_type`` or a :class:`Declared` "none" statement (``{none: why}``)."""
    return Annotated[
        Annotated[value_type, Tag(DECLARED_VALUE)] | Annotated[Declared, Tag(DECLARED_NONE)],
        Discriminator(_declared_tag),
    ]


def is_declared_none(value: Any) -> bool:
    return isinstance(value, Declared)


# --------------------------------------------------------------------------- shared parts


class Contact(Strict):
    """A way to reach someone: a name and at least one of e-mail, phone, address or web page
    (the disclosure rules say which they need)."""

    name: ShortText = Field(examples=['Privacy Team'])
    """Who to contact: a person, a team or a role."""
    email: Email | None = Field(None, examples=['privacy@example.com'])
    """An e-mail address that reaches them."""
    phone: ShortText | None = Field(None, examples=['+49 30 1234 5678'])
    """A phone number, written as people should dial it."""
    address: Text | None = None
    """A postal address, on one or more lines."""
    url: Url | None = Field(None, examples=['https://example.com/privacy/contact'])
    """A web page or form to reach them: an https:// address or a page of this site."""


class Owner(Strict):
    """Who answers for an item, and by when it must be looked at again."""

    name: ShortText = Field(description="A person or a team that answers for this item.")
    email: Email | None = Field(None, examples=['people-analytics@example.com'])
    """An e-mail address that reaches the owner."""
    github: GitHubHandle | None = Field(None, examples=['@northwind/learning-team'])
    """The owner's GitHub user or team, asked to review changes to what they own (written
    into `.github/CODEOWNERS` by `govportal codeowners`); in quotes, as YAML gives `@` a meaning."""


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
