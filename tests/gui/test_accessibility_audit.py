"""Every learner screen, each step kind, feedback and the end, at 100 % and 200 % text size
and in high contrast, passes the generic audit of DESIGN.md §5."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from oefenplek.core.learners import Preferences

from .audit import audit
from .people import (
    add_new_learner,
    click,
    learner_id,
    open_lesson,
    press_next,
    tap_beside_target,
    tap_target,
    type_text,
)

LOOKS = {
    "normal": Preferences(),
    "200%": Preferences(text_scale=200),
    "high-contrast": Preferences(high_contrast=True),
}


@pytest.mark.parametrize("look", LOOKS, ids=list(LOOKS))
def test_every_learner_screen_passes_the_audit(qtbot, start_app, look: str) -> None:
    app = start_app()
    window = app.window
    found: dict[str, list[str]] = {}

    def check(state: str, screen: QWidget) -> None:
        assert window.current_screen() is screen, state
        found[state] = audit(window, check_focus=look == "normal")

    check("picker, empty", window.picker)
    click(qtbot, window.picker.new_tile)
    check("new learner: name", window.new_learner)
    type_text(qtbot, window.new_learner.name, "Fatima")
    click(qtbot, window.new_learner.next)
    assert window.new_learner.pages.currentIndex() == 1
    check("new learner: picture", window.new_learner)
    click(qtbot, window.new_learner.back)
    click(qtbot, window.new_learner.back)
    assert window.current_screen() is window.picker
    assert app.repository.learners() == []  # going back stores nobody
    add_new_learner(qtbot, app, "Fatima", "kat")
    click(qtbot, window.lessons.look)
    preferences = window.preferences
    wanted = LOOKS[look]
    click(qtbot, preferences.sizes[wanted.text_scale])
    if wanted.high_contrast:
        click(qtbot, preferences.strong)
    check("preferences", preferences)
    click(qtbot, preferences.ready)
    assert app.repository.learner(learner_id(app, "Fatima")).preferences == wanted
    check("lessons", window.lessons)
    open_lesson(qtbot, app, "Proefles")
    player = window.player
    check("step: explain", player)
    press_next(qtbot, app)
    check("step: tap", player)
    tap_beside_target(qtbot, app)
    check("tap: first wrong try, hint", player)
    tap_beside_target(qtbot, app)
    check("tap: answer shown", player)
    tap_target(qtbot, app)
    check("tap: right", player)
    press_next(qtbot, app)
    check("step: type", player)
    type_text(qtbot, player.view.field, "Bieb2024")
    click(qtbot, player.view.ok)
    press_next(qtbot, app)
    check("step: choose", player)
    click(qtbot, player.view.buttons[0])
    check("choose: wrong, with the option's feedback", player)
    click(qtbot, player.view.buttons[1])
    press_next(qtbot, app)
    check("step: order", player)
    for item in range(3):
        click(qtbot, player.view.buttons[item])
    click(qtbot, player.view.ok)
    press_next(qtbot, app)
    check("step: practise", player)
    click(qtbot, player.help)
    found["help question"] = audit(window.ask_help, check_focus=False)
    click(qtbot, window.ask_help.yes)
    check("help is coming", player)
    click(qtbot, player.view.done)
    press_next(qtbot, app)
    check("end", window.end)
    problems = [f"{state}: {problem}" for state, listed in found.items() for problem in listed]
    assert not problems, "\n".join(problems)
