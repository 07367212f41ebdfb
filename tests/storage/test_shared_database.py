"""A location's PostgreSQL database: the same schema by the same migrations as the SQLite
file, migrated once when several computers start together, and plain words when it fails."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, pool, text

from oefenplek.storage import db
from oefenplek.storage.db import HEAD_REVISION, MIGRATIONS, Database
from oefenplek.storage.errors import StorageError
from oefenplek.storage.location import LocationDatabase
from oefenplek.storage.models import Base
from oefenplek.storage.repository import Repository


def alembic(connection: Connection, command_name: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    getattr(command, command_name)(config, revision)


def schema_differences(url: str) -> list[Any]:
    """What Alembic's autogenerate would still change to make the database match models.py."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        found = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    return list(found)


def test_the_migrations_build_the_models_schema_on_postgresql(postgres_url: str) -> None:
    database = Database(postgres_url)
    assert db.current_revision(database.engine) == HEAD_REVISION
    database.close()
    assert schema_differences(postgres_url) == []
    engine = db.make_engine(postgres_url)
    with engine.begin() as connection:  # and every step back down and up again
        alembic(connection, "downgrade", "base")
        assert db._revision_on(connection) is None
        alembic(connection, "upgrade", "head")
    assert db.current_revision(engine) == HEAD_REVISION


def test_an_older_shared_database_is_upgraded_without_losing_progress(postgres_url: str,
                                                                      ) -> None:
    engine = db.make_engine(postgres_url)
    with engine.begin() as connection:
        alembic(connection, "upgrade", "0001")
        connection.execute(text(
            "INSERT INTO learner (id, name, avatar, language, created_at) "
            "VALUES ('l1', 'Riet', 'tulip', 'nl', '2025-01-02 10:00:00')"))
        connection.execute(text(
            "INSERT INTO lesson_run (id, learner_id, lesson_id, lesson_version, started_at, "
            "position) VALUES ('r1', 'l1', 'wifi-android', 1, '2025-01-02 10:01:00', 3)"))
    repository = Repository(Database(postgres_url))
    [learner] = repository.learners()
    assert (learner.name, learner.preferences.text_scale) == ("Riet", 100)
    assert learner.preferences.speech_slow is True  # the server default, as on SQLite
    assert repository.runs("l1")[0].position == 3


def test_two_computers_starting_together_migrate_once(postgres_url: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    upgrades: list[str] = []
    upgrade = db.upgrade

    def counted(connection: Connection) -> None:
        upgrades.append(threading.current_thread().name)
        upgrade(connection)

    monkeypatch.setattr(db, "upgrade", counted)
    together = threading.Barrier(2, timeout=30)
    opened: list[Database] = []
    failed: list[BaseException] = []

    def start() -> None:
        together.wait()
        try:
            opened.append(Database(postgres_url))
        except BaseException as error:
            failed.append(error)

    computers = [threading.Thread(target=start, name=f"pc{n}") for n in (1, 2)]
    for computer in computers:
        computer.start()
    for computer in computers:
        computer.join(timeout=60)
    assert not any(computer.is_alive() for computer in computers)
    assert failed == [] and len(opened) == 2
    assert len(upgrades) == 1
    with opened[0].engine.connect() as connection:
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    assert rows == [(HEAD_REVISION,)]
    for database in opened:
        database.close()


def test_a_server_that_refuses_is_said_plainly(postgres_url: str) -> None:
    where = LocationDatabase.from_url(postgres_url)
    wrong = LocationDatabase(where.host, where.port, where.name, where.user, "Niet-dit-123")
    with pytest.raises(StorageError) as error:
        Database(wrong.url())
    assert "wachtwoord" in str(error.value)
    assert "Niet-dit-123" not in str(error.value) + error.value.detail
    assert where.password not in str(error.value) + error.value.detail
