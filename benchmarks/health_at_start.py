"""What checking the database costs at start, on a busy location (goal: ≤ 50 ms).

    uv run python benchmarks/health_at_start.py     # [--runs N] [--file DB]

Builds the made-up busy location of the report tests (2,000 learners, 40,000 lesson runs,
400,000 answers over three years), or uses `--file`. Then, each the median of `--runs`:

- the first look (storage.health.check(deep=False): size, header, schema revision), which
  runs before the learner picker is shown;
- the whole check (check(): the first look and `PRAGMA quick_check`, which reads every page),
  as it would cost if the start waited for it;
- the real program (`python -m oefenplek`, offscreen, mock voice) on a copy of that file:
  how long the start waited for the check that runs in a thread while the rest of the app
  loads (StartUp.finish, just before the database is opened), and how long the start took
  until the app was built. That wait is what the check costs a person at the computer.
  The picker shows only the first `--tiles` learners (30): drawing 2,000 tiles, twice, takes
  tens of seconds on its own and would hide the check behind it (`--tiles 0`: all of them).
  The same start without the check (its thread replaced by an answer "sound") takes turns
  with it, so a busy moment of the machine hits both; the difference is the check's cost.

The operating system's file cache is left as it is (a library computer that starts the app
every morning has read the file the day before, or has not; the first run of each shows it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

GOAL_MS = 50

#: The real app; `exec` turns the event loop until the app is built, then reports.
CHILD = r"""
import json, sys, time
began = time.perf_counter()
from PySide6.QtWidgets import QApplication
from oefenplek.gui import start as start_module

seen = {}
finish = start_module.StartUp.finish
TILES = int(sys.argv[1])
if sys.argv[2] == "without":
    from oefenplek.storage import health

    class NoCheck:
        def __init__(self, file):
            self.waited_s, self.found = 0.0, health.Health(health.SOUND)

        def result(self):
            return self.found

    start_module.health.Background = NoCheck
if TILES:
    from oefenplek.gui.screens.picker import PickerScreen
    show = PickerScreen.show_learners
    PickerScreen.show_learners = lambda self, learners: show(self, learners[:TILES])

def timed_finish(self, alone=False):
    ok = finish(self, alone)
    seen["waited_ms"] = self.background.waited_s * 1000 if self.background else None
    seen["check_kind"] = self.background.found.kind if self.background else None
    seen["built_ms"] = (time.perf_counter() - began) * 1000
    seen["ok"] = ok
    return ok

def run(*_args):
    deadline = time.monotonic() + 120
    while "ok" not in seen and time.monotonic() < deadline:
        QApplication.processEvents()
    print("RESULT", json.dumps(seen), flush=True)
    return 0

start_module.StartUp.finish = timed_finish
QApplication.exec = run
from oefenplek.cli import main
sys.exit(main([]))
"""


def ms(seconds: float) -> float:
    return seconds * 1000


def timed(work, runs: int) -> list[float]:
    took = []
    for _ in range(runs):
        begin = time.perf_counter()
        work()
        took.append(ms(time.perf_counter() - begin))
    return took


def real_start(home: Path, tiles: int, check: bool = True) -> dict[str, object]:
    env = {**os.environ, "OEFENPLEK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "OEFENPLEK_SPEECH_ENGINE": "mock"}
    env.pop("OEFENPLEK_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", CHILD, str(tiles),
                           "with" if check else "without"], env=env, cwd=REPO,
                          text=True, capture_output=True, timeout=600)
    line = next((line for line in done.stdout.splitlines() if line.startswith("RESULT ")), "")
    if not line:
        raise SystemExit(f"the app did not start:\n{done.stdout}\n{done.stderr}")
    return dict(json.loads(line.removeprefix("RESULT ")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--file", type=Path, help="a database to use instead of building one")
    parser.add_argument("--tiles", type=int, default=30,
                        help="learner tiles on the picker (0: all; default 30)")
    args = parser.parse_args()

    from oefenplek.storage import health

    folder = Path(tempfile.mkdtemp(prefix="oefenplek-health-"))
    try:
        home = folder / "home"
        home.mkdir()
        database = home / "oefenplek.sqlite3"
        if args.file:
            shutil.copyfile(args.file, database)
        else:
            from tests.damage import make_busy_file

            print("Building the busy location (2,000 learners)…", flush=True)
            make_busy_file(database, learners=2000)
        size = database.stat().st_size / 1e6
        first = timed(lambda: health.check(database, deep=False), args.runs)
        whole = timed(lambda: health.check(database), args.runs)
        real_start(home, args.tiles)  # a warm-up: the lesson cache, the file in the cache
        starts, without = [], []
        for _ in range(args.runs):
            starts.append(real_start(home, args.tiles))
            without.append(real_start(home, args.tiles, check=False))
        waited = [float(str(s["waited_ms"])) for s in starts]
        built = [float(str(s["built_ms"])) for s in starts]
        built_without = [float(str(s["built_ms"])) for s in without]
        print(f"\nDatabase: {size:.0f} MB. Medians of {args.runs} (fastest-slowest).")
        for label, values, goal in (
                ("first look (size, header, revision)", first, ""),
                ("whole check (first look + quick_check)", whole, ""),
                ("real start: waited for the check", waited, f"  goal <= {GOAL_MS} ms"),
                ("real start: until the app was built", built, ""),
                ("  the same start without the check", built_without, "")):
            print(f"{label:44} {statistics.median(values):9.1f} ms"
                  f"  ({min(values):.1f}-{max(values):.1f}){goal}")
        print(f"check found: {sorted({str(s['check_kind']) for s in starts})}; "
              f"CPUs: {os.cpu_count()}; load: {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
