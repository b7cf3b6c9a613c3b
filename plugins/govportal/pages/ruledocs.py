"""The rules reference, read from the rules themselves.

Every rule's docstring is its documentation: a first paragraph saying what it requires,
more paragraphs if needed, then ``Passing:`` and ``Failing:`` examples. An example is either
prose on the label's line (continued on the lines below) or an indented block of YAML. This
module splits a docstring into those parts so the reference page can show prose as text and
YAML as code.
"""

from __future__ import annotations

import importlib
import re
import textwrap
from dataclasses import dataclass, field

from markupsafe import Markup

from ..rules.registry import FAMILIES_PACKAGE

FAMILY_TITLES = {
    "references": "Ids and references",
    "consent": "Consent",
    "views": "Manager and audit views",
    "retention": "Retention",
    "analytics": "Analytics and profiling",
    "vendors": "Vendors",
    "transfers": "Transfers",
    "incident": "Incident response",
    "review": "Owners and review dates",
    "launch": "Launch readiness",
    "disclosures": "Required disclosures",
    "content": "Notice wording",
}

_LABEL = re.compile(r"^(Passing|Failing):[ \t]*(.*)$")


@dataclass
class Example:
    passing: bool
    prose: str = ""
    code: str = ""

    @property
    def fence(self) -> str:
        """A code fence longer than any run of backticks inside the code."""
        longest = max((len(m) for m in re.findall(r"`+", self.code)), default=0)
        return "`" * max(3, longest + 1)

    @property
    def block(self) -> Markup:
        """The example as a fenced YAML block, printed as it is: the text is the package's
        own docstring, and the fence is longer than any backticks in it."""
        return Markup(f"{self.fence}yaml\n{self.code}\n{self.fence}")


@dataclass
class RuleDoc:
    summary: str
    details: list[str] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)


def parse(doc: str) -> RuleDoc:
    """Split a cleaned docstring into summary, further paragraphs and examples."""
    lines = doc.splitlines()
    first = next((i for i, line in enumerate(lines) if _LABEL.match(line)), len(lines))
    paragraphs = [" ".join(p.split()) for p in "\n".join(lines[:first]).split("\n\n")
                  if p.strip()]
    result = RuleDoc(paragraphs[0] if paragraphs else "", paragraphs[1:])
    current: Example | None = None
    prose: list[str] = []
    code: list[str] = []

    def close() -> None:
        if current is not None:
            current.prose = " ".join(" ".join(prose).split())
            current.code = textwrap.dedent("\n".join(code)).strip("\n")
            result.examples.append(current)

    for line in lines[first:]:
        match = _LABEL.match(line)
        if match:
            close()
            current = Example(match.group(1) == "Passing")
            prose, code = [match.group(2)] if match.group(2) else [], []
        elif line.startswith((" ", "\t")) or (code and not line.strip()):
            code.append(line)
        elif line.strip():
            prose.append(line)
    close()
    return result


def family_intro(family: str) -> str:
    """The first line of a rule family's module docstring."""
    module = importlib.import_module(f"{FAMILIES_PACKAGE}.{family}")
    return (module.__doc__ or "").strip().split("\n", 1)[0]


def family_title(family: str) -> str:
    return FAMILY_TITLES.get(family, family.replace("_", " ").capitalize())
