"""What a person does with the app, in small steps the tests can share."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from oefenplek.app import Running
from oefenplek.gui.widgets.buttons import TileButton


def visible_text(widget: QWidget) -> str:
    """All text a person can see on the widget right now."""
    QApplication.processEvents()  # widgets added a moment ago are shown by the event loop
    parts = [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]
    return " ".join(parts)


def tile_named(tiles: dict[str, TileButton], title: str) -> TileButton:
    return next(tile for tile in tiles.values() if tile.title.text() == title)


def type_text(qtbot, field, text: str) -> None:
    """Type as a person would; letters QTest cannot type (ë, ğ, م) arrive as from a paste."""
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)


def add_new_learner(qtbot, app: Running, name: str, picture: str) -> None:
    window = app.window
    qtbot.mouseClick(window.picker.new_tile, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.new_learner
    type_text(qtbot, window.new_learner.name, name)
    qtbot.mouseClick(window.new_learner.next, Qt.MouseButton.LeftButton)
    tile = next(t for t in window.new_learner.avatar_tiles.values() if t.title.text() == picture)
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.new_learner.next, Qt.MouseButton.LeftButton)


def tap_screen(qtbot, app: Running, where: QPoint) -> None:
    view = app.window.player.view
    qtbot.mouseClick(view.screen, Qt.MouseButton.LeftButton, pos=where)


def tap_target(qtbot, app: Running) -> None:
    tap_screen(qtbot, app, app.window.player.view.screen.target_center().toPoint())


def tap_beside_target(qtbot, app: Running) -> None:
    screen = app.window.player.view.screen
    area = screen.drawing_rect()
    target = screen.to_widget(screen.element_rect(screen.target))
    for x, y in ((area.right() - 30, area.bottom() - 30), (area.left() + 30, area.bottom() - 30)):
        if not target.contains(x, y):
            return tap_screen(qtbot, app, QPoint(int(x), int(y)))
    raise AssertionError("no free place to tap beside the target")


def press_next(qtbot, app: Running) -> None:
    assert app.window.player.next.isEnabled()
    qtbot.mouseClick(app.window.player.next, Qt.MouseButton.LeftButton)
