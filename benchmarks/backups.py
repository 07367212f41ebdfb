"""Backups of a busy location: how long one takes, how long a lesson step waits while one
runs, and what `PRAGMA quick_check` (at start) and `integrity_check` (each evening) cost.

    uv run python benchmarks/backups.py            # [--rounds N]

Builds the made-up busy location of the report tests (2,000 learners, 40,000 lesson runs,
400,000 answers over three years) once. Then:

- a backup with nothing else going on (storage.backups.make_backup: the online backup API,
  fsync, the rename), `--rounds` times; the median and the slowest;
- a backup as the app makes it (storage.backup_routine: through the app's own connection
  pool, then the calendar rule) on a worker thread while the main thread plays a learner: one
  lesson step is `Repository.record_attempt` + `Repository.move_run`, written
  one after another as fast as they go; every step's time while the backup runs, against
  the same steps with no backup (goal: no step waits longer than 100 ms); and the same
  while the calendar rule removes an old backup of that size (`prune`, after every backup);
- `PRAGMA quick_check` on a fresh connection, as at start: the first and the median of the
  rest, with the operating system's file cache as it is (goal: ≤ 50 ms); and one full
  `PRAGMA integrity_check`, which runs in the evening on a worker thread and has no goal.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oefenplek.core.engine import Outcome
from oefenplek.storage.backup_routine import BackupRoutine
from oefenplek.storage.backups import BY_HAND, Backup, make_backup, prune
from oefenplek.storage.db import Database
from oefenplek.storage.repository import Repository
from tests.reports.busy_location import make_busy_location

STEP_GOAL_MS = 100
QUICK_CHECK_GOAL_MS = 50


def ms(seconds: float) -> float:
    return seconds * 1000


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def steps_while(repository: Repository, run_id: str, busy: threading.Event | None,
                count: int = 0) -> list[float]:
    """Lesson steps one after another: while `busy` is set, or `count` of them."""
    took: list[float] = []
    position = 0
    while (busy is not None and busy.is_set()) or len(took) < count:
        start = time.perf_counter()
        repository.record_attempt(run_id, position % 8, "tap", Outcome.CORRECT)
        repository.move_run(run_id, position % 8 + 1)
        took.append(time.perf_counter() - start)
        position += 1
    return took


def while_working(repository: Repository, run_id: str, work: Callable[[], object],
                  took: list[float]) -> list[float]:
    """Run `work` on a worker thread while the learner steps on; the steps' times."""
    busy = threading.Event()
    busy.set()

    def worker() -> None:
        begin = time.perf_counter()
        try:
            work()
        finally:
            took.append(time.perf_counter() - begin)
            busy.clear()

    thread = threading.Thread(target=worker)
    thread.start()
    steps = steps_while(repository, run_id, busy)
    thread.join()
    return steps


def described(steps: list[float]) -> str:
    return (f"{len(steps)} steps, median {ms(statistics.median(steps)):5.1f} ms, "
            f"p95 {ms(p95(steps)):5.1f} ms, max {ms(max(steps)):5.1f} ms")


def quick_check(file: Path, pragma: str = "quick_check") -> float:
    start = time.perf_counter()
    connection = sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True)
    try:
        result = connection.execute(f"PRAGMA {pragma}").fetchone()
    finally:
        connection.close()
    took = time.perf_counter() - start
    assert result == ("ok",), result
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    folder = Path(tempfile.mkdtemp(prefix="oefenplek-backups-"))
    source = folder / "oefenplek.sqlite3"
    start = time.perf_counter()
    make_busy_location(source).close()
    print(f"{'made the busy location':>34}: {time.perf_counter() - start:7.1f} s, "
          f"{source.stat().st_size / 1e6:.0f} MB")

    # The app's own connection, with a learner in a lesson.
    database = Database(f"sqlite:///{source}")
    repository = Repository(database)
    learner = repository.add_learner("Benchmark", "kat")
    run = repository.start_run(learner.id, "les-01", 1)

    backups = folder / "backups"
    alone = []
    for _round in range(rounds):
        start = time.perf_counter()
        made = make_backup(source, backups, BY_HAND, datetime.now(UTC))
        alone.append(time.perf_counter() - start)
        made.file.unlink()
    print(f"{'a backup, nothing else going on':>34}: median {ms(statistics.median(alone)):6.0f}"
          f" ms, slowest {ms(max(alone)):6.0f} ms ({rounds} rounds)")

    quiet = steps_while(repository, run.id, None, count=500)
    print(f"{'lesson steps, no backup':>34}: {described(quiet)}")
    during, maxima, backup_took = [], [], []
    routine = BackupRoutine(source, folder, database)  # as in the app: its own connection
    for _round in range(rounds):
        made: list[Backup] = []
        took = while_working(repository, run.id, lambda into=made: into.append(
            routine.make(BY_HAND, datetime.now(UTC)).backup), backup_took)
        made[0].file.unlink()
        during += took
        maxima.append(max(took))
    print(f"{'a backup while a learner works':>34}: median "
          f"{ms(statistics.median(backup_took)):6.0f} ms")
    print(f"{'lesson steps during a backup':>34}: {described(during)} "
          f"(goal: max ≤ {STEP_GOAL_MS} ms)")
    print(f"{'slowest step of each backup':>34}: "
          f"{', '.join(f'{ms(m):.0f}' for m in sorted(maxima))} ms")

    # The calendar rule removing an old backup (prune, after every backup).
    newest = make_backup(source, backups, BY_HAND, datetime.now(UTC))
    during, removal_took = [], []
    for _round in range(rounds):
        old = make_backup(source, backups, BY_HAND, datetime.now(UTC))
        old.file.rename(backups / "oefenplek-20240101-120000-start.sqlite3")
        during += while_working(repository, run.id, lambda: prune(
            backups, datetime.now(UTC)), removal_took)
    newest.file.unlink()
    print(f"{'removing an old backup':>34}: median "
          f"{ms(statistics.median(removal_took)):6.0f} ms")
    print(f"{'lesson steps meanwhile':>34}: {described(during)} "
          f"(goal: max ≤ {STEP_GOAL_MS} ms)")
    database.close()

    checks = [quick_check(source) for _round in range(rounds + 1)]
    print(f"{'quick_check at start':>34}: first {ms(checks[0]):5.0f} ms, median of the "
          f"rest {ms(statistics.median(checks[1:])):5.0f} ms "
          f"(goal: ≤ {QUICK_CHECK_GOAL_MS} ms)")
    print(f"{'integrity_check in the evening':>34}: "
          f"{ms(quick_check(source, 'integrity_check')):5.0f} ms (worker thread, no goal)")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
