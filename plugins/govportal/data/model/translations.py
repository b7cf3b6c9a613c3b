"""``data/translations/<lang>/<kind>.yaml``: texts in another language, keyed like their
source.

Each file translates one kind of data file (``programs``, ``organisation``, ``inventory``,
``checklists`` …). Its keys are the ids of the source records (a program's id, a checklist's
id; ``organisation`` for the one record of ``organisation.yaml``), then the path of the text
inside the record, its parts joined by dots, with a list item named by its id where it has
one (``purposes.coaching-tips.description``) and by its position otherwise
(``notice.first_layer.surprises.0``). Each text records the fingerprint of the source it was
translated from, so the check knows when the source changed since.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, RootModel, StrictStr, StringConstraints

from .types import Strict, Text

# A short SHA-256 of the normalised source text (``govportal translations stamp`` writes it).
FINGERPRINT_PATTERN = r"^[0-9a-f]{12}$"
TEXT_KEY_PATTERN = r"^[A-Za-z0-9_-]{1,64}(?:\.[A-Za-z0-9_-]{1,64}){0,15}$"

Fingerprint = Annotated[
    StrictStr, StringConstraints(pattern=FINGERPRINT_PATTERN),
    Field(description="The first 12 hex digits of the SHA-256 of the source text, "
                      "whitespace collapsed (`govportal translations status` prints it).")]
TextKey = Annotated[StrictStr, StringConstraints(pattern=TEXT_KEY_PATTERN)]
# A record's id as its data file writes it (an id; a requirement's id also has dots).
RecordId = Annotated[
    StrictStr, StringConstraints(pattern=r"^[a-z0-9](?:[a-z0-9._-]{0,126}[a-z0-9])?$"),
    Field(description="The id of the record the texts belong to ('organisation' for the "
                      "organisation).")]


class TranslatedText(Strict):
    """One text in the file's language and the fingerprint of the source it translates."""

    source: Fingerprint
    """The fingerprint of the source text this translation was made from (`govportal
    translations stamp` writes it; a different fingerprint makes the translation stale)."""
    text: Text = Field(examples=['Das Micro-Coaching schickt Ihnen kurze Impulse.'])
    """The text in the file's language."""


class TranslationFile(RootModel[dict[RecordId, dict[TextKey, TranslatedText]]]):
    """Record id → text path → the translated text."""
