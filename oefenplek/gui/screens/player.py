"""Playing a lesson: one step per screen, dots for progress, Terug and Verder.

The player only shows: the controller asks the engine what is true and tells the player.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from oefenplek.core.engine import Feedback, Outcome
from oefenplek.core.lessons.model import Step
from oefenplek.gui import theme
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.steps import StepView, view_for
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.dots import ProgressDots
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import N_, _

PRAISE = (N_("Well done!"), N_("Very good!"), N_("Great, that is right!"))
TRY_AGAIN = N_("Almost. Try again.")


def feedback_sentence(feedback: Feedback, step: Step, answer: str) -> str:
    """The kind words after an answer. Never 'wrong': a hint, then the answer shown."""
    if feedback.outcome is Outcome.CORRECT:
        return _(PRAISE[feedback.wrong_tries % len(PRAISE)])
    if feedback.outcome is Outcome.HELPED:
        return _("Good that you ask. Do it together with the volunteer.")
    if feedback.outcome is Outcome.SKIPPED:
        return _("No problem. You can practise this later.")
    parts = [feedback.option_feedback] if feedback.option_feedback else []
    if feedback.reveal:
        if step.kind == "tap":
            parts.append(_("Look: it is the place with the orange frame. Tap it."))
        elif answer:
            parts.append(_("The right answer is: {answer}").format(answer=answer))
    else:
        if not parts:
            parts.append(_(TRY_AGAIN))
        if feedback.hint:
            parts.append(feedback.hint)
    return " ".join(parts)


class PlayerScreen(LearnerScreen):
    answered = Signal(object, str)
    next_requested = Signal()
    back_requested = Signal()
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dots = ProgressDots()
        outer = self.layout()
        assert outer is not None  # LearnerScreen.__init__ always gives the screen its layout
        outer.replaceWidget(self.title, self.dots)
        self.title.setVisible(False)  # the lesson title is on the tile; the progress goes here
        self.stop = BigButton(_("Stop"), "stop",
                              description=_("Stop this lesson. You can continue later."))
        self.stop.clicked.connect(self.stop_requested.emit)
        self.header_buttons.addWidget(self.stop)
        self.stop.setSizePolicy(self.stop.sizePolicy().horizontalPolicy(),
                                self.stop.sizePolicy().verticalPolicy())
        self.instruction = QLabel()
        self.instruction.setProperty("role", "instruction")
        self.instruction.setWordWrap(True)
        self.instruction.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # Text (instruction, feedback) and the step's view: stacked, or side by side when the
        # letters are big or the screen is a phone standing upright.
        self.text_column = QVBoxLayout()
        self.text_column.setSpacing(14)
        self.text_column.addWidget(self.instruction)
        self.step_host = QVBoxLayout()
        self.content = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.content.setSpacing(18)
        text_host = QWidget()
        text_host.setLayout(self.text_column)
        self._text_host = text_host  # what text_area scrolls; typed, unlike its widget()
        self.text_area = scroll_area(text_host)
        self.text_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text_area.setSizeAdjustPolicy(QScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.content.addWidget(self.text_area)
        self.content.addLayout(self.step_host, 1)
        self.body.addLayout(self.content, 1)
        self.feedback = QFrame()
        feedback_layout = QHBoxLayout(self.feedback)
        feedback_layout.setContentsMargins(20, 12, 20, 12)
        self.feedback_text = QLabel()
        self.feedback_text.setWordWrap(True)
        feedback_layout.addWidget(self.feedback_text)
        self.feedback.setVisible(False)
        self.text_column.addWidget(self.feedback)
        self.text_column.addStretch(0)
        footer = QHBoxLayout()
        footer.setSpacing(16)
        self.back = BigButton(_("Back"), "back", description=_("To the previous step"))
        self.next = BigButton(_("Next"), "next", role="primary",
                              description=_("To the next step"))
        self.back.clicked.connect(self.back_requested.emit)
        self.next.clicked.connect(self.next_requested.emit)
        footer.addWidget(self.back)
        footer.addStretch(1)
        footer.addWidget(self.next)
        self.body.addLayout(footer)
        self.view: StepView | None = None
        self.spoken_step = ""

    def show_step(self, step: Step, number: int, total: int, *, can_go_back: bool,
                  can_go_on: bool, solved: bool, revealed: bool, seed: int = 0) -> None:
        self.dots.show_step(number, total)
        self.unmark_word()
        self.spoken_step = step.spoken
        self.instruction.setText(step.text)
        self.instruction.setAccessibleName(step.text)
        if self.view is not None:
            self.step_host.removeWidget(self.view)
            self.view.hide()
            self.view.deleteLater()
        self.view = view_for(step, seed)
        self.view.answered.connect(self.answered.emit)
        self.step_host.addWidget(self.view, 1)
        self.feedback.setVisible(False)  # before measuring the text: the old feedback is gone
        self._arrange(self.view.visual_aspect())
        if solved and step.kind != "explain":
            self.view.show_solved()
        elif revealed:
            self.view.show_answer()
        self.back.setVisible(can_go_back)
        self.set_can_go_on(can_go_on, last=number == total)
        if step.kind == "explain" or solved:
            self.next.setFocus()
        else:
            self.view.focus_first()

    def _arrange(self, aspect: float | None) -> None:
        """Side by side for big letters or an upright phone; stacked otherwise."""
        side = aspect is not None and (theme.current.scale >= 1.5 or aspect < 1.0)
        self.content.setDirection(QBoxLayout.Direction.LeftToRight if side
                                  else QBoxLayout.Direction.TopToBottom)
        self.content.setStretchFactor(self.text_area, 3 if side else 0)
        self.content.setStretchFactor(self.step_host, 2 if side else 1)
        if side:
            self.text_column.setStretch(self.text_column.count() - 1, 1)
        else:
            self.text_column.setStretch(self.text_column.count() - 1, 0)
        self._side = side
        self._fit_text()

    def _fit_text(self) -> None:
        """Stacked, the text takes only the height it needs; the screen gets the rest."""
        host = self._text_host
        host.adjustSize()
        if getattr(self, "_side", False):
            self.text_area.setMaximumHeight(16_777_215)
        else:
            width = max(200, self.width() - 80)
            layout = self.text_column  # the layout of host
            needed = layout.heightForWidth(width) if layout.hasHeightForWidth() \
                else host.sizeHint().height()
            self.text_area.setMaximumHeight(needed + 6)

    def set_can_go_on(self, can_go_on: bool, last: bool = False) -> None:
        self.next.setEnabled(can_go_on)
        if last:
            self.next.set_text(_("Finish"))
        else:
            self.next.set_text(_("Next"))

    def show_feedback(self, feedback: Feedback, step: Step, can_go_on: bool) -> None:
        assert self.view is not None
        self.view.show_feedback(feedback)
        text = feedback_sentence(feedback, step, self.view.answer_text())
        good = feedback.outcome is not Outcome.WRONG
        self.feedback.setProperty("role", "feedback-good" if good else "feedback-try")
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)
        self.unmark_word()
        self.feedback_text.setText(text)
        self.feedback_text.setAccessibleName(text)
        self.feedback.setVisible(True)
        self._fit_text()
        self.next.setEnabled(can_go_on)
        if can_go_on and feedback.outcome is not Outcome.WRONG:
            self.next.setFocus()

    def spoken_parts(self) -> list[QLabel]:
        return [self.instruction, self.feedback_text]

    def mark_word(self, start: int, length: int) -> None:
        """Like every screen, except that a step with its own `say` is not marked word by word."""
        marked = self._marked is self.instruction
        written = self.instruction.property("plain") if marked else self.instruction.text()
        if self.spoken_step != written:
            if start <= len(self.spoken_step):
                return
            start += len(written) - len(self.spoken_step)
        super().mark_word(start, length)

    def spoken_text(self) -> str:
        """The step as the lesson wants it said (its `say`), then any feedback."""
        parts = [self.spoken_step] if self.spoken_step else []
        if self.feedback.isVisibleTo(self) and self.feedback_text.text():
            parts.append(self.feedback_text.text())
        return " ".join(parts)
