"""The suite's own rules (tests/suite_rules.py), run on a small suite inside a test."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

SKIPPING = """
import pytest

def test_runs():
    pass

def test_needs_a_tool():
    pytest.skip("the tool is not installed")

@pytest.mark.xfail(reason="known")
def test_known_failure():
    assert False
"""


def run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ci: str | None,
        ini: str = "") -> pytest.RunResult:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makeini(f"[pytest]\nempty_parameter_set_mark = fail_at_collect\n{ini}")
    return pytester.runpytest_subprocess("-p", "tests.suite_rules", "-p", "no:cacheprovider")


def test_a_skip_passes_outside_ci(pytester: pytest.Pytester,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(test_x=SKIPPING)
    result = run(pytester, monkeypatch, None)
    result.assert_outcomes(passed=1, skipped=1, xfailed=1)
    result.stdout.fnmatch_lines(["govportal tests: ran 1 tests (1 passed, 0 failed, 1 skipped, "
                                 "0 errors)"])


@pytest.mark.parametrize("ci", ["true", "1"])
def test_a_skip_fails_under_ci(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch,
                               ci: str) -> None:
    pytester.makepyfile(test_x=SKIPPING)
    result = run(pytester, monkeypatch, ci)
    result.assert_outcomes(passed=1, failed=1, xfailed=1)
    result.stdout.fnmatch_lines(["*skipped under CI (Skipped: the tool is not installed); every "
                                 "test runs in CI unless ci_allowed_skips in pyproject.toml "
                                 "lists it with a reason*"])


def test_ci_false_is_not_ci(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(test_x=SKIPPING)
    run(pytester, monkeypatch, "false").assert_outcomes(passed=1, skipped=1, xfailed=1)


def test_an_allowed_skip_passes_under_ci(pytester: pytest.Pytester,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(test_x=SKIPPING)
    result = run(pytester, monkeypatch, "true",
                 "ci_allowed_skips =\n    *::test_needs_a_tool: the tool has no Linux build\n")
    result.assert_outcomes(passed=1, skipped=1, xfailed=1)


def test_an_allowed_skip_needs_a_reason(pytester: pytest.Pytester,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(test_x=SKIPPING)
    result = run(pytester, monkeypatch, "true", "ci_allowed_skips =\n    *::test_needs_a_tool\n")
    assert result.ret != 0
    result.stderr.fnmatch_lines(["*ci_allowed_skips: '*::test_needs_a_tool' gives no reason*"])


def test_an_empty_parameter_list_fails_at_collection(pytester: pytest.Pytester,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(test_x="import pytest\n\n@pytest.mark.parametrize('x', [])\n"
                               "def test_each(x):\n    pass\n")
    result = run(pytester, monkeypatch, None)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*Empty parameter set in 'test_each'*"])


def test_a_run_of_no_test_fails(pytester: pytest.Pytester,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(test_x="")
    result = run(pytester, monkeypatch, None)
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    result.stdout.fnmatch_lines(["govportal tests: ran 0 tests*", "*no test ran*"])
