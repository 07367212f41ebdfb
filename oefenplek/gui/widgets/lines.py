"""A short list of sentences, each behind a small picture (a tick, a star): what a learner
can do or knows. Each sentence is its own label, so read-aloud marks the word in it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from oefenplek.gui import theme
from oefenplek.gui.icons import icon
from oefenplek.gui.retranslate import direction
from oefenplek.gui.widgets.discard import discard
from oefenplek.views.bilingual import isolated, plain


class IconLines(QWidget):
    def __init__(self, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon_name = icon_name
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(10)
        self.rows: list[QWidget] = []
        self.labels: list[QLabel] = []

    def set_lines(self, lines: Sequence[str], language: str | None = None,
                  seconds: Sequence[str | None] = (), second_language: str | None = None
                  ) -> None:
        """`language`: the lines' language when it is not the interface's; `seconds`: the
        same lines in `second_language`, each shown (and read) under its line."""
        discard(self.column, self.rows)
        self.rows, self.labels = [], []
        side = round(40 * min(theme.current.scale, 1.4))
        for index, sentence in enumerate(lines):
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.setSpacing(14)
            mark = QLabel()
            mark.setPixmap(icon(self.icon_name, theme.current.palette.good_border)
                           .pixmap(QSize(side, side)))
            mark.setFixedWidth(side + 4)
            text = _line(sentence, language)
            text.setStyleSheet("font-weight: bold;")
            words = QVBoxLayout()
            words.setSpacing(2)
            words.addWidget(text)
            self.labels.append(text)
            second = seconds[index] if index < len(seconds) else None
            if second:
                under = _line(second, second_language)
                under.setProperty("role", "second-language")
                words.addWidget(under)
                self.labels.append(under)
            row_layout.addWidget(mark)
            row_layout.addLayout(words, 1)
            self.column.addWidget(row)
            self.rows.append(row)

    def texts(self) -> list[str]:
        return [plain(label.text()) for label in self.labels]


def _line(sentence: str, language: str | None) -> QLabel:
    label = QLabel(isolated(sentence))
    label.setWordWrap(True)
    label.setAccessibleName(sentence)
    label.setProperty("lang", language)
    label.setProperty("plain", sentence)
    if language is not None:
        label.setLayoutDirection(direction(language))
        if direction(language) != QApplication.layoutDirection():
            # Dutch under an Arabic screen: it stays beside its tick, on the reading side.
            label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | (
                Qt.AlignmentFlag.AlignRight
                if QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
                else Qt.AlignmentFlag.AlignLeft))
    return label
