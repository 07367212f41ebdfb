"""How fast oefenplek starts, next to a bare PySide6 window: figures and ratios, no pass/fail.

    uv run python benchmarks/startup.py             # [--runs N] [--no-phases] [--bundle PATH]

Every figure is the median of several fresh processes (interpreter start and imports count, as
for a person), taking turns so that a busy moment hits every kind of start, after one warm-up
run of each (disk cache, Python's bytecode cache). Offscreen, with Qt's mock voice.

- bare window: QApplication + QMainWindow, show, processEvents, exit.
- oefenplek: the real `python -m oefenplek`, until the learner picker is shown. Its
  `QApplication.exec` is replaced by one processEvents (as for the bare window) that notes the
  time, so the app then closes as it would after a person quits. "Shown" is the moment after
  `window.show()` and that processEvents, as the earlier version of this script measured it.
  * first start: an empty data folder (the database is made and migrated, no lesson cache);
  * later start, cold lesson cache: the database exists, the lesson cache file is removed;
  * later start, warm lesson cache: the database and the lesson cache exist.
  When oefenplek/app.py does not pass a `cache_file` to `load_catalog` yet, the child does it
  (`<data folder>/lessons-cache.json`), and the table says so.
- peak memory: the child's ru_maxrss (Unix only).
- phases (one process, warm cache): Qt, lessons, window, opening a lesson, one step.
- the PyInstaller bundle, when built: `--self-test` as a whole, which a bundle can be timed by.
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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROGRAM = "oefenplek-console.exe" if sys.platform == "win32" else "oefenplek"
CACHE_NAME = "lessons-cache.json"
MARK = "startup-benchmark:"  # everything built: a tap is handled at once
PAINTED = "startup-benchmark-painted:"  # the learner picker is on screen

BARE = rf"""
import time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
app.processEvents()
print("{MARK}", time.time_ns(), flush=True)
"""

#: The real app; `exec` becomes "process the events once, note the time, quit".
APP = rf"""
import os, runpy, sys, time
from PySide6.QtWidgets import QApplication

from oefenplek.gui.main_window import MainWindow

def first_paint(self, _show=MainWindow.show):
    _show(self)  # the picker on screen: shown and painted once
    QApplication.processEvents()
    print("{PAINTED}", time.time_ns(), flush=True)

def shown(*_args):
    QApplication.processEvents()  # the rest of the app is built in this first turn
    print("{MARK}", time.time_ns(), flush=True)
    return 0

MainWindow.show = first_paint
QApplication.exec = shown
if os.environ.get("BENCH_WIRE_CACHE"):
    from oefenplek import app, paths
    from oefenplek.core.lessons import load_catalog
    app.load_lessons = lambda: load_catalog(
        [paths.lessons_dir(), *paths.extra_lesson_dirs()],
        cache_file=paths.data_dir() / "{CACHE_NAME}")
sys.argv = ["oefenplek"]
runpy.run_module("oefenplek", run_name="__main__")
"""

#: Inside one process: where the time goes after Qt is up (kept from the first version).
PHASES = rf"""
import json, sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
app = QApplication([])
t_qt = time.perf_counter()
from oefenplek import app as appmod, paths
from oefenplek.core.lessons import load_catalog
from oefenplek.gui import theme
app.setStyleSheet(theme.stylesheet())
t_imports = time.perf_counter()
catalog = load_catalog([paths.lessons_dir(), *paths.extra_lesson_dirs()],
                       cache_file=paths.data_dir() / "{CACHE_NAME}")
t_lessons = time.perf_counter()
running = appmod.build(catalog)
running.window.show(); app.processEvents()
t_window = time.perf_counter()
c = getattr(running, "controller", None) or running.controllers[0]  # the learner controller
learner = running.repository.add_learner("Bench", "cat")
c.choose_learner(learner.id)
c.open_lesson(sorted(catalog.lessons)[0])
app.processEvents()
t_lesson = time.perf_counter()
steps = 0
while c.run.can_go_on and not c.run.is_last and steps < 5:
    c.go_on(); app.processEvents(); steps += 1
t_steps = time.perf_counter()
print("{MARK}", json.dumps({{
    "Qt + QApplication": t_qt - t0, "oefenplek imports + style": t_imports - t_qt,
    "lessons (warm cache)": t_lessons - t_imports,
    "database + window + picker": t_window - t_lessons,
    "total to picker": t_window - t0, "open a lesson": t_lesson - t_window,
    "one step": (t_steps - t_lesson) / max(steps, 1),
    "alembic loaded": "alembic" in sys.modules, "reportlab loaded": "reportlab" in sys.modules,
}}))
"""


@dataclass
class Run:
    shown: float  # seconds from spawning the process to everything being built
    whole: float  # seconds until the process has exited
    peak_mib: float | None  # the child's peak resident memory
    output: str
    painted: float | None = None  # seconds to the learner picker on screen


def child_env(home: Path, wire_cache: bool = False, source: bool = True) -> dict[str, str]:
    """A clean environment; from source, this checkout's oefenplek comes first on the path."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "OEFENPLEK_", "BENCH_"))}
    env.update(OEFENPLEK_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               OEFENPLEK_SPEECH_ENGINE="mock")
    if source:
        env["PYTHONPATH"] = str(REPO)
    if wire_cache:
        env["BENCH_WIRE_CACHE"] = "1"
    return env


def spawn(command: list[str], env: dict[str, str], marked: bool = True) -> Run:
    """Run one fresh process; note when it says it is shown, when it ends and its peak memory.

    A `marked` child must print the mark and exit 0; another one is only timed as a whole.
    """
    start_ns = time.time_ns()
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    assert child.stdout is not None
    output = child.stdout.read()
    peak: float | None = None
    if hasattr(os, "wait4"):
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        # ru_maxrss is in KiB on Linux, in bytes on macOS.
        peak = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)
    else:
        child.wait()
    whole = time.perf_counter() - start
    marks = [line.split()[1] for line in output.splitlines() if line.startswith(MARK)]
    if not marked:
        if child.returncode != 0 and MARK not in output:
            print(f"note: {' '.join(command[:2])} exited {child.returncode}")
        return Run(whole, whole, peak, output)
    if child.returncode != 0 or not marks:
        raise RuntimeError(f"{' '.join(command[:2])} exited {child.returncode}:\n{output}")
    painted = [line.split()[1] for line in output.splitlines() if line.startswith(PAINTED)]
    return Run((int(marks[-1]) - start_ns) / 1e9, whole, peak, output,
               (int(painted[0]) - start_ns) / 1e9 if painted else None)


@dataclass
class Kind:
    """One kind of start: its command and what to do to its data folder before each run."""

    name: str
    command: list[str]
    home: Callable[[], Path]
    runs: list[Run]


def measure(kinds: list[Kind], runs: int, wire_cache: bool) -> None:
    for kind in kinds:  # warm-up: bytecode, disk cache, and a migrated database
        spawn(kind.command, child_env(kind.home(), wire_cache))
    for _ in range(runs):
        for kind in kinds:
            kind.runs.append(spawn(kind.command, child_env(kind.home(), wire_cache)))


def median(values: list[float]) -> float:
    return statistics.median(values)


def peak_of(runs: list[Run]) -> float | None:
    peaks = [run.peak_mib for run in runs if run.peak_mib is not None]
    return median(peaks) if peaks else None


def table(kinds: list[Kind]) -> None:
    bare = kinds[0]
    bare_shown, bare_peak = median([run.shown for run in bare.runs]), peak_of(bare.runs)
    print(f"{'':38} {'picker':>8} {'× bare':>7} {'ready':>8} {'× bare':>7} "
          f"{'whole':>8} {'peak':>9} {'× bare':>7}")
    for kind in kinds:
        shown = median([run.shown for run in kind.runs])
        painted_runs = [run.painted for run in kind.runs if run.painted is not None]
        painted = median(painted_runs) if painted_runs else shown
        whole = median([run.whole for run in kind.runs])
        peak = peak_of(kind.runs)
        peak_text = f"{peak:6.0f} MiB" if peak is not None else "      n/a"
        ratio = f"{peak / bare_peak:7.2f}" if peak is not None and bare_peak else "    n/a"
        print(f"{kind.name:38} {painted * 1000:5.0f} ms {painted / bare_shown:7.2f} "
              f"{shown * 1000:5.0f} ms {shown / bare_shown:7.2f} "
              f"{whole * 1000:5.0f} ms {peak_text} {ratio}")
    print("picker: spawn to the learner picker on screen (painted); ready: spawn to the whole "
          "app built (a tap is handled at once); whole: spawn to exit; medians of "
          f"{len(bare.runs)} runs.")


def phases(wire_home: Path) -> None:
    """The in-process split. It reaches into the app, so a changed app skips it, not the rest."""
    runs = []
    for _ in range(3):
        done = spawn([sys.executable, "-c", PHASES], child_env(wire_home), marked=False)
        if MARK not in done.output:
            tail = "\n".join(done.output.strip().splitlines()[-3:])
            print(f"\n(phases skipped: the probe no longer fits the app)\n{tail}")
            return
        runs.append(json.loads(done.output.split(MARK)[-1]))
    print("\nInside one process (later start, warm lesson cache), median of 3:")
    for key in runs[0]:
        if isinstance(runs[0][key], bool):
            print(f"{key:>28}: {any(run[key] for run in runs)}")
        else:
            print(f"{key:>28}: {median([run[key] for run in runs]) * 1000:7.1f} ms")


def bundle(path: Path, runs: int) -> None:
    """`--self-test` from source and from the bundle, taking turns after one warm-up each."""
    home = Path(tempfile.mkdtemp(prefix="oefenplek-bench-bundle-"))
    commands = {"from source": [sys.executable, "-m", "oefenplek", "--self-test"],
                "from the bundle": [str(path), "--self-test"]}
    found: dict[str, list[Run]] = {name: [] for name in commands}
    try:
        for turn in range(runs + 1):
            for name, command in commands.items():
                env = child_env(home, source=name == "from source")
                run = spawn(command, env, marked=False)
                if turn:
                    found[name].append(run)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"\n`oefenplek --self-test` as a whole (the bundle cannot be hooked), median of {runs}:")
    for name, done in found.items():
        peak = peak_of(done)
        peak_text = f", peak {peak:.0f} MiB" if peak is not None else ""
        print(f"{name:>16}: {median([run.whole for run in done]) * 1000:7.0f} ms{peak_text}")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=7)
    options.add_argument("--no-phases", action="store_true", help="skip the in-process phases")
    options.add_argument("--bundle", type=Path, default=REPO / "dist" / "oefenplek" / PROGRAM)
    args = options.parse_args()

    wire_cache = "cache_file" not in (REPO / "oefenplek" / "app.py").read_text(encoding="utf-8")
    scratch = Path(tempfile.mkdtemp(prefix="oefenplek-bench-"))
    empty_count = 0

    def empty_home() -> Path:
        nonlocal empty_count
        empty_count += 1
        return scratch / f"first-{empty_count}"

    def cold_home() -> Path:
        home = scratch / "cold"
        for stale in home.glob("lessons-cache*"):
            stale.unlink()
        return home

    def warm_home() -> Path:
        return scratch / "warm"

    app = [sys.executable, "-c", APP]
    kinds = [
        Kind("bare PySide6 window", [sys.executable, "-c", BARE], lambda: scratch / "bare", []),
        Kind("oefenplek, first start (new database)", app, empty_home, []),
        Kind("oefenplek, later start, cold cache", app, cold_home, []),
        Kind("oefenplek, later start, warm cache", app, warm_home, []),
    ]
    try:
        measure(kinds, args.runs, wire_cache)
        print(f"Python {sys.version.split()[0]}, {sys.platform}; lesson cache "
              + ("wired in by this benchmark (app.py does not pass cache_file yet)"
                 if wire_cache else "as oefenplek/app.py sets it up"))
        table(kinds)
        if not args.no_phases:
            phases(warm_home())
        if args.bundle.is_file():
            bundle(args.bundle, args.runs)
        else:
            print(f"\n(no bundle at {args.bundle.relative_to(REPO)}; "
                  "build one with `uv run pyinstaller build.spec` to time it too)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
