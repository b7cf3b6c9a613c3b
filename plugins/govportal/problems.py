"""Problems found in the policy data, and the collection that gathers them.

A problem is a small value: where (file, line, column, path inside the YAML), which rule
(a stable id), how serious, what is wrong and what to do about it. Nothing raises while
checking: every check appends problems, and the caller decides once, at the end, whether
the build fails.

Root causes, not cascades: a problem may name the *causes* it is the root of (a
:data:`Cause` such as ``("program", "micro-coaching")`` for a program file that did not
load), and another may say what it only *follows* from (a reference to that program). A
follower whose cause has a root among the listed problems is not listed; the root says how
many it hides. A follower whose cause has no root is listed like any other problem, so
nothing is ever hidden behind a problem the reader cannot see; and an error is hidden only
behind an error, so whether the build fails never depends on what is hidden.
"""

from __future__ import annotations

import enum
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace

# What a problem can be the root of, or follow from: a kind and a name, e.g.
# ("program", "micro-coaching"), ("view", "manager-view"), ("key", "data/x.yaml", "summary").
Cause = tuple[str, ...]


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
    hides: int = 0  # problems that only follow from this one, not listed

    @property
    def hidden_note(self) -> str:
        if not self.hides:
            return ""
        if self.hides == 1:
            return " (hides 1 problem that follows from it)"
        return f" (hides {self.hides} problems that follow from it)"

    def format_text(self) -> str:
        path = f" {self.location.path}:" if self.location.path else ""
        text = (f"{self.location}: {self.severity} [{self.rule}]{path} {self.message}"
                f"{self.hidden_note}")
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
        body = self.message + self.hidden_note + (f" Hint: {self.hint}" if self.hint else "")
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
    """Every problem of one run, reported together at the end: the roots in the order of
    their place in the data, each saying how many problems that follow from it it hides."""

    items: list[Problem] = field(default_factory=list)
    overrides: dict[str, Severity] = field(default_factory=dict)
    _causes: dict[int, frozenset[Cause]] = field(default_factory=dict, repr=False)
    _follows: dict[int, Cause] = field(default_factory=dict, repr=False)
    _resolved: tuple[int, list[Problem], list[tuple[Problem, Problem]]] | None = field(
        default=None, repr=False)

    def add(
        self,
        rule: str,
        message: str,
        location: Location,
        hint: str = "",
        severity: Severity = Severity.ERROR,
        *,
        causes: Iterable[Cause] = (),
        follows: Cause | None = None,
    ) -> None:
        """Add a problem; ``causes``: what it is the root of; ``follows``: the cause it may
        only follow from (it is then hidden behind that cause's root, if one is listed)."""
        severity = self.overrides.get(rule, severity)
        if severity is Severity.OFF:
            return
        index = len(self.items)
        self.items.append(Problem(rule, message, location, hint, severity))
        if causes:
            self._causes[index] = frozenset(causes)
        if follows is not None:
            self._follows[index] = follows
        self._resolved = None

    def mark(self) -> int:
        """A bookmark for :meth:`add_causes`: the problems added after it."""
        return len(self.items)

    def add_causes(self, since: int, causes: Iterable[Cause]) -> None:
        """Make every error added since the bookmark ``since`` a root of ``causes`` (a file
        that did not load is the root of every id it declares)."""
        extra = frozenset(causes)
        if not extra:
            return
        for index in range(since, len(self.items)):
            if self.items[index].severity is Severity.ERROR:
                self._causes[index] = self._causes.get(index, frozenset()) | extra
        self._resolved = None

    def _key(self, index: int) -> tuple:
        p = self.items[index]
        return (p.location.file, p.location.line, p.location.column, p.rule, index)

    def _resolve(self) -> tuple[list[Problem], list[tuple[Problem, Problem]]]:
        """(listed problems in order, (hidden follower, its root) pairs)."""
        if self._resolved is not None and self._resolved[0] == len(self.items):
            return self._resolved[1], self._resolved[2]
        order = sorted(range(len(self.items)), key=self._key)
        roots: dict[Cause, int] = {}
        for index in order:
            if index not in self._follows:
                for cause in self._causes.get(index, ()):
                    roots.setdefault(cause, index)
        # An error hides only behind an error: what fails the build stays visible.
        hidden = {i: roots[c] for i, c in self._follows.items() if c in roots and (
            self.items[roots[c]].severity is Severity.ERROR
            or self.items[i].severity is not Severity.ERROR)}
        counts = Counter(hidden.values())
        listed = {i: replace(self.items[i], hides=counts[i]) if counts[i] else self.items[i]
                  for i in order if i not in hidden}
        followers = [(self.items[i], listed[hidden[i]]) for i in order if i in hidden]
        result = list(listed.values())
        self._resolved = (len(self.items), result, followers)
        return result, followers

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.sorted())

    def sorted(self) -> list[Problem]:
        """The listed problems (roots and independent ones), in the order of the data."""
        return list(self._resolve()[0])

    def followers(self) -> list[tuple[Problem, Problem]]:
        """Each hidden problem with the root it follows from, in the order of the data."""
        return list(self._resolve()[1])

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))

    def format_text(self, *, followers: bool = False) -> str:
        """The listed problems and the summary; with ``followers``, then the hidden ones,
        each with the root it follows from."""
        lines = [p.format_text() for p in self.sorted()]
        lines.append(self.summary())
        hidden = self.followers() if followers else []
        if hidden:
            many = len(hidden) != 1
            lines += ["", f"{len(hidden)} problem{'s' * many} that only follow{'s' * (not many)}"
                      " from the ones above (fixed with them):"]
            for problem, root in hidden:
                lines += [problem.format_text(), f"    follows from: {root.location}: "
                          f"[{root.rule}] {root.location.path or root.message}"]
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
