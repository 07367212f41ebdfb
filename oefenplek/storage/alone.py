"""Working alone: a computer of a location goes on when the location database is away at start.

Each time the app closes on the location database it keeps a copy of what a learner needs
to pick their picture and go on where they were: the learners, their lesson runs, the team
(so a volunteer can still sign in) and the settings, in `location-copy.sqlite3` in the data
folder. When the location database does not answer at the next start, the coordinator or
volunteer may choose to work alone: the app then opens that copy, and every learner's write
is also kept to be handed over (storage.waiting) once the location database is back.

Answers, visits and help requests are not in the copy: the location database keeps those,
and the copy is only a starting point. What staff change while working alone (names, the
team, settings) stays in the copy and is not handed over; the staff area says so.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import insert, select

from oefenplek.storage.db import Database
from oefenplek.storage.errors import StorageError, not_saved
from oefenplek.storage.models import Base

COPY_FILE = "location-copy.sqlite3"
#: What the copy holds, parents first (foreign keys hold while it is filled).
TABLES: Sequence[str] = ("learner", "lesson_run", "staff", "setting")
CHUNK = 5000


def copy_file(data_dir: Path) -> Path:
    return data_dir / COPY_FILE


def copy_url(data_dir: Path) -> str:
    return f"sqlite:///{copy_file(data_dir)}"


def has_copy(data_dir: Path) -> bool:
    return copy_file(data_dir).is_file()


def save_copy(location: Database, data_dir: Path) -> int:
    """Write the copy afresh from the location database; the number of learners in it.

    Made in a new file beside the old one and put in its place only when complete, so a
    failure (the server went away, the disk is full) leaves the previous copy as it was.
    """
    final = copy_file(data_dir)
    fresh = final.with_name(f".{final.name}.new")
    for leftover in (fresh, fresh.with_name(fresh.name + "-wal"),
                     fresh.with_name(fresh.name + "-shm")):
        leftover.unlink(missing_ok=True)
    target = Database(f"sqlite:///{fresh}")
    learners = 0
    try:
        tables = Base.metadata.tables
        with location.engine.connect() as reading, target.engine.begin() as writing:
            for name in TABLES:
                table = tables[name]
                result = reading.execute(select(table).execution_options(yield_per=CHUNK))
                for rows in result.mappings().partitions(CHUNK):
                    writing.execute(insert(table), [dict(row) for row in rows])
                    learners += len(rows) if name == "learner" else 0
        with target.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except StorageError:
        raise
    except Exception as error:  # the driver's errors, said as one plain sentence
        raise not_saved(f"{fresh}: {error}") from error
    finally:
        target.close()
    try:
        os.replace(fresh, final)
    except OSError as error:
        raise not_saved(f"{final}: {error}") from error
    return learners
