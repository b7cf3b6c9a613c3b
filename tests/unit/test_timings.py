"""The plugin's step timings: summed per step, printed on one line, read back by the benchmark."""

from __future__ import annotations

from govportal.pipeline.timings import Timings, parse


def test_steps_add_up_and_read_back() -> None:
    timings = Timings()
    for name in ("check", "pages", "check", "edition scan"):
        with timings.step(name):
            pass
    timings.seconds = {"check": 0.25, "pages": 1.5, "edition scan": 12.0}
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
