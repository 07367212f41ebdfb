"""After a damaged database was kept aside (storage.health): the coordinator's PIN checked
against the newest sound backup, that backup put back, or an empty start chosen.

The damaged database cannot say who the coordinator is, so the team in the backup is asked;
without a backup there is no PIN to check. Standard library only, like storage.backups: this
runs when the database is in trouble.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from oefenplek.core.staff import COORDINATOR, pin_matches
from oefenplek.storage import backups, health
from oefenplek.storage.errors import not_saved


def coordinator_pin_matches(backup: Path, pin: str) -> bool:
    """True when `pin` is the PIN of a coordinator in the team kept in `backup`."""
    try:
        connection = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro&immutable=1",
                                     uri=True)
    except sqlite3.Error:
        return False
    try:
        rows = connection.execute(
            "SELECT pin_salt, pin_hash FROM staff WHERE role = ? AND removed_at IS NULL",
            (COORDINATOR,)).fetchall()
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    found = False
    for salt, digest in rows:  # every one is tried: the time does not tell which matched
        try:
            found = pin_matches(pin, str(salt), str(digest)) or found
        except ValueError:
            continue
    return found


def put_back(backup: Path, database: Path, now: datetime) -> Path:
    """The backup in the database's place (a file still there is kept aside first, by
    backups.restore); the damage is then settled. StorageError when it did not work."""
    kept = backups.restore(backup, database, now)
    health.forget_damage(database)
    return kept


def start_empty(database: Path, found: health.Health, now: datetime) -> None:
    """Let the app begin with a new, empty database: the damaged file stays where it was
    kept (it is moved aside now when that had not worked before)."""
    if database.exists():
        try:
            health.keep_aside(database, found, now)
        except OSError as error:
            raise not_saved(f"keep {database} aside: {error}") from error
    health.forget_damage(database)
