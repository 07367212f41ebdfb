"""Database files damaged the ways a library computer damages them, for the health and
recovery tests: pages overwritten in the middle (a bad disk), cut to zero bytes (a crash
while the file was being written by a careless tool), text written into it (opened and
saved in a text editor)."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

from .reports.busy_location import make_busy_location

PAGE = 4096
LEARNERS = 120  #: a busy location, smaller: 120 learners, 2,400 lesson runs, 24,000 answers
COORDINATOR_PIN = "4821"  #: the PIN of every staff member in tests/reports/busy_location.py


def make_busy_file(path: Path, learners: int = LEARNERS) -> Path:
    """A busy location's database, checkpointed into one file (no -wal)."""
    database = make_busy_location(path, learners=learners, runs=learners * 20,
                                  attempts=learners * 200)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    return path


def copy_database(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def overwrite_pages(file: Path) -> None:
    """Eight pages in the middle of the file overwritten with noise (a bad disk)."""
    noise = random.Random(14).randbytes(8 * PAGE)
    middle = file.stat().st_size // 2 // PAGE * PAGE
    with file.open("r+b") as handle:
        handle.seek(middle)
        handle.write(noise)


def truncate_to_zero(file: Path) -> None:
    with file.open("r+b") as handle:
        handle.truncate(0)


def write_text(file: Path) -> None:
    """Text over the start of the file, as a text editor saving a shopping list over it."""
    with file.open("r+b") as handle:
        handle.write(("Boodschappen: melk, brood, kaas, appels.\n" * 200).encode())


DAMAGES: dict[str, Callable[[Path], None]] = {
    "pages-overwritten": overwrite_pages,
    "zero-bytes": truncate_to_zero,
    "text-written": write_text,
}
