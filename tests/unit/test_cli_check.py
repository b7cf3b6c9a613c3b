"""``govportal check``: every output format, word for word, and the documented exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govportal import cli
from tests.conftest import CASES, ROOT, copy_case

BASE = CASES / "valid" / "minimal"
BROKEN = CASES / "invalid" / "unknown-key" / "data"

TEXT = """\
data/programs/learning.yaml:4:1: error [schema.unknown-key] summray: unknown key 'summray' (hides 1 problem that follows from it)
    hint: did you mean 'summary'? ('summary' is required, and missing here)
1 error, 0 warnings
"""  # noqa: E501

# --all lists, after the summary, what follows from the listed problems.
TEXT_ALL = TEXT + """\

1 problem that only follows from the ones above (fixed with them):
data/programs/learning.yaml:1:1: error [schema.missing] summary: the required key 'summary' is missing
    hint: add `summary:` to the mapping that starts here
    follows from: data/programs/learning.yaml:4:1: [schema.unknown-key] summray
"""  # noqa: E501

GITHUB = """\
::error file=data/programs/learning.yaml,line=4,col=1,title=schema.unknown-key::summray: unknown key 'summray' (hides 1 problem that follows from it) Hint: did you mean 'summary'? ('summary' is required, and missing here)
"""  # noqa: E501

JSON = {
    "errors": 1,
    "warnings": 0,
    "problems": [
        {"rule": "schema.unknown-key", "message": "unknown key 'summray'",
         "location": {"file": "data/programs/learning.yaml", "line": 4, "column": 1,
                      "path": "summray"},
         "hint": "did you mean 'summary'? ('summary' is required, and missing here)",
         "severity": "error", "hides": 1},
    ],
}


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """The installed command as CI runs it, in a project folder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    return subprocess.run([sys.executable, "-m", "govportal.cli", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    copy_case(BASE, BROKEN, tmp_path / "data")
    return tmp_path


@pytest.fixture
def valid(tmp_path: Path) -> Path:
    copy_case(BASE, None, tmp_path / "data")
    assert run(tmp_path, "lock").returncode == 0
    return tmp_path


EXPLAIN = "`govportal explain RULE-ID` says what a rule asks, with examples\n"


def test_text_format(broken: Path) -> None:
    result = run(broken, "check", "--today", "2026-11-22")
    assert (result.returncode, result.stdout, result.stderr) == (1, TEXT, (
        "`govportal check --all` also lists the problem that only follows from these\n"
        + EXPLAIN))


def test_all_lists_what_follows(broken: Path) -> None:
    result = run(broken, "check", "--today", "2026-11-22", "--all")
    assert (result.returncode, result.stdout, result.stderr) == (1, TEXT_ALL, EXPLAIN)


def test_github_format(broken: Path) -> None:
    result = run(broken, "check", "--today", "2026-11-22", "--format", "github")
    assert (result.returncode, result.stdout) == (1, GITHUB)
    assert result.stderr == "1 error, 0 warnings\n"


def test_json_format(broken: Path) -> None:
    result = run(broken, "check", "--today", "2026-11-22", "--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == JSON


def test_clean_data_exits_0(valid: Path) -> None:
    result = run(valid, "check", "--today", "2026-11-22")
    assert (result.returncode, result.stdout) == (0, "no problems found: 0 errors, 0 warnings\n")
    github = run(valid, "check", "--today", "2026-11-22", "--format", "github")
    assert (github.returncode, github.stdout, github.stderr) == (0, "", "0 errors, 0 warnings\n")


def test_warnings_fail_only_when_strict(broken: Path) -> None:
    lower = ["--severity", "schema.missing=warning", "--severity", "schema.unknown-key=warning"]
    relaxed = run(broken, "check", "--today", "2026-11-22", *lower)
    assert relaxed.returncode == 0
    assert relaxed.stdout.splitlines()[-1] == "0 errors, 1 warning"
    assert "warning [schema.unknown-key]" in relaxed.stdout
    assert run(broken, "check", "--today", "2026-11-22", "--strict", *lower).returncode == 1


@pytest.mark.parametrize("args", [
    ["check", "--today", "2026-13-01"],
    ["check", "--severity", "schema.missing=loud"],
    ["check", "--format", "xml"],
    ["frobnicate"],
])
def test_wrong_use_exits_2(valid: Path, args: list[str]) -> None:
    result = run(valid, *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_settings_come_from_mkdocs_yml(tmp_path: Path) -> None:
    """The command reads the data folder, the lock file and rule severities the build uses."""
    copy_case(BASE, BROKEN, tmp_path / "policy")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - search\n  - govportal:\n      data_dir: policy\n"
        "      severities:\n        schema.unknown-key: 'off'\n", encoding="utf-8")
    result = run(tmp_path, "check", "--today", "2026-11-22")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "policy/programs/learning.yaml:1:1: error [schema.missing] summary: the required key "
        "'summary' is missing",
        "    hint: add `summary:` to the mapping that starts here",
        "1 error, 0 warnings",
    ]


def test_in_process_entry(broken: Path, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    """``cli.main`` and ``cli.check_project`` (which the benchmark times) agree with the
    command."""
    monkeypatch.chdir(broken)
    assert cli.main(["check", "--today", "2026-11-22"]) == 1
    assert capsys.readouterr().out == TEXT
    from govportal.pipeline import settings as project
    from govportal.rules import registry

    settings = project.load(broken / "mkdocs.yml")
    result = cli.check_project(settings, registry.Options())
    assert [p.rule for p in result.problems] == ["schema.unknown-key"]
    assert [p.rule for p, _ in result.problems.followers()] == ["schema.missing"]


def test_mkdocs_tags_do_not_stop_the_settings_reader(tmp_path: Path) -> None:
    from govportal.pipeline import settings as project

    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nsite_url: !ENV [SITE_URL, 'https://example.com/']\n"
        "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
        "        - name: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n"
        "plugins:\n  - govportal:\n      data_dir: policy\n      templates_dir: mine\n"
        "      lock_file: locks/notices.json\n      review_warning_days: 14\n",
        encoding="utf-8")
    settings = project.load(tmp_path / "mkdocs.yml")
    assert settings.data == tmp_path / "policy"
    assert settings.templates == tmp_path / "mine"
    assert settings.lock_file == "locks/notices.json"
    assert settings.options == {"review_warning_days": 14}
    assert project.load(tmp_path / "absent.yml").data == tmp_path / "data"
    (tmp_path / "broken.yml").write_text("plugins: [\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cannot be read"):
        project.load(tmp_path / "broken.yml")


def test_check_refuses_a_templates_dir_that_does_not_exist_as_the_build_does(
        tmp_path: Path) -> None:
    copy_case(BASE, None, tmp_path / "data")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - govportal:\n      templates_dir: no-such-folder\n",
        encoding="utf-8")
    done = run(tmp_path, "check", "--no-lock", "--today", "2026-11-22")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "mkdocs.yml:4:1: error [config.templates-dir] templates_dir: 'no-such-folder' is not "
        "an existing folder (the build refuses it too)",
        "    hint: create the folder, or remove the option to use the portal's templates",
        "1 error, 0 warnings"]
    (tmp_path / "no-such-folder").mkdir()
    assert run(tmp_path, "check", "--no-lock", "--today", "2026-11-22").returncode == 0


def test_check_base_with_an_unknown_ref_is_a_usage_error(tmp_path: Path) -> None:
    copy_case(BASE, None, tmp_path / "data")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True, timeout=60)
    assert run(tmp_path, "lock").returncode == 0
    done = run(tmp_path, "check", "--today", "2026-11-22", "--base", "no-such-branch")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("govportal check --base: 'no-such-branch' is not a commit")


def test_the_program_leaves_the_collector_paused_and_a_caller_gets_it_back(
        valid: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A caller in the same process (a test, the benchmark) finds the cycle collector as it
    was; the program, which ends with the command, leaves it paused once the check ran
    (switched back on, its first pass would walk everything the check made)."""
    import gc

    monkeypatch.chdir(valid)
    assert gc.isenabled()
    assert cli.main(["check", "--today", "2026-11-22"]) == 0
    assert gc.isenabled()
    monkeypatch.setattr(sys, "argv", ["govportal", "check", "--today", "2026-11-22"])
    try:
        assert cli.program() == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert capsys.readouterr().out == "no problems found: 0 errors, 0 warnings\n" * 2
