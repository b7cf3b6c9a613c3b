"""Rules that keep the public edition's promise: internal-only text stays internal."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...data.internal_fields import internal_fields
from ...text.folding import collapse, fold, inner_words
from ...text.safe_markdown import plain
from ..registry import Context, Finding, rule

MIN_LENGTH = 12  # shorter values (a first name, "yes") would match by chance


def _field(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@rule("edition.internal-text-in-public-field", translations=True)
def internal_text_in_public_field(ctx: Context) -> Iterator[Finding]:
    """A public field never repeats the text of an internal-only field.

    Internal-only fields (vendors' risk notes, incident history and evidence references, the
    incident playbook's contacts, DPIA references and launch-readiness evidence) appear only
    in `edition: internal`. The same text written in a public field would be published with
    it, so it is refused here, compared without regard to case, invisible characters or
    full-width letters; texts shorter than 12 characters are not compared.
    Passing: `risk_notes: Residual risk accepted by the CISO.` and a public summary that says
    nothing of it.
    Failing: a vendor's public `services` repeating `Residual risk accepted by the CISO`.
    """
    values: dict[str, list[tuple[str, tuple]]] = {}
    internal: set[tuple[str, tuple]] = set()
    for label, path, value in internal_fields(ctx.policy):
        internal.add((label, path))
        if isinstance(value, str):
            text = collapse(fold(plain(value)))
            if len(text) >= MIN_LENGTH:
                values.setdefault(text, []).append((label, path))
    if not values:
        return
    by_word: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for text in values:
        for word in inner_words(text):
            counts[word] = counts.get(word, 0) + 1
    unanchored = []
    for text in values:
        words = inner_words(text)
        if words:
            by_word.setdefault(min(words, key=lambda w: (counts[w], -len(w), w)), []).append(
                text)
        else:
            unanchored.append(text)
    loaded = set(ctx.policy.files.values()) | set(ctx.policy.program_files.values())
    repeated: dict[str, list[str]] = {}  # a public text → the internal texts it holds
    for label, path, raw in ctx.data_texts:
        if len(raw) < MIN_LENGTH:
            continue
        held = repeated.get(raw)
        if held is None:
            public = collapse(fold(plain(raw)))
            candidates = {t for w in _words(public) & by_word.keys() for t in by_word[w]}
            held = repeated[raw] = [t for t in sorted(candidates.union(unanchored))
                                    if t in public]
        # most texts repeat nothing: where they come from is asked only of those that do
        if not held or label not in loaded:  # a file refused whole (a program's 2nd file)
            continue
        if (label, path) in internal:
            continue
        for text in held:
            source, where = values[text][0]
            yield Finding(
                f"this public text repeats the internal-only field {_field(where)} "
                f"of {source}, which the public edition must never show",
                ctx.at(label, *path),
                "remove the internal text from this field (it would be published), "
                "or from the internal field if it is not internal after all")


_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text))
