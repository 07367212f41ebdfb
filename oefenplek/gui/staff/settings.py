"""The location's settings: its name, which themes learners see, read-aloud by itself; and
the name of this computer, which is kept on this computer only (the location may have more)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from oefenplek.core.extra_fields import EXTRA_FIELDS
from oefenplek.gui.staff.base import StaffScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.discard import discard
from oefenplek.i18n import _
from oefenplek.storage.computer import MAX_LENGTH
from oefenplek.views.coordinator import ThemeChoice


class SettingsScreen(StaffScreen):
    # name, themes, read aloud by itself, extra fields, this computer's name
    save = Signal(str, list, bool, list, str)
    choose_logo = Signal()
    remove_logo = Signal()
    location_database = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Settings of this location"), _("Back"), parent=parent)
        self.location = QLineEdit()
        self.location.setAccessibleName(_("Name of this location"))
        self.computer = QLineEdit()
        self.computer.setAccessibleName(_("Name of this computer"))
        self.computer.setMaxLength(MAX_LENGTH)
        self.themes_box = QVBoxLayout()
        self.auto_read = QCheckBox(_("New learners hear every step read aloud by itself"))
        self.auto_read.setMinimumHeight(48)
        self.extra_checks: dict[str, QCheckBox] = {}
        extra_box = QVBoxLayout()
        for extra in EXTRA_FIELDS:
            check = QCheckBox(_(extra.label))
            check.setMinimumHeight(44)
            check.setAccessibleDescription(_(extra.why))
            why = QLabel(_(extra.why))
            why.setProperty("role", "muted")
            why.setWordWrap(True)
            extra_box.addWidget(check)
            extra_box.addWidget(why)
            self.extra_checks[extra.key] = check
        self.logo = QLabel()
        logo_row = QHBoxLayout()
        logo_row.addWidget(QLabel(_("Logo (on certificates and reports):")))
        logo_row.addWidget(self.logo, 1)
        choose = BigButton(_("Choose logo"), "check")
        choose.clicked.connect(self.choose_logo.emit)
        remove = BigButton(_("No logo"), "close")
        remove.clicked.connect(self.remove_logo.emit)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        database_row = QHBoxLayout()
        database_row.addWidget(QLabel(_("Where this computer keeps the learners' data:")))
        self.database_button = BigButton(_("Location database…"), "settings")
        self.database_button.clicked.connect(self.location_database.emit)
        database_row.addWidget(self.database_button)
        database_row.addStretch(1)
        save = BigButton(_("Save"), "check", role="primary")
        save.clicked.connect(self._save)
        layout = self.content
        layout.addWidget(QLabel(_("Name of this location (on certificates and reports)")))
        layout.addWidget(self.location)
        computer_label = QLabel(_("Name of this computer (so volunteers see where help is "
                                  "asked)"))
        computer_label.setWordWrap(True)
        computer_label.setBuddy(self.computer)
        layout.addWidget(computer_label)
        layout.addWidget(self.computer)
        layout.addLayout(database_row)
        layout.addWidget(QLabel(_("Themes learners can choose:")))
        layout.addLayout(self.themes_box)
        layout.addWidget(self.auto_read)
        layout.addLayout(logo_row)
        extra_title = QLabel(_("Extra questions about learners, for the funder "
                               "(all are off unless you switch them on):"))
        extra_title.setWordWrap(True)
        layout.addWidget(extra_title)
        layout.addLayout(extra_box)
        layout.addStretch(1)
        self.footer.addWidget(save)
        self.theme_checks: dict[str, QCheckBox] = {}

    def show_settings(self, location: str, themes: Sequence[ThemeChoice],
                      auto_read: bool, extra_on: set[str], logo: str,
                      computer: str = "") -> None:
        """`themes` from `theme_choices(...)` ((id, title, offered) tuples fit as well)."""
        self.location.setText(location)
        self.show_computer(computer)
        for key, check in self.extra_checks.items():
            check.setChecked(key in extra_on)
        self.show_logo(logo)
        discard(self.themes_box, self.theme_checks.values())
        self.theme_checks = {}
        for theme_id, title, offered in themes:
            check = QCheckBox(title)
            check.setChecked(offered)
            check.setMinimumHeight(48)
            self.themes_box.addWidget(check)
            self.theme_checks[theme_id] = check
        self.auto_read.setChecked(auto_read)
        self.status.clear()

    def show_computer(self, name: str) -> None:
        """The name as it was saved (cleaned of extra spaces)."""
        self.computer.setText(name)

    def show_logo(self, logo: str) -> None:
        self.logo.setText(Path(logo).name if logo else _("none"))

    def _save(self) -> None:
        offered = [i for i, check in self.theme_checks.items() if check.isChecked()]
        extra = [key for key, check in self.extra_checks.items() if check.isChecked()]
        self.save.emit(self.location.text(), offered, self.auto_read.isChecked(), extra,
                       self.computer.text())

