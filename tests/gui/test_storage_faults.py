"""The disk is full: every write action says so plainly, the screen stays where it was, and
nothing is half-written. No traceback reaches the person.

pytest-qt fails a test when an exception escapes a slot, so a missed error fails here too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage

from oefenplek.core.staff import VOLUNTEER

from .disks import FullDisk, full_disk, snapshot
from .people import (
    add_new_learner,
    begin_lesson,
    choose_in_combo,
    choose_in_list,
    click,
    click_named,
    end_visit,
    learner_id,
    open_lesson,
    open_staff,
    past_the_recap,
    press_next,
    retype,
    save_as,
    sign_in_as_coordinator,
    tap_target,
    tile_named,
    type_text,
    visible_text,
)


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with full_disk(tmp_path / "disk") as full:
        monkeypatch.setenv("OEFENPLEK_DATABASE_URL", full.url)
        yield full


def told(app, disk: FullDisk | None, qtbot) -> str:
    """The sentence in the message box; the box is closed as the person would."""
    box = app.window.problem_box
    assert box.isVisible()
    text = box.text()
    qtbot.mouseClick(box.buttons()[0], Qt.MouseButton.LeftButton)
    assert not box.isVisible()
    return text


def refused(qtbot, app, disk: FullDisk, action) -> None:
    """Do `action` while the disk refuses: one plain sentence, same screen, same data."""
    window = app.window
    before, screen = snapshot(disk.database), window.current_screen()
    action()
    assert told(app, disk, qtbot).startswith(disk.expected)
    assert window.current_screen() is screen
    assert snapshot(disk.database) == before


def test_a_learner_on_a_full_disk_is_told_and_loses_nothing(qtbot, start_app, disk) -> None:
    app = start_app()
    window, player = app.window, app.window.player
    add_new_learner(qtbot, app, "Fatima", "vlinder")
    qtbot.mouseClick(tile_named(window.lessons.lesson_tiles, "Proefles"),
                     Qt.MouseButton.LeftButton)
    begin_lesson(qtbot, app)
    press_next(qtbot, app)
    assert player.instruction.text() == "Tik op Instellingen."

    disk.refuse()
    # An answer that cannot be saved is not judged either: no praise, no way on. It waits
    # on the screen for room, and the learner is told so once, calmly.
    before = snapshot(disk.database)
    tap_target(qtbot, app)
    assert told(app, disk, qtbot).startswith("De schijf van deze computer is vol. "
                                             "Je antwoord blijft op het scherm")
    assert window.current_screen() is player and snapshot(disk.database) == before
    assert "Goed" not in visible_text(player) and not player.next.isEnabled()
    tap_target(qtbot, app)  # tapping again while it waits: no second message, no second row
    assert not window.problem_box.isVisible()
    # Help that cannot be recorded does not pretend to come.
    def ask_help() -> None:
        qtbot.mouseClick(player.help, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.ask_help.yes, Qt.MouseButton.LeftButton)
    refused(qtbot, app, disk, ask_help)
    assert "Hulp komt eraan" not in visible_text(player)

    # Room is made: the waiting answer is saved by itself and the lesson goes on.
    retry = window.findChild(QTimer, "wait-for-room")
    assert retry is not None and retry.isActive()
    retry.setInterval(20)
    disk.allow()
    qtbot.waitUntil(player.next.isEnabled, timeout=5_000)
    assert "Goed" in visible_text(player) and not retry.isActive()
    disk.refuse()
    # Going on or back cannot be remembered: the learner stays on this step.
    refused(qtbot, app, disk, lambda: qtbot.mouseClick(player.next, Qt.MouseButton.LeftButton))
    assert player.dots.label.text() == "stap 2 van 6"
    refused(qtbot, app, disk, lambda: qtbot.mouseClick(player.back, Qt.MouseButton.LeftButton))
    assert player.dots.label.text() == "stap 2 van 6"

    # Stopping a lesson writes nothing; a new lesson cannot start; the visit cannot end.
    qtbot.mouseClick(player.stop, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.lessons
    qtbot.mouseClick(window.lessons.theme_buttons["internet"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tile_named(window.lessons.lesson_tiles, "Tweede les"),
                     Qt.MouseButton.LeftButton)  # its goal shows: looking writes nothing
    assert window.current_screen() is window.lesson_start
    refused(qtbot, app, disk, lambda: qtbot.mouseClick(window.lesson_start.begin,
                                                        Qt.MouseButton.LeftButton))
    qtbot.mouseClick(window.lesson_start.to_lessons, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.lessons.theme_buttons["tablet"], Qt.MouseButton.LeftButton)
    refused(qtbot, app, disk, lambda: qtbot.mouseClick(window.lessons.stop,
                                                        Qt.MouseButton.LeftButton))
    # Letters and voice: the choice is not kept, and the screen shows what is kept.
    qtbot.mouseClick(window.lessons.look, Qt.MouseButton.LeftButton)
    preferences = window.preferences
    refused(qtbot, app, disk, lambda: qtbot.mouseClick(preferences.strong,
                                                        Qt.MouseButton.LeftButton))
    assert preferences.normal.isChecked() and not preferences.strong.isChecked()

    # Once the disk has room again, everything goes on where it was.
    disk.allow()
    qtbot.mouseClick(preferences.ready, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tile_named(window.lessons.lesson_tiles, "Proefles"),
                     Qt.MouseButton.LeftButton)
    assert player.dots.label.text() == "stap 2 van 6"
    learner = next(iter(app.repository.learners()))
    [run] = app.repository.runs(learner.id)
    assert [outcome for _step, outcome, _answer in app.repository.attempts(run.id)] == [
        "correct"]


def finish_proefles(qtbot, app) -> None:
    window, player = app.window, app.window.player
    qtbot.mouseClick(tile_named(window.lessons.lesson_tiles, "Proefles"),
                     Qt.MouseButton.LeftButton)
    begin_lesson(qtbot, app)
    press_next(qtbot, app)
    tap_target(qtbot, app)
    press_next(qtbot, app)
    qtbot.keyClicks(player.view.field, "Bieb2024")
    qtbot.keyClick(player.view.field, Qt.Key.Key_Return)
    press_next(qtbot, app)
    qtbot.mouseClick(player.view.buttons[1], Qt.MouseButton.LeftButton)
    press_next(qtbot, app)
    for item in range(3):
        qtbot.mouseClick(player.view.buttons[item], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(player.view.ok, Qt.MouseButton.LeftButton)
    press_next(qtbot, app)
    qtbot.mouseClick(player.view.done, Qt.MouseButton.LeftButton)
    press_next(qtbot, app)
    past_the_recap(qtbot, app)
    assert window.current_screen() is window.end


def test_certificates_on_a_full_disk_are_not_half_handed_out(
        qtbot, start_app, disk) -> None:
    app = start_app()
    window = app.window
    add_new_learner(qtbot, app, "Zoë", "kat")
    finish_proefles(qtbot, app)
    learner = next(iter(app.repository.learners()))

    disk.refuse()
    refused(qtbot, app, disk, lambda: qtbot.mouseClick(window.end.certificate,
                                                        Qt.MouseButton.LeftButton))
    disk.allow()
    assert app.repository.certificates(learner.id) == []
    qtbot.mouseClick(window.end.certificate, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.certificate
    assert len(app.repository.certificates(learner.id)) == 1

    # Saving the PDF on the full disk: the status line says why, no file is left.
    disk.refuse()
    qtbot.mouseClick(window.certificate.save, Qt.MouseButton.LeftButton)
    target = disk.folder / "certificaat.pdf"
    window.save_dialog.selectFile(str(target))
    window.save_dialog.accept()
    qtbot.waitUntil(lambda: window.certificate.status.text().startswith("Opslaan lukt niet"),
                    timeout=10_000)
    assert window.certificate.status.text().startswith(disk.expected)
    assert window.current_screen() is window.certificate
    disk.allow()
    log = (app.services.data_dir / "oefenplek.log").read_text(encoding="utf-8")
    assert disk.expected in log and "certificaat.pdf" in log


def refused_here(qtbot, app, disk: FullDisk, screen, action) -> None:
    """A staff screen tells it on its own status line; same screen, same data."""
    before = snapshot(disk.database)
    action()
    assert screen.status.text().startswith(disk.expected), screen.status.text()
    assert app.window.current_screen() is screen
    assert snapshot(disk.database) == before


def test_the_staff_area_on_a_full_disk_is_told_and_loses_nothing(
        qtbot, start_app, disk, tmp_path: Path) -> None:
    app = start_app()
    window = app.window
    for name, picture in (("Anna", "kat"), ("Bram", "hond")):
        add_new_learner(qtbot, app, name, picture)
        open_lesson(qtbot, app, "Proefles")
        press_next(qtbot, app)
        qtbot.mouseClick(window.player.help, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.ask_help.yes, Qt.MouseButton.LeftButton)
        click(qtbot, window.player.stop)
        end_visit(qtbot, app)
    app.services.staff.start_visit(learner_id(app, "Bram"), None)  # Bram is still around
    app.services.staff.add_staff("Anja", VOLUNTEER, "5739")
    sign_in_as_coordinator(qtbot, app)
    app.services.settings.repository.set_setting("extra_fields", "postcode")

    disk.refuse()
    today = window.today
    anna = learner_id(app, "Anna")
    card = today.cards[anna]
    refused_here(qtbot, app, disk, today, lambda: click_named(qtbot, card, "Geholpen"))
    assert "Vraagt hulp" in visible_text(today.cards[anna])
    refused_here(qtbot, app, disk, today, lambda: click_named(
        qtbot, today.cards[learner_id(app, "Bram")], "Bezoek afsluiten"))
    choose_in_combo(qtbot, today.visit_learner, "Anna")
    refused_here(qtbot, app, disk, today, lambda: click(qtbot, today.visit))

    # One learner's page: the note of the day is not kept (and no empty visit is made).
    click_named(qtbot, today.cards[anna], "Openen")
    page = window.staff_learner
    type_text(qtbot, page.note, "wil WhatsApp oefenen")
    refused_here(qtbot, app, disk, page, lambda: click(qtbot, page.save))
    click(qtbot, page.back_button)

    # The coordinator's learners screen: each change says why it did not happen.
    click(qtbot, today.learners_button)
    admin = window.learners_admin
    choose_in_list(qtbot, admin.list, "Anna")
    retype(qtbot, admin.name, "Anne")
    refused_here(qtbot, app, disk, admin, lambda: click(qtbot, admin.save_name))
    refused_here(qtbot, app, disk, admin, lambda: click_named(qtbot, admin, "Archiveren"))
    for action in ("Anonimiseren", "Alles verwijderen"):
        click_named(qtbot, admin, action)
        refused_here(qtbot, app, disk, admin, lambda: click(qtbot, admin.confirm_yes))
    retype(qtbot, admin.extra_fields["postcode"], "1234")
    refused_here(qtbot, app, disk, admin, lambda: click(qtbot, admin.save_extra_button))
    retype(qtbot, admin.name, "Cor")
    refused_here(qtbot, app, disk, admin, lambda: click(qtbot, admin.add_button))
    assert sorted(learner.name for learner in app.repository.learners()) == ["Anna", "Bram"]
    click(qtbot, admin.back_button)

    # The team and the location.
    click(qtbot, today.people_button)
    people = window.people
    type_text(qtbot, people.name, "Piet")
    type_text(qtbot, people.pin, "3951")
    type_text(qtbot, people.pin_again, "3951")
    refused_here(qtbot, app, disk, people, lambda: click(qtbot, people.add_button))
    refused_here(qtbot, app, disk, people,
                 lambda: click_named(qtbot, people.row_widgets[next(
                     m.id for m in app.services.staff.staff() if m.name == "Anja")],
                     "Verwijderen"))
    click(qtbot, people.back_button)
    click(qtbot, today.settings_button)
    settings = window.settings
    retype(qtbot, settings.location, "Buurthuis De Linde")
    refused_here(qtbot, app, disk, settings, lambda: click_named(qtbot, settings, "Opslaan"))
    logo = tmp_path / "logo.png"
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#124A99"))
    image.save(str(logo))
    click_named(qtbot, settings, "Logo kiezen")
    refused_here(qtbot, app, disk, settings,
                 lambda: (window.open_dialog.selectFile(str(logo)), window.open_dialog.accept()))
    assert not list(app.services.data_dir.glob("logo*"))  # no copy left behind
    assert app.services.settings.location_name() != "Buurthuis De Linde"

    # Back on the disk with room, the same clicks work.
    disk.allow()
    click_named(qtbot, settings, "Opslaan")
    assert app.services.settings.location_name() == "Buurthuis De Linde"


def test_a_read_only_database_is_read_and_never_half_written(
        qtbot, start_app, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The progress file may only be read (as when its permissions forbid writing): the
    learners are shown, and each write says plainly that it cannot be saved."""
    app = start_app()
    add_new_learner(qtbot, app, "Fatima", "vlinder")
    end_visit(qtbot, app)
    app.services.staff.add_staff("Joke", "coordinator", "4821")
    path = home / "oefenplek.sqlite3"
    app.window.close()
    app.database.close()
    monkeypatch.setenv("OEFENPLEK_DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    app = start_app()
    window, before = app.window, snapshot(path)

    def refused_read_only(action) -> None:
        screen = window.current_screen()
        action()
        assert told(app, None, qtbot).startswith(
            "Opslaan lukt niet: deze computer mag niet schrijven in het bestand")
        assert window.current_screen() is screen and snapshot(path) == before

    assert [tile.title.text() for tile in window.picker.tiles.values()] == ["Fatima"]
    refused_read_only(lambda: click(qtbot, window.picker.tiles[learner_id(app, "Fatima")]))
    # The door opens with a right PIN (nothing to save); a wrong one cannot be counted.
    open_staff(qtbot, app)
    type_text(qtbot, window.door.pin, "1111")
    qtbot.keyClick(window.door.pin, Qt.Key.Key_Return)
    assert window.door.message.text().startswith("Opslaan lukt niet: deze computer mag niet")
    assert snapshot(path) == before
    retype(qtbot, window.door.pin, "4821")
    qtbot.keyClick(window.door.pin, Qt.Key.Key_Return)
    assert window.current_screen() is window.today
    click(qtbot, window.today.settings_button)
    retype(qtbot, window.settings.location, "Buurthuis De Linde")
    click_named(qtbot, window.settings, "Opslaan")
    assert window.settings.status.text().startswith("Opslaan lukt niet: deze computer mag")
    assert snapshot(path) == before


def test_files_made_on_a_full_disk_leave_nothing_behind(qtbot, start_app, disk) -> None:
    """A report and a group's certificates saved onto the full disk: the status line says
    so, no part of a file is left there, and the certificates are not counted as given."""
    app = start_app()
    window = app.window
    add_new_learner(qtbot, app, "Ahmed", "kat")
    finish_proefles(qtbot, app)
    click(qtbot, window.end.to_lessons)
    end_visit(qtbot, app)
    sign_in_as_coordinator(qtbot, app)
    disk.refuse()
    before = snapshot(disk.database)

    click(qtbot, window.today.reports_button)
    reports = window.reports
    qtbot.waitUntil(lambda: bool(reports.total_labels), timeout=10_000)
    click(qtbot, next(b for b in reports.export_buttons if b.text() == "XLSX"))
    save_as(qtbot, window.save_dialog, disk.folder / "rapport.xlsx")
    qtbot.waitUntil(lambda: reports.status.text().startswith(disk.expected), timeout=10_000)
    assert all(button.isEnabled() for button in reports.export_buttons)  # not left busy
    click(qtbot, reports.back_button)

    click(qtbot, window.today.batch)
    batch = window.batch
    refused_here(qtbot, app, disk, batch, lambda: click(qtbot, batch.save))
    assert sorted(path.name for path in disk.folder.iterdir()) == [
        "filler", "oefenplek.sqlite3", "oefenplek.sqlite3-shm", "oefenplek.sqlite3-wal"]
    assert snapshot(disk.database) == before
