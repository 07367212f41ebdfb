"""A choose step: pick one of 2 to 4 answers, as big buttons with text and maybe a picture."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from oefenplek.core.engine import Feedback
from oefenplek.core.lessons.model import Step
from oefenplek.gui import theme
from oefenplek.gui.icons import file_pixmap, icon
from oefenplek.gui.steps.base import LESSON_TEXT, StepView
from oefenplek.gui.steps.explain import picture_label
from oefenplek.gui.widgets.buttons import BigButton


class ChooseView(StepView):
    def __init__(self, step: Step, seed: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(step, seed, parent)
        visual = picture_label(step, QSize(420, 260)) or self.screen_widget()
        grid = QGridLayout()
        grid.setSpacing(16)
        columns = 2 if len(step.options) == 4 and visual is None else 1
        if visual is not None:
            # Answers beside the picture or screen, so neither is squeezed.
            row = QHBoxLayout()
            row.setSpacing(20)
            row.addWidget(visual, 3)
            row.addLayout(grid, 2)
            self.layout_.addLayout(row, 1)
        self.buttons: list[BigButton] = []
        self._last = 0
        for index, option in enumerate(step.options):
            button = BigButton(option.text, "")
            button.setProperty(LESSON_TEXT, True)
            button.setProperty("role", "choice")
            if option.picture is not None:
                button.setIcon(file_pixmap(str(option.picture), QSize(64, 64)))
                button.setIconSize(QSize(64, 64))
            button.clicked.connect(lambda _c=False, i=index: self._chosen(i))
            grid.addWidget(button, index // columns, index % columns)
            self.buttons.append(button)
        if visual is None:
            self.layout_.addLayout(grid)
            self.layout_.addStretch(1)
        else:
            grid.setRowStretch(len(step.options), 1)

    def _chosen(self, index: int) -> None:
        self._last = index
        self.answered.emit(index, self.step.options[index].text)

    def _mark(self, button: BigButton, state: str) -> None:
        button.setProperty("state", state)
        if state == "right":
            button.setIcon(icon("check", theme.current.palette.good_text))
        button.style().unpolish(button)
        button.style().polish(button)

    def show_feedback(self, feedback: Feedback) -> None:
        if feedback.correct:
            self.show_solved()
            return
        self._mark(self.buttons[self._last], "tried")
        if feedback.reveal:
            self.show_answer()

    def _right(self) -> int:
        return next(i for i, option in enumerate(self.step.options) if option.correct)

    def show_answer(self) -> None:
        self._mark(self.buttons[self._right()], "right")

    def show_solved(self) -> None:
        self.show_answer()

    def answer_text(self) -> str:
        return self.step.options[self._right()].text

    def focus_first(self) -> None:
        self.buttons[0].setFocus()
