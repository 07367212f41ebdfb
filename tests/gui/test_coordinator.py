"""A coordinator looks after the team, the location and the learners' data."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from .people import (
    add_new_learner,
    choose_in_combo,
    choose_in_list,
    click,
    click_named,
    count_rows,
    end_visit,
    finish_lesson,
    leave_staff,
    open_lesson,
    press_next,
    retype,
    save_as,
    sign_in_as_coordinator,
    sign_in_staff,
    tap_beside_target,
    tick,
    type_text,
    visible_text,
)


def test_a_coordinator_manages_the_team_and_the_learners_data(qtbot, start_app) -> None:
    app = start_app()
    for name, picture in (("Anna", "kat"), ("Bram", "hond"), ("Cor", "vis")):
        add_new_learner(qtbot, app, name, picture)
        open_lesson(qtbot, app, "Proefles")
        press_next(qtbot, app)
        tap_beside_target(qtbot, app)
        end_visit(qtbot, app)
    assert count_rows(app, "attempt") == 3
    sign_in_as_coordinator(qtbot, app)

    # The team: add a volunteer with a PIN (typed twice).
    click(qtbot, app.window.today.people_button)
    people = app.window.people
    assert app.window.current_screen() is people
    type_text(qtbot, people.name, "Anja")
    type_text(qtbot, people.pin, "5739")
    type_text(qtbot, people.pin_again, "5739")
    click(qtbot, people.add_button)
    assert people.status.text() == "Anja is toegevoegd."
    assert "Anja" in visible_text(people)
    assert sorted((m.name, m.role) for m in app.services.staff.staff()) == [
        ("Anja", "volunteer"), ("Joke", "coordinator")]

    # Learners: archive Anna, anonymise Bram, delete Cor.
    click(qtbot, people.back_button)
    assert app.window.current_screen() is app.window.today
    click(qtbot, app.window.today.learners_button)
    admin = app.window.learners_admin
    assert app.window.current_screen() is admin
    choose_in_list(qtbot, admin.list, "Anna")
    click_named(qtbot, admin, "Archiveren")
    assert sorted(learner.name for learner in app.repository.learners()) == ["Bram", "Cor"]
    assert admin.list.currentItem().text().startswith("Anna")  # still chosen, now archived
    choose_in_list(qtbot, admin.list, "Bram")
    click_named(qtbot, admin, "Anonimiseren")
    assert admin.confirm_yes.isVisible()  # asked once more, in the same place
    assert count_rows(app, "learner", "name = 'Bram'") == 1  # nothing happened yet
    click(qtbot, admin.confirm_yes)
    assert not admin.confirm_yes.isVisible()
    choose_in_list(qtbot, admin.list, "Cor")
    click_named(qtbot, admin, "Alles verwijderen")
    click(qtbot, admin.confirm_yes)
    assert admin.status.text() == "De deelnemer en alle gegevens zijn verwijderd."
    assert not [admin.list.item(row).text() for row in range(admin.list.count())
                if admin.list.item(row).text().startswith(("Bram", "Cor"))]

    # What the database holds now.
    assert count_rows(app, "learner") == 2  # Cor is gone
    assert count_rows(app, "learner", "name = 'Cor'") == 0
    assert count_rows(app, "learner", "name = '' AND avatar = ''") == 1  # Bram, anonymised
    assert count_rows(app, "learner", "name = 'Anna' AND archived_at IS NOT NULL") == 1
    assert count_rows(app, "attempt") == 2  # Anna's and Bram's attempts are kept for reports
    assert count_rows(app, "lesson_run") == 2 and count_rows(app, "visit") == 2
    assert app.repository.learners() == []  # nobody left on the picker
    click(qtbot, admin.back_button)
    leave_staff(qtbot, app)
    assert app.window.picker.tiles == {}


def test_the_location_settings_change_what_learners_see(qtbot, start_app) -> None:
    app = start_app()
    sign_in_as_coordinator(qtbot, app)
    click(qtbot, app.window.today.settings_button)
    settings = app.window.settings
    assert app.window.current_screen() is settings
    retype(qtbot, settings.location, "Buurthuis De Linde")
    tick(qtbot, settings.theme_checks["internet"], False)
    tick(qtbot, settings.auto_read, True)
    click_named(qtbot, settings, "Opslaan")
    assert settings.status.text() == "De instellingen zijn bewaard."
    assert app.services.settings.location_name() == "Buurthuis De Linde"
    assert app.services.settings.themes_offered() == {"tablet"}
    assert app.services.settings.read_aloud_auto()
    click(qtbot, settings.back_button)
    leave_staff(qtbot, app)
    add_new_learner(qtbot, app, "Dewi", "zon")
    lessons = app.window.lessons
    assert app.window.current_screen() is lessons
    assert [button.text() for button in lessons.theme_buttons.values()] == ["Tablet en telefoon"]
    [dewi] = app.repository.learners()
    assert dewi.preferences.read_aloud_auto
    # She hears the first step by herself.
    open_lesson(qtbot, app, "Proefles")
    assert app.services.speaker.last_text == "Dit is een tablet."


def test_the_reports_screen_shows_the_figures_and_exports_the_same(
        qtbot, start_app, tmp_path: Path) -> None:
    app = start_app()
    for name, picture in (("Anna", "kat"), ("Bram", "hond")):
        add_new_learner(qtbot, app, name, picture)
        open_lesson(qtbot, app, "Proefles")
        end_visit(qtbot, app)
    assert count_rows(app, "visit") == 2 and count_rows(app, "lesson_run") == 2
    sign_in_as_coordinator(qtbot, app)
    click(qtbot, app.window.today.reports_button)
    screen = app.window.reports
    assert app.window.current_screen() is screen
    qtbot.waitUntil(lambda: "Bezoeken" in screen.total_labels
                    and screen.total_labels["Bezoeken"].text() == "2", timeout=10000)
    assert screen.total_labels["Deelnemers"].text() == "2"
    assert screen.total_labels["Lessen begonnen"].text() == "2"
    xlsx = next(b for b in screen.export_buttons if b.text() == "XLSX")
    click(qtbot, xlsx)
    target = tmp_path / "rapport.xlsx"
    save_as(qtbot, app.window.save_dialog, target)
    qtbot.waitUntil(lambda: "Opgeslagen" in screen.status.text(), timeout=10000)
    assert all(button.isEnabled() for button in screen.export_buttons)  # not busy any more
    totals = {row[0]: row[1] for row in load_workbook(target)["Totalen"].iter_rows(
        min_row=7, values_only=True) if row[0]}
    on_screen = {name: float(label.text().replace(".", "").replace(",", "."))
                 for name, label in screen.total_labels.items()}
    assert on_screen["Bezoeken"] == 2
    assert {name: float(value) for name, value in totals.items()} == on_screen


def test_optional_questions_are_off_until_switched_on_and_the_logo_goes_on_certificates(
        qtbot, start_app, tmp_path: Path) -> None:
    app = start_app()
    add_new_learner(qtbot, app, "Anna", "kat")
    finish_lesson(qtbot, app, "Proefles")
    end_visit(qtbot, app)
    sign_in_as_coordinator(qtbot, app)
    click(qtbot, app.window.today.learners_button)
    admin = app.window.learners_admin
    choose_in_list(qtbot, admin.list, "Anna")
    assert not any(field.isVisibleTo(admin) for field in admin.extra_fields.values())
    click(qtbot, admin.back_button)

    click(qtbot, app.window.today.settings_button)
    settings = app.window.settings
    for key in ("birth_year", "postcode"):
        tick(qtbot, settings.extra_checks[key], True)
    logo = tmp_path / "logo.png"
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#0a7d5a"))
    image.save(str(logo))
    click_named(qtbot, settings, "Logo kiezen")
    save_as(qtbot, app.window.open_dialog, logo)  # the person picks the picture
    kept = app.services.settings.logo_path()  # a copy in the data folder
    assert kept is not None and kept.suffix == ".png" and kept.is_file()
    assert settings.logo.text() == kept.name
    click_named(qtbot, settings, "Opslaan")
    assert app.services.settings.extra_fields() == {"birth_year", "postcode"}
    click(qtbot, settings.back_button)

    click(qtbot, app.window.today.learners_button)
    choose_in_list(qtbot, admin.list, "Anna")
    visible = {k for k, f in admin.extra_fields.items() if f.isVisibleTo(admin)}
    assert visible == {"birth_year", "postcode"}
    retype(qtbot, admin.extra_fields["postcode"], "12")
    click(qtbot, admin.save_extra_button)
    assert "4 cijfers" in admin.status.text()
    assert count_rows(app, "learner", "postcode IS NOT NULL") == 0
    retype(qtbot, admin.extra_fields["postcode"], "1234")
    retype(qtbot, admin.extra_fields["birth_year"], "1961")
    click(qtbot, admin.save_extra_button)
    assert admin.status.text() == "De gegevens zijn bewaard."
    assert count_rows(app, "learner", "postcode = '1234' AND birth_year = 1961") == 1

    # The logo is on the certificate the coordinator makes from Anna's page.
    click(qtbot, admin.back_button)
    card = app.window.today.cards[app.repository.learners()[0].id]
    click_named(qtbot, card, "Openen")
    click_named(qtbot, app.window.staff_learner, "Certificaat")
    certificate = app.window.certificate
    assert app.window.current_screen() is certificate
    click(qtbot, certificate.save)
    saved = tmp_path / "anna.pdf"
    save_as(qtbot, app.window.save_dialog, saved)
    qtbot.waitUntil(lambda: "Opgeslagen" in certificate.status.text(), timeout=10000)
    [page] = PdfReader(saved).pages
    [picture] = page.images  # the theme's icon is drawn, the logo is the one picture
    assert (picture.image.width, picture.image.height) == (120, 60)
    [issued] = app.repository.certificates(app.repository.learners()[0].id)
    assert issued.signer == "Joke"


def test_a_coordinator_adds_a_learner(qtbot, start_app) -> None:
    app = start_app()
    sign_in_as_coordinator(qtbot, app)
    click(qtbot, app.window.today.learners_button)
    admin = app.window.learners_admin
    assert admin.list.count() == 0
    type_text(qtbot, admin.name, "Riet")
    choose_in_combo(qtbot, admin.avatar, "tulp")
    click_named(qtbot, admin, "Toevoegen als nieuwe deelnemer")
    assert [(learner.name, learner.avatar) for learner in app.repository.learners()] == [
        ("Riet", "tulip")]
    assert admin.status.text() == "Riet is toegevoegd."
    assert admin.list.currentItem().text().startswith("Riet")
    # Riet's tile is on the picker, and she can start with it.
    click(qtbot, admin.back_button)
    leave_staff(qtbot, app)
    assert [tile.title.text() for tile in app.window.picker.tiles.values()] == ["Riet"]
    # A volunteer can see the new learner in the list for a visit without the computer.
    sign_in_staff(qtbot, app, "4821", "Joke")
    assert "Riet" in [app.window.today.visit_learner.itemText(i)
                      for i in range(app.window.today.visit_learner.count())]
