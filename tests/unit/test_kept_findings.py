"""The live preview's memo of the rules' findings: a rule that does not read the
translations sees the policy without them in every check, so its findings are kept across
an edit to a translation and made again after any other edit or another setting; the
problems are always those a fresh check reports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

from govportal import pipeline
from govportal.data.load_memo import LoadMemo
from govportal.data.policy import untranslated
from govportal.problems import Problems, Severity
from govportal.rules import registry
from govportal.rules.kept_findings import KeptFindings
from tests.conftest import ROOT

OPTIONS = registry.Options(today=dt.date(2026, 12, 1))
GERMAN = Path("translations") / "de" / "programs.yaml"
SUMMARY = "  summary:\n    source: \"5d75c7ff6285\"\n    text: >-\n"


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def _said(result: pipeline.Result) -> list[str]:
    return [p.format_text() for p in result.problems]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _hostile_german(data: Path) -> None:
    """A German summary left as a placeholder, and another German text with a script."""
    _edit(data / GERMAN, SUMMARY + "      Ihr Kursstatus, Ihr Fortschritt und Ihre Quizergebnisse "
          "aus der Lernplattform, und wie\n      Ihre Führungskraft sie in Einzelgesprächen und "
          "Leistungsbeurteilungen nutzen darf.\n", SUMMARY + "      TBD\n")
    _edit(data / GERMAN, "      Beschäftigte mit Kursen auf der Lernplattform\n",
          "      Beschäftigte mit Kursen <script>alert(1)</script>\n")


def _findings(rule: registry.Rule, policy, options=OPTIONS) -> list[registry.Finding]:
    return list(rule.func(registry.Context(policy, options)))


def test_a_rule_not_marked_as_reading_translations_finds_the_same_without_them(tmp_path):
    """Every rule without ``translations=True`` finds on the policy without its translations
    what it finds on the whole policy, on data whose German texts hold a placeholder and a
    script; the rules marked find those problems only with the translations (the data
    reaches them: the comparison could fail)."""
    data = _data(tmp_path)
    _hostile_german(data)
    policy = pipeline.check(data, OPTIONS).policy
    view = untranslated(policy)
    assert policy.translations and not view.translations
    differ = set()
    for rule_id, rule in sorted(registry.all_rules().items()):
        if any(getattr(policy, part, None) is None for part in rule.needs):
            continue
        whole, without = _findings(rule, policy), _findings(rule, view)
        if rule.translations:
            if whole != without:
                differ.add(rule_id)
        else:
            assert whole == without, rule_id
    assert {"content.placeholder", "content.unsafe-markup"} <= differ


def test_the_german_placeholder_is_still_reported_by_a_check(tmp_path):
    data = _data(tmp_path)
    _hostile_german(data)
    said = _said(pipeline.check(data, OPTIONS))
    assert any("[content.placeholder]" in s and "translations/de/programs.yaml" in s
               for s in said), said
    assert any("[content.unsafe-markup]" in s and "translations/de/programs.yaml" in s
               for s in said), said


def _counts(kept: KeptFindings) -> tuple[int, int]:
    return kept.reused, kept.ran


def _source_rules() -> int:
    return sum(1 for rule in registry.all_rules().values() if not rule.translations)


def _check(data: Path, memo: LoadMemo, kept: KeptFindings,
           options: registry.Options = OPTIONS) -> pipeline.Result:
    return pipeline.check(data, options, memo=memo, findings=kept)


def test_a_translators_edit_keeps_the_other_rules_findings_and_checks_the_same(tmp_path):
    data = _data(tmp_path)
    memo, kept = LoadMemo(), KeptFindings()
    _check(data, memo, kept)
    ran = kept.ran
    assert ran > 0 and kept.reused == 0
    _hostile_german(data)  # a translator's edit, with problems the translation rules find
    second = _check(data, memo, kept)
    assert _counts(kept) == (ran, 0)
    assert _said(second) == _said(pipeline.check(data, OPTIONS))
    assert any("[content.placeholder]" in s for s in _said(second))


def test_any_other_edit_runs_every_rule_again_and_what_it_finds_is_seen(tmp_path):
    data = _data(tmp_path)
    memo, kept = LoadMemo(), KeptFindings()
    first = _check(data, memo, kept)
    ran = kept.ran
    program = data / "programs" / "micro-coaching.yaml"  # an unknown vendor: not a translation
    _edit(program, "    vendor: skyhold\n", "    vendor: skyholt\n")
    second = _check(data, memo, kept)
    assert _counts(kept) == (0, ran)
    assert _said(second) == _said(pipeline.check(data, OPTIONS)) != _said(first)
    assert any("skyholt" in s and "[ids.unknown-reference]" in s for s in _said(second))


def test_another_date_or_severity_runs_every_rule_again(tmp_path):
    data = _data(tmp_path)
    memo, kept = LoadMemo(), KeptFindings()
    _check(data, memo, kept)
    ran = kept.ran
    later = dataclasses.replace(OPTIONS, today=dt.date(2027, 6, 1))
    said = _said(_check(data, memo, kept, later))
    assert _counts(kept) == (0, ran)
    assert said == _said(pipeline.check(data, later))
    quiet = dataclasses.replace(OPTIONS, severities={"notice.readability": Severity.OFF})
    _check(data, memo, kept, quiet)
    assert kept.reused == 0
    _check(data, memo, kept, quiet)
    assert kept.reused == kept.ran + kept.reused > 0 and kept.ran == 0


def test_a_policy_that_does_not_say_what_it_was_read_from_keeps_nothing(tmp_path):
    data = _data(tmp_path)
    policy = pipeline.check(data, OPTIONS).policy
    bare = dataclasses.replace(policy, sources={})
    kept = KeptFindings()
    for _ in range(2):
        registry.run_rules(bare, OPTIONS, Problems(), kept=kept)
        assert kept.reused == 0 and kept.ran > 0


def test_a_rule_not_marked_is_given_the_policy_without_its_translations(tmp_path):
    """What the memo rests on: each rule sees the translations only when it is marked."""
    data = _data(tmp_path)
    policy = pipeline.check(data, OPTIONS).policy
    seen: dict[str, bool] = {}

    def probe(name: str):
        def look(ctx: registry.Context):
            seen[name] = bool(ctx.policy.translations) or any(
                "translations/" in label for label in ctx.policy.documents)
            return iter(())
        return look

    try:
        registry.rule("test.probe-plain")(probe("plain"))
        registry.rule("test.probe-marked", translations=True)(probe("marked"))
        registry.run_rules(policy, OPTIONS, Problems(), only={"test.probe-plain",
                                                            "test.probe-marked"})
    finally:
        registry.REGISTRY.pop("test.probe-plain", None)
        registry.REGISTRY.pop("test.probe-marked", None)
    assert seen == {"plain": False, "marked": True}
