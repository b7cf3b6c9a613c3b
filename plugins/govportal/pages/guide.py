"""The manager guide of one program: what managers may use, what needs HR sign-off, what
they must never use, and how to read the data.

The summary box and the detailed lists come from one source, the program's per-field
decisions (:func:`govportal.rules.guide_decisions.guide_lists`); fields are described in
the manager's words (``manager_label``, ``manager_description``)."""

from __future__ import annotations

from ..data import model as m
from ..rules.guide_decisions import (
    MAY_USE,
    NEEDS_SIGNOFF,
    NEVER_USE,
    guide_lists,
    manager_description,
    manager_label,
    view_texts,
)
from .context import N_, PageContext
from .page import Page, guide_uri


def guide(b: PageContext, program: m.Program) -> Page:
    policy = b.policy
    lists = guide_lists(policy, program)
    audit = [v for v in policy.views_by_id.values()
             if v.kind is m.ViewKind.AUDIT and v.hr_signoff.required]
    mistakes = [policy.mistakes_by_id[x] for x in program.manager_guide.mistakes
                if x in policy.mistakes_by_id]
    views = view_texts(policy, program)
    shown = {f.id for vt in views for f in vt.shown}
    md = b.render("guide.md.j2", program=program, guide=program.manager_guide,
                  may_use=lists[MAY_USE], needs_signoff=lists[NEEDS_SIGNOFF],
                  never_use=lists[NEVER_USE], views=views,
                  unseen=[f for f in lists[MAY_USE] if f.id not in shown],
                  audit=audit, mistakes=mistakes, label=manager_label,
                  describe=manager_description)
    meta = {"govportal": "guide", "program_id": program.id,
            "notice_owner": program.owner.name,
            "notice_next_review": program.next_review.isoformat()}
    title = b.gettext(N_("Manager guide: %(title)s")) % {"title": program.title}
    return Page(guide_uri(program.id), title, md, "managers", meta)
