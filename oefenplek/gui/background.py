"""Slow work (a PDF, an export) off the GUI thread, with the result handed back to it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(str)


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


_running: set[_Relay] = set()


def run_in_background(work: Callable[[], object], done: Callable[[object], None],
                      failed: Callable[[str], None]) -> _Relay:
    """Run `work` on a worker thread; `done` or `failed` is called on the GUI thread."""
    relay = _Relay()
    _running.add(relay)
    relay.finished.connect(done)
    relay.failed.connect(failed)
    relay.finished.connect(lambda _r: _running.discard(relay))
    relay.failed.connect(lambda _e: _running.discard(relay))
    QThreadPool.globalInstance().start(_Job(work, relay))
    return relay
