"""An explain step: a picture or a screen to look at; the learner reads or listens."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QWidget

from oefenplek.core.lessons.model import Step
from oefenplek.gui.steps.base import StepView
from oefenplek.gui.widgets.svg_screen import SvgScreen

PICTURE_SIZE = QSize(520, 340)


def picture_label(step: Step, size: QSize = PICTURE_SIZE) -> SvgScreen | None:
    """The step's picture, drawn as large as fits (it shrinks when the letters are big)."""
    if step.picture is None:
        return None
    picture = SvgScreen()
    picture.set_screen(step.picture.read_bytes())
    picture.setMaximumSize(size)
    picture.setAccessibleName(step.text)
    return picture


class ExplainView(StepView):
    def __init__(self, step: Step, seed: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(step, seed, parent)
        picture = picture_label(step)
        if picture is not None:
            self.layout_.addWidget(picture, 1, Qt.AlignmentFlag.AlignHCenter)
        screen = self.screen_widget()
        if screen is not None:
            self.layout_.addWidget(screen, 1)
        if picture is None and screen is None:
            self.layout_.addStretch(1)
