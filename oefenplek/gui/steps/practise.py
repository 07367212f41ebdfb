"""A practise step: the learner does it on their own phone or tablet, then says how it went."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from oefenplek.core.engine import Feedback, PractiseAnswer
from oefenplek.core.lessons.model import Step
from oefenplek.gui.steps.base import StepView
from oefenplek.gui.steps.explain import picture_label
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.flow import flow_row
from oefenplek.i18n import _


class PractiseView(StepView):
    def __init__(self, step: Step, seed: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(step, seed, parent)
        picture = picture_label(step)
        screen = None if picture is not None else self.screen_widget()
        if picture is not None:
            self.layout_.addWidget(picture, 1, Qt.AlignmentFlag.AlignHCenter)
        elif screen is not None:
            self.layout_.addWidget(screen, 1)
        else:
            self.layout_.addStretch(1)
        row_host, row = flow_row()
        self.done = BigButton(_("It worked"), "ok-done")
        self.help = BigButton(_("I want help"), "help")
        self.skip = BigButton(_("Not now"), "next",
                              description=_("I cannot do this now, for example without a tablet"))
        for button, choice in ((self.done, PractiseAnswer.DONE), (self.help, PractiseAnswer.HELP),
                               (self.skip, PractiseAnswer.SKIP)):
            button.clicked.connect(lambda _c=False, c=choice: self.answered.emit(c, c.value))
            row.addWidget(button)
        self.layout_.addWidget(row_host)

    def visual_aspect(self) -> float | None:
        """Always stacked: the three answers need the whole width."""
        return None

    def show_feedback(self, feedback: Feedback) -> None:
        self.show_solved()

    def show_solved(self) -> None:
        for button in (self.done, self.help, self.skip):
            button.setEnabled(False)

    def focus_first(self) -> None:
        self.done.setFocus()
