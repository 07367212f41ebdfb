"""A new learner practises, stops half way, comes back another day and finishes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .people import (
    add_new_learner,
    begin_lesson,
    past_the_recap,
    press_next,
    tap_beside_target,
    tap_target,
    tile_named,
    visible_text,
)

#: Learners and volunteers do this on the embedded file and on a location database.
pytestmark = pytest.mark.usefixtures("each_database")


def test_a_learner_stops_half_way_and_continues_another_day(qtbot, start_app) -> None:
    app = start_app()
    window = app.window
    add_new_learner(qtbot, app, "Fatima", "vlinder")
    assert window.current_screen() is window.lessons
    assert "Hallo Fatima!" in window.lessons.title.text()
    tile = tile_named(window.lessons.lesson_tiles, "Proefles")
    assert "Nieuw" in tile.subtitle.text() and "5 minuten" in tile.subtitle.text()

    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    begin_lesson(qtbot, app)
    player = window.player
    assert window.current_screen() is player
    assert player.dots.label.text() == "stap 1 van 6"
    press_next(qtbot, app)

    # The tap step: a wrong place gets kind words and the hint, the right place praise.
    assert player.instruction.text() == "Tik op Instellingen."
    assert not player.next.isEnabled()
    tap_beside_target(qtbot, app)
    assert "Bijna. Probeer het nog eens." in visible_text(player)
    assert "Instellingen is het grijze rondje." in visible_text(player)
    assert not player.next.isEnabled()
    tap_target(qtbot, app)
    assert "Goed zo!" in player.feedback_text.text() or "Heel goed!" in player.feedback_text.text()
    press_next(qtbot, app)

    # The type step.
    assert player.dots.label.text() == "stap 3 van 6"
    qtbot.keyClicks(player.view.field, "Bieb2024")
    qtbot.keyClick(player.view.field, Qt.Key.Key_Return)
    press_next(qtbot, app)
    assert player.dots.label.text() == "stap 4 van 6"

    # Stop half way and close the app.
    qtbot.mouseClick(player.stop, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.lessons
    assert "Bezig: stap 4 van 6" in tile_named(window.lessons.lesson_tiles,
                                               "Proefles").subtitle.text()
    window.close()
    learner_id = next(iter(app.repository.learners())).id
    app.database.close()

    # Days later: the same database, the tile is there, the lesson is busy at step 4.
    again = start_app()
    window = again.window
    assert [t.title.text() for t in window.picker.tiles.values()] == ["Fatima"]
    qtbot.mouseClick(window.picker.tiles[learner_id], Qt.MouseButton.LeftButton)
    tile = tile_named(window.lessons.lesson_tiles, "Proefles")
    assert "Bezig: stap 4 van 6" in tile.subtitle.text()
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)  # busy: no start screen, the step
    player = window.player
    assert window.current_screen() is player
    assert player.dots.label.text() == "stap 4 van 6"
    assert player.instruction.text() == "Welk netwerk is van de bibliotheek?"

    # Back never loses anything: the type step still shows the answer and lets us on.
    qtbot.mouseClick(player.back, Qt.MouseButton.LeftButton)
    assert player.view.field.text() == "Bieb2024" and player.next.isEnabled()
    press_next(qtbot, again)

    qtbot.mouseClick(player.view.buttons[1], Qt.MouseButton.LeftButton)  # Bibliotheek-Gast
    press_next(qtbot, again)
    order = player.view
    for item in range(3):
        qtbot.mouseClick(order.buttons[item], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(order.ok, Qt.MouseButton.LeftButton)
    press_next(qtbot, again)
    qtbot.mouseClick(player.view.done, Qt.MouseButton.LeftButton)
    assert player.next.text() == "Afronden"
    press_next(qtbot, again)
    past_the_recap(qtbot, again)

    end = window.end
    assert window.current_screen() is end
    assert end.title.text() == "Goed gedaan, Fatima!"
    assert "Ik kan op een app tikken." in visible_text(end)
    assert "Morgen oefen je verder." in visible_text(end)
    assert end.next_lesson.isVisible() and "Tweede les" in end.next_lesson.text()

    # The database holds every answer, in order, and the run is finished.
    [run] = again.repository.runs(learner_id)
    assert run.finished_at is not None and run.lesson_version == 2
    outcomes = [(step, outcome) for step, outcome, _answer in again.repository.attempts(run.id)]
    assert outcomes == [(1, "wrong"), (1, "correct"), (2, "correct"), (3, "correct"),
                        (4, "correct"), (5, "correct")]
    qtbot.mouseClick(end.to_lessons, Qt.MouseButton.LeftButton)
    assert "Klaar" in tile_named(window.lessons.lesson_tiles, "Proefles").subtitle.text()
