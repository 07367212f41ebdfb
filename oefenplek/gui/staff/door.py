"""The door to the staff area: the first-run wizard, or choosing your name and typing a PIN."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from oefenplek.core.staff import StaffMember
from oefenplek.gui.staff.base import StaffScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.discard import discard
from oefenplek.i18n import _


def pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    field.setAccessibleName(name)
    return field


class StaffDoor(StaffScreen):
    """Emits what the person typed; the staff controller checks it and says what happened."""

    first_run = Signal(str, str, str, str)  # location, name, pin, pin again
    pin_entered = Signal(str, str)  # staff id, pin
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(back_text=_("Back to the learners"), parent=parent)
        self.back.connect(self.closed.emit)
        self.pages = QStackedWidget()
        self.message = self.status  # what went wrong, big enough to be noticed
        self.message.setProperty("role", "instruction")

        wizard = QWidget()
        form = QFormLayout(wizard)
        self.location = QLineEdit()
        self.location.setAccessibleName(_("Name of this location"))
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName(_("Your name"))
        self.new_pin, self.new_pin_again = pin_field(_("PIN")), pin_field(_("PIN again"))
        form.addRow(_("Name of this location"), self.location)
        form.addRow(_("Your name (coordinator)"), self.new_name)
        form.addRow(_("Choose a PIN (4 to 8 digits)"), self.new_pin)
        form.addRow(_("The same PIN again"), self.new_pin_again)
        self.start = BigButton(_("Start"), "check", role="primary")
        self.start.clicked.connect(lambda: self.first_run.emit(
            self.location.text(), self.new_name.text(), self.new_pin.text(),
            self.new_pin_again.text()))
        form.addRow(self.start)

        login = QWidget()
        login_layout = QVBoxLayout(login)
        login_layout.addWidget(QLabel(_("Who are you?")))
        self.names = QHBoxLayout()
        self.names.setSpacing(12)
        login_layout.addLayout(self.names)
        self.name_group = QButtonGroup(self)
        self.name_buttons: dict[str, BigButton] = {}
        row = QHBoxLayout()
        row.addWidget(QLabel(_("PIN")))
        self.pin = pin_field(_("PIN"))
        self.pin.returnPressed.connect(self._open)
        row.addWidget(self.pin, 1)
        self.open = BigButton(_("Open"), "lock", role="primary")
        self.open.clicked.connect(self._open)
        row.addWidget(self.open)
        login_layout.addLayout(row)
        login_layout.addStretch(1)

        self.pages.addWidget(wizard)
        self.pages.addWidget(login)
        self.content.addWidget(self.pages)
        self.content.addStretch(1)

    def show_wizard(self) -> None:
        self.title.setText(_("Welcome! Set up this practice spot."))
        self.pages.setCurrentIndex(0)
        self.message.clear()
        self.location.setFocus()

    def show_login(self, staff: list[StaffMember]) -> None:
        self.title.setText(_("Volunteers and coordinators"))
        self.pages.setCurrentIndex(1)
        self.message.clear()
        self.pin.clear()
        for button in self.name_buttons.values():
            self.name_group.removeButton(button)
        discard(self.names, self.name_buttons.values())
        self.name_buttons = {}
        for member in staff:
            button = BigButton(member.name, "")
            button.setCheckable(True)
            button.setProperty("role", "choice")
            self.name_group.addButton(button)
            self.names.addWidget(button)
            self.name_buttons[member.id] = button
        if len(staff) == 1:
            next(iter(self.name_buttons.values())).setChecked(True)
            self.pin.setFocus()

    def _open(self) -> None:
        chosen = next((i for i, b in self.name_buttons.items() if b.isChecked()), None)
        if chosen is None:
            self.show_message(_("Tap your name first."))
            return
        self.pin_entered.emit(chosen, self.pin.text())
        self.pin.clear()

    def show_message(self, text: str) -> None:
        self.show_status(text)
