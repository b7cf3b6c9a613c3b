"""A full build keeps the checked policy out of the cycle collector's passes until it ends,
and hands it back then, finished or failed (:mod:`govportal.pipeline.settled_heap`)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from govportal.pipeline import settled_heap
from govportal.pipeline.checking import collector_paused
from tests.conftest import portal_copy


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    gc.unfreeze()  # what an earlier test's build that never ended may have left frozen
    settled_heap.release()
    yield
    settled_heap.release()
    gc.unfreeze()
    (gc.enable if was else gc.disable)()


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_what_the_check_made_is_kept_until_the_build_ends() -> None:
    gc.enable()
    with collector_paused(settle=True):
        cycle = _Cycle()
        alive = weakref.ref(cycle)
        del cycle
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.collect()
    assert alive() is not None  # frozen: no pass of the collector looks at it
    settled_heap.release()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert alive() is None  # handed back: collected as any garbage
    settled_heap.release()  # a second release has nothing to hand back
    assert gc.get_freeze_count() == 0


def test_a_build_that_never_ended_is_handed_back_when_the_next_one_settles() -> None:
    gc.enable()
    with collector_paused(settle=True):  # a build run without its last step
        cycle = _Cycle()
        alive = weakref.ref(cycle)
        del cycle
    with collector_paused(settle=True):  # the next build in the same process
        pass
    assert gc.isenabled() and gc.get_freeze_count() == 0  # handed back, nothing frozen
    gc.collect()
    assert alive() is None
    with collector_paused(settle=True):  # and the one after settles again
        pass
    assert gc.get_freeze_count() > 0


def test_a_check_without_settle_hands_everything_back_at_once() -> None:
    gc.enable()
    with collector_paused():
        cycle = _Cycle()
        alive = weakref.ref(cycle)
        del cycle
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.collect()
    assert alive() is None


def test_a_paused_collector_stays_paused_and_nothing_is_frozen() -> None:
    gc.disable()  # a live preview's rebuild (the idle collector paused it)
    with collector_paused(settle=True):
        pass
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_objects_frozen_by_another_part_of_the_process_stay_theirs() -> None:
    gc.enable()
    gc.freeze()
    theirs = gc.get_freeze_count()  # a few of them may be freed later, as any object
    with collector_paused(settle=True):
        made = [_Cycle() for _ in range(1000)]
    assert gc.isenabled() and gc.get_freeze_count() <= theirs  # none of `made` frozen
    settled_heap.release()
    assert theirs - 100 < gc.get_freeze_count() <= theirs  # theirs are still frozen
    assert len(made) == 1000


BUILDS = r"""
import gc, json, logging, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from govportal.pipeline.build import SiteBuild

logging.getLogger("mkdocs").setLevel(logging.CRITICAL)
project, site = Path(sys.argv[1]), sys.argv[2]
def watch(name, seen):  # how many objects are frozen each time the step `name` runs
    step = getattr(SiteBuild, name)
    def watched(self, *args, **kwargs):
        seen.append(gc.get_freeze_count())
        return step(self, *args, **kwargs)
    setattr(SiteBuild, name, watched)
during, at_pages = [], []
watch("check_page", during)
watch("add_pages", at_pages)
out = []
for step in ("clean", "stopped after the check", "broken data"):
    clash = project / "content" / "notices" / "micro-coaching.md"
    if step == "stopped after the check":  # a page where a generated one goes
        clash.parent.mkdir(exist_ok=True)
        clash.write_text("# Mine\n")
    if step == "broken data":
        clash.unlink()
        path = project / "data" / "organisation.yaml"
        path.write_text(path.read_text() + "\nnot: [closed\n")
    during.clear()
    at_pages.clear()
    try:
        build(load_config(str(project / "mkdocs.yml"), site_dir=site, strict=True))
        ok = True
    except BaseException:
        ok = False
    out.append({"step": step, "ok": ok, "frozen during": min(during, default=None),
                "frozen at pages": min(at_pages, default=None),
                "frozen after": gc.get_freeze_count(), "enabled": gc.isenabled()})
print(json.dumps(out))
"""


def test_a_build_settles_the_policy_and_hands_it_back_finished_or_failed(
        tmp_path: Path) -> None:
    project = portal_copy(tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", BUILDS, str(project), str(tmp_path / "s")],
                            capture_output=True, text=True, env=env, cwd=project, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    clean, stopped, data = json.loads(result.stdout.strip().splitlines()[-1])
    assert clean["ok"] and clean["frozen during"] > 10_000  # the policy, at least
    assert not stopped["ok"] and stopped["frozen at pages"] > 10_000
    assert not data["ok"] and data["frozen during"] is None  # stopped at the check
    for build in (clean, stopped, data):
        assert (build["frozen after"], build["enabled"]) == (0, True), build
