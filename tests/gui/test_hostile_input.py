"""Hostile text in every field a person can type in: control characters, NUL, direction
overrides, right-to-left marks, formulas, emoji, a megabyte pasted in. Nothing ends in a
traceback (pytest-qt fails a test on an exception in a slot), and what is stored is clean.
"""

from __future__ import annotations

import json
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from oefenplek.storage.computer import FILE_NAME

from .people import (
    LEFT,
    choose_in_combo,
    choose_in_list,
    click,
    click_named,
    end_visit,
    learner_id,
    open_lesson,
    open_staff,
    press_next,
    tap_target,
    type_text,
)

SPOOF = "Fat\x00ima\u202e\u2066 Zah\x1bra\x07\u2069"  # shows as "Fatima Zahra"
FORMULA = '=HYPERLINK("http://voorbeeld.nl","klik")'
RIGHT_TO_LEFT = "\u200fمحمد\u200f 👍🏽"
ONLY_SIGNS = "\u2028\t\r\n\x00\u202e"
MEGABYTE = "ab\x00\u202e " * 200_000


def paste(qtbot, field: QLineEdit, text: str) -> None:
    """Empty the field as a person does (Ctrl+A, Backspace) and paste `text` in."""
    qtbot.mouseClick(field, LEFT)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    field.insert(text)


def is_clean(text: str, limit: int) -> bool:
    return len(text) <= limit and text == text.strip() and not any(
        unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp")
        and char not in "\u200c\u200d" for char in text)


def names(app) -> list[str]:
    return sorted(name for _id, name, _avatar, _archived in app.services.admin.all_learners())


def test_a_learner_types_hostile_names_and_answers(qtbot, start_app) -> None:
    app = start_app()
    window = app.window
    screen = window.new_learner
    click(qtbot, window.picker.new_tile)
    paste(qtbot, screen.name, ONLY_SIGNS)
    click(qtbot, screen.next)
    assert screen.problem.text() == "Typ je voornaam of een bijnaam."
    paste(qtbot, screen.name, "Zahra\x00 " * 200_000)  # the field keeps 60 letters of it
    click(qtbot, screen.next)
    click(qtbot, next(iter(screen.avatar_tiles.values())))
    click(qtbot, screen.next)
    assert screen.problem.text() == "Deze naam is te lang. Gebruik hoogstens 40 letters."
    assert window.current_screen() is screen and names(app) == []
    paste(qtbot, screen.name, SPOOF)
    click(qtbot, screen.next)
    assert "Fatima Zahra" in screen.title.text()  # the name as it will be kept
    tile = next(t for t in screen.avatar_tiles.values() if t.title.text() == "vlinder")
    click(qtbot, tile)
    click(qtbot, screen.next)
    assert names(app) == ["Fatima Zahra"]
    assert window.current_screen() is window.lessons

    # In a lesson's typing step, hostile text is just a wrong answer.
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)
    tap_target(qtbot, app)
    press_next(qtbot, app)
    field = window.player.view.field
    for text in (MEGABYTE, SPOOF):
        paste(qtbot, field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.player.dots.label.text() == "stap 3 van 6"
    [run] = app.repository.runs(learner_id(app, "Fatima Zahra"))
    assert [outcome for _step, outcome, _answer in app.repository.attempts(run.id)] == [
        "correct", "wrong", "wrong"]
    end_visit(qtbot, app)


def test_staff_type_hostile_text_in_every_field_and_it_is_stored_clean(
        qtbot, start_app, home) -> None:
    app = start_app()
    window = app.window

    # The first start of the staff area: the location's name and the coordinator's.
    open_staff(qtbot, app)
    door = window.door
    paste(qtbot, door.location, MEGABYTE)
    paste(qtbot, door.new_name, SPOOF)
    type_text(qtbot, door.new_pin, "4821")
    type_text(qtbot, door.new_pin_again, "4821")
    click(qtbot, door.start)
    assert window.current_screen() is window.today
    [coordinator] = app.services.staff.staff()
    assert coordinator.name == "Fatima Zahra"
    assert is_clean(app.services.settings.location_name(), 80)

    # Learners: added and renamed by the coordinator.
    click(qtbot, window.today.learners_button)
    admin = window.learners_admin
    paste(qtbot, admin.name, RIGHT_TO_LEFT)
    choose_in_combo(qtbot, admin.avatar, "tulp")
    click(qtbot, admin.add_button)
    assert names(app) == ["محمد 👍🏽"]
    choose_in_list(qtbot, admin.list, "محمد")
    for text in (MEGABYTE, ONLY_SIGNS):
        paste(qtbot, admin.name, text)
        click(qtbot, admin.save_name)
        assert names(app) == ["محمد 👍🏽"]  # a plain sentence says why not
    paste(qtbot, admin.name, FORMULA)
    click(qtbot, admin.save_name)
    assert names(app) == [FORMULA]  # a name, however it looks; exports make it harmless
    paste(qtbot, admin.name, SPOOF)
    click(qtbot, admin.save_name)
    assert names(app) == ["Fatima Zahra"]
    click(qtbot, admin.back_button)

    # A note on the learner's page (she came in without sitting at a computer).
    fatima = learner_id(app, "Fatima Zahra")
    choose_in_combo(qtbot, window.today.visit_learner, "Fatima Zahra")
    click(qtbot, window.today.visit)
    click_named(qtbot, window.today.cards[fatima], "Openen")
    page = window.staff_learner
    paste(qtbot, page.note, MEGABYTE)
    click(qtbot, page.save)
    assert page.status.text() == "De notitie is bewaard."
    [visit] = app.services.staff.visits(fatima)
    assert is_clean(visit.note, 1000) and visit.note.startswith("ab ab ab")
    paste(qtbot, page.note, SPOOF + " " + RIGHT_TO_LEFT)
    click(qtbot, page.save)
    [visit] = app.services.staff.visits(fatima)
    assert visit.note == "Fatima Zahra محمد 👍🏽"
    click(qtbot, page.back_button)

    # The team.
    click(qtbot, window.today.people_button)
    people = window.people
    paste(qtbot, people.name, "Pi\x00et\u202e\x1b")
    type_text(qtbot, people.pin, "5739")
    type_text(qtbot, people.pin_again, "5739")
    click(qtbot, people.add_button)
    assert people.status.text() == "Piet is toegevoegd."
    assert sorted(member.name for member in app.services.staff.staff()) == [
        "Fatima Zahra", "Piet"]
    click(qtbot, people.back_button)

    # The location's name and this computer's.
    click(qtbot, window.today.settings_button)
    settings = window.settings
    paste(qtbot, settings.location, "\u202eBuurthuis\x00 De\tLinde\r\n")
    paste(qtbot, settings.computer, MEGABYTE)
    click_named(qtbot, settings, "Opslaan")
    assert settings.status.text() == "De instellingen zijn bewaard."
    assert app.services.settings.location_name() == "Buurthuis De Linde"
    saved = json.loads((home / FILE_NAME).read_text(encoding="utf-8"))["name"]
    assert is_clean(saved, 40) and saved == app.services.computer
    assert settings.computer.text() == saved
