"""Text helpers the governance rules share: durations, placeholders, stand-in names.

Rules read free text that policy owners write. These helpers find what must not be typed
there by hand (a retention period, a notification deadline) and names that only stand in
for an owner ("TBD"). They look at one sentence at a time, so a duration counts only when
the same sentence is about keeping data (or about notifying someone).
"""

from __future__ import annotations

import functools
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


# A pure function of the text, asked of every text of every notice: a text repeated across
# programs (or kept by a live preview's earlier check) is read once.
@functools.lru_cache(maxsize=65536)
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
    return [r.id for r in rules if r.days == days]


# Text that stands in for content: a policy owner's reminder that something is still to be
# written, or a pointer to text elsewhere. Matched against the whole value, normalised.
_FILLER = re.compile(
    r"^(?:tbd|tba|tbc|to ?do|fix ?me|xxx+|x|n\.?\s?a\.?|n/a|na|none|nil|null|unknown|various|"
    r"etc|placeholder|lorem ipsum.*|test|tk|pending|-+|\?+|\.+|…|"
    r"to be (?:added|confirmed|decided|determined|defined|written|completed|agreed)(?: later)?|"
    r"not (?:yet )?(?:applicable|known|decided|available)|"
    r"\[?(?:insert|add|enter|fill in)\b.*\]?|<[^>]*>)$", re.I)
_POINTER_PLACE = re.compile(r"\b(?:above|below|elsewhere|earlier|previously)\b", re.I)
_POINTER_VERB = re.compile(
    r"\b(?:see|refer|listed|described|explained|set out|stated|mentioned|given|same|as)\b",
    re.I)
_WORDS = re.compile(r"[a-z0-9]+")
_STOP = frozenset(re.findall(r"\w+", """
    a an the and or of to in on for with by at from as is are be we our us you your it its
    this that these those their them they which who whom when where how so such any all
    can may will would do does not no into about also only more"""))


_EMPHASIS = str.maketrans("", "", "*_`>#")
_SEE = re.compile(r"(?:please )?(?:see|refer to)\b", re.I)


def _normal(text: str) -> str:
    """``text`` without Markdown's emphasis, code, quote and heading signs, whitespace runs
    made one space, trailing punctuation dropped: ``" **TBD**.  "`` → ``"TBD"``."""
    return " ".join(text.translate(_EMPHASIS).split()).rstrip(".:;,!").strip()


# A pure function of the text, asked of every text of the data: the same text (a value repeated
# across programs, or kept by a live preview's earlier check) is judged once.
@functools.lru_cache(maxsize=65536)
def stand_in_text(text: str) -> str | None:
    """What makes ``text`` a stand-in rather than content ("TBD", "n/a", "see above", "the
    purposes listed above"), or None when it says something."""
    norm = _normal(text)
    if _FILLER.match(norm):
        return "a placeholder"
    words = norm.count(" ") + 1
    if words <= 10 and _POINTER_PLACE.search(norm) and _POINTER_VERB.search(norm):
        return "a pointer to text elsewhere"
    if words <= 6 and _SEE.match(norm):
        return "a pointer to text elsewhere"
    return None


def content_words(text: str) -> set[str]:
    """The words that carry meaning, crudely stemmed (plural and -ing endings dropped)."""
    out = set()
    for word in _WORDS.findall(text.lower()):
        if word in _STOP or len(word) < 3:
            continue
        for suffix in ("ing", "es", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        out.add(word)
    return out


def restates(text: str, other: str) -> bool:
    """Whether ``text`` adds nothing to ``other``: every word that carries meaning in it is
    already in ``other`` (e.g. a legitimate interest that repeats its purpose)."""
    words = content_words(text)
    return bool(words) and words <= content_words(other)


# An end of retention that only restates necessity: it says nothing a reader can check.
_CIRCULAR = re.compile(
    r"\b(?:no longer (?:need\w*|necessary|required|useful|relevant)|"
    r"purposes?\b[^.;]{0,40}?\b(?:fulfilled|achieved|served|completed|over)|"
    r"as long as (?:necessary|needed|required)|(?:when|once) (?:it is|they are|"
    r"we are|the data is) (?:done|finished)|(?:necessary|needed|required) for the purposes?)\b",
    re.I)


def circular_end(text: str) -> bool:
    """Whether the end of a retention period is only "when it is no longer needed" (no
    event, date or decision a reader could recognise)."""
    norm = _normal(text)
    return bool(_CIRCULAR.search(norm)) and len(norm.split()) <= 12
