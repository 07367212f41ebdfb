"""The end of a lesson: praise, what the learner can do now, and what could come next."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from oefenplek import paths
from oefenplek.gui import theme
from oefenplek.gui.icons import file_pixmap, icon
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.discard import discard
from oefenplek.gui.widgets.flow import flow_row
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import _


class EndScreen(LearnerScreen):
    next_lesson_requested = Signal(str)
    lessons_requested = Signal()
    certificate_requested = Signal(str)  # "lesson" or "theme"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout()
        row.setSpacing(32)
        self.picture = QLabel()
        self.picture.setPixmap(file_pixmap(str(paths.asset("pictures", "praise.svg")),
                                           QSize(300, 200)))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.picture)
        column = QVBoxLayout()
        column.setSpacing(14)
        self.lead = QLabel()
        self.lead.setProperty("role", "instruction")
        self.lead.setWordWrap(True)
        column.addWidget(self.lead)
        self.can_do_box = QVBoxLayout()
        self.can_do_box.setSpacing(10)
        column.addLayout(self.can_do_box)
        self.ending = QLabel()
        self.ending.setWordWrap(True)
        column.addWidget(self.ending)
        # The certificates belong with what the learner can do now: below that list, where
        # they scroll with it when big letters need the room.
        certificates_host, certificates = flow_row()
        column.addWidget(certificates_host)
        column.addStretch(1)
        content = QWidget()
        content.setLayout(column)
        row.addWidget(scroll_area(content), 1)
        self.body.addLayout(row, 1)
        self.to_lessons = BigButton(_("To the lessons"), "home")
        self.to_lessons.clicked.connect(self.lessons_requested.emit)
        self.next_lesson = BigButton("", "next", role="primary")
        self.next_lesson.clicked.connect(
            lambda: self.next_lesson_requested.emit(self.next_lesson.property("lesson_id"))
        )
        self.certificate = BigButton(_("My certificate"), "star",
                                     description=_("Make a certificate for this lesson"))
        self.certificate.clicked.connect(lambda: self.certificate_requested.emit("lesson"))
        self.theme_certificate = BigButton(_("Theme certificate"), "star",
                                           description=_("All lessons of this theme are done"))
        self.theme_certificate.clicked.connect(lambda: self.certificate_requested.emit("theme"))
        certificates.addWidget(self.certificate)
        certificates.addWidget(self.theme_certificate)
        actions_host, actions = flow_row()
        actions.addWidget(self.next_lesson)
        self.header_buttons.addWidget(self.to_lessons)  # where Stoppen is on the player
        self.body.addWidget(actions_host)
        self.can_do_labels: list[QWidget] = []

    def show_end(self, learner_name: str, lesson_title: str, can_do: tuple[str, ...],
                 ending: str | None, next_id: str | None, next_title: str | None,
                 theme_done: bool = False) -> None:
        self.set_title(_("Well done, {name}!").format(name=learner_name))
        self.lead.setText(_("You finished the lesson “{title}”. Now you can:").format(
            title=lesson_title))
        discard(self.can_do_box, self.can_do_labels)
        self.can_do_labels = []
        for sentence in can_do:
            line = QWidget()
            line_layout = QHBoxLayout(line)
            line_layout.setContentsMargins(0, 0, 0, 0)
            tick = QLabel()
            colour = theme.current.palette.good_border
            tick.setPixmap(icon("check", colour).pixmap(QSize(40, 40)))
            text = QLabel(sentence)
            text.setWordWrap(True)
            text.setStyleSheet("font-weight: bold;")
            line_layout.addWidget(tick)
            line_layout.addWidget(text, 1)
            self.can_do_box.addWidget(line)
            self.can_do_labels.append(line)
        self.theme_certificate.setVisible(theme_done)
        self.ending.setText(ending or "")
        self.ending.setVisible(bool(ending))
        self.next_lesson.setVisible(bool(next_id))
        if next_id and next_title:
            self.next_lesson.set_text(_("Next lesson: {title}").format(title=next_title))
            self.next_lesson.setProperty("lesson_id", next_id)
            self.next_lesson.setFocus()
        else:
            self.to_lessons.setFocus()

    def spoken_parts(self) -> list[QLabel]:
        parts = [self.title, self.lead]
        parts.extend(line.findChildren(QLabel)[-1] for line in self.can_do_labels)
        parts.append(self.ending)
        return parts
