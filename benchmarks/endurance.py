"""A full day at the library in one process: does the app stay as it was, lesson after lesson?

    uv run python benchmarks/endurance.py [--lessons N] [--every N] [--warm-up N] [--trim]

Three learners come one after another and do 300 lessons (every lesson in turn) through the
widgets, in the real Qt event loop, with Luister, Hulp, wrong answers, other letters, the
volunteer's overview, the coordinator's reports and certificates in between
(tests/gui/library_day.py). At the start and every 50 lessons it prints resident memory,
widgets (and those of the learner's page in the staff area, which lists the learner's
history), open files, open SQLite files, database connections (open / held between actions),
None's reference count and the Qt warnings so far; at the end a summary against the goals,
what grew, and an idle hour of the volunteer overview followed by the learner picker.

Offscreen, with Qt's mock voice, in a temporary data folder that is removed afterwards.
Figures, not a test: the exit code is 0 whether the goals are met or not, unless the day
itself could not be played.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

if TYPE_CHECKING:
    from tests.gui.library_day import Figures, Idle, LibraryDay, QtMessages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, default=300, help="lessons in the day (300)")
    parser.add_argument("--every", type=int, default=50, help="lessons between figures (50)")
    parser.add_argument("--warm-up", type=int, default=50,
                        help="lessons before growth counts (50)")
    parser.add_argument("--trim", action="store_true",
                        help="give glibc's free heap back before each memory reading, so RSS "
                             "shows what the app holds rather than what the allocator keeps")
    parser.add_argument("--idle-refreshes", type=int, default=240,
                        help="overview refreshes in the idle hour (240: one per 15 s)")
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="oefenplek-endurance-")
    os.environ["OEFENPLEK_HOME"] = home  # before oefenplek looks for its data folder
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt starts
    os.environ["OEFENPLEK_SPEECH_ENGINE"] = "mock"
    os.environ.pop("OEFENPLEK_DATABASE_URL", None)

    from PySide6.QtWidgets import QApplication

    from oefenplek import i18n, paths
    from oefenplek.app import build
    from oefenplek.core.lessons import load_catalog
    from oefenplek.gui import theme
    from tests.gui.library_day import COLUMNS, WIDTH, Driver, LibraryDay, QtMessages, table_row

    app = QApplication([sys.argv[0]])
    app.setStyleSheet(theme.stylesheet())
    i18n.set_language("nl")
    running = build(load_catalog([paths.lessons_dir()]))
    window = running.window
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    folder = Path(home) / "saved"
    folder.mkdir()
    catalog = running.catalog
    plan = [lesson.id for theme_ in catalog.themes for lesson in catalog.lessons_of(theme_.id)]
    print(f"A day of {args.lessons} lessons ({len(plan)} lessons in turn, 3 learners), "
          f"figures every {args.every} lessons\n")
    print("".join(f"{name:>{WIDTH}}" for name in COLUMNS), flush=True)
    shown: list[Figures] = []

    def report(figures: Figures) -> None:
        shown.append(figures)
        print(table_row(figures, shown[0]), flush=True)

    try:
        with QtMessages() as messages:
            day = LibraryDay(running, args.lessons, plan, folder, every=args.every,
                             warm_up=args.warm_up, qt_warnings=lambda: messages.count,
                             report=report, trim=args.trim)
            started = time.monotonic()
            day.play(Driver(), seconds=120 + 10 * args.lessons)
            played = time.monotonic() - started
            idle = day.idle_hour(Driver(), refreshes=args.idle_refreshes)
        summary(day, played, idle, messages)
    finally:
        window.close()
        running.database.close()
        shutil.rmtree(home, ignore_errors=True)
    return 0


def summary(day: LibraryDay, played: float, idle: Idle, messages: QtMessages) -> None:
    from tests.gui.library_day import CPU_GOAL_MS, RSS_GROWTH_MIB, growth

    figures = day.figures
    first, last = figures[0], figures[-1]
    base = next((f for f in figures if f.lessons >= day.warm_up), last)
    print(f"\n{last.lessons} lessons in {played / 60:.1f} min "
          f"({played / max(last.lessons, 1):.2f} s a lesson), {day.visits} visits")
    print("what happened: " + ", ".join(f"{what} {n}" for what, n in sorted(day.done.items())))
    print(f"memory: {first.rss_kib / 1024:.0f} MiB at the start, {base.rss_kib / 1024:.0f} MiB "
          f"after lesson {base.lessons}, {last.rss_kib / 1024:.0f} MiB at the end: "
          f"{(last.rss_kib - base.rss_kib) / 1024:+.1f} MiB after the warm-up "
          f"(goal < {RSS_GROWTH_MIB:.0f})")
    for name in ("widgets", "history", "files", "threads", "sqlite_files", "connections",
                 "none_refs"):
        print(f"{name}: {getattr(first, name)} at the start, {getattr(base, name)} after "
              f"lesson {base.lessons}, {getattr(last, name)} at the end")
    print(f"Qt warnings: {messages.count}"
          + (f" (the first: {messages.first})" if messages.count else ""))
    if day.before[0] and day.after[0]:
        print(f"grown after lesson {base.lessons}:\n"
              f"  Python objects {growth(day.before[0], day.after[0])}\n"
              f"  widgets {growth(day.before[1], day.after[1])}\n"
              f"  open files {growth(day.before[2], day.after[2])}")
    problems = day.problems()
    print("goals: " + ("all met" if not problems else "MISSED:\n  " + "\n  ".join(problems)))
    print(f"\nidle hour, overview open: {idle.refreshes} refreshes in {idle.seconds:.1f} s, "
          f"{idle.cpu_per_refresh_ms:.1f} ms CPU a refresh (goal < {CPU_GOAL_MS:.0f}), "
          f"memory {idle.rss_growth_kib:+d} KiB, widgets {idle.widgets[0]} -> "
          f"{idle.widgets[1]}; other timers: {dict(idle.other_timers_on_overview) or 'none'}")
    print(f"idle on the picker: timer events {dict(idle.picker_timer_events) or 'none'}, "
          f"timers running {idle.picker_active_timers or 'none'}; Qt's own tidying up: "
          f"{dict(idle.qt_housekeeping) or 'none'}")


if __name__ == "__main__":
    sys.exit(main())
