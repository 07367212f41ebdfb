"""How the player shares the screen between the words and the simulated screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .people import add_new_learner, begin_lesson, press_next, tap_target, tile_named


def test_after_feedback_the_next_step_gives_its_screen_all_the_room(qtbot, start_app) -> None:
    app = start_app()
    add_new_learner(qtbot, app, "Fatima", "kat")
    qtbot.mouseClick(tile_named(app.window.lessons.lesson_tiles, "Proefles"),
                     Qt.MouseButton.LeftButton)
    begin_lesson(qtbot, app)
    player = app.window.player
    press_next(qtbot, app)
    tap_target(qtbot, app)  # the tap step: a kind word appears under the instruction
    assert player.feedback.isVisible()
    press_next(qtbot, app)  # the type step
    QApplication.processEvents()
    assert player.view.step.kind == "type" and not player.feedback.isVisible()
    # The words take the height of the instruction only; the step's view gets the rest. (The
    # Nu zelf sign of this unguided step sits beside the progress dots, not above the words.)
    assert player.own.isVisible()
    assert player.text_area.height() <= player.instruction.height() + 30
