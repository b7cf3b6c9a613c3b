"""Rules about how notices read: plain language for the people they are written for."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ...data import model as m
from ...data import unfilled
from ...data.translatable import translated_policy
from ...problems import Severity
from ...text.readability import FORMULAS, measure
from ...text.safe_markdown import plain
from ..catalog import load_wording
from ..registry import Context, Finding, rule
from ..standard_wording import unknown_overrides
from ..wording import restates, stand_in_text
from .i18n import language_name

# Keys whose values are codes, not prose (a placeholder check would read "na" as a stand-in).
_CODES = frozenset({"id", "version", "item", "vendor", "role", "kind", "classification",
                    "status", "category", "level", "mechanism", "answer", "disposal",
                    "condition", "country", "region", "jurisdiction", "default",
                    "supervisory_authority", "email", "url", "website", "privacy_policy_url"})


def notice_prose(program: m.Program) -> str:
    """The text a policy owner writes for a notice, as plain text, paragraph per item."""
    parts = [program.summary, program.notice.first_layer.summary,
             *program.notice.first_layer.surprises, program.notice.obligation,
             program.collection.how, program.automated_decisions.statement,
             *(p.description for p in program.purposes),
             *(p.legitimate_interest or "" for p in program.purposes),
             *program.notice.sections.values()]
    if program.consent:
        parts += [program.consent.captured, program.consent.revocation_route]
    return "\n\n".join(plain(p) for p in parts if p)


@rule("notice.readability", severity=Severity.WARNING, translations=True)
def readability(ctx: Context) -> Iterator[Finding]:
    """A notice's own text reads plainly: its reading ease is at least the threshold, in
    every language it is translated into that has a formula (Flesch for English, Amstad's
    adaptation of Flesch for German, on the same scale).

    The threshold is the plugin option `readability_threshold` (default 50). A translation
    is measured as its readers get it: the notice's texts in that language, the source's
    where a text is not translated.
    Passing: "We use your course status to plan your training with you." (about 70);
    "Wir nutzen Ihren Kursstatus, um mit Ihnen Ihre Weiterbildung zu planen." (about 60).
    Failing: "Processing is undertaken in furtherance of organisational development
    objectives notwithstanding ..." (below 20); "Die Verarbeitung erfolgt zur
    Gewährleistung der ordnungsgemäßen Durchführung personalwirtschaftlicher
    Entwicklungsmaßnahmen ..." (below 20).
    """
    threshold = ctx.options.readability_threshold
    hint = "use shorter sentences and everyday words; employees read this on a phone"
    for pid, program in ctx.policy.programs.items():
        score = measure(notice_prose(program))
        if score.flesch < threshold:
            yield Finding(
                f"the notice text scores {score.flesch} for reading ease (threshold "
                f"{threshold:g}; {score.words_per_sentence} words per sentence)",
                ctx.program_at(pid, "notice", "first_layer", "summary"), hint)
    for code in sorted(c for c in ctx.policy.translations if c in FORMULAS and c != "en"):
        texts = ctx.policy.translations[code].get("programs")
        if texts is None:
            continue
        translated = translated_policy(ctx.policy, code)
        label = ctx.policy.translation_files.get((code, "programs"), "")
        for pid in sorted(set(texts.root) & set(ctx.policy.programs)):
            score = measure(notice_prose(translated.programs[pid]), code)
            if score.flesch >= threshold:
                continue
            mine = texts.root[pid]
            first = "notice.first_layer.summary" if "notice.first_layer.summary" in mine \
                else next(iter(mine), "")
            formula = " by Amstad's formula" if code == "de" else ""
            yield Finding(
                f"the {language_name(code)} notice text of '{pid}' scores {score.flesch} "
                f"for reading ease{formula} (threshold {threshold:g}; "
                f"{score.words_per_sentence} words per sentence)",
                ctx.at(label, pid, first, "text") if label else ctx.program_at(pid),
                hint)


@rule("content.placeholder", translations=True)
def placeholder(ctx: Context) -> Iterator[Finding]:
    """Every text says something: no placeholder ("TBD", "n/a", "[insert …]") and no pointer
    to text elsewhere ("see above", "the purposes listed above") where content belongs.

    A notice is read alone, often on a phone: text that points elsewhere, or stands in for
    text still to be written, passes a presence check and tells no one anything.
    Passing: `legitimate_interest: Quick, practical help for managers when they need it.`
    Failing: `legitimate_interest: TBD`, or `obligation: The purposes listed above.`
    """
    for label, path, text in ctx.data_texts:
        # most texts are content: where a text stands is asked only of those that are not
        found = stand_in_text(text)
        if not found:
            continue
        keys = [p for p in path if isinstance(p, str)]
        if keys and keys[-1] in _CODES:
            continue
        if keys[-2:] in (["owner", "name"], ["triage_owner", "name"]):
            continue  # owners' names: review.owner-named and incident.triage-owner
        if text.strip() == unfilled.MARK:
            continue  # left by `govportal new`: data.placeholder says what to write
        yield Finding(f"the text {text.strip()[:40]!r} is {found}, not content",
                      ctx.at(label, *path), "write what the reader needs to know here, in full")


@rule("content.restates-purpose")
def restates_purpose(ctx: Context) -> Iterator[Finding]:
    """A legitimate interest says what the processing achieves and for whom, not the
    purpose again.

    Passing: purpose "Planning your learning with your manager", interest "Helping staff
    build the skills their roles need, and sharing training fairly across teams."
    Failing: the same purpose with the interest "Planning your learning." (no interest
    beyond the purpose itself: GDPR Art. 13(1)(d) is not met).
    """
    for pid, program in ctx.policy.programs.items():
        for i, purpose in enumerate(program.purposes):
            text = purpose.legitimate_interest
            if text and restates(text, purpose.description):
                yield Finding(f"the legitimate interest of purpose '{purpose.id}' only "
                              "repeats the purpose", ctx.program_at(pid, "purposes", i,
                                                                    "legitimate_interest"),
                              "say what the processing achieves, for whom, and why it "
                              "outweighs the intrusion")


@rule("wording.unknown-id", needs=("organisation",))
def unknown_wording(ctx: Context) -> Iterator[Finding]:
    """An organisation's own wording replaces a sentence of the standard wording that
    exists (the coverage page lists each notice's sentences with their ids).

    Passing: `wording: {complaint.tell-us-first: Tell the Privacy Team first.}`
    Failing: `wording: {complaint.tell-us: …}` (no such sentence: the override would be
    silently ignored).
    """
    known = sorted(load_wording().by_id)
    for key in unknown_overrides(ctx.policy.organisation):
        guess = difflib.get_close_matches(key, known, n=1)
        yield Finding(f"'{key}' is not a sentence of the standard wording",
                      ctx.at(ctx.file_of("organisation"), "wording", key, key=True),
                      f"did you mean '{guess[0]}'?" if guess else
                      "use an id the coverage page lists under 'Wording the portal adds'")


@rule("notice.section-title-unknown")
def section_title_unknown(ctx: Context) -> Iterator[Finding]:
    """Each heading in `notice.section_titles` names a section the notice has.

    A title for a section that is not in `notice.sections` is never printed: a misspelt
    key leaves the real section under its key in words, in every language.
    Passing: `sections: {health-information: …}` and
    `section_titles: {health-information: Health information}`.
    Failing: the same with `section_titles: {health-info: Health information}`.
    """
    for pid, program in ctx.policy.programs.items():
        notice = program.notice
        for key in notice.section_titles:
            if key in notice.sections:
                continue
            known = ", ".join(sorted(notice.sections)) or "none"
            yield Finding(
                f"a heading for section '{key}', which this notice does not have (its "
                f"sections: {known})",
                ctx.program_at(pid, "notice", "section_titles", key, key=True),
                "use the key of a section under notice.sections, or remove the heading")
