"""Vendors: every processor of personal data has an agreement and current evidence."""

from __future__ import annotations

from collections.abc import Iterator

from ...data import model as m
from ..registry import Context, Finding, rule

_NEEDS = ("vendors",)


def _processors(ctx: Context) -> Iterator[tuple[int, m.Vendor]]:
    for i, vendor in enumerate(ctx.policy.vendors.vendors):
        if vendor.role is m.VendorRole.PROCESSOR and vendor.personal_data:
            yield i, vendor


@rule("vendor.dpa-missing", needs=_NEEDS)
def dpa_missing(ctx: Context) -> Iterator[Finding]:
    """Every processor of personal data has a processing agreement recorded.

    The agreement names the roles, the subprocessors, the audit rights and how data is
    deleted at the end.

    Passing:
        - id: lms-vendor
          role: processor
          dpa: {signed: 2026-01-10, reference: DPA-1, roles: …, subprocessors: [],
                audit_rights: …, deletion: …}

    Failing:
        - id: lms-vendor
          role: processor      # no dpa
    """
    for i, vendor in _processors(ctx):
        if vendor.dpa is None:
            yield Finding(
                f"the processor '{vendor.id}' handles personal data but has no processing "
                "agreement recorded",
                ctx.at(ctx.file_of("vendors"), "vendors", i, "role"),
                "add `dpa:` with signed, reference, roles, subprocessors, audit_rights and "
                "deletion")


@rule("vendor.subprocessors-unstated", needs=_NEEDS)
def subprocessors_unstated(ctx: Context) -> Iterator[Finding]:
    """A processing agreement lists its subprocessors, even when there are none.

    An empty list is a statement ("none"); a missing list is a gap.

    Passing:
        dpa: {…, subprocessors: [{name: CloudCo, service: Hosting, location: Ireland}]}

    Failing:
        dpa: {…}     # no subprocessors key
    """
    label = ctx.file_of("vendors")
    doc = ctx.policy.doc(label)
    for i, vendor in _processors(ctx):
        if vendor.dpa is None:
            continue
        if ("vendors", i, "dpa", "subprocessors") not in doc.values:
            yield Finding(
                f"the processing agreement of '{vendor.id}' does not list its subprocessors",
                ctx.at(label, "vendors", i, "dpa"),
                "list them under `dpa.subprocessors`, or write `subprocessors: []` when the "
                "agreement allows none")


@rule("vendor.security-evidence", needs=_NEEDS)
def security_evidence(ctx: Context) -> Iterator[Finding]:
    """Every processor of personal data has security evidence no older than the limit.

    The newest SOC report, certificate or audit is at most `evidence_max_age_days` old
    (plugin option, default 365).

    Passing:
        security_evidence:
          - {kind: SOC 2 Type II report, issued: 2026-03-01}

    Failing:
        security_evidence:
          - {kind: SOC 2 Type II report, issued: 2024-03-01}
    """
    limit = ctx.options.evidence_max_age_days
    today = ctx.options.today
    label = ctx.file_of("vendors")
    for i, vendor in _processors(ctx):
        if not vendor.security_evidence:
            yield Finding(f"the processor '{vendor.id}' has no security evidence recorded",
                          ctx.at(label, "vendors", i, "role"),
                          "record its latest SOC report, certificate or audit under "
                          "`security_evidence`")
            continue
        k, newest = max(enumerate(vendor.security_evidence), key=lambda e: e[1].issued)
        age = (today - newest.issued).days
        if age > limit:
            yield Finding(
                f"the newest security evidence of '{vendor.id}' ({newest.kind}, issued "
                f"{newest.issued.isoformat()}) is {age} days old; the limit is {limit}",
                ctx.at(label, "vendors", i, "security_evidence", k, "issued"),
                "ask the vendor for a current report or certificate and record it")
