"""A program's privacy notice (version, first layer, changelog) and its manager guide (one
decision per field), as ``data/programs/<id>.yaml`` holds them under ``notice:`` and
``manager_guide:``."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    Field,
    StrictStr,
    StringConstraints,
)

from .types import (
    VERSION_PATTERN,
    Date,
    Flag,
    Id,
    Label,
    ShortText,
    Strict,
    Text,
    carries,
)


class Waiver(Strict):
    item: ShortText
    """The id of the disclosure the notice leaves out."""
    reason: Text
    """Why it may be left out (the legal reason)."""


class ChangelogEntry(Strict):
    version: ShortText = Field(examples=['1.0'])
    """The notice version this entry is for: quote it, e.g. "1.2"."""
    date: Date = Field(examples=['2026-01-15'])
    """When this version takes effect (YYYY-MM-DD)."""
    summary: Text = Field(examples=['First version.'])
    """What changed, in a sentence employees understand."""
    material: Flag = False
    """true when the change adds a purpose, a recipient, a transfer or a kind of information, or
    keeps records longer (the check detects these)."""
    changes: list[Text] = Field(default_factory=list)
    """Each change, one entry each, in employees' words."""


class FirstLayer(Strict):
    summary: Text
    """The short version at the top of the notice: what happens to the data, in two or three
    sentences."""
    surprises: list[Text] = Field(default_factory=list)
    """Anything a person would not expect, said up front."""


class Notice(Strict):
    version: Annotated[StrictStr, StringConstraints(pattern=VERSION_PATTERN)] = Field(
        description="Quote it: version: \"1.2\"."
    ,
        examples=['1.2'])
    effective: Date = Field(examples=['2026-01-15'])
    """When the current version takes effect (YYYY-MM-DD)."""
    first_layer: FirstLayer
    """The short first layer of the notice."""
    obligation: Text | None = Field(
        None, json_schema_extra=carries("obligation"),
        description="Whether providing the data is required, and why."
    )
    sections: dict[Id, Text] = Field(
        default_factory=dict, json_schema_extra=carries("section"),
        description="Extra sections required by the organisation."
    )
    section_titles: dict[Id, Label] = Field(
        default_factory=dict,
        description="The heading of an extra section (its key in `sections` → the heading), "
                    "translated like every other label. Without one, the heading is the title "
                    "of the requirement the section meets, else the key in words.",
        examples=[{"health-information": "Health information"}])
    waivers: list[Waiver] = Field(default_factory=list)
    """Disclosures the notice may leave out, each with the legal reason."""
    changelog: list[ChangelogEntry] = Field(min_length=1)
    """One entry per version, the newest last."""


class FieldDecisions(Strict):
    """What managers may do with each field of the program: every field in exactly one list.

    The guide's summary box and its detailed lists are both made from these lists, so the two
    can never disagree; the rules of the ``guide`` family check them against the role views."""

    may_use: list[Id] = Field(
        default_factory=list,
        description="Fields managers may use in 1:1s and reviews (each must be shown in a "
                    "contextual view, such as the manager view).",
        examples=[['milestone-status']])
    needs_signoff: list[Id] = Field(
        default_factory=list,
        description="Fields a manager may use only after HR signs off (each must be shown in "
                    "an audit view that requires HR sign-off).",
        examples=[['quiz-score']])
    never_use: list[Id] = Field(
        default_factory=list,
        description="Fields managers must never use, not even with HR sign-off.",
        examples=[['health-training-completion']])


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
                    "program (exports, other programs' data), in the manager's words.",
        examples=[['Exports or screenshots of the dashboard.']])
    views: dict[Id, Text] = Field(
        default_factory=dict,
        description="Per contextual view id: what that view shows of this program, in the "
                    "manager's words. Replaces the view's general purpose on this guide.")
    interpretation: list[Text] = Field(default_factory=list)
    """How to read the data fairly (what it does and does not show), one point each."""
    record_purpose: Text | None = None
    """Why managers record anything from this program, when they do."""
    ask: Label = Field(examples=['Ask your HR Business Partner.'])
    """Who managers ask when unsure."""
    mistakes: list[Id] = Field(default_factory=list)
    """Mistake ids from mistakes.yaml that this guide warns about."""
