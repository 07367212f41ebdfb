"""Two computers of one location share one database: help crosses the room, a learner moves.

Both apps are built as `oefenplek` builds them, on one data folder (so one database: the
SQLite file, or one PostgreSQL database of the test server); each read its own name from
`computer.json` when it started. Nobody touches the other app while waiting: the
overview's and the learner's own timers bring the news (within 2 s).
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QAbstractEventDispatcher, QObject, Qt
from PySide6.QtWidgets import QApplication

from oefenplek import paths
from oefenplek.app import Running
from oefenplek.core.staff import COORDINATOR, VOLUNTEER
from oefenplek.gui.staff.backups_controller import EVENING_TIMER
from oefenplek.storage.computer import FILE_NAME, save_computer_name

from .people import (
    add_new_learner,
    answer_step_right,
    button_named,
    card_text,
    choose_learner,
    click,
    click_named,
    end_visit,
    learner_id,
    leave_staff,
    open_lesson,
    press_next,
    retype,
    sign_in_staff,
    tile_named,
    visible_text,
)

#: Learners and volunteers do this on the embedded file and on a location database.
pytestmark = pytest.mark.usefixtures("each_database")

WITHIN_2_S = 2500  # ms: the promise is 2 seconds; a little room for a slow test machine


def two_computers(start_app) -> tuple[Running, Running]:
    """Computer A, 'Balie-1', and computer B, 'Leeszaal', on the same database."""
    save_computer_name(paths.data_dir(), "Balie-1")
    a = start_app()
    save_computer_name(paths.data_dir(), "Leeszaal")
    b = start_app()
    assert (a.services.computer, b.services.computer) == ("Balie-1", "Leeszaal")
    a.services.staff.add_staff("Anja", VOLUNTEER, "5739")
    return a, b


def running_timers(app: Running) -> list[str]:
    """Every timer running in the app's window (its controllers are the window's children),
    but the evening backup's, which goes off once a day (at most once an hour)."""
    dispatcher = QAbstractEventDispatcher.instance()
    return [f"{type(thing).__name__} every {timer.interval} ms"
            for thing in [app.window, *app.window.findChildren(QObject)]
            if thing.objectName() != EVENING_TIMER
            for timer in dispatcher.registeredTimers(thing)]


def test_help_asked_on_one_computer_is_seen_and_answered_on_the_other(
        qtbot, start_app) -> None:
    a, b = two_computers(start_app)
    sign_in_staff(qtbot, b, "5739")  # the volunteer's overview is open on B
    today = b.window.today
    assert today.cards == {}

    # On A, Fatima starts a lesson and asks for help.
    add_new_learner(qtbot, a, "Fatima", "vlinder")
    open_lesson(qtbot, a, "Proefles")
    press_next(qtbot, a)
    player = a.window.player
    click(qtbot, player.help)
    click(qtbot, a.window.ask_help.yes)
    assert player.help.text() == "Hulp komt eraan"

    # On B, without anyone touching it, the card says who waits and where.
    fatima = learner_id(a, "Fatima")

    def asks_at_balie_1() -> bool:
        card = today.cards.get(fatima)
        return card is not None and (
            "Vraagt hulp (0 minuten) – bij computer Balie-1" in visible_text(card))

    qtbot.waitUntil(asks_at_balie_1, timeout=WITHIN_2_S)
    assert "Proefles, stap 2" in card_text(today, fatima)

    # The volunteer walks to Balie-1, helps, and taps Geholpen on B: A hears of it.
    click_named(qtbot, today.cards[fatima], "Geholpen")
    assert b.repository.open_help_requests() == []
    assert "Vraagt hulp" not in card_text(today, fatima)
    assert "Bij computer Balie-1" in card_text(today, fatima)  # where she sits
    qtbot.waitUntil(lambda: player.help.text() == "Hulp", timeout=WITHIN_2_S)
    assert a.window.current_screen() is player  # nothing else changed on her screen

    # She asks again and goes home before anyone came: the request stays for the volunteer,
    # and with nobody at A nothing runs there any more.
    click(qtbot, player.help)
    click(qtbot, a.window.ask_help.yes)
    assert running_timers(a) != []  # A asks whether help came
    end_visit(qtbot, a)
    assert running_timers(a) == []
    qtbot.waitUntil(lambda: "Vraagt hulp" in card_text(today, fatima),
                    timeout=WITHIN_2_S)
    leave_staff(qtbot, b)
    assert running_timers(b) == []


def test_the_coordinator_names_the_computer_and_the_name_goes_with_the_help(
        qtbot, start_app) -> None:
    a, b = two_computers(start_app)
    a.services.staff.add_staff("Joke", COORDINATOR, "4821")
    sign_in_staff(qtbot, a, "4821", "Joke")
    click(qtbot, a.window.today.settings_button)
    settings = a.window.settings
    assert settings.computer.text() == "Balie-1"
    retype(qtbot, settings.computer, "   ")
    click_named(qtbot, settings, "Opslaan")
    assert settings.status.text() == "Typ een naam voor deze computer."
    assert a.services.computer == "Balie-1"
    retype(qtbot, settings.computer, "Balie  bij het raam")
    click_named(qtbot, settings, "Opslaan")
    assert settings.status.text() == "De instellingen zijn bewaard."
    assert settings.computer.text() == "Balie bij het raam"
    assert a.services.computer == "Balie bij het raam"
    saved = json.loads((paths.data_dir() / FILE_NAME).read_text(encoding="utf-8"))
    assert saved == {"name": "Balie bij het raam"}  # this computer's file, not the database
    assert b.services.computer == "Leeszaal"  # the other computer keeps its own name
    click(qtbot, settings.back_button)
    leave_staff(qtbot, a)

    sign_in_staff(qtbot, b, "5739", "Anja")
    add_new_learner(qtbot, a, "Riet", "tulp")
    click(qtbot, a.window.lessons.help)
    click(qtbot, a.window.ask_help.yes)
    riet = learner_id(a, "Riet")
    qtbot.waitUntil(lambda: riet in b.window.today.cards and "bij computer Balie bij het raam"
                    in card_text(b.window.today, riet), timeout=WITHIN_2_S)


def test_a_learner_stops_on_one_computer_and_goes_on_at_the_same_step_on_the_other(
        qtbot, start_app) -> None:
    a, b = two_computers(start_app)
    sign_in_staff(qtbot, b, "5739")
    today = b.window.today

    # On A, Ahmed does three steps and stops for a moment.
    add_new_learner(qtbot, a, "Ahmed", "fiets")
    ahmed = learner_id(a, "Ahmed")
    open_lesson(qtbot, a, "Proefles")
    for _step in range(3):
        answer_step_right(qtbot, a)
        press_next(qtbot, a)
    assert a.window.player.dots.label.text() == "stap 4 van 6"
    qtbot.waitUntil(lambda: ahmed in today.cards
                    and "Bij computer Balie-1" in card_text(today, ahmed),
                    timeout=WITHIN_2_S)
    end_visit(qtbot, a)
    leave_staff(qtbot, b)  # the picker on B comes back, with Ahmed's tile

    # On B he taps his own picture: the lesson waits at step 4.
    choose_learner(qtbot, b, "Ahmed")
    tile = tile_named(b.window.lessons.lesson_tiles, "Proefles")
    assert "Bezig: stap 4 van 6" in tile.subtitle.text()
    open_lesson(qtbot, b, "Proefles")
    player = b.window.player
    assert player.dots.label.text() == "stap 4 van 6"
    answer_step_right(qtbot, b)
    press_next(qtbot, b)
    assert player.dots.label.text() == "stap 5 van 6"

    # On A's overview, the volunteer sees that he sits at the reading room now.
    sign_in_staff(qtbot, a, "5739")
    card = a.window.today.cards[ahmed]
    assert "Bij computer Leeszaal" in visible_text(card)
    assert "Proefles, stap 5" in visible_text(card)


def test_the_refresh_leaves_the_volunteers_keyboard_focus_where_it_was(
        qtbot, start_app) -> None:
    a, b = two_computers(start_app)
    add_new_learner(qtbot, a, "Fatima", "vlinder")
    open_lesson(qtbot, a, "Proefles")
    click(qtbot, a.window.player.help)
    click(qtbot, a.window.ask_help.yes)
    sign_in_staff(qtbot, b, "5739")
    with qtbot.waitActive(b.window):
        b.window.activateWindow()
    today, fatima = b.window.today, learner_id(a, "Fatima")
    helped = button_named(today.cards[fatima], "Geholpen")
    for _press in range(20):  # Tab, as a volunteer without a mouse does
        if helped.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget() or b.window, Qt.Key.Key_Tab)
    assert helped.hasFocus()

    press_next(qtbot, a)  # on A she goes on a step: her card on B is made anew
    qtbot.waitUntil(lambda: "Proefles, stap 2" in card_text(today, fatima),
                    timeout=WITHIN_2_S)
    again = button_named(today.cards[fatima], "Geholpen")
    assert again is not helped and again.hasFocus()
