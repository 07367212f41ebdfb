"""Certificates for a group at the end of a course: one lesson, the learners who did it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from oefenplek.gui.staff.base import StaffScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.discard import discard
from oefenplek.i18n import _


class BatchScreen(StaffScreen):
    lesson_changed = Signal(str)
    print_requested = Signal(str, list)  # lesson id, learner ids
    save_requested = Signal(str, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Certificates for a group"), _("Back"), parent=parent)
        self.lesson = QComboBox()
        self.lesson.setAccessibleName(_("Lesson"))
        self.lesson.setMinimumHeight(56)
        self.lesson.currentIndexChanged.connect(
            lambda _i: self.lesson_changed.emit(self.lesson.currentData() or ""))
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Lesson:")))
        row.addWidget(self.lesson, 1)
        self.top.addLayout(row)
        self.top.addWidget(QLabel(_("Learners who finished it:")))
        self.people_host, self.people = self.content_host, self.content
        self.people.addStretch(1)  # the names go above it
        self.checks: dict[str, QCheckBox] = {}
        self.save = BigButton(_("Save as PDF"), "check")
        self.save.clicked.connect(lambda: self.save_requested.emit(*self._choice()))
        self.print = BigButton(_("Print"), "print", role="primary")
        self.print.clicked.connect(lambda: self.print_requested.emit(*self._choice()))
        self.footer.addWidget(self.save)
        self.footer.addWidget(self.print)

    def show_lessons(self, lessons: list[tuple[str, str]]) -> None:
        self.lesson.blockSignals(True)
        self.lesson.clear()
        for lesson_id, title in lessons:
            self.lesson.addItem(title, lesson_id)
        self.lesson.blockSignals(False)
        self.status.clear()
        self.lesson_changed.emit(self.lesson.currentData() or "")

    def show_people(self, people: list[tuple[str, str]]) -> None:
        discard(self.people, self.checks.values())
        self.checks = {}
        for learner_id, name in people:
            check = QCheckBox(name)
            check.setChecked(True)
            check.setMinimumHeight(48)
            self.people.insertWidget(self.people.count() - 1, check)
            self.checks[learner_id] = check
        has_people = bool(people)
        self.print.setEnabled(has_people)
        self.save.setEnabled(has_people)
        self.status.setText("" if has_people else _("Nobody has finished this lesson yet."))

    def _choice(self) -> tuple[str, list[str]]:
        chosen = [i for i, check in self.checks.items() if check.isChecked()]
        return self.lesson.currentData() or "", chosen
