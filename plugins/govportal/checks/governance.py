"""Governance rules: the data must not contradict itself, nor the controls it promises.

Each rule is one function with a stable id. Its docstring is its documentation (the rules
reference page is generated from it): what it requires, then a passing and a failing
example.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

import yaml

from .. import model as m
from ..disclosures import breach_timelines_for
from ..pages import fill_placeholders
from ..problems import Severity
from . import Context, Finding, rule

GDPR = {m.Regime.EU_GDPR, m.Regime.UK_GDPR}
EMPLOYMENT = {m.SubjectCategory.EMPLOYEE, m.SubjectCategory.MANAGER,
              m.SubjectCategory.CONTRACTOR, m.SubjectCategory.APPLICANT}


# ------------------------------------------------------------------ 1. consent


@rule("consent.employment-justified", needs=("organisation",))
def consent_in_employment(ctx: Context) -> Iterator[Finding]:
    """Consent relied on for people at work has a recorded justification.

    At work, consent is rarely freely given; where it is still the basis, say why it is
    genuinely optional.
    Passing: `lawful_basis: {de: consent}` with `consent_justification: Turning it off
    changes nothing about your work.`
    Failing: the same purpose without `consent_justification`.
    """
    for pid, program in ctx.policy.programs.items():
        at_work = any(ds.category in EMPLOYMENT for ds in program.data_subjects)
        for i, purpose in enumerate(program.purposes):
            uses = m.LawfulBasis.CONSENT in purpose.lawful_basis.values()
            if at_work and uses and not purpose.consent_justification:
                yield Finding(
                    f"purpose '{purpose.id}' relies on employees' consent without a recorded "
                    "justification", ctx.program_at(pid, "purposes", i, "lawful_basis"),
                    "add `consent_justification` saying why the choice is genuinely free, or "
                    "use contract or legitimate interests with a balancing test")


@rule("consent.revocation-stated")
def consent_revocation(ctx: Context) -> Iterator[Finding]:
    """Wherever consent is used, the program states how to revoke it and how fast an opt-out
    stops delivery.

    Passing: a `consent:` section with `revocation_route` and `revocation_effect: Tips stop
    within 24 hours.`
    Failing: a purpose based on consent in a program with no `consent:` section.
    """
    for pid, program in ctx.policy.programs.items():
        for i, purpose in enumerate(program.purposes):
            if m.LawfulBasis.CONSENT in purpose.lawful_basis.values() and not program.consent:
                yield Finding(
                    f"purpose '{purpose.id}' relies on consent but the program does not say "
                    "how to revoke it", ctx.program_at(pid, "purposes", i, "lawful_basis"),
                    "add a `consent:` section with scope, captured, revocation_route and "
                    "revocation_effect")
                break


# ------------------------------------------------------------------ 2. manager views


@rule("views.no-high-risk-for-managers", needs=("inventory", "roles"))
def high_risk_in_manager_view(ctx: Context) -> Iterator[Finding]:
    """Fields classified high-risk or special category never appear in a manager's
    contextual view.

    Passing: `health-training` with `views: [hr-legal-audit]`.
    Failing: `health-training` with `views: [manager-contextual]`.
    """
    views = ctx.policy.views_by_id
    label = ctx.file_of("inventory")
    for i, f in enumerate(ctx.policy.inventory.fields):
        if not (f.high_risk or f.sensitive):
            continue
        for j, vid in enumerate(f.views):
            view = views.get(vid)
            if view is not None and view.kind is m.ViewKind.CONTEXTUAL:
                yield Finding(f"the high-risk field '{f.id}' is shown in the contextual view "
                              f"'{vid}'", ctx.at(label, "fields", i, "views", j),
                              "remove it from the view; high-risk data belongs in the audit "
                              "view only")


@rule("views.raw-detail-audit-only", needs=("inventory", "roles"))
def raw_detail_in_audit_only(ctx: Context) -> Iterator[Finding]:
    """Raw timestamps and item-by-item answers appear only in an audit view, and only where
    that view requires HR sign-off.

    Passing: `activity-timestamps` (`raw_detail: true`) in `hr-legal-audit`, whose
    `hr_signoff.required` is true.
    Failing: the same field in `manager-contextual`, or in an audit view without sign-off.
    """
    views = ctx.policy.views_by_id
    label = ctx.file_of("inventory")
    for i, f in enumerate(ctx.policy.inventory.fields):
        if not f.raw_detail:
            continue
        for j, vid in enumerate(f.views):
            view = views.get(vid)
            if view is None:
                continue
            if view.kind is not m.ViewKind.AUDIT:
                yield Finding(f"the raw-detail field '{f.id}' is shown in the {view.kind.value} "
                              f"view '{vid}'", ctx.at(label, "fields", i, "views", j),
                              "show raw detail only in the HR/legal audit view; give managers "
                              "a status or an outcome instead")
            elif not view.hr_signoff.required:
                yield Finding(f"the raw-detail field '{f.id}' is in the audit view '{vid}', "
                              "which does not require HR sign-off",
                              ctx.at(label, "fields", i, "views", j),
                              f"set `hr_signoff.required: true` on view '{vid}' in roles.yaml")


# ------------------------------------------------------------------ 3. retention


@rule("retention.field-covered", needs=("inventory", "retention"))
def fields_have_retention(ctx: Context) -> Iterator[Finding]:
    """Every field a program collects falls under a retention rule.

    Passing: `quiz-score` is listed in the `assessment-records` rule.
    Failing: a program collects `quiz-score` and no rule lists it.
    """
    known = ctx.policy.fields_by_id
    for pid, program in ctx.policy.programs.items():
        for f, rules in ctx.policy.retention_for(program).items():
            if not rules and f in known:
                yield Finding(f"no retention rule covers the field '{f}'",
                              ctx.program_at(pid, "fields", program.fields.index(f)),
                              "add the field to a rule's `fields` in retention.yaml")


_DURATION = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|thirty|"
    r"sixty|ninety)[\s-]+(day|week|month|year)s?\b", re.IGNORECASE)


def _texts(program: m.Program) -> Iterator[tuple[tuple, str]]:
    yield ("notice", "first_layer", "summary"), program.notice.first_layer.summary
    for i, s in enumerate(program.notice.first_layer.surprises):
        yield ("notice", "first_layer", "surprises", i), s
    if program.notice.obligation:
        yield ("notice", "obligation"), program.notice.obligation
    for key, text in program.notice.sections.items():
        yield ("notice", "sections", key), text
    for i, text in enumerate(program.manager_guide.may_use):
        yield ("manager_guide", "may_use", i), text
    for i, text in enumerate(program.manager_guide.never_use):
        yield ("manager_guide", "never_use", i), text


@rule("retention.periods-quoted", needs=("retention",))
def periods_are_quoted(ctx: Context) -> Iterator[Finding]:
    """Notices and clauses never state a retention period of their own: they quote the
    schedule, so a period changed there changes everywhere.

    Allowed in text: delays that are not retention (such as "within 24 hours" or "one
    month" to answer a request) are written in hours or in the contact fields, not here.
    Passing (clause): `kept for [[retention:milestone-flags]]`.
    Failing (clause): `kept for 2 years`.
    """
    if ctx.policy.clauses:
        label = ctx.file_of("clauses")
        for i, clause in enumerate(ctx.policy.clauses.clauses):
            match = _DURATION.search(clause.text)
            if match:
                yield Finding(f"clause '{clause.id}' states the period '{match.group(0)}' "
                              "itself", ctx.at(label, "clauses", i, "text"),
                              "quote the schedule: [[period:RULE-ID]] or [[retention:RULE-ID]]")
    for pid, program in ctx.policy.programs.items():
        for path, text in _texts(program):
            match = _DURATION.search(text)
            if match:
                yield Finding(f"the notice text states the period '{match.group(0)}' itself",
                              ctx.program_at(pid, *path),
                              "remove it: the notice's retention section quotes the schedule")


@rule("clauses.known-placeholders", needs=("clauses", "retention", "organisation"))
def clause_placeholders(ctx: Context) -> Iterator[Finding]:
    """Every `[[kind:id]]` placeholder in a clause names something in the data.

    Kinds: `period`, `retention` (a retention rule id), `org` (`name`, `legal_name`),
    `contact` (`privacy`, `dpo`, `escalation`), `program` (a program id).
    Passing: `[[period:coaching-engagement]]`.
    Failing: `[[period:coaching-engagment]]`.
    """
    label = ctx.file_of("clauses")
    for i, clause in enumerate(ctx.policy.clauses.clauses):
        unknown: list[str] = []
        fill_placeholders(clause.text, ctx.policy, on_unknown=unknown.append)
        for placeholder in unknown:
            yield Finding(f"clause '{clause.id}' quotes {placeholder}, which names nothing in "
                          "the data", ctx.at(label, "clauses", i, "text"),
                          "check the kind and the id against retention.yaml and the programs")


@rule("retention.audit-log-separate", needs=("inventory", "retention"))
def audit_logs_separate(ctx: Context) -> Iterator[Finding]:
    """Audit logs have their own retention rule, separate from learning records.

    Passing: `access-log` covered by a rule of `kind: audit_log` that holds no other field.
    Failing: `access-log` listed in the `milestone-flags` learning-record rule.
    """
    fields = ctx.policy.fields_by_id
    label = ctx.file_of("retention")
    for i, r in enumerate(ctx.policy.retention.rules):
        for j, fid in enumerate(r.fields):
            f = fields.get(fid)
            if f is None:
                continue
            is_audit = f.classification is m.Classification.AUDIT_LOG
            if is_audit and r.kind is not m.RecordKind.AUDIT_LOG:
                yield Finding(f"the audit-log field '{fid}' is kept under the {r.kind.value} "
                              f"rule '{r.id}'", ctx.at(label, "rules", i, "fields", j),
                              "give audit logs their own rule with `kind: audit_log`")
            elif not is_audit and r.kind is m.RecordKind.AUDIT_LOG:
                yield Finding(f"the audit-log rule '{r.id}' also keeps '{fid}', which is not "
                              "an audit log", ctx.at(label, "rules", i, "fields", j),
                              "move the field to a rule for its own record type")


@rule("retention.aggregates-anonymised", needs=("retention",))
def aggregates_anonymised(ctx: Context) -> Iterator[Finding]:
    """Anonymised aggregates are marked as such, and only aggregates are.

    Passing: `kind: aggregate` with `anonymised: true` and no individual fields.
    Failing: `kind: aggregate` with `anonymised: false`, or an `anonymised: true` rule that
    lists individual fields.
    """
    label = ctx.file_of("retention")
    for i, r in enumerate(ctx.policy.retention.rules):
        if r.kind is m.RecordKind.AGGREGATE and not r.anonymised:
            yield Finding(f"the aggregate rule '{r.id}' is not marked anonymised",
                          ctx.at(label, "rules", i, "kind"),
                          "set `anonymised: true` once aggregates hold no individual, or use "
                          "another kind")
        elif r.anonymised and r.fields:
            yield Finding(f"the rule '{r.id}' is marked anonymised but keeps individual "
                          "fields", ctx.at(label, "rules", i, "anonymised"),
                          "anonymised aggregates list no fields; keep individual data under "
                          "its own rule")


@rule("retention.engagement-ceiling", needs=("inventory", "retention"))
def engagement_ceiling(ctx: Context) -> Iterator[Finding]:
    """Behavioural or engagement logs kept beyond the ceiling (plugin option
    `engagement_ceiling_days`, default 90) state why.

    Passing: `coaching-engagement` kept `90 days`.
    Failing: kept `180 days` without `beyond_ceiling_reason`.
    """
    ceiling = ctx.options.engagement_ceiling_days
    fields = ctx.policy.fields_by_id
    label = ctx.file_of("retention")
    for i, r in enumerate(ctx.policy.retention.rules):
        behavioural = r.kind is m.RecordKind.ENGAGEMENT_LOG or any(
            fields[f].classification is m.Classification.BEHAVIOURAL_METADATA
            for f in r.fields if f in fields)
        if behavioural and m.period_days(r.period) > ceiling and not r.beyond_ceiling_reason:
            yield Finding(f"the rule '{r.id}' keeps engagement or behavioural logs for "
                          f"{r.period}, beyond the {ceiling}-day ceiling",
                          ctx.at(label, "rules", i, "period"),
                          "shorten the period, or add `beyond_ceiling_reason`")


# ------------------------------------------------------------------ 4. analytics


@rule("analytics.profiling-dpia")
def profiling_needs_dpia(ctx: Context) -> Iterator[Finding]:
    """Analytics or profiling of individuals has a DPIA reference and an opt-out statement;
    aggregate or pseudonymised analytics are the default.

    Passing: `analytics: {level: aggregate, …}`; or `level: individual` with `dpia:` and
    `opt_out:`.
    Failing: `level: individual` without a DPIA reference.
    """
    for pid, program in ctx.policy.programs.items():
        a, ad = program.analytics, program.automated_decisions
        individual = (a is not None and a.level is m.AnalyticsLevel.INDIVIDUAL) or ad.profiling
        if not individual:
            continue
        dpia = program.dpia or (a.dpia if a else None)
        path = ("analytics",) if a and a.level is m.AnalyticsLevel.INDIVIDUAL else (
            "automated_decisions", "profiling")
        if not dpia:
            yield Finding("individuals are profiled or analysed without a DPIA reference",
                          ctx.program_at(pid, *path),
                          "record the DPIA in `dpia:` (or `analytics.dpia`), or switch to "
                          "aggregate analytics")
        if not ((a and a.opt_out) or ad.opt_out):
            yield Finding("individuals are profiled or analysed without an opt-out statement",
                          ctx.program_at(pid, *path),
                          "add `opt_out:` saying how a person can opt out, or why they cannot")


# ------------------------------------------------------------------ 5. vendors


@rule("vendors.processing-agreement", needs=("vendors",))
def vendors_have_dpa(ctx: Context) -> Iterator[Finding]:
    """Every processor of personal data has a processing agreement recorded (with its
    subprocessors, audit rights and deletion mechanics).

    Passing: a processor with `dpa: {signed, reference, roles, subprocessors, audit_rights,
    deletion}`.
    Failing: `role: processor`, `personal_data: true` and no `dpa`.
    """
    label = ctx.file_of("vendors")
    for i, v in enumerate(ctx.policy.vendors.vendors):
        if v.personal_data and v.role is m.VendorRole.PROCESSOR and v.dpa is None:
            yield Finding(f"the processor '{v.id}' has no processing agreement recorded",
                          ctx.at(label, "vendors", i), "add `dpa:` with signed, reference, "
                          "roles, subprocessors, audit_rights and deletion")


@rule("vendors.evidence-current", needs=("vendors",))
def evidence_current(ctx: Context) -> Iterator[Finding]:
    """Every processor's newest security evidence is younger than the configured age
    (plugin option `evidence_max_age_days`, default 365).

    Passing: a SOC 2 Type II report issued eight months ago.
    Failing: the newest report is fourteen months old, or there is none.
    """
    limit = ctx.options.evidence_max_age_days
    label = ctx.file_of("vendors")
    for i, v in enumerate(ctx.policy.vendors.vendors):
        if not (v.personal_data and v.role is m.VendorRole.PROCESSOR):
            continue
        if not v.security_evidence:
            yield Finding(f"the processor '{v.id}' has no security evidence",
                          ctx.at(label, "vendors", i), "add `security_evidence` (for example "
                          "a SOC 2 Type II report) with its issue date")
            continue
        newest = max(e.issued for e in v.security_evidence)
        age = (ctx.options.today - newest).days
        if age > limit:
            yield Finding(f"the newest security evidence of '{v.id}' is {age} days old (limit "
                          f"{limit})", ctx.at(label, "vendors", i, "security_evidence"),
                          "ask the vendor for a current report and record it")


# ------------------------------------------------------------------ 6. transfers


@cache
def adequacy() -> dict[str, object]:
    text = resources.files("govportal").joinpath("catalog", "adequacy.yaml").read_text()
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _listed(destination: str, entries: list[dict[str, str]]) -> dict[str, str] | None:
    wanted = destination.strip().lower()
    return next((d for d in entries if wanted in (d["name"].lower(), d["code"].lower())), None)


def adequate(destination: str, dpf_certified: bool) -> bool:
    """Whether ``destination`` may receive data on adequacy alone: the EEA itself, or a
    country on the EU list (the United States only for DPF-certified importers)."""
    data = adequacy()
    if _listed(destination, data["eea"]):  # type: ignore[arg-type]
        return True
    found = _listed(destination, data["destinations"])  # type: ignore[arg-type]
    if found is None:
        return False
    return found["code"] != "US" or dpf_certified


@rule("transfers.mechanism", needs=("organisation",))
def transfer_mechanisms(ctx: Context) -> Iterator[Finding]:
    """Every transfer outside the EU adequacy list (dated data with its sources) names a
    mechanism; standard contractual clauses record a transfer-impact assessment date; a
    derogation states its reason.

    Passing: `destination: United States`, `mechanism: scc`, `tia_date: 2026-01-28`.
    Failing: `destination: India`, `mechanism: adequacy` (no adequacy decision), or `scc`
    without `tia_date`.
    """
    label = ctx.file_of("transfers")
    for i, t in enumerate(ctx.policy.transfers.transfers):
        if t.mechanism is m.Mechanism.ADEQUACY and not adequate(t.destination, t.dpf_certified):
            yield Finding(f"the transfer '{t.id}' relies on adequacy, but '{t.destination}' is "
                          f"not on the adequacy list of {adequacy()['as_of']}",
                          ctx.at(label, "transfers", i, "mechanism"),
                          "use standard contractual clauses (scc), binding corporate rules "
                          "(bcr) or a derogation with its reason; for the United States, set "
                          "dpf_certified: true only for a certified importer")
        if t.mechanism is m.Mechanism.SCC and t.tia_date is None:
            yield Finding(f"the transfer '{t.id}' uses standard contractual clauses without a "
                          "transfer-impact assessment date", ctx.at(label, "transfers", i),
                          "add `tia_date:` with the date of the assessment")
        if t.mechanism is m.Mechanism.DEROGATION and not t.derogation_reason:
            yield Finding(f"the transfer '{t.id}' relies on a derogation without its reason",
                          ctx.at(label, "transfers", i, "mechanism"),
                          "add `derogation_reason:` naming the Art. 49 ground")


# ------------------------------------------------------------------ 7. incidents


@rule("incident.playbook-complete", needs=("organisation", "playbook"))
def playbook_complete(ctx: Context) -> Iterator[Finding]:
    """The incident playbook names a triage owner, has notification deadlines (from the
    catalog) for every regime the organisation operates in, and lists the remedial actions
    (forced token revocation and password resets at least).

    Passing: remedial actions "Forced token revocation …" and "Password resets …".
    Failing: remedial actions without any token revocation.
    """
    label = ctx.file_of("playbook")
    playbook = ctx.policy.playbook
    actions = " ".join(playbook.remedial_actions).lower()
    if "token" not in actions or "revo" not in actions:
        yield Finding("the remedial actions do not include revoking tokens",
                      ctx.at(label, "remedial_actions"),
                      "add forced revocation of app and session tokens")
    if "password" not in actions:
        yield Finding("the remedial actions do not include password resets",
                      ctx.at(label, "remedial_actions"), "add password resets")
    regimes = {r.value for j in ctx.policy.organisation.jurisdictions for r in j.regimes}
    covered = {t.regime for t in breach_timelines_for(regimes)}
    for regime in sorted(regimes - covered):
        yield Finding(f"the catalog has no notification deadline for {regime}",
                      ctx.at(ctx.file_of("organisation"), "jurisdictions"),
                      "add the regime's deadlines to the package catalog (catalog/breach.yaml)")


# ------------------------------------------------------------------ 8. owners and reviews


def _reviewed(ctx: Context) -> Iterator[tuple[str, tuple, str, dt.date]]:
    p = ctx.policy
    for pid, program in p.programs.items():
        yield p.program_files[pid], ("next_review",), f"program '{pid}'", program.next_review
    if p.retention:
        for i, r in enumerate(p.retention.rules):
            yield (ctx.file_of("retention"), ("rules", i, "next_review"),
                   f"retention rule '{r.id}'", r.next_review)
    if p.checklists:
        for i, c in enumerate(p.checklists.checklists):
            yield (ctx.file_of("checklists"), ("checklists", i, "next_review"),
                   f"checklist '{c.id}'", c.next_review)
    if p.clauses:
        for i, c in enumerate(p.clauses.clauses):
            yield (ctx.file_of("clauses"), ("clauses", i, "next_review"), f"clause '{c.id}'",
                   c.next_review)
    if p.playbook:
        yield ctx.file_of("playbook"), ("next_review",), "the incident playbook", (
            p.playbook.next_review)


@rule("review.overdue")
def review_overdue(ctx: Context) -> Iterator[Finding]:
    """No program, retention rule, checklist, clause or playbook is past its review date.

    "Today" is the plugin option `today`, else `SOURCE_DATE_EPOCH`, else the clock, so an
    old commit rebuilds the same way.
    Passing: `next_review: 2027-06-30` on 2026-11-22.
    Failing: `next_review: 2026-10-01` on 2026-11-22.
    """
    today = ctx.options.today
    for label, path, what, date in _reviewed(ctx):
        if date < today:
            yield Finding(f"{what} was due for review on {date.isoformat()}",
                          ctx.at(label, *path),
                          "review it with its owner, then set the next review date")


@rule("review.due-soon", severity=Severity.WARNING)
def review_due_soon(ctx: Context) -> Iterator[Finding]:
    """A review date within the warning window (plugin option `review_warning_days`,
    default 30) is flagged.

    Passing: `next_review: 2027-06-30` on 2026-11-22.
    Failing: `next_review: 2026-12-01` on 2026-11-22 (nine days away).
    """
    today = ctx.options.today
    window = dt.timedelta(days=ctx.options.review_warning_days)
    for label, path, what, date in _reviewed(ctx):
        if today <= date <= today + window:
            yield Finding(f"{what} is due for review on {date.isoformat()} "
                          f"({(date - today).days} days)", ctx.at(label, *path),
                          "plan the review with its owner")


# ------------------------------------------------------------------ 9. launch readiness


@rule("launch.readiness", needs=("checklists",))
def launch_readiness(ctx: Context) -> Iterator[Finding]:
    """A program marked live has answered every mandatory item of the pre-launch checklist
    (the checklist with `launch_gate: true`), and none is `not_met`.

    Passing: `status: live` with `{item: admin-mfa, answer: met, evidence: …}` for every
    mandatory item.
    Failing: `status: live` with `admin-mfa` unanswered or `not_met`.
    """
    gate = [(c, i) for c in ctx.policy.checklists.checklists if c.launch_gate
            for i in c.items if i.mandatory]
    for pid, program in ctx.policy.programs.items():
        if program.status is not m.ProgramStatus.LIVE:
            continue
        answers = {a.item: (j, a) for j, a in enumerate(program.launch_readiness)}
        for checklist, item in gate:
            if item.id not in answers:
                yield Finding(f"the live program has not answered the mandatory item "
                              f"'{item.id}' of '{checklist.id}'",
                              ctx.program_at(pid, "launch_readiness"),
                              f"add `{{item: {item.id}, answer: met, evidence: …}}`, or set "
                              "the status back to pilot")
            elif answers[item.id][1].answer is m.Answer.NOT_MET:
                yield Finding(f"the live program fails the mandatory item '{item.id}' of "
                              f"'{checklist.id}'",
                              ctx.program_at(pid, "launch_readiness", answers[item.id][0],
                                             "answer"),
                              "meet the control before going live, or set the status back "
                              "to pilot")
