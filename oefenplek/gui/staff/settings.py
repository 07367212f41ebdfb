"""The location's settings: its name, which themes learners see, read-aloud by itself."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.i18n import _


class SettingsScreen(QWidget):
    save = Signal(str, list, bool)  # location name, themes offered, read aloud by itself
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("Settings of this location"))
        title.setProperty("role", "title")
        self.location = QLineEdit()
        self.location.setAccessibleName(_("Name of this location"))
        self.themes_box = QVBoxLayout()
        self.auto_read = QCheckBox(_("New learners hear every step read aloud by itself"))
        self.auto_read.setMinimumHeight(48)
        self.status = QLabel()
        save = BigButton(_("Save"), "check", role="primary")
        save.clicked.connect(self._save)
        back = BigButton(_("Back"), "back")
        back.clicked.connect(self.back.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 18)
        layout.addWidget(title)
        layout.addWidget(QLabel(_("Name of this location (on certificates and reports)")))
        layout.addWidget(self.location)
        layout.addWidget(QLabel(_("Themes learners can choose:")))
        layout.addLayout(self.themes_box)
        layout.addWidget(self.auto_read)
        layout.addWidget(self.status)
        layout.addStretch(1)
        footer = QHBoxLayout()
        footer.addWidget(back)
        footer.addStretch(1)
        footer.addWidget(save)
        layout.addLayout(footer)
        self.theme_checks: dict[str, QCheckBox] = {}

    def show_settings(self, location: str, themes: list[tuple[str, str, bool]],
                      auto_read: bool) -> None:
        self.location.setText(location)
        for check in self.theme_checks.values():
            self.themes_box.removeWidget(check)
            check.hide()
            check.deleteLater()
        self.theme_checks = {}
        for theme_id, title, offered in themes:
            check = QCheckBox(title)
            check.setChecked(offered)
            check.setMinimumHeight(48)
            self.themes_box.addWidget(check)
            self.theme_checks[theme_id] = check
        self.auto_read.setChecked(auto_read)
        self.status.clear()

    def _save(self) -> None:
        offered = [i for i, check in self.theme_checks.items() if check.isChecked()]
        self.save.emit(self.location.text(), offered, self.auto_read.isChecked())

    def show_status(self, text: str) -> None:
        self.status.setText(text)
