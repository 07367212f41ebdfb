"""Opening the database: SQLite in the data folder by default, made safe and up to date.

Alembic is imported only when the schema is behind (it costs a third of a second at start),
and an existing SQLite file is copied aside before it is migrated, so nothing is lost.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from oefenplek import paths
from oefenplek.i18n import _
from oefenplek.storage.errors import StorageError
from oefenplek.storage.revision import HEAD_REVISION

__all__ = ["HEAD_REVISION", "MIGRATIONS", "Database", "StorageError", "database_url"]

MIGRATIONS = paths.migrations_dir()


def database_url(path: Path) -> str:
    return os.environ.get("OEFENPLEK_DATABASE_URL") or f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> None:
    """Bring the schema up to HEAD_REVISION with Alembic."""
    from alembic import command
    from alembic.config import Config
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except CommandError as error:
        raise StorageError(_(
            "This progress file was made by a newer version of oefenplek. Use that version "
            "again; nothing in the file has been changed."), str(error)) from error


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
        self.engine = make_engine(url)
        try:
            revision = current_revision(self.engine)
            if revision != HEAD_REVISION:
                has_data = revision is not None
                if has_data:
                    _backup_before_migration(self.engine)
                migrate(self.engine)
        except (DatabaseError, OperationalError) as error:
            self.engine.dispose()
            raise StorageError(_explain(url, error), str(error)) from error
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()


def _explain(url: str, error: Exception) -> str:
    detail = str(getattr(error, "orig", error))
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
