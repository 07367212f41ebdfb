"""Backups as a coordinator meets them: made at start, every evening and before a learner is
deleted; listed under Settings, Backups; put back while the app runs (and undone); copied to
a USB stick, also when the stick is out; and on the location database, a pointer to IT."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from oefenplek import notices
from oefenplek.app import Running, build
from oefenplek.core.lessons import load_catalog
from oefenplek.gui import theme
from oefenplek.gui.staff.backups import BackupsScreen
from oefenplek.gui.staff.backups_controller import BackupsController
from oefenplek.storage.backups import (
    BEFORE_ANONYMISE,
    BEFORE_DELETE,
    BEFORE_MERGE,
    BY_HAND,
    NIGHT,
    START,
    list_backups,
)

from .people import (
    add_new_learner,
    button_named,
    choose_in_combo,
    choose_in_list,
    choose_learner,
    click,
    click_named,
    count_rows,
    end_visit,
    leave_staff,
    open_lesson,
    press_next,
    save_as,
    sign_in_as_coordinator,
    sign_in_staff,
    tap_beside_target,
    visible_text,
)

WAIT_MS = 20_000
DELETE = "Alles verwijderen"


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in this computer's local time, as the app's clock gives it (UTC)."""
    return datetime(year, month, day, hour, minute).astimezone().astimezone(UTC)


def reasons(home: Path) -> list[str]:
    """Why each backup in the backups folder was made, oldest first."""
    return [backup.reason for backup in reversed(list_backups(home / "backups"))]


def names_in(file: Path) -> list[str]:
    connection = sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM learner ORDER BY name")]
    finally:
        connection.close()


def learners_with_a_lesson(qtbot, app: Running, *names: str) -> None:
    for name in names:
        add_new_learner(qtbot, app, name, "kat")
        open_lesson(qtbot, app, "Proefles")
        press_next(qtbot, app)
        tap_beside_target(qtbot, app)
        end_visit(qtbot, app)


def open_backups(qtbot, app: Running) -> BackupsScreen:
    """From today's overview: Settings, then Backups…; wait until the list is read."""
    click(qtbot, app.window.today.settings_button)
    assert app.window.current_screen() is app.window.settings
    click_named(qtbot, app.window.settings, "Back-ups…")
    screen = app.window.current_screen()
    assert isinstance(screen, BackupsScreen)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT_MS)
    return screen


def delete_learner(qtbot, app: Running, name: str) -> None:
    """From today's overview: Learners, choose the name, Delete everything, Yes."""
    click(qtbot, app.window.today.learners_button)
    admin = app.window.learners_admin
    choose_in_list(qtbot, admin.list, name)
    click_named(qtbot, admin, DELETE)
    click(qtbot, admin.confirm_yes)
    click(qtbot, admin.back_button)
    assert app.window.current_screen() is app.window.today


def press_and_wait(qtbot, screen: BackupsScreen, text: str) -> str:
    click_named(qtbot, screen, text)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT_MS)
    return screen.status.text()


def test_a_deleted_learner_comes_back_from_the_backup_made_before(
        qtbot, start_app, home: Path) -> None:
    app = start_app()
    qtbot.waitUntil(lambda: reasons(home) == [START], timeout=WAIT_MS)  # made at start
    learners_with_a_lesson(qtbot, app, "Anna", "Cor")
    sign_in_as_coordinator(qtbot, app)
    delete_learner(qtbot, app, "Cor")
    assert count_rows(app, "learner", "name = 'Cor'") == 0
    assert reasons(home) == [START, BEFORE_DELETE]
    [before] = [b for b in list_backups(home / "backups") if b.reason == BEFORE_DELETE]
    assert names_in(before.file) == ["Anna", "Cor"]  # made before the change

    # Settings, Backups: both are listed, the newest first, in plain words.
    screen = open_backups(qtbot, app)
    assert list(screen.row_widgets) == [before.file.name, *[
        b.file.name for b in list_backups(home / "backups") if b.reason == START]]
    said = visible_text(screen.row_widgets[before.file.name])
    assert said.startswith("vandaag ")
    assert "gemaakt voordat een deelnemer werd verwijderd · 2 deelnemers · laatst actief " \
           "vandaag" in said
    assert f"De back-ups staan in {home / 'backups'}." in visible_text(screen)

    # She puts it back, after one plain question in the same place.
    click_named(qtbot, screen.row_widgets[before.file.name], "Terugzetten")
    assert screen.question.isVisible()
    assert screen.question.text().startswith(
        "De gegevens van nu worden eerst apart bewaard. Zo kun je het weer ongedaan maken. "
        "De back-up van vandaag ")
    assert count_rows(app, "learner", "name = 'Cor'") == 0  # nothing happened yet
    click(qtbot, screen.confirm_yes)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT_MS)
    assert screen.status.text() == "De back-up is teruggezet."
    [kept] = list(home.glob("oefenplek.before-restore-*.sqlite3"))
    assert names_in(kept) == ["Anna"]  # the data of just before, kept aside whole
    assert f"De gegevens van vóór het terugzetten staan apart in {kept}." in visible_text(screen)
    assert count_rows(app, "learner", "name = 'Cor'") == 1
    assert count_rows(app, "attempt") == 2  # Cor's answer is back too

    # Back through the settings to today, then close: Cor's tile is on the picker again.
    click(qtbot, screen.back_button)
    assert app.window.current_screen() is app.window.settings
    click(qtbot, app.window.settings.back_button)
    leave_staff(qtbot, app)
    assert sorted(tile.title.text() for tile in app.window.picker.tiles.values()) == [
        "Anna", "Cor"]

    # Changed her mind: the restore is undone, and what it put back is kept aside in turn.
    sign_in_staff(qtbot, app, "4821", "Joke")
    screen = open_backups(qtbot, app)
    click_named(qtbot, screen, "Terugzetten ongedaan maken")
    click(qtbot, screen.confirm_yes)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT_MS)
    assert screen.status.text().startswith("De gegevens van vóór het terugzetten zijn terug. "
                                           "De teruggezette gegevens staan apart in ")
    assert count_rows(app, "learner", "name = 'Cor'") == 0
    assert not button_named(screen, "Nu een back-up maken").isHidden()
    assert screen.undo_button.isHidden()


def test_no_delete_without_its_backup(qtbot, start_app, home: Path) -> None:
    """The backups folder cannot be made (a file has its name): the delete is refused in one
    sentence, and the coordinator finds the failed start backup in her notices."""
    home.mkdir(parents=True)
    (home / "backups").write_text("in de weg", encoding="utf-8")
    app = start_app()
    learners_with_a_lesson(qtbot, app, "Anna", "Cor")
    sign_in_as_coordinator(qtbot, app)
    click(qtbot, app.window.today.learners_button)
    admin = app.window.learners_admin
    choose_in_list(qtbot, admin.list, "Cor")
    click_named(qtbot, admin, DELETE)
    click(qtbot, admin.confirm_yes)
    assert admin.status.text() == (
        "Er is niets veranderd: er kon eerst geen back-up worden gemaakt. Kijk of er ruimte "
        "op de schijf is en probeer het opnieuw.")
    assert count_rows(app, "learner", "name = 'Cor'") == 1
    assert any("Opslaan lukt niet" in line for line in notices.read_notices())


def test_a_merge_and_an_anonymise_each_get_their_backup_first(
        qtbot, start_app, home: Path) -> None:
    app = start_app()
    learners_with_a_lesson(qtbot, app, "Anna", "Bram", "Cor")
    sign_in_as_coordinator(qtbot, app)
    click(qtbot, app.window.today.learners_button)
    admin = app.window.learners_admin
    choose_in_list(qtbot, admin.list, "Anna")
    choose_in_combo(qtbot, admin.merge_with, "Bram")  # two tiles of the same person
    click_named(qtbot, admin, "Samenvoegen")
    click(qtbot, admin.confirm_yes)
    choose_in_list(qtbot, admin.list, "Cor")
    click_named(qtbot, admin, "Anonimiseren")
    click(qtbot, admin.confirm_yes)
    qtbot.waitUntil(lambda: START in reasons(home), timeout=WAIT_MS)
    assert sorted(reasons(home)) == sorted([START, BEFORE_MERGE, BEFORE_ANONYMISE])
    merge, anonymise = (next(b for b in list_backups(home / "backups") if b.reason == why)
                        for why in (BEFORE_MERGE, BEFORE_ANONYMISE))
    assert names_in(merge.file) == ["Anna", "Bram", "Cor"]
    assert names_in(anonymise.file) == ["Anna", "Cor"]  # after the merge, before the name went
    assert names_in(app.services.backups.source) == ["", "Anna"]


@pytest.fixture
def start_at(qapp: QApplication, qtbot, fixture_lessons: Path
             ) -> Iterator[Callable[[list[datetime]], Running]]:
    """Start the app with a clock the test moves (`now[0]`), as a day goes by."""
    qapp.setStyleSheet(theme.stylesheet())
    started: list[Running] = []

    def start(now: list[datetime]) -> Running:
        running = build(load_catalog([fixture_lessons]), clock=lambda: now[0])
        qtbot.addWidget(running.window)
        running.window.show()
        qtbot.waitExposed(running.window)
        started.append(running)
        return running

    yield start
    for running in started:
        running.database.close()


def test_the_evening_backup_is_made_once_a_day(qtbot, start_at, home: Path) -> None:
    now = [local(2026, 3, 2, 16, 50)]
    app = start_at(now)
    add_new_learner(qtbot, app, "Anna", "kat")
    end_visit(qtbot, app)
    qtbot.waitUntil(lambda: reasons(home) == [START], timeout=WAIT_MS)
    [controller] = [c for c in app.controllers if isinstance(c, BackupsController)]
    timer = controller.night_timer
    assert timer.isActive() and timer.isSingleShot()
    assert timer.interval() == 10 * 60 * 1000  # set for five o'clock, nothing before

    # Ten minutes later the timer goes off (here at once: the test cannot wait that long).
    now[0] = local(2026, 3, 2, 17, 5)
    timer.setInterval(1)
    qtbot.waitUntil(lambda: reasons(home) == [START, NIGHT], timeout=WAIT_MS)
    [night] = [b for b in list_backups(home / "backups") if b.reason == NIGHT]
    assert names_in(night.file) == ["Anna"]
    assert timer.isActive() and timer.interval() == 60 * 60 * 1000  # then once an hour at most

    # Later that evening and the next morning people come and go: no more evening backups.
    now[0] = local(2026, 3, 2, 23, 40)
    add_new_learner(qtbot, app, "Bram", "hond")
    end_visit(qtbot, app)
    now[0] = local(2026, 3, 3, 9, 0)
    choose_learner(qtbot, app, "Bram")
    assert reasons(home) == [START, NIGHT]

    # The computer slept through five o'clock: Bram stopping at ten past is enough.
    now[0] = local(2026, 3, 3, 17, 10)
    end_visit(qtbot, app)
    # Yesterday's start backup goes by the calendar rule: the evening's is that day's newest.
    qtbot.waitUntil(lambda: reasons(home) == [NIGHT, NIGHT], timeout=WAIT_MS)
    log = app.services.ops.log_file.read_text(encoding="utf-8")
    assert "Backup made (night)" in log
    app.window.close()
    assert not timer.isActive()


def test_every_backup_goes_to_the_usb_stick_too(
        qtbot, start_app, home: Path, tmp_path: Path) -> None:
    stick = tmp_path / "USB-STICK"
    stick.mkdir()
    app = start_app()
    add_new_learner(qtbot, app, "Anna", "kat")
    end_visit(qtbot, app)
    sign_in_as_coordinator(qtbot, app)
    screen = open_backups(qtbot, app)
    assert "Er is geen tweede map gekozen." in visible_text(screen)
    assert not button_named(screen, "Geen tweede map").isEnabled()

    click_named(qtbot, screen, "Map kiezen…")
    assert screen.folder_dialog is not None
    save_as(qtbot, screen.folder_dialog, stick)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT_MS)
    assert screen.status.text() == f"Vanaf nu komt elke back-up ook in {stick}."
    assert f"Tweede map: {stick}" in visible_text(screen)

    said = press_and_wait(qtbot, screen, "Nu een back-up maken")
    assert said.startswith("Er is een back-up gemaakt (vandaag ")
    assert said.endswith("): 1 deelnemer.")
    [by_hand] = [b for b in list_backups(home / "backups") if b.reason == BY_HAND]
    assert names_in(stick / by_hand.file.name) == ["Anna"]
    assert by_hand.file.name in screen.row_widgets

    # The stick is out: the backup is made here all the same; said once, and logged.
    stick.rename(tmp_path / "elders")
    said = press_and_wait(qtbot, screen, "Nu een back-up maken")
    assert said.startswith("Er is een back-up gemaakt")
    assert said.endswith(f"De tweede map voor back-ups ({stick}) is niet te vinden. Zit de "
                         "USB-stick erin? De back-ups worden nog wel op deze computer gemaakt.")
    assert reasons(home).count(BY_HAND) == 2 and not stick.exists()
    assert sum("niet te vinden" in line for line in notices.read_notices()) == 1
    assert f"second backup folder missing: {stick}" in app.services.ops.log_file.read_text(
        encoding="utf-8")

    click_named(qtbot, screen, "Geen tweede map")
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT_MS)
    assert screen.status.text() == "Back-ups staan nu alleen op deze computer."
    assert "Er is geen tweede map gekozen." in visible_text(screen)


def test_on_the_location_database_backups_are_for_it(
        qtbot, start_app, home: Path, postgres_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OEFENPLEK_DATABASE_URL", postgres_url)
    app = start_app()
    learners_with_a_lesson(qtbot, app, "Anna", "Cor")
    sign_in_as_coordinator(qtbot, app)
    delete_learner(qtbot, app, "Cor")  # no backup here: IT's pg_dump has it
    assert [learner.name for learner in app.repository.learners()] == ["Anna"]
    screen = open_backups(qtbot, app)
    assert visible_text(screen).startswith(
        "Back-ups De gegevens van de deelnemers staan in de locatiedatabase. De back-ups "
        "daarvan maakt de IT-beheerder op de server, met pg_dump")
    assert screen.row_widgets == {}
    assert screen.make_button.isHidden() and screen.second_host.isHidden()
    assert not (home / "backups").exists()
