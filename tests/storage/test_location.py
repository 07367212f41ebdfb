"""The location database setting: where it comes from, how it is kept, and what a person reads
when the database cannot be used (one plain sentence, never the password)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine, pool, text

from oefenplek.storage import db, location
from oefenplek.storage.errors import StorageError
from oefenplek.storage.location import (
    LocationDatabase,
    check_connection,
    database_url,
    save_location_database,
)

from ..postgres import PostgresServer, free_port

ODD_PASSWORD = "p@ss:w/rd%?#& é'\""


def test_the_embedded_file_is_the_default(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home.mkdir(parents=True, exist_ok=True)
    assert database_url(home) == f"sqlite:///{home / 'oefenplek.sqlite3'}"
    assert db.database_url(home) == database_url(home)  # the data folder
    assert db.database_url(home / "other.sqlite3") == f"sqlite:///{home / 'other.sqlite3'}"
    save_location_database(home, LocationDatabase("server-bieb", 5433, "bieb", "jan", "geheim"))
    assert database_url(home) == "postgresql+psycopg://jan:geheim@server-bieb:5433/bieb"
    assert db.database_url(home / "oefenplek.sqlite3") == database_url(home)  # old callers too
    monkeypatch.setenv("OEFENPLEK_DATABASE_URL", "postgresql+psycopg://x@elders/y")
    assert database_url(home) == "postgresql+psycopg://x@elders/y"  # the environment wins
    monkeypatch.delenv("OEFENPLEK_DATABASE_URL")
    save_location_database(home, None)  # back to this computer's own database
    assert database_url(home) == f"sqlite:///{home / 'oefenplek.sqlite3'}"
    save_location_database(home, None)  # twice is fine


def test_the_setting_is_private_whole_and_never_shows_the_password(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    chosen = LocationDatabase("192.168.1.20", 5432, "oefenplek", "bieb", ODD_PASSWORD)
    save_location_database(home, chosen)
    file = home / location.SETTINGS_FILE
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert [p.name for p in home.iterdir()] == [location.SETTINGS_FILE]  # no temporary left
    assert location.load_location_database(home) == chosen
    for shown in (repr(chosen), chosen.safe_text(), location.safe_url(chosen.url())):
        assert ODD_PASSWORD not in shown and "w/rd" not in shown
    assert chosen.safe_text() == "bieb@192.168.1.20:5432/oefenplek"


def test_odd_characters_survive_the_url() -> None:
    chosen = LocationDatabase("::1", 6543, "oefen plek/2", "jan@bieb:x", ODD_PASSWORD)
    assert LocationDatabase.from_url(chosen.url()) == chosen
    assert LocationDatabase.from_url("postgresql://a@b/c") == LocationDatabase("b", 5432, "c", "a")
    assert LocationDatabase.from_url("postgres://a@b/c") == LocationDatabase("b", 5432, "c", "a")
    for wrong in ("sqlite:///x.sqlite3", "postgresql:///nohost", "not a url"):
        with pytest.raises(ValueError):
            LocationDatabase.from_url(wrong)


def test_a_broken_setting_is_said_plainly(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    file = home / location.SETTINGS_FILE
    for content in ('{"host": "x", "password": "geheim", "port": "vijf"}', "{kapot", "[]"):
        file.write_text(content, encoding="utf-8")
        with pytest.raises(StorageError) as error:
            database_url(home)
        assert "instelling" in str(error.value) and "geheim" not in str(error.value)


def sentence(message: str | None, *secrets: str) -> str:
    """The check's answer is one plain Dutch sentence without secrets."""
    assert message is not None
    assert "\n" not in message and "Traceback" not in message
    assert message.rstrip().endswith((".", "?")) and message.count(". ") <= 1
    for secret in secrets:
        assert secret not in message
    return message


def database_names(server: PostgresServer) -> set[str]:
    engine = create_engine(server.url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        names = set(connection.execute(text("SELECT datname FROM pg_database")).scalars())
    engine.dispose()
    return names


def test_a_good_database_passes_the_check(postgres_server: PostgresServer,
                                          postgres_url: str) -> None:
    where = LocationDatabase.from_url(postgres_url)
    assert where.password == postgres_server.password  # quoted and unquoted again
    assert check_connection(where.url()) is None  # empty
    db.Database(postgres_url).close()
    assert check_connection(postgres_url) is None  # ours, up to date
    plain = postgres_url.replace("postgresql+psycopg://", "postgresql://")  # as people write it
    assert check_connection(plain) is None
    db.Database(plain).close()


def test_each_mistake_gets_one_plain_sentence(postgres_server: PostgresServer,
                                              postgres_url: str) -> None:
    where = LocationDatabase.from_url(postgres_url)
    before = database_names(postgres_server)
    secret = "Fout-wachtwoord-123"

    def variant(**changes: object) -> str:
        values = {"host": where.host, "port": where.port, "name": where.name,
                  "user": where.user, "password": where.password, **changes}
        return LocationDatabase(**values).url()  # type: ignore[arg-type]

    found = {
        "password": check_connection(variant(password=secret), timeout_s=2),
        "user": check_connection(variant(user="nobody", password=secret), timeout_s=2),
        "host": check_connection(variant(host="nosuchhost.invalid"), timeout_s=2),
        "port": check_connection(variant(port=free_port()), timeout_s=2),
        "name": check_connection(variant(name="geen_database"), timeout_s=2),
        "typo": check_connection(postgres_url.replace(f":{where.port}/", ":54x2/"), timeout_s=2),
        "scheme": check_connection("postgress://jan:" + secret + "@server/oefenplek"),
    }
    for message in found.values():
        sentence(message, secret, where.password)
    assert "wachtwoord" in str(found["password"]) and found["user"] == found["password"]
    assert "nosuchhost.invalid" in str(found["host"]) and "gevonden" in str(found["host"])
    assert "antwoord" in str(found["port"]) and "aan" in str(found["port"])
    assert "geen_database" in str(found["name"])
    assert found["typo"] == found["scheme"] and "postgresql://" in str(found["typo"])
    assert database_names(postgres_server) == before  # nothing was made


def run_sql(url: str, *statements: str) -> list[object]:
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.begin() as connection:
        results = [connection.execute(text(s)).all() if s.startswith("SELECT")
                   else connection.execute(text(s)) for s in statements]
    engine.dispose()
    return [r for r in results if isinstance(r, list)]


def test_a_database_of_a_newer_oefenplek_is_left_alone(postgres_url: str) -> None:
    db.Database(postgres_url).close()
    run_sql(postgres_url, "UPDATE alembic_version SET version_num = '9999'")
    message = sentence(check_connection(postgres_url))
    assert "nieuwere" in message
    with pytest.raises(StorageError) as error:
        db.Database(postgres_url)
    assert str(error.value) == message
    assert run_sql(postgres_url, "SELECT version_num FROM alembic_version") == [[("9999",)]]


def test_someone_elses_tables_are_not_ours(postgres_url: str) -> None:
    run_sql(postgres_url, "CREATE TABLE boeken (id integer)")
    assert "andere gegevens" in sentence(check_connection(postgres_url))


def test_a_user_who_may_not_make_tables_is_told(postgres_server: PostgresServer,
                                                postgres_url: str) -> None:
    where = LocationDatabase.from_url(postgres_url)
    guest = f"gast_{where.name[-8:]}"
    quoted = ODD_PASSWORD.replace("'", "''")
    run_sql(postgres_server.url(), f"CREATE ROLE {guest} LOGIN PASSWORD '{quoted}'")
    try:
        url = LocationDatabase(where.host, where.port, where.name, guest, ODD_PASSWORD).url()
        message = sentence(check_connection(url), ODD_PASSWORD)
        assert guest in message and "eigenaar" in message
    finally:
        postgres_server.drop_database(where.name)  # the role cannot go while it has rights
        run_sql(postgres_server.url(), f"DROP ROLE {guest}")


def test_a_protected_connection_chosen_by_it_is_kept(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    chosen = LocationDatabase.from_url(
        "postgresql://bieb:geheim@192.168.1.20/oefenplek?sslmode=require")
    assert chosen.sslmode == "require"
    save_location_database(home, chosen)
    assert location.load_location_database(home) == chosen
    assert database_url(home) == (
        "postgresql+psycopg://bieb:geheim@192.168.1.20:5432/oefenplek?sslmode=require")
