"""An answer the disk had no room for stays on the screen and is saved once there is room.

A full or read-only disk is not the learner's doing, and the learner should not have to
answer again. The answer (the write that failed, and what the screen does once it is
saved) is kept here; every few seconds it is tried again, and when it goes through the
screen goes on as if it had been saved at once. The learner is told once per outage, in a
calm sentence. Nothing is half-written: each try is one whole transaction or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from oefenplek.gui.operations import Operations, Tell, lack_of_room
from oefenplek.storage.errors import StorageError

RETRY_MS = 5_000  # often enough to go on soon after room is made, rare enough to cost nothing


class WaitForRoom(QObject):
    """At most one answer waits; a new answer while one waits is not taken (the screen
    still shows the waiting one, so the learner loses nothing by it)."""

    def __init__(self, ops: Operations, parent: QObject, retry_ms: int = RETRY_MS) -> None:
        super().__init__(parent)
        self.ops = ops
        self._waiting: tuple[Callable[[], Any], Callable[[Any], object], Tell] | None = None
        self._timer = QTimer(self)
        self._timer.setObjectName("wait-for-room")
        self._timer.setInterval(retry_ms)
        self._timer.timeout.connect(self._try_again)

    @property
    def waiting(self) -> bool:
        return self._waiting is not None

    def write(self, action: Callable[[], Any], then: Callable[[Any], object], tell: Tell,
              tell_waiting: Callable[[], None]) -> bool:
        """Run `action`; `then` gets its result once it is saved (now or later). False when
        it is not saved now.

        `tell` gets other failures as always; `tell_waiting` is called when an answer
        starts to wait for room (once per outage, not at every try)."""
        if self._waiting is not None:
            return False
        try:
            value = action()
        except (StorageError, OSError) as error:
            if not lack_of_room(error):
                self.ops.fail(error, tell)
                return False
            self.ops.fail(error, lambda _sentence: None)  # the details in the log
            self._waiting = (action, then, tell)
            self._timer.start()
            tell_waiting()
            return False
        then(value)
        return True

    def _try_again(self) -> None:
        if self._waiting is None:
            self._timer.stop()
            return
        action, then, tell = self._waiting
        try:
            value = action()
        except (StorageError, OSError) as error:
            if lack_of_room(error):
                return  # still no room: the next tick tries again
            self._waiting = None  # another fault: told as always; the learner can answer again
            self._timer.stop()
            self.ops.fail(error, tell)
            return
        self._waiting = None
        self._timer.stop()
        self.ops.log("The waiting answer was saved: the disk has room again.")
        then(value)

    def forget(self) -> None:
        """The app closes: an answer that never found room is not saved (it is logged)."""
        if self._waiting is not None:
            self.ops.log("An answer waiting for room on the disk was not saved: the app "
                         "closed first.")
        self._waiting = None
        self._timer.stop()
