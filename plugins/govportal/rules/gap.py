"""What a topic check of the disclosure gate is given, and what it answers: a gap in the data
and where the missing text belongs."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import model as m
from ..data.policy import Policy
from .facts import NoticeFacts


@dataclass(frozen=True)
class Gap:
    """Where the missing text belongs: in the organisation file or the program's file."""

    owner: str  # PROGRAM, or the data file it belongs in ("organisation", "retention" …)
    path: tuple[str | int, ...]
    detail: str


@dataclass(frozen=True)
class Ask:
    """What a topic check is given: the policy, the program, its facts and the regime."""

    policy: Policy
    program: m.Program
    facts: NoticeFacts
    regime: str

    @property
    def jurisdictions(self) -> tuple[m.Jurisdiction, ...]:
        return self.facts.jurisdictions_in(self.regime)

    @property
    def org(self) -> m.Organisation:
        return self.policy.organisation
