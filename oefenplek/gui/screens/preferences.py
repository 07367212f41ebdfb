"""'Zo zie en hoor ik het goed': text size, contrast and read-aloud, chosen with pictures.

Each choice shows what it does (big letters look big, black-and-yellow looks black and
yellow); the words under them are there for the volunteer and for read-aloud.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from oefenplek import i18n
from oefenplek.core.learners import (
    DUTCH_ONLY,
    OWN_ONLY,
    SIDE_BY_SIDE,
    TEXT_SCALES,
    Preferences,
)
from oefenplek.gui.retranslate import text_label
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.flow import flow_row
from oefenplek.gui.widgets.language_bar import LanguageBar
from oefenplek.gui.widgets.scroll import ACCESSIBLE_MSGID, scroll_area
from oefenplek.i18n import _


class PreferencesScreen(LearnerScreen):
    changed = Signal(object)  # Preferences
    language_chosen = Signal(str)
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_title(_("How do you see and hear best?"))
        column = QVBoxLayout()
        column.setSpacing(10)
        self.rows: list[QLabel] = []
        sizes, contrast, auto, speed = (QButtonGroup(self) for _ in range(4))
        self.sizes: dict[int, BigButton] = {}
        for scale in TEXT_SCALES:
            button = self._choice(sizes, "Aa", _("Letters {n} %").format(n=scale))
            points = round(20 * scale / 100)
            button.setStyleSheet(f"font-size: {points}pt; font-weight: bold; "
                                 f"min-height: {max(58, round(points * 1.9))}px;")
            button.clicked.connect(lambda _c=False, s=scale: self._set(text_scale=s))
            self.sizes[scale] = button
        self.normal = self._choice(contrast, _("Normal colours"), _("Normal colours"))
        self.strong = self._choice(contrast, _("Black and yellow"), _("Black and yellow"))
        self.strong.setStyleSheet("background: #000000; color: #FFE600; border-color: #FFE600;")
        self.normal.clicked.connect(lambda: self._set(high_contrast=False))
        self.strong.clicked.connect(lambda: self._set(high_contrast=True))
        self.read_self = self._choice(auto, _("I tap Listen"), _("I tap Listen myself"), "tap")
        self.read_auto = self._choice(auto, _("Read every step"),
                                      _("Read every step aloud by itself"), "listen")
        self.read_self.clicked.connect(lambda: self._set(read_aloud_auto=False))
        self.read_auto.clicked.connect(lambda: self._set(read_aloud_auto=True))
        self.slow = self._choice(speed, _("Slow voice"), _("Read slowly"), "listen")
        self.normal_speed = self._choice(speed, _("Normal voice"), _("Read at normal speed"),
                                         "listen")
        self.slow.clicked.connect(lambda: self._set(speech_slow=True))
        self.normal_speed.clicked.connect(lambda: self._set(speech_slow=False))
        # The language: chosen by its flag and own name; then how the lessons are shown.
        self.languages = LanguageBar(i18n.languages())
        self.languages.chosen.connect(self.language_chosen.emit)
        language_heading = text_label(_("Language"))
        language_heading.setStyleSheet("font-weight: bold;")
        column.addWidget(language_heading)
        column.addWidget(self.languages)
        modes = QButtonGroup(self)
        self.modes = {
            SIDE_BY_SIDE: self._choice(modes, _("Dutch with my language under it"),
                                       _("Dutch with my language under it")),
            OWN_ONLY: self._choice(modes, _("Only my language"), _("Only my language")),
            DUTCH_ONLY: self._choice(modes, _("Only Dutch"), _("Only Dutch")),
        }
        self.mode_row, mode_layout = flow_row(spacing=16)
        for mode, button in self.modes.items():
            button.clicked.connect(lambda _c=False, m=mode: self._set(language_mode=m))
            mode_layout.addWidget(button)
        column.addWidget(self.mode_row)
        for heading, buttons in (
            (_("Letters"), list(self.sizes.values())),
            (_("Colours"), [self.normal, self.strong]),
            (_("Read aloud"), [self.read_self, self.read_auto]),
            (_("Voice"), [self.slow, self.normal_speed]),
        ):
            label = text_label(heading)
            label.setStyleSheet("font-weight: bold;")
            self.rows.append(label)
            column.addWidget(label)
            row_host, row = flow_row(spacing=16)  # wraps when the words are long
            for button in buttons:
                row.addWidget(button)
            column.addWidget(row_host)
        column.addStretch(1)
        content = QWidget()
        content.setLayout(column)
        self.body.addWidget(scroll_area(content), 1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        self.ready = BigButton(_("Ready"), "check", role="primary")
        self.ready.clicked.connect(self.done.emit)
        footer.addWidget(self.ready)
        self.body.addLayout(footer)
        self.preferences = Preferences()

    def _choice(self, group: QButtonGroup, text: str, name: str, icon_name: str = "") -> BigButton:
        button = BigButton(text, icon_name)
        button.setCheckable(True)
        button.setProperty("role", "choice")
        button.setAccessibleName(name)
        button.setProperty(ACCESSIBLE_MSGID, getattr(name, "msgid", ""))
        group.addButton(button)
        return button

    def retranslate(self) -> None:
        """The names of the letter sizes (with a number in them) in the current language."""
        for scale, button in self.sizes.items():
            button.setAccessibleName(_("Letters {n} %").format(n=scale))

    def show_preferences(self, preferences: Preferences, language: str = "nl") -> None:
        self.preferences = preferences
        self.languages.show_language(language)
        self.mode_row.setVisible(language != i18n.DEFAULT_LANGUAGE)
        self.modes.get(preferences.language_mode, self.modes[SIDE_BY_SIDE]).setChecked(True)
        self.sizes[preferences.text_scale].setChecked(True)
        (self.strong if preferences.high_contrast else self.normal).setChecked(True)
        (self.read_auto if preferences.read_aloud_auto else self.read_self).setChecked(True)
        (self.slow if preferences.speech_slow else self.normal_speed).setChecked(True)
        self.ready.setFocus()

    def _set(self, **change: object) -> None:
        values = {**self.preferences.__dict__, **change}
        self.preferences = Preferences(**values)
        self.changed.emit(self.preferences)

    def spoken_parts(self) -> list[QLabel]:
        return [self.title]
