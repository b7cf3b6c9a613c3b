"""What a manager guide says about each field, read once from the data for the page and the
rules alike.

A program's ``manager_guide.fields`` puts each of its fields in one of three lists: may use,
only with HR sign-off, never. The guide's summary box and its detailed lists are both made
from :func:`guide_lists`; the rules of the ``guide`` family check the same lists with
:func:`decisions` (where a field sits in two lists, or in none) and :func:`view_texts` (what
the guide says each manager-facing view shows).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..data import model as m
from ..data.policy import Policy
from ..text.safe_markdown import plain

# The three answers, in the order the guide shows them, with the words readers see.
MAY_USE, NEEDS_SIGNOFF, NEVER_USE = "may_use", "needs_signoff", "never_use"
ANSWERS = (MAY_USE, NEEDS_SIGNOFF, NEVER_USE)
ANSWER_WORDS = {MAY_USE: "may use", NEEDS_SIGNOFF: "HR sign-off", NEVER_USE: "never use"}


@dataclass(frozen=True)
class Decision:
    """One field placed in one list of ``manager_guide.fields``."""

    field_id: str
    answer: str
    index: int  # position in its list, for locating a problem


def decisions(program: m.Program) -> dict[str, list[Decision]]:
    """Field id -> every place ``manager_guide.fields`` names it, in the order written."""
    out: dict[str, list[Decision]] = {}
    lists = program.manager_guide.fields
    for answer in ANSWERS:
        for index, fid in enumerate(getattr(lists, answer)):
            out.setdefault(fid, []).append(Decision(fid, answer, index))
    return out


def always_never(f: m.DataField) -> bool:
    """Special-category, criminal-offence and high-risk fields are never for managers,
    whatever a list says."""
    return f.sensitive or f.high_risk or f.classification is m.Classification.CRIMINAL_OFFENCE


def guide_lists(policy: Policy, program: m.Program) -> dict[str, list[m.DataField]]:
    """The fields under each answer, as the guide shows them: each field once, under its
    first decision, in the order the lists give; fields the inventory lacks are left out."""
    by_id = policy.fields_by_id
    out: dict[str, list[m.DataField]] = {a: [] for a in ANSWERS}
    for fid, found in decisions(program).items():
        if fid in by_id:
            out[found[0].answer].append(by_id[fid])
    return out


def manager_label(f: m.DataField) -> str:
    return f.manager_label or f.label


def manager_description(f: m.DataField) -> str:
    return f.manager_description or f.description


@dataclass(frozen=True)
class ViewText:
    """What a guide says one contextual view shows of its program."""

    view: m.View
    shown: list[m.DataField]  # the program's may-use fields that this view shows
    text: str | None  # the words printed under it, if any
    from_guide: bool  # True: manager_guide.views; False: the view's own purpose


def view_texts(policy: Policy, program: m.Program) -> list[ViewText]:
    """For every contextual view: the program's may-use fields it shows, and the text the
    guide prints about it. The guide's own words (``manager_guide.views``) come first; the
    view's general purpose is printed only when the view shows something of the program."""
    may_use = guide_lists(policy, program)[MAY_USE]
    own = program.manager_guide.views
    out = []
    for view in (policy.roles.views if policy.roles else []):
        if view.kind is not m.ViewKind.CONTEXTUAL:
            continue
        shown = [f for f in may_use if view.id in f.views]
        if view.id in own:
            out.append(ViewText(view, shown, own[view.id], True))
        else:
            out.append(ViewText(view, shown, view.purpose if shown else None, False))
    return out


_ADDRESSED = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)


def speaks_to_employee(text: str) -> bool:
    """Whether a field description addresses the reader as the person the data is about."""
    return bool(_ADDRESSED.search(plain(text)))


def names_in(text: str, names: list[str]) -> list[str]:
    """Which of ``names`` (field labels of two words or more) the text mentions, ignoring
    case; one-word labels ("Progress") are too common in ordinary sentences to tell."""
    words = " ".join(plain(text).lower().split())
    found = []
    for name in names:
        low = _spoken(name)
        if (low and low in words  # the quick test first: most names are absent
                and re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", words)):
            found.append(name)
    return found


@functools.lru_cache(maxsize=65536)
def _spoken(name: str) -> str:
    """A label as :func:`names_in` looks for it (lower case, single spaces); "" for a
    label of one word."""
    low = " ".join(name.lower().split())
    return low if len(low.split()) >= 2 else ""
