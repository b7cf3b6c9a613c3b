"""A pytest plugin that keeps a green run meaningful (loaded by ``tests/conftest.py``).

* **No skip under CI.** When the ``CI`` environment variable is set, a skipped test is
  reported as failed, unless its node id matches a pattern of the ``ci_allowed_skips``
  setting (``[tool.pytest.ini_options]`` in ``pyproject.toml``, one ``pattern: reason`` a
  line). A test that cannot run in CI must say so there, in review, not vanish quietly.
* **No empty parameter list.** ``empty_parameter_set_mark = fail_at_collect`` in the same
  settings makes a ``parametrize`` over an empty list an error at collection.
* **The count.** The run ends with a line saying how many tests ran, and a run that ran
  none fails.
"""

from __future__ import annotations

import fnmatch
import os

import pytest

ALLOWED = "ci_allowed_skips"


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(ALLOWED, type="linelist", default=[],
                  help="'node-id-pattern: reason' of each test allowed to skip under CI")


def allowed_patterns(config: pytest.Config) -> dict[str, str]:
    """Pattern -> reason, as the setting lists them; a line without a reason is refused."""
    out = {}
    for line in config.getini(ALLOWED):
        pattern, sep, reason = line.partition(": ")
        if not sep or not reason.strip():
            raise pytest.UsageError(f"{ALLOWED}: '{line}' gives no reason (pattern: reason)")
        out[pattern.strip()] = reason.strip()
    return out


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    if not report.skipped or hasattr(report, "wasxfail") or not under_ci():
        return
    if any(fnmatch.fnmatchcase(item.nodeid, p) for p in allowed_patterns(item.config)):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    report.outcome = "failed"
    report.longrepr = (f"skipped under CI ({reason}); every test runs in CI unless "
                       f"{ALLOWED} in pyproject.toml lists it with a reason")


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    stats = terminalreporter.stats
    counts = {k: len(stats.get(k, [])) for k in ("passed", "failed", "skipped", "error")}
    ran = counts["passed"] + counts["failed"]
    terminalreporter.write_line(
        f"govportal tests: ran {ran} tests ({counts['passed']} passed, {counts['failed']} "
        f"failed, {counts['skipped']} skipped, {counts['error']} errors)")
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        terminalreporter.write_line("govportal tests: no test ran, which is a failure "
                                    "(pytest exits with 5)")
