"""Test settings: Qt offscreen, the mock speech engine (the built-in voice played silently
when Qt's text-to-speech cannot load, as without libpulse), a fresh data folder per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .postgres import PostgresServer, start_server

if TYPE_CHECKING:
    from sqlalchemy import Engine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _qt_voices_load() -> bool:
    """Qt's text-to-speech (and so its mock voice) needs libpulse; a machine may lack it."""
    try:
        import PySide6.QtTextToSpeech  # noqa: F401
    except ImportError:
        return False
    return True


if _qt_voices_load():
    os.environ["OEFENPLEK_SPEECH_ENGINE"] = "mock"
else:  # the built-in voice, played silently in real time, so words are still marked
    os.environ["OEFENPLEK_SPEECH_ENGINE"] = "builtin"
    os.environ["OEFENPLEK_SOUND"] = "silent"
os.environ.pop("OEFENPLEK_DATABASE_URL", None)

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own data folder, so no test sees another's learners."""
    folder = tmp_path / "home"
    monkeypatch.setenv("OEFENPLEK_HOME", str(folder))
    from oefenplek import i18n

    i18n.set_language("nl")
    return folder


@pytest.fixture
def fixture_lessons() -> Path:
    return FIXTURES / "lessons"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server on 127.0.0.1 for this test session (tests/postgres.py)."""
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pausable_postgres() -> Iterator[PostgresServer]:
    """A second throwaway server, for the tests that switch their server off and on again
    (a dropped connection), so the shared one is never away for the other tests."""
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch
                 ) -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped after the test (the
    engines the test made are closed first, so no connection is left open)."""
    from oefenplek.storage import db

    engines = []
    make_engine = db.make_engine

    def recorded(url: str) -> Engine:
        engines.append(make_engine(url))
        return engines[-1]

    monkeypatch.setattr(db, "make_engine", recorded)
    name = postgres_server.create_database()
    try:
        yield postgres_server.url(name)
    finally:
        for engine in engines:
            engine.dispose()
        postgres_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Storage tests run on the embedded SQLite file and on a location's PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))
