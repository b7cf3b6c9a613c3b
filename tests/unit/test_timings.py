"""The plugin's step timings: summed per step, printed on one line, read back by the benchmark."""

from __future__ import annotations

import pytest

from govportal.pipeline import timings as timings_module
from govportal.pipeline.timings import Timings, parse


class Clock:
    """A stand-in for ``time.perf_counter`` that moves on by the given seconds per call."""

    def __init__(self, *ticks: float) -> None:
        self.now, self.ticks = 100.0, list(ticks)

    def __call__(self) -> float:
        self.now += self.ticks.pop(0)
        return self.now


def test_steps_add_up_and_read_back(monkeypatch: pytest.MonkeyPatch) -> None:
    # each step reads the clock twice: the second tick is the step's length
    clock = Clock(0, 0.125, 5, 1.5, 7, 0.125, 0, 12.0)
    monkeypatch.setattr(timings_module.time, "perf_counter", clock)
    timings = Timings()
    for name in ("check", "pages", "check", "edition scan"):
        with timings.step(name):
            pass
    assert clock.ticks == []
    assert timings.seconds == {"check": 0.25, "pages": 1.5, "edition scan": 12.0}
    assert timings.total == 13.75
    line = "DEBUG   -  govportal: " + timings.summary()
    assert line.endswith("time spent: 13.75 s (check 0.25 s, pages 1.50 s, edition scan 12.00 s)")
    assert parse(line) == {"check": 0.25, "pages": 1.5, "edition scan": 12.0}


def test_a_step_that_fails_is_still_counted() -> None:
    timings = Timings()
    try:
        with timings.step("check"):
            raise ValueError
    except ValueError:
        pass
    assert list(timings.seconds) == ["check"]
    assert timings.seconds["check"] >= 0


def test_other_lines_are_not_timings() -> None:
    assert parse("INFO    -  Documentation built in 3.2 seconds") is None
    assert parse("time spent: soon (check a while)") is None


def test_the_collector_is_paused_only_during_the_check() -> None:
    import gc

    from govportal.pipeline import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()
