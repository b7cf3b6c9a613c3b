"""Manager guides: one decision per field, matching the role views, in the manager's words."""

from __future__ import annotations

from collections.abc import Iterator

from ...data import model as m
from ..guide_decisions import (
    ANSWER_WORDS,
    MAY_USE,
    NEEDS_SIGNOFF,
    NEVER_USE,
    always_never,
    decisions,
    guide_lists,
    manager_label,
    names_in,
    speaks_to_employee,
    view_texts,
)
from ..registry import Context, Finding, rule

_NEEDS = ("inventory", "roles")


@rule("guide.decision-conflict", needs=_NEEDS)
def decision_conflict(ctx: Context) -> Iterator[Finding]:
    """Each field has one answer in its manager guide: a field is never both "never use" and
    "HR sign-off" (nor in any two lists), and special-category or high-risk fields are
    always "never use".

    The guide's summary box and its detailed lists are both made from
    `manager_guide.fields`; a field in two lists would tell managers two things at once.

    Passing:
        manager_guide:
          fields:
            needs_signoff: [quiz-answers]
            never_use: [health-course]

    Failing:
        manager_guide:
          fields:
            needs_signoff: [quiz-answers, health-course]   # health-course is special category
            never_use: [quiz-answers]                      # and quiz-answers is in two lists
    """
    by_id = ctx.policy.fields_by_id
    for pid, program in ctx.policy.programs.items():
        for fid, found in decisions(program).items():
            first = found[0]
            for again in found[1:]:
                yield Finding(
                    f"the field '{fid}' is both '{ANSWER_WORDS[first.answer]}' and "
                    f"'{ANSWER_WORDS[again.answer]}' in the manager guide",
                    ctx.program_at(pid, "manager_guide", "fields", again.answer, again.index),
                    f"keep '{fid}' in one list of manager_guide.fields")
            f = by_id.get(fid)
            for d in found:
                if f is not None and always_never(f) and d.answer != NEVER_USE:
                    what = ("special-category" if f.sensitive else "criminal-offence"
                            if f.classification is m.Classification.CRIMINAL_OFFENCE
                            else "high-risk")
                    yield Finding(
                        f"the {what} field '{fid}' is '{ANSWER_WORDS[d.answer]}' in the "
                        "manager guide",
                        ctx.program_at(pid, "manager_guide", "fields", d.answer, d.index),
                        f"move '{fid}' to manager_guide.fields.never_use: managers never use "
                        "special-category, criminal-offence or high-risk data, not even with HR "
                        "sign-off")


@rule("guide.decision-missing", needs=_NEEDS)
def decision_missing(ctx: Context) -> Iterator[Finding]:
    """Every field a program collects has an answer in its manager guide: may use, only with
    HR sign-off, or never.

    Passing:
        fields: [full-name, course-status]
        manager_guide:
          fields: {may_use: [full-name, course-status]}

    Failing:
        fields: [full-name, course-status, quiz-answers]
        manager_guide:
          fields: {may_use: [full-name, course-status]}   # nothing says what quiz-answers is
    """
    for pid, program in ctx.policy.programs.items():
        decided = decisions(program)
        for j, fid in enumerate(program.fields):
            if fid not in decided and fid in ctx.policy.fields_by_id:
                yield Finding(
                    f"the manager guide gives no answer for the field '{fid}'",
                    ctx.program_at(pid, "fields", j),
                    f"add '{fid}' to manager_guide.fields.may_use, .needs_signoff or "
                    ".never_use")


def _in_views(ctx: Context, f: m.DataField, kind: m.ViewKind) -> list[m.View]:
    views = ctx.policy.views_by_id
    return [views[v] for v in f.views if v in views and views[v].kind is kind]


@rule("guide.decision-against-views", needs=_NEEDS)
def decision_against_views(ctx: Context) -> Iterator[Finding]:
    """A guide's answer matches what the role views show: a "may use" field is in a
    contextual view (the manager view) and is not raw detail; an "HR sign-off" field is in
    an audit view that requires HR sign-off; a "never use" field is in no contextual view.

    Passing:
        # inventory.yaml: course-status in [manager-view, audit-view]; quiz-answers (raw
        # detail) only in audit-view, which requires HR sign-off
        fields: {may_use: [course-status], needs_signoff: [quiz-answers]}

    Failing:
        fields: {may_use: [quiz-answers]}   # raw detail, and not in the manager view
    """
    by_id = ctx.policy.fields_by_id
    for pid, program in ctx.policy.programs.items():
        for fid, found in decisions(program).items():
            f, d = by_id.get(fid), found[0]
            if f is None or always_never(f):
                continue  # unknown ids and sensitive fields have rules of their own
            where = ctx.program_at(pid, "manager_guide", "fields", d.answer, d.index)
            # a view the field names that does not exist (renamed, mistyped) has its own
            # problem; what the guide's answer seems to contradict follows from it
            missing = [v for v in f.views if v not in ctx.policy.views_by_id]
            follows = ("view", missing[0]) if missing else None
            if d.answer == MAY_USE and f.raw_detail:
                yield Finding(
                    f"the raw-detail field '{fid}' is 'may use' in the manager guide", where,
                    "raw timestamps and item-level answers need HR sign-off: move it to "
                    "manager_guide.fields.needs_signoff")
            elif d.answer == MAY_USE and not _in_views(ctx, f, m.ViewKind.CONTEXTUAL):
                yield Finding(
                    f"the field '{fid}' is 'may use' in the manager guide, but no contextual "
                    "view shows it", where,
                    "add the manager view to the field's views in inventory.yaml, or change "
                    "the answer", follows=follows)
            elif d.answer == NEEDS_SIGNOFF and not any(
                    v.hr_signoff.required for v in _in_views(ctx, f, m.ViewKind.AUDIT)):
                yield Finding(
                    f"the field '{fid}' is 'HR sign-off' in the manager guide, but no audit "
                    "view that requires HR sign-off shows it", where,
                    "show the field in an audit view with `hr_signoff: {required: true}`, or "
                    "change the answer", follows=follows)
            elif d.answer == NEVER_USE and _in_views(ctx, f, m.ViewKind.CONTEXTUAL):
                yield Finding(
                    f"the field '{fid}' is 'never use' in the manager guide, but a contextual "
                    "view shows it to managers", where,
                    "remove the contextual view from the field's views in inventory.yaml, or "
                    "change the answer", follows=follows)


@rule("guide.view-text-foreign", needs=_NEEDS)
def view_text_foreign(ctx: Context) -> Iterator[Finding]:
    """What a guide says a manager-facing view shows describes this program, not another.

    A guide prints, under each contextual view, the program's own words
    (`manager_guide.views`) or, when the view shows fields of the program, the view's
    general purpose. That text fails when it names a field (a label of two words or more)
    that the view shows for another program but not for this one.

    Passing:
        # micro-coaching shows nothing in the manager view, and says so in its own words
        manager_guide:
          views: {manager-view: Coaching data never reaches the manager view.}

    Failing:
        # a coaching guide whose text for the manager view describes the learning records
        manager_guide:
          views: {manager-view: It shows course status and quiz outcomes.}
    """
    policy = ctx.policy
    # A field some program uses that is not this program's own is used by another program:
    # the fields each view shows and some program uses are found once, not per program.
    used = {fid for p in policy.programs.values() for fid in p.fields}
    shown: dict[str, tuple[list[str], dict[str, list[tuple[int, str]]]]] = {}
    for pid, program in policy.programs.items():
        own = set(program.fields)
        for vt in view_texts(policy, program):
            if not vt.text:
                continue
            if vt.view.id not in shown:
                shown[vt.view.id] = _view_labels(policy, vt.view.id, used)
            names, places = shown[vt.view.id]
            # the labels the text names, kept when a field of another program has them, in
            # the order of those fields
            first = {name: min(i for i, fid in places[name] if fid not in own)
                     for name in names_in(vt.text, names)
                     if any(fid not in own for _, fid in places[name])}
            found = sorted(first, key=first.__getitem__)
            if not found:
                continue
            if vt.from_guide:
                where = ctx.program_at(pid, "manager_guide", "views", vt.view.id)
            else:
                k = policy.roles.views.index(vt.view)
                where = ctx.at(ctx.file_of("roles"), "views", k, "purpose")
            named = ", ".join(f"'{x}'" for x in found)
            yield Finding(
                f"the manager guide of '{pid}' describes the view '{vt.view.id}' with "
                f"{named}, which it shows only for other programs", where,
                f"write what the view shows for this program under "
                f"manager_guide.views.{vt.view.id} in the program's file")


def _view_labels(policy, view_id: str,
                 used: set[str]) -> tuple[list[str], dict[str, list[tuple[int, str]]]]:
    """The labels of the fields a view shows that some program uses (each once), and for
    each label where it comes (its place in that list of fields, and the field)."""
    places: dict[str, list[tuple[int, str]]] = {}
    i = 0
    for f in policy.inventory.fields:
        if view_id in f.views and f.id in used:
            for name in (f.label, manager_label(f)):
                places.setdefault(name, []).append((i, f.id))
                i += 1
    return list(places), places


@rule("guide.employee-wording", needs=_NEEDS)
def employee_wording(ctx: Context) -> Iterator[Finding]:
    """Manager guides speak to managers: a field whose description addresses the employee
    ("your employee number") has its own `manager_description` for the guides, and that
    description is not the employee's text again.

    Passing:
        - id: full-name
          description: Your name as held by HR.
          manager_description: The person's name as held by HR.

    Failing:
        - id: full-name
          description: Your name as held by HR.   # printed on a manager's page as it is
    """
    inventory = ctx.policy.inventory.fields
    on_guides: set[str] = set()
    for program in ctx.policy.programs.values():
        for fields in guide_lists(ctx.policy, program).values():
            on_guides.update(f.id for f in fields)
    label = ctx.file_of("inventory")
    for i, f in enumerate(inventory):
        if f.id not in on_guides:
            continue
        if f.manager_description is None and speaks_to_employee(f.description):
            yield Finding(
                f"the field '{f.id}' appears on a manager guide, but its description speaks "
                "to the employee", ctx.at(label, "fields", i, "description"),
                "add `manager_description:` in the manager's words (\"the person's …\")")
        elif f.manager_description is not None and (
                " ".join(f.manager_description.split()) == " ".join(f.description.split())):
            yield Finding(
                f"the field '{f.id}' has a manager_description identical to its description",
                ctx.at(label, "fields", i, "manager_description"),
                "write it for managers, or remove it when the description already fits them")
