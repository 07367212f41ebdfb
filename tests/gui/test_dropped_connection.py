"""The location database goes away in the middle of a lesson: the learner goes on, is told
once in a calm sentence, and every answer reaches the database exactly once, in order, when
the server is back (nobody touches the app meanwhile: its own timer hands them over).

The server here is the session's second one (`pausable_postgres`), switched off and on.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from oefenplek.app import Running
from oefenplek.storage.waiting import FILE_NAME

from ..postgres import PostgresServer
from .people import (
    add_new_learner,
    answer_step_right,
    click,
    open_lesson,
    press_next,
    retype,
    type_text,
)

HANDED_OVER_MS = 15_000  # the hand-over is tried every 3 s; a reconnect may take a moment


@pytest.fixture
def location_url(pausable_postgres: PostgresServer, monkeypatch: pytest.MonkeyPatch
                 ) -> Iterator[str]:
    name = pausable_postgres.create_database()
    monkeypatch.setenv("OEFENPLEK_DATABASE_URL", pausable_postgres.url(name))
    try:
        yield name
    finally:
        pausable_postgres.ensure_running()


def attempts(app: Running) -> list[tuple[int, str, str]]:
    with app.database.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT step_index, outcome, answer FROM attempt ORDER BY created_at")).all()
    return [(row[0], row[1], row[2]) for row in rows]


def run_position(app: Running) -> int:
    with app.database.engine.connect() as connection:
        return int(connection.execute(text("SELECT position FROM lesson_run")).scalar_one())


def test_a_lesson_goes_on_while_the_server_is_away_and_nothing_is_lost(
        qtbot, start_app, pausable_postgres: PostgresServer, location_url: str) -> None:
    app = start_app()
    assert app.database.engine.dialect.name == "postgresql"
    add_new_learner(qtbot, app, "Fatima", "vlinder")
    open_lesson(qtbot, app, "Proefles")
    player = app.window.player
    press_next(qtbot, app)  # past the explanation
    answer_step_right(qtbot, app)  # the tap step, saved on the server
    press_next(qtbot, app)
    assert attempts(app) == [(1, "correct", attempts(app)[0][2])]

    pausable_postgres.pause()  # the server is switched off in the middle of the lesson

    # Step 2, typing: first a wrong answer, then the right one. The learner is told once.
    view = player.view
    type_text(qtbot, view.field, "fout")
    qtbot.keyClick(view.field, Qt.Key.Key_Return)
    box = app.window.problem_box
    assert box.isVisible()
    assert box.text() == ("De verbinding is even weg. Ga gewoon door: je antwoorden worden "
                          "op deze computer bewaard.")
    click(qtbot, box.buttons()[0])  # the learner closes it, as they would
    retype(qtbot, view.field, view.step.answer)
    qtbot.keyClick(view.field, Qt.Key.Key_Return)
    press_next(qtbot, app)
    assert not box.isVisible()  # told once, not at every answer
    answer_step_right(qtbot, app)  # step 3, choose
    press_next(qtbot, app)
    answer_step_right(qtbot, app)  # step 4, order
    press_next(qtbot, app)
    assert player.view.step.kind == "practise"  # the learner got to the last step
    waiting = app.services.writes.pending
    assert waiting == 7  # 4 answers and 3 moves wait, on disk
    assert (app.services.data_dir / FILE_NAME).stat().st_size > 0

    pausable_postgres.start()
    qtbot.waitUntil(lambda: app.services.writes.pending == 0, timeout=HANDED_OVER_MS)

    stored = attempts(app)
    assert [(step, outcome) for step, outcome, _answer in stored] == [
        (1, "correct"), (2, "wrong"), (2, "correct"), (3, "correct"), (4, "correct")]
    assert stored[1][2] == "fout"
    assert run_position(app) == 5

    # The learner goes on as if nothing happened: the last step is saved straight away.
    answer_step_right(qtbot, app)
    assert len(attempts(app)) == 6
    assert app.services.writes.pending == 0
