"""Rules that make the data say what it means: no silence read as "not applicable", and
the facts the law decides from (where the organisation is established, how many people work
with personal data, which law protects a country) consistent with the law."""

from __future__ import annotations

from collections.abc import Iterator

from ...data import model as m
from ...problems import Severity
from ..catalog import load_authorities
from ..decisions import Status, decide
from ..facts import ORG, Undecided
from ..registry import Context, Finding, rule

_NEEDS = ("organisation", "inventory", "retention")

# EU and EEA member countries (ISO 3166-1): the GDPR protects people here.
EEA = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
})


def expected_regimes(country: str) -> set[str]:
    """The regimes the law attaches to a country code (empty where the portal has none)."""
    if country in EEA:
        return {"eu_gdpr"}
    if country == "GB":
        return {"uk_gdpr"}
    if country == "US-CA":
        return {"ccpa"}
    return set()


@rule("declaration.missing", needs=_NEEDS)
def missing_declaration(ctx: Context) -> Iterator[Finding]:
    """The data says, for every condition that could switch a disclosure off, what holds:
    a missing key is never read as "none".

    A DPO (`dpo:` or `dpo: {none: …}`), other sources (`collection.other_sources`),
    recipients, transfers, where the organisation is established, whether personal
    information is sold or shared; and, for each of the organisation's jurisdictions,
    whether a program serves it (`data_subjects`) or not (`not_offered_in`). One problem per
    missing statement, naming the items it decides.

    Passing: `transfers: {none: All data stays in Germany.}`
    Failing: a program without `transfers:`, which would leave the transfer items undecided.
    """
    policy = ctx.policy
    roots: dict[tuple[str, str, tuple], tuple[Undecided, dict[str, None], dict[str, None]]] = {}
    for pid, program in policy.programs.items():
        for decision in decide(policy, program):
            root = decision.undecided
            if decision.status is not Status.UNDECIDED or root is None:
                continue
            label = ctx.file_of("organisation") if root.owner == ORG else \
                policy.program_files[pid]
            entry = roots.setdefault((label, root.owner, root.path), (root, {}, {}))
            entry[1][decision.requirement.id] = None
            entry[2][pid] = None
    for (label, owner, path), (root, items, notices) in roots.items():
        listed = ", ".join(items)
        whose = f" of notices {', '.join(notices)}" if owner == ORG else ""
        yield Finding(f"the data does not say {root.what}; this decides {listed}{whose}",
                      ctx.at(label, *path), root.hint)
    org = policy.organisation
    for pid, program in policy.programs.items():
        served = {j for ds in program.data_subjects for j in ds.jurisdictions}
        for j in org.jurisdictions:
            if j.id not in served and j.id not in program.not_offered_in:
                yield Finding(
                    f"the program does not say whether it is offered in {j.id} ({j.name}); "
                    "this decides every item of " + (", ".join(r.value for r in j.regimes)
                                                     or "that jurisdiction"),
                    ctx.program_at(pid, "data_subjects"),
                    f"add {j.id} to a data_subjects group's jurisdictions, or add "
                    f"`not_offered_in: {{{j.id}: why}}`",
                    follows=("jurisdiction", j.id))  # hidden behind a renamed jurisdiction


@rule("jurisdiction.regime-mismatch", needs=("organisation",))
def regime_mismatch(ctx: Context) -> Iterator[Finding]:
    """A jurisdiction lists the regimes the law gives its country: eu_gdpr for every EU and
    EEA country, uk_gdpr for the United Kingdom, ccpa for California.

    Passing: `{id: ie, country: IE, regimes: [eu_gdpr]}`.
    Failing: `{id: gb, country: GB, regimes: []}`: the UK notice items would vanish.
    """
    for i, j in enumerate(ctx.policy.organisation.jurisdictions):
        expected = expected_regimes(j.country)
        if not expected:
            continue
        given = {r.value for r in j.regimes}
        where = ctx.at(ctx.file_of("organisation"), "jurisdictions", i, "regimes")
        if expected - given:
            missing = ", ".join(sorted(expected - given))
            yield Finding(f"jurisdiction '{j.id}' ({j.country}) does not list {missing}, the "
                          "law that protects people there", where, f"add {missing} to its "
                          "regimes")
        elif given - expected:
            yield Finding(f"jurisdiction '{j.id}' ({j.country}) lists "
                          f"{', '.join(sorted(given - expected))}, which does not apply there",
                          where, f"use {', '.join(sorted(expected))}")


def _main_region(org: m.Organisation, jurisdiction: str) -> str | None:
    here = [e for e in org.establishments or [] if e.jurisdiction == jurisdiction]
    main = [e for e in here if e.main] or here
    return main[0].region if main else None


@rule("authority.not-competent", needs=("organisation",))
def authority_not_competent(ctx: Context) -> Iterator[Finding]:
    """The complaint authority named for a jurisdiction is one competent for it, from the
    portal's dated catalog of supervisory authorities: the ICO for the United Kingdom, the
    Data Protection Commission for Ireland, for Germany the authority of the state where the
    organisation's (main) German establishment is (BDSG 40), the California Privacy
    Protection Agency for California.

    Passing: `{id: gb, country: GB, supervisory_authority: gb-ico}`.
    Failing: `{id: gb, country: GB, supervisory_authority: de-be-blnbdi}`: a UK employee
    would be sent to the Berlin commissioner.
    """
    org = ctx.policy.organisation
    catalog = load_authorities()
    label = ctx.file_of("organisation")
    for i, j in enumerate(org.jurisdictions):
        named = j.supervisory_authority
        where = ctx.at(label, "jurisdictions", i, "supervisory_authority")
        region = _main_region(org, j.id) if j.country == "DE" else None
        competent = catalog.competent(j.country, region)
        choices = ", ".join(f"{a.id} ({a.name})" for a in competent)
        if isinstance(named, str):
            authority = catalog.by_id.get(named)
            if authority is None:
                yield Finding(f"'{named}' is not in the catalog of supervisory authorities",
                              where, f"use {choices}" if competent else
                              "name the authority with `{name: …, url: …}`")
            elif competent and authority not in competent:
                why = (f"the organisation's German establishment is in {region}"
                       if region else f"it covers {authority.region or authority.country}")
                yield Finding(f"'{named}' ({authority.name}) is not competent for "
                              f"jurisdiction '{j.id}' ({j.country}): {why}", where,
                              f"use {choices}")
        elif named is not None and competent:
            yield Finding(f"jurisdiction '{j.id}' names its authority by hand although the "
                          "catalog lists the competent one", where, f"use {choices}")


@rule("organisation.dpo-required", needs=("organisation",))
def dpo_required(ctx: Context) -> Iterator[Finding]:
    """A German controller designates a data protection officer when at least 20 people
    routinely work with personal data by computer, or when any processing needs a data
    protection impact assessment (BDSG 38(1); GDPR Art. 37(1)).

    Passing: `staff_processing_personal_data: 12`, `dpo: {none: …}`, no program with a DPIA.
    Failing: `staff_processing_personal_data: 35` with `dpo: {none: …}`.
    Without `staff_processing_personal_data` a German controller's data cannot decide it,
    and this rule asks for it.
    """
    policy = ctx.policy
    org = policy.organisation
    german = any(j.country == "DE" and e.jurisdiction == j.id
                 for e in org.establishments or [] for j in org.jurisdictions)
    if not german:
        return
    label = ctx.file_of("organisation")
    count = org.staff_processing_personal_data
    dpias = sorted(pid for pid, p in policy.programs.items()
                   if p.dpia or (p.analytics and p.analytics.dpia))
    if not m.is_declared_none(org.dpo):
        return
    if count is None and not dpias:
        yield Finding("the organisation is established in Germany but does not say how many "
                      "people routinely work with personal data, which decides whether a "
                      "data protection officer is mandatory (BDSG 38(1))",
                      ctx.at(label, "establishments"),
                      "add `staff_processing_personal_data:` with the number")
        return
    reasons = []
    if count is not None and count >= 20:
        reasons.append(f"{count} people routinely work with personal data (20 or more)")
    if dpias:
        reasons.append(f"processing needs a DPIA ({', '.join(dpias)})")
    if reasons:
        yield Finding("a German controller must designate a data protection officer: "
                      + " and ".join(reasons) + " (BDSG 38(1))", ctx.at(label, "dpo"),
                      "designate one and give `dpo:` a name and contact details")


@rule("authority.unnamed", severity=Severity.WARNING, needs=("organisation",))
def authority_unnamed(ctx: Context) -> Iterator[Finding]:
    """A jurisdiction protected by the GDPR or the UK GDPR names the authority people there
    can complain to. The law asks the notice for the right to complain (GDPR Art. 13(2)(d),
    which the portal's standard wording states); naming the competent authority with its
    address is good practice, so this is a warning.

    Passing: `{id: ie, country: IE, regimes: [eu_gdpr], supervisory_authority: ie-dpc}`
    Failing: `{id: ie, country: IE, regimes: [eu_gdpr]}`
    """
    for i, j in enumerate(ctx.policy.organisation.jurisdictions):
        gdpr = {r.value for r in j.regimes} & {"eu_gdpr", "uk_gdpr"}
        if gdpr and j.supervisory_authority is None:
            competent = load_authorities().competent(j.country, _main_region(
                ctx.policy.organisation, j.id) if j.country == "DE" else None)
            yield Finding(f"jurisdiction '{j.id}' names no authority to complain to; its "
                          "notices state the right to complain but not where",
                          ctx.at(ctx.file_of("organisation"), "jurisdictions", i),
                          f"add `supervisory_authority: {competent[0].id}`" if len(competent)
                          == 1 else "add `supervisory_authority:` with the competent "
                          "authority's catalog id")
