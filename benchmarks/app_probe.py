"""The real app on a given database, in its own process: lesson open, a step, the overview,
and how long the window stalls while an export or a backup runs.

    python -m benchmarks.app_probe HOME      # HOME holds oefenplek.sqlite3; prints JSON

Run by `python -m benchmarks` for each size (and on an empty database for the floors), so
each measurement has a fresh interpreter and the app as `app.build` makes it, offscreen,
with the mock voice.

- lesson open: `LearnerController.open_lesson` for a learner with the most lesson runs, until
  the event loop has shown the screen; the median over several lessons;
- step: `go_on` (the move written and committed) until the next step is on screen;
- overview: who is in today and their cards (`here_today` + `today_rows`), and its SQL
  statements;
- picker: the learners read by the first look (storage.first_look, as at start) and shown on
  a fresh learner picker until painted, against the bare tools doing what must be done: the
  same query by plain sqlite3 plus the same picker with one screenful of learners (the first
  BATCH), taking turns, once the start's backup is done; and the
  picker shown again from the database (`show_picker`, as after the start or the staff
  area), which reads them with SQLAlchemy and draws nothing anew;
- stall: a 5 ms QTimer notes the longest gap between two of its ticks (and the longest
  pause of the garbage collector in it) while an XLSX export,
  a PDF export (through `Operations.save_file`, as the Reports screen saves) or a backup
  (`BackupRoutine.make` in `run_in_background`, as the Back-ups screen) runs; and with
  nothing running, as the floor.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MARK = "app-probe:"


class Collections:
    """The longest pause of Python's garbage collector (which stops every thread) since
    `longest` was last set to 0: tells a stall that is the collector from one that is not."""

    def __init__(self) -> None:
        import gc

        self.longest, self._began = 0.0, 0.0
        gc.callbacks.append(self._seen)

    def _seen(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.longest = max(self.longest, time.perf_counter() - self._began)


def main() -> None:
    home = Path(sys.argv[1])
    os.environ["OEFENPLEK_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("OEFENPLEK_SPEECH_ENGINE", "mock")
    from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select

    from oefenplek import app as appmod
    from oefenplek.core.reports import Period, build_report
    from oefenplek.gui.background import run_in_background
    from oefenplek.gui.screens.picker import BATCH, PickerScreen
    from oefenplek.storage.backups import BY_HAND
    from oefenplek.storage.first_look import QUERY as FIRST_LOOK
    from oefenplek.storage.first_look import learners_at_start
    from oefenplek.storage.models import LessonRunRow
    from oefenplek.storage.report_queries import report_facts
    from oefenplek.storage.staff_repository import StaffRepository
    from oefenplek.views.staff import today_rows
    from tests.reports.busy_location import YEAR_2025

    qt = QApplication([])
    catalog = appmod.load_lessons()
    running = appmod.build(catalog)
    running.window.show()
    qt.processEvents()
    learner_controller: Any = running.controllers[0]
    repository, database = running.repository, running.database
    services: Any = running.services
    found: dict[str, Any] = {}

    with database.session() as session:
        busiest = session.execute(
            select(LessonRunRow.learner_id).group_by(LessonRunRow.learner_id)
            .order_by(func.count().desc()).limit(1)).scalar()
    learner_id = busiest or repository.add_learner("Bench", "cat").id
    learner_controller.choose_learner(learner_id)
    qt.processEvents()
    lessons = sorted(catalog.lessons)[:6]
    opens, steps = [], []
    for lesson_id in lessons:
        learner_controller.show_lessons()
        qt.processEvents()
        start = time.perf_counter()
        learner_controller.open_lesson(lesson_id)
        qt.processEvents()
        opens.append(time.perf_counter() - start)
        if learner_controller.run is None:
            learner_controller.begin_lesson()
            qt.processEvents()
        run = learner_controller.run
        for _ in range(3):
            if run is None or run.is_last or not run.can_go_on:
                break
            start = time.perf_counter()
            learner_controller.go_on()
            qt.processEvents()
            steps.append(time.perf_counter() - start)
    found["lesson open"] = statistics.median(opens[1:] or opens)
    found["step"] = statistics.median(steps) if steps else None
    found["step max"] = max(steps) if steps else None

    def picker_shown(learners: Callable[[], list[Any]]) -> float:
        screen = PickerScreen()
        screen.resize(1280, 800)
        screen.show()
        qt.processEvents()
        start = time.perf_counter()
        screen.show_learners(learners())
        qt.processEvents()  # painted
        took = time.perf_counter() - start
        screen.close()
        screen.deleteLater()
        # processEvents leaves deferred deletions alone: without this, the event loop of
        # the first stall figure below would tear down a dozen screens of tiles.
        qt.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return took

    # The start's backup runs in the background: the picker is timed after it, alone.
    QThreadPool.globalInstance().waitForDone()
    qt.processEvents()
    database_file = home / "oefenplek.sqlite3"
    everyone = learners_at_start(database_file) or []
    def bare_query() -> float:
        start = time.perf_counter()
        connection = sqlite3.connect(f"file:{database_file}?mode=ro", uri=True)
        connection.execute(FIRST_LOOK).fetchall()
        connection.close()
        return time.perf_counter() - start

    floors, pickers, again = [], [], []
    for turn in range(6):  # taking turns; the first pair warms up (pictures, style)
        floor = bare_query() + picker_shown(lambda: everyone[:BATCH])
        shown = picker_shown(lambda: learners_at_start(database_file) or [])
        start = time.perf_counter()
        learner_controller.show_picker()
        qt.processEvents()
        if turn:
            floors.append(floor)
            pickers.append(shown)
            again.append(time.perf_counter() - start)
    found["picker floor"] = statistics.median(floors)
    found["picker"] = statistics.median(pickers)
    found["learners"] = len(everyone)
    found["picker again"] = statistics.median(again)

    staff = StaffRepository(database, repository)
    statements = [0]

    def one(*_args: object) -> None:
        statements[0] += 1

    from sqlalchemy import event

    now = datetime.now(UTC)
    since = now.replace(hour=0, minute=0, second=0, microsecond=0)
    today_rows(staff.here_today(since), catalog, now)
    event.listen(database.engine, "before_cursor_execute", one)
    start = time.perf_counter()
    today_rows(staff.here_today(since), catalog, now)
    found["overview"] = time.perf_counter() - start
    found["overview statements"] = statements[0]
    event.remove(database.engine, "before_cursor_execute", one)

    collections = Collections()

    def longest_gap(work: Callable[[Callable[[], None]], None] | None,
                    idle_ms: int = 800) -> tuple[float, float]:
        """The longest gap between 5 ms ticks while `work` runs (or for `idle_ms`)."""
        collections.longest = 0.0
        loop, clock, gaps = QEventLoop(), QElapsedTimer(), [0.0]
        timer = QTimer()
        timer.setInterval(5)

        def tick() -> None:
            gaps[0] = max(gaps[0], clock.nsecsElapsed() / 1e9)
            clock.restart()

        timer.timeout.connect(tick)
        started = time.perf_counter()
        clock.start()
        timer.start()
        if work is None:
            QTimer.singleShot(idle_ms, loop.quit)
        else:
            work(loop.quit)
        loop.exec()
        timer.stop()
        return gaps[0], time.perf_counter() - started

    found["stall idle"] = longest_gap(None)[0]
    themes = {lesson.id: lesson.title for lesson in catalog.lessons.values()}
    report = build_report(report_facts(repository, Period(*YEAR_2025), themes, themes))
    folder = Path(tempfile.mkdtemp(prefix="oefenplek-probe-"))
    errors: list[str] = []
    from oefenplek.documents.report_exports import WRITERS

    for kind in ("xlsx", "pdf"):
        def export(done: Callable[[], None], kind: str = kind) -> None:
            services.ops.save_file(
                folder / f"report.{kind}",
                lambda path, progress: WRITERS[kind](report, "Bieb", path, False, progress),
                lambda message: (errors.append(message), done()), lambda _r: done(),
                progress=lambda _d, _t: None)

        found[f"stall {kind}"], found[f"{kind} in the app"] = longest_gap(export)
        found[f"collector {kind}"] = collections.longest

    def backup(done: Callable[[], None]) -> None:
        run_in_background(lambda _p: services.backups.make(BY_HAND, datetime.now(UTC)),
                          lambda _r: done(), lambda error: (errors.append(str(error)), done()))

    found["stall backup"], found["backup in the app"] = longest_gap(backup)
    found["collector backup"] = collections.longest
    found["errors"] = errors
    learner_controller.shutdown()
    database.close()
    print(MARK, json.dumps(found), flush=True)


if __name__ == "__main__":
    main()
