"""Hands the answers kept on this computer to the location database when it is back.

While answers wait (see storage.waiting), every few seconds one try is made off the GUI
thread, so a hanging network never freezes the learner's screen. When all is handed over
the coordinator is told in the log; the learner, who was told once that their answers are
kept, is not interrupted again. Nothing runs while nothing waits.

On the location database, closing the app leaves a fresh copy of the learners on this
computer (storage.alone), so the next start can work alone when the server is away. While
working alone, every learner's write waits, and the tries go on until the app closes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from oefenplek.gui.background import run_in_background
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.services import Services
from oefenplek.i18n import _
from oefenplek.notices import tell_coordinator
from oefenplek.storage.alone import save_copy
from oefenplek.storage.errors import StorageError
from oefenplek.storage.waiting import HandOver

TRY_EVERY_MS = 3_000


class WaitingController(QObject):
    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.services = services
        self.writes = services.writes
        self.busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(TRY_EVERY_MS)
        self.timer.timeout.connect(self.try_now)
        services.events.answers_kept.connect(self.kept)
        if self.writes.pending or self.writes.alone:  # hand over soon
            self.timer.start()
        if self.writes.alone:
            window.closing.connect(self.writes.close)
            services.ops.log("Working alone: the location database did not answer at start; "
                             "learners' writes are kept on this computer until it is back.")
            tell_coordinator(f"working-alone:{services.today()}", _(
                "This computer worked alone for a while: the location database did not "
                "answer. Learners' answers were kept here and handed over when it was back. "
                "Changes made in the staff area meanwhile stayed on this computer only."))
        elif services.database.engine.dialect.name == "postgresql":
            window.closing.connect(self.keep_copy)

    def kept(self) -> None:
        if not self.timer.isActive():
            self.services.ops.log(
                f"The location database cannot be reached: answers are kept on this "
                f"computer ({self.writes.waiting.file.name}) until it is back.")
            tell_coordinator(f"answers-kept:{self.services.today()}", _(
                "The location database could not be reached for a while. Learners' answers "
                "were kept on this computer and are handed over when it answers again."))
            self.timer.start()

    def try_now(self) -> None:
        if self.busy or not self.writes.pending:
            return
        self.busy = True
        run_in_background(lambda _report: self.writes.hand_over(), self._done, self._failed)

    def _done(self, result: HandOver) -> None:
        self.busy = False
        if result.written or result.refused:
            self.services.ops.log(
                f"Handed over to the location database: {result.written} kept answers and "
                f"moves; {result.refused} refused (see {self.writes.refused_file.name}); "
                f"{result.waiting} still waiting.")
        if result.refused:
            tell_coordinator("answers-refused", _(
                "Some answers kept on this computer could not be handed over to the location "
                "database (their learner was deleted meanwhile). They are in {file}.").format(
                    file=self.writes.refused_file))
        if self.writes.alone and result.written:
            self.services.ops.log("The location database is back; start oefenplek again to "
                                  "work on it (until then, writes are handed over as here).")
        if not result.waiting and not self.writes.alone:
            self.timer.stop()

    def keep_copy(self) -> None:
        """At closing: this computer's copy of the learners, for working alone next time.
        Its failure is only logged; the location database itself is not touched."""
        try:
            learners = save_copy(self.services.database, self.services.data_dir)
        except StorageError as error:
            self.services.ops.log(f"No copy of the location's learners kept: {error.detail}")
        else:
            self.services.ops.log(f"A copy of the location's {learners} learners is kept on "
                                  f"this computer, for working alone.")

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.services.ops.log(f"Handing over kept answers failed: {error!r}")

    def stop(self) -> None:
        self.timer.stop()
