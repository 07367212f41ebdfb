"""Hulp calls the volunteer; read-aloud marks the word it says and can start by itself."""

from __future__ import annotations

import pytest

from oefenplek import notices

from .people import (
    add_new_learner,
    answer_step_right,
    click,
    count_rows,
    learner_id,
    open_lesson,
    press_next,
    visible_text,
)

#: Learners and volunteers do this on the embedded file and on a location database.
pytestmark = pytest.mark.usefixtures("each_database")


def test_hulp_asks_first_then_records_who_where_and_shows_help_is_coming(
        qtbot, start_app) -> None:
    app = start_app()
    window = app.window
    add_new_learner(qtbot, app, "Ahmed", "fiets")
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)
    player = window.player
    click(qtbot, player.help)
    dialog = window.ask_help
    assert dialog.isVisible() and dialog.question.text() == "Wil je hulp van de vrijwilliger?"
    click(qtbot, dialog.no)  # changed their mind: nothing stored
    assert not dialog.isVisible()
    assert count_rows(app, "help_request") == 0
    assert player.help.text() == "Hulp"
    click(qtbot, player.help)
    click(qtbot, dialog.yes)
    assert not dialog.isVisible()
    [(request, asked_by, lesson_id, step)] = app.repository.open_help_requests()
    assert (asked_by, lesson_id, step) == (learner_id(app, "Ahmed"), "proef-les", 1)
    assert player.help.text() == "Hulp komt eraan"
    click(qtbot, player.stop)
    assert window.current_screen() is window.lessons
    assert window.lessons.help.text() == "Hulp komt eraan"  # the same on every screen
    open_lesson(qtbot, app, "Proefles")
    click(qtbot, player.help)
    assert dialog.question.text() == "De vrijwilliger komt eraan. Wacht even."
    click(qtbot, dialog.yes)  # "Ik heb geen hulp meer nodig"
    assert app.repository.open_help_requests() == []
    assert count_rows(app, "help_request",
                      f"id = '{request}' AND handled_at IS NOT NULL") == 1
    assert player.help.text() == "Hulp"


def test_a_practise_step_can_be_done_with_help(qtbot, start_app) -> None:
    app = start_app()
    add_new_learner(qtbot, app, "Riet", "tulp")
    open_lesson(qtbot, app, "Proefles")
    player = app.window.player
    while player.view.step.kind != "practise":
        answer_step_right(qtbot, app)
        press_next(qtbot, app)
    assert not player.next.isEnabled()
    click(qtbot, player.view.help)
    assert "samen met de vrijwilliger" in visible_text(player)
    assert not player.view.done.isEnabled()  # answered: the three choices are used up
    assert player.next.isEnabled()
    [run] = app.repository.runs(learner_id(app, "Riet"))
    assert app.repository.attempts(run.id)[-1][:2] == (5, "helped")


def test_every_step_is_read_aloud_by_itself_when_the_learner_wants(qtbot, start_app) -> None:
    app = start_app()
    speaker = app.services.speaker
    add_new_learner(qtbot, app, "Kees", "boot")
    click(qtbot, app.window.lessons.look)
    preferences = app.window.preferences
    assert app.window.current_screen() is preferences
    click(qtbot, preferences.read_auto)
    assert preferences.read_auto.isChecked()
    click(qtbot, preferences.ready)
    [kees] = app.repository.learners()
    assert kees.preferences.read_aloud_auto
    open_lesson(qtbot, app, "Proefles")
    assert speaker.last_text == "Dit is een tablet."
    press_next(qtbot, app)
    assert speaker.last_text == "Tik op Instellingen."


def test_the_word_being_said_is_marked_on_screen(qtbot, start_app) -> None:
    app = start_app()
    window = app.window
    speaker = app.services.speaker
    add_new_learner(qtbot, app, "Kees", "boot")
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)
    marked: list[str] = []
    speaker.word_spoken.connect(
        lambda start, length: marked.append(window.player.instruction.text()))
    with qtbot.waitSignal(speaker.finished, timeout=10000):
        click(qtbot, window.player.listen)
    assert marked and all('<span style="background-color' in text for text in marked), marked
    assert any("Instellingen" in text.split("<span")[1] for text in marked), marked
    assert window.player.instruction.text() == "Tik op Instellingen."  # unmarked at the end
    # The next step is marked too, not only the first one heard in a visit.
    answer_step_right(qtbot, app)
    press_next(qtbot, app)
    marked.clear()
    with qtbot.waitSignal(speaker.finished, timeout=10000):
        click(qtbot, window.player.listen)
    assert marked and all('<span style="background-color' in text for text in marked), marked
    assert window.player.instruction.text() == window.player.view.step.text
    [kees] = app.repository.learners()
    assert not kees.preferences.read_aloud_auto  # Listen was asked for, not switched on


def test_without_a_system_voice_listen_stays_and_the_coordinator_is_told_the_voice(
        qtbot, start_app, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OEFENPLEK_SPEECH_ENGINE", "no-such-engine")
    app = start_app()
    assert app.services.speaker.uses_builtin
    for screen in app.window.learner_screens():
        assert screen.listen.isVisibleTo(screen)
    told = "Voorlezen gebeurt met de ingebouwde stem (eSpeak NG"
    assert sum(told in line for line in notices.read_notices()) == 1
    assert not any("Voorlezen werkt niet" in line for line in notices.read_notices())
    start_app()  # a second start does not repeat the message
    assert sum(told in line for line in notices.read_notices()) == 1
