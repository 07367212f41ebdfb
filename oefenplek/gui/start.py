"""The Qt application around the window: the picker on screen first, then the rest.

On the embedded database the file is looked at first (storage.health: its size, header and
schema revision, in well under a millisecond); the learner picker is filled by a quick look
with the standard library and shown at once, while SQLite's `quick_check` reads the whole
file in a thread. The storage layer, the other screens and the controllers are made in the
first turn of the event loop, and the database is opened only once the check has passed, so
a damaged file is never written to. A damaged, empty or unknown file opens the recovery
screen (gui.recovery) instead of the app. A tap in the meantime waits and is then handled.
"""

from __future__ import annotations

import builtins
import linecache
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from oefenplek.gui import theme
from oefenplek.gui.main_window import MainWindow
from oefenplek.i18n import _
from oefenplek.storage import health
from oefenplek.storage.errors import DAMAGED, UNREACHABLE, StorageError
from oefenplek.storage.first_look import learners_at_start, on_this_computer

if TYPE_CHECKING:
    from oefenplek.app import Running
    from oefenplek.gui.recovery import RecoveryController


def skip_source_scan() -> None:
    """Stop PySide6 from reading the source of every module imported from now on.

    Importing PySide6 puts its own `__import__` in place, for `from __feature__ import ...`
    (snake_case names, true properties), which oefenplek never uses. After each import it
    reads the module's whole source file with `inspect.getsource`, to see whether it mentions
    PySide6, and Python's linecache keeps every line of it: from a source install about
    20 MB for SQLAlchemy, the storage layer and the screens made after the picker, and the
    time to read them. Python's own import is put back (PySide6 keeps it as
    `builtins.__orig_import__`; without that name, nothing changes), and the lines read so far
    are let go. Modules not scanned are treated by PySide6 as not using features, which is so.
    """
    original = getattr(builtins, "__orig_import__", None)
    if callable(original) and builtins.__import__ is not original:
        builtins.__import__ = original
    linecache.clearcache()


def first_paint(app: QApplication, window: MainWindow, limit_ms: int = 300) -> None:
    """Let the window reach the screen before the rest is built (at most `limit_ms`)."""
    clock = QElapsedTimer()
    clock.start()
    app.processEvents()
    handle = window.windowHandle()
    while handle is not None and not handle.isExposed() and clock.elapsed() < limit_ms:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    window.repaint()


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _sound() -> health.Health:
    return health.Health(health.SOUND)


class StartUp:
    """Builds the app on the window; when the location database does not answer, asks what
    to do (try again, work alone on this computer's copy, or stop) instead of giving up;
    when this computer's database file is damaged, shows the recovery screen.

    `database`: the embedded SQLite file (paths.database_path()); it is checked before it is
    opened when no location database is set."""

    def __init__(self, window: MainWindow, build: Callable[[MainWindow, bool], Running],
                 can_work_alone: Callable[[], bool], stop: Callable[[int], None],
                 database: Path | None = None,
                 clock: Callable[[], datetime] = _utc_now) -> None:
        self.window, self.build, self.can_work_alone, self.stop = (
            window, build, can_work_alone, stop)
        self.database, self.clock = database, clock
        self.running: Running | None = None
        self.away_box: QMessageBox | None = None
        self.recovery: RecoveryController | None = None
        self.background: health.Background | None = None
        self.checked: Callable[[], health.Health] = _sound

    def begin(self, app: QApplication, first: health.FirstLook | None = None) -> bool:
        """Put the window on screen: the picker (the rest is built in the first turn of the
        event loop), the recovery screen, or a question. False when the app cannot start.

        `first`: the look at the database file taken at the very start (health.look), when
        the caller took one; otherwise it is taken now."""
        database = self.database
        learners = None
        if database is not None and on_this_computer(database):
            first = first or health.look(database)
            if not first.found.healthy:
                self.recover(first.found)
                return True
            if first.background is not None:
                self.background = first.background
                self.checked = first.background.result
            learners = learners_at_start(database)
        if learners is None:
            if not self.finish() and self.away_box is None and self.recovery is None:
                return False
            self.window.show()
        else:
            self.window.picker.show_learners(learners)
            self.window.show()
            first_paint(app, self.window)
            QTimer.singleShot(0, self.finish)
        return True

    def finish(self, alone: bool = False) -> bool:
        """True when the app is built; False when it is waiting for an answer or failed."""
        found = self.checked()  # the whole-file check must pass before anything opens it
        if not found.healthy:
            self.recover(found)
            return False
        try:
            self.running = self.build(self.window, alone)
        except StorageError as error:
            if error.kind == UNREACHABLE and not alone:
                self._ask(str(error))
            elif (error.kind == DAMAGED and self._embedded() and not alone
                  and not (found := health.check(self._file())).healthy):
                self.recover(found)  # SQLite saw damage, and the check confirms it
            else:
                self.window.hide()
                QMessageBox.critical(None, "oefenplek", str(error))
                self.stop(2)
            return False
        if self._embedded() and not alone:
            health.forget_damage(self._file())  # a sound file is in place (again)
        return True

    def _embedded(self) -> bool:
        return self.database is not None and on_this_computer(self.database)

    def _file(self) -> Path:
        assert self.database is not None
        return self.database

    def recover(self, found: health.Health) -> None:
        """The recovery screen instead of the app; the app is built once the coordinator
        has put a backup back or chosen an empty start."""
        from oefenplek.gui.recovery import RecoveryController

        assert self.database is not None
        self.recovery = RecoveryController(self.window, found, self.database, self._recovered,
                                           self.clock)
        self.window.show()

    def _recovered(self) -> None:
        database = self.database
        assert database is not None
        self.checked = lambda: health.check(database)  # what was put back is checked too
        QTimer.singleShot(0, self.finish)

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
               database: Path, can_work_alone: Callable[[], bool] = lambda: False,
               first: health.FirstLook | None = None) -> int:
    """Start Qt, show the picker, build the app and run it until the window closes.

    A database that cannot be opened is said in plain words in a box, not a traceback; a
    damaged one opens the recovery screen. `first`: see StartUp.begin.
    """
    skip_source_scan()
    app = QApplication(argv)
    app.setApplicationName("oefenplek")
    app.setStyleSheet(theme.stylesheet())
    window = MainWindow()
    start = StartUp(window, build, can_work_alone, app.exit, database)
    if not start.begin(app, first):
        return 2
    code = app.exec()
    if start.running:
        start.running.database.close()
    return int(code)
