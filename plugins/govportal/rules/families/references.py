"""Rules that hold the data files together: ids are unique and every reference resolves."""

from __future__ import annotations

from collections.abc import Iterator

from ...data import model as m
from ...data.suggestions import closest, did_you_mean
from ..registry import Context, Finding, rule

# Program ids that would publish over a fixed page of the portal.
RESERVED_IDS = frozenset({"index", "history", "changes", "assets", "search", "schemas"})
GATE_ITEM = "pre-launch checklist item"


def _suggest(value: str, choices: list[str]) -> str:
    return did_you_mean(value, choices) or (
        "known ids: " + ", ".join(choices[:12]) + (" …" if len(choices) > 12 else ""))


def _id_lists(ctx: Context) -> Iterator[tuple[str, tuple, list, str]]:
    """(file label, path to the list, items, kind of id) for every list whose items carry
    an id (the kind as references name it; empty where nothing refers to them)."""
    p = ctx.policy
    if p.organisation:
        yield (ctx.file_of("organisation"), ("jurisdictions",), p.organisation.jurisdictions,
               "jurisdiction")
    if p.inventory:
        yield ctx.file_of("inventory"), ("fields",), p.inventory.fields, "field"
    if p.roles:
        yield ctx.file_of("roles"), ("roles",), p.roles.roles, "role"
        yield ctx.file_of("roles"), ("views",), p.roles.views, "view"
    if p.retention:
        yield ctx.file_of("retention"), ("rules",), p.retention.rules, "retention rule"
    if p.vendors:
        yield ctx.file_of("vendors"), ("vendors",), p.vendors.vendors, "vendor"
    yield ctx.file_of("transfers"), ("transfers",), p.transfers.transfers, "transfer"
    if p.checklists:
        label = ctx.file_of("checklists")
        yield label, ("checklists",), p.checklists.checklists, ""
        for i, checklist in enumerate(p.checklists.checklists):
            yield (label, ("checklists", i, "items"), checklist.items,
                   GATE_ITEM if checklist.launch_gate else "")
    if p.clauses:
        yield ctx.file_of("clauses"), ("clauses",), p.clauses.clauses, ""
    if p.mistakes:
        yield ctx.file_of("mistakes"), ("mistakes",), p.mistakes.mistakes, "mistake"
    yield ctx.file_of("requirements"), ("requirements",), p.requirements.requirements, ""
    for pid, program in p.programs.items():
        yield p.program_files[pid], ("purposes",), program.purposes, ""


@rule("ids.duplicate")
def duplicate_ids(ctx: Context) -> Iterator[Finding]:
    """Every id is unique within its list.

    Passing: two fields `quiz-score` and `quiz-attempts`.
    Failing: two retention rules both called `engagement-logs`: the schedule and the notices
    could not tell which period applies.
    """
    for label, path, items, _ in _id_lists(ctx):
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in seen:
                yield Finding(
                    f"the id '{item.id}' is used twice in {'.'.join(map(str, path))} "
                    f"(first at item {seen[item.id] + 1})",
                    ctx.at(label, *path, index, "id"),
                    "give each entry its own id",
                )
            else:
                seen[item.id] = index


@rule("ids.reserved")
def reserved_program_ids(ctx: Context) -> Iterator[Finding]:
    """A program or checklist id must not be a name the portal uses for its own pages.

    Passing: `id: lms-milestones`.
    Failing: `id: index` would publish over the list of notices.
    """
    for pid in ctx.policy.programs:
        if pid in RESERVED_IDS:
            yield Finding(f"the program id '{pid}' is reserved for the portal's own pages",
                          ctx.program_at(pid, "id"),
                          "choose another id (and rename the file to match)")
    checklists = ctx.policy.checklists.checklists if ctx.policy.checklists else []
    for index, checklist in enumerate(checklists):
        if checklist.id == "index":  # checklists/index.md lists the checklists
            yield Finding("the checklist id 'index' is reserved for the list of checklists",
                          ctx.at(ctx.file_of("checklists"), "checklists", index, "id"),
                          "choose another id")


def _references(ctx: Context) -> Iterator[tuple[str, tuple, str, str, list[str]]]:
    """(file, path, value, what, known ids) for every reference in the data."""
    p = ctx.policy
    fields = sorted(p.fields_by_id)
    views = sorted(p.views_by_id)
    roles = sorted(r.id for r in p.roles.roles) if p.roles else []
    vendors = sorted(p.vendors_by_id)
    transfers = sorted(p.transfers_by_id)
    jurisdictions = sorted(p.jurisdictions_by_id)
    mistakes = sorted(p.mistakes_by_id)
    programs = sorted(p.programs)
    gate_items = sorted(
        item.id
        for c in (p.checklists.checklists if p.checklists else [])
        if c.launch_gate
        for item in c.items
    )
    if p.inventory and p.roles:
        label = ctx.file_of("inventory")
        for i, f in enumerate(p.inventory.fields):
            for j, v in enumerate(f.views):
                yield label, ("fields", i, "views", j), v, "view", views
    if p.roles:
        label = ctx.file_of("roles")
        for i, v in enumerate(p.roles.views):
            yield label, ("views", i, "role"), v.role, "role", roles
    if p.retention and p.inventory:
        label = ctx.file_of("retention")
        for i, r in enumerate(p.retention.rules):
            for j, f in enumerate(r.fields):
                yield label, ("rules", i, "fields", j), f, "field", fields
            for j, prog in enumerate(r.programs):
                yield label, ("rules", i, "programs", j), prog, "program", programs
    if p.vendors:
        label = ctx.file_of("transfers")
        for i, t in enumerate(p.transfers.transfers):
            yield label, ("transfers", i, "vendor"), t.vendor, "vendor", vendors
            if p.organisation:
                for j, o in enumerate(t.origin):
                    yield label, ("transfers", i, "origin", j), o, "jurisdiction", jurisdictions
    chosen = p.organisation.governance.approvals if p.organisation else None
    if chosen is not None and p.roles:
        label = ctx.file_of("organisation")
        for what in ("notices", "clauses", "retention"):
            for j, role in enumerate(getattr(chosen, what)):
                yield label, ("governance", "approvals", what, j), role, "role", roles
    plan = p.organisation.governance.rollout if p.organisation else None
    if plan is not None and plan.pilot is not None:
        label = ctx.file_of("organisation")
        for j, prog in enumerate(plan.pilot.programs):
            yield (label, ("governance", "rollout", "pilot", "programs", j), prog, "program",
                   programs)
    if p.organisation:
        label = ctx.file_of("requirements")
        for i, r in enumerate(p.requirements.requirements):
            for j, o in enumerate(r.applies_when.jurisdictions):
                yield (label, ("requirements", i, "applies_when", "jurisdictions", j), o,
                       "jurisdiction", jurisdictions)
            for j, o in enumerate(r.applies_when.programs):
                yield (label, ("requirements", i, "applies_when", "programs", j), o,
                       "program", programs)
    for pid, prog in p.programs.items():
        label = p.program_files[pid]
        if p.inventory:
            for j, f in enumerate(prog.fields):
                yield label, ("fields", j), f, "field", fields
            for i, purpose in enumerate(prog.purposes):
                for j, f in enumerate(purpose.fields):
                    if f not in prog.fields and f in fields:
                        yield (label, ("purposes", i, "fields", j), f,
                               "field of this program", list(prog.fields))
                    else:
                        yield label, ("purposes", i, "fields", j), f, "field", fields
        if p.organisation:
            for i, ds in enumerate(prog.data_subjects):
                for j, jur in enumerate(ds.jurisdictions):
                    yield (label, ("data_subjects", i, "jurisdictions", j), jur,
                           "jurisdiction", jurisdictions)
            for jur in prog.not_offered_in:
                yield (label, ("not_offered_in", jur), jur, "jurisdiction", jurisdictions)
            for i, purpose in enumerate(prog.purposes):
                for jur in purpose.lawful_basis:
                    yield (label, ("purposes", i, "lawful_basis", jur), jur, "jurisdiction",
                           jurisdictions)
        if p.vendors:
            for i, r in enumerate(prog.recipient_list):
                if r.vendor is not None:
                    yield label, ("recipients", i, "vendor"), r.vendor, "vendor", vendors
            for i, jc in enumerate(prog.joint_controllers):
                if jc.vendor is not None:
                    yield label, ("joint_controllers", i, "vendor"), jc.vendor, "vendor", \
                        vendors
            for j, t in enumerate(prog.transfer_ids):
                yield label, ("transfers", j), t, "transfer", transfers
        guide = prog.manager_guide
        if p.inventory:
            for answer in ("may_use", "needs_signoff", "never_use"):
                for j, f in enumerate(getattr(guide.fields, answer)):
                    path = ("manager_guide", "fields", answer, j)
                    if f not in prog.fields and f in fields:
                        yield label, path, f, "field of this program", list(prog.fields)
                    else:
                        yield label, path, f, "field", fields
        if p.roles:
            contextual = sorted(v.id for v in p.roles.views if v.kind is m.ViewKind.CONTEXTUAL)
            for vid in guide.views:
                yield (label, ("manager_guide", "views", vid), vid, "contextual view",
                       contextual)
        if p.mistakes:
            for j, x in enumerate(prog.manager_guide.mistakes):
                yield label, ("manager_guide", "mistakes", j), x, "mistake", mistakes
        if p.checklists:
            for j, a in enumerate(prog.launch_readiness):
                yield label, ("launch_readiness", j, "item"), a.item, GATE_ITEM, gate_items


@rule("ids.unknown-reference")
def unknown_references(ctx: Context) -> Iterator[Finding]:
    """Every id that points elsewhere names something that exists.

    A reference to something declared in a file that did not load is not reported: it
    follows from that file's own problem. When several references name the same unknown id
    and a close id is defined but referred to nowhere, the definition is reported once (it
    was most likely renamed or mistyped), not each reference.

    Passing: a program lists `fields: [quiz-score]` and inventory.yaml defines `quiz-score`.
    Failing: `fields: [quiz-scores]` when only `quiz-score` exists.
    """
    refs = list(_references(ctx))  # keeps every list of known ids alive: id() is unique
    sets: dict[int, set[str]] = {}
    unknown: dict[tuple[str, str], list[tuple[str, tuple]]] = {}
    for label, path, value, what, known in refs:
        ids = sets.get(id(known))
        if ids is None:
            ids = sets[id(known)] = set(known)
        if value in ids:
            continue
        base = _BASE_KIND.get(what, what)  # a view is a view, whichever kind was asked for
        unknown.setdefault((base, value), []).append((label, path))
        elsewhere = ctx.policy.unloaded.get(base, {}).get(value)
        hint = (f"'{value}' is declared in {elsewhere}, which did not load: fix its problems "
                "first" if elsewhere else _suggest(value, known) if known else
                f"define the {what} first")
        yield Finding(f"unknown {what} '{value}'",
                      ctx.at(label, *path, key=isinstance(path[-1], str) and
                             path[-2] in ("lawful_basis", "views")), hint,
                      follows=(base, value))
    if unknown:
        yield from _renamed(ctx, unknown, refs)


def _renamed(ctx: Context, unknown: dict[tuple[str, str], list[tuple[str, tuple]]],
             refs: list[tuple[str, tuple, str, str, list[str]]]) -> Iterator[Finding]:
    """One finding at a definition that was most likely renamed: two or more references
    name the same unknown id, a close id is defined, and nothing refers to that one."""
    defined: dict[tuple[str, str], tuple[str, tuple]] = {}
    for label, path, items, kind in _id_lists(ctx):
        for index, item in enumerate(items):
            if kind:
                defined.setdefault((kind, item.id), (label, (*path, index, "id")))
    for pid, label in ctx.policy.program_files.items():
        defined.setdefault(("program", pid), (label, ("id",)))
    used = {(_BASE_KIND.get(what, what), value) for _, _, value, what, _ in refs}
    for (what, value), places in unknown.items():
        if len(places) < 2 or value in ctx.policy.unloaded.get(what, {}):
            continue
        guess = closest(value, [d for k, d in defined if k == what])
        if guess is None or (what, guess) in used:
            continue
        label, path = defined[(what, guess)]
        where = sorted((ctx.at(lab, *p) for lab, p in places),
                       key=lambda loc: (loc.file, loc.line, loc.column))
        shown = [str(loc) for loc in where[:3]]
        more = " …" if len(places) > 3 else ""
        yield Finding(f"the {what} '{guess}' is referred to nowhere, while {len(places)} "
                      f"references name '{value}', which is not defined",
                      ctx.at(label, *path),
                      f"did you mean '{value}'? Rename this id, or change the references "
                      f"({', '.join(shown)}{more})",
                      causes=((what, value), (what, guess)))


_BASE_KIND = {"field of this program": "field", "contextual view": "view"}
