"""What the snapshot library does with a missing, a changed and an unused snapshot (the
HTML snapshots in tests/sitebuild rely on it): each fails the run; only the explicit update
writes files."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

SNAPSHOT_TEST = """
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode


class HTMLSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "html"


def test_region(snapshot):
    assert "<p>{text}</p>" == snapshot.use_extension(HTMLSnapshot)
"""


def run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, text: str,
        *args: str) -> pytest.RunResult:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    for name in ("PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT", "PYTEST_XDIST_TESTRUNUID"):
        monkeypatch.delenv(name, raising=False)  # the inner run is not one of the suite's workers
    pytester.makepyfile(test_page=SNAPSHOT_TEST.replace("{text}", text))
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", *args)


def snapshot_files(pytester: pytest.Pytester) -> list[str]:
    return sorted(p.name for p in (pytester.path / "__snapshots__").rglob("*.html"))


def test_missing_changed_and_unused_snapshots_fail(pytester: pytest.Pytester,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(pytester, monkeypatch, "Hello").ret == 1  # missing
    assert not (pytester.path / "__snapshots__").exists()
    assert run(pytester, monkeypatch, "Hello", "--snapshot-update").ret == 0
    assert snapshot_files(pytester) == ["test_region.html"]
    assert run(pytester, monkeypatch, "Hello").ret == 0
    changed = run(pytester, monkeypatch, "Goodbye")
    assert changed.ret == 1
    changed.stdout.fnmatch_lines(["*1 snapshot failed*"])
    (pytester.path / "__snapshots__" / "test_page" / "test_gone.html").write_text("<p>x</p>")
    unused = run(pytester, monkeypatch, "Hello")
    assert unused.ret == 1
    unused.stdout.fnmatch_lines(["*1 snapshot unused*"])
    assert run(pytester, monkeypatch, "Hello", "--snapshot-update").ret == 0
    assert snapshot_files(pytester) == ["test_region.html"]
