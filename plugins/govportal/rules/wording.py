"""Text helpers the governance rules share: durations, placeholders, stand-in names.

Rules read free text that policy owners write. These helpers find what must not be typed
there by hand (a retention period, a notification deadline) and names that only stand in
for an owner ("TBD"). They look at one sentence at a time, so a duration counts only when
the same sentence is about keeping data (or about notifying someone).
"""

from __future__ import annotations

import re

from ..data import model as m

_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
          "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
          "seventy|eighty|ninety|hundred")
_NUMBER = rf"(?:\d{{1,4}}|(?:{_WORDS})(?:[ -](?:{_WORDS}))?)"
_UNIT = r"(?:(?:calendar|business|working)[ -])?(?:hour|day|week|fortnight|month|year)s?"
DURATION = re.compile(
    rf"\b(?:{_NUMBER}[ -]+{_UNIT}|(?<=for )an? {_UNIT}|(?<=after )an? {_UNIT}|"
    rf"(?<=within )an? {_UNIT}|\d{{1,3}} ?(?:h|hrs?)(?![a-z]))(?![a-z])",
    re.IGNORECASE)

_KEEPING = re.compile(
    r"\b(?:keep|keeps|kept|keeping|retain\w*|retention|stor(?:e|es|ed|ing|age)|delet\w*|"
    r"eras\w*|destroy\w*|purg\w*|anonymi[sz]\w*|archiv\w*|hold|holds|held|remov\w*)\b",
    re.IGNORECASE)
_NOTIFYING = re.compile(r"\b(?:notif\w*|inform\w*|tell|told|report\w*|alert\w*)\b",
                        re.IGNORECASE)
_OUTSIDE = re.compile(
    r"\b(?:authorit\w*|regulators?|supervisory|ico|commissioner\w*|attorney general|"
    r"data subjects?|affected|individuals|residents|people|persons|employees|users|customers|"
    r"consumers|gdpr|ccpa|cpra|law|statut\w*)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_PLACEHOLDER = re.compile(r"\[\[[^\]\n]*\]\]")

_STAND_INS = re.compile(
    r"^(?:tbd|tbc|tba|todo|to do|to be (?:decided|confirmed|named)|unknown|n/?a|none|nobody|"
    r"no one|unassigned|owner|name|someone|xx+|\?+|-+)$", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(_PLACEHOLDER.sub(" ", text)) if s.strip()]


def stated_period(text: str) -> str | None:
    """The first duration written in a sentence about keeping or deleting data."""
    for sentence in sentences(text):
        if _KEEPING.search(sentence):
            found = DURATION.search(sentence)
            if found:
                return found.group(0)
    return None


def typed_deadline(text: str) -> str | None:
    """The first duration in a sentence about notifying someone outside the team."""
    for sentence in sentences(text):
        if _NOTIFYING.search(sentence) and _OUTSIDE.search(sentence):
            found = DURATION.search(sentence)
            if found:
                return found.group(0)
    return None


def has_duration(text: str) -> bool:
    return DURATION.search(text) is not None


def is_stand_in(name: str) -> bool:
    """True when an owner's name only stands in for one ("TBD", "n/a", "???")."""
    return bool(_STAND_INS.match(name.strip().strip(".:!").strip()))


_WORD_VALUES = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"))}
_WORD_VALUES.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "a": 1, "an": 1})


def as_period(duration: str) -> str | None:
    """A duration in the schedule's form ('six months' → '6 months'), when it has one."""
    match = re.match(r"(?i)^(\S+?)[ -]+(?:(?:calendar|business|working)[ -])?"
                     r"(day|week|month|year)s?$", duration.strip())
    if not match:
        return None
    number, unit = match.group(1).lower(), match.group(2).lower()
    if number.isdigit():
        value = int(number)
    elif number in _WORD_VALUES:
        value = _WORD_VALUES[number]
    else:
        return None
    if value < 1:
        return None
    return f"{value} {unit}{'s' if value != 1 else ''}"


def same_period_rules(duration: str, rules: list[m.RetentionRule]) -> list[str]:
    """Ids of the retention rules whose period equals ``duration`` (in days)."""
    period = as_period(duration)
    if period is None:
        return []
    days = m.period_days(period)
    return [r.id for r in rules if m.period_days(r.period) == days]
