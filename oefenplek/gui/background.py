"""Slow work (a PDF, an export) off the GUI thread, with the result handed back to it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # reported to the person in plain words by the caller
            self.relay.failed.emit(str(error))
        else:
            self.relay.finished.emit(result)


class _ProgressJob(_Job):
    def run(self) -> None:
        try:
            result = self.work(self.relay.progressed.emit)  # type: ignore[call-arg]
        except Exception as error:  # reported to the person in plain words by the caller
            self.relay.failed.emit(str(error))
        else:
            self.relay.finished.emit(result)


_running: set[_Relay] = set()


def run_in_background(work: Callable[[], object], done: Callable[[object], None],
                      failed: Callable[[str], None],
                      progress: Callable[[int, int], None] | None = None) -> _Relay:
    """Run `work` on a worker thread; `done` or `failed` is called on the GUI thread.

    With `progress`, `work` is called with a function to report (done, total) from its
    thread; `progress` then runs on the GUI thread.
    """
    relay = _Relay()
    if progress is not None:
        relay.progressed.connect(progress)
    _running.add(relay)
    relay.finished.connect(done)
    relay.failed.connect(failed)
    relay.finished.connect(lambda _r: _running.discard(relay))
    relay.failed.connect(lambda _e: _running.discard(relay))
    job = _ProgressJob(work, relay) if progress is not None else _Job(work, relay)
    QThreadPool.globalInstance().start(job)
    return relay
