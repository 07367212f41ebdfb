"""After the last step: what the learner knows now, in one to three short sentences, read
aloud. Verder (or Enter) goes on to the praise of the end screen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.screens.lesson_start import content_column
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.lines import IconLines
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import _


class RecapScreen(LearnerScreen):
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_title(_("Now you know:"))
        self.lines = IconLines("check")
        content = QWidget()
        column = content_column(content)
        column.addWidget(self.lines)
        column.addStretch(1)
        self.body.addWidget(scroll_area(content), 1)
        self.next = BigButton(_("Next"), "next", role="primary",
                              description=_("To the end of the lesson"))
        self.enter_button = self.next
        self.next.clicked.connect(self.next_requested.emit)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.next)
        self.body.addLayout(footer)

    def show_recap(self, lines: tuple[str, ...], language: str | None = None,
                   seconds: tuple[str | None, ...] = (), second_language: str | None = None
                   ) -> None:
        """`language` and `seconds`: as on the start screen (side by side)."""
        self.lines.set_lines(lines, language, seconds, second_language)
        self.next.setFocus()

    def spoken_parts(self) -> list[QLabel]:
        return [self.title, *self.lines.labels]
