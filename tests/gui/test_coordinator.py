"""A coordinator looks after the team, the location and the learners' data."""

from __future__ import annotations

from PySide6.QtCore import Qt

from oefenplek.core.staff import COORDINATOR
from oefenplek.storage.staff_repository import StaffRepository

from .people import add_new_learner, press_next, tap_beside_target
from .test_staff_area import open_staff


def sign_in_as_coordinator(qtbot, app) -> StaffRepository:
    staff = StaffRepository(app.database, app.repository)
    staff.add_staff("Joke", COORDINATOR, "4821")
    open_staff(qtbot, app)
    qtbot.keyClicks(app.window.door.pin, "4821")
    qtbot.keyClick(app.window.door.pin, Qt.Key.Key_Return)
    assert app.window.today.learners_button.isVisible()
    return staff


def count(app, table: str, where: str = "") -> int:
    with app.database.engine.connect() as connection:
        sql = f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else "")
        return int(connection.exec_driver_sql(sql).scalar())


def select(screen, name: str) -> None:
    for row in range(screen.list.count()):
        if screen.list.item(row).text().startswith(name):
            screen.list.setCurrentRow(row)
            return
    raise AssertionError(f"{name} is not in the list")


def test_a_coordinator_manages_the_team_and_the_learners_data(qtbot, start_app) -> None:
    app = start_app()
    for name, picture in (("Anna", "kat"), ("Bram", "hond"), ("Cor", "vis")):
        add_new_learner(qtbot, app, name, picture)
        app.controller.open_lesson("proef-les")
        press_next(qtbot, app)
        tap_beside_target(qtbot, app)
        app.controller.end_visit()
    assert count(app, "attempt") == 3
    staff = sign_in_as_coordinator(qtbot, app)

    # The team: add a volunteer with a PIN (typed twice).
    qtbot.mouseClick(app.window.today.people_button, Qt.MouseButton.LeftButton)
    people = app.window.people
    qtbot.keyClicks(people.name, "Anja")
    qtbot.keyClicks(people.pin, "5739")
    qtbot.keyClicks(people.pin_again, "5739")
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    assert people.status.text() == "Anja is toegevoegd."
    assert sorted(m.name for m in staff.staff()) == ["Anja", "Joke"]

    # Learners: archive Anna, anonymise Bram, delete Cor.
    people.back.emit()
    qtbot.mouseClick(app.window.today.learners_button, Qt.MouseButton.LeftButton)
    admin = app.window.learners_admin
    select(admin, "Anna")
    qtbot.mouseClick(admin.archive_button, Qt.MouseButton.LeftButton)
    assert sorted(learner.name for learner in app.repository.learners()) == ["Bram", "Cor"]
    select(admin, "Bram")
    anonymise = next(b for b in admin.findChildren(type(admin.archive_button))
                     if b.text() == "Anonimiseren")
    qtbot.mouseClick(anonymise, Qt.MouseButton.LeftButton)
    assert admin.confirm_yes.isVisible()  # asked once more, in the same place
    qtbot.mouseClick(admin.confirm_yes, Qt.MouseButton.LeftButton)
    select(admin, "Cor")
    delete = next(b for b in admin.findChildren(type(admin.archive_button))
                  if b.text() == "Alles verwijderen")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(admin.confirm_yes, Qt.MouseButton.LeftButton)

    # What the database holds now.
    assert count(app, "learner") == 2  # Cor is gone
    assert count(app, "learner", "name = 'Cor'") == 0
    assert count(app, "learner", "name = '' AND avatar = ''") == 1  # Bram, anonymised
    assert count(app, "learner", "name = 'Anna' AND archived_at IS NOT NULL") == 1
    assert count(app, "attempt") == 2  # Anna's and Bram's attempts are kept for reports
    assert count(app, "lesson_run") == 2 and count(app, "visit") == 2
    assert app.repository.learners() == []  # nobody left on the picker


def test_the_location_settings_change_what_learners_see(qtbot, start_app) -> None:
    app = start_app()
    sign_in_as_coordinator(qtbot, app)
    qtbot.mouseClick(app.window.today.settings_button, Qt.MouseButton.LeftButton)
    settings = app.window.settings
    settings.location.clear()
    qtbot.keyClicks(settings.location, "Buurthuis De Linde")
    settings.theme_checks["internet"].setChecked(False)
    settings.auto_read.setChecked(True)
    save = next(b for b in settings.findChildren(type(app.window.today.batch))
                if b.text() == "Opslaan")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert app.repository.location_name() == "Buurthuis De Linde"
    qtbot.mouseClick(app.window.today.close_button, Qt.MouseButton.LeftButton)
    add_new_learner(qtbot, app, "Dewi", "zon")
    assert list(app.window.lessons.theme_buttons) == ["tablet"]
    assert app.controller.learner.preferences.read_aloud_auto


def test_the_reports_screen_shows_the_figures_and_exports_the_same(
        qtbot, start_app, tmp_path) -> None:
    from openpyxl import load_workbook

    app = start_app()
    for name, picture in (("Anna", "kat"), ("Bram", "hond")):
        add_new_learner(qtbot, app, name, picture)
        app.controller.open_lesson("proef-les")
        app.controller.end_visit()
    sign_in_as_coordinator(qtbot, app)
    qtbot.mouseClick(app.window.today.reports_button, Qt.MouseButton.LeftButton)
    screen = app.window.reports
    qtbot.waitUntil(lambda: "Bezoeken" in screen.total_labels
                    and screen.total_labels["Bezoeken"].text() == "2", timeout=10000)
    assert screen.total_labels["Deelnemers"].text() == "2"
    assert screen.total_labels["Lessen begonnen"].text() == "2"
    xlsx = next(b for b in screen.export_buttons if b.text() == "XLSX")
    qtbot.mouseClick(xlsx, Qt.MouseButton.LeftButton)
    target = tmp_path / "rapport.xlsx"
    app.window.save_dialog.fileSelected.emit(str(target))
    app.window.save_dialog.close()
    qtbot.waitUntil(lambda: "Opgeslagen" in screen.status.text(), timeout=10000)
    totals = {row[0]: row[1] for row in load_workbook(target)["Totalen"].iter_rows(
        min_row=7, values_only=True) if row[0]}
    on_screen = {name: float(label.text().replace(".", "").replace(",", "."))
                 for name, label in screen.total_labels.items()}
    assert {name: float(value) for name, value in totals.items()} == on_screen


def test_optional_questions_are_off_until_switched_on_and_the_logo_goes_on_certificates(
        qtbot, start_app, tmp_path) -> None:
    from PySide6.QtGui import QColor, QImage

    from oefenplek.documents.certificate import Picture

    app = start_app()
    add_new_learner(qtbot, app, "Anna", "kat")
    app.controller.end_visit()
    sign_in_as_coordinator(qtbot, app)
    qtbot.mouseClick(app.window.today.learners_button, Qt.MouseButton.LeftButton)
    admin = app.window.learners_admin
    assert not any(field.isVisibleTo(admin) for field in admin.extra_fields.values())
    admin.back.emit()

    qtbot.mouseClick(app.window.today.settings_button, Qt.MouseButton.LeftButton)
    settings = app.window.settings
    for key in ("birth_year", "postcode"):
        settings.extra_checks[key].setChecked(True)
    logo = tmp_path / "logo.png"
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#0a7d5a"))
    image.save(str(logo))
    qtbot.mouseClick(next(b for b in settings.findChildren(type(app.window.today.batch))
                          if b.text() == "Logo kiezen"), Qt.MouseButton.LeftButton)
    app.window.open_dialog.fileSelected.emit(str(logo))
    app.window.open_dialog.close()
    assert "logo.png" in settings.logo.text()
    save = next(b for b in settings.findChildren(type(app.window.today.batch))
                if b.text() == "Opslaan")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    settings.back.emit()

    qtbot.mouseClick(app.window.today.learners_button, Qt.MouseButton.LeftButton)
    visible = {k for k, f in admin.extra_fields.items() if f.isVisibleTo(admin)}
    assert visible == {"birth_year", "postcode"}
    admin.extra_fields["postcode"].setText("12")
    qtbot.mouseClick(admin.save_extra_button, Qt.MouseButton.LeftButton)
    assert "4 cijfers" in admin.status.text()
    admin.extra_fields["postcode"].setText("1234")
    admin.extra_fields["birth_year"].setText("1961")
    qtbot.mouseClick(admin.save_extra_button, Qt.MouseButton.LeftButton)
    assert count(app, "learner", "postcode = '1234' AND birth_year = 1961") == 1

    learner_id = app.repository.learners()[0].id
    _cert, page = app.controller.certificates.issue(learner_id, "proef-les", "lesson", "Joke")
    pictures = [item for item in page.items if isinstance(item, Picture)]
    assert any(item.path.name.startswith("logo") for item in pictures)


def test_a_coordinator_adds_a_learner(qtbot, start_app) -> None:
    app = start_app()
    sign_in_as_coordinator(qtbot, app)
    qtbot.mouseClick(app.window.today.learners_button, Qt.MouseButton.LeftButton)
    admin = app.window.learners_admin
    qtbot.keyClicks(admin.name, "Riet")
    admin.avatar.setCurrentIndex(admin.avatar.findData("tulip"))
    add = next(b for b in admin.findChildren(type(admin.archive_button))
               if b.text() == "Toevoegen als nieuwe deelnemer")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert [(learner.name, learner.avatar) for learner in app.repository.learners()] == [
        ("Riet", "tulip")]
    assert admin.status.text() == "Riet is toegevoegd."
