"""A volunteer opens the staff area with a PIN, sees who needs help, and helps."""

from __future__ import annotations

from PySide6.QtCore import Qt

from oefenplek.core.staff import VOLUNTEER
from oefenplek.storage.staff_repository import StaffRepository

from .people import add_new_learner, press_next, tap_beside_target, visible_text


def open_staff(qtbot, app) -> None:
    qtbot.mouseClick(app.window.picker.staff, Qt.MouseButton.LeftButton)
    assert app.window.current_screen() is app.window.door


def test_the_first_start_asks_for_the_location_and_a_coordinator_pin(qtbot, start_app) -> None:
    app = start_app()
    open_staff(qtbot, app)
    door = app.window.door
    qtbot.keyClicks(door.location, "Bibliotheek Lindenhof")
    qtbot.keyClicks(door.new_name, "Joke")
    qtbot.keyClicks(door.new_pin, "1111")
    qtbot.keyClicks(door.new_pin_again, "1111")
    qtbot.mouseClick(door.start, Qt.MouseButton.LeftButton)
    assert "te makkelijk" in door.message.text()  # plain words, nothing saved
    door.new_pin.clear()
    door.new_pin_again.clear()
    qtbot.keyClicks(door.new_pin, "4821")
    qtbot.keyClicks(door.new_pin_again, "4821")
    qtbot.mouseClick(door.start, Qt.MouseButton.LeftButton)
    assert app.window.current_screen() is app.window.today
    assert app.repository.location_name() == "Bibliotheek Lindenhof"
    [joke] = StaffRepository(app.database, app.repository).staff()
    assert (joke.name, joke.role) == ("Joke", "coordinator")
    with app.database.engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT pin_hash FROM staff").scalar()
    assert "4821" not in stored


def test_a_volunteer_sees_a_help_request_opens_the_learner_and_handles_it(
        qtbot, start_app) -> None:
    app = start_app()
    staff = StaffRepository(app.database, app.repository)
    anja = staff.add_staff("Anja", VOLUNTEER, "5739")
    # A learner gets stuck on the tap step and asks for help.
    add_new_learner(qtbot, app, "Fatima", "kat")
    app.controller.open_lesson("proef-les")
    press_next(qtbot, app)
    tap_beside_target(qtbot, app)
    tap_beside_target(qtbot, app)
    qtbot.mouseClick(app.window.player.help, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(app.window.ask_help.yes, Qt.MouseButton.LeftButton)
    learner_id = app.controller.learner.id

    # The volunteer, on the same computer, opens the staff area from the picker.
    qtbot.mouseClick(app.window.player.stop, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(app.window.lessons.stop, Qt.MouseButton.LeftButton)
    open_staff(qtbot, app)
    door = app.window.door
    qtbot.keyClicks(door.pin, "5739")
    qtbot.keyClick(door.pin, Qt.Key.Key_Return)
    today = app.window.today
    assert app.window.current_screen() is today
    assert "Anja" in today.who.text()
    card = today.cards[learner_id]
    assert "Vraagt hulp" in visible_text(card)
    assert "Proefles, stap 2" in visible_text(card)

    # The learner's page shows where it was hard; a note is written.
    qtbot.mouseClick(next(b for b in card.findChildren(type(today.visit))
                          if b.text() == "Openen"), Qt.MouseButton.LeftButton)
    page = app.window.staff_learner
    assert app.window.current_screen() is page
    assert "Proefles, stap 2 (Tik op Instellingen.): 2 keer fout" in visible_text(page)
    qtbot.keyClicks(page.note, "wil volgende keer WhatsApp oefenen")
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    assert "wil volgende keer WhatsApp oefenen" in visible_text(page)
    assert next(v.note for v in staff.visits(learner_id)) == "wil volgende keer WhatsApp oefenen"

    # Back to today: the help is marked as given and the request is closed.
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    card = today.cards[learner_id]
    helped = next(b for b in card.findChildren(type(today.visit)) if b.text() == "Geholpen")
    qtbot.mouseClick(helped, Qt.MouseButton.LeftButton)
    assert app.repository.open_help_requests() == []
    assert "Vraagt hulp" not in visible_text(today.cards[learner_id])
    assert anja.name == "Anja"


def test_five_wrong_pins_close_the_door(qtbot, start_app) -> None:
    app = start_app()
    StaffRepository(app.database, app.repository).add_staff("Anja", VOLUNTEER, "5739")
    open_staff(qtbot, app)
    door = app.window.door
    for _ in range(5):
        qtbot.keyClicks(door.pin, "0000")
        qtbot.keyClick(door.pin, Qt.Key.Key_Return)
    assert "Te veel foute pincodes" in door.message.text()
    qtbot.keyClicks(door.pin, "5739")  # even the right PIN waits now
    qtbot.keyClick(door.pin, Qt.Key.Key_Return)
    assert app.window.current_screen() is door
    assert "Probeer het over 1 minuut" in door.message.text()


def test_a_volunteer_makes_a_certificate_from_the_learners_page(qtbot, start_app) -> None:
    app = start_app()
    staff = StaffRepository(app.database, app.repository)
    staff.add_staff("Anja", VOLUNTEER, "5739")
    add_new_learner(qtbot, app, "Ahmed", "fiets")
    app.controller.open_lesson("proef-les")
    for answer in (None, True, "Bieb2024", 1, [0, 1, 2], "done"):
        if answer is not None:
            app.controller.answer(answer, str(answer))
        press_next(qtbot, app)
    learner_id = app.controller.learner.id
    qtbot.mouseClick(app.window.end.to_lessons, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(app.window.lessons.stop, Qt.MouseButton.LeftButton)
    open_staff(qtbot, app)
    qtbot.keyClicks(app.window.door.pin, "5739")
    qtbot.keyClick(app.window.door.pin, Qt.Key.Key_Return)
    app.window.today.open_learner.emit(learner_id)
    page = app.window.staff_learner
    button = next(b for b in page.findChildren(type(app.window.today.visit))
                  if b.text() == "Certificaat")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert app.window.current_screen() is app.window.certificate
    [issued] = app.repository.certificates(learner_id)
    assert issued.signer == "Anja"
    qtbot.mouseClick(app.window.certificate.back, Qt.MouseButton.LeftButton)
    assert app.window.current_screen() is page


def test_certificates_for_a_group_print_one_page_each(qtbot, start_app, tmp_path) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    app = start_app()
    StaffRepository(app.database, app.repository).add_staff("Anja", VOLUNTEER, "5739")
    for name, picture in (("Ahmed", "fiets"), ("Riet", "tulp"), ("Kees", "boot")):
        add_new_learner(qtbot, app, name, picture)
        if name != "Kees":  # Kees has not finished the lesson
            app.controller.open_lesson("proef-les")
            for answer in (None, True, "Bieb2024", 1, [0, 1, 2], "done"):
                if answer is not None:
                    app.controller.answer(answer, str(answer))
                press_next(qtbot, app)
        app.controller.end_visit()
    open_staff(qtbot, app)
    qtbot.keyClicks(app.window.door.pin, "5739")
    qtbot.keyClick(app.window.door.pin, Qt.Key.Key_Return)
    qtbot.mouseClick(app.window.today.batch, Qt.MouseButton.LeftButton)
    batch = app.window.batch
    assert batch.lesson.currentText() == "Proefles"
    assert sorted(check.text() for check in batch.checks.values()) == ["Ahmed", "Riet"]
    qtbot.mouseClick(batch.print, Qt.MouseButton.LeftButton)
    printed = tmp_path / "groep.pdf"
    dialog = app.window.print_dialog
    dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer().setOutputFileName(str(printed))
    dialog.accepted.emit(dialog.printer())
    dialog.close()
    assert "2 certificaten" in batch.status.text()
    reader = PdfReader(printed)
    assert len(reader.pages) == 2
    names = {page.extract_text().split("\n")[2].strip() for page in reader.pages}
    assert names == {"Ahmed", "Riet"}


def test_the_overview_refreshes_by_itself_while_open(qtbot, start_app) -> None:
    app = start_app()
    StaffRepository(app.database, app.repository).add_staff("Anja", VOLUNTEER, "5739")
    open_staff(qtbot, app)
    qtbot.keyClicks(app.window.door.pin, "5739")
    qtbot.keyClick(app.window.door.pin, Qt.Key.Key_Return)
    timer = app.controller.staff.timer
    assert timer.isActive() and timer.interval() <= 30_000
    assert app.window.today.cards == {}
    learner = app.repository.add_learner("Riet", "tulip")  # at the other computer
    app.repository.start_visit(learner.id)
    app.repository.ask_help(learner.id)
    timer.timeout.emit()  # what the timer does every few seconds
    assert "Vraagt hulp" in visible_text(app.window.today.cards[learner.id])
    qtbot.mouseClick(app.window.today.close_button, Qt.MouseButton.LeftButton)
    assert not timer.isActive()


def test_a_certificate_is_printed_again_exactly_the_same(qtbot, start_app) -> None:
    from oefenplek.documents.certificate import Text

    app = start_app()
    StaffRepository(app.database, app.repository).add_staff("Anja", VOLUNTEER, "5739")
    add_new_learner(qtbot, app, "Ahmed", "fiets")
    learner_id = app.controller.learner.id
    _first, page = app.controller.certificates.issue(learner_id, "proef-les", "lesson", "Anja")
    app.controller.end_visit()
    open_staff(qtbot, app)
    qtbot.keyClicks(app.window.door.pin, "5739")
    qtbot.keyClick(app.window.door.pin, Qt.Key.Key_Return)
    app.window.today.open_learner.emit(learner_id)
    again = next(b for b in app.window.staff_learner.findChildren(type(app.window.today.visit))
                 if b.text() == "Opnieuw printen")
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    texts = [i.text for i in app.controller.certificates.page.items if isinstance(i, Text)]
    assert texts == [i.text for i in page.items if isinstance(i, Text)]
    assert len(app.repository.certificates(learner_id)) == 1  # a reprint is no new one
