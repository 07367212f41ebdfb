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
from oefenplek.storage.errors import StorageError
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


def run_window(argv: list[str], build: Callable[[MainWindow], Running],
               database: Path) -> int:
    """Start Qt, show the picker, build the app and run it until the window closes.

    A database that cannot be opened is said in plain words in a box, not a traceback.
    """
    app = QApplication(argv)
    app.setApplicationName("oefenplek")
    app.setStyleSheet(theme.stylesheet())
    window = MainWindow()
    running: list[Running] = []

    def finish() -> bool:
        try:
            running.append(build(window))
        except StorageError as error:
            window.hide()
            QMessageBox.critical(None, "oefenplek", str(error))
            app.exit(2)
            return False
        return True

    learners = learners_at_start(database)
    if learners is None:
        if not finish():
            return 2
        window.show()
    else:
        window.picker.show_learners(learners)
        window.show()
        first_paint(app, window)
        QTimer.singleShot(0, finish)
    code = app.exec()
    if running:
        running[0].database.close()
    return int(code)
