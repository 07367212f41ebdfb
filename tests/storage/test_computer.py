"""Every computer of a location has a name: kept on the computer itself, written on its
visits and help requests, and handed to the volunteer's overview on any computer."""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from oefenplek.storage.computer import (
    FILE_NAME,
    MAX_LENGTH,
    clean_computer_name,
    computer_name,
    default_computer_name,
    save_computer_name,
)
from oefenplek.storage.db import MIGRATIONS, Database
from oefenplek.storage.models import VisitRow
from oefenplek.storage.repository import Repository
from oefenplek.storage.staff_repository import StaffRepository

TODAY = datetime(2026, 11, 22, tzinfo=UTC)


# --- the name of this computer ----------------------------------------------------------
def test_a_name_is_cleaned_of_control_characters_and_kept_short() -> None:
    assert clean_computer_name("  Balie\t2\n") == "Balie 2"
    assert clean_computer_name("Ba\x00lie\x1b-\u200b3") == "Ba lie -3"
    assert clean_computer_name("x" * 60) == "x" * MAX_LENGTH
    assert clean_computer_name("a" * 39 + " b") == "a" * 39  # no space left at the end
    assert clean_computer_name("\x07\r\n ") == ""
    assert clean_computer_name("Leeszaal-één") == "Leeszaal-één"


def test_until_it_is_named_a_computer_is_called_by_its_host_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "gethostname", lambda: "BIEB-PC07\x00" + "y" * 50)
    assert default_computer_name() == ("BIEB-PC07 " + "y" * 50)[:MAX_LENGTH]
    assert computer_name(tmp_path) == default_computer_name()
    monkeypatch.setattr(socket, "gethostname", lambda: "\n")
    assert computer_name(tmp_path) == "pc"  # never an empty name


def test_a_saved_name_is_read_back_and_the_file_is_written_whole(tmp_path: Path) -> None:
    assert save_computer_name(tmp_path, "  Balie   2 ") == "Balie 2"
    assert computer_name(tmp_path) == "Balie 2"
    assert json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8")) == {"name": "Balie 2"}
    save_computer_name(tmp_path, "Leeszaal-één")
    assert computer_name(tmp_path) == "Leeszaal-één"
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]  # no temporary file left
    with pytest.raises(ValueError):
        save_computer_name(tmp_path, " \t ")
    assert computer_name(tmp_path) == "Leeszaal-één"


def test_a_broken_file_gives_the_host_name_rather_than_stopping_the_app(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "gethostname", lambda: "bieb-3")
    for broken in ("{", "[1, 2]", '{"name": 7}', '{"name": "\\u0007"}', ""):
        (tmp_path / FILE_NAME).write_text(broken, encoding="utf-8")
        assert computer_name(tmp_path) == "bieb-3", broken


def test_a_folder_that_refuses_writing_keeps_the_old_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_computer_name(tmp_path, "Balie 1")

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("oefenplek.storage.computer.os.replace", full)
    with pytest.raises(OSError):
        save_computer_name(tmp_path, "Balie 2")
    assert computer_name(tmp_path) == "Balie 1"
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]


# --- on the shared database (SQLite and PostgreSQL) -------------------------------------
def test_visits_and_help_requests_say_at_which_computer(database_url: str) -> None:
    database = Database(database_url)
    repository = Repository(database)
    staff = StaffRepository(database, repository)
    anna, bram, cor = (repository.add_learner(name, "cat") for name in ("Anna", "Bram", "Cor"))
    repository.start_visit(anna.id, "Balie-1")
    repository.start_visit(bram.id, "Balie-1")
    repository.start_visit(bram.id, "Leeszaal")  # moved: the latest visit is where they sit
    request = repository.ask_help(anna.id, computer="Balie-1")
    left = repository.start_visit(cor.id, "Balie-2")
    repository.ask_help(cor.id, computer="Balie-2")
    repository.end_visit(left)  # went home: no seat, the request stays for the volunteer
    since = datetime.now(UTC) - timedelta(hours=1)
    found = {one.name: (one.computer, one.help_computer, one.help_request_id)
             for one in staff.here_today(since)}
    assert found["Anna"] == ("Balie-1", "Balie-1", request)
    assert found["Bram"] == ("Leeszaal", None, None)
    assert found["Cor"][:2] == (None, "Balie-2")

    assert not repository.help_handled(request)
    repository.handle_help_request(request)  # a volunteer, on any computer
    assert repository.help_handled(request)
    assert repository.help_handled("gone")  # no such request: nothing to wait for
    database.close()


def test_older_visits_and_help_requests_have_no_computer(database_url: str) -> None:
    """A volunteer's visit (without the computer) and rows from before this version."""
    database = Database(database_url)
    repository = Repository(database)
    staff = StaffRepository(database, repository)
    anna = repository.add_learner("Anna", "cat")
    staff.start_visit(anna.id, None)
    repository.ask_help(anna.id)
    [here] = staff.here_today(datetime.now(UTC) - timedelta(hours=1))
    assert (here.computer, here.help_computer) == (None, None)
    with database.session() as session:
        assert session.query(VisitRow).one().computer is None
    database.close()


def test_the_migration_keeps_everything_and_can_be_undone(database_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from oefenplek.storage.db import make_engine

    engine = make_engine(database_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        for sql in (
                "INSERT INTO learner (id, name, avatar, language, created_at, text_scale, "
                "high_contrast, read_aloud_auto, speech_slow) "
                "VALUES ('l1', 'Riet', 'tulip', 'nl', '2026-11-22 09:00:00', 100, "
                "false, false, true)",
                "INSERT INTO visit (id, learner_id, started_at, note) "
                "VALUES ('v1', 'l1', '2026-11-22 09:00:00', 'eerste keer')",
                "INSERT INTO lesson_run (id, learner_id, lesson_id, lesson_version, "
                "started_at, position) VALUES ('r1', 'l1', 'wifi', 1, '2026-11-22 09:01:00', 2)",
                "INSERT INTO attempt (id, run_id, visit_id, step_index, step_kind, outcome, "
                "created_at) VALUES ('a1', 'r1', 'v1', 1, 'tap', 'wrong', '2026-11-22 09:02:00')",
                "INSERT INTO help_request (id, learner_id, created_at) "
                "VALUES ('h1', 'l1', '2026-11-22 09:10:00')"):
            connection.execute(text(sql))
    engine.dispose()

    database = Database(database_url)  # upgraded at start, as the app does
    repository = Repository(database)
    [here] = StaffRepository(database, repository).here_today(TODAY)
    assert (here.name, here.help_request_id, here.computer, here.help_computer) == (
        "Riet", "h1", None, None)
    repository.start_visit("l1", "Balie-1")
    database.close()

    engine = make_engine(database_url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
        assert connection.execute(text("SELECT count(*) FROM visit")).scalar() == 2
        assert connection.execute(text("SELECT visit_id FROM attempt")).scalar() == "v1"
        command.upgrade(config, "head")
        assert connection.execute(text(
            "SELECT count(*) FROM help_request WHERE computer IS NULL")).scalar() == 1
    engine.dispose()
