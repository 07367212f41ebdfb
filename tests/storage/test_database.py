"""The database: created and migrated at start, safe settings, clear words when it is broken."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from oefenplek.core.engine import Outcome
from oefenplek.storage.db import HEAD_REVISION, MIGRATIONS, Database
from oefenplek.storage.errors import StorageError
from oefenplek.storage.repository import Repository
from oefenplek.storage.revision import KNOWN_REVISIONS


def open_db(path: Path) -> Database:
    return Database(f"sqlite:///{path}")


def test_a_new_database_gets_the_schema_and_safe_settings(tmp_path: Path) -> None:
    database = open_db(tmp_path / "a.sqlite3")
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == HEAD_REVISION
    database.close()


def test_head_revision_matches_the_newest_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION
    assert {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()
            } == KNOWN_REVISIONS


def test_an_up_to_date_database_opens_without_loading_alembic(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite3"
    open_db(path).close()
    code = (
        "import sys; from oefenplek.storage.db import Database\n"
        f"Database('sqlite:///{path}').close()\n"
        "sys.exit(1 if 'alembic' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_a_database_of_a_newer_oefenplek_is_not_copied_at_every_start(tmp_path: Path
                                                                    ) -> None:
    """An older schema is copied aside before it is upgraded (see the last test); one of a
    newer oefenplek is neither copied nor changed, at any start, and the sentence says
    what to do."""
    path = tmp_path / "c.sqlite3"
    database = open_db(path)
    repository = Repository(database)
    learner = repository.add_learner("Fatima", "cat")
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'older'")
    database.close()
    for _start in range(2):
        with pytest.raises(StorageError) as error:  # a file from a newer app: said plainly
            open_db(path)
        assert "nieuwere" in str(error.value) and "Installeer" in str(error.value)
    assert list(tmp_path.glob("c.before-upgrade-*.sqlite3")) == []
    copy = sqlite3.connect(path)  # the learner is still in the file, which is unchanged
    assert copy.execute("SELECT name FROM learner").fetchall() == [("Fatima",)]
    assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("older",)]
    copy.close()
    assert learner.name == "Fatima"


def test_a_damaged_file_gives_plain_words_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "kapot.sqlite3"
    junk = b"this is not a database at all" * 200
    path.write_bytes(junk)
    with pytest.raises(StorageError) as error:
        open_db(path)
    assert "damaged" in str(error.value) or "beschadigd" in str(error.value)
    assert path.read_bytes() == junk  # nothing changed or deleted


def test_deleting_a_learner_removes_runs_and_attempts(database_url: str) -> None:
    database = Database(database_url)
    repository = Repository(database)
    learner = repository.add_learner("Piet", "dog")
    run = repository.start_run(learner.id, "wifi", 1)
    repository.record_attempt(run.id, 0, "tap", Outcome.WRONG, "1,1")
    with database.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM learner")
        assert connection.exec_driver_sql("SELECT count(*) FROM attempt").scalar() == 0
        assert connection.exec_driver_sql("SELECT count(*) FROM lesson_run").scalar() == 0
    database.close()


def test_an_older_database_is_upgraded_without_losing_progress(tmp_path: Path) -> None:
    """A file made by the first release (schema 0001) opens in this one, progress intact."""
    from alembic import command
    from alembic.config import Config

    from oefenplek.storage.db import make_engine

    path = tmp_path / "oud.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql(
            "INSERT INTO learner (id, name, avatar, language, created_at) "
            "VALUES ('l1', 'Riet', 'tulip', 'nl', '2025-01-02 10:00:00')")
        connection.exec_driver_sql(
            "INSERT INTO lesson_run (id, learner_id, lesson_id, lesson_version, started_at, "
            "position) VALUES ('r1', 'l1', 'wifi-android', 1, '2025-01-02 10:01:00', 3)")
    engine.dispose()

    database = open_db(path)
    repository = Repository(database)
    [learner] = repository.learners()
    assert (learner.name, learner.preferences.text_scale) == ("Riet", 100)
    assert repository.runs("l1")[0].position == 3
    assert len(list(tmp_path.glob("oud.before-upgrade-*.sqlite3"))) == 1
    database.close()
