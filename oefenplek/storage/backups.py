"""Backups of the embedded database: made whole while the app runs, kept by a calendar rule,
read without changing them, and put back with the current database kept aside.

A backup is made with SQLite's online backup API, so one made in the middle of a lesson is a
consistent database, never half a file: it is written under a temporary name, flushed to
disk and only then given its real name. Names carry the time (UTC) and the reason, so the
folder can be read by a person too: `oefenplek-20261202-170245-start.sqlite3`.

Which backups stay (see `to_keep`): everything of the last day; the newest of each of the
last 7 days; the newest of each week for 2 months; the newest of each month for a year.
A backup that is about to be removed is never the only sound one left.

Only the standard library's sqlite3 is used: a backup must work when SQLAlchemy, the schema
or the database itself is in trouble.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from oefenplek.i18n import _
from oefenplek.storage.errors import StorageError, not_saved

FOLDER = "backups"
PREFIX = "oefenplek-"
SUFFIX = ".sqlite3"
_NAME = re.compile(r"^oefenplek-(\d{8}-\d{6})-([a-z-]{1,30})\.sqlite3$")
STAMP = "%Y%m%d-%H%M%S"

#: Why a backup was made; part of its name.
START, NIGHT, BEFORE_DELETE, BEFORE_MERGE, BEFORE_ANONYMISE, BEFORE_IMPORT, BY_HAND = (
    "start", "night", "before-delete", "before-merge", "before-anonymise", "before-import",
    "by-hand")
BEFORE_RESTORE = "before-restore"

KEEP_ALL = timedelta(days=1)
DAILY_FOR = timedelta(days=7)
WEEKLY_FOR = timedelta(days=61)
MONTHLY_FOR = timedelta(days=366)
#: How often a backup being written is put on disk (see `_flushed_as_written`).
FLUSH_EVERY_S = 0.05


@dataclass(frozen=True)
class Backup:
    """One backup file; `made_at` (UTC) and `reason` come from its name."""

    file: Path
    made_at: datetime
    reason: str


@dataclass(frozen=True)
class Contents:
    """What a backup holds, for the coordinator choosing one: learners and last activity.
    `sound` is False when the file fails SQLite's check or is not oefenplek's."""

    learners: int
    last_activity: datetime | None
    sound: bool


def backup_folder(data_dir: Path) -> Path:
    return data_dir / FOLDER


def parse(file: Path) -> Backup | None:
    """The backup a file name describes; None for any other file."""
    match = _NAME.match(file.name)
    if not match:
        return None
    try:
        made = datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return Backup(file, made, match.group(2))


def list_backups(folder: Path) -> list[Backup]:
    """The backups in `folder`, newest first (an absent folder has none)."""
    try:
        files = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as error:
        raise not_saved(f"{folder}: {error}") from error
    found = [backup for file in files if file.is_file() and (backup := parse(file))]
    return sorted(found, key=lambda backup: backup.made_at, reverse=True)


def make_backup(source: Path, folder: Path, reason: str, now: datetime,
                reading: sqlite3.Connection | None = None) -> Backup:
    """A consistent copy of the database file `source` in `folder`, readable by this user
    only. Nothing is left behind when it fails (a full disk, say): StorageError.
    `reading`: a connection to `source` to copy through (see `copy_database_file`)."""
    if not _NAME.match(f"{PREFIX}00000000-000000-{reason}{SUFFIX}"):
        raise ValueError(f"not a reason for a backup: {reason!r}")
    made = now.astimezone(UTC).replace(microsecond=0)
    while folder.is_dir() and any(folder.glob(f"{PREFIX}{made.strftime(STAMP)}-*{SUFFIX}")):
        made += timedelta(seconds=1)  # two in one second (a start, then a delete): in order
    final = folder / f"{PREFIX}{made.strftime(STAMP)}-{reason}{SUFFIX}"
    partial = folder / f".{final.name}.part"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        copy_database_file(source, partial, reading)
        os.replace(partial, final)
        sync_folder(folder)
    except (OSError, sqlite3.Error) as error:
        _remove(partial)
        raise not_saved(f"backup of {source} to {final}: {error}") from error
    return Backup(final, made, reason)


def copy_database_file(source: Path, target: Path,
                       reading: sqlite3.Connection | None = None) -> None:
    """Copy a SQLite database with the online backup API (whole, even while it is being
    written), made 0600 and flushed to disk. `source` must be a database file.

    `reading`: an open connection to `source` (the running app's own) to copy through.
    A connection of its own, closed while the app's stays open, leaves SQLite holding one
    more file handle on the database (POSIX locks belong to the process), so the running
    app passes its own."""
    if not source.is_file():
        raise FileNotFoundError(source)
    target.unlink(missing_ok=True)
    own = reading is None
    if reading is None:
        reading = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        writing = sqlite3.connect(target)
        try:
            with _flushed_as_written(target):
                reading.backup(writing)
            writing.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            writing.close()
    finally:
        if own:
            reading.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


@contextmanager
def _flushed_as_written(target: Path, every_s: float = FLUSH_EVERY_S) -> Iterator[None]:
    """While a big copy is written, put what is written so far on disk every few dozen
    milliseconds. Left to the end, flushing a whole large file at once holds up the file
    system's journal, and a learner's answer written meanwhile waits for it (hundreds of
    ms, see benchmarks/backups.py); in small portions it hardly waits. Where the system has
    no fdatasync (Windows, macOS) the copy is flushed once at the end, as before."""
    flush = getattr(os, "fdatasync", None)
    if flush is None:
        yield
        return
    done = threading.Event()

    def flushing() -> None:
        try:
            fd = os.open(target, os.O_RDONLY)
        except OSError:
            return
        try:
            while not done.wait(every_s):
                with suppress(OSError):  # the final fsync still says whether it worked
                    flush(fd)
        finally:
            os.close(fd)

    flusher = threading.Thread(target=flushing, name="backup-flush", daemon=True)
    flusher.start()
    try:
        yield
    finally:
        done.set()
        flusher.join()


def _remove(file: Path) -> None:
    """Clear away a half-made file; where none can be (the folder is a file), nothing."""
    with suppress(OSError):
        file.unlink(missing_ok=True)


def sync_folder(folder: Path) -> None:
    """Make the new name itself durable (POSIX); Windows has no directory handles."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def to_keep(backups: Iterable[Backup], now: datetime) -> set[Path]:
    """The files the calendar rule keeps: every backup of the last day, the newest of each
    of the last 7 days, of each week for 2 months and of each month for a year."""
    keep: set[Path] = set()
    newest: dict[tuple[str, object], Backup] = {}
    for backup in backups:
        age = now - backup.made_at
        if age < KEEP_ALL:
            keep.add(backup.file)
        day = backup.made_at.date()
        year, week, _weekday = day.isocalendar()
        for kind, key, within in (("day", day, DAILY_FOR), ("week", (year, week), WEEKLY_FOR),
                                  ("month", (day.year, day.month), MONTHLY_FOR)):
            if age < within:
                slot = (kind, key)
                if slot not in newest or newest[slot].made_at < backup.made_at:
                    newest[slot] = backup
    keep.update(backup.file for backup in newest.values())
    return keep


def prune(folder: Path, now: datetime) -> list[Path]:
    """Remove the backups the rule does not keep; the removed files. The newest backup
    always stays, however old, so a location closed for a year still has one."""
    backups = list_backups(folder)
    keep = to_keep(backups, now)
    if backups:
        keep.add(backups[0].file)
    removed = []
    for backup in backups:
        if backup.file not in keep:
            try:
                backup.file.unlink()
            except FileNotFoundError:
                continue
            except OSError as error:
                raise not_saved(f"{backup.file}: {error}") from error
            removed.append(backup.file)
    return removed


def contents(file: Path) -> Contents:
    """Learners and last activity in a backup, read without changing the file."""
    try:
        connection = sqlite3.connect(f"{file.as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return Contents(0, None, False)
    try:
        check = connection.execute("PRAGMA quick_check").fetchone()
        learners = connection.execute(
            "SELECT count(*) FROM learner WHERE archived_at IS NULL").fetchone()[0]
        last = connection.execute(
            "SELECT max(started_at) FROM visit").fetchone()[0]
    except sqlite3.Error:
        return Contents(0, None, False)
    finally:
        connection.close()
    return Contents(int(learners), _when(last), check is not None and check[0] == "ok")


def _when(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def newest_sound(folder: Path) -> tuple[Backup, Contents] | None:
    """The newest backup that passes the check, with what it holds; None when there is none."""
    for backup in list_backups(folder):
        found = contents(backup.file)
        if found.sound:
            return backup, found
    return None


def restore(backup: Path, database: Path, now: datetime) -> Path:
    """Put `backup` in place of the database file; the current file (when there is one) is
    first kept aside, whole and untouched, so the restore can be undone. Returns the kept
    file (or the backup's own path when there was nothing to keep). The app must have
    closed the database first."""
    if not contents(backup).sound:
        raise StorageError(_unsound(), f"{backup}: fails the check")
    stamp = now.astimezone(UTC).strftime(STAMP)
    aside = database.with_name(f"{database.stem}.before-restore-{stamp}{database.suffix}")
    fresh = database.with_name(f".{database.name}.restoring")
    try:
        copy_database_file(backup, fresh)
        if database.exists():
            os.replace(database, aside)
            for extra in ("-wal", "-shm"):  # they belong to the file kept aside
                sidecar = database.with_name(database.name + extra)
                if sidecar.exists():
                    os.replace(sidecar, aside.with_name(aside.name + extra))
        os.replace(fresh, database)
        sync_folder(database.parent)
    except (OSError, sqlite3.Error) as error:
        _remove(fresh)
        raise not_saved(f"restore {backup} to {database}: {error}") from error
    return aside if aside.exists() else backup


def copy_to_second_place(backup: Backup, folder: Path) -> Path:
    """A copy of a backup in a second folder (a USB stick, a network share)."""
    target = folder / backup.file.name
    partial = folder / f".{backup.file.name}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(backup.file, partial)
        with suppress(OSError):  # a FAT stick has no rights to set; a share may refuse
            os.chmod(partial, 0o600)
        os.replace(partial, target)
    except OSError as error:
        _remove(partial)
        raise not_saved(f"copy of {backup.file} to {folder}: {error}") from error
    return target


def _unsound() -> str:
    return _("This backup is damaged and cannot be put back. Choose another one.")
