"""The location's database server as README's "The location database (for IT)" sets it up:
TLS on, `pg_hba.conf` with only a `hostssl ... scram-sha-256` line, and every computer's URL
ending in `?sslmode=require`. oefenplek must make its tables there over TLS, copy a
computer's data there, refuse to send anything to a server without TLS when told
`sslmode=require`, and say plainly when the server turns away a connection without TLS.

(oefenplek has no built-in server; README says why. These tests use the machine's
PostgreSQL, as tests/postgres.py does, on 127.0.0.1 only, with bounded waits.)
"""

from __future__ import annotations

import os
import pwd
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from oefenplek.cli import main
from oefenplek.storage.db import HEAD_REVISION, Database, current_revision, database_url
from oefenplek.storage.errors import StorageError
from oefenplek.storage.location import LocationDatabase, check_connection
from oefenplek.storage.repository import Repository

from .postgres import START_SECONDS, PostgresServer, start_server

NOT_LET_IN = ("De database op 127.0.0.1 laat deze computer niet binnen. Vraag wie de database "
              "heeft ingesteld om deze computer toe te laten.")


def with_learner(home: Path) -> None:
    """This computer's own database, with one learner in it."""
    home.mkdir(parents=True, exist_ok=True)
    own = Database(database_url(home))
    try:
        Repository(own).add_learner("Fatima", "cat")
    finally:
        own.close()


@pytest.fixture(scope="module")
def tls_server() -> Iterator[PostgresServer]:
    """A throwaway server set up as README tells IT: a self-signed certificate, `ssl = on`,
    and connections over TCP only with TLS and a password (there is no other pg_hba line)."""
    server = start_server()
    try:
        data = server.data
        subprocess.run(["openssl", "req", "-new", "-x509", "-days", "2", "-nodes",
                        "-subj", "/CN=127.0.0.1", "-out", str(data / "server.crt"),
                        "-keyout", str(data / "server.key")],
                       check=True, capture_output=True, timeout=60)
        if server.user:
            entry = pwd.getpwnam(server.user)
            for name in ("server.crt", "server.key"):
                os.chown(data / name, entry.pw_uid, entry.pw_gid)
        (data / "server.key").chmod(0o600)
        with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("ssl = on\n")
        (data / "pg_hba.conf").write_text(
            "hostssl all all 127.0.0.1/32 scram-sha-256\n", encoding="utf-8")
        server.run("pg_ctl", "restart", "-D", str(data), "-l", str(server.folder / "server.log"),
                   "-m", "fast", "-w", "-t", str(START_SECONDS), timeout=START_SECONDS + 10)
        yield server
    finally:
        server.stop()


@pytest.fixture
def tls_database(tls_server: PostgresServer) -> Iterator[str]:
    """A new, empty database on the TLS server; its URL as README writes it (postgresql://,
    no driver) with `?sslmode=` left for the test to finish."""
    name = tls_server.create_database()
    try:
        yield tls_server.url(name).replace("postgresql+psycopg://", "postgresql://", 1)
    finally:
        tls_server.drop_database(name)


def test_oefenplek_makes_its_tables_over_tls_and_keeps_them(tls_database: str) -> None:
    url = tls_database + "?sslmode=require"
    assert check_connection(url) is None

    database = Database(url)
    try:
        Repository(database).add_learner("Fatima", "cat")
        with database.engine.connect() as connection:
            assert connection.execute(text(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is True
    finally:
        database.close()

    again = Database(url)  # the next start: nothing to migrate, the learner still there
    try:
        assert current_revision(again.engine) == HEAD_REVISION
        assert [learner.name for learner in Repository(again).learners()] == ["Fatima"]
    finally:
        again.close()


def test_a_computer_without_tls_is_not_let_in(tls_database: str) -> None:
    url = tls_database + "?sslmode=disable"
    assert check_connection(url) == NOT_LET_IN
    with pytest.raises(StorageError) as refused:
        Database(url)
    assert str(refused.value) == NOT_LET_IN


def test_sslmode_require_sends_nothing_to_a_server_without_tls(
        home: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The test session's own server has no TLS: a computer told `sslmode=require` (in
    OEFENPLEK_DATABASE_URL or `database copy --to`) must not fall back to plain text."""
    with_learner(home)
    url = postgres_url + "?sslmode=require"
    no_tls = ("De database op 127.0.0.1 en deze computer zijn het niet eens over een "
              "beveiligde (TLS-)verbinding. Vraag wie de database heeft ingesteld welke het "
              "moet zijn.")
    assert check_connection(url) == no_tls
    with pytest.raises(StorageError) as refused:
        Database(url)
    assert str(refused.value) == no_tls
    assert main(["database", "copy", "--to", url]) == 1
    out, err = capsys.readouterr()
    assert out == "" and no_tls in err
    # The setting keeps what IT chose: a computer set up through the form asks for TLS too.
    assert LocationDatabase.from_url(url).url().endswith("?sslmode=require")
    plain = Database(postgres_url)  # the same database without TLS: still empty
    try:
        assert Repository(plain).learners() == []
    finally:
        plain.close()


def test_the_computer_with_the_data_copies_it_over_tls(
        home: Path, tls_database: str, capsys: pytest.CaptureFixture[str]) -> None:
    with_learner(home)
    url = tls_database + "?sslmode=require"

    assert main(["database", "copy", "--to", url]) == 0
    out, err = capsys.readouterr()
    assert "learner: 1" in out and err == ""
    shared = Database(url)
    try:
        assert [learner.name for learner in Repository(shared).learners()] == ["Fatima"]
    finally:
        shared.close()
