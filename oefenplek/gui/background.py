"""Slow work (a PDF, an export) off the GUI thread, with the result handed back to it.

Use it through `Operations.background`, which turns a failure into a plain sentence.

A worker thread shares Python's lock with the GUI thread, which Python hands over every
5 ms, so the window keeps moving, except while the cyclic garbage collector runs a full
collection: that stops every thread while it walks every object of the app (60 ms on the
report of a busy location at 16×, measured by `python -m benchmarks`). So while jobs run,
the objects alive when each one started (the app, the report being saved) are frozen out
of the collector's walks (`gc.freeze`); what a job makes is still collected as usual.
When the last job is over they are let back (`gc.unfreeze`): garbage among them is then
collected as before, so a week of jobs keeps nothing that is no longer used.

A job can be stopped: `Cancel.stop()` makes the job's next progress report raise
`Cancelled`, which comes back as the failure (`Operations` says "stopped").
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Carries a job's result to the GUI thread; lets itself go once the job is over."""

    finished = Signal(object)
    failed = Signal(object)  # the exception, for the caller to put in plain words
    progressed = Signal(int, int)

    def over(self) -> None:
        # A method, not a lambda holding the relay: the connection must not keep it alive.
        if self in _running:
            _running.discard(self)
            if not _running:
                gc.unfreeze()
        self.deleteLater()


class _Job(QRunnable):
    def __init__(self, work: Callable[[Callable[[int, int], None]], object],
                 relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay

    def run(self) -> None:
        try:
            result = self.work(self.relay.progressed.emit)
        except Exception as error:  # handed to the GUI thread, told there in plain words
            self.relay.failed.emit(error)
        else:
            self.relay.finished.emit(result)


T = TypeVar("T")

_running: set[_Relay] = set()


class Cancelled(Exception):
    """The person stopped the job; nothing it made is kept."""


class Cancel:
    """Set from the GUI thread, felt by the job at its next progress report."""

    def __init__(self) -> None:
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def checked(self, progress: Callable[[int, int], None]) -> Callable[[int, int], None]:
        """`progress`, raising Cancelled once `stop` was called."""
        def report(done: int, total: int) -> None:
            if self._stop.is_set():
                raise Cancelled
            progress(done, total)

        return report


def run_in_background(work: Callable[[Callable[[int, int], None]], T],
                      done: Callable[[T], object], failed: Callable[[BaseException], None],
                      progress: Callable[[int, int], None] | None = None) -> _Relay:
    """Run `work` on a worker thread; `done` or `failed` is called on the GUI thread.

    `work` is given a function to report (done, total) from its thread; `progress` shows
    that on the GUI thread.
    """
    gc.freeze()  # cheap: the collector's lists are joined, nothing is walked
    relay = _Relay()
    if progress is not None:
        relay.progressed.connect(progress)
    _running.add(relay)
    relay.finished.connect(done)
    relay.failed.connect(failed)
    relay.finished.connect(relay.over)
    relay.failed.connect(relay.over)
    QThreadPool.globalInstance().start(_Job(work, relay))
    return relay
