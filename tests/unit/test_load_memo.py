"""The live preview's memo of the data files: a file is taken from the last check only when
its bytes are the same and it loaded without a problem; every rule still runs, and the
problems are those a fresh check reports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

from govportal import pipeline
from govportal.data.load_memo import LoadMemo
from govportal.problems import Severity
from govportal.rules import registry
from tests.conftest import ROOT

OPTIONS = registry.Options(today=dt.date(2026, 12, 1))


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def _said(result) -> list[str]:
    return [p.format_text() for p in result.problems]


def _files(data: Path) -> int:
    return sum(1 for p in data.rglob("*.yaml"))


def test_an_unchanged_folder_is_taken_whole_from_the_memo_and_checks_the_same(tmp_path):
    data = _data(tmp_path)
    memo = LoadMemo()
    first = pipeline.check(data, OPTIONS, memo=memo)
    assert (memo.reused, memo.read) == (0, _files(data))
    second = pipeline.check(data, OPTIONS, memo=memo)
    assert (memo.reused, memo.read) == (_files(data), 0)
    fresh = pipeline.check(data, OPTIONS)
    assert _said(second) == _said(first) == _said(fresh)
    assert second.policy.programs.keys() == fresh.policy.programs.keys()
    assert second.policy.programs["micro-coaching"] == fresh.policy.programs["micro-coaching"]
    assert second.policy.sources == fresh.policy.sources


def test_an_edited_file_is_read_again_and_its_change_is_seen(tmp_path):
    data = _data(tmp_path)
    memo = LoadMemo()
    pipeline.check(data, OPTIONS, memo=memo)
    program = data / "programs" / "micro-coaching.yaml"
    text = program.read_text(encoding="utf-8")
    assert "\ntitle: " in text
    program.write_text(text.replace("\ntitle: ", "\ntitle: Edited ", 1), encoding="utf-8")
    result = pipeline.check(data, OPTIONS, memo=memo)
    assert (memo.reused, memo.read) == (_files(data) - 1, 1)
    assert result.policy.programs["micro-coaching"].title.startswith("Edited ")


def test_a_file_with_a_problem_is_read_and_reported_every_time(tmp_path):
    data = _data(tmp_path)
    roles = data / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8") + "surprise: 1\n", encoding="utf-8")
    memo = LoadMemo()
    first = pipeline.check(data, OPTIONS, memo=memo)
    second = pipeline.check(data, OPTIONS, memo=memo)
    assert (memo.reused, memo.read) == (_files(data) - 1, 1)
    unknown = [p for p in _said(second) if "roles.yaml" in p and "surprise" in p]
    assert len(unknown) == 1 and unknown[0].startswith("data/roles.yaml:")
    assert _said(second) == _said(first)


def test_other_severities_forget_every_file(tmp_path):
    data = _data(tmp_path)
    memo = LoadMemo()
    pipeline.check(data, OPTIONS, memo=memo)
    quieter = registry.Options(today=OPTIONS.today,
                               severities={"yaml.unknown-key": Severity.OFF})
    pipeline.check(data, quieter, memo=memo)
    assert (memo.reused, memo.read) == (0, _files(data))
    pipeline.check(data, quieter, memo=memo)
    assert (memo.reused, memo.read) == (_files(data), 0)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_after_a_translators_edit_what_the_rules_decided_of_each_program_is_kept(tmp_path):
    """Every data file but the translations byte for byte the last check's: the facts and
    decisions of each program are the last check's (the very objects), and the check says
    what a fresh check says. Any other file edited: decided afresh."""
    from govportal.rules.decisions import decide

    data = _data(tmp_path)
    memo = LoadMemo()
    first = pipeline.check(data, OPTIONS, memo=memo)
    decided = decide(first.policy, first.policy.programs["micro-coaching"])
    german = data / "translations" / "de" / "programs.yaml"
    _edit(german, "text: ", "text: Neu ")
    second = pipeline.check(data, OPTIONS, memo=memo)
    again = decide(second.policy, second.policy.programs["micro-coaching"])
    assert all(a is b for a, b in zip(again, decided, strict=True))
    assert _said(second) == _said(pipeline.check(data, OPTIONS))
    # an English file edited: every program is decided again
    _edit(data / "organisation.yaml", "\nname: ", "\nname: Edited ")
    third = pipeline.check(data, OPTIONS, memo=memo)
    fresh = decide(third.policy, third.policy.programs["micro-coaching"])
    assert fresh == decided and not any(a is b for a, b in zip(fresh, decided, strict=True))
    assert _said(third) == _said(pipeline.check(data, OPTIONS))


def test_decisions_are_carried_only_between_policies_read_from_the_same_files():
    from govportal.data.policy import Policy

    memo = LoadMemo()
    unread = Policy(root=Path("."))
    assert memo.carry_decisions(unread) is False  # no files: nothing to compare
    a = Policy(root=Path("."), sources={"organisation.yaml": "1" * 64,
                                        "translations/de/programs.yaml": "2" * 64})
    assert memo.carry_decisions(a) is False
    a.__dict__["_decisions"]["x"] = "decided"
    b = Policy(root=Path("."), sources={"organisation.yaml": "1" * 64,
                                        "translations/de/programs.yaml": "3" * 64})
    assert memo.carry_decisions(b) is True
    assert b.__dict__["_decisions"] is a.__dict__["_decisions"]  # the last check's memo
    assert b.__dict__["_decisions"] == {} and "_facts" in b.__dict__  # no program "x"
    program = object()
    b.programs = {"p": program}  # type: ignore[dict-item]
    b.__dict__["_decisions"][id(program)] = (program, "decided")
    assert memo.carry_decisions(dataclasses.replace(b, _indexes={})) is True
    assert memo.decided is not None
    assert memo.decided[1]["_decisions"] == {id(program): (program, "decided")}
    c = Policy(root=Path("."), sources={"organisation.yaml": "4" * 64})
    assert memo.carry_decisions(c) is False
    assert "x" not in c.__dict__.get("_decisions", {})
