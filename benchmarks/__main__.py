"""Every figure of oefenplek next to its floor, measured in the same run, with the ratio.

    uv run python -m benchmarks                     # the busy location (1×)
    uv run python -m benchmarks --size 1,4,16       # and 4× and 16× of it
    uv run python -m benchmarks --only data,app     # groups: data, app, start
    uv run python -m benchmarks --compare OLD.json  # a column with an earlier run's ratio

The data-bound figures (report, exports, backup; lesson open, a step, the overview, the
learner picker, the window's longest stall) are repeated at each size of the made-up busy
location of tests/reports/busy_location.py (1× = 2,000 learners, 40,000 lesson runs,
400,000 answers over three years; 16× is about a large library over ten years). The
database of each size is built once per run in a temporary folder (`--data DIR` keeps it
for the next run). Growth shows in the last table, beside the growth of each floor: a
figure whose time grows faster than the data (and than its floor) is a bug.

Floors (see figures.py, app_probe.py, start_figures.py): bare sqlite3 aggregates for the
report; the bare library writing the same cells for each export; sqlite3's backup API for a
backup; the same lesson open and step on an empty database; the same query by plain sqlite3
and a picker with one screenful for the learner picker; the event loop's longest gap with
nothing running for a stall; a bare PySide6 window with the database driver for memory;
the shipped lessons for a catalog of 200. Figures, not a test: the exit code is 0 whether
the targets are met or not. The results also go to a JSON file (`--json FILE`, else one in
the temporary folder, named on the last line), so two runs can be compared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class Figure:
    name: str
    size: int | None  # times the busy location; None: not data-bound
    value: float | None
    floor: float | None
    floor_is: str
    target: str  # in words, e.g. "≤ 2× floor"
    met: bool | None
    note: str = ""
    unit: str = "s"

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor


class Results:
    def __init__(self) -> None:
        self.figures: list[Figure] = []

    def ratio_figure(self, name: str, size: int | None, value: float, floor: float,
                     floor_is: str, most: float | None, note: str = "",
                     unit: str = "s") -> None:
        """A figure whose target is at most `most` times its floor (None: no target)."""
        met = None if most is None or not floor else value / floor <= most
        target = f"≤ {most:g}× floor" if most is not None else "—"
        self.figures.append(Figure(name, size, value, floor, floor_is, target, met, note, unit))

    def limit_figure(self, name: str, size: int | None, value: float | None,
                     floor: float | None, floor_is: str, limit_s: float | None,
                     note: str = "", applies: bool = True) -> None:
        """A figure with an absolute target (`limit_s` seconds), checked where it applies."""
        met = (None if value is None or limit_s is None or not applies
               else value <= limit_s)
        target = f"≤ {limit_s * 1000:g} ms" if limit_s is not None else "—"
        if limit_s is not None and not applies:
            target += " (at 16×)"
        self.figures.append(Figure(name, size, value, floor, floor_is, target, met, note))


def amount(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    if unit == "lessons":
        return f"{value:.0f}"
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def table(results: Results, earlier: dict[tuple[str, int | None], float] | None) -> None:
    head = (f"{'figure':30} {'size':>5} {'value':>10} {'floor':>10} {'ratio':>7} "
            f"{'target':>16} {'met':>4}")
    if earlier is not None:
        head += f" {'before':>7}"
    print(head + "  floor is / note")
    for figure in results.figures:
        size = f"{figure.size}×" if figure.size else ""
        ratio = f"{figure.ratio:7.2f}" if figure.ratio is not None else "      —"
        met = {True: "yes", False: "NO", None: ""}[figure.met]
        line = (f"{figure.name:30} {size:>5} {amount(figure.value, figure.unit):>10} "
                f"{amount(figure.floor, figure.unit):>10} {ratio} {figure.target:>16} {met:>4}")
        if earlier is not None:
            before = earlier.get((figure.name, figure.size))
            line += f" {before:7.2f}" if before is not None else "       —"
        note = "; ".join(part for part in (figure.floor_is, figure.note) if part)
        print(f"{line}  {note}")


def growth(results: Results, sizes: list[int]) -> None:
    """Each data-bound time per unit of data, against 1×: about 1.0 is linear. Beside it,
    the same for its floor: where the bare library grows as much, the growth is the
    library's (SQLite reading a file larger than its cache, say), not the app's."""
    if len(sizes) < 2:
        return
    names = list(dict.fromkeys(f.name for f in results.figures if f.size))
    print(f"\nGrowth: time at each size ÷ (time at {sizes[0]}× × size / {sizes[0]}); "
          "above ~1.5 grows faster than the data (a bug), below 1 slower (a fixed cost). "
          "In brackets: the same for the figure's floor.")
    print(f"{'figure':30} " + " ".join(f"{str(size) + '×':>13}" for size in sizes))

    def per_data(value: float | None, first: float | None, size: int) -> str:
        return (f"{value / (first * size / sizes[0]):.2f}" if value is not None and first
                else "—")

    for name in names:
        by_size = {f.size: f for f in results.figures if f.name == name and f.size}
        first = by_size.get(sizes[0])
        cells = []
        for size in sizes:
            figure = by_size.get(size)
            if figure is None or first is None:
                cells.append(f"{'—':>13}")
                continue
            own = per_data(figure.value, first.value, size)
            floor = per_data(figure.floor, first.floor, size)
            cells.append(f"{own + (f' ({floor})' if floor != '—' else ''):>13}")
        print(f"{name:30} " + " ".join(cells))


def probe(home: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "benchmarks.app_probe", str(home)],
                          cwd=REPO, capture_output=True, text=True,
                          env={**{key: value for key, value in os.environ.items()
                                  if key != "PYTHONDONTWRITEBYTECODE"},  # as installed
                               "PYTHONPATH": str(REPO)})
    lines = [line for line in done.stdout.splitlines() if line.startswith("app-probe:")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the app probe failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")
    found: dict[str, Any] = json.loads(lines[-1].split(" ", 1)[1])
    return found


def app_figures(results: Results, locations: Any, sizes: list[int]) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="oefenplek-bench-app-"))
    try:
        probe(scratch / "warm-up")  # Python's bytecode cache, the lesson cache, the disk
        empty = probe(scratch / "empty")
        largest = max(sizes)
        for size in sizes:
            home = scratch / f"home-{size}"
            locations.copy(size, home / "oefenplek.sqlite3")
            try:
                found = probe(home)
            except RuntimeError as error:  # the other figures are still worth printing
                print(f"note: no app figures at {size}×: {str(error)[-600:]}")
                continue
            finally:
                shutil.rmtree(home, ignore_errors=True)
            at_16 = size >= 16 or size == largest
            results.limit_figure("lesson open", size, found["lesson open"], empty["lesson open"],
                                 "the same on an empty database", 0.100, applies=at_16)
            results.limit_figure("step (incl. the commit)", size, found["step"], empty["step"],
                                 "the same on an empty database", 0.032, applies=at_16,
                                 note=f"slowest {amount(found['step max'], 's')}")
            results.limit_figure("overview refresh", size, found["overview"],
                                 empty["overview"], "the same on an empty database", None,
                                 note=f"{found['overview statements']} SQL statements")
            results.ratio_figure("learner picker", size, found["picker"], found["picker floor"],
                                 "their query by sqlite3 + the picker with one screenful", 1.5,
                                 note=f"{found['learners']} learners read and shown; shown "
                                 f"again from the database {amount(found['picker again'], 's')}")
            for kind in ("xlsx", "pdf", "backup"):
                label = kind.upper() if kind != "backup" else "backup"
                results.limit_figure(f"window stall: {label}", size, found[f"stall {kind}"],
                                     found["stall idle"], "longest gap with nothing running",
                                     0.050, note=f"the work took "
                                     f"{amount(found[f'{kind} in the app'], 's')}; longest "
                                     f"garbage collection "
                                     f"{amount(found[f'collector {kind}'], 's')}")
            if found["errors"]:
                print(f"note: the app probe at {size}× said: {found['errors']}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def start_figures(results: Results, runs: int) -> None:
    from benchmarks import start_figures as start

    found = start.measured(runs)
    results.ratio_figure("peak memory at the picker", None, found["app MiB"], found["bare MiB"],
                         "bare PySide6 window + SQLAlchemy/sqlite3", 1.5, unit="MiB",
                         note=f"the bare window at the app's size and without PySide6's "
                         f"source scan: {found['bare as app MiB']:.0f} MiB, ratio "
                         f"{found['app MiB'] / found['bare as app MiB']:.2f}")
    results.ratio_figure("time to the picker", None, found["app seconds"],
                         found["bare seconds"], "bare PySide6 window + SQLAlchemy/sqlite3",
                         None, note="process start to shown")
    lessons = found
    results.ratio_figure("lesson catalog at start", None, lessons["many seconds"],
                         lessons["shipped seconds"],
                         f"{lessons['shipped lessons']:.0f} shipped lessons", 1.5,
                         note=f"{lessons['many lessons']:.0f} lessons, warm cache")
    results.ratio_figure("lesson catalog, first use", None, lessons["many first use"],
                         lessons["shipped first use"],
                         f"{lessons['shipped lessons']:.0f} shipped lessons", None,
                         note=f"{lessons['many lessons']:.0f} lessons read in from the cache "
                         "for the first learner's list")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--size", default="1", help="sizes of the busy location, e.g. 1,4,16")
    options.add_argument("--repeats", type=int, default=3, help="timed runs per figure")
    options.add_argument("--only", default="data,app,start", help="groups: data,app,start")
    options.add_argument("--json", type=Path, help="where to write the results")
    options.add_argument("--compare", type=Path, help="an earlier run's JSON file")
    options.add_argument("--data", type=Path, help="keep the built databases in this folder")
    args = options.parse_args()
    sizes = sorted({int(part) for part in args.size.split(",") if part.strip()})
    groups = {part.strip() for part in args.only.split(",")}

    from benchmarks.data import Locations
    from benchmarks.figures import data_figures

    results = Results()
    locations = Locations(args.data)
    began = time.perf_counter()
    try:
        for size in sizes:
            if "data" in groups or "app" in groups:
                path = locations.file(size)
                if size in locations.build_seconds:
                    print(f"built the busy location at {size}×: "
                          f"{locations.build_seconds[size]:.0f} s, "
                          f"{path.stat().st_size >> 20} MiB", flush=True)
            if "data" in groups:
                data_figures(path, size, max(1, args.repeats if size < 16 else 1),
                             results.ratio_figure)
        if "app" in groups:
            app_figures(results, locations, sizes)
        if "start" in groups:
            start_figures(results, max(3, args.repeats))
    finally:
        locations.close()
    earlier = None
    if args.compare:
        old = json.loads(args.compare.read_text(encoding="utf-8"))
        earlier = {(f["name"], f["size"]): f["ratio"] for f in old["figures"]
                   if f.get("ratio") is not None}
    print(f"\nPython {platform.python_version()}, {platform.system()}, {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")
    table(results, earlier)
    growth(results, sizes)
    target = args.json or Path(tempfile.gettempdir()) / (
        f"oefenplek-benchmarks-{datetime.now():%Y%m%d-%H%M%S}.json")
    target.write_text(json.dumps({
        "when": datetime.now().isoformat(timespec="seconds"), "sizes": sizes,
        "seconds": time.perf_counter() - began, "cpus": os.cpu_count(),
        "figures": [{**asdict(f), "ratio": f.ratio} for f in results.figures],
    }, indent=1), encoding="utf-8")
    print(f"\nresults: {target}")


if __name__ == "__main__":
    main()
