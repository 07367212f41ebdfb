"""The Hulp question: 'Shall we call the volunteer?' with two big answers. Never blocks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.flow import flow_row
from oefenplek.i18n import _


class AskHelpDialog(QDialog):
    """Asks before calling; once help is coming it offers to say 'I no longer need help'."""

    call_volunteer = Signal()
    cancel_help = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Help"))
        self.setModal(True)
        self.question = QLabel()
        self.question.setProperty("role", "instruction")
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.yes = BigButton(_("Yes, call the volunteer"), "help", role="primary")
        self.no = BigButton(_("No, go on"), "back")
        self.yes.clicked.connect(self._yes)
        self.no.clicked.connect(self.reject)
        row_host, row = flow_row()
        row.addWidget(self.no)
        row.addWidget(self.yes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(28)
        layout.addWidget(self.question)
        layout.addWidget(row_host)
        self.coming = False

    def ask(self, coming: bool) -> None:
        """Show the question; `coming` when the volunteer was already called."""
        self.coming = coming
        if coming:
            self.question.setText(_("The volunteer is coming. Wait a moment."))
            self.yes.set_text(_("I no longer need help"))
            self.yes.icon_name = "ok-done"
            self.no.set_text(_("OK, I will wait"))
        else:
            self.question.setText(_("Do you want help from the volunteer?"))
            self.yes.set_text(_("Yes, call the volunteer"))
            self.yes.icon_name = "help"
            self.no.set_text(_("No, go on"))
        self.yes.refresh_icon()
        self.question.setAccessibleName(self.question.text())
        owner = self.parentWidget()
        self.setMinimumWidth(round(owner.width() * 0.9) if owner else 760)
        self.adjustSize()
        self.open()
        self.no.setFocus()

    def _yes(self) -> None:
        (self.cancel_help if self.coming else self.call_volunteer).emit()
        self.accept()
