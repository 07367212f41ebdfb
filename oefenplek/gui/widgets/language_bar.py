"""The languages as a row of big buttons: a flag (or a letter of the script) and the language's
own name, "العربية", "Türkçe", "Українська". A learner who cannot read Dutch finds their
language without reading a word of Dutch; the names are never translated."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QButtonGroup, QPushButton, QSizePolicy, QWidget

from oefenplek.gui import theme
from oefenplek.gui.icons import file_pixmap
from oefenplek.gui.widgets.flow import FlowLayout
from oefenplek.i18n import Language

FLAG = QSize(42, 28)


class LanguageButton(QPushButton):
    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(language.name, parent)
        self.code = language.code
        self.setCheckable(True)
        self.setProperty("role", "language")
        # The name is said as the language says it; the English name helps a volunteer
        # and a screen reader that does not know the script.
        self.setAccessibleName(language.name)
        self.setAccessibleDescription(language.english)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language.right_to_left
                                else Qt.LayoutDirection.LeftToRight)
        if language.flag is not None:
            self.setIcon(QIcon(file_pixmap(str(language.flag), FLAG)))
            self.setIconSize(FLAG)
        self.setMinimumSize(theme.MIN_TARGET, theme.MIN_TARGET)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)


class LanguageBar(QWidget):
    """One button per language; the chosen one stays pressed. Emits `chosen(code)` when the
    person picks another language."""

    chosen = Signal(str)

    def __init__(self, languages: Mapping[str, Language], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Taal · Language · اللغة · Dil · Мова")
        layout = FlowLayout(self, spacing=10)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, LanguageButton] = {}
        for code, language in languages.items():
            button = LanguageButton(language)
            layout.addWidget(button)
            self.group.addButton(button)
            self.buttons[code] = button
            button.clicked.connect(lambda _checked=False, c=code: self._clicked(c))
        self.current = ""

    def show_language(self, code: str) -> None:
        """Press the button of `code` (without emitting `chosen`)."""
        self.current = code
        button = self.buttons.get(code)
        if button is not None:
            button.setChecked(True)

    def _clicked(self, code: str) -> None:
        if code != self.current:
            self.current = code
            self.chosen.emit(code)
