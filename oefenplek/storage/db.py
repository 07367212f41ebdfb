"""Opening the database: SQLite in the data folder by default, or the location's shared
PostgreSQL database (see storage.location), made safe and up to date.

Alembic is imported only when the schema is behind (it costs a third of a second at start),
and an existing SQLite file is copied aside before it is migrated, so nothing is lost. On
PostgreSQL the migration runs in one transaction under an advisory lock, so computers that
start together do not migrate twice. This is the only module with SQLite-only SQL.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from oefenplek import paths
from oefenplek.i18n import _
from oefenplek.storage import location
from oefenplek.storage.errors import DAMAGED, OTHER, UNREACHABLE, StorageError, kind_of
from oefenplek.storage.health import newer_sentence
from oefenplek.storage.revision import HEAD_REVISION, KNOWN_REVISIONS

__all__ = ["HEAD_REVISION", "MIGRATIONS", "Database", "StorageError", "database_url"]

MIGRATIONS = paths.migrations_dir()
#: pg_advisory_xact_lock key held while one computer checks and upgrades the shared schema.
MIGRATION_LOCK = 0x6F6566656E  # "oefen"
#: How this computer talks to a location database (libpq settings; times in s and ms).
CONNECT_ARGS = {"connect_timeout": 5, "tcp_user_timeout": 8000, "keepalives": 1,
                "keepalives_idle": 10, "keepalives_interval": 3, "keepalives_count": 3}


def database_url(path: Path) -> str:
    """The URL to open (see storage.location): `path` is the data folder or, as older
    callers pass it, the SQLite file in it (used when no location database is set)."""
    if path.is_dir():
        return location.database_url(path)
    return location.database_url(path.parent, embedded=path)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    url = location.with_driver(url)
    if url.startswith("postgresql"):
        # A shared server: connections go stale when a computer sleeps or the network
        # drops, and a switched-off server must not hang the app.
        # tcp_user_timeout and keepalives: a write to a server that vanished without a
        # word fails within seconds instead of hanging until the system gives up.
        return create_engine(url, pool_pre_ping=True, connect_args=CONNECT_ARGS)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return _revision_on(connection)


def _revision_on(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> None:
    """Bring the schema up to HEAD_REVISION with Alembic, in one transaction."""
    with engine.begin() as connection:
        upgrade(connection)


def upgrade(connection: Connection) -> None:
    from alembic import command
    from alembic.config import Config
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    try:
        command.upgrade(config, "head")
    except CommandError as error:
        if connection.dialect.name != "sqlite":
            host = connection.engine.url.host or "?"
            raise StorageError(location.newer_schema(host), str(error)) from error
        raise StorageError(newer_sentence(), str(error)) from error


def migrate_shared(engine: Engine) -> None:
    """Upgrade a shared PostgreSQL database: when several computers start at once, one
    migrates while the others wait for its lock and then find the schema up to date."""
    with engine.begin() as connection:
        connection.execute(text("SET LOCAL lock_timeout = '120s'"))
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        if _revision_on(connection) != HEAD_REVISION:
            upgrade(connection)


def _backup_before_migration(engine: Engine) -> Path | None:
    path = engine.url.database
    if engine.dialect.name != "sqlite" or not path or path == ":memory:":
        return None
    source = Path(path)
    if not source.is_file() or source.stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}.before-upgrade-{stamp}{source.suffix}")
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy2(source, target)
    return target


class Database:
    """An engine with an up-to-date schema and a session factory for the repository."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._open()

    def _open(self) -> None:
        url = self.url
        _refuse_an_empty_file(url)
        self.engine = make_engine(url)
        try:
            revision = current_revision(self.engine)
            if revision != HEAD_REVISION and self.engine.dialect.name == "postgresql":
                migrate_shared(self.engine)
            elif revision is not None and revision not in KNOWN_REVISIONS:
                # Made by a newer (or another) oefenplek: nothing is copied or changed, at
                # this start or any other, and the sentence says what to do.
                raise StorageError(newer_sentence(), f"schema revision {revision!r} unknown")
            elif revision != HEAD_REVISION:
                has_data = revision is not None
                if has_data:
                    _backup_before_migration(self.engine)
                migrate(self.engine)
        except (DatabaseError, OperationalError) as error:
            self.engine.dispose()
            # A location database that does not let us in now (switched off, network down,
            # login refused) may answer later: the start screen offers to try again.
            away = isinstance(error, OperationalError) and self.engine.dialect.name != "sqlite"
            damaged = (self.engine.dialect.name == "sqlite"
                       and kind_of(str(getattr(error, "orig", error))) == DAMAGED)
            raise StorageError(_explain(url, error), str(error),
                               UNREACHABLE if away else DAMAGED if damaged else OTHER
                               ) from error
        except StorageError:
            self.engine.dispose()
            raise
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()

    def reopen(self) -> None:
        """Close every connection and open the same URL again, as at start (after a backup
        was put in place of the file). Every repository holds this object, so they follow."""
        self.engine.dispose()
        self._open()


def _refuse_an_empty_file(url: str) -> None:
    """A SQLite file of zero bytes is a database that lost everything, not a new location:
    SQLite would quietly make it an empty one at the first write. It is left as it is."""
    if not url.startswith("sqlite:///"):
        return
    file = Path(url.removeprefix("sqlite:///"))
    wal = file.with_name(file.name + "-wal")
    try:
        empty = file.is_file() and file.stat().st_size == 0 and not (
            wal.is_file() and wal.stat().st_size > 0)
    except OSError:
        return  # opening it says what is wrong
    if empty:
        raise StorageError(_(
            "The progress file {path} is empty: it holds no learners any more. Nothing has "
            "been changed. Ask the coordinator to put back a backup.").format(path=file),
            f"{file} has zero bytes", DAMAGED)


def _explain(url: str, error: Exception) -> str:
    detail = str(getattr(error, "orig", error))
    if not url.startswith("sqlite"):
        try:
            return location.explain_connection_error(
                location.LocationDatabase.from_url(url), error)
        except ValueError:
            return _("The database cannot be used. Ask whoever set it up for help.")
    where = url.removeprefix("sqlite:///")
    if "not a database" in detail or "malformed" in detail:
        return _(
            "The progress file {path} is damaged and cannot be opened. Nothing has been "
            "changed or deleted. Ask the coordinator to put back a backup, or to move this "
            "file away so that the app starts with an empty one."
        ).format(path=where)
    if "readonly" in detail or "unable to open" in detail:
        return _(
            "The progress file {path} cannot be opened or written. Check that the folder "
            "exists and that this computer user may write in it."
        ).format(path=where)
    if "disk" in detail and "full" in detail:
        return _("The disk is full. Make some space free and start the app again.")
    return _("The progress file {path} cannot be used: {detail}").format(
        path=where, detail=detail)
