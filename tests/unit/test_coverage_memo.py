"""``coverage.json`` under a live preview: made from the policy without its translations in
every build, kept across a translator's edit, made again after any other edit."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from govportal import pipeline
from govportal.pipeline.preview import Preview, coverage_json
from govportal.publish import exports
from govportal.rules import registry
from tests.conftest import ROOT

OPTIONS = registry.Options(today=dt.date(2026, 12, 1))


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_full_build_lists_what_the_whole_policy_lists(tmp_path):
    policy = pipeline.check(_data(tmp_path), OPTIONS).policy
    assert policy.translations
    assert coverage_json(policy, None) == exports.coverage_json(policy)


def test_a_translators_edit_keeps_it_and_another_edit_makes_it_again(tmp_path):
    data = _data(tmp_path)
    preview = Preview()
    first = coverage_json(pipeline.check(data, OPTIONS).policy, preview)
    _edit(data / "translations" / "de" / "programs.yaml",
          "      Beschäftigte mit Kursen auf der Lernplattform\n",
          "      Beschäftigte mit Kursen auf der Lernplattform (bearbeitet)\n")
    again = coverage_json(pipeline.check(data, OPTIONS).policy, preview)
    assert again is first
    _edit(data / "programs" / "micro-coaching.yaml", "\nid: micro-coaching\n",
          "\nid: micro-coaching-two\n")
    (data / "programs" / "micro-coaching.yaml").rename(
        data / "programs" / "micro-coaching-two.yaml")
    policy = pipeline.check(data, OPTIONS).policy
    edited = coverage_json(policy, preview)
    assert edited == exports.coverage_json(policy) != first
    assert '"notice": "micro-coaching-two"' in edited


def test_a_policy_that_does_not_say_what_it_was_read_from_is_made_afresh(tmp_path):
    import dataclasses

    policy = pipeline.check(_data(tmp_path), OPTIONS).policy
    bare = dataclasses.replace(policy, sources={})
    preview = Preview()
    assert coverage_json(bare, preview) == exports.coverage_json(policy)
    assert preview.coverage is None
