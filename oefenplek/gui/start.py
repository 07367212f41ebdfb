"""The Qt application around the window: the picker on screen first, then the rest.

On the embedded database the learner picker is filled by a quick look with the standard
library and shown at once; the storage layer, the other screens and the controllers are
made in the first turn of the event loop. A tap in the meantime waits and is then handled.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from oefenplek.gui import theme
from oefenplek.gui.main_window import MainWindow
from oefenplek.i18n import _
from oefenplek.storage.errors import UNREACHABLE, StorageError
from oefenplek.storage.first_look import learners_at_start

if TYPE_CHECKING:
    from oefenplek.app import Running


def first_paint(app: QApplication, window: MainWindow, limit_ms: int = 300) -> None:
    """Let the window reach the screen before the rest is built (at most `limit_ms`)."""
    clock = QElapsedTimer()
    clock.start()
    app.processEvents()
    handle = window.windowHandle()
    while handle is not None and not handle.isExposed() and clock.elapsed() < limit_ms:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    window.repaint()


class StartUp:
    """Builds the app on the window; when the location database does not answer, asks what
    to do (try again, work alone on this computer's copy, or stop) instead of giving up."""

    def __init__(self, window: MainWindow, build: Callable[[MainWindow, bool], Running],
                 can_work_alone: Callable[[], bool], stop: Callable[[int], None]) -> None:
        self.window, self.build, self.can_work_alone, self.stop = (
            window, build, can_work_alone, stop)
        self.running: Running | None = None
        self.away_box: QMessageBox | None = None

    def finish(self, alone: bool = False) -> bool:
        """True when the app is built; False when it is waiting for an answer or failed."""
        try:
            self.running = self.build(self.window, alone)
        except StorageError as error:
            if error.kind == UNREACHABLE and not alone:
                self._ask(str(error))
            else:
                self.window.hide()
                QMessageBox.critical(None, "oefenplek", str(error))
                self.stop(2)
            return False
        return True

    def _ask(self, sentence: str) -> None:
        alone = self.can_work_alone()
        text = sentence + "\n\n" + (
            _("You can try again, or work on this computer alone until the location database "
              "is back: the learners' answers are then kept here and handed over later.")
            if alone else _("This computer has never closed on the location database, so it "
                            "has no copy of the learners to work alone with. Try again."))
        box = QMessageBox(QMessageBox.Icon.Warning, _("The location database"), text,
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setAccessibleName(_("The location database does not answer"))
        again = box.addButton(_("Try again"), QMessageBox.ButtonRole.AcceptRole)
        buttons = [again]
        if alone:
            buttons.append(box.addButton(_("Work alone"), QMessageBox.ButtonRole.ActionRole))
        buttons.append(box.addButton(_("Stop"), QMessageBox.ButtonRole.RejectRole))
        for button in buttons:  # big targets, wide enough for their words at any size
            button.setMinimumSize(
                max(160, button.fontMetrics().horizontalAdvance(button.text()) + 72), 64)
        box.setDefaultButton(again)
        box.buttonClicked.connect(lambda button: self._chosen(buttons.index(button), alone))
        self.away_box = box
        self.window.show()
        box.open()

    def _chosen(self, index: int, alone_offered: bool) -> None:
        if index == 0:
            QTimer.singleShot(0, self.finish)
        elif index == 1 and alone_offered:
            QTimer.singleShot(0, lambda: self.finish(alone=True))
        else:
            self.window.hide()
            self.stop(2)


def run_window(argv: list[str], build: Callable[[MainWindow, bool], Running],
               database: Path, can_work_alone: Callable[[], bool] = lambda: False) -> int:
    """Start Qt, show the picker, build the app and run it until the window closes.

    A database that cannot be opened is said in plain words in a box, not a traceback.
    """
    app = QApplication(argv)
    app.setApplicationName("oefenplek")
    app.setStyleSheet(theme.stylesheet())
    window = MainWindow()
    start = StartUp(window, build, can_work_alone, app.exit)

    learners = learners_at_start(database)
    if learners is None:
        if not start.finish() and start.away_box is None:
            return 2
        window.show()
    else:
        window.picker.show_learners(learners)
        window.show()
        first_paint(app, window)
        QTimer.singleShot(0, start.finish)
    code = app.exec()
    if start.running:
        start.running.database.close()
    return int(code)
