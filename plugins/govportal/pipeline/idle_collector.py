"""Python's cycle collector under a live preview: paused while a rebuild runs, run when idle.

Between rebuilds the preview keeps what the last one made (the parsed data, the findings,
each page as rendered: a few hundred thousand objects), and the collector walked all of them
again during each rebuild, once or twice: a tenth to a fifth of a two-language rebuild of
100 programs (0.1 to 0.5 s, by when it fell). Under ``mkdocs serve --dirty`` the collector
is paused when a rebuild that keeps the last one's pages starts, and one full collection
runs :data:`IDLE_DELAY` seconds after it ends, once the browsers were told to reload: the
same garbage is collected, after the editor has the page instead of before. A rebuild that
starts before then cancels that collection (it runs after that rebuild instead). A rebuild
makes little garbage (tens of thousands of objects), so memory barely moves; the first
build of a serve, a whole site's, is not paused (paused, its peak memory grew by a quarter
at 100 programs in two languages). A full ``mkdocs build`` never uses this.

Nothing a build makes depends on when garbage is collected: reference counting frees what
has no cycle as before, and nothing in the portal relies on a finaliser.
"""

from __future__ import annotations

import gc
import threading

IDLE_DELAY = 0.5  # seconds after a rebuild: a local reload of the page has finished by then


class IdleCollector:
    """Pauses the cycle collector for each rebuild and collects once the preview is idle."""

    def __init__(self, delay: float = IDLE_DELAY) -> None:
        self.delay = delay
        self.collections = 0  # full collections run after a rebuild
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._scheduled = 0  # the number of the collection last asked for
        self._building = False
        self._resume: bool | None = None  # was the collector on before the first pause

    def pause(self) -> None:
        """A rebuild starts: no collection until it ends (a pending one is cancelled)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._resume is None:
                self._resume = gc.isenabled()
            self._building = True
            gc.disable()

    def resume_later(self) -> None:
        """The rebuild ended, finished or failed: collect :attr:`delay` seconds from now,
        then let the collector run again as it did before the pause."""
        with self._lock:
            self._building = False
            if self._timer is not None:
                self._timer.cancel()
            self._scheduled += 1
            self._timer = threading.Timer(self.delay, self._collect, (self._scheduled,))
            self._timer.daemon = True  # never keeps a stopped server's process alive
            self._timer.start()

    def _collect(self, number: int) -> None:
        with self._lock:
            if self._building or number != self._scheduled:  # a rebuild came first
                return
            self._timer = None
            gc.collect()
            self.collections += 1
            if self._resume:
                gc.enable()
            self._resume = None
