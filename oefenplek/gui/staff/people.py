"""The coordinator's list of volunteers and coordinators: add, remove, new PIN."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from oefenplek.core.staff import COORDINATOR, VOLUNTEER
from oefenplek.gui.staff.base import StaffScreen
from oefenplek.gui.staff.door import pin_field
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.discard import discard
from oefenplek.i18n import _
from oefenplek.views.coordinator import TeamRow

PIN_WIDTH = 170


class PeopleScreen(StaffScreen):
    add = Signal(str, str, str, str)  # name, role, pin, pin again
    remove = Signal(str)
    reset_pin = Signal(str, str, str)  # staff id, pin, pin again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Volunteers and coordinators"), _("Back"), parent=parent)
        self.rows = self.content
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
        self.content.addWidget(QLabel(_("Add someone:")))
        self.content.addLayout(form)
        self.content.addStretch(1)
        self.row_widgets: dict[str, QWidget] = {}

    def show_people(self, rows: Sequence[TeamRow]) -> None:
        """One line per person, above the form to add someone."""
        discard(self.rows, self.row_widgets.values())
        self.row_widgets = {}
        for index, person in enumerate(rows):
            row = QWidget()
            line = QHBoxLayout(row)
            line.addWidget(QLabel(person.text), 1)
            new_pin = pin_field(_("New PIN for {name}").format(name=person.name))
            again = pin_field(_("New PIN again"))
            for field in (new_pin, again):
                field.setMaximumWidth(PIN_WIDTH)  # 8 digits: the buttons keep their words
                line.addWidget(field)
            reset = BigButton(_("New PIN"), "lock")
            reset.clicked.connect(lambda _c=False, i=person.staff_id, p=new_pin, a=again:
                                  self.reset_pin.emit(i, p.text(), a.text()))
            line.addWidget(reset)
            if person.removable:
                remove = BigButton(_("Remove"), "close")
                remove.setAccessibleName(_("Remove {name}").format(name=person.name))
                remove.clicked.connect(lambda _c=False, i=person.staff_id: self.remove.emit(i))
                line.addWidget(remove)
            self.rows.insertWidget(index, row)  # above the form
            self.row_widgets[person.staff_id] = row
        for field in (self.name, self.pin, self.pin_again):
            field.clear()
