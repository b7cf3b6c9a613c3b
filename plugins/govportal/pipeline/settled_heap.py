"""The checked policy kept out of the cycle collector's passes for the rest of a build.

A full build loads and checks the data first (hundreds of thousands of small objects:
values, positions, models), then renders, writes and reads every page. Each full pass of
Python's cycle collector during those steps walked the whole policy again, though it lives
to the end of the build and holds almost no cycles: about half of the build's collector
time at 100 programs. When the check ends, every object then tracked is moved to the
collector's permanent generation (:func:`gc.freeze`) instead of being handed back to it;
when the build ends, finished or failed, they are handed back (:func:`gc.unfreeze`), so that
a process that builds again (a test, the benchmark) frees what is garbage then.

Nothing a build makes depends on when garbage is collected: reference counting frees what
has no cycle as before, and nothing in the portal relies on a finaliser. Under a live
preview the collector is paused through each rebuild that keeps the last one's pages
(:mod:`.idle_collector`) and nothing is frozen then (the preview's first build, a whole
site's, settles as a full build does); nor is anything frozen while another part of the
process has frozen objects of its own (their release is not this module's to decide).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")

_settled = False  # whether this module froze the objects now frozen


def settle() -> None:
    """Freeze every tracked object, and switch the paused collector back on. Called at the
    end of the check, with the collector paused (it is then left as it is). When an earlier
    build in this process never ended (a caller that ran its steps without the last: a
    test, the benchmark's export), what it froze is handed back instead and nothing is
    frozen this time: frozen again at once, its garbage would never be collected."""
    global _settled
    if _settled:
        release()
    elif gc.get_freeze_count() == 0:
        gc.freeze()
        _settled = True
    gc.enable()


def release() -> None:
    """Hand back to the collector what :func:`settle` froze (nothing when it froze
    nothing)."""
    global _settled
    if _settled:
        gc.unfreeze()
        _settled = False


def releasing(step: Callable[_P, _R]) -> Callable[_P, _R]:
    """``step`` ends the build: :func:`release` once it returns or raises."""
    @functools.wraps(step)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return step(*args, **kwargs)
        finally:
            release()
    return run
