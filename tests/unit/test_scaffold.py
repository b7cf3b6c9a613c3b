"""``govportal new``: a scaffold that the check answers with exactly what is left to fill in.

For each kind of record (``tests/cases/scaffold/<kind>/``), in a copy of the repository's
``data/``: ``govportal new KIND ID`` writes the record; the check on the untouched scaffold
reports exactly ``expected.txt`` (one ``data.placeholder`` per ``TODO``, nothing that only
follows from it); with every ``TODO`` replaced by the case's ``fill`` the data has no problem
left. Then what the command refuses: an id that exists, an id that is not valid.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from govportal import cli, pipeline
from govportal.data import unfilled
from govportal.data.positions import format_path
from govportal.data.yaml_reader import load_text
from govportal.problems import Problems
from govportal.rules import registry
from tests.conftest import CASES, ROOT

SCAFFOLDS = CASES / "scaffold"
ALL = sorted(p for p in SCAFFOLDS.iterdir() if p.is_dir())
TODAY = dt.date(2026, 11, 22)
FILES = {"program": "programs/{id}.yaml", "vendor": "vendors.yaml",
         "transfer": "transfers.yaml", "retention": "retention.yaml"}


def spec(case: Path) -> dict:
    return yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))


def scaffolded(case: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of data/ with the case's record added by the command; (data, the file)."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    s = spec(case)
    assert cli.main(["new", s["kind"], s["id"], "--data", str(data)]) == 0
    return data, data / FILES[s["kind"]].format(id=s["id"])


def check(data: Path) -> str:
    problems = pipeline.check(data, registry.Options(today=TODAY),
                              label_base=data.parent).problems
    return problems.format_text() + "\n"


def fill(path: Path, values: dict[str, str]) -> None:
    """Replace each TODO, found by its YAML path, with the value's YAML text (an empty text
    leaves its list empty: ``[TODO]`` becomes ``[]``, as an owner would delete it)."""
    text = path.read_text(encoding="utf-8")
    doc = load_text(text, path.name, Problems())
    todo = {format_path(p): p for p in unfilled.placeholders(doc.data)}
    assert sorted(todo) == sorted(values), "the case must fill exactly the scaffold's TODOs"
    lines = text.splitlines()
    for where in sorted(todo, key=lambda w: doc.values[todo[w]], reverse=True):
        line, col = doc.values[todo[where]]
        row = lines[line - 1]
        assert row[col - 1:col - 1 + len(unfilled.MARK)] == unfilled.MARK, (where, row)
        lines[line - 1] = row[:col - 1] + str(values[where]) + row[col - 1 + len(
            unfilled.MARK):]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_every_kind_has_a_case() -> None:
    assert sorted(spec(c)["kind"] for c in ALL) == sorted(FILES)


@pytest.mark.parametrize("case", ALL, ids=[p.name for p in ALL])
def test_the_untouched_scaffold_names_what_is_left(case: Path, tmp_path: Path,
                                                   update_cases: bool) -> None:
    data, _ = scaffolded(case, tmp_path)
    actual = check(data)
    expected = case / "expected.txt"
    if update_cases and (not expected.is_file()
                         or expected.read_text(encoding="utf-8") != actual):
        expected.write_text(actual, encoding="utf-8")
        pytest.fail(f"rewrote {expected.relative_to(CASES)}: review the diff, then run the "
                    "tests again")
    assert actual == expected.read_text(encoding="utf-8")
    rules = {line.split("[", 1)[1].split("]", 1)[0] for line in actual.splitlines()
             if "] " in line and ": error [" in line}
    assert rules == {"data.placeholder"}


@pytest.mark.parametrize("case", ALL, ids=[p.name for p in ALL])
def test_the_filled_scaffold_passes(case: Path, tmp_path: Path) -> None:
    """Filled in, nothing is left but the translations the new texts need where a
    jurisdiction requires another language (``filled.txt``; without it, no problem)."""
    data, path = scaffolded(case, tmp_path)
    fill(path, {str(k): v for k, v in spec(case)["fill"].items()})
    expected = case / "filled.txt"
    assert check(data) == (expected.read_text(encoding="utf-8") if expected.is_file()
                           else "0 errors, 0 warnings\n")


@pytest.mark.parametrize("case", ALL, ids=[p.name for p in ALL])
def test_the_rest_of_the_file_is_kept(case: Path, tmp_path: Path) -> None:
    """Appending keeps every line of the list file as it was, comments included."""
    s = spec(case)
    data, path = scaffolded(case, tmp_path)
    if s["kind"] == "program":
        assert sorted(p.name for p in (data / "programs").iterdir()) == sorted(
            [*(p.name for p in (ROOT / "data" / "programs").iterdir()), path.name])
        return
    before = (ROOT / "data" / FILES[s["kind"]]).read_text(encoding="utf-8")
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n") + "\n")
    assert f"- id: {s['id']}\n" in after[len(before.rstrip()):]


@pytest.mark.parametrize(("kind", "record_id", "words"), [
    ("program", "micro-coaching", "data/programs/micro-coaching.yaml already exists"),
    ("vendor", "pushwave", "data/vendors.yaml already has a vendor with the id 'pushwave'"),
    ("transfer", "lms-eu-uk", "data/transfers.yaml already has a transfer with the id "
                              "'lms-eu-uk'"),
    ("retention", "consent-records", "data/retention.yaml already has a retention rule with "
                                     "the id 'consent-records'"),
])
def test_an_id_that_exists_is_refused(kind: str, record_id: str, words: str, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    before = {p: p.read_bytes() for p in data.rglob("*.yaml")}
    assert cli.main(["new", kind, record_id, "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"govportal new: {words}") and "nothing was written" in err
    assert {p: p.read_bytes() for p in data.rglob("*.yaml")} == before


@pytest.mark.parametrize(("record_id", "words"), [
    ("Peer Mentoring", "'Peer Mentoring' is not a valid id (did you mean 'peer-mentoring'?)"),
    ("peer_mentoring", "'peer_mentoring' is not a valid id (did you mean 'peer-mentoring'?)"),
    ("peer-", "'peer-' is not a valid id (did you mean 'peer'?)"),
    ("../escape", "'../escape' is not a valid id (did you mean 'escape'?)"),
    ("pеer", "'pеer' is not a valid id:"),  # a Cyrillic 'е'
])
def test_an_id_that_is_not_valid_is_refused(record_id: str, words: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    assert cli.main(["new", "program", record_id, "--data", str(data)]) == 2
    assert capsys.readouterr().err.startswith(f"govportal new: {words}")
    assert sorted(p.name for p in (data / "programs").iterdir()) == sorted(
        p.name for p in (ROOT / "data" / "programs").iterdir())


def test_a_placeholder_written_by_hand_is_reported_once(tmp_path: Path) -> None:
    """A TODO in a real file: one data.placeholder, and the file is not used meanwhile."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    mistakes = data / "mistakes.yaml"
    text = mistakes.read_text(encoding="utf-8")
    first = text.index("    fix: ")
    end = text.index("\n", first)
    while text[end + 1:].startswith("      "):  # a folded block continues
        end = text.index("\n", end + 1)
    mistakes.write_text(text[:first] + "    fix: TODO" + text[end:], encoding="utf-8")
    out = check(data)
    assert out.endswith("1 error, 0 warnings\n"), out
    assert "error [data.placeholder] mistakes[0].fix: still to be filled in: replace TODO " \
           "with the value the comment above asks for\n    hint: What to do instead, or how " \
           "to put it right.\n" in out


def test_a_transfer_starts_the_file_when_there_is_none(tmp_path: Path) -> None:
    """transfers.yaml may be left out: the first transfer creates it, naming its schema."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "transfers.yaml").unlink()
    assert cli.main(["new", "transfer", "first-one", "--data", str(data)]) == 0
    lines = (data / "transfers.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["# yaml-language-server: $schema=../schemas/transfers.schema.json",
                         "transfers:"]
    assert "  - id: first-one" in lines


def test_an_empty_list_is_opened(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "transfers.yaml").write_text("transfers: []  # none yet\n", encoding="utf-8")
    assert cli.main(["new", "transfer", "first-one", "--data", str(data)]) == 0
    text = (data / "transfers.yaml").read_text(encoding="utf-8")
    assert text.startswith("transfers:  # none yet\n  # A new transfer, added with")
    doc = load_text(text, "transfers.yaml", Problems())
    assert [t["id"] for t in doc.data["transfers"]] == ["first-one"]


def test_a_list_written_in_one_line_is_left_alone(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    text = "transfers: [{id: a, vendor: b}]\n"
    (data / "transfers.yaml").write_text(text, encoding="utf-8")
    assert cli.main(["new", "transfer", "first-one", "--data", str(data)]) == 1
    assert capsys.readouterr().err == (
        "govportal new: the list `transfers` is not written one entry per line; add the entry "
        "by hand; nothing was written\n")
    assert (data / "transfers.yaml").read_text(encoding="utf-8") == text
