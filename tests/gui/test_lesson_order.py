"""A learner reads a theme's lessons in the order their writers linked them with `next`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from oefenplek import paths

from .people import add_new_learner


def test_the_digid_lessons_read_from_what_digid_is_to_the_real_website(
        qtbot, start_app) -> None:
    app = start_app([paths.lessons_dir()])
    add_new_learner(qtbot, app, "Fatima", "kat")
    lessons = app.window.lessons
    qtbot.mouseClick(lessons.theme_buttons["digid"], Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    # In reading order: row by row, left to right.
    tiles = sorted(lessons.lesson_tiles.values(), key=lambda tile: (tile.y(), tile.x()))
    assert [tile.title.text() for tile in tiles] == [
        "Wat is DigiD?",
        "DigiD aanvragen",
        "De DigiD app activeren",
        "Inloggen met de DigiD app",
        "Pincode van de DigiD app vergeten",
        "Inloggen met een sms-code",
        "Iemand laten helpen: machtigen",
        "Post van de overheid: MijnOverheid",
        "Een brief over toeslagen in de Berichtenbox",
        "Is dit echt DigiD?",
    ]
