"""Who sees what: the manager's view stays coarse; raw detail needs HR sign-off."""

from __future__ import annotations

from collections.abc import Iterator

from ...data import model as m
from ..registry import Context, Finding, rule

_NEEDS = ("inventory", "roles")


def _shown_in(ctx: Context) -> Iterator[tuple[int, m.DataField, int, m.View]]:
    """(field index, field, view index in the field, view) for every known view of a field."""
    views = ctx.policy.views_by_id
    for i, f in enumerate(ctx.policy.inventory.fields):
        for j, vid in enumerate(f.views):
            if vid in views:
                yield i, f, j, views[vid]


@rule("views.sensitive-in-contextual", needs=_NEEDS)
def sensitive_in_contextual(ctx: Context) -> Iterator[Finding]:
    """A field classified high-risk or special category never appears in a contextual view.

    The contextual view is what a manager sees in 1:1s and reviews. Health-related course
    completions and other sensitive fields stay in the audit view.

    Passing:
        - id: health-course
          classification: special_category
          high_risk: true
          views: [audit-view]

    Failing:
        - id: health-course
          classification: special_category
          high_risk: true
          views: [manager-view, audit-view]   # manager-view is kind: contextual
    """
    for i, f, j, view in _shown_in(ctx):
        if view.kind is not m.ViewKind.CONTEXTUAL or not (f.high_risk or f.sensitive):
            continue
        what = "special-category" if f.sensitive else "high-risk"
        yield Finding(
            f"the {what} field '{f.id}' is shown in the contextual view '{view.id}'",
            ctx.at(ctx.file_of("inventory"), "fields", i, "views", j),
            f"remove '{view.id}' from the field's views: managers see only coarse fields; keep "
            "it to the audit view")


@rule("views.raw-detail-outside-audit", needs=_NEEDS)
def raw_detail_outside_audit(ctx: Context) -> Iterator[Finding]:
    """Raw timestamps and item-by-item answers (`raw_detail: true`) appear only in audit views.

    Managers see a status or an outcome instead (complete / incomplete, passed / not yet).

    Passing:
        - id: quiz-answers
          raw_detail: true
          views: [audit-view]

    Failing:
        - id: quiz-answers
          raw_detail: true
          views: [manager-view, audit-view]
    """
    for i, f, j, view in _shown_in(ctx):
        if f.raw_detail and view.kind is not m.ViewKind.AUDIT:
            yield Finding(
                f"the raw-detail field '{f.id}' is shown in '{view.id}', a {view.kind.value} "
                "view",
                ctx.at(ctx.file_of("inventory"), "fields", i, "views", j),
                "raw timestamps and item-level answers belong only in the audit view; show a "
                "status or outcome field in this view instead")


@rule("views.raw-detail-signoff", needs=_NEEDS)
def raw_detail_signoff(ctx: Context) -> Iterator[Finding]:
    """An audit view that shows raw detail states its HR sign-off: required, who approves,
    and how.

    Passing:
        - id: audit-view
          kind: audit
          hr_signoff: {required: true, approver: HR lead, how: A ticket the HR lead approves.}

    Failing:
        - id: audit-view
          kind: audit
          hr_signoff: {required: false}
    """
    raw: dict[str, list[str]] = {}
    for _, f, _, view in _shown_in(ctx):
        if f.raw_detail and view.kind is m.ViewKind.AUDIT:
            raw.setdefault(view.id, []).append(f.id)
    label = ctx.file_of("roles")
    for k, view in enumerate(ctx.policy.roles.views):
        if view.id not in raw:
            continue
        signoff = view.hr_signoff
        if not signoff.required:
            reason, path = "does not require HR sign-off", ("required",)
        elif not signoff.approver:
            reason, path = "does not name who signs off", ()
        elif not signoff.how:
            reason, path = "does not say how sign-off is given", ()
        else:
            continue
        fields = ", ".join(f"'{x}'" for x in raw[view.id])
        yield Finding(
            f"the audit view '{view.id}' shows raw detail ({fields}) but {reason}",
            ctx.at(label, "views", k, "hr_signoff", *path),
            "set `hr_signoff: {required: true, approver: …, how: …}` for this view")
