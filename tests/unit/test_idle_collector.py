"""The live preview's cycle collector: paused while a rebuild runs, run once it is idle."""

from __future__ import annotations

import gc
import shutil
import time
import weakref
from collections.abc import Iterator

import pytest

from govportal.pipeline.idle_collector import IdleCollector
from govportal.pipeline.preview import Kept, Preview


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def _wait_for(collector: IdleCollector, count: int, timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while collector.collections < count and time.monotonic() < end:
        time.sleep(0.01)
    assert collector.collections == count


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_rebuild_runs_paused_and_its_cycles_are_collected_once_it_has_ended() -> None:
    gc.enable()
    collector = IdleCollector(delay=0.05)
    collector.pause()
    assert not gc.isenabled()
    cycle = _Cycle()
    alive = weakref.ref(cycle)
    del cycle
    assert alive() is not None  # a cycle: only the collector frees it
    collector.resume_later()
    _wait_for(collector, 1)
    assert alive() is None
    assert gc.isenabled()


def test_a_rebuild_that_starts_before_the_collection_cancels_it() -> None:
    gc.enable()
    collector = IdleCollector(delay=0.2)
    collector.pause()
    collector.resume_later()
    collector.pause()  # the next edit, within the delay
    time.sleep(0.4)
    assert collector.collections == 0
    assert not gc.isenabled()
    collector.resume_later()
    _wait_for(collector, 1)
    assert gc.isenabled()


def test_the_collection_follows_the_last_rebuild_only() -> None:
    gc.enable()
    collector = IdleCollector(delay=0.1)
    for _ in range(3):
        collector.pause()
        collector.resume_later()
    _wait_for(collector, 1)
    time.sleep(0.3)
    assert collector.collections == 1


def test_a_collector_switched_off_before_the_preview_stays_off() -> None:
    gc.disable()
    collector = IdleCollector(delay=0.01)
    collector.pause()
    collector.resume_later()
    _wait_for(collector, 1)
    assert not gc.isenabled()


def test_the_preview_pauses_a_rebuild_that_keeps_pages_and_not_its_first_build() -> None:
    gc.enable()
    preview = Preview()
    preview.collector.delay = 0.01
    preview.begin([])  # the first build: a whole site's
    assert gc.isenabled()
    preview.ended()
    _wait_for(preview.collector, 1)
    preview.kept["index.md"] = Kept(b"", "index.html", "Home", {})
    preview.begin([])
    assert not gc.isenabled()
    preview.ended()
    _wait_for(preview.collector, 2)
    assert gc.isenabled()


def test_a_failed_rebuild_is_collected_after_too() -> None:
    gc.enable()
    preview = Preview()
    preview.collector.delay = 0.01
    preview.kept["index.md"] = Kept(b"", "index.html", "Home", {})
    preview.begin([])
    assert not gc.isenabled()
    preview.failed()
    _wait_for(preview.collector, 1)
    assert gc.isenabled()


def test_the_check_command_keeps_the_collector_paused_through_the_change_control(
        tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``govportal check`` compares the notices with the lock with the collector paused
    (reading the lock had set off full collections over the loaded policy), and gives the
    collector back as it found it, whatever the check found."""
    from govportal.changes import control
    from govportal.pipeline import checking
    from govportal.pipeline import settings as project
    from govportal.rules.registry import Options
    from tests.conftest import ROOT, portal_copy

    seen: list[bool] = []
    compare = control.check_notices

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return compare(*args, **kwargs)

    monkeypatch.setattr(control, "check_notices", watched)
    root = portal_copy(tmp_path)
    (root / ".github").mkdir()
    shutil.copyfile(ROOT / ".github" / "CODEOWNERS", root / ".github" / "CODEOWNERS")
    settings = project.load(root / "mkdocs.yml")
    gc.enable()
    result = checking.check_project(settings, Options())
    assert [p.rule for p in result.problems.errors] == []
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    checking.check_project(settings, Options())
    assert seen == [False, False]
    assert not gc.isenabled()
