"""The busy location at a size, built once per run and kept in a temporary folder."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from tests.reports.busy_location import make_busy_location


class Locations:
    """`file(size)`: the busy location times `size`, made on first use, reused after."""

    def __init__(self, keep: Path | None = None) -> None:
        self.folder = keep or Path(tempfile.mkdtemp(prefix="oefenplek-bench-data-"))
        self.folder.mkdir(parents=True, exist_ok=True)
        self.remove = keep is None
        self.build_seconds: dict[int, float] = {}

    def file(self, size: int) -> Path:
        path = self.folder / f"busy-{size}x.sqlite3"
        if not path.exists():
            start = time.perf_counter()
            partial = path.with_name(path.name + ".part")
            for stale in path.parent.glob(partial.name + "*"):
                stale.unlink()
            database = make_busy_location(partial, scale=size)
            with database.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            database.close()
            for extra in ("-wal", "-shm"):
                partial.with_name(partial.name + extra).unlink(missing_ok=True)
            partial.rename(path)
            self.build_seconds[size] = time.perf_counter() - start
        return path

    def copy(self, size: int, target: Path) -> Path:
        """A copy to change (steps, backups): the built file stays as it was."""
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.file(size), target)
        return target

    def close(self) -> None:
        if self.remove:
            shutil.rmtree(self.folder, ignore_errors=True)
