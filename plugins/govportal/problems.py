"""Problems found in the policy data, and the collection that gathers them.

A problem is a small value: where (file, line, column, path inside the YAML), which rule
(a stable id), how serious, what is wrong and what to do about it. Nothing raises while
checking: every check appends problems, and the caller decides once, at the end, whether
the build fails.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field


class Severity(enum.StrEnum):
    """How a problem affects the build: errors always fail, warnings fail under strict."""

    ERROR = "error"
    WARNING = "warning"
    OFF = "off"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is: a file relative to the project, 1-based line and column."""

    file: str
    line: int = 0
    column: int = 0
    path: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        return where


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: a rule id, a severity, a message and a hint, at a location."""

    rule: str
    message: str
    location: Location
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format_text(self) -> str:
        path = f" {self.location.path}:" if self.location.path else ""
        text = f"{self.location}: {self.severity} [{self.rule}]{path} {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def format_github(self) -> str:
        level = "error" if self.severity is Severity.ERROR else "warning"
        loc = self.location
        props = [f"file={_gh_escape_prop(loc.file)}"]
        if loc.line:
            props += [f"line={loc.line}", f"col={loc.column or 1}"]
        props.append(f"title={_gh_escape_prop(self.rule)}")
        body = self.message + (f" Hint: {self.hint}" if self.hint else "")
        if loc.path:
            body = f"{loc.path}: {body}"
        return f"::{level} {','.join(props)}::{_gh_escape_data(body)}"

    def as_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def _gh_escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_prop(text: str) -> str:
    return _gh_escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Problems:
    """Every problem of one run, in the order found, reported together at the end."""

    items: list[Problem] = field(default_factory=list)
    overrides: dict[str, Severity] = field(default_factory=dict)

    def add(
        self,
        rule: str,
        message: str,
        location: Location,
        hint: str = "",
        severity: Severity = Severity.ERROR,
    ) -> None:
        severity = self.overrides.get(rule, severity)
        if severity is Severity.OFF:
            return
        self.items.append(Problem(rule, message, location, hint, severity))

    def extend(self, problems: Iterable[Problem]) -> None:
        for p in problems:
            self.add(p.rule, p.message, p.location, p.hint, p.severity)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(
            self.items,
            key=lambda p: (p.location.file, p.location.line, p.location.column, p.rule),
        )

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))

    def format_text(self) -> str:
        lines = [p.format_text() for p in self.sorted()]
        lines.append(self.summary())
        return "\n".join(lines)

    def format_github(self) -> str:
        return "\n".join(p.format_github() for p in self.sorted())

    def format_json(self) -> str:
        return json.dumps(
            {
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "problems": [p.as_dict() for p in self.sorted()],
            },
            indent=2,
        )

    def summary(self) -> str:
        e, w = len(self.errors), len(self.warnings)
        return f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)}"
