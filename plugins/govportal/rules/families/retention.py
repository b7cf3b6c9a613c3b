"""Retention: one schedule that covers every field, and texts that quote it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...data import model as m
from ...data.placeholders import fill_placeholders, kept_for
from ...data.suggestions import did_you_mean
from ..registry import Context, Finding, rule
from ..wording import same_period_rules, stated_period

_BEHAVIOUR = {m.Classification.BEHAVIOURAL_METADATA, m.Classification.DEVICE_TELEMETRY}
_IDENTIFYING = {m.Classification.IDENTIFIER, m.Classification.CONTACT}
_PLACEHOLDER = re.compile(r"\[\[[^\]\n]*\]\]")
PLACEHOLDER_KINDS = ("period", "retention", "org", "contact", "program")


def notice_texts(program: m.Program) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, text) for every text of a program that its notice or manager guide shows."""
    yield ("summary",), program.summary
    notice = program.notice
    yield ("notice", "first_layer", "summary"), notice.first_layer.summary
    for i, text in enumerate(notice.first_layer.surprises):
        yield ("notice", "first_layer", "surprises", i), text
    if notice.obligation:
        yield ("notice", "obligation"), notice.obligation
    for key, text in notice.sections.items():
        yield ("notice", "sections", key), text
    yield ("collection", "how"), program.collection.how
    for i, purpose in enumerate(program.purposes):
        yield ("purposes", i, "description"), purpose.description
        for name in ("legitimate_interest", "consent_justification"):
            if getattr(purpose, name):
                yield ("purposes", i, name), getattr(purpose, name)
    for i, recipient in enumerate(program.recipient_list):
        yield ("recipients", i, "purpose"), recipient.purpose
    if program.consent:
        c = program.consent
        for i, choice in enumerate(c.choices):
            yield ("consent", "choices", i, "scope"), choice.scope
            yield ("consent", "choices", i, "revocation_effect"), choice.revocation_effect
        for name in ("captured", "revocation_route", "refusal_effect", "records"):
            if getattr(c, name):
                yield ("consent", name), getattr(c, name)
    ad = program.automated_decisions
    for name in ("statement", "logic", "significance", "opt_out"):
        if getattr(ad, name):
            yield ("automated_decisions", name), getattr(ad, name)
    if program.analytics:
        for name in ("description", "opt_out"):
            if getattr(program.analytics, name):
                yield ("analytics", name), getattr(program.analytics, name)
    guide = program.manager_guide
    for name in ("may_use", "never_use", "interpretation"):
        for i, text in enumerate(getattr(guide, name)):
            yield ("manager_guide", name, i), text
    for vid, text in guide.views.items():
        yield ("manager_guide", "views", vid), text
    if guide.record_purpose:
        yield ("manager_guide", "record_purpose"), guide.record_purpose


@rule("retention.uncovered-field", needs=("inventory", "retention"))
def uncovered_field(ctx: Context) -> Iterator[Finding]:
    """Every field a program collects falls under at least one retention rule.

    A rule covers the fields it lists, for every program, or only for the programs in its
    `programs` list.

    Passing:
        # programs/coaching.yaml has fields: [full-name, tip-opens]; retention.yaml:
        - {id: engagement-logs, fields: [tip-opens], …}
        - {id: learning-records, fields: [full-name], …}

    Failing:
        # no rule in retention.yaml lists tip-opens
        - {id: learning-records, fields: [full-name], …}
    """
    known = ctx.policy.fields_by_id
    for pid, program in ctx.policy.programs.items():
        covered = ctx.policy.retention_for(program)
        for j, fid in enumerate(program.fields):
            if fid in known and not covered.get(fid):
                yield Finding(
                    f"the field '{fid}' of program '{pid}' has no retention rule",
                    ctx.program_at(pid, "fields", j),
                    f"add '{fid}' to the `fields` of a rule in retention.yaml (a rule limited "
                    f"by `programs` must list '{pid}')")


@rule("retention.period-in-notice")
def period_in_notice(ctx: Context) -> Iterator[Finding]:
    """Notices and manager guides never state a retention period of their own.

    The notice's retention section quotes the schedule (retention.yaml), so a period typed
    into a notice text can only disagree with it one day. A sentence counts when it is about
    keeping, storing, deleting or archiving data and names a duration.

    Passing:
        notice:
          first_layer:
            summary: Your manager sees whether you finished assigned courses.

    Failing:
        notice:
          first_layer:
            summary: Your manager sees your course status, which we keep for 2 years.
    """
    for pid, program in ctx.policy.programs.items():
        for path, text in notice_texts(program):
            found = stated_period(text)
            if found:
                yield Finding(
                    f"the text states its own retention period '{found}'",
                    ctx.program_at(pid, *path),
                    "remove the period: the notice's retention section quotes the schedule "
                    "(retention.yaml) for every field")


@rule("retention.period-in-clause", needs=("clauses",))
def period_in_clause(ctx: Context) -> Iterator[Finding]:
    """Sample policy clauses quote the schedule instead of stating their own periods.

    Write `[[period:RULE-ID]]` ("2 years") or `[[retention:RULE-ID]]` ("2 years after course
    completion"); the clauses page fills them in from retention.yaml.

    Passing:
        text: Learning records are kept for [[retention:learning-records]].

    Failing:
        text: Learning records are kept for two years after completion.
    """
    rules = ctx.policy.retention.rules if ctx.policy.retention else []
    for i, clause in enumerate(ctx.policy.clauses.clauses):
        found = stated_period(clause.text)
        if not found:
            continue
        same = same_period_rules(found, rules)
        hint = ("quote the schedule instead: "
                + (" or ".join(f"[[period:{r}]]" for r in same[:3]) if same else
                   "[[period:RULE-ID]] or [[retention:RULE-ID]] with the id of a rule in "
                   "retention.yaml"))
        yield Finding(f"the clause '{clause.id}' states its own period '{found}'",
                      ctx.at(ctx.file_of("clauses"), "clauses", i, "text"), hint)


def _placeholder_hint(kind: str, key: str, ctx: Context) -> str:
    policy = ctx.policy
    if kind in ("period", "retention"):
        choices = sorted(policy.rules_by_id)
        what = "retention rule"
    elif kind == "org":
        choices, what = ["legal_name", "name"], "organisation value"
    elif kind == "contact":
        choices, what = ["dpo", "escalation", "privacy"], "contact"
        if policy.organisation is not None and not isinstance(policy.organisation.dpo,
                                                              m.Contact):
            choices.remove("dpo")
    elif kind == "program":
        choices, what = sorted(policy.programs), "program"
    else:
        return ("placeholders are [[period:RULE]], [[retention:RULE]], [[org:name]], "
                "[[org:legal_name]], [[contact:privacy|dpo|escalation]] and [[program:ID]]")
    elsewhere = policy.unloaded.get(_PLACEHOLDER_TARGETS.get(kind, ""), {}).get(key)
    if elsewhere:
        return f"'{key}' is declared in {elsewhere}, which did not load: fix its problems first"
    return did_you_mean(key, choices, f"[[{kind}:{{}}]]") or (
        f"no {what} is called '{key}'; known: " + ", ".join(choices[:12]))


# What a placeholder's id names, as the reference checks call it (see references.py).
_PLACEHOLDER_TARGETS = {"period": "retention rule", "retention": "retention rule",
                        "program": "program"}


@rule("clause.unknown-placeholder", needs=("organisation", "retention", "clauses"))
def unknown_placeholder(ctx: Context) -> Iterator[Finding]:
    """Every `[[kind:id]]` placeholder in a clause names something the data defines.

    Kinds: `period` and `retention` (a retention rule id), `org` (`name`, `legal_name`),
    `contact` (`privacy`, `dpo`, `escalation`) and `program` (a program id). A placeholder
    that does not resolve would be published as it is written.

    Passing:
        text: Engagement logs are deleted after [[period:engagement-logs]].

    Failing:
        text: Engagement logs are deleted after [[period:engagement-log]].
    """
    for i, clause in enumerate(ctx.policy.clauses.clauses):
        unknown: list[str] = []
        fill_placeholders(clause.text, ctx.policy, on_unknown=unknown.append)
        filled = {m.group(0) for m in re.finditer(r"\[\[([a-z_]+):([a-z0-9_.-]+)\]\]",
                                                  clause.text)}
        written = dict.fromkeys(_PLACEHOLDER.findall(clause.text))  # in reading order
        for text in (t for t in written if t in unknown or t not in filled):
            kind, _, key = text[2:-2].partition(":")
            hint = (_placeholder_hint(kind.strip().lower(), key.strip(), ctx)
                    if text in unknown else "write [[kind:id]] in lower case, without spaces, "
                    "e.g. [[period:learning-records]]")
            target = _PLACEHOLDER_TARGETS.get(kind)
            yield Finding(f"the clause '{clause.id}' uses the placeholder {text}, which names "
                          "nothing in the data",
                          ctx.at(ctx.file_of("clauses"), "clauses", i, "text"), hint,
                          follows=(target, key) if target and text in unknown else None)


@rule("retention.audit-log-separate", needs=("inventory", "retention"))
def audit_log_separate(ctx: Context) -> Iterator[Finding]:
    """Audit logs have their own retention rule (`kind: audit_log`), apart from learning
    records.

    Access logs must outlive the records they describe long enough for an investigation;
    sharing a rule with learning records ties the two periods together.

    Passing:
        - {id: learning-records, kind: learning_record, fields: [course-status], …}
        - {id: access-logs, kind: audit_log, fields: [access-log], …}

    Failing:
        - {id: learning-records, kind: learning_record, fields: [course-status, access-log], …}
    """
    fields = ctx.policy.fields_by_id
    label = ctx.file_of("retention")
    for i, r in enumerate(ctx.policy.retention.rules):
        audit_rule = r.kind is m.RecordKind.AUDIT_LOG
        for j, fid in enumerate(r.fields):
            f = fields.get(fid)
            if f is None:
                continue
            is_audit = f.classification is m.Classification.AUDIT_LOG
            if is_audit and not audit_rule:
                yield Finding(
                    f"the audit-log field '{fid}' is kept under '{r.id}', a rule of kind "
                    f"{r.kind.value}",
                    ctx.at(label, "rules", i, "fields", j),
                    "move it to a rule of `kind: audit_log` with its own period")
            elif audit_rule and not is_audit:
                yield Finding(
                    f"the audit-log rule '{r.id}' also covers '{fid}' "
                    f"({f.classification.value})",
                    ctx.at(label, "rules", i, "fields", j),
                    "keep learning and other records in their own rules; an audit_log rule "
                    "covers only audit_log fields")


@rule("retention.audit-log-missing", needs=("roles", "retention"))
def audit_log_missing(ctx: Context) -> Iterator[Finding]:
    """When any view logs access, the schedule says how long those access logs are kept.

    Views log access unless they say `access_logged: false`, so the schedule needs a rule of
    `kind: audit_log`.

    Passing:
        - {id: access-logs, kind: audit_log, period: 3 years, …}

    Failing:
        # every rule in retention.yaml is of another kind
        - {id: learning-records, kind: learning_record, …}
    """
    logged = [v.id for v in ctx.policy.roles.views if v.access_logged]
    if not logged:
        return
    if any(r.kind is m.RecordKind.AUDIT_LOG for r in ctx.policy.retention.rules):
        return
    views = ", ".join(f"'{v}'" for v in logged[:3]) + (" …" if len(logged) > 3 else "")
    yield Finding(
        f"access to {views} is logged, but the retention schedule has no audit-log rule",
        ctx.at(ctx.file_of("retention"), "rules", key=True),
        "add a rule with `kind: audit_log` for the access logs, with a period long enough "
        "for investigations")


@rule("retention.aggregate-not-anonymised", needs=("retention",))
def aggregate_not_anonymised(ctx: Context) -> Iterator[Finding]:
    """A rule that keeps aggregates is marked as anonymised (`anonymised: true`).

    Aggregates are often kept longer than the records they come from; that is only fine when
    nobody can be picked out of them, and the schedule says so.

    Passing:
        - {id: engagement-aggregates, kind: aggregate, anonymised: true, period: 3 years, …}

    Failing:
        - {id: engagement-aggregates, kind: aggregate, period: 3 years, …}
    """
    for i, r in enumerate(ctx.policy.retention.rules):
        if r.kind is m.RecordKind.AGGREGATE and not r.anonymised:
            yield Finding(
                f"the rule '{r.id}' keeps aggregates but is not marked `anonymised: true`",
                ctx.at(ctx.file_of("retention"), "rules", i, "kind"),
                "anonymise the aggregates and set `anonymised: true`, or choose the record "
                "kind they really are")


@rule("retention.anonymised-identifiers", needs=("inventory", "retention"))
def anonymised_identifiers(ctx: Context) -> Iterator[Finding]:
    """A rule marked `anonymised: true` covers no identifier or contact field.

    Passing:
        - {id: engagement-aggregates, anonymised: true, fields: [tip-opens], …}

    Failing:
        - {id: engagement-aggregates, anonymised: true, fields: [full-name, tip-opens], …}
    """
    fields = ctx.policy.fields_by_id
    for i, r in enumerate(ctx.policy.retention.rules):
        if not r.anonymised:
            continue
        for j, fid in enumerate(r.fields):
            f = fields.get(fid)
            if f is not None and f.classification in _IDENTIFYING:
                yield Finding(
                    f"the rule '{r.id}' is marked anonymised but covers '{fid}' "
                    f"({f.classification.value})",
                    ctx.at(ctx.file_of("retention"), "rules", i, "fields", j),
                    "an anonymised record holds no identifiers: remove the field from this "
                    "rule (and keep it under a rule of its own)")


def _for(rule: m.RetentionRule) -> str:
    return f"for {rule.period}" if rule.period else kept_for(rule)


@rule("retention.engagement-ceiling", needs=("inventory", "retention"))
def engagement_ceiling(ctx: Context) -> Iterator[Finding]:
    """Behavioural or engagement logs kept beyond the ceiling state why.

    A rule of `kind: engagement_log`, or one that covers behavioural metadata or device
    telemetry, with a period longer than the plugin option `engagement_ceiling_days`
    (default 90) needs `beyond_ceiling_reason`. Anonymised aggregates are exempt.

    Passing:
        - {id: engagement-logs, kind: engagement_log, period: 90 days, …}

    Failing:
        - {id: engagement-logs, kind: engagement_log, period: 1 year, …}
    """
    ceiling = ctx.options.engagement_ceiling_days
    fields = ctx.policy.fields_by_id
    for i, r in enumerate(ctx.policy.retention.rules):
        if r.anonymised or r.beyond_ceiling_reason:
            continue
        behaviour = r.kind is m.RecordKind.ENGAGEMENT_LOG or any(
            fields[f].classification in _BEHAVIOUR for f in r.fields if f in fields)
        if behaviour and (r.days is None or r.days > ceiling):
            yield Finding(
                f"the rule '{r.id}' keeps behavioural or engagement logs {_for(r)}, "
                f"beyond the {ceiling}-day ceiling, without a stated reason",
                ctx.at(ctx.file_of("retention"), "rules", i, "period"),
                f"shorten the period to {ceiling} days or less, keep only anonymised "
                "aggregates longer, or say why in `beyond_ceiling_reason`")


@rule("retention.period-missing", needs=("retention",))
def period_missing(ctx: Context) -> Iterator[Finding]:
    """Every retention rule says how long: a `period`, or the `criteria` that decide it and
    what ends it. (A rule that a notice quotes is reported by the disclosure gate, naming the
    notice items it leaves without a period; this rule covers the others.)

    Passing: `- {id: access-logs, kind: audit_log, period: 3 years, …}`
    Failing: `- {id: access-logs, kind: audit_log, …}` with neither period nor criteria.
    """
    quoted = {id(r) for p in ctx.policy.programs.values() for r in ctx.policy.program_rules(p)}
    for i, r in enumerate(ctx.policy.retention.rules):
        if r.period is None and r.criteria is None and id(r) not in quoted:
            yield Finding(f"the retention rule '{r.id}' gives neither a period nor the criteria "
                          "that decide it", ctx.at(ctx.file_of("retention"), "rules", i),
                          "add `period:` (e.g. '3 years') or `criteria:` with `text` and "
                          "`ends_when`")
