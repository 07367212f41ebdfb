"""One learner, for the volunteer: lessons done and busy, where they got stuck, notes,
and certificates."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from oefenplek.gui.staff.base import StaffScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.discard import clear_layout
from oefenplek.i18n import _
from oefenplek.views.staff import LearnerView, LessonLine

__all__ = ["LearnerPage", "LearnerView", "LessonLine"]  # the views' rows, where they were


class LearnerPage(StaffScreen):
    save_note = Signal(str, str)  # learner id, note
    certificate = Signal(str, str)  # learner id, lesson id
    practise_helped = Signal(str, str)  # learner id, lesson id
    reprint = Signal(str, str)  # learner id, certificate id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(back_text=_("Back"), parent=parent)
        self.learner_id = ""
        self.content.setSpacing(10)
        note_row = QHBoxLayout()
        note_row.addWidget(QLabel(_("Note for this visit:")))
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note for this visit"))
        self.note.setPlaceholderText(_("For example: wants to practise WhatsApp next time"))
        note_row.addWidget(self.note, 1)
        self.save = BigButton(_("Save note"), "check")
        self.save.clicked.connect(lambda: self.save_note.emit(self.learner_id, self.note.text()))
        note_row.addWidget(self.save)
        self.below.addLayout(note_row)

    def show_learner(self, view: LearnerView) -> None:
        self.learner_id = view.learner_id
        self.title.setText(view.name)
        self.status.clear()
        self.note.setText(view.note_today)
        clear_layout(self.content)
        self._heading(_("Lessons"))
        if not view.lessons:
            self.content.addWidget(QLabel(_("No lessons yet.")))
        for line in view.lessons:
            self.content.addWidget(self._lesson_row(line))
        self._heading(_("Where it was hard"))
        for text in view.stuck or [_("Nothing yet: no wrong tries and no help.")]:
            self._line(text)
        self._heading(_("Certificates handed out"))
        if not view.issued:
            self.content.addWidget(QLabel(_("None yet.")))
        for certificate_id, text in view.issued:
            again = BigButton(_("Print again"), "print")
            again.setAccessibleName(_("Print again: {what}").format(what=text))
            again.clicked.connect(lambda _c=False, i=certificate_id:
                                  self.reprint.emit(self.learner_id, i))
            self.content.addWidget(_row(QLabel(text), again))
        self._heading(_("Notes"))
        for text in view.notes or [_("No notes yet.")]:
            self._line(text)
        self.content.addStretch(1)

    def _lesson_row(self, line: LessonLine) -> QWidget:
        buttons = []
        if line.practise_waiting:
            helped = BigButton(_("Done with help"), "ok-done",
                               description=_("The practise step was done with help"))
            helped.clicked.connect(lambda _c=False, i=line.lesson_id:
                                   self.practise_helped.emit(self.learner_id, i))
            buttons.append(helped)
        if line.done:
            cert = BigButton(_("Certificate"), "star")
            cert.setAccessibleName(_("Certificate for {lesson}").format(lesson=line.text))
            cert.clicked.connect(lambda _c=False, i=line.lesson_id:
                                 self.certificate.emit(self.learner_id, i))
            buttons.append(cert)
        text = QLabel("\n".join(part for part in (line.text, line.success) if part))
        text.setWordWrap(True)
        return _row(text, *buttons)

    def _heading(self, text: str) -> None:
        label = QLabel(text)
        label.setProperty("role", "instruction")
        self.content.addWidget(label)

    def _line(self, text: str) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        self.content.addWidget(label)


def _row(text: QLabel, *buttons: QWidget) -> QWidget:
    """A line of text with its buttons at the right, as one widget (cleared as one)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(text, 1)
    for button in buttons:
        layout.addWidget(button)
    return row
