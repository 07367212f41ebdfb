"""A coordinator moves the location onto its shared database, from the settings screen:
test and save the connection, copy this computer's data into it, and go back again.

The location database is a fresh, empty PostgreSQL database on the test session's own server
(127.0.0.1); a database that does not answer is a port on 127.0.0.1 where nothing listens.
"""

from __future__ import annotations

import json
import stat
from urllib.parse import quote

from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from oefenplek.app import Running
from oefenplek.gui.staff.location_controller import location_from_form, location_state
from oefenplek.gui.staff.location_db import LocationDatabaseScreen
from oefenplek.storage.copy import table_counts
from oefenplek.storage.location import (
    ENVIRONMENT,
    LocationDatabase,
    load_location_database,
    settings_file,
)

from ..postgres import free_port
from .people import (
    add_new_learner,
    button_named,
    click,
    click_named,
    end_visit,
    open_lesson,
    press_next,
    retype,
    sign_in_as_coordinator,
    tap_beside_target,
    type_text,
    visible_text,
)

SAVE = "Verbinding testen en bewaren"
COPY = "Gegevens van deze computer kopiëren naar de locatiedatabase"
OWN = "Terug naar de eigen database van deze computer"
RESTART = "Start daarna oefenplek opnieuw op alle computers van deze locatie."
WAIT_MS = 30_000


def open_location_database(qtbot, app: Running) -> LocationDatabaseScreen:
    """Coordinator Joke: Settings, then Location database…"""
    sign_in_as_coordinator(qtbot, app)
    click(qtbot, app.window.today.settings_button)
    assert app.window.current_screen() is app.window.settings
    click_named(qtbot, app.window.settings, "Locatiedatabase…")
    screen = app.window.current_screen()
    assert isinstance(screen, LocationDatabaseScreen)
    return screen


def fill_in(qtbot, screen: LocationDatabaseScreen, where: LocationDatabase,
            password: str) -> None:
    for field, text in ((screen.host, where.host), (screen.port, str(where.port)),
                        (screen.name, where.name), (screen.user, where.user)):
        retype(qtbot, field, text)
    type_text(qtbot, screen.password, password)


def press_and_wait(qtbot, screen: LocationDatabaseScreen, text: str) -> str:
    """Press the button and wait until the work behind it is done; what the screen says."""
    click_named(qtbot, screen, text)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT_MS)
    return screen.status.text()


def shown_anywhere(window: QWidget, secret: str) -> list[str]:
    """Where a person (or a screen reader) could read `secret` on the window."""
    found = [label for label in [visible_text(window)] if secret in label]
    for widget in window.findChildren(QWidget):
        said = [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLineEdit):
            said += [widget.placeholderText()]
            if widget.echoMode() == QLineEdit.EchoMode.Normal:
                said.append(widget.text())
        if isinstance(widget, QAbstractButton):
            said.append(widget.text())
        found += [text for text in said if secret in text]
    return found


def own_counts(app: Running) -> dict[str, int]:
    return table_counts(f"sqlite:///{app.services.data_dir / 'oefenplek.sqlite3'}")


def test_a_coordinator_moves_the_learners_onto_the_location_database(
        qtbot, start_app, postgres_url: str) -> None:
    app = start_app()
    add_new_learner(qtbot, app, "Anna", "kat")
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)
    tap_beside_target(qtbot, app)
    end_visit(qtbot, app)
    screen = open_location_database(qtbot, app)
    assert "Nu in gebruik: de eigen database van deze computer." in visible_text(screen)
    assert not button_named(screen, COPY).isEnabled()  # nothing to copy to yet
    assert not button_named(screen, OWN).isEnabled()

    # She types what the person who set up the database gave her, and tests it.
    where = LocationDatabase.from_url(postgres_url)
    password = where.password
    assert password
    fill_in(qtbot, screen, where, password)
    said = press_and_wait(qtbot, screen, SAVE)
    assert said == ("De locatiedatabase antwoordt en is bewaard. Staan er deelnemers op deze "
                    "computer? Kopieer de gegevens dan nu naar de locatiedatabase. " + RESTART)
    file = settings_file(app.services.data_dir)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert json.loads(file.read_text(encoding="utf-8")) == {
        "host": where.host, "port": where.port, "name": where.name, "user": where.user,
        "password": password}
    assert load_location_database(app.services.data_dir) == where
    assert f"Bewaard: {where.safe_text()}." in visible_text(screen)
    assert "Nu in gebruik: de eigen database van deze computer." in visible_text(screen)
    assert screen.password.text() == ""  # never put back in its field
    assert screen.password.placeholderText() == "(bewaard)"
    assert screen.host.text() == where.host and screen.user.text() == where.user

    # Saved again with the password field left empty: the saved password stays.
    assert press_and_wait(qtbot, screen, SAVE).startswith("De locatiedatabase antwoordt")
    assert load_location_database(app.services.data_dir) == where

    # She copies this computer's learners into the empty location database.
    before = own_counts(app)
    assert before["learner"] == 1 and before["attempt"] == 1
    said = press_and_wait(qtbot, screen, COPY)
    rows = sum(before.values())
    assert said == (f"{rows} rijen zijn gekopieerd naar de locatiedatabase; in beide staat "
                    f"hetzelfde. {RESTART}")
    assert table_counts(postgres_url) == before
    assert screen.progress.isHidden()

    # A second copy would mix two locations' learners: it is refused, nothing changes.
    said = press_and_wait(qtbot, screen, COPY)
    assert said == (f"In de database {where.safe_text()} staan al deelnemers of andere "
                    "gegevens. oefenplek kopieert alleen naar een lege database; er is niets "
                    "veranderd.")
    assert table_counts(postgres_url) == before

    # The password is nowhere on screen, and nowhere in the coordinator's log.
    assert shown_anywhere(app.window, password) == []
    log = app.services.ops.log_file.read_text(encoding="utf-8")
    assert f"Location database saved: {where.safe_text()}" in log
    assert "staan al deelnemers" in log
    assert password not in log and quote(password, safe="") not in log

    # Back to this computer's own database: asked once more, in the same place.
    click_named(qtbot, screen, OWN)
    assert screen.question.isVisible()
    click_named(qtbot, screen, "Nee")
    assert not screen.question.isVisible()
    assert file.exists()
    click_named(qtbot, screen, OWN)
    click_named(qtbot, screen, "Ja, doe het")
    assert not file.exists()
    assert screen.status.text() == ("Er is geen locatiedatabase meer ingesteld. Deze "
                                    "computer blijft zijn eigen database gebruiken.")
    assert not button_named(screen, OWN).isEnabled()
    assert not button_named(screen, COPY).isEnabled()
    assert screen.password.placeholderText() == ""
    assert own_counts(app) == before  # this computer's own data is as it was

    click(qtbot, screen.back_button)
    assert app.window.current_screen() is app.window.settings


def test_a_wrong_password_or_a_silent_server_is_said_plainly_and_nothing_is_saved(
        qtbot, start_app, postgres_url: str) -> None:
    app = start_app()
    screen = open_location_database(qtbot, app)
    file = settings_file(app.services.data_dir)
    where = LocationDatabase.from_url(postgres_url)

    fill_in(qtbot, screen, where, "niet-het-goede-wachtwoord")
    assert press_and_wait(qtbot, screen, SAVE) == (
        f"De database op {where.host} kent deze gebruikersnaam met dit wachtwoord niet. "
        "Controleer ze samen met wie de database heeft ingesteld.")
    assert not file.exists()
    assert screen.save_button.isEnabled()  # she can correct it and try again

    # The right password, but a port where nothing listens.
    silent = LocationDatabase(where.host, free_port(), where.name, where.user)
    fill_in(qtbot, screen, silent, "")
    retype(qtbot, screen.password, "")
    type_text(qtbot, screen.password, where.password)
    assert press_and_wait(qtbot, screen, SAVE) == (
        f"De database op {where.host} geeft geen antwoord. Staat die computer aan?")
    assert not file.exists()

    # What is missing in the form is said before anything is tried.
    retype(qtbot, screen.port, "vijf")
    click_named(qtbot, screen, SAVE)
    assert not screen.busy
    assert screen.status.text() == "De poort is een getal, meestal 5432."
    retype(qtbot, screen.port, str(where.port))
    retype(qtbot, screen.host, "")
    click_named(qtbot, screen, SAVE)
    assert screen.status.text() == "Typ de naam of het adres van de computer met de database."
    assert not file.exists()
    assert not button_named(screen, COPY).isEnabled()

    # The right place, but TLS ticked while this server offers none: said, not saved.
    retype(qtbot, screen.host, where.host)
    retype(qtbot, screen.port, str(where.port))
    click(qtbot, screen.tls)
    assert press_and_wait(qtbot, screen, SAVE) == (
        f"De database op {where.host} en deze computer zijn het niet eens over een "
        "beveiligde (TLS-)verbinding. Vraag wie de database heeft ingesteld welke het moet "
        "zijn.")
    assert not file.exists()

    log = app.services.ops.log_file.read_text(encoding="utf-8")
    assert "geeft geen antwoord" in log
    assert where.password not in log and "niet-het-goede-wachtwoord" not in log
    assert shown_anywhere(app.window, where.password) == []


def test_when_it_set_the_database_the_form_is_locked(
        qtbot, start_app, postgres_url: str, monkeypatch) -> None:
    monkeypatch.setenv(ENVIRONMENT, postgres_url)
    app = start_app()
    assert app.database.engine.dialect.name == "postgresql"
    screen = open_location_database(qtbot, app)
    where = LocationDatabase.from_url(postgres_url)
    text = visible_text(screen)
    assert f"Nu in gebruik: de locatiedatabase {where.safe_text()}." in text
    assert ("De IT-beheerder heeft de database van deze computer ingesteld "
            "(OEFENPLEK_DATABASE_URL). Moet er iets veranderen? Vraag het de IT-beheerder."
            ) in text
    for widget in (screen.host, screen.port, screen.name, screen.user, screen.password,
                   button_named(screen, SAVE), button_named(screen, COPY),
                   button_named(screen, OWN)):
        assert not widget.isEnabled()
    assert screen.host.text() == where.host and screen.password.text() == ""
    assert shown_anywhere(app.window, where.password) == []
    assert not settings_file(app.services.data_dir).exists()


def test_the_tls_box_says_what_is_saved() -> None:
    saved = LocationDatabase("192.168.1.10", 5432, "oefenplek", "bieb", "geheim", "verify-full")
    ticked = location_from_form("192.168.1.10", "5432", "oefenplek", "bieb", "", True, None)
    assert ticked.sslmode == "require"
    again = location_from_form("192.168.1.10", "5432", "oefenplek", "bieb", "", True, saved)
    assert (again.sslmode, again.password) == ("verify-full", "geheim")  # stricter: kept
    off = location_from_form("192.168.1.10", "5432", "oefenplek", "bieb", "", False, saved)
    assert off.sslmode == ""
    assert location_state("sqlite:///x", saved, "", True).tls
    assert not location_state("sqlite:///x", off, "", True).tls
