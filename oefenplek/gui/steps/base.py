"""The shape every step view has: it shows a step, reports answers, and shows outcomes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from oefenplek.core.engine import Feedback
from oefenplek.core.lessons import svg
from oefenplek.core.lessons.model import Step
from oefenplek.gui.widgets.svg_screen import SvgScreen

#: A widget of a step that shows the lesson's own text (an option, an item, a field's name
#: on the form): it is in the lesson's language, which may not be the interface's.
LESSON_TEXT = "lesson_text"


class StepView(QWidget):
    """Emits `answered(value, record)`: the value for the engine, a short text to store."""

    answered = Signal(object, str)
    #: The view's controls must stay whole (a field and the answer under it): the player
    #: lets the text above scroll rather than squeeze them.
    keep_whole = False

    def __init__(self, step: Step, seed: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.seed = seed
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(16)

    def screen_widget(self, interactive: bool = False) -> SvgScreen | None:
        """The step's simulated screen with its layers shown or hidden, if it has one."""
        if self.step.screen is None:
            return None
        screen = SvgScreen()
        data = svg.with_layers(self.step.screen, self.step.show, self.step.hide)
        places = svg.tappable_ids(self.step.screen, self.step.show, self.step.hide)
        screen.set_screen(data, self.step.target, interactive, places if interactive else None)
        screen.setAccessibleName(self.step.text)
        return screen

    def visual_aspect(self) -> float | None:
        """Width / height of the step's screen or picture; None when it shows neither."""
        for screen in self.findChildren(SvgScreen):
            view = screen.renderer.viewBoxF()
            if view.height() > 0:
                return view.width() / view.height()
        return 1.5 if self.step.picture is not None else None

    def show_feedback(self, feedback: Feedback) -> None:
        """React to an answer (mark the try, show the answer when revealed)."""

    def show_solved(self) -> None:
        """The step was already done (coming back to it): show it as answered."""

    def show_answer(self) -> None:
        """Show the right answer (after enough wrong tries)."""

    def answer_text(self) -> str:
        """The right answer in words, for the feedback line after it is revealed."""
        return ""

    def focus_first(self) -> None:
        self.setFocus()
