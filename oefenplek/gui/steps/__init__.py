"""One view per step kind. A view shows a step and reports the learner's answer."""

from __future__ import annotations

from oefenplek.core.lessons.model import Step
from oefenplek.gui.steps.base import StepView
from oefenplek.gui.steps.choose import ChooseView
from oefenplek.gui.steps.explain import ExplainView
from oefenplek.gui.steps.order import OrderView
from oefenplek.gui.steps.practise import PractiseView
from oefenplek.gui.steps.tap import TapView
from oefenplek.gui.steps.typing import TypeView

__all__ = [
    "VIEWS",
    "ChooseView",
    "ExplainView",
    "OrderView",
    "PractiseView",
    "StepView",
    "TapView",
    "TypeView",
    "view_for",
]

VIEWS: dict[str, type[StepView]] = {
    "explain": ExplainView,
    "tap": TapView,
    "type": TypeView,
    "choose": ChooseView,
    "order": OrderView,
    "practise": PractiseView,
}


def view_for(step: Step, seed: int = 0) -> StepView:
    return VIEWS[step.kind](step, seed)
