"""The calm screen shown instead of the app when the database file is damaged, empty, not a
database or made by a newer oefenplek (storage.health).

The learner reads (and hears, with Luister) one sentence: ask the volunteer. Behind a small
button the coordinator, after her PIN (checked in the newest good backup), sees what is wrong,
where the damaged file is kept and the newest good backup with what it holds, and can put
that backup back or start with an empty database, each after a plain question. The screen
only draws what `views.recovery` says; `RecoveryController` does the rest.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from oefenplek.core.staff import Lock
from oefenplek.gui.icons import icon
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.operations import Operations
from oefenplek.gui.read_aloud import ReadAloud
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.speech import Speaker
from oefenplek.gui.staff.base import StatusLine
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import _, ngettext
from oefenplek.storage import backups, health, recovery
from oefenplek.storage.backups import Backup, Contents
from oefenplek.storage.errors import StorageError
from oefenplek.views.recovery import RecoveryView, recovery_view

LEARNER, PIN, COORDINATOR = range(3)


def _line(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


class RecoveryScreen(LearnerScreen):
    """Three pages: the learner's sentence, the coordinator's PIN, the coordinator's part.
    On the last two, Terug (top left, where Stoppen is on the player) goes back to the
    first; a question is asked in the place of the buttons, so it is always in sight."""

    coordinator_requested = Signal()
    pin_entered = Signal(str)
    restore_confirmed = Signal()
    empty_confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Something is wrong with the data"))
        self.help.setVisible(False)  # without the database no volunteer can be called
        self.back = BigButton(_("Back"), "back")
        self.back.clicked.connect(self.show_learner)
        self.header_buttons.addWidget(self.back)
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages, 1)
        self.view: RecoveryView | None = None
        self._pending: Callable[[], None] | None = None
        for page in (self._learner_page(), self._pin_page(),
                     scroll_area(self._coordinator_page())):  # big letters: it scrolls
            self.pages.addWidget(page)
        self._hide_question()

    def _learner_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.picture = QLabel()
        self.picture.setPixmap(icon("help", "#1B1B1B", 160).pixmap(QSize(160, 160)))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.for_coordinator = BigButton(
            _("For the coordinator"), "lock",
            description=_("What is wrong, and putting back a backup"))
        self.for_coordinator.set_role("secondary")  # quiet, as Medewerkers on the picker
        self.for_coordinator.clicked.connect(self.coordinator_requested.emit)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.for_coordinator)
        layout.addStretch(1)
        layout.addWidget(self.picture)
        layout.addStretch(2)
        layout.addLayout(footer)
        return page

    def _pin_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pin_label = _line("instruction")
        self.pin_label.setText(_("Coordinator: type your PIN."))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setAccessibleName(_("PIN"))
        self.pin.returnPressed.connect(self._pin_typed)
        self.open = BigButton(_("Open"), "lock", role="primary")
        self.open.clicked.connect(self._pin_typed)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.pin, 1)
        row.addWidget(self.open)
        self.pin_message = StatusLine()
        self.pin_message.setProperty("role", "instruction")
        layout.addWidget(self.pin_label)
        layout.addLayout(row)
        layout.addWidget(self.pin_message)
        layout.addStretch(1)
        return page

    def _coordinator_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.problem = _line("instruction")
        self.card = QFrame()
        self.card.setProperty("role", "card")
        card = QVBoxLayout(self.card)
        card.setContentsMargins(20, 16, 20, 16)
        card.setSpacing(12)
        self.backup = _line("instruction")
        self.advice = _line()
        self.restore = BigButton(_("Put this backup back"), "retry", role="primary")
        self.restore.clicked.connect(self._ask_restore)
        self.empty = BigButton(_("Start with an empty database"), "new-learner")
        self.empty.clicked.connect(self._ask_empty)
        self.question = _line()
        self.question.setStyleSheet("font-weight: bold;")
        self.yes = BigButton(_("Yes, do it"), "check", role="primary")
        self.yes.clicked.connect(self._confirmed)
        self.no = BigButton(_("No"), "back")
        self.no.clicked.connect(self._hide_question)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        for button in (self.restore, self.empty, self.no, self.yes):
            buttons.addWidget(button)
        buttons.addStretch(1)
        card.addWidget(self.backup)
        card.addWidget(self.advice)
        card.addWidget(self.question)
        card.addLayout(buttons)
        self.status = StatusLine()
        self.status.setProperty("role", "instruction")
        self.kept = _line("muted")
        layout.addWidget(self.problem)
        layout.addWidget(self.card)
        layout.addWidget(self.status)
        layout.addWidget(self.kept)
        layout.addStretch(1)
        return page

    # --- what the controller tells it ---------------------------------------------------
    def show_view(self, view: RecoveryView) -> None:
        self.view = view
        self.problem.setText(view.problem)
        self.kept.setText(view.kept)
        self.kept.setVisible(bool(view.kept))
        self.backup.setText(view.backup)
        self.backup.setVisible(bool(view.backup))
        self.advice.setText(view.advice)
        self.advice.setVisible(bool(view.advice))
        self.card.setVisible(bool(view.backup or view.advice or view.can_start_empty))
        self._hide_question()
        self.show_learner()

    def show_learner(self) -> None:
        assert self.view is not None
        self.set_title(self.view.learner)
        self.back.setVisible(False)
        self.pages.setCurrentIndex(LEARNER)
        self.for_coordinator.setFocus()

    def show_pin(self) -> None:
        self.set_title(_("For the coordinator"))
        self.back.setVisible(True)
        self.pin.clear()
        self.pin_message.clear()
        self.pages.setCurrentIndex(PIN)
        self.pin.setFocus()

    def show_pin_message(self, text: str) -> None:
        self.pin_message.setText(text)
        self.pin.clear()
        self.pin.setFocus()

    def show_coordinator(self) -> None:
        self.set_title(_("For the coordinator"))
        self.back.setVisible(True)
        self.status.clear()
        self._hide_question()
        self.pages.setCurrentIndex(COORDINATOR)
        (self.restore if self.restore.isVisibleTo(self) else self.back).setFocus()

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def set_busy(self, busy: bool) -> None:
        for button in (self.restore, self.empty, self.back, self.yes, self.no):
            button.setEnabled(not busy)

    def page(self) -> int:
        return self.pages.currentIndex()

    # --- asking first ------------------------------------------------------------------------
    def _ask_restore(self) -> None:
        assert self.view is not None
        self._ask(self.view.restore_question, self.restore_confirmed.emit)

    def _ask_empty(self) -> None:
        assert self.view is not None
        self._ask(self.view.empty_question, self.empty_confirmed.emit)

    def _ask(self, question: str, then: Callable[[], None]) -> None:
        self._pending = then
        self.question.setText(question)
        self._asking(True)
        self.no.setFocus()

    def _confirmed(self) -> None:
        then = self._pending
        self._hide_question()
        if then is not None:
            then()

    def _hide_question(self) -> None:
        self._pending = None
        self._asking(False)

    def _asking(self, asking: bool) -> None:
        view = self.view
        self.question.setVisible(asking)
        self.no.setVisible(asking)
        self.yes.setVisible(asking)
        self.restore.setVisible(not asking and view is not None and view.can_restore)
        self.empty.setVisible(not asking and view is not None and view.can_start_empty)

    def _pin_typed(self) -> None:
        self.pin_entered.emit(self.pin.text())

    def spoken_parts(self) -> list[QLabel]:
        if self.pages.currentIndex() == COORDINATOR:
            return [self.title, self.problem, self.backup, self.advice, self.question,
                    self.status]
        if self.pages.currentIndex() == PIN:
            return [self.title, self.pin_label, self.pin_message]
        return [self.title]


class RecoveryController(QObject):
    """Keeps the damaged file aside, shows the screen, checks the PIN and puts right what the
    coordinator chose; then `ready` is called and the app starts as usual."""

    def __init__(self, window: MainWindow, found: health.Health, database: Path,
                 ready: Callable[[], None], clock: Callable[[], datetime]) -> None:
        super().__init__(window)
        self.window, self.database, self.ready, self.clock = window, database, ready, clock
        self.ops = Operations(database.parent)
        self.ops.log(f"The database cannot be used as it is ({found.kind}) | {found.detail}")
        if found.keep_aside and found.kept is None and database.exists():
            try:
                found = health.keep_aside(database, found, clock())
                self.ops.log(f"The damaged database is kept aside as {found.kept}")
            except OSError as error:
                self.ops.log(f"Keeping the damaged database aside did not work | {error}")
        self.found = found
        self.newest = self._newest() if found.keep_aside else None
        self.lock = Lock()
        self.screen = RecoveryScreen()
        self.view = recovery_view(found, self.newest, clock().astimezone().date(), database)
        self.screen.show_view(self.view)
        self.speaker = Speaker(self.screen)
        self.screen.set_speech_available(self.speaker.available)
        self.reader = ReadAloud(self.speaker, window, self)
        self.screen.listen_requested.connect(
            lambda text: self.reader.read(self.screen, text, asked=True))
        self.screen.coordinator_requested.connect(self._coordinator)
        self.screen.pin_entered.connect(self._pin)
        self.screen.restore_confirmed.connect(self._restore)
        self.screen.empty_confirmed.connect(self._start_empty)
        window.stack.addWidget(self.screen)
        window.show_screen(self.screen)

    def _newest(self) -> tuple[Backup, Contents] | None:
        try:
            return backups.newest_sound(backups.backup_folder(self.database.parent))
        except StorageError as error:
            self.ops.log(f"{error} | {error.detail}")
            return None

    def _coordinator(self) -> None:
        if self.view.needs_pin:
            self.screen.show_pin()
        else:  # no backup holds a PIN to check, or there is nothing to choose: words only
            self.screen.show_coordinator()

    def _pin(self, pin: str) -> None:
        """The PIN of a coordinator in the backup's team; a pause after too many wrong ones
        (kept in memory: the database cannot be written)."""
        now = self.clock()
        if not self.lock.closed(now):
            assert self.newest is not None
            if recovery.coordinator_pin_matches(self.newest[0].file, pin):
                self.lock = self.lock.after_right_pin()
                self.screen.show_coordinator()
                return
            self.lock = self.lock.after_wrong_pin(now)
        if self.lock.closed(now) and self.lock.until is not None:
            minutes = max(1, math.ceil((self.lock.until - now).total_seconds() / 60))
            self.screen.show_pin_message(ngettext(
                "Too many wrong PINs. Try again in {n} minute.",
                "Too many wrong PINs. Try again in {n} minutes.", minutes).format(n=minutes))
        else:
            self.screen.show_pin_message(_("This is not the PIN of a coordinator. Try again."))

    def _restore(self) -> None:
        assert self.newest is not None
        backup, now = self.newest[0].file, self.clock()
        self.screen.set_busy(True)
        self.screen.show_status(_("The backup is being put back…"))
        self.ops.background(lambda _report: recovery.put_back(backup, self.database, now),
                            self._failed, lambda _kept: self._done(f"restored {backup}"))

    def _start_empty(self) -> None:
        now = self.clock()
        if self.ops.run(lambda: recovery.start_empty(self.database, self.found, now),
                        self.screen.show_status):
            self._done("started with an empty database")

    def _failed(self, sentence: str) -> None:
        self.screen.set_busy(False)
        self.screen.show_status(sentence)

    def _done(self, what: str) -> None:
        self.ops.log(f"The coordinator {what}; the damaged file stays at {self.found.kept}")
        self.speaker.stop()
        self.window.stack.removeWidget(self.screen)
        self.screen.deleteLater()
        self.ready()
