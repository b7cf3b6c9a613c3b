"""Rules about how notices read: plain language for the people they are written for."""

from __future__ import annotations

from collections.abc import Iterator

from ...data import model as m
from ...problems import Severity
from ...text.readability import measure
from ...text.safe_markdown import plain
from ..registry import Context, Finding, rule


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


@rule("notice.readability", severity=Severity.WARNING)
def readability(ctx: Context) -> Iterator[Finding]:
    """A notice's own text reads plainly: its Flesch reading ease is at least the threshold.

    The threshold is the plugin option `readability_threshold` (default 50).
    Passing: "We use your course status to plan your training with you." (about 70)
    Failing: "Processing is undertaken in furtherance of organisational development
    objectives notwithstanding ..." (below 20).
    """
    threshold = ctx.options.readability_threshold
    for pid, program in ctx.policy.programs.items():
        score = measure(notice_prose(program))
        if score.flesch < threshold:
            yield Finding(
                f"the notice text scores {score.flesch} for reading ease (threshold "
                f"{threshold:g}; {score.words_per_sentence} words per sentence)",
                ctx.program_at(pid, "notice", "first_layer", "summary"),
                "use shorter sentences and everyday words; employees read this on a phone")
