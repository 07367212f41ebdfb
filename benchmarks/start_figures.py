"""The figures of a start: memory at the learner picker, and the lesson catalog's size.

- peak memory: `python -m oefenplek` until the learner picker is shown (benchmarks/startup.py's
  probe, warm lesson cache), against a bare PySide6 window that has also loaded the database
  driver (SQLAlchemy with sqlite3, one connection and one query), each the median of fresh
  processes; beside it the same bare window at the app's size and with SQLAlchemy imported
  past PySide6's source scan, as the app does (a 1280×800 window's backing store is 4 MB,
  the scan keeps SQLAlchemy's source in memory); the time to the picker comes along;
- the lesson catalog at start (`load_catalog` with its cache file, warm, and what the start
  asks of it: the themes and the errors for the coordinator's notice): the shipped lessons
  against 200 lessons (the shipped ones copied into a temporary folder under new ids), each
  in fresh processes so that the figure is what a start pays; and, with no target, reading
  the lessons in from the cache file, which the first learner's list of lessons pays.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.startup import APP, BARE, MARK, REPO, child_env, spawn

RESULT = "start-figures:"

BARE_WITH_DRIVER = BARE.replace("app.processEvents()\n", """app.processEvents()
import sqlalchemy, sqlite3
engine = sqlalchemy.create_engine("sqlite:///" + __import__("tempfile").mktemp())
with engine.connect() as connection:
    connection.exec_driver_sql("SELECT 1")
""", 1)

#: The same, as the app does it: a window of the app's size (its backing store is part of the
#: memory) and SQLAlchemy imported without PySide6 reading its source (gui.start's
#: `skip_source_scan`). Shown next to the floor, so both ways of counting are in view.
BARE_AS_APP = BARE_WITH_DRIVER.replace("window.show()\n", """window.resize(1280, 800)
window.show()
""", 1).replace("import sqlalchemy, sqlite3\n", """import builtins, linecache
builtins.__import__ = getattr(builtins, "__orig_import__", builtins.__import__)
linecache.clearcache()
import sqlalchemy, sqlite3
""", 1)

CATALOG = rf"""
import sys, time
from pathlib import Path
from oefenplek.core.lessons import load_catalog
start = time.perf_counter()
catalog = load_catalog([Path(sys.argv[1])], cache_file=Path(sys.argv[2]))
catalog.themes, catalog.errors  # what the start uses: the notice of lessons left out
took = time.perf_counter() - start
start = time.perf_counter()
count = len(catalog.lessons)  # the first learner's list of lessons reads them in
print("{MARK}", took, count, time.perf_counter() - start, flush=True)
"""


def memory(runs: int) -> dict[str, float]:
    scratch = Path(tempfile.mkdtemp(prefix="oefenplek-bench-start-"))
    try:
        kinds = {"bare": [sys.executable, "-c", BARE_WITH_DRIVER],
                 "bare as app": [sys.executable, "-c", BARE_AS_APP],
                 "app": [sys.executable, "-c", APP]}
        spawn(kinds["app"], child_env(scratch / "home"))  # database made, lesson cache warm
        found: dict[str, list[tuple[float, float]]] = {name: [] for name in kinds}
        for _ in range(runs):
            for name, command in kinds.items():
                run = spawn(command, child_env(scratch / "home"))
                found[name].append((run.shown, run.peak_mib or 0.0))
        return {f"{name} {what}": statistics.median(entry[index] for entry in found[name])
                for name in kinds for index, what in ((0, "seconds"), (1, "MiB"))}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def many_lessons(target: Path, wanted: int) -> int:
    """The shipped lessons in `target`, plus copies under new ids until `wanted` lessons."""
    shutil.copytree(REPO / "lessons", target)
    shipped = [folder for folder in sorted(target.iterdir())
               if (folder / "lesson.toml").is_file()]
    count, copy = len(shipped), 0
    while count < wanted:
        copy += 1
        for folder in shipped:
            if count >= wanted:
                break
            text = (folder / "lesson.toml").read_text(encoding="utf-8")
            text = re.sub(r'^id = "([^"]+)"', rf'id = "\1-kopie{copy}"', text, count=1,
                          flags=re.M)
            text = re.sub(r'^requires = \[(.*)\]', lambda m, k=copy: "requires = [" + re.sub(
                r'"([^"]+)"', rf'"\1-kopie{k}"', m.group(1)) + "]", text, flags=re.M)
            made = target / f"{folder.name}-kopie{copy}"
            shutil.copytree(folder, made)
            (made / "lesson.toml").write_text(text, encoding="utf-8")
            count += 1
    return count


def catalog(runs: int, wanted: int = 200) -> dict[str, float]:
    scratch = Path(tempfile.mkdtemp(prefix="oefenplek-bench-lessons-"))
    try:
        many = scratch / "many"
        many_lessons(many, wanted)
        found: dict[str, float] = {}
        for name, root in (("shipped", REPO / "lessons"), ("many", many)):
            cache = scratch / f"{name}-cache.json"
            times, firsts, lessons = [], [], 0
            for turn in range(runs + 1):  # the first fills the cache
                done = subprocess.run([sys.executable, "-c", CATALOG, str(root), str(cache)],
                                      env=child_env(scratch / "home"), cwd=REPO,
                                      capture_output=True, text=True, check=True)
                line = next(line for line in done.stdout.splitlines() if line.startswith(MARK))
                took, lessons, first = (float(line.split()[1]), int(line.split()[2]),
                                        float(line.split()[3]))
                if turn:
                    times.append(took)
                    firsts.append(first)
            found[f"{name} seconds"] = statistics.median(times)
            found[f"{name} first use"] = statistics.median(firsts)
            found[f"{name} lessons"] = lessons
        return found
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def measured(runs: int) -> dict[str, float]:
    """Both figures from a small process of their own: a child's peak memory counts the
    memory of the process it was forked from, and the suite's own process has by then held
    a report of 20,000 learners."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.start_figures", str(runs)],
                          cwd=REPO, capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the start figures failed:\n{done.stdout[-2000:]}"
                           f"{done.stderr[-4000:]}")
    found: dict[str, float] = json.loads(lines[-1].split(" ", 1)[1])
    return found


if __name__ == "__main__":
    times = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(RESULT, json.dumps({**memory(times), **catalog(times)}), flush=True)
