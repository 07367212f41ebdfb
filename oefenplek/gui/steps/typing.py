"""A type step: type into a simulated field (a wifi password, an e-mail address)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from oefenplek.core.engine import Feedback
from oefenplek.core.lessons.model import Step
from oefenplek.gui.steps.base import LESSON_TEXT, StepView
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.i18n import _


class TypeView(StepView):
    keep_whole = True

    def __init__(self, step: Step, seed: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(step, seed, parent)
        screen = self.screen_widget()
        if screen is not None:
            screen.setMinimumSize(0, 0)  # with big letters on a low screen the field comes first
            self.layout_.addWidget(screen, 1)
        label = QLabel(step.field_label or _("Type here:"))
        label.setProperty(LESSON_TEXT, bool(step.field_label))  # the form's own word
        self.field = QLineEdit()
        self.field.setAccessibleName(step.field_label or _("Type here:"))
        self.field.returnPressed.connect(self._submit)
        self.ok = BigButton(_("Check"), "check", description=_("Check what you typed"))
        self.ok.clicked.connect(self._submit)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(label)
        row.addWidget(self.field, 1)
        row.addWidget(self.ok)
        self.layout_.addLayout(row)
        # A *Nu zelf* step shows the right answer here after two wrong tries.
        self.shown_answer = QLabel()
        self.shown_answer.setProperty("role", "answer")
        self.shown_answer.setWordWrap(True)
        self.shown_answer.setVisible(False)
        self.layout_.addWidget(self.shown_answer)
        if screen is None:
            self.layout_.addStretch(1)

    def visual_aspect(self) -> float | None:
        """Always below the screen, never beside it: the field needs the whole width."""
        return None

    def _submit(self) -> None:
        if self.field.text().strip():
            self.answered.emit(self.field.text(), self.field.text())
        else:
            self.field.setFocus()

    def show_feedback(self, feedback: Feedback) -> None:
        if feedback.correct:
            self.show_solved()
        elif feedback.reveal:
            self.show_answer()
        self.field.setFocus()

    def show_answer(self) -> None:
        if self.step.guided:
            return  # a guided step says the answer in its feedback sentence
        text = _("The right answer: {answer}").format(answer=self.step.answer or "")
        self.shown_answer.setText(text)
        self.shown_answer.setAccessibleName(text)
        self.shown_answer.setVisible(True)

    def show_solved(self) -> None:
        if not self.field.text().strip():
            self.field.setText(self.step.answer or "")
        self.field.setReadOnly(True)
        self.ok.setEnabled(False)

    def answer_text(self) -> str:
        return self.step.answer or ""

    def focus_first(self) -> None:
        self.field.setFocus()
