"""Slow work (a PDF, an export) off the GUI thread, with the result handed back to it.

Use it through `Operations.background`, which turns a failure into a plain sentence.
"""

from __future__ import annotations

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
        _running.discard(self)
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


def run_in_background(work: Callable[[Callable[[int, int], None]], T],
                      done: Callable[[T], object], failed: Callable[[BaseException], None],
                      progress: Callable[[int, int], None] | None = None) -> _Relay:
    """Run `work` on a worker thread; `done` or `failed` is called on the GUI thread.

    `work` is given a function to report (done, total) from its thread; `progress` shows
    that on the GUI thread.
    """
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
