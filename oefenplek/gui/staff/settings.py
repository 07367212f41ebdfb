"""The location's settings: its name, which themes learners see, read-aloud by itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from oefenplek.core.extra_fields import EXTRA_FIELDS
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.i18n import _


class SettingsScreen(QWidget):
    save = Signal(str, list, bool, list)  # name, themes, read aloud by itself, extra fields
    choose_logo = Signal()
    remove_logo = Signal()
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
        layout.addLayout(logo_row)
        layout.addWidget(QLabel(_("Extra questions about learners, for the funder "
                                  "(all are off unless you switch them on):")))
        layout.addLayout(extra_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        footer = QHBoxLayout()
        footer.addWidget(back)
        footer.addStretch(1)
        footer.addWidget(save)
        layout.addLayout(footer)
        self.theme_checks: dict[str, QCheckBox] = {}

    def show_settings(self, location: str, themes: list[tuple[str, str, bool]],
                      auto_read: bool, extra_on: set[str], logo: str) -> None:
        self.location.setText(location)
        for key, check in self.extra_checks.items():
            check.setChecked(key in extra_on)
        self.show_logo(logo)
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

    def show_logo(self, logo: str) -> None:
        self.logo.setText(Path(logo).name if logo else _("none"))

    def _save(self) -> None:
        offered = [i for i, check in self.theme_checks.items() if check.isChecked()]
        extra = [key for key, check in self.extra_checks.items() if check.isChecked()]
        self.save.emit(self.location.text(), offered, self.auto_read.isChecked(), extra)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
