"""A rule explained in plain text, for ``govportal explain RULE-ID``.

The same words as the rules reference page: a rule's docstring, split by
:mod:`.ruledocs` into what it requires and its passing and failing examples. The ids that
later stages report (reading the data, the notice change control, the published pages) are
explained from what :mod:`govportal.rules.declared` says of them.
"""

from __future__ import annotations

import textwrap

from ..data.suggestions import did_you_mean
from ..problems import Severity
from ..rules import registry
from ..rules.declared import CHANGE_CONTROL, LOADING, OUTPUT, PROJECT_FILES
from . import ruledocs

WIDTH = 88

# The ids reported outside the rule functions: group → (ids and what each asks, where and
# when the portal checks them).
_DECLARED = (
    ("reading the data", LOADING,
     "Found while a data file is read and checked against the data model, before any rule "
     "runs: until it is fixed, the rest of that file is not checked (and what only follows "
     "from it is not listed)."),
    ("notice change control", CHANGE_CONTROL,
     "Checked against the lock file of published notice versions (notices.lock.json) and the "
     "archive of their texts; `govportal lock` records a new version. The check runs once the "
     "data has no errors."),
    ("project files", PROJECT_FILES,
     "Checked by `govportal check` (and so in CI), not by the build: a file of the project "
     "that follows from the data; the message says which command rewrites it."),
    ("published pages", OUTPUT,
     "Checked in the built site's HTML, so the build reports it (make site), not "
     "`govportal check`."),
)


def _paragraph(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent,
                         break_on_hyphens=False, break_long_words=False)


def _severity_lines(rule_id: str, default: Severity, severities: dict[str, Severity]) -> str:
    current = severities.get(rule_id, default)
    if current is default:
        line = f"Severity: {default}."
    else:
        line = f"Severity: {current} in this portal (mkdocs.yml), {default} by default."
    other = "warning" if current is Severity.ERROR else "error"
    return (f"{line}\nTo change it, write in mkdocs.yml, under the govportal plugin:\n"
            f"    severities: {{{rule_id}: {other}}}")


def known_ids() -> list[str]:
    return sorted({*registry.all_rules(), *(i for _, ids, _ in _DECLARED for i in ids)})


def explain(rule_id: str, severities: dict[str, Severity] | None = None) -> str | None:
    """The explanation of ``rule_id``, or None when no rule has that id."""
    severities = severities or {}
    rule = registry.all_rules().get(rule_id)
    if rule is not None:
        doc = ruledocs.parse(rule.doc)
        parts = [f"{rule_id} ({ruledocs.family_title(rule.family)})", _paragraph(doc.summary)]
        parts += [_paragraph(p) for p in doc.details]
        for example in doc.examples:
            label = "Passes:" if example.passing else "Fails:"
            text = label + (f" {example.prose}" if example.prose else "")
            block = _paragraph(text)
            if example.code:
                block += "\n" + textwrap.indent(example.code, "    ")
            parts.append(block)
        parts.append(_severity_lines(rule_id, rule.severity, severities))
        parts.append(f"The rules reference page has it too: /registers/rules/"
                     f"#{rule_id.replace('.', '-')}")
        return "\n\n".join(parts) + "\n"
    for group, ids, where in _DECLARED:
        if rule_id in ids:
            default = Severity.WARNING if rule_id.startswith("advice.") else Severity.ERROR
            parts = [f"{rule_id} ({group})", _paragraph(ids[rule_id]), _paragraph(where),
                     _severity_lines(rule_id, default, severities)]
            return "\n\n".join(parts) + "\n"
    return None


def unknown(rule_id: str) -> str:
    """What to say when no rule has the id asked for."""
    guess = did_you_mean(rule_id, known_ids())
    return (f"no rule is called '{rule_id}'; " + (guess or "`govportal explain` without an "
            "id lists every rule"))


def listing() -> str:
    """Every rule id with the first sentence of what it asks, rules first."""
    rows = [(r.id, r.summary) for r in sorted(registry.all_rules().values(),
                                              key=lambda r: r.id)]
    rows += [(i, text) for _, ids, _ in _DECLARED for i, text in sorted(ids.items())]
    width = max(len(i) for i, _ in rows) + 2
    lines = []
    for rule_id, text in rows:
        first = text.split(". ")[0].rstrip(".") + "."
        lines.append(textwrap.fill(first, WIDTH, initial_indent=rule_id.ljust(width),
                                   subsequent_indent=" " * width, break_on_hyphens=False))
    lines.append("")
    lines.append("govportal explain RULE-ID prints what a rule asks, with examples.")
    return "\n".join(lines) + "\n"
