"""Read-aloud, and the app staying kind and usable when something is wrong."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from oefenplek import __version__, paths
from oefenplek.gui.speech import Speaker

from ..conftest import FIXTURES
from .people import (
    add_new_learner,
    click,
    count_rows,
    learner_id,
    open_lesson,
    press_next,
    type_text,
)


def test_listen_reads_the_step_with_dutch_pronunciations(qtbot, start_app) -> None:
    app = start_app()
    speaker = app.services.speaker
    assert speaker.available
    window = app.window
    assert window.picker.listen.isVisible() and window.picker.listen.isEnabled()
    click(qtbot, window.picker.listen)
    assert speaker.last_text.startswith("Wie ben jij? Tik op je tekening.")
    add_new_learner(qtbot, app, "Ahmed", "fiets")
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)
    click(qtbot, window.player.listen)
    assert speaker.last_text == "Tik op Instellingen."
    assert window.player.listen.isEnabled()
    # Listening is no answer: nothing is stored for the step.
    [run] = app.repository.runs(learner_id(app, "Ahmed"))
    assert app.repository.attempts(run.id) == []


def test_without_the_speech_engine_asked_for_the_built_in_voice_reads(qtbot) -> None:
    speaker = Speaker(engine="no-such-engine")
    assert speaker.available and speaker.uses_builtin and not speaker.reason
    assert speaker.system_problem  # the engine is not there (or Qt's text-to-speech is not)
    speaker.say("Hallo")  # with or without a sound card: fails nothing
    assert speaker.last_text == "Hallo"
    speaker.stop()


def test_a_broken_lesson_never_stops_the_app(qtbot, start_app) -> None:
    app = start_app([FIXTURES / "lessons", FIXTURES / "broken"])
    add_new_learner(qtbot, app, "Riet", "tulp")
    lessons = app.window.lessons
    assert app.window.current_screen() is lessons
    shown = {tile.title.text() for tile in lessons.lesson_tiles.values()}
    assert shown == {"Proefles"}  # the tablet theme; broken ones left out
    assert len(app.catalog.errors) >= 3
    open_lesson(qtbot, app, "Proefles")  # and the good lesson plays
    assert app.window.player.instruction.text() == "Dit is een tablet."
    assert count_rows(app, "lesson_run", "lesson_id = 'proef-les'") == 1


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
    click(qtbot, window.lessons.stop)
    add_new_learner(qtbot, app, "fatima", "kat")
    screen = window.new_learner
    assert window.current_screen() is screen
    assert screen.picture_problem.isVisible()
    assert "Kies een andere tekening" in screen.picture_problem.text()
    assert count_rows(app, "learner") == 1  # the second Fatima is not stored (yet)
    tile = screen.avatar_tiles["dog"]
    click(qtbot, tile)
    click(qtbot, screen.next)
    assert window.current_screen() is window.lessons
    assert sorted((learner.name, learner.avatar) for learner in app.repository.learners()) == [
        ("Fatima", "cat"), ("fatima", "dog")]


def test_an_empty_name_is_asked_for_again(qtbot, start_app) -> None:
    app = start_app()
    window = app.window
    click(qtbot, window.picker.new_tile)
    type_text(qtbot, window.new_learner.name, "   ")
    click(qtbot, window.new_learner.next)
    assert window.new_learner.problem.text() == "Typ je voornaam of een bijnaam."
    assert window.new_learner.pages.currentIndex() == 0
    assert window.new_learner.name.isVisible()
    assert count_rows(app, "learner") == 0


def test_a_tap_step_can_be_answered_with_the_keyboard(qtbot, start_app) -> None:
    app = start_app()
    add_new_learner(qtbot, app, "Kees", "boot")
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)
    player = app.window.player
    screen = player.view.screen
    assert screen.places == ["app-instellingen", "app-camera"]
    assert app.window.isActiveWindow()  # no stray window took the keys away on the way
    qtbot.waitUntil(screen.hasFocus, timeout=2000)  # the step puts the keys on the screen
    qtbot.keyClick(screen, Qt.Key.Key_Right)  # to the camera: not the target
    qtbot.keyClick(screen, Qt.Key.Key_Return)
    assert "Bijna" in player.feedback_text.text()
    assert not player.next.isEnabled()
    qtbot.keyClick(screen, Qt.Key.Key_Left)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    assert player.next.isEnabled()
    qtbot.keyClick(player.next, Qt.Key.Key_Space)
    assert player.dots.label.text() == "stap 3 van 6"
    [run] = app.repository.runs(learner_id(app, "Kees"))
    assert [(step, outcome) for step, outcome, _answer in app.repository.attempts(run.id)] == [
        (1, "wrong"), (1, "correct")]


def test_the_about_box_shows_the_version(qtbot, start_app) -> None:
    app = start_app()
    click(qtbot, app.window.picker.about)
    box = app.window.about_box
    assert box.isVisible() and __version__ in box.text()
    click(qtbot, box.button(QMessageBox.StandardButton.Ok))
    assert not box.isVisible()
    assert app.window.current_screen() is app.window.picker
