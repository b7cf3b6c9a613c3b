"""The manager guide of one program: what managers may use, what needs HR sign-off, what
they must never use, and how to read the data."""

from __future__ import annotations

from ..data import model as m
from .context import PageContext
from .page import Page, guide_uri


def guide(b: PageContext, program: m.Program) -> Page:
    policy = b.policy
    fields = b.program_fields(program)
    views = policy.views_by_id
    contextual = [v for v in views.values() if v.kind is m.ViewKind.CONTEXTUAL]
    audit = [v for v in views.values() if v.kind is m.ViewKind.AUDIT]
    ctx_ids = {v.id for v in contextual}
    audit_ids = {v.id for v in audit}
    visible = [f for f in fields if ctx_ids & set(f.views)]
    audit_only = [f for f in fields if audit_ids & set(f.views) and not ctx_ids & set(f.views)
                  and not (f.sensitive or f.high_risk)]
    mistakes = [policy.mistakes_by_id[x] for x in program.manager_guide.mistakes
                if x in policy.mistakes_by_id]
    md = b.render("guide.md.j2", program=program, guide=program.manager_guide,
                     visible=visible, audit_only=audit_only, contextual=contextual,
                     audit=audit, mistakes=mistakes,
                     sensitive=[f for f in fields if f.sensitive or f.high_risk])
    meta = {"govportal": "guide", "program_id": program.id,
            "notice_owner": program.owner.name,
            "notice_next_review": program.next_review.isoformat()}
    return Page(guide_uri(program.id), f"Manager guide: {program.title}", md, "managers",
                meta)
