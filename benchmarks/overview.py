"""The volunteer's overview on a busy location: how long one refresh's data work takes.

    uv run python benchmarks/overview.py            # [--no-screen] without Qt

The overview refreshes every 1.5 seconds on the GUI thread while it is on screen (so help
asked on one computer shows on another within 2 seconds), so the queries and the rows made
from them must stay well under a frame or two. Builds a made-up location (2,000 learners
over three years, 40,000 lesson runs, 400,000 answers) in a real SQLite file, lets 30 of
them come in today with lessons, answers and a few help requests, then times:

- one refresh: who is in (`StaffRepository.here_today`) and their cards (`today_rows`);
  the goal is under 10 ms;
- the same on screen (`StaffController.refresh_rows`' work with the real `TodayScreen`,
  offscreen, until the event loop has laid out and painted): when nothing changed (most
  ticks: the cards are left alone), when one learner went on a step (their card is made
  anew) and when every card changed;
- the learner's poll while "help is coming" (`Repository.help_handled`, one lookup);
- opening the overview: that, plus the list for "visit without the computer" (all 2,000
  active learners, `Repository.learners` and `visit_choices`). That list changes only when
  learners are added, archived or come in, so it belongs to opening the screen (and to
  starting or ending a visit), not to every 15-second tick.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select

from oefenplek import i18n, paths
from oefenplek.core.lessons import Catalog, load_catalog
from oefenplek.storage.db import Database
from oefenplek.storage.models import (
    AttemptRow,
    HelpRequestRow,
    LearnerRow,
    LessonRunRow,
    VisitRow,
)
from oefenplek.storage.repository import Repository
from oefenplek.storage.staff_repository import StaffRepository
from oefenplek.views.staff import TodayRow, today_rows, today_view
from tests.reports.busy_location import make_busy_location

PRESENT = 30
REPEATS = 300
GOAL_MS = 10.0
ALIVE: list[object] = []
POLL_MS = 1500  # REFRESH_MS of gui/staff/controller.py and HELP_POLL_MS of gui/controller.py


def start_of_today(now: datetime) -> datetime:
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


def come_in_today(database: Database, since: datetime, lesson_ids: list[str],
                  seed: int = 11) -> None:
    """PRESENT learners with a visit today, a finished and a busy lesson, answers, help."""
    rng = random.Random(seed)
    with database.engine.connect() as connection:
        everyone = list(connection.execute(select(LearnerRow.id)).scalars())
    visits, runs, attempts, helps = [], [], [], []
    for n, learner_id in enumerate(rng.sample(everyone, PRESENT)):
        arrived = since + timedelta(minutes=rng.randint(0, 60))
        visit_id = str(uuid.uuid4())
        visits.append({"id": visit_id, "learner_id": learner_id, "started_at": arrived,
                       "ended_at": arrived + timedelta(minutes=90) if n % 7 == 0 else None,
                       "note": "", "guided_by": None, "computer": f"Balie-{n % 8 + 1}"})
        done, busy = rng.sample(lesson_ids, 2)
        for lesson_id, finished in ((done, arrived + timedelta(minutes=20)), (busy, None)):
            run_id = str(uuid.uuid4())
            runs.append({"id": run_id, "learner_id": learner_id, "lesson_id": lesson_id,
                         "lesson_version": 1, "started_at": arrived + timedelta(minutes=1),
                         "position": rng.randint(0, 4), "finished_at": finished})
            for step in range(6):
                attempts.append({
                    "id": str(uuid.uuid4()), "run_id": run_id, "visit_id": visit_id,
                    "step_index": step, "step_kind": "tap",
                    "outcome": "wrong" if rng.random() < 0.3 else "correct", "answer": "1,1",
                    "created_at": arrived + timedelta(minutes=2 + step)})
            if finished is None and n % 5 == 0:
                helps.append({"id": str(uuid.uuid4()), "learner_id": learner_id,
                              "run_id": run_id, "lesson_id": lesson_id, "step_index": 2,
                              "created_at": arrived + timedelta(minutes=9),
                              "handled_at": None, "computer": f"Balie-{n % 8 + 1}"})
    with database.engine.begin() as connection:
        for table, rows in ((VisitRow, visits), (LessonRunRow, runs), (AttemptRow, attempts),
                            (HelpRequestRow, helps)):
            connection.execute(insert(table), rows)


def median_ms(work: Callable[[], int]) -> list[float]:
    """The times of REPEATS runs, in milliseconds, sorted."""
    timings = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        work()
        timings.append((time.perf_counter() - began) * 1000)
    return sorted(timings)


def main() -> None:
    i18n.set_language("nl")
    catalog = load_catalog([paths.lessons_dir()])
    folder = Path(tempfile.mkdtemp(prefix="oefenplek-overview-"))
    start = time.perf_counter()
    database = make_busy_location(folder / "busy.sqlite3")
    now = datetime.now(UTC)
    since = start_of_today(now)
    come_in_today(database, since, sorted(catalog.lessons))
    print(f"{'made the busy location':>30}: {time.perf_counter() - start:7.1f} s")
    repository = Repository(database)
    staff = StaffRepository(database, repository)

    def tick() -> int:
        return len(today_rows(staff.here_today(since), catalog, now))

    def opening() -> int:
        here = staff.here_today(since)
        return len(today_view(here, repository.learners(), catalog, now).learners)

    waiting = repository.open_help_requests()[0][0]

    def poll() -> int:
        return int(repository.help_handled(waiting))

    assert tick() == PRESENT  # and warms the connection and the file cache
    assert opening() > 1900
    assert poll() == 0
    print(f"{'learners in today':>30}: {PRESENT} of 2,000")
    works = [("one refresh", tick), ("opening the overview", opening),
             ("learner's help poll", poll)]
    if "--no-screen" not in sys.argv:
        works += on_screen(staff, catalog, since, now)
    for name, work in works:
        timings = median_ms(work)
        middle = statistics.median(timings)
        share = ("" if work is opening else  # opening happens once, not on every tick
                 f"; {middle / POLL_MS * 100:.2f} % of a core at one per {POLL_MS / 1000:g} s")
        print(f"{name + ', median':>30}: {middle:7.2f} ms "
              f"(90th percentile {timings[int(len(timings) * 0.9)]:.2f} ms, {REPEATS} runs"
              f"{share})")
    print(f"{'goal for one refresh':>30}: < {GOAL_MS:.0f} ms")
    database.close()


def on_screen(staff: StaffRepository, catalog: Catalog, since: datetime, now: datetime
              ) -> list[tuple[str, Callable[[], int]]]:
    """The refresh with the real overview screen: unchanged cards, and all cards anew."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from oefenplek.gui import theme
    from oefenplek.gui.staff.today import TodayScreen

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyleSheet(theme.stylesheet())
    screen = TodayScreen()
    screen.resize(1366, 768)
    screen.show()
    later = iter(range(10**9))

    def shown(rows: list[TodayRow]) -> int:
        screen.show_rows(rows)
        QApplication.processEvents()  # layout and paint, as the event loop does after a tick
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return len(screen.cards)

    def same() -> int:
        return shown(today_rows(staff.here_today(since), catalog, now))

    def one_moved() -> int:  # a learner went on a step: their card is made anew
        rows = today_rows(staff.here_today(since), catalog, now)
        rows[-1] = replace(rows[-1], where=f"{rows[-1].where} ({next(later) % 2})")
        return shown(rows)

    def all_changed() -> int:  # every card differs (as on opening the overview)
        rows, mark = today_rows(staff.here_today(since), catalog, now), next(later) % 2
        return shown([replace(row, done_text=f"{row.done_text} ({mark})") for row in rows])

    assert same() == PRESENT
    ALIVE.append(app)  # the screen needs its application as long as it is timed
    return [("on screen, nothing changed", same), ("on screen, one card anew", one_moved),
            ("on screen, every card anew", all_changed)]


if __name__ == "__main__":
    main()
