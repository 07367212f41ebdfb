"""Moving a location onto its shared database: everything arrives, the figures stay the same,
the computer's own file is untouched, and a database in use is never written over."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, pool, select, text

from oefenplek.core.reports import Period, Report, build_report
from oefenplek.storage.copy import TABLES, copy_database, table_counts
from oefenplek.storage.db import Database
from oefenplek.storage.errors import StorageError
from oefenplek.storage.location import LocationDatabase
from oefenplek.storage.models import SettingRow
from oefenplek.storage.report_queries import report_facts
from oefenplek.storage.repository import Repository

from ..postgres import PostgresServer, free_port
from ..reports.busy_location import THEMES, TITLES, YEAR_2025, make_busy_location


@pytest.fixture(scope="module")
def busy_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A smaller busy location (a tenth of the report tests' one), closed, with settings."""
    path = tmp_path_factory.mktemp("busy") / "oefenplek.sqlite3"
    database = make_busy_location(path, learners=200, runs=4000, attempts=40_000)
    with database.session() as session:
        session.add_all([SettingRow(key="location_name", value="Bieb Zoë =1+1"),
                         SettingRow(key="pin_until", value="")])
        session.commit()
    database.close()
    return path


def all_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, as the app reads them, in a fixed order."""
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        rows = {table.name: sorted((tuple(row) for row in connection.execute(select(table))),
                                   key=repr) for table in TABLES}
    engine.dispose()
    return rows


def report(url: str) -> Report:
    database = Database(url)
    try:
        return build_report(report_facts(Repository(database), Period(*YEAR_2025), THEMES,
                                         TITLES))
    finally:
        database.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_everything_arrives_and_the_figures_are_the_same(busy_file: Path,
                                                         postgres_url: str) -> None:
    source = f"sqlite:///{busy_file}"
    before = digest(busy_file)
    seen: list[str] = []
    counts = copy_database(source, postgres_url, progress=lambda table, _n: seen.append(table))
    assert digest(busy_file) == before  # the computer's own file is only read
    assert counts == table_counts(source) == table_counts(postgres_url)
    assert counts["attempt"] == 40_000 and counts["setting"] == 2 and seen
    assert set(counts) == {table.name for table in TABLES}
    assert all_rows(postgres_url) == all_rows(source)
    on_file, on_server = report(source), report(postgres_url)
    assert on_server.visits > 0 and on_server.hours > 0
    assert on_server.hours == pytest.approx(on_file.hours, rel=1e-9)
    assert dataclasses.replace(on_server, hours=0) == dataclasses.replace(on_file, hours=0)


@pytest.fixture
def small_file(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'klein.sqlite3'}"
    database = Database(url)
    repository = Repository(database)
    learner = repository.add_learner("Fatima", "cat")
    repository.start_visit(learner.id)
    database.close()
    yield url


def run_sql(url: str, statement: str) -> None:
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.begin() as connection:
        connection.execute(text(statement))
    engine.dispose()


def test_a_database_in_use_is_never_written_over(small_file: str, postgres_url: str) -> None:
    copy_database(small_file, postgres_url)
    before = all_rows(postgres_url)
    with pytest.raises(StorageError) as error:
        copy_database(small_file, postgres_url)  # a second time: now it holds learners
    assert "lege database" in str(error.value) and "niets veranderd" in str(error.value)
    assert all_rows(postgres_url) == before


def test_only_a_setting_is_enough_to_refuse(small_file: str, postgres_url: str) -> None:
    Database(postgres_url).close()
    run_sql(postgres_url, "INSERT INTO setting (key, value) VALUES ('location_name', 'Elders')")
    with pytest.raises(StorageError):
        copy_database(small_file, postgres_url)
    assert table_counts(postgres_url)["learner"] == 0


def test_someone_elses_database_is_left_alone(small_file: str, postgres_url: str) -> None:
    run_sql(postgres_url, "CREATE TABLE boeken (id integer)")
    with pytest.raises(StorageError) as error:
        copy_database(small_file, postgres_url)
    assert "andere gegevens" in str(error.value)
    engine = create_engine(postgres_url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        tables = connection.execute(text(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
        ).scalars().all()
    engine.dispose()
    assert tables == ["boeken"]  # no schema was made beside it


def test_an_unreachable_target_and_the_same_database_are_refused(
        small_file: str, postgres_server: PostgresServer) -> None:
    closed = LocationDatabase("127.0.0.1", free_port(), "oefenplek", "jan", "geheim").url()
    with pytest.raises(StorageError) as error:
        copy_database(small_file, closed)
    assert "antwoord" in str(error.value) and "geheim" not in str(error.value)
    with pytest.raises(StorageError):
        copy_database(small_file, small_file)


def test_a_name_too_long_for_the_server_stops_the_whole_copy(tmp_path: Path,
                                                             postgres_url: str) -> None:
    """SQLite keeps a text longer than its column allows; PostgreSQL does not."""
    source = f"sqlite:///{tmp_path / 'lang.sqlite3'}"
    repository = Repository(Database(source))
    repository.add_learner("Anna", "cat")
    zoe = repository.add_learner("Zoë", "dog")
    with repository.database.engine.begin() as connection:  # past the app, which cuts names
        connection.execute(text("UPDATE learner SET name = :name WHERE id = :id"),
                           {"name": "Zoë " * 30, "id": zoe.id})  # 120 characters in String(80)
    repository.database.close()
    with pytest.raises(StorageError) as error:
        copy_database(source, postgres_url)
    assert "learner" in str(error.value) and "niets gekopieerd" in str(error.value)
    assert table_counts(postgres_url)["learner"] == 0
