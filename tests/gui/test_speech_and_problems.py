"""Read-aloud, and the app staying kind and usable when something is wrong."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from oefenplek import paths
from oefenplek.gui.speech import Speaker

from ..conftest import FIXTURES
from .people import add_new_learner, press_next


def test_listen_reads_the_step_with_dutch_pronunciations(qtbot, start_app) -> None:
    app = start_app()
    speaker = app.controller.speaker
    assert speaker.available
    window = app.window
    qtbot.mouseClick(window.picker.listen, Qt.MouseButton.LeftButton)
    assert speaker.last_text.startswith("Wie ben jij? Tik op je tekening.")
    add_new_learner(qtbot, app, "Ahmed", "fiets")
    app.controller.open_lesson("proef-les")
    press_next(qtbot, app)
    qtbot.mouseClick(window.player.listen, Qt.MouseButton.LeftButton)
    assert speaker.last_text == "Tik op Instellingen."
    assert window.player.listen.isEnabled()


def test_without_a_speech_engine_listen_is_disabled_with_a_reason(qtbot) -> None:
    speaker = Speaker(engine="no-such-engine")
    assert not speaker.available and speaker.reason
    speaker.say("Hallo")  # does nothing, fails nothing


def test_a_broken_lesson_never_stops_the_app(qtbot, start_app) -> None:
    app = start_app([FIXTURES / "lessons", FIXTURES / "broken"])
    add_new_learner(qtbot, app, "Riet", "tulp")
    shown = set(app.window.lessons.lesson_tiles)
    assert shown == {"proef-les"}  # the tablet theme; broken ones left out
    assert len(app.catalog.errors) >= 3


def test_the_coordinator_is_told_which_lessons_were_left_out(home: Path) -> None:
    from oefenplek.app import report_left_out
    from oefenplek.core.lessons import load_catalog

    report_left_out(load_catalog([FIXTURES / "lessons", FIXTURES / "broken"]))
    text = (paths.data_dir() / "lesson-problems.txt").read_text(encoding="utf-8")
    assert "kapotte-les" in text and "onbekend-soort" in text


def test_a_name_problem_is_said_in_plain_words(qtbot, start_app) -> None:
    app = start_app()
    window = app.window
    add_new_learner(qtbot, app, "Fatima", "kat")
    qtbot.mouseClick(window.lessons.stop, Qt.MouseButton.LeftButton)
    add_new_learner(qtbot, app, "fatima", "kat")
    screen = window.new_learner
    assert window.current_screen() is screen
    assert screen.picture_problem.isVisible()
    assert "Kies een andere tekening" in screen.picture_problem.text()
    tile = screen.avatar_tiles["dog"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.next, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.lessons
    assert len(app.repository.learners()) == 2


def test_an_empty_name_is_asked_for_again(qtbot, start_app) -> None:
    app = start_app()
    window = app.window
    qtbot.mouseClick(window.picker.new_tile, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.new_learner.name, "   ")
    qtbot.mouseClick(window.new_learner.next, Qt.MouseButton.LeftButton)
    assert window.new_learner.problem.text() == "Typ je voornaam of een bijnaam."
    assert window.new_learner.pages.currentIndex() == 0


def test_a_tap_step_can_be_answered_with_the_keyboard(qtbot, start_app) -> None:
    app = start_app()
    add_new_learner(qtbot, app, "Kees", "boot")
    app.controller.open_lesson("proef-les")
    press_next(qtbot, app)
    screen = app.window.player.view.screen
    assert screen.places == ["app-instellingen", "app-camera"]
    screen.setFocus()
    qtbot.keyClick(screen, Qt.Key.Key_Right)  # to the camera: not the target
    qtbot.keyClick(screen, Qt.Key.Key_Return)
    assert "Bijna" in app.window.player.feedback_text.text()
    qtbot.keyClick(screen, Qt.Key.Key_Left)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    assert app.window.player.next.isEnabled()
    qtbot.keyClick(app.window.player.next, Qt.Key.Key_Space)
    assert app.window.player.dots.label.text() == "stap 3 van 6"


def test_the_about_box_shows_the_version(qtbot, start_app) -> None:
    from oefenplek.cli import app_version

    app = start_app()
    qtbot.mouseClick(app.window.picker.about, Qt.MouseButton.LeftButton)
    box = app.window.about_box
    assert box.isVisible() and app_version() in box.text()
    box.accept()
