"""An order step: tap the items in the right order; each tap gives the next number."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from oefenplek.core.engine import Feedback, shuffled_order
from oefenplek.core.lessons.model import Step
from oefenplek.gui.steps.base import LESSON_TEXT, StepView
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.i18n import _


class OrderView(StepView):
    def __init__(self, step: Step, seed: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(step, seed, parent)
        self.shown = shuffled_order(len(step.items), seed)  # item index per row
        self.chosen: list[int] = []
        column = QVBoxLayout()
        column.setSpacing(12)
        self.buttons: dict[int, BigButton] = {}
        for item in self.shown:
            button = BigButton(step.items[item], "")
            button.setProperty(LESSON_TEXT, True)
            button.setProperty("role", "choice")
            button.clicked.connect(lambda _c=False, i=item: self._pick(i))
            column.addWidget(button)
            self.buttons[item] = button
        self.layout_.addLayout(column)
        row = QHBoxLayout()
        self.again = BigButton(_("Start again"), "retry")
        self.again.clicked.connect(self._reset)
        self.ok = BigButton(_("Check"), "check")
        self.ok.clicked.connect(self._submit)
        row.addWidget(self.again)
        row.addStretch(1)
        row.addWidget(self.ok)
        self.layout_.addLayout(row)
        self.layout_.addStretch(1)
        self._refresh()

    def _pick(self, item: int) -> None:
        if item in self.chosen:
            self.chosen = self.chosen[: self.chosen.index(item)]
        else:
            self.chosen.append(item)
        self._refresh()

    def _reset(self) -> None:
        self.chosen = []
        self._refresh()

    def _refresh(self) -> None:
        for item, button in self.buttons.items():
            text = self.step.items[item]
            if item in self.chosen:
                text = f"{self.chosen.index(item) + 1}.  {text}"
            button.set_text(text)
        self.ok.setEnabled(len(self.chosen) == len(self.step.items))

    def _submit(self) -> None:
        self.answered.emit(list(self.chosen), ",".join(str(i) for i in self.chosen))

    def show_feedback(self, feedback: Feedback) -> None:
        if feedback.correct:
            self.show_solved()
        elif feedback.reveal:
            self.show_answer()
        else:
            self._reset()

    def show_answer(self) -> None:
        self.chosen = list(range(len(self.step.items)))
        self._refresh()

    def show_solved(self) -> None:
        self.show_answer()
        for button in self.buttons.values():
            button.setEnabled(False)
        self.again.setEnabled(False)
        self.ok.setEnabled(False)

    def answer_text(self) -> str:
        return "; ".join(self.step.items)

    def focus_first(self) -> None:
        self.buttons[self.shown[0]].setFocus()
