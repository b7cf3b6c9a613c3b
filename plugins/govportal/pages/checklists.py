"""Checklists: the index, and one page per checklist (with each program's answers to a
launch gate's mandatory items)."""

from __future__ import annotations

from ..data import model as m
from .context import N_, PageContext
from .page import CHECKLISTS, Page, checklist_uri


def checklists_index(b: PageContext) -> Page:
    return Page(CHECKLISTS, b.gettext(N_("Checklists")), b.render(
        "checklists-index.md.j2", checklists=b.policy.checklists.checklists),
        "owners/Checklists")


def checklist(b: PageContext, checklist: m.Checklist) -> Page:
    answers: dict[str, dict[str, m.LaunchAnswer]] = {}
    if checklist.launch_gate:
        for program in b.policy.programs.values():
            answers[program.id] = {a.item: a for a in program.launch_readiness}
    return Page(checklist_uri(checklist.id), checklist.title, b.render(
        "checklist.md.j2", checklist=checklist, answers=answers,
        programs=b.policy.programs),
        "managers" if "manager" in checklist.audience.lower() else "owners/Checklists",
        {"govportal": "checklist", "notice_owner": checklist.owner.name,
         "notice_next_review": checklist.next_review.isoformat()})
