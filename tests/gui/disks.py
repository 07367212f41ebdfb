"""A place for the database whose writes the operating system refuses, on demand.

As root (CI), a small tmpfs is mounted and filled up: a real full disk (ENOSPC). Without
root, mounting is not allowed, so the files are made read-only instead and the app's open
connections are closed: the OS refuses every write just the same (EACCES). Either way the
app meets a real refusal from the OS, not a mock.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHUNK = 4096


class RefusingDisk:
    def __init__(self, folder: Path, mounted: bool) -> None:
        self.folder, self.mounted = folder, mounted
        self.database = folder / "oefenplek.sqlite3"
        self.filler = folder / "filler"

    @property
    def url(self) -> str:
        return f"sqlite:///{self.database}"

    @property
    def expected(self) -> str:
        """The start of the sentence the person should read."""
        if self.mounted:
            return "Opslaan lukt niet: de schijf is vol."
        return "Opslaan lukt niet: deze computer mag niet schrijven"

    @property
    def expected_for_files(self) -> str:
        if self.mounted:
            return "Opslaan lukt niet: de schijf is vol."
        return "Opslaan lukt niet: in deze map mag niet geschreven worden."

    def refuse(self, close_connections: object) -> None:
        """From now on every write fails; `close_connections` empties the app's pool."""
        with sqlite3.connect(self.database) as connection:  # an empty WAL needs new space
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        if self.mounted:
            handle = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            try:
                while os.write(handle, b"\0" * CHUNK):
                    pass
            except OSError:  # no space left: the disk is full now
                pass
            finally:
                os.close(handle)
        else:
            close_connections()  # type: ignore[operator]
            for path in self.folder.iterdir():
                path.chmod(stat.S_IRUSR | stat.S_IRGRP)
            self.folder.chmod(stat.S_IRUSR | stat.S_IXUSR)

    def allow(self, close_connections: object) -> None:
        if self.mounted:
            self.filler.unlink(missing_ok=True)
        else:
            self.folder.chmod(stat.S_IRWXU)
            for path in self.folder.iterdir():
                path.chmod(stat.S_IRUSR | stat.S_IWUSR)
            close_connections()  # type: ignore[operator]


@contextmanager
def refusing_disk(folder: Path) -> Iterator[RefusingDisk]:
    folder.mkdir(parents=True)
    mounted = False
    if os.geteuid() == 0:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)],
                              capture_output=True)
        mounted = done.returncode == 0
    try:
        yield RefusingDisk(folder, mounted)
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=True)
        elif folder.exists():
            folder.chmod(stat.S_IRWXU)


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
