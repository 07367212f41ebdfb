"""The location's settings: its name, which themes learners see, read-aloud by itself; and
the name of this computer, which is kept on this computer only (the location may have more)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

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
    open_log = Signal()
    backups = Signal()
    languages = Signal()
    voice_chosen = Signal(str)  # the key of a voice (gui.speech.VoiceChoice)
    try_voice = Signal(str)

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
        self.voice = QComboBox()
        self.voice.setMinimumHeight(48)
        self.voice.setAccessibleName(_("Voice that reads aloud"))
        self.voice.activated.connect(lambda _i: self.voice_chosen.emit(self._voice_key()))
        self.try_voice_button = BigButton(_("Try"), "listen")
        self.try_voice_button.clicked.connect(lambda: self.try_voice.emit(self._voice_key()))
        voice_row = QHBoxLayout()
        voice_label = QLabel(_("Voice that reads aloud:"))
        voice_label.setBuddy(self.voice)
        voice_row.addWidget(voice_label)
        voice_row.addWidget(self.voice, 1)
        voice_row.addWidget(self.try_voice_button)
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
        backups_row = QHBoxLayout()
        backups_row.addWidget(QLabel(_("Backups of the learners' data, and putting one back:")))
        self.backups_button = BigButton(_("Backups…"), "retry")
        self.backups_button.clicked.connect(self.backups.emit)
        backups_row.addWidget(self.backups_button)
        backups_row.addStretch(1)
        languages_row = QHBoxLayout()
        languages_row.addWidget(QLabel(_("Languages: how complete and how checked each is:")))
        self.languages_button = BigButton(_("Languages…"), "settings")
        self.languages_button.clicked.connect(self.languages.emit)
        languages_row.addWidget(self.languages_button)
        languages_row.addStretch(1)
        log_row = QHBoxLayout()
        log_row.addWidget(QLabel(_("Logbook (send it with a question for help):")))
        self.log_path = QLabel()
        self.log_path.setWordWrap(True)
        self.log_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        log_row.addWidget(self.log_path, 1)
        self.log_button = BigButton(_("Open logbook"), "help")
        self.log_button.clicked.connect(self.open_log.emit)
        log_row.addWidget(self.log_button)
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
        layout.addLayout(backups_row)
        layout.addWidget(QLabel(_("Themes learners can choose:")))
        layout.addLayout(self.themes_box)
        layout.addWidget(self.auto_read)
        layout.addLayout(voice_row)
        layout.addLayout(languages_row)
        layout.addLayout(logo_row)
        extra_title = QLabel(_("Extra questions about learners, for the funder "
                               "(all are off unless you switch them on):"))
        extra_title.setWordWrap(True)
        layout.addWidget(extra_title)
        layout.addLayout(extra_box)
        layout.addLayout(log_row)
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

    def show_voices(self, voices: Sequence[tuple[str, str]], current: str) -> None:
        """(key, name) of each voice found (VoiceChoice fits); `current` is the one in use."""
        self.voice.clear()
        for key, label in voices:
            self.voice.addItem(label, key)
        self.voice.setCurrentIndex(max(self.voice.findData(current), 0))

    def _voice_key(self) -> str:
        return str(self.voice.currentData() or "")

    def show_computer(self, name: str) -> None:
        """The name as it was saved (cleaned of extra spaces)."""
        self.computer.setText(name)

    def show_log(self, path: str) -> None:
        """Where the log is, to be found again in a file dialog or mail program."""
        self.log_path.setText(path)
        self.log_button.setAccessibleDescription(path)

    def show_logo(self, logo: str) -> None:
        self.logo.setText(Path(logo).name if logo else _("none"))

    def _save(self) -> None:
        offered = [i for i, check in self.theme_checks.items() if check.isChecked()]
        extra = [key for key, check in self.extra_checks.items() if check.isChecked()]
        self.save.emit(self.location.text(), offered, self.auto_read.isChecked(), extra,
                       self.computer.text())

