"""A tap step: tap the right place on a simulated screen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from oefenplek.core.engine import Feedback
from oefenplek.core.lessons.model import Step
from oefenplek.gui.steps.base import StepView
from oefenplek.gui.widgets.svg_screen import SvgScreen


class TapView(StepView):
    # The simulated screen. The name hides QWidget.screen() (the monitor) on this view on
    # purpose: the GUI tests (tests/gui/people.py) reach it as `view.screen`.
    screen: SvgScreen  # type: ignore[assignment]  # shadows QWidget.screen(), see above

    def __init__(self, step: Step, seed: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(step, seed, parent)
        screen = self.screen_widget(interactive=True)
        assert screen is not None  # the loader guarantees a tap step has a screen
        self.screen = screen
        self.screen.tapped.connect(self._tapped)
        self.layout_.addWidget(self.screen, 1)

    def _tapped(self, inside: bool, x: float, y: float) -> None:
        self.answered.emit(inside, f"{x:.0f},{y:.0f}")

    def show_feedback(self, feedback: Feedback) -> None:
        if feedback.correct:
            self.screen.show_target("done")
        elif feedback.reveal:
            self.show_answer()

    def show_answer(self) -> None:
        """Guided: the orange frame. *Nu zelf*: a thick frame and "Hier is het."."""
        self.screen.show_target("reveal" if self.step.guided else "show")

    def show_solved(self) -> None:
        self.screen.show_target("done")

    def focus_first(self) -> None:
        self.screen.setFocus()
