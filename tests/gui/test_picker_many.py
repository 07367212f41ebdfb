"""A busy location's picker: hundreds of learners, their tiles made a few rows at a time,
and every learner still reachable by scrolling, by Tab, and by name for a screen reader."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSlider, QApplication

from oefenplek.app import Running
from oefenplek.gui.screens.picker import BATCH
from oefenplek.gui.widgets.buttons import TileButton

from .people import click, end_visit, settle

LEARNERS = 240  # eight times what the first rows show
COLUMNS_AHEAD = 3  # Tab presses past the last tile made when Tab started


@pytest.fixture
def busy(start_app: Callable[..., Running]) -> Running:
    """The app started on a location with LEARNERS learners, none of whom came in yet."""
    first = start_app()
    for number in range(LEARNERS):
        first.repository.add_learner(f"Deelnemer {number:03}", "kat")
    return start_app()


def test_the_picker_makes_the_first_rows_and_the_rest_as_the_learner_scrolls(
        busy: Running, qtbot) -> None:
    picker = busy.window.picker
    settle()
    assert len(picker.learners) == LEARNERS
    assert BATCH <= len(picker.tiles) < LEARNERS  # a screenful or two, not all
    bar = picker.area.verticalScrollBar()
    for _ in range(LEARNERS // BATCH + 1):  # drag the scroll bar to the end, again and again
        if len(picker.tiles) == LEARNERS:
            break
        end = bar.maximum()
        bar.triggerAction(QAbstractSlider.SliderAction.SliderToMaximum)
        qtbot.waitUntil(lambda end=end: bar.maximum() > end, timeout=2000)  # more rows came
    assert list(picker.tiles) == [learner.id for learner in picker.learners]
    last = picker.learners[-1]  # came in first: last on the picker
    click(qtbot, picker.tiles[last.id])
    assert busy.window.current_screen() is busy.window.lessons
    assert last.name in busy.window.lessons.title.text()


def test_tab_goes_on_past_the_tiles_made_so_far(busy: Running, qtbot) -> None:
    picker = busy.window.picker
    settle()
    made = len(picker.tiles)
    picker.new_tile.setFocus()
    for _ in range(made + COLUMNS_AHEAD):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        settle()
    focused = QApplication.focusWidget()
    assert isinstance(focused, TileButton) and focused in picker.tiles.values()
    index = list(picker.tiles.values()).index(focused)
    assert index >= made  # a tile that was not there when Tab started
    assert picker.area.viewport().rect().intersects(
        focused.geometry().translated(picker.grid_host.pos()))  # and it is in view
    assert focused.accessibleName() == picker.learners[index].name



def test_the_same_learners_again_keep_their_tiles(busy: Running, qtbot) -> None:
    picker = busy.window.picker
    settle()
    before = list(picker.tiles.values())
    click(qtbot, picker.staff)  # the staff door, and back: nobody changed
    click(qtbot, busy.window.door.back_button)
    assert busy.window.current_screen() is picker
    assert list(picker.tiles.values()) == before
    chosen = picker.learners[7]
    click(qtbot, picker.tiles[chosen.id])  # someone comes in: first on the picker after
    end_visit(qtbot, busy)
    settle()
    first = next(iter(picker.tiles.values()))
    assert picker.learners[0].id == chosen.id and first.accessibleName() == chosen.name
    assert first not in before
