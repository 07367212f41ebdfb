"""Every learner screen, each step kind, feedback and the end, at 100 % and 200 % text size
and in high contrast, passes the generic audit of DESIGN.md §5."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from oefenplek.core.learners import Preferences

from .audit import audit
from .people import add_new_learner, press_next, tap_beside_target, tap_target

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

    def check(state: str) -> None:
        qtbot.wait_until(lambda: window.isVisible())
        found[state] = audit(window, check_focus=look == "normal")

    check("picker, empty")
    qtbot.mouseClick(window.picker.new_tile, Qt.MouseButton.LeftButton)
    check("new learner: name")
    qtbot.keyClicks(window.new_learner.name, "Fatima")
    qtbot.mouseClick(window.new_learner.next, Qt.MouseButton.LeftButton)
    check("new learner: picture")
    qtbot.mouseClick(window.new_learner.back, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.new_learner.back, Qt.MouseButton.LeftButton)
    add_new_learner(qtbot, app, "Fatima", "kat")
    qtbot.mouseClick(window.lessons.look, Qt.MouseButton.LeftButton)
    preferences = window.preferences
    wanted = LOOKS[look]
    qtbot.mouseClick(preferences.sizes[wanted.text_scale], Qt.MouseButton.LeftButton)
    if wanted.high_contrast:
        qtbot.mouseClick(preferences.strong, Qt.MouseButton.LeftButton)
    check("preferences")
    qtbot.mouseClick(preferences.ready, Qt.MouseButton.LeftButton)
    assert app.repository.learner(app.controller.learner.id).preferences == wanted
    check("lessons")
    qtbot.mouseClick(next(iter(window.lessons.lesson_tiles.values())), Qt.MouseButton.LeftButton)
    player = window.player
    check("step: explain")
    press_next(qtbot, app)
    check("step: tap")
    tap_beside_target(qtbot, app)
    check("tap: first wrong try, hint")
    tap_beside_target(qtbot, app)
    check("tap: answer shown")
    tap_target(qtbot, app)
    check("tap: right")
    press_next(qtbot, app)
    check("step: type")
    qtbot.keyClicks(player.view.field, "Bieb2024")
    qtbot.keyClick(player.view.field, Qt.Key.Key_Return)
    press_next(qtbot, app)
    check("step: choose")
    qtbot.mouseClick(player.view.buttons[0], Qt.MouseButton.LeftButton)
    check("choose: wrong, with the option's feedback")
    qtbot.mouseClick(player.view.buttons[1], Qt.MouseButton.LeftButton)
    press_next(qtbot, app)
    check("step: order")
    for item in range(3):
        qtbot.mouseClick(player.view.buttons[item], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(player.view.ok, Qt.MouseButton.LeftButton)
    press_next(qtbot, app)
    check("step: practise")
    qtbot.mouseClick(player.help, Qt.MouseButton.LeftButton)
    found["help question"] = audit(window.ask_help, check_focus=False)
    qtbot.mouseClick(window.ask_help.yes, Qt.MouseButton.LeftButton)
    check("help is coming")
    qtbot.mouseClick(player.view.done, Qt.MouseButton.LeftButton)
    press_next(qtbot, app)
    check("end")
    problems = [f"{state}: {problem}" for state, listed in found.items() for problem in listed]
    assert not problems, "\n".join(problems)
