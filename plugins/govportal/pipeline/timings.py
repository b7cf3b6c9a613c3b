"""Where a build's time goes: the plugin's own steps, timed and summed per step.

``mkdocs build -v`` prints the summary at the end of the build, so a policy owner (or the
benchmark, ``bench/run.py``) can see what the portal adds to what MkDocs and the theme do.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

PREFIX = "time spent:"  # the plugin's logger puts "govportal: " before it


class Timings:
    """Seconds per named step, in the order the steps first ran."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    @property
    def total(self) -> float:
        return sum(self.seconds.values())

    def summary(self) -> str:
        """One line: ``time spent: 1.23 s (check 0.31 s, pages 0.52 s, …)``."""
        steps = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.seconds.items())
        return f"{PREFIX} {self.total:.2f} s ({steps})"


def parse(line: str) -> dict[str, float] | None:
    """The steps of a summary line (what :meth:`Timings.summary` wrote), or None."""
    if PREFIX not in line or "(" not in line:
        return None
    inner = line.rsplit("(", 1)[1].rstrip(")\n ")
    out: dict[str, float] = {}
    for part in inner.split(", "):
        name, _, value = part.rpartition(" ")  # "pages 0.52 s" -> ("pages 0.52", "s")
        name, _, number = name.rpartition(" ")
        try:
            out[name] = float(number)
        except ValueError:
            return None
    return out
