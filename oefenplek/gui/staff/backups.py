"""The coordinator's backups screen: the backups with what each holds, a backup now, the
second folder, and putting one back after a plain question (asked in the same place).

The screen only draws what `BackupsState` says and emits what the person asked for; the
backups controller makes, reads and puts back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QWidget,
)

from oefenplek.gui.staff.base import StaffScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.discard import discard
from oefenplek.i18n import _
from oefenplek.views.backups import BackupRow, BackupsState, restore_question


def _line(text: str = "", role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class BackupsScreen(StaffScreen):
    make_now = Signal()
    restore = Signal(str)  # the backup file, once the person said yes
    undo = Signal()  # put back what the last restore kept aside
    choose_folder = Signal(str)
    no_second_folder = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Backups"), _("Back"), parent=parent)
        self.on_server = _line(role="instruction")
        self.where = _line(role="muted")
        self.kept = _line(role="instruction")
        self.undo_button = BigButton(_("Undo the restore"), "back",
                                     description=_("Put back the data from before the restore"))
        self.undo_button.clicked.connect(lambda: self._ask(
            _("Put back the data from before the restore?"), self.undo.emit))
        kept_row = QHBoxLayout()
        kept_row.addWidget(self.kept, 1)
        kept_row.addWidget(self.undo_button)
        self.empty = _line(_("There are no backups yet."))
        self.second = _line()
        self.choose_button = BigButton(_("Choose a folder…"), "settings",
                                       description=_("A USB stick or a network folder that "
                                                     "gets a copy of every backup"))
        self.choose_button.clicked.connect(self._choose)
        self.no_second_button = BigButton(_("No second folder"), "close")
        self.no_second_button.clicked.connect(self.no_second_folder.emit)
        self.second_host = QWidget()
        second_row = QHBoxLayout(self.second_host)
        second_row.setContentsMargins(0, 8, 0, 0)
        second_row.addWidget(self.second, 1)
        second_row.addWidget(self.choose_button)
        second_row.addWidget(self.no_second_button)
        self.question = _line()
        self.confirm_yes = BigButton(_("Yes, do it"), "check", role="primary")
        self.confirm_yes.clicked.connect(self._confirmed)
        self.confirm_no = BigButton(_("No"), "back")
        self.confirm_no.clicked.connect(self._hide_question)
        confirm = QHBoxLayout()  # outside the scrolling part: always in sight when asked
        confirm.addWidget(self.question, 1)
        confirm.addWidget(self.confirm_no)
        confirm.addWidget(self.confirm_yes)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Progress"))
        self.progress.setRange(0, 0)
        self.progress.setMinimumHeight(24)
        self.progress.setVisible(False)
        self.make_button = BigButton(_("Make a backup now"), "check", role="primary")
        self.make_button.clicked.connect(self.make_now.emit)
        self.top.addWidget(self.on_server)
        self.top.addWidget(self.where)
        self.top.addLayout(kept_row)
        self.top.addWidget(self.second_host)
        self.rows = self.content
        self.rows.addWidget(self.empty)
        self.rows.addStretch(1)  # the backups go above it
        self.below.addLayout(confirm)
        self.below.addWidget(self.progress)
        self.footer.addWidget(self.make_button)
        self.row_widgets: dict[str, QWidget] = {}
        self.folder_dialog: QFileDialog | None = None
        self.state = BackupsState()
        self.busy = False
        self._pending: Callable[[], None] | None = None
        self.show_state(self.state)

    def show_state(self, state: BackupsState) -> None:
        """The list and the sentences; on a location database only why there is none."""
        self.state = state
        server = bool(state.on_server)
        self.on_server.setText(state.on_server)
        self.on_server.setVisible(server)
        self.where.setText(state.where)
        self.where.setVisible(not server)
        self.kept.setText(state.kept)
        for widget in (self.kept, self.undo_button):
            widget.setVisible(bool(state.kept) and not server)
        self.second.setText(state.second)
        self.second_host.setVisible(not server)
        self.no_second_button.setEnabled(state.has_second)
        self.make_button.setVisible(not server)
        discard(self.rows, self.row_widgets.values())
        self.row_widgets = {}
        for index, row in enumerate(state.rows):
            self.rows.insertWidget(index, self._row(row))
        self.empty.setVisible(not server and not state.rows and not self.busy)
        self._hide_question()
        self._enable()

    def _row(self, row: BackupRow) -> QWidget:
        host = QFrame()
        host.setProperty("role", "card")
        line = QHBoxLayout(host)
        line.addWidget(_line(row.text), 1)
        button = BigButton(_("Put back"), "retry")
        button.setAccessibleName(_("Put back the backup of {when}").format(when=row.when))
        button.setEnabled(row.sound)
        button.clicked.connect(lambda _c=False, r=row: self._ask(
            restore_question(r), lambda: self.restore.emit(str(r.file))))
        line.addWidget(button)
        self.row_widgets[row.key] = host
        return host

    def show_busy(self, busy: bool, text: str = "") -> None:
        """While a backup is made or read, nothing else can be started; `text` says what."""
        self.busy = busy
        self.progress.setVisible(busy)
        if text:
            self.show_status(text)
        if busy:
            self._hide_question()
            self.empty.setVisible(False)
        self._enable()

    def _enable(self) -> None:
        free = not self.busy
        for widget in (self.make_button, self.choose_button, self.undo_button,
                       self.back_button, *self.row_widgets.values()):
            widget.setEnabled(free)
        self.no_second_button.setEnabled(free and self.state.has_second)

    def _choose(self) -> None:
        """Qt's folder dialog, without blocking the window (tests answer it there)."""
        if self.folder_dialog is not None:
            self.folder_dialog.deleteLater()
        dialog = QFileDialog(self, _("Choose the second folder for backups"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.choose_folder.emit)
        self.folder_dialog = dialog
        QDialog.open(dialog)  # PySide6 hides the plain open() of file dialogs

    def _ask(self, question: str, action: Callable[[], None]) -> None:
        self._pending = action
        self.question.setText(question)
        for widget in (self.question, self.confirm_no, self.confirm_yes):
            widget.setVisible(True)
        self.confirm_no.setFocus()

    def _confirmed(self) -> None:
        action = self._pending
        self._hide_question()
        if action is not None:
            action()

    def _hide_question(self) -> None:
        self._pending = None
        for widget in (self.question, self.confirm_no, self.confirm_yes):
            widget.setVisible(False)
