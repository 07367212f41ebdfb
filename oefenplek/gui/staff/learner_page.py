"""One learner, for the volunteer: lessons done and busy, where they got stuck, notes,
and certificates."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import _


@dataclass(frozen=True)
class LessonLine:
    lesson_id: str
    text: str  # "Wifi op een Android-tablet — klaar" / "— bezig, stap 4 van 12"
    done: bool
    practise_waiting: bool  # the learner stands on a practise step


@dataclass(frozen=True)
class LearnerView:
    learner_id: str
    name: str
    lessons: list[LessonLine]
    stuck: list[str]  # "Wifi op een Android-tablet, stap 5 (Tik op de schakelaar): 2 keer fout"
    notes: list[str]  # "12 november: wil volgende keer WhatsApp oefenen"
    note_today: str
    issued: list[tuple[str, str]] = field(default_factory=list)  # certificate id, what


class LearnerPage(QWidget):
    back = Signal()
    save_note = Signal(str, str)  # learner id, note
    certificate = Signal(str, str)  # learner id, lesson id
    practise_helped = Signal(str, str)  # learner id, lesson id
    reprint = Signal(str, str)  # learner id, certificate id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.content = QVBoxLayout()
        self.content.setSpacing(10)
        host = QWidget()
        host.setLayout(self.content)
        note_row = QHBoxLayout()
        note_row.addWidget(QLabel(_("Note for this visit:")))
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note for this visit"))
        self.note.setPlaceholderText(_("For example: wants to practise WhatsApp next time"))
        note_row.addWidget(self.note, 1)
        self.save = BigButton(_("Save note"), "check")
        self.save.clicked.connect(lambda: self.save_note.emit(self.learner_id, self.note.text()))
        note_row.addWidget(self.save)
        self.status = QLabel()
        self.back_button = BigButton(_("Back"), "back")
        self.back_button.clicked.connect(self.back.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 18)
        layout.addWidget(self.title)
        layout.addWidget(scroll_area(host), 1)
        layout.addLayout(note_row)
        layout.addWidget(self.status)
        footer = QHBoxLayout()
        footer.addWidget(self.back_button)
        footer.addStretch(1)
        layout.addLayout(footer)
        self.learner_id = ""

    def show_learner(self, view: LearnerView) -> None:
        self.learner_id = view.learner_id
        self.title.setText(view.name)
        self.status.clear()
        self.note.setText(view.note_today)
        while self.content.count():
            item = self.content.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
            elif item.layout() is not None:
                _clear(item.layout())
        self._heading(_("Lessons"))
        if not view.lessons:
            self.content.addWidget(QLabel(_("No lessons yet.")))
        for line in view.lessons:
            row = QHBoxLayout()
            row.addWidget(QLabel(line.text), 1)
            if line.practise_waiting:
                helped = BigButton(_("Done with help"), "ok-done",
                                   description=_("The practise step was done with help"))
                helped.clicked.connect(lambda _c=False, i=line.lesson_id:
                                       self.practise_helped.emit(self.learner_id, i))
                row.addWidget(helped)
            if line.done:
                cert = BigButton(_("Certificate"), "star")
                cert.setAccessibleName(_("Certificate for {lesson}").format(lesson=line.text))
                cert.clicked.connect(lambda _c=False, i=line.lesson_id:
                                     self.certificate.emit(self.learner_id, i))
                row.addWidget(cert)
            self.content.addLayout(row)
        self._heading(_("Where it was hard"))
        for text in view.stuck or [_("Nothing yet: no wrong tries and no help.")]:
            label = QLabel(text)
            label.setWordWrap(True)
            self.content.addWidget(label)
        self._heading(_("Certificates handed out"))
        if not view.issued:
            self.content.addWidget(QLabel(_("None yet.")))
        for certificate_id, text in view.issued:
            row = QHBoxLayout()
            row.addWidget(QLabel(text), 1)
            again = BigButton(_("Print again"), "print")
            again.setAccessibleName(_("Print again: {what}").format(what=text))
            again.clicked.connect(lambda _c=False, i=certificate_id:
                                  self.reprint.emit(self.learner_id, i))
            row.addWidget(again)
            self.content.addLayout(row)
        self._heading(_("Notes"))
        for text in view.notes or [_("No notes yet.")]:
            label = QLabel(text)
            label.setWordWrap(True)
            self.content.addWidget(label)
        self.content.addStretch(1)

    def _heading(self, text: str) -> None:
        label = QLabel(text)
        label.setProperty("role", "instruction")
        self.content.addWidget(label)

    def show_status(self, text: str) -> None:
        self.status.setText(text)


def _clear(layout: object) -> None:
    from PySide6.QtWidgets import QLayout

    assert isinstance(layout, QLayout)
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()
            item.widget().deleteLater()
