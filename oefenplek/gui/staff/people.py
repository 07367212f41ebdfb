"""The coordinator's list of volunteers and coordinators: add, remove, new PIN."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from oefenplek.core.staff import COORDINATOR, VOLUNTEER, StaffMember
from oefenplek.gui.staff.door import pin_field
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.i18n import _


class PeopleScreen(QWidget):
    add = Signal(str, str, str, str)  # name, role, pin, pin again
    remove = Signal(str)
    reset_pin = Signal(str, str, str)  # staff id, pin, pin again
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("Volunteers and coordinators"))
        title.setProperty("role", "title")
        self.rows = QVBoxLayout()
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name"))
        self.role = QComboBox()
        self.role.setAccessibleName(_("Role"))
        self.role.setMinimumHeight(56)
        self.role.addItem(_("Volunteer"), VOLUNTEER)
        self.role.addItem(_("Coordinator"), COORDINATOR)
        self.pin, self.pin_again = pin_field(_("PIN")), pin_field(_("PIN again"))
        form.addRow(_("Name"), self.name)
        form.addRow(_("Role"), self.role)
        form.addRow(_("PIN (4 to 8 digits)"), self.pin)
        form.addRow(_("The same PIN again"), self.pin_again)
        self.add_button = BigButton(_("Add"), "new-learner", role="primary")
        self.add_button.clicked.connect(lambda: self.add.emit(
            self.name.text(), self.role.currentData(), self.pin.text(), self.pin_again.text()))
        form.addRow(self.add_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        back = BigButton(_("Back"), "back")
        back.clicked.connect(self.back.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 18)
        layout.addWidget(title)
        layout.addLayout(self.rows)
        layout.addWidget(QLabel(_("Add someone:")))
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        footer = QHBoxLayout()
        footer.addWidget(back)
        footer.addStretch(1)
        layout.addLayout(footer)
        self.row_widgets: dict[str, QWidget] = {}

    def show_people(self, people: list[StaffMember], me: str) -> None:
        for widget in self.row_widgets.values():
            self.rows.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.row_widgets = {}
        for member in people:
            row = QWidget()
            line = QHBoxLayout(row)
            role = _("Coordinator") if member.is_coordinator else _("Volunteer")
            line.addWidget(QLabel(f"{member.name} — {role}"), 1)
            new_pin = pin_field(_("New PIN for {name}").format(name=member.name))
            again = pin_field(_("New PIN again"))
            line.addWidget(new_pin)
            line.addWidget(again)
            reset = BigButton(_("New PIN"), "lock")
            reset.clicked.connect(lambda _c=False, i=member.id, p=new_pin, a=again:
                                  self.reset_pin.emit(i, p.text(), a.text()))
            line.addWidget(reset)
            if member.id != me:
                remove = BigButton(_("Remove"), "close")
                remove.setAccessibleName(_("Remove {name}").format(name=member.name))
                remove.clicked.connect(lambda _c=False, i=member.id: self.remove.emit(i))
                line.addWidget(remove)
            self.rows.addWidget(row)
            self.row_widgets[member.id] = row
        for field in (self.name, self.pin, self.pin_again):
            field.clear()

    def show_status(self, text: str) -> None:
        self.status.setText(text)
