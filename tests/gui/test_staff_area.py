"""A volunteer opens the staff area with a PIN, sees who needs help, and helps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFrame, QLabel

from oefenplek.core.staff import COORDINATOR, VOLUNTEER
from oefenplek.gui.staff import controller as staff_controller
from oefenplek.gui.staff.controller import StaffController

from .people import (
    add_new_learner,
    click,
    click_named,
    count_rows,
    end_visit,
    finish_lesson,
    learner_id,
    leave_staff,
    open_lesson,
    open_staff,
    press_next,
    print_to_file,
    retype,
    save_as,
    sign_in_staff,
    tap_beside_target,
    type_text,
    visible_text,
)

#: Learners and volunteers do this on the embedded file and on a location database.
pytestmark = pytest.mark.usefixtures("each_database")


def card_of(app, name: str) -> QFrame:
    """The card on today's overview that carries the learner's name."""
    today = app.window.today
    return today.cards[learner_id(app, name)]


def test_the_first_start_asks_for_the_location_and_a_coordinator_pin(qtbot, start_app) -> None:
    app = start_app()
    open_staff(qtbot, app)
    door = app.window.door
    assert door.location.isVisible()  # no team yet: the wizard, not the PIN
    type_text(qtbot, door.location, "Bibliotheek Lindenhof")
    type_text(qtbot, door.new_name, "Joke")
    type_text(qtbot, door.new_pin, "1111")
    type_text(qtbot, door.new_pin_again, "1111")
    click(qtbot, door.start)
    assert "te makkelijk" in door.message.text()  # plain words, nothing saved
    assert app.window.current_screen() is door
    assert app.services.staff.staff() == []
    assert app.services.settings.location_name() != "Bibliotheek Lindenhof"
    retype(qtbot, door.new_pin, "4821")
    retype(qtbot, door.new_pin_again, "4821")
    click(qtbot, door.start)
    today = app.window.today
    assert app.window.current_screen() is today
    assert "Joke" in today.who.text()
    assert today.settings_button.isVisible()  # the first one is the coordinator
    assert app.services.settings.location_name() == "Bibliotheek Lindenhof"
    [joke] = app.services.staff.staff()
    assert (joke.name, joke.role) == ("Joke", "coordinator")
    with app.database.engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT pin_hash FROM staff").scalar()
    assert "4821" not in stored

    # The next time the door asks for the PIN.
    leave_staff(qtbot, app)
    sign_in_staff(qtbot, app, "4821", "Joke")


def test_a_volunteer_sees_a_help_request_opens_the_learner_and_handles_it(
        qtbot, start_app) -> None:
    app = start_app()
    app.services.staff.add_staff("Anja", VOLUNTEER, "5739")
    # A learner gets stuck on the tap step and asks for help.
    add_new_learner(qtbot, app, "Fatima", "kat")
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)
    tap_beside_target(qtbot, app)
    tap_beside_target(qtbot, app)
    click(qtbot, app.window.player.help)
    click(qtbot, app.window.ask_help.yes)
    assert app.window.player.help.text() == "Hulp komt eraan"
    fatima = learner_id(app, "Fatima")
    [(request_id, asked_by, _lesson, _step)] = app.repository.open_help_requests()
    assert asked_by == fatima

    # The volunteer, on the same computer, opens the staff area from the picker.
    end_visit(qtbot, app)
    sign_in_staff(qtbot, app, "5739")
    today = app.window.today
    assert "Anja" in today.who.text()
    assert not today.settings_button.isVisible()  # a volunteer: no coordinator's buttons
    card = card_of(app, "Fatima")
    assert "Vraagt hulp" in visible_text(card)
    assert "Proefles, stap 2" in visible_text(card)

    # The learner's page shows where it was hard; a note is written.
    click_named(qtbot, card, "Openen")
    page = app.window.staff_learner
    assert app.window.current_screen() is page
    assert "Fatima" in page.title.text()
    assert "Proefles, stap 2 (Tik op Instellingen.): 2 keer fout" in visible_text(page)
    type_text(qtbot, page.note, "wil volgende keer WhatsApp oefenen")
    click(qtbot, page.save)
    assert "wil volgende keer WhatsApp oefenen" in visible_text(page)
    [visit] = app.services.staff.visits(fatima)
    assert visit.note == "wil volgende keer WhatsApp oefenen"

    # Back to today: the help is marked as given and the request is closed.
    click(qtbot, page.back_button)
    assert app.window.current_screen() is today
    click_named(qtbot, card_of(app, "Fatima"), "Geholpen")
    assert app.repository.open_help_requests() == []
    assert count_rows(app, "help_request",
                      f"id = '{request_id}' AND handled_at IS NOT NULL") == 1
    assert "Vraagt hulp" not in visible_text(card_of(app, "Fatima"))
    assert not [b for b in card_of(app, "Fatima").findChildren(type(page.save))
                if b.text() == "Geholpen"]


def test_five_wrong_pins_close_the_door(qtbot, start_app) -> None:
    app = start_app()
    app.services.staff.add_staff("Anja", VOLUNTEER, "5739")
    open_staff(qtbot, app)
    door = app.window.door
    type_text(qtbot, door.pin, "0000")
    click(qtbot, door.open)
    assert door.message.text() == "Deze pincode klopt niet."
    for _ in range(4):
        type_text(qtbot, door.pin, "0000")
        click(qtbot, door.open)
    assert "Te veel foute pincodes" in door.message.text()
    lock = app.services.staff.lock()  # stored: a restart does not open the door
    assert lock.closed(datetime.now(UTC))
    type_text(qtbot, door.pin, "5739")  # even the right PIN waits now
    click(qtbot, door.open)
    assert app.window.current_screen() is door
    assert "Probeer het over 1 minuut" in door.message.text()
    assert app.services.session.member is None


def test_a_volunteer_makes_a_certificate_from_the_learners_page(qtbot, start_app) -> None:
    app = start_app()
    app.services.staff.add_staff("Anja", VOLUNTEER, "5739")
    add_new_learner(qtbot, app, "Ahmed", "fiets")
    finish_lesson(qtbot, app, "Proefles")
    end_visit(qtbot, app)
    sign_in_staff(qtbot, app, "5739")
    click_named(qtbot, card_of(app, "Ahmed"), "Openen")
    page = app.window.staff_learner
    assert "Nog geen." in visible_text(page)  # no certificate handed out yet
    click_named(qtbot, page, "Certificaat")
    assert app.window.current_screen() is app.window.certificate
    assert app.window.certificate.print.isEnabled()
    [issued] = app.repository.certificates(learner_id(app, "Ahmed"))
    assert (issued.signer, issued.title, issued.kind) == ("Anja", "Proefles", "lesson")
    click(qtbot, app.window.certificate.back)
    assert app.window.current_screen() is page


def test_certificates_for_a_group_print_one_page_each(qtbot, start_app, tmp_path) -> None:
    app = start_app()
    app.services.staff.add_staff("Anja", VOLUNTEER, "5739")
    for name, picture in (("Ahmed", "fiets"), ("Riet", "tulp"), ("Kees", "boot")):
        add_new_learner(qtbot, app, name, picture)
        if name != "Kees":  # Kees has not finished the lesson
            finish_lesson(qtbot, app, "Proefles")
        end_visit(qtbot, app)
    sign_in_staff(qtbot, app, "5739")
    click(qtbot, app.window.today.batch)
    batch = app.window.batch
    assert app.window.current_screen() is batch
    assert batch.lesson.currentText() == "Proefles"
    assert sorted(check.text() for check in batch.checks.values()) == ["Ahmed", "Riet"]
    assert all(check.isChecked() for check in batch.checks.values())
    click(qtbot, batch.print)
    printed = tmp_path / "groep.pdf"
    print_to_file(qtbot, app.window.print_dialog, printed)
    assert "2 certificaten" in batch.status.text()
    reader = PdfReader(printed)
    assert len(reader.pages) == 2
    names = {page.extract_text().split("\n")[2].strip() for page in reader.pages}
    assert names == {"Ahmed", "Riet"}
    issued = [c for name in ("Ahmed", "Riet", "Kees")
              for c in app.repository.certificates(learner_id(app, name))]
    assert sorted((c.learner_name, c.signer) for c in issued) == [
        ("Ahmed", "Anja"), ("Riet", "Anja")]


def test_the_overview_refreshes_by_itself_while_open(
        qtbot, start_app, monkeypatch: pytest.MonkeyPatch) -> None:
    assert staff_controller.REFRESH_MS <= 30_000  # the app's own pace: at least twice a minute
    monkeypatch.setattr(staff_controller, "REFRESH_MS", 50)  # the test's pace, before opening
    app = start_app()
    app.services.staff.add_staff("Anja", VOLUNTEER, "5739")
    sign_in_staff(qtbot, app, "5739")
    today = app.window.today
    [staff] = [c for c in app.controllers if isinstance(c, StaffController)]
    assert staff.timer.isActive()
    assert today.cards == {} and today.empty.isVisible()
    riet = app.repository.add_learner("Riet", "tulip")  # at the other computer
    app.repository.start_visit(riet.id)
    app.repository.ask_help(riet.id)

    def riet_asks_for_help() -> bool:  # read between two refreshes, never during one
        card = today.cards.get(riet.id)
        return card is not None and any(
            "Vraagt hulp" in label.text() for label in card.findChildren(QLabel))

    # Nobody touches anything: the overview's own timer brings Riet's request in.
    qtbot.waitUntil(riet_asks_for_help, timeout=5000)
    assert not today.empty.isVisible()
    leave_staff(qtbot, app)
    assert not staff.timer.isActive()
    assert app.services.session.member is None


def test_a_certificate_is_printed_again_exactly_the_same(qtbot, start_app, tmp_path) -> None:
    app = start_app()
    app.services.settings.save_location("Bibliotheek Lindenhof", ["tablet", "internet"],
                                        False, [])
    app.services.staff.add_staff("Anja", VOLUNTEER, "5739")
    app.services.staff.add_staff("Joke", COORDINATOR, "4821")
    add_new_learner(qtbot, app, "Ahmed", "fiets")
    finish_lesson(qtbot, app, "Proefles")
    click(qtbot, app.window.end.certificate)
    screen = app.window.certificate
    click(qtbot, screen.save)
    first = tmp_path / "eerste.pdf"
    save_as(qtbot, app.window.save_dialog, first)
    qtbot.waitUntil(lambda: "Opgeslagen" in screen.status.text(), timeout=10000)
    click(qtbot, screen.back)
    end_visit(qtbot, app)

    # Later the location gets a new name; a certificate handed out before keeps the old one.
    sign_in_staff(qtbot, app, "4821", "Joke")
    click(qtbot, app.window.today.settings_button)
    settings = app.window.settings
    retype(qtbot, settings.location, "Buurthuis De Linde")
    click_named(qtbot, settings, "Opslaan")
    assert app.services.settings.location_name() == "Buurthuis De Linde"
    click(qtbot, settings.back_button)
    assert app.window.current_screen() is app.window.today

    click_named(qtbot, card_of(app, "Ahmed"), "Openen")
    page = app.window.staff_learner
    assert "Proefles" in visible_text(page)
    click_named(qtbot, page, "Opnieuw printen")
    assert app.window.current_screen() is screen
    click(qtbot, screen.save)
    again = tmp_path / "opnieuw.pdf"
    save_as(qtbot, app.window.save_dialog, again)
    qtbot.waitUntil(lambda: "Opgeslagen" in screen.status.text(), timeout=10000)
    texts = [" ".join(p.extract_text() for p in PdfReader(path).pages) for path in (first, again)]
    assert texts[0] == texts[1]
    assert "Bibliotheek Lindenhof" in texts[1] and "Buurthuis" not in texts[1]
    assert len(app.repository.certificates(learner_id(app, "Ahmed"))) == 1  # no new one
    click(qtbot, screen.back)
    assert app.window.current_screen() is page
