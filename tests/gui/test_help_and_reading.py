"""Hulp calls the volunteer; read-aloud marks the word it says and can start by itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from oefenplek import notices

from .people import add_new_learner, press_next, visible_text


def test_hulp_asks_first_then_records_who_where_and_shows_help_is_coming(
        qtbot, start_app) -> None:
    app = start_app()
    window = app.window
    add_new_learner(qtbot, app, "Ahmed", "fiets")
    app.controller.open_lesson("proef-les")
    press_next(qtbot, app)
    player = window.player
    qtbot.mouseClick(player.help, Qt.MouseButton.LeftButton)
    dialog = window.ask_help
    assert dialog.isVisible() and dialog.question.text() == "Wil je hulp van de vrijwilliger?"
    qtbot.mouseClick(dialog.no, Qt.MouseButton.LeftButton)  # changed their mind: nothing stored
    assert app.repository.open_help_requests() == []
    qtbot.mouseClick(player.help, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.yes, Qt.MouseButton.LeftButton)
    [(request, learner_id, lesson_id, step)] = app.repository.open_help_requests()
    assert (learner_id, lesson_id, step) == (app.controller.learner.id, "proef-les", 1)
    assert player.help.text() == "Hulp komt eraan"
    assert window.lessons.help.text() == "Hulp komt eraan"  # the same on every screen
    qtbot.mouseClick(player.help, Qt.MouseButton.LeftButton)
    assert dialog.question.text() == "De vrijwilliger komt eraan. Wacht even."
    qtbot.mouseClick(dialog.yes, Qt.MouseButton.LeftButton)  # "Ik heb geen hulp meer nodig"
    assert app.repository.open_help_requests() == []
    assert player.help.text() == "Hulp"
    assert request


def test_a_practise_step_can_be_done_with_help(qtbot, start_app) -> None:
    app = start_app()
    add_new_learner(qtbot, app, "Riet", "tulp")
    app.controller.open_lesson("proef-les")
    run = app.controller.run
    for answer in (None, True, "Bieb2024", 1, [0, 1, 2]):
        if answer is not None:
            app.controller.answer(answer, str(answer))
        press_next(qtbot, app)
    qtbot.mouseClick(app.window.player.view.help, Qt.MouseButton.LeftButton)
    assert "samen met de vrijwilliger" in visible_text(app.window.player)
    assert app.repository.attempts(app.controller.record.id)[-1][1] == "helped"
    assert run.can_go_on


def test_every_step_is_read_aloud_by_itself_when_the_learner_wants(qtbot, start_app) -> None:
    from oefenplek.core.learners import Preferences

    app = start_app()
    add_new_learner(qtbot, app, "Kees", "boot")
    app.controller.change_preferences(Preferences(read_aloud_auto=True))
    app.controller.open_lesson("proef-les")
    assert app.controller.speaker.last_text == "Dit is een tablet."
    press_next(qtbot, app)
    assert app.controller.speaker.last_text == "Tik op Instellingen."


def test_the_word_being_said_is_marked_on_screen(qtbot, start_app) -> None:
    app = start_app()
    window = app.window
    speaker = app.controller.speaker
    add_new_learner(qtbot, app, "Kees", "boot")
    app.controller.open_lesson("proef-les")
    press_next(qtbot, app)
    marked: list[str] = []
    speaker.word_spoken.connect(
        lambda start, length: marked.append(window.player.instruction.text()))
    with qtbot.waitSignal(speaker.finished, timeout=10000):
        qtbot.mouseClick(window.player.listen, Qt.MouseButton.LeftButton)
    assert marked and all('<span style="background-color' in text for text in marked), marked
    assert any("Instellingen" in text.split("<span")[1] for text in marked), marked
    assert window.player.instruction.text() == "Tik op Instellingen."  # unmarked at the end


def test_without_speech_listen_is_hidden_and_the_coordinator_is_told(
        qtbot, start_app, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OEFENPLEK_SPEECH_ENGINE", "no-such-engine")
    app = start_app()
    for screen in app.window.learner_screens():
        assert not screen.listen.isVisibleTo(screen)
    assert any("Voorlezen werkt niet" in line for line in notices.read_notices())
    start_app()  # a second start does not repeat the message
    assert sum("Voorlezen werkt niet" in line for line in notices.read_notices()) == 1
