"""One lesson of each theme, opened in the player and taken to the end with clicks and typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from oefenplek import paths
from oefenplek.core.lessons import load_catalog

from .people import add_new_learner, answer_step_right, press_next

CATALOG = load_catalog([paths.lessons_dir()])
FIRST_OF_EACH_THEME = [CATALOG.lessons_of(theme.id)[0] for theme in CATALOG.themes
                       if CATALOG.lessons_of(theme.id)]


@pytest.mark.parametrize("lesson", FIRST_OF_EACH_THEME, ids=lambda lesson: lesson.theme)
def test_a_learner_plays_the_lesson_in_the_player(qtbot, start_app, lesson) -> None:
    app = start_app([paths.lessons_dir()])
    add_new_learner(qtbot, app, "Fatima", "kat")
    qtbot.mouseClick(app.window.lessons.lesson_tiles[lesson.id]
                     if lesson.id in app.window.lessons.lesson_tiles
                     else _tile_in_theme(app, lesson), Qt.MouseButton.LeftButton)
    player = app.window.player
    for step in lesson.steps:
        assert player.instruction.text() == step.text
        if step.kind != "explain":
            answer_step_right(qtbot, app)
        press_next(qtbot, app)
    assert app.window.current_screen() is app.window.end
    assert all(line in [label.text() for label in app.window.end.spoken_parts()]
               for line in lesson.can_do)
    if lesson.next in CATALOG.lessons:  # the end screen offers the lesson the writer linked
        assert CATALOG.lessons[lesson.next].title in app.window.end.next_lesson.text()


def _tile_in_theme(app, lesson):
    app.window.lessons.show_theme(lesson.theme)
    return app.window.lessons.lesson_tiles[lesson.id]
