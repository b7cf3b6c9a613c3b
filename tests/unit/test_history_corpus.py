"""Published history as an attacker would change it: every case ends in its exact problems.

Each case under ``tests/cases/history/<case>/`` starts from the same git repository: the
minimal valid case with notice versions 1.0 and 1.1 of ``learning`` locked, archived and
committed. :data:`EDITS` then changes the working tree as a pull request would (the lock
file rewritten with the package's own functions, so every hash and chain is recomputed as
an attacker could), and ``govportal check --base HEAD`` must print exactly the lines of
``expected.txt`` (the first line of each problem, and its hint when listed; ``*:*`` accepts
any position). A case whose ``expected.txt`` is empty is a change history allows.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govportal import cli
from govportal.changes.fingerprint import fingerprint, wording_fingerprint
from govportal.changes.lock import load_lock
from govportal.problems import Problems
from govportal.text.archived_markup import archive_markup_problem
from tests.conftest import CASES, copy_case
from tests.unit.test_hostile import expected_entries, matches

HISTORY = CASES / "history"
ALL = sorted(p for p in HISTORY.iterdir() if p.is_dir())
TODAY = "2026-11-22"
ARCHIVE = Path("notices-archive") / "learning"


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, timeout=60)


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return code, out  # stderr holds only remarks (how to see more, how to explain a rule)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository where versions 1.0 and 1.1 of the learning notice were published."""
    root = tmp_path_factory.mktemp("published")
    copy_case(CASES / "valid" / "minimal", None, root / "data")
    program = root / "data" / "programs" / "learning.yaml"
    program.write_text(program.read_text(encoding="utf-8").replace(
        "Your manager sees whether you finished assigned courses.",
        "We never record more than whether you finished a course."), encoding="utf-8")
    assert cli.main(["lock", "--config", str(root / "mkdocs.yml"), "--data",
                     str(root / "data"), "--lock", str(root / "notices.lock.json")]) == 0
    text = program.read_text(encoding="utf-8")
    text = text.replace('version: "1.0"\n  effective: 2026-01-15',
                        'version: "1.1"\n  effective: 2026-06-01')
    text = text.replace("    - {version: \"1.0\"", "    - {version: \"1.1\", date: 2026-06-01, "
                        "summary: Clearer words.}\n    - {version: \"1.0\"")
    text = text.replace("We never record more than whether you finished a course.",
                        "We record only whether you finished a course, nothing more.")
    program.write_text(text, encoding="utf-8")
    assert cli.main(["lock", "--config", str(root / "mkdocs.yml"), "--data",
                     str(root / "data"), "--lock", str(root / "notices.lock.json")]) == 0
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.email=t@example.com", "-c", "user.name=T", "add", "-A")
    git(root, "-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-qm", "v1.1")
    return root


def rewrite(root: Path, change: Callable[[dict], None]) -> None:
    """Change the lock through the package's own model, then recompute every chain (what
    an attacker with the package at hand can do)."""
    lock = load_lock(root / "notices.lock.json", "notices.lock.json", Problems())
    change(lock.notices)
    lock.save()


def rewrite_text(root: Path, version: str, old: str, new: str) -> None:
    path = root / ARCHIVE / f"{version}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")

    def rehash(notices: dict) -> None:
        entry = notices["learning"][version]
        entry.sha256 = fingerprint(path.read_text(encoding="utf-8"))
        entry.wording = wording_fingerprint(path.read_text(encoding="utf-8"))

    rewrite(root, rehash)


def _remove_version(root: Path) -> None:
    (root / ARCHIVE / "1.0.md").unlink()
    rewrite(root, lambda n: n["learning"].pop("1.0"))


def _new_wording(root: Path) -> None:
    rewrite_text(root, "1.0", "We never record", "We always record")


def _new_date(root: Path) -> None:
    import datetime as dt

    rewrite(root, lambda n: setattr(n["learning"]["1.0"], "effective", dt.date(2026, 2, 1)))


def _inserted(root: Path) -> None:
    shutil.copy(root / ARCHIVE / "1.0.md", root / ARCHIVE / "0.9.md")
    rewrite(root, lambda n: n["learning"].__setitem__("0.9", n["learning"]["1.0"].model_copy(
        deep=True)))


def _hand_edit(root: Path) -> None:
    path = root / "notices.lock.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["notices"]["learning"]["1.0"]["effective"] = "2026-01-01"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def _correction(root: Path) -> None:
    path = root / ARCHIVE / "1.0.md"
    path.write_text(path.read_text(encoding="utf-8").replace("\n\n", "\n\n\n", 1), "utf-8")
    assert cli.main(["lock", "--config", str(root / "mkdocs.yml"), "--data", str(root / "data"),
                     "--lock", str(root / "notices.lock.json"), "--correct", "learning", "1.0",
                     "--reason", "A blank line was missing."]) == 0


def _correction_removed(root: Path) -> None:
    _correction(root)
    git(root, "-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-qam", "fix")
    rewrite(root, lambda n: n["learning"]["1.0"].corrections.clear())


def _ghost_program(root: Path) -> None:
    (root / "notices-archive" / "ghost").mkdir()
    text = "# Privacy notice: Ghost\n\n<img src=x onerror=alert(1)>\n"
    (root / "notices-archive" / "ghost" / "1.0.md").write_text(text, encoding="utf-8")

    def add(notices: dict) -> None:
        entry = notices["learning"]["1.0"].model_copy(deep=True)
        entry.sha256, entry.wording = fingerprint(text), wording_fingerprint(text)
        notices["ghost"] = {"1.0": entry}

    rewrite(root, add)


def _lock_file(content: str) -> Callable[[Path], None]:
    return lambda root: (root / "notices.lock.json").write_text(content, encoding="utf-8")


def _path_version(root: Path) -> None:
    path = root / "notices.lock.json"
    text = path.read_text(encoding="utf-8").replace('"1.0": {', '"../../../README": {', 1)
    path.write_text(text, encoding="utf-8")


def _format_one(root: Path) -> None:
    data = json.loads((root / "notices.lock.json").read_text(encoding="utf-8"))
    for versions in data["notices"].values():
        for entry in versions.values():
            entry["sha256"] = entry.pop("wording")
            del entry["chain"], entry["corrections"]
    data["format"] = 1
    del data["retired"]
    (root / "notices.lock.json").write_text(json.dumps(data, indent=2), encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "version-removed": _remove_version,
    "wording-rewritten-with-hash": _new_wording,
    "effective-date-changed": _new_date,
    "version-inserted": _inserted,
    "lock-edited-by-hand": _hand_edit,
    "correction-recorded": _correction,
    "correction-removed": _correction_removed,
    "unknown-program": _ghost_program,
    "version-key-path": _path_version,
    "lock-deep-nesting": _lock_file("[" * 100_000 + "]" * 100_000),
    "lock-huge-number": _lock_file('{"format": ' + "9" * 5_000 + "}"),
    "lock-duplicate-key": _lock_file('{"format": 2, "notices": {}, "notices": {}}'),
    "lock-format-one": _format_one,
}


def test_every_edit_has_a_case_and_back() -> None:
    assert sorted(EDITS) == [p.name for p in ALL]


@pytest.mark.parametrize("case", ALL, ids=[p.name for p in ALL])
def test_history_case_reports_exactly(case: Path, published: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "repo"
    shutil.copytree(published, root, symlinks=True)
    monkeypatch.chdir(root)
    EDITS[case.name](root)
    code, out = run(root, capsys, "check", "--today", TODAY, "--base", "HEAD")
    lines = [line for line in out.splitlines() if not line.startswith("    hint: ")]
    hints = {line: out.splitlines()[i + 1] for i, line in enumerate(out.splitlines()[:-1])}
    expected = expected_entries(case)
    assert "Traceback" not in out
    assert len(lines) == len(expected) + 1, out  # the summary line ends the output
    for (line, hint), actual in zip(expected, lines, strict=False):
        assert matches(line, actual), out
        if hint is not None:
            assert hints[actual] == hint, out
    assert code == (1 if expected else 0), out


def test_an_archive_folder_that_leads_out_of_the_project_is_refused(
        published: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "repo"
    shutil.copytree(published, root, symlinks=True)
    elsewhere = tmp_path / "elsewhere"
    shutil.move(root / "notices-archive", elsewhere)
    (root / "notices-archive").symlink_to(elsewhere)
    monkeypatch.chdir(root)
    code, out = run(root, capsys, "check", "--today", TODAY)
    assert code == 1
    assert out.splitlines()[0] == (
        "notices-archive/learning/1.0.md: error [notice.archive-unreadable] notices-archive/ "
        "is a link to something outside the project folder")


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
                     | st.text(max_size=20),
                     lambda children: st.lists(children, max_size=4)
                     | st.dictionaries(st.sampled_from(["format", "notices", "learning", "1.0",
                                                        "sha256", "chain", "retired", "x"]),
                                       children, max_size=4), max_leaves=20)


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | _json.map(lambda v: json.dumps(v).encode())
       | _json.map(lambda v: json.dumps({"format": 2, "notices": {"learning": {"1.0": v}}})
                   .encode()))
def test_any_lock_file_is_read_or_refused_with_a_problem(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "notices.lock.json"
    path.write_bytes(raw)
    problems = Problems()
    lock = load_lock(path, "notices.lock.json", problems)
    assert lock.valid or len(problems) > 0
    assert all(p.rule.startswith("notice.lock-") for p in problems)


@settings(max_examples=100, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abc[]()!-#`|\n:{}&;*_")), max_size=400))
def test_any_archived_text_is_judged_without_an_exception(text: str) -> None:
    found = archive_markup_problem(text)
    assert found is None or (found[0] and found[1] >= 0)
