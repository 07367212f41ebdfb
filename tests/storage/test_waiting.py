"""Answers given while the location database is away are kept on this computer's disk and
handed over, in order and exactly once, when it is back (storage.waiting).

These tests switch a PostgreSQL server off and on again: the session's second one
(`pausable_postgres`), so the shared server is never away for other tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from oefenplek.core.engine import Outcome
from oefenplek.storage.db import Database
from oefenplek.storage.errors import StorageError
from oefenplek.storage.repository import Repository
from oefenplek.storage.waiting import FILE_NAME, LessonWrites, WaitingFile

from ..postgres import PostgresServer


@pytest.fixture
def location(pausable_postgres: PostgresServer) -> Iterator[tuple[PostgresServer, Database]]:
    name = pausable_postgres.create_database()
    database = Database(pausable_postgres.url(name))
    try:
        yield pausable_postgres, database
    finally:
        database.close()
        pausable_postgres.ensure_running()
        pausable_postgres.drop_database(name)


def started_run(repository: Repository) -> tuple[str, str]:
    learner = repository.add_learner("Fatima", "vlinder")
    visit = repository.start_visit(learner.id, "Balie-1")
    return repository.start_run(learner.id, "proefles", 1).id, visit


def answers(database: Database, run_id: str) -> list[tuple[int, str]]:
    with database.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT step_index, answer FROM attempt WHERE run_id = :run ORDER BY created_at"),
            {"run": run_id}).all()
    return [(row[0], row[1]) for row in rows]


def position(database: Database, run_id: str) -> tuple[int, object]:
    with database.engine.connect() as connection:
        row = connection.execute(text(
            "SELECT position, finished_at FROM lesson_run WHERE id = :run"),
            {"run": run_id}).one()
    return row[0], row[1]


def test_answers_while_the_server_is_off_are_kept_and_handed_over_once_in_order(
        location: tuple[PostgresServer, Database], tmp_path: Path) -> None:
    server, database = location
    repository = Repository(database)
    run, visit = started_run(repository)
    writes = LessonWrites(repository, tmp_path, keep=True)
    assert writes.record_attempt(run, 0, "tap", Outcome.CORRECT, "a", visit)
    assert writes.move_run(run, 1)

    server.pause()
    try:
        kept = [writes.record_attempt(run, 1, "tap", Outcome.WRONG, "b", visit),
                writes.record_attempt(run, 1, "tap", Outcome.CORRECT, "c", visit),
                writes.move_run(run, 2),
                writes.record_attempt(run, 2, "type", Outcome.CORRECT, "d", visit),
                writes.finish_run(run), writes.end_visit(visit)]
        assert kept == [False] * 6
        assert writes.pending == 6
        assert WaitingFile(tmp_path / FILE_NAME).count() == 6  # on disk, not only in memory
        still_away = writes.hand_over()
        assert (still_away.written, still_away.waiting) == (0, 6)
    finally:
        server.start()

    # A new app on this computer (the old one was closed) finds what waits and hands it over.
    again = LessonWrites(Repository(database), tmp_path, keep=True)
    assert again.pending == 6
    result = again.hand_over()
    assert (result.written, result.waiting, result.refused) == (6, 0, 0)
    assert answers(database, run) == [(0, "a"), (1, "b"), (1, "c"), (2, "d")]
    assert position(database, run)[0] == 2 and position(database, run)[1] is not None
    assert again.hand_over().written == 0
    assert again.record_attempt(run, 0, "tap", Outcome.CORRECT, "e", visit)  # straight in again


def test_an_answer_handed_over_twice_is_written_once(
        location: tuple[PostgresServer, Database], tmp_path: Path) -> None:
    """The computer stopped after the database had the answer but before it was crossed
    off: the same answer is handed over again and must not count twice."""
    server, database = location
    repository = Repository(database)
    run, visit = started_run(repository)
    writes = LessonWrites(repository, tmp_path, keep=True)
    server.pause()
    try:
        assert not writes.record_attempt(run, 0, "tap", Outcome.CORRECT, "a", visit)
    finally:
        server.start()
    waiting = WaitingFile(tmp_path / FILE_NAME)
    (_seq, kind, data), = waiting.entries()
    waiting.add(kind, data)  # as if it was handed over and the crossing-off was lost
    writes.pending = waiting.count()
    assert writes.hand_over().written == 2
    assert answers(database, run) == [(0, "a")]


def test_an_answer_whose_learner_was_deleted_meanwhile_is_set_aside_not_blocking(
        location: tuple[PostgresServer, Database], tmp_path: Path) -> None:
    server, database = location
    repository = Repository(database)
    run, visit = started_run(repository)
    other = repository.add_learner("Jan", "boom")
    other_run = repository.start_run(other.id, "proefles", 1).id
    writes = LessonWrites(repository, tmp_path, keep=True)
    server.pause()
    try:
        writes.record_attempt(other_run, 0, "tap", Outcome.CORRECT, "x", None)
        writes.record_attempt(run, 0, "tap", Outcome.CORRECT, "a", visit)
    finally:
        server.start()
    with database.engine.begin() as connection:  # the coordinator deleted Jan meanwhile
        connection.execute(text("DELETE FROM learner WHERE id = :id"), {"id": other.id})
    result = writes.hand_over()
    assert (result.written, result.refused, result.waiting) == (1, 1, 0)
    assert answers(database, run) == [(0, "a")]
    (refused,) = (tmp_path / "answers-not-handed-over.jsonl").read_text().splitlines()
    assert json.loads(refused)["data"]["answer"] == "x"


def test_on_this_computers_own_file_a_failed_write_is_said_not_kept(tmp_path: Path) -> None:
    """The embedded file is this computer's disk: keeping answers on that same disk would
    not help, so the learner is told, as before, and nothing waits."""
    database = Database(f"sqlite:///{tmp_path / 'own.sqlite3'}")
    try:
        repository = Repository(database)
        run, visit = started_run(repository)
        writes = LessonWrites(repository, tmp_path, keep=False)
        assert writes.record_attempt(run, 0, "tap", Outcome.CORRECT, "a", visit)
        with pytest.raises(StorageError):
            writes.record_attempt("no-such-run", 0, "tap", Outcome.CORRECT, "b", visit)
        assert writes.pending == 0 and not (tmp_path / FILE_NAME).exists()
    finally:
        database.close()
