"""One typo, one message: the corpus of single typos in ``tests/cases/typos/``.

Each case makes one typo in a copy of a valid data folder (``case.yaml``: the file, the
text as it is and the text with the typo); the check must answer with exactly one error,
word for word as ``expected.txt`` says, hint and hidden-problem count included. See
``tests/cases/typos/README.md``.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from govportal import pipeline
from govportal.data import model as m
from govportal.rules import registry
from tests.conftest import CASES, ROOT

TYPOS = CASES / "typos"
BASES = {"base": CASES / "rules" / "base", "data": ROOT / "data"}
TODAY = dt.date(2026, 11, 22)
ALL = sorted(p for p in TYPOS.iterdir() if p.is_dir())


def spec(case: Path) -> dict[str, str]:
    return yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))


def with_typo(case: Path, tmp_path: Path) -> Path:
    typo = spec(case)
    data = tmp_path / "data"
    shutil.copytree(BASES[typo.get("base", "base")], data)
    _without_the_spanish_sample(data)
    path = data / typo["file"]
    text = path.read_text(encoding="utf-8")
    assert text.count(typo["replace"]) == 1, (
        f"{typo['file']} must hold {typo['replace']!r} exactly once: update the case")
    path.write_text(text.replace(typo["replace"], typo["with"]), encoding="utf-8")
    return data


def test_the_corpus_covers_every_kind_of_data_file() -> None:
    files = {Path(spec(case)["file"]).parts[0] for case in ALL}
    assert files == {*m.SINGLE_FILES, m.PROGRAMS_DIR}


@pytest.mark.parametrize("case", ALL, ids=[p.name for p in ALL])
def test_one_typo_gives_exactly_one_error(case: Path, tmp_path: Path) -> None:
    data = with_typo(case, tmp_path)
    problems = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path).problems
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    assert problems.format_text() + "\n" == expected
    assert (len(problems.errors), len(problems.warnings)) == (1, 0)


def _without_the_spanish_sample(data: Path) -> None:
    """An optional language in progress gives warnings of its own (tests/unit/test_i18n.py
    holds them); a typo's answer is checked without any."""
    shutil.rmtree(data / "translations" / "es", ignore_errors=True)


@pytest.mark.parametrize("base", sorted(BASES))
def test_the_bases_have_no_problem_without_a_typo(base: str, tmp_path: Path) -> None:
    """Each error comes from its typo alone."""
    data = tmp_path / "data"
    shutil.copytree(BASES[base], data)
    _without_the_spanish_sample(data)
    problems = pipeline.check(data, registry.Options(today=TODAY),
                              label_base=tmp_path).problems
    assert problems.format_text() == "0 errors, 0 warnings"


# What a broken transfers.yaml used to add after its one real error, now hidden behind it:
# each is still found, and named with the root it follows from.
FOLLOWERS = [
    "data/programs/coaching.yaml:25:13: error [ids.unknown-reference] transfers[0]: unknown "
    "transfer 'coach-ch'",
    "data/programs/milestones.yaml:23:13: error [ids.unknown-reference] transfers[0]: unknown "
    "transfer 'lms-us'",
]


def test_hidden_problems_are_found_and_name_their_root(tmp_path: Path) -> None:
    data = with_typo(TYPOS / "transfers-mechanism", tmp_path)
    problems = pipeline.check(data, registry.Options(today=TODAY), label_base=tmp_path).problems
    followers = problems.followers()
    assert [p.format_text().split("\n")[0] for p, _ in followers] == FOLLOWERS
    assert [p.hint for p, _ in followers] == [
        f"'{t}' is declared in data/transfers.yaml, which did not load: fix its problems first"
        for t in ("coach-ch", "lms-us")]
    assert {root.location.path for _, root in followers} == {"transfers[0].mechanism"}
