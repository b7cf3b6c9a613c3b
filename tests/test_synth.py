"""The benchmark's synthetic organisations stay valid as rules are added.

``bench/synth.py`` generates the data the benchmark measures; if it stopped passing the
checks, ``make bench`` would measure a failing build. These tests run the real check on a
small organisation and hold the generator to the controls the governance rules describe,
so a rule added later that the generator does not honour fails here first.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govportal import pipeline
from govportal.data import model as m
from govportal.rules import registry
from tests.conftest import bench_module, mkdocs_build

TODAY = dt.date(2026, 11, 22)


synth = bench_module("synth")


def _check(n: int, folder: Path) -> pipeline.Result:
    project = synth.generate(n, folder / "org", today=TODAY, with_lock=False)
    return pipeline.check(project / "data", registry.Options(today=TODAY), label_base=project)


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> pipeline.Result:
    """One program of every kind the generator knows."""
    return _check(len(synth.KINDS), tmp_path_factory.mktemp("synth"))


def test_three_programs_pass_every_rule(tmp_path: Path) -> None:
    small = _check(3, tmp_path)
    assert [p.format_text() for p in small.problems] == []
    assert small.policy.complete
    assert len(small.policy.programs) == 3


def test_every_kind_of_program_passes_every_rule(result: pipeline.Result) -> None:
    assert [p.format_text() for p in result.problems] == []
    assert len(result.policy.programs) == len(synth.KINDS)


def test_every_regime_is_served(result: pipeline.Result) -> None:
    served = set()
    org = result.policy.organisation
    synthetic = synth.Organisation(30, today=TODAY)
    by_id = {j.id: j for j in org.jurisdictions}
    for p in synthetic.programs:
        for ds in p["data_subjects"]:
            served |= {r.value for j in ds["jurisdictions"] for r in by_id[j].regimes}
    assert served == {"eu_gdpr", "uk_gdpr", "ccpa"}


def test_same_arguments_same_bytes(tmp_path: Path) -> None:
    a = synth.Organisation(5, seed=3, today=TODAY).files()
    b = synth.Organisation(5, seed=3, today=TODAY).files()
    c = synth.Organisation(5, seed=4, today=TODAY).files()
    assert a == b
    assert a != c


def test_the_controls_the_rules_describe_hold(result: pipeline.Result) -> None:
    policy = result.policy
    fields = policy.fields_by_id
    views = policy.views_by_id
    for view in views.values():
        if view.kind is m.ViewKind.AUDIT:
            assert view.hr_signoff.required and view.hr_signoff.approver
    for f in fields.values():
        kinds = {views[v].kind for v in f.views}
        if f.high_risk or f.sensitive:
            assert m.ViewKind.CONTEXTUAL not in kinds, f.id
        if f.raw_detail:
            assert kinds <= {m.ViewKind.AUDIT}, f.id
    for rule in policy.retention.rules:
        assert rule.next_review > TODAY + dt.timedelta(days=30)
        if rule.kind is m.RecordKind.ENGAGEMENT_LOG:
            assert m.period_days(rule.period) <= 90
        if rule.kind is m.RecordKind.AGGREGATE:
            assert rule.anonymised
        if rule.kind is m.RecordKind.AUDIT_LOG:
            assert all(fields[f].classification is m.Classification.AUDIT_LOG
                       for f in rule.fields)
    for pid, program in policy.programs.items():
        assert program.next_review > TODAY + dt.timedelta(days=30)
        assert all(rules for rules in policy.retention_for(program).values()), pid
        for purpose in program.purposes:
            if m.LawfulBasis.CONSENT in purpose.lawful_basis.values():
                assert purpose.consent_justification and program.consent is not None
        analytics, decisions = program.analytics, program.automated_decisions
        if decisions.profiling or (analytics and analytics.level is m.AnalyticsLevel.INDIVIDUAL):
            assert program.dpia or (analytics and analytics.dpia), pid
            assert decisions.opt_out or (analytics and analytics.opt_out), pid
        gate = {i.id for c in policy.checklists.checklists if c.launch_gate
                for i in c.items if i.mandatory}
        answers = {a.item: a.answer for a in program.launch_readiness}
        assert all(answers.get(item) is m.Answer.MET for item in gate), pid
    for vendor in policy.vendors.vendors:
        assert vendor.dpa is not None and vendor.dpa.subprocessors
        assert vendor.security_evidence
        for evidence in vendor.security_evidence:
            assert TODAY - evidence.issued <= dt.timedelta(days=365)
    for transfer in policy.transfers.transfers:
        if transfer.mechanism is m.Mechanism.SCC:
            assert transfer.tia_date is not None
            assert TODAY - transfer.tia_date <= dt.timedelta(days=365)
    for item in [*policy.checklists.checklists, *policy.clauses.clauses]:
        assert item.next_review > TODAY + dt.timedelta(days=30)
    assert policy.playbook.next_review > TODAY + dt.timedelta(days=30)


def test_the_project_builds_strictly(tmp_path: Path) -> None:
    project = synth.generate(2, tmp_path / "org", today=TODAY)
    build = mkdocs_build(project, "--site-dir", str(tmp_path / "site"))
    assert build.returncode == 0, build.stderr[-3000:]
    assert (tmp_path / "site" / "notices" / "index.html").is_file()
