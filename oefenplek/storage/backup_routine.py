"""When backups are made, and what follows each one: the rules around storage.backups.

A backup of the embedded database is made at every start, once every evening or night the
app runs (at NIGHT_HOUR local time or the first moment after it that the app looks, with a
full integrity check of the database first), before every delete, merge, anonymise and
import of learners' data, and when the coordinator asks. After each: old backups are removed
by the calendar rule, and the new one is copied to the second folder when one is chosen
(storage.backup_place).

A location database (PostgreSQL) is backed up on its server with pg_dump, by IT: here
`BackupRoutine.enabled` is False and every backup step does nothing.

No Qt here: the GUI runs these off its thread, the command line runs them directly.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from oefenplek.i18n import _
from oefenplek.notices import tell_coordinator
from oefenplek.storage.backup_place import second_folder
from oefenplek.storage.backups import (
    NIGHT,
    Backup,
    backup_folder,
    contents,
    copy_to_second_place,
    list_backups,
    make_backup,
    prune,
    restore,
)
from oefenplek.storage.errors import StorageError, not_saved

if TYPE_CHECKING:
    from oefenplek.storage.db import Database

#: The nightly backup is made at the first check at or after this hour (local time), once
#: a day: the day's lessons are in by then, and a library's app often runs into the evening.
NIGHT_HOUR = 17
LOGGER = logging.getLogger(__name__)


def on_server() -> str:
    """Why there is no list of backups on a location database, in one plain sentence."""
    return _("The learners' data is in the location database. Its backups are made on its "
             "server by IT, with pg_dump (see the README, The location database (for IT)).")


def before_failed() -> str:
    return _("Nothing has been changed: a backup could not be made first. Check that the "
             "disk has room, then try again.")


def live_file(database: Database) -> Path | None:
    """The SQLite file behind the database in use; None for a location database."""
    return sqlite_file(database.url)


def sqlite_file(url: str) -> Path | None:
    """The SQLite file a database URL names; None for a location database (PostgreSQL)."""
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    if parts.get_backend_name() != "sqlite":
        return None
    name = parts.database or ""
    if name.startswith("file:"):  # a URI filename (sqlite:///file:...?mode=ro&uri=true)
        name = name.removeprefix("file:").split("?", 1)[0]
    if not name or name == ":memory:":
        return None
    return Path(name)


def integrity_problems(file: Path, reading: sqlite3.Connection | None = None) -> str:
    """SQLite's full `integrity_check` of a database file, read only: "" when it is sound,
    else what SQLite says is wrong (the first lines). `reading`: a connection to use."""
    try:
        connection = reading or sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True,
                                                timeout=10)
    except sqlite3.Error as error:
        return str(error)
    try:
        rows = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    except sqlite3.Error as error:
        return str(error)
    finally:
        if reading is None:
            connection.close()
    return "" if rows == ["ok"] else "; ".join(rows[:5])


@contextmanager
def _driver_connection(database: Database | None) -> Iterator[sqlite3.Connection | None]:
    """The running app's own SQLite connection (from its pool, for this thread's use), or
    None when there is no database object (the command line)."""
    if database is None:
        yield None
        return
    try:
        with database.engine.connect() as connection:
            raw = connection.connection.driver_connection
            yield raw if isinstance(raw, sqlite3.Connection) else None
    except SQLAlchemyError as error:
        raise not_saved(str(getattr(error, "orig", None) or error)) from error


@dataclass(frozen=True)
class Made:
    """A backup made, what the calendar rule removed, and the copy in the second folder
    (None when no second folder is chosen or it could not be written: `problem` says so)."""

    backup: Backup
    removed: tuple[Path, ...] = ()
    copy: Path | None = None
    problem: str = ""


@dataclass(frozen=True)
class Night:
    """The nightly round: `damage` is what the integrity check found ("" when sound); a
    damaged database gets no backup, so no sound backup is pushed out by a damaged one."""

    made: Made | None
    damage: str = ""


class BackupRoutine:
    """Backups of one SQLite file (`source`) into `<data folder>/backups`, one at a time."""

    def __init__(self, source: Path | None, data_dir: Path,
                 database: Database | None = None) -> None:
        """`database`: the running app's, whose own connection reads the file."""
        self.source, self.data_dir, self.database = source, data_dir, database
        self.folder = backup_folder(data_dir)
        self._one_at_a_time = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.source is not None

    @property
    def second_folder(self) -> Path | None:
        return second_folder(self.data_dir)

    def make(self, reason: str, now: datetime) -> Made:
        """A backup now, then the calendar rule and the copy to the second folder. Raises
        StorageError (in plain words) when the backup itself cannot be made; a second
        folder that is away is a warning in the log and one notice, never an error."""
        if self.source is None:
            raise StorageError(on_server())
        with self._one_at_a_time, _driver_connection(self.database) as reading:
            backup = make_backup(self.source, self.folder, reason, now, reading)
            LOGGER.info(f"Backup made ({reason}): {backup.file}")
            try:
                removed = tuple(prune(self.folder, now))
            except StorageError as error:  # the backup is there; old ones stay a while
                LOGGER.warning(f"Old backups not removed: {error.detail}")
                removed = ()
            for file in removed:
                LOGGER.info(f"Old backup removed by the calendar rule: {file.name}")
            copy, problem = self._copy(backup)
        return Made(backup, removed, copy, problem)

    def _copy(self, backup: Backup) -> tuple[Path | None, str]:
        folder = self.second_folder
        if folder is None:
            return None, ""
        if not folder.is_dir():  # an unplugged stick: never make its path on this disk
            problem = _("The second folder for backups ({folder}) cannot be found: is the "
                        "USB stick in? The backups are still made on this computer.").format(
                folder=folder)
            LOGGER.warning(f"second backup folder missing: {folder}")
            tell_coordinator(f"backup-second-folder:{folder}", problem)
            return None, problem
        try:
            copy = copy_to_second_place(backup, folder)
        except StorageError as error:
            problem = _("The backup could not be copied to the second folder ({folder}). "
                        "It is still made on this computer.").format(folder=folder)
            LOGGER.warning(f"backup not copied to the second folder: {error.detail}")
            tell_coordinator(f"backup-second-folder:{folder}", problem)
            return None, problem
        LOGGER.info(f"Backup copied to the second folder: {copy}")
        return copy, ""

    def before(self, reason: str, now: datetime) -> Made | None:
        """The backup before a change to learners' data, in the same guarded action: when it
        cannot be made, StorageError says that nothing has been changed, and the change must
        not go on. Nothing on a location database."""
        if self.source is None:
            return None
        try:
            return self.make(reason, now)
        except StorageError as error:
            raise StorageError(before_failed(), f"backup ({reason}): {error.detail}",
                               error.kind) from error

    def night_due(self, now: datetime) -> bool:
        """Is it evening (NIGHT_HOUR or later, local time) with no nightly backup since?"""
        if self.source is None:
            return False
        local = now.astimezone()
        if local.hour < NIGHT_HOUR:
            return False
        since = local.replace(hour=NIGHT_HOUR, minute=0, second=0, microsecond=0)
        return not any(backup.reason == NIGHT and backup.made_at >= since
                       for backup in list_backups(self.folder))

    def night(self, now: datetime) -> Night:
        """The full integrity check of the database in use, then the nightly backup. A
        damaged database is told to the coordinator and logged, and not backed up."""
        if self.source is None:
            return Night(None)
        with _driver_connection(self.database) as reading:
            damage = integrity_problems(self.source, reading)
        if damage:
            LOGGER.error(f"Integrity check of {self.source} failed: {damage}")
            tell_coordinator(f"integrity:{now.astimezone().date()}", _(
                "The nightly check found damage in the progress file {path}. Put back a "
                "recent backup (Settings, Backups) or ask for help.").format(path=self.source))
            return Night(None, damage)
        return Night(self.make(NIGHT, now))

    def put_back(self, database: Database, backup: Path, now: datetime) -> Path:
        """Put a backup in place of the database in use, while the app runs: the database is
        closed, the backup restored (the current file kept aside), and the database opened
        again on it. Returns the file kept aside, so the restore can be undone."""
        if self.source is None:
            raise StorageError(on_server())
        if not contents(backup).sound:
            restore(backup, self.source, now)  # raises: the backup is damaged
        with self._one_at_a_time:  # not in the middle of a backup
            return self._put_back(database, backup, now)

    def _put_back(self, database: Database, backup: Path, now: datetime) -> Path:
        assert self.source is not None
        database.close()
        try:
            aside = restore(backup, self.source, now)
        except BaseException:
            database.reopen()
            raise
        try:
            database.reopen()
        except StorageError as error:  # a schema this version cannot use: back as it was
            database.close()
            restore(aside, self.source, now)
            database.reopen()
            raise StorageError(_("This backup cannot be used by this version of oefenplek. "
                                 "Nothing has been changed."), error.detail) from error
        LOGGER.info(f"Backup put back: {backup}; the file before is kept as {aside}")
        return aside
