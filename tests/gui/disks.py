"""A place for the database whose writes the operating system refuses, on demand.

A small tmpfs is mounted and filled up: a real full disk (ENOSPC), met by the app as in a
library whose disk ran full. Mounting needs root, which CI and the development machines
have; elsewhere these tests say so and do not run (read-only files are no stand-in: SQLite
keeps a file it once opened read-only read-only for the whole process).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHUNK = 4096


class FullDisk:
    #: The start of the sentence the person should read, for the database and for files.
    expected = "Opslaan lukt niet: de schijf is vol."

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.database = folder / "oefenplek.sqlite3"
        self.filler = folder / "filler"

    @property
    def url(self) -> str:
        return f"sqlite:///{self.database}"

    def refuse(self) -> None:
        """Fill the disk: from now on every write that needs room fails."""
        with sqlite3.connect(self.database) as connection:  # an empty WAL needs new room
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        handle = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        try:
            while os.write(handle, b"\0" * CHUNK):
                pass
        except OSError:  # no space left: the disk is full now
            pass
        finally:
            os.close(handle)

    def allow(self) -> None:
        self.filler.unlink(missing_ok=True)


@contextmanager
def full_disk(folder: Path) -> Iterator[FullDisk]:
    folder.mkdir(parents=True)
    if os.geteuid() != 0:
        pytest.skip("a full disk is made with a tmpfs mount, which needs root (CI has it)")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)],
                   check=True, capture_output=True)
    try:
        yield FullDisk(folder)
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def snapshot(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read past the app: to see that nothing was half-written."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(),
                              key=repr) for table in tables}
    finally:
        connection.close()
