"""The real curriculum's lesson tiles on a common library screen (1366×768): every title and
every line under it can be read whole, at 100 % and at 200 % letters; at 200 % the themes and a
theme's lessons take turns, with a button back to the themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from oefenplek import paths

from .audit import _cut_off
from .people import add_new_learner


@pytest.mark.parametrize("size", [100, 200])
def test_every_lesson_tile_shows_its_whole_title(qtbot, start_app, size: int) -> None:
    app = start_app([paths.lessons_dir()])
    add_new_learner(qtbot, app, "Fatima", "kat")
    window = app.window
    qtbot.mouseClick(window.lessons.look, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.preferences.sizes[size], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.preferences.ready, Qt.MouseButton.LeftButton)
    lessons = window.lessons
    cut: list[str] = []
    # At 200 % themes and tiles do not fit side by side: they take turns.
    assert lessons.one_at_a_time == (size == 200)
    assert lessons.tiles_scroll.isVisible() != lessons.one_at_a_time
    for theme_id, button in lessons.theme_buttons.items():
        if lessons.to_themes.isVisible():
            qtbot.mouseClick(lessons.to_themes, Qt.MouseButton.LeftButton)
            assert not lessons.tiles_scroll.isVisible()
        assert button.isVisible()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert lessons.to_themes.isVisible() == lessons.one_at_a_time
        assert not lessons.one_at_a_time or not lessons.theme_scroll.isVisible()
        assert lessons.current_theme == theme_id
        QApplication.processEvents()  # let pending layout requests run, as the event loop would
        for tile in lessons.lesson_tiles.values():
            assert tile.isVisible()
            cut += [f"{theme_id}: '{label.text()}'" for label in (tile.title, tile.subtitle)
                    if _cut_off(label)]
            assert tile.title.geometry().bottom() < tile.subtitle.geometry().top()
            assert tile.subtitle.geometry().bottom() <= tile.height()
        assert lessons.tiles_scroll.horizontalScrollBar().maximum() == 0, theme_id
    assert cut == []
