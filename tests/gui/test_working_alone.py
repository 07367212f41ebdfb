"""The location database does not answer when a computer starts: the app says so plainly and
offers to try again or to work alone; working alone, learners go on where they were, and all
they did reaches the location database once, in order, when it is back.

The server is the session's second one (`pausable_postgres`), switched off and on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from oefenplek import paths
from oefenplek.app import Running, build
from oefenplek.core.lessons import load_catalog
from oefenplek.gui import theme
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.start import StartUp
from oefenplek.storage.alone import copy_file
from oefenplek.storage.db import Database

from ..postgres import PostgresServer
from .people import (
    add_new_learner,
    answer_step_right,
    choose_learner,
    click,
    end_visit,
    open_lesson,
    press_next,
    visible_text,
)

HANDED_OVER_MS = 20_000  # tried every 3 s; opening the database again may take a moment


@pytest.fixture
def location(pausable_postgres: PostgresServer, monkeypatch: pytest.MonkeyPatch
             ) -> Iterator[str]:
    name = pausable_postgres.create_database()
    url = pausable_postgres.url(name)
    monkeypatch.setenv("OEFENPLEK_DATABASE_URL", url)
    try:
        yield url
    finally:
        pausable_postgres.ensure_running()


@pytest.fixture
def starting(qapp: QApplication, qtbot, fixture_lessons: Path
             ) -> Iterator[Callable[[], StartUp]]:
    """A computer being switched on, as `oefenplek` starts: the window, then the rest."""
    qapp.setStyleSheet(theme.stylesheet())
    made: list[StartUp] = []
    stopped: list[int] = []

    def switch_on() -> StartUp:
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1366, 768)
        startup = StartUp(window, lambda w, alone: build(
            load_catalog([fixture_lessons]), window=w, alone=alone),
            lambda: copy_file(paths.data_dir()).is_file(), stopped.append)
        made.append(startup)
        startup.finish()
        return startup

    yield switch_on
    for startup in made:
        if startup.running is not None:
            startup.running.window.close()  # lets go of the location database, too
            startup.running.database.close()
    assert stopped == []


def shown(app: Running) -> None:
    app.window.show()
    app.window.activateWindow()


def buttons(box: QMessageBox) -> set[str]:
    return {button.text() for button in box.buttons()}


def press(qtbot, box: QMessageBox, name: str) -> None:
    click(qtbot, next(button for button in box.buttons() if button.text() == name))


def rows(url: str, query: str) -> list[tuple[object, ...]]:
    database = Database(url)
    try:
        with database.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query))]
    finally:
        database.close()


def test_no_answer_at_start_and_no_copy_yet_offers_to_try_again(
        qtbot, starting, pausable_postgres: PostgresServer, location: str) -> None:
    pausable_postgres.pause()
    startup = starting()
    box = startup.away_box
    assert startup.running is None and box is not None and box.isVisible()
    assert "geeft geen antwoord. Staat die computer aan?" in box.text()
    assert "geen kopie" in box.text()
    assert buttons(box) == {"Opnieuw proberen", "Stoppen"}

    pausable_postgres.start()  # someone switched the server on
    press(qtbot, box, "Opnieuw proberen")
    qtbot.waitUntil(lambda: startup.running is not None, timeout=10_000)
    assert startup.running is not None
    assert startup.running.database.engine.dialect.name == "postgresql"
    assert not startup.running.services.writes.alone


def test_working_alone_goes_on_where_the_learner_was_and_hands_everything_over(
        qtbot, starting, pausable_postgres: PostgresServer, location: str) -> None:
    # Monday: on the location database, Fatima does two steps; the computer is shut down.
    monday = starting()
    app = monday.running
    assert app is not None
    shown(app)
    add_new_learner(qtbot, app, "Fatima", "vlinder")
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)
    answer_step_right(qtbot, app)
    press_next(qtbot, app)  # at step 2
    end_visit(qtbot, app)
    app.window.close()
    assert copy_file(paths.data_dir()).is_file()  # kept at closing, for a day like Tuesday
    monday.running = None
    app.database.close()

    # Tuesday: the server is off. The app asks; the volunteer chooses to work alone.
    pausable_postgres.pause()
    tuesday = starting()
    box = tuesday.away_box
    assert box is not None and buttons(box) == {"Opnieuw proberen", "Alleen werken", "Stoppen"}
    press(qtbot, box, "Alleen werken")
    qtbot.waitUntil(lambda: tuesday.running is not None, timeout=10_000)
    alone = tuesday.running
    assert alone is not None and alone.services.writes.alone
    shown(alone)

    # Fatima goes on at step 2, and does it; Ahmed is new today and starts the lesson.
    choose_learner(qtbot, alone, "Fatima")
    open_lesson(qtbot, alone, "Proefles")
    assert alone.window.player.view.step.kind == "type"
    assert "stap 3 van 6" in visible_text(alone.window.player)
    answer_step_right(qtbot, alone)
    press_next(qtbot, alone)
    end_visit(qtbot, alone)
    add_new_learner(qtbot, alone, "Ahmed", "boom")
    open_lesson(qtbot, alone, "Proefles")
    press_next(qtbot, alone)
    answer_step_right(qtbot, alone)
    assert alone.services.writes.pending >= 8

    # The server comes back: everything is handed over without anyone doing anything.
    pausable_postgres.start()
    qtbot.waitUntil(lambda: alone.services.writes.pending == 0, timeout=HANDED_OVER_MS)
    assert rows(location, "SELECT name FROM learner ORDER BY name") == [("Ahmed",), ("Fatima",)]
    assert rows(location, """
        SELECT l.name, a.step_index, a.outcome FROM attempt a
        JOIN lesson_run r ON r.id = a.run_id JOIN learner l ON l.id = r.learner_id
        ORDER BY a.created_at""") == [
        ("Fatima", 1, "correct"), ("Fatima", 2, "correct"), ("Ahmed", 1, "correct")]
    assert rows(location, """
        SELECT l.name, r.position FROM lesson_run r JOIN learner l ON l.id = r.learner_id
        ORDER BY l.name""") == [("Ahmed", 1), ("Fatima", 3)]
    assert rows(location, "SELECT count(*), count(ended_at) FROM visit") == [(3, 2)]
