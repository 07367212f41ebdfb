"""Before the first step of a lesson: the goal first. What you can do after it, how many
steps it has, and one big Begin. Enter begins; Naar de lessen goes back without a trace."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from oefenplek.gui.icons import file_pixmap
from oefenplek.gui.retranslate import text_label
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.lines import IconLines
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import _
from oefenplek.views.player import StartPage

PICTURE = QSize(240, 240)


class LessonStartScreen(LearnerScreen):
    begin_requested = Signal()
    lessons_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.to_lessons = BigButton(_("To the lessons"), "home",
                                    description=_("Choose another lesson"))
        self.to_lessons.clicked.connect(self.lessons_requested.emit)
        self.header_buttons.addWidget(self.to_lessons)
        self.lead = text_label(_("After this lesson you can:"))
        self.lead.setProperty("role", "instruction")
        self.can_do = IconLines("star")
        self.steps = QLabel()
        self.steps.setWordWrap(True)
        content = QWidget()
        column = content_column(content)
        column.addWidget(self.lead)
        column.addWidget(self.can_do)
        column.addWidget(self.steps)
        column.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(32)
        row.addWidget(scroll_area(content), 1)
        self.picture = QLabel()  # the lesson's icon, as on its tile: the learner knows it
        self.picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.picture)
        self.body.addLayout(row, 1)
        self.begin = BigButton(_("Begin"), "next", role="primary",
                               description=_("Start with the first step"))
        self.enter_button = self.begin
        self.begin.clicked.connect(self.begin_requested.emit)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.begin)
        self.body.addLayout(footer)

    def show_start(self, page: StartPage, language: str | None = None,
                   seconds: tuple[str | None, ...] = (), second_language: str | None = None
                   ) -> None:
        """`language`: the language of the lesson's texts when it is not the interface's;
        `seconds`: the title and the can_do lines in `second_language` (side by side)."""
        self.set_title(page.title)
        self.title.setProperty("lang", language)
        self.can_do.set_lines(page.can_do, language, seconds[1:], second_language)
        self.lead.setVisible(bool(page.can_do))
        self.steps.setText(page.steps)
        self.steps.setAccessibleName(page.steps)
        pixmap = file_pixmap(str(page.icon), PICTURE) if page.icon is not None else None
        if pixmap is not None and not pixmap.isNull():
            self.picture.setPixmap(pixmap)
            self.picture.setAccessibleName(page.title)
        else:
            self.picture.clear()
        self.picture.setVisible(pixmap is not None and not pixmap.isNull())
        self.begin.setFocus()

    def spoken_parts(self) -> list[QLabel]:
        return [self.title, self.lead, *self.can_do.labels, self.steps]



def content_column(host: QWidget) -> QVBoxLayout:
    """The screen's words, one under the other, with room between them."""
    column = QVBoxLayout(host)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(18)
    return column
