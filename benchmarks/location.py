"""A location database under load: 8 computers play lessons against one PostgreSQL server.

    uv run python benchmarks/location.py     # [--seconds 60] [--computers 8] [--think MS]
                                             # [--startup-runs 5] [--json FILE]

Starts a throwaway PostgreSQL server (tests/postgres.py: 127.0.0.1 only, removed afterwards)
and lets `--computers` simulated computers play lessons on one shared database for
`--seconds`, each stopping by itself at the deadline. Every computer is its own process
(multiprocessing, "spawn"), not a thread: a real computer has its own interpreter, and threads
would share one GIL, so the time to a commit would partly be waiting for the other computers'
Python. Each has its own `Database(url)` and `Repository`, adds a learner, starts a visit
under its own name and plays the real lessons (lessons/) step by step as the learner's
controller writes them: an answer per answerable step (a quarter of them wrong first), a move
to the next step, the finish at the end, now and then a lesson left half-way. Answers go
through `storage.waiting.LessonWrites`, as `app.build` wires them for a location database.
With `--think 0` (the
default) the computers write as fast as they can: a hundred times the pace of real learners
and more, so on a small machine the times to a commit are mostly waiting for a CPU; the table
shows the machine's CPUs, its load average before the run and the computers' own CPU time per
write, to read them by. `--think MS` gives each learner a pause between two writes.

Each computer also asks for help (*Hulp*) now and then, and a volunteer's computer (one more
process) refreshes the overview as `gui/staff/controller.py` does, every REFRESH_MS, with
`here_today` and `today_rows`; on seeing a request it clicks *Geholpen*, and the learner's
computer, which asks `help_handled` every HELP_POLL_MS (`gui/controller.py`), sees it. Help is
asked about once every 3 seconds across the location (about 20 times in 60 s), at random
moments, so the asks do not keep step with the refreshes. The overview's own query time under
load is shown, and the same query on the same data once the computers have stopped.

Figures:
- answers per second; time from an answer to its commit (median, 95th percentile; goal p95
  <= 50 ms); the other writes (moves, finishes, new lessons) for comparison;
- errors (goal 0): exceptions caught by the computers and the volunteer;
- lost answers (goal 0): each answer carries its own text (computer and number); afterwards
  the database is compared with what each computer believes it wrote, also for written
  twice, written though an error was reported, and runs whose step or finish differs;
- *Hulp* on one computer to the volunteer's screen (goal median <= 2 s), and *Geholpen* to
  the learner's screen ("help is coming" goes; within 2 s, says gui/controller.py);
- start-up: a fresh process that imports storage, opens the database (schema check), and
  reads the learner picker (`Repository.learners`), on PostgreSQL against a SQLite file, 30
  learners in each; medians of `--startup-runs` after a warm-up, and the ratio. Also a first
  start (an empty database: the migrations run). The child processes keep Python's bytecode
  (in the temporary folder) as an installed app does, even where PYTHONDONTWRITEBYTECODE is
  set, so the figures are not mostly compiling.

Figures, not a test: the exit code is 0 whether the goals are met or not, unless the run
itself failed.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import queue
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from oefenplek import paths
from oefenplek.core.engine import Outcome
from oefenplek.core.lessons import load_catalog
from oefenplek.storage.db import Database
from oefenplek.storage.models import AttemptRow, LessonRunRow
from oefenplek.storage.repository import Repository
from oefenplek.storage.waiting import LessonWrites
from tests.postgres import start_server

REPO = Path(__file__).resolve().parent.parent
ANSWER_GOAL_MS = 50.0
HELP_GOAL_S = 2.0
BARRIER_S = 120.0  # every computer opened its database and is ready, or the run is off
WRONG_FIRST = 0.25  # share of answerable steps answered wrong before right
LEAVE_LESSON = 0.02  # chance per step that the learner leaves the lesson half-way
ANSWERED = {"tap", "type", "choose", "order", "practise"}

STARTUP = r"""
import json, os, time
began = time.perf_counter()
from oefenplek.storage.db import Database
from oefenplek.storage.repository import Repository
imported = time.perf_counter()
database = Database(os.environ["BENCH_DATABASE_URL"])
opened = time.perf_counter()
learners = Repository(database).learners()
asked = time.perf_counter()
database.close()
print(json.dumps({"imports": imported - began, "open": opened - imported,
                  "picker": asked - opened, "learners": len(learners)}))
"""


@dataclass(frozen=True)
class Plan:
    url: str
    seconds: float
    lessons: list[tuple[str, int, tuple[str, ...]]]  # id, version, the kind of each step
    think_s: float
    ask_every_s: float  # a computer's mean time between help requests
    help_poll_s: float
    refresh_s: float
    folder: str


def lesson_writes(repository: Repository, folder: Path) -> LessonWrites:
    """The app's write path for a location database (storage.waiting)."""
    folder.mkdir(parents=True, exist_ok=True)
    return LessonWrites(repository, folder, keep=True)


class Computer:
    """One computer of the location: a learner playing lessons, asking for help now and then."""

    def __init__(self, index: int, plan: Plan) -> None:
        self.name, self.plan = f"Computer-{index + 1}", plan
        self.rng = random.Random(index)
        self.repository = Repository(Database(plan.url))
        self.writes = lesson_writes(self.repository, Path(plan.folder) / self.name)
        self.learner_id = self.repository.add_learner(f"Deelnemer {index + 1}", "zon").id
        self.visit_id = self.repository.start_visit(self.learner_id, self.name)
        self.answers_ms: list[float] = []
        self.others_ms: list[float] = []
        self.written: list[str] = []  # the answers it believes are saved (or kept to hand over)
        self.answered_at: list[float] = []  # seconds from the start
        self.kept = 0
        self.runs: dict[str, tuple[int, bool]] = {}  # run -> (position, finished) as it thinks
        self.errors: Counter[str] = Counter()
        self.asked: dict[str, float] = {}  # help request -> when Hulp was pressed (wall clock)
        self.help_seen: dict[str, float] = {}  # -> when "help is coming" went away
        self.request: str | None = None
        self.seq = 0

    def _timed(self, what: str, times: list[float], write: Any) -> Any:
        began = time.perf_counter()
        try:
            result = write()
        except Exception as error:  # counted, and the learner goes on
            self.errors[f"{what}: {problem(error)}"] += 1
            return None
        times.append((time.perf_counter() - began) * 1000)
        return True if result is None else result

    def play(self, deadline: float) -> None:
        self.next_ask = time.monotonic() + self.rng.uniform(0.1, 1.0) * self.plan.ask_every_s
        self.next_poll = math.inf
        self.began = time.monotonic()
        cpu = time.process_time()
        try:
            self._play(deadline)
        finally:
            self.cpu_s = time.process_time() - cpu

    def _play(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            lesson_id, version, kinds = self.rng.choice(self.plan.lessons)
            record = self._timed("start_run", self.others_ms, partial(
                self.repository.start_run, self.learner_id, lesson_id, version))
            if record is None:
                continue
            self.runs[record.id] = (0, False)
            for position, kind in enumerate(kinds):
                if time.monotonic() >= deadline or self.rng.random() < LEAVE_LESSON:
                    break
                if kind in ANSWERED:
                    wrong = kind != "practise" and self.rng.random() < WRONG_FIRST
                    for outcome in ((Outcome.WRONG,) if wrong else ()) + (Outcome.CORRECT,):
                        self._answer(record.id, position, kind, outcome)
                        self._between(record.id, lesson_id, position, deadline)
                last = position == len(kinds) - 1
                if self._timed("move/finish", self.others_ms, (
                        partial(self.writes.finish_run, record.id) if last else
                        partial(self.writes.move_run, record.id, position + 1))) is not None:
                    self.runs[record.id] = (position, True) if last else (position + 1, False)
                self._between(record.id, lesson_id, position, deadline)

    def _answer(self, run_id: str, position: int, kind: str, outcome: Outcome) -> None:
        self.seq += 1
        text = f"{self.name}#{self.seq}"
        saved = self._timed("record_attempt", self.answers_ms, lambda: self.writes.record_attempt(
            run_id, position, kind, outcome, text, self.visit_id))
        if saved is not None:
            self.written.append(text)
            self.answered_at.append(time.monotonic() - self.began)
            self.kept += saved is False  # LessonWrites kept it on this computer

    def _between(self, run_id: str, lesson_id: str, position: int, deadline: float) -> None:
        """Between two writes: the learner's pause (--think), during which the help button
        and the "help is coming" poll (a timer in the app) keep their own times."""
        until = time.monotonic() + self.plan.think_s
        while True:
            self._help(run_id, lesson_id, position, deadline)
            now = time.monotonic()
            if now >= until:
                return
            wake = self.next_poll if self.request else self.next_ask
            time.sleep(max(0.0, min(until, wake) - now))

    def _help(self, run_id: str, lesson_id: str, position: int, deadline: float) -> None:
        now = time.monotonic()
        if self.request is None and now >= self.next_ask and (
                deadline - now > 2 * (self.plan.refresh_s + self.plan.help_poll_s)):
            pressed = time.time()
            request = self._timed("ask_help", [], lambda: self.repository.ask_help(
                self.learner_id, run_id, lesson_id, position, self.name))
            if request is not None:
                self.request, self.asked[request] = request, pressed
                self.next_poll = time.monotonic() + self.plan.help_poll_s  # the timer starts
            else:
                self.next_ask = now + self.plan.help_poll_s
        elif self.request is not None and now >= self.next_poll:
            self.next_poll += self.plan.help_poll_s
            request = self.request
            if self._timed("help_handled", [], lambda: self.repository.help_handled(request)):
                self.help_seen[request], self.request = time.time(), None
                self.next_ask = now + self.rng.uniform(0.5, 1.5) * self.plan.ask_every_s

    def finish(self) -> dict[str, Any]:
        handed = 0
        if self.kept:
            handed = self.writes.hand_over().written
        self._timed("end_visit", [], lambda: self.repository.end_visit(self.visit_id))
        self.repository.database.close()
        return {"name": self.name, "path": type(self.writes).__name__,
                "visit": self.visit_id, "learner": self.learner_id,
                "answers_ms": self.answers_ms, "others_ms": self.others_ms,
                "written": self.written, "kept": self.kept, "handed_over": handed,
                "runs": self.runs, "errors": dict(self.errors), "asked": self.asked,
                "help_seen": self.help_seen, "cpu_s": self.cpu_s,
                "answered_at": self.answered_at}


class Volunteer:
    """The overview on screen: a refresh every REFRESH_MS; a new request is clicked away."""

    def __init__(self, plan: Plan) -> None:
        from oefenplek.storage.staff_repository import StaffRepository

        self.plan = plan
        self.catalog = load_catalog([paths.lessons_dir()])
        self.repository = Repository(Database(plan.url))
        self.staff = StaffRepository(self.repository.database, self.repository)
        local = datetime.now(UTC).astimezone()
        self.since = local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
        self.seen: dict[str, float] = {}  # help request -> on the volunteer's screen
        self.clicked: dict[str, float] = {}  # -> Geholpen clicked
        self.ticks_ms: list[float] = []
        self.errors: Counter[str] = Counter()
        self.staff.here_today(self.since)  # opening the overview, before the timer ticks

    def watch(self, deadline: float) -> None:
        from oefenplek.views.staff import today_rows

        next_tick = time.monotonic() + self.plan.refresh_s  # a QTimer's first timeout
        while next_tick < deadline:
            time.sleep(max(0.0, next_tick - time.monotonic()))
            next_tick = max(next_tick + self.plan.refresh_s, time.monotonic())
            began = time.perf_counter()
            try:
                here = self.staff.here_today(self.since)
                today_rows(here, self.catalog, datetime.now(UTC))
            except Exception as error:
                self.errors[f"here_today: {problem(error)}"] += 1
                continue
            self.ticks_ms.append((time.perf_counter() - began) * 1000)
            shown = time.time()
            for one in here:
                request = one.help_request_id
                if request and request not in self.seen:
                    self.seen[request], self.clicked[request] = shown, time.time()  # Geholpen
                    try:
                        self.repository.handle_help_request(request)
                    except Exception as error:
                        self.errors[f"handle_help_request: {problem(error)}"] += 1

    def finish(self) -> dict[str, Any]:
        self.repository.database.close()
        return {"name": "volunteer", "seen": self.seen, "clicked": self.clicked,
                "ticks_ms": self.ticks_ms, "errors": dict(self.errors)}


def problem(error: Exception) -> str:
    lines = str(error).splitlines() or [""]
    return f"{type(error).__name__}: {lines[0][:120]}"


def take_part(index: int, plan: Plan, barrier: Any, results: Any) -> None:
    """One process: a computer (index >= 0) or the volunteer (-1), from the common start."""
    try:
        part: Computer | Volunteer = Computer(index, plan) if index >= 0 else Volunteer(plan)
        barrier.wait(BARRIER_S)
        deadline = time.monotonic() + plan.seconds
        if isinstance(part, Computer):
            part.play(deadline)
        else:
            part.watch(deadline)
        results.put(part.finish())
    except BaseException:
        results.put({"name": f"part {index}", "crash": traceback.format_exc()})
        barrier.abort()


def percentile(values: list[float], share: float) -> float:
    """Nearest rank; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else math.nan


def run_load(plan: Plan, computers: int) -> tuple[list[dict[str, Any]], float]:
    """Every part in its own process, started together; their results and the seconds."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(computers + 2)  # the computers, the volunteer and this process
    results = context.Queue()
    parts = [context.Process(target=take_part, args=(index, plan, barrier, results),
                             name=f"location-{index}") for index in range(-1, computers)]
    for process in parts:
        process.start()
    found: list[dict[str, Any]] = []
    try:
        barrier.wait(BARRIER_S)
        began = time.monotonic()
        while len(found) < len(parts):
            found.append(results.get(timeout=plan.seconds + BARRIER_S))
        took = time.monotonic() - began
    except Exception:
        barrier.abort()
        with suppress(queue.Empty):
            while True:
                found.append(results.get(timeout=5))
        crashes = [part["crash"] for part in found if "crash" in part]
        raise RuntimeError("the run failed:\n" + "\n".join(crashes)) from None
    finally:
        for process in parts:
            process.join(timeout=30)
            if process.is_alive():
                process.terminate()
                process.join(timeout=10)
    crashes = [part["crash"] for part in found if "crash" in part]
    if crashes:
        raise RuntimeError("a computer stopped:\n" + "\n".join(crashes))
    return found, took


def compare(url: str, played: list[dict[str, Any]]) -> dict[str, int]:
    """The database against what the computers believe they wrote."""
    database = Database(url)
    try:
        with database.session() as session:
            stored = Counter({text: count for text, count in session.execute(
                select(AttemptRow.answer, func.count()).where(
                    AttemptRow.visit_id.in_([one["visit"] for one in played]))
                .group_by(AttemptRow.answer))})
            runs = {run_id: (position, finished is not None)
                    for run_id, position, finished in session.execute(
                        select(LessonRunRow.id, LessonRunRow.position, LessonRunRow.finished_at)
                        .where(LessonRunRow.learner_id.in_([one["learner"] for one in played])))}
    finally:
        database.close()
    believed = Counter(text for one in played for text in one["written"])
    thought = {run_id: tuple(state) for one in played for run_id, state in one["runs"].items()}
    return {
        "answers_believed": sum(believed.values()),
        "answers_in_database": sum(stored.values()),
        "lost_answers": sum(1 for text in believed if text not in stored),
        "written_twice": sum(count - 1 for count in stored.values() if count > 1),
        "written_though_failed": sum(1 for text in stored if text not in believed),
        "runs_differing": sum(1 for run_id, state in thought.items()
                              if runs.get(run_id) != state),
        "runs_unknown": sum(1 for run_id in runs if run_id not in thought),
    }


def idle_refreshes(url: str, times: int = 20) -> list[float]:
    """The overview's query on the same data once the computers have stopped, in ms."""
    from oefenplek.storage.staff_repository import StaffRepository

    database = Database(url)
    repository = Repository(database)
    staff = StaffRepository(database, repository)
    since = datetime.now(UTC) - timedelta(days=1)
    took = []
    for _ in range(times + 1):
        began = time.perf_counter()
        staff.here_today(since)
        took.append((time.perf_counter() - began) * 1000)
    database.close()
    return took[1:]


def help_times(played: list[dict[str, Any]], watched: dict[str, Any]) -> dict[str, Any]:
    asked = {request: at for one in played for request, at in one["asked"].items()}
    gone = {request: at for one in played for request, at in one["help_seen"].items()}
    to_volunteer = [watched["seen"][r] - at for r, at in asked.items() if r in watched["seen"]]
    to_learner = [gone[r] - at for r, at in watched["clicked"].items() if r in gone]
    return {"asked": len(asked), "not_seen": len(asked) - len(to_volunteer),
            "not_back": len(watched["clicked"]) - len(to_learner),
            "to_volunteer_s": to_volunteer, "to_learner_s": to_learner}


def seed(url: str, learners: int = 30) -> None:
    database = Database(url)
    repository = Repository(database)
    for n in range(learners):
        repository.start_visit(repository.add_learner(f"Deelnemer {n + 1}", "zon").id, "Balie")
    database.close()


def start_once(url: str, home: str) -> tuple[float, dict[str, float]]:
    """A fresh process that opens the database and reads the picker: seconds, and its parts."""
    env = {**os.environ, "BENCH_DATABASE_URL": url, "OEFENPLEK_HOME": home}
    env.pop("OEFENPLEK_DATABASE_URL", None)
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", STARTUP], cwd=REPO, env=env, text=True,
                          capture_output=True, timeout=120)
    took = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"start-up failed: {done.stderr[-2000:]}")
    return took, json.loads(done.stdout.strip().splitlines()[-1])


def startup(server: Any, folder: Path, runs: int) -> dict[str, Any]:
    """Later starts (30 learners in) and first starts (empty), taking turns, after a warm-up."""
    home = str(folder / "startup-home")
    sqlite_url = f"sqlite:///{folder / 'startup.sqlite3'}"
    location_url = server.url(server.create_database())
    for url in (sqlite_url, location_url):
        seed(url)
    fresh = iter(range(10**6))

    def empty(kind: str) -> str:
        if kind == "sqlite":
            return f"sqlite:///{folder / f'first-{next(fresh)}.sqlite3'}"
        return str(server.url(server.create_database()))

    later: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
    first: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
    parts: dict[str, list[dict[str, float]]] = {"sqlite": [], "postgresql": []}
    for url in (sqlite_url, location_url):  # warm-up: disk cache, bytecode, the server
        start_once(url, home)
    for _ in range(runs):
        for kind, url in (("sqlite", sqlite_url), ("postgresql", location_url)):
            took, split = start_once(url, home)
            later[kind].append(took)
            parts[kind].append(split)
            first[kind].append(start_once(empty(kind), home)[0])
    return {"later": later, "first": first, "parts": parts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="length of the run (60)")
    parser.add_argument("--computers", type=int, default=8, help="computers playing (8)")
    parser.add_argument("--think", type=float, default=0,
                        help="ms a learner waits between two writes (0: as fast as it can)")
    parser.add_argument("--startup-runs", type=int, default=5, help="start-ups of each (5)")
    parser.add_argument("--json", type=Path, help="write the figures to this file too")
    args = parser.parse_args()

    from oefenplek.gui.controller import HELP_POLL_MS
    from oefenplek.gui.staff.controller import REFRESH_MS

    folder = Path(tempfile.mkdtemp(prefix="oefenplek-location-"))
    os.environ["OEFENPLEK_HOME"] = str(folder / "home")  # for this process and the children
    os.environ.pop("OEFENPLEK_DATABASE_URL", None)
    # Child processes keep their bytecode (in the temporary folder, not the environment), as
    # an installed app does, even where PYTHONDONTWRITEBYTECODE is set.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    catalog = load_catalog([paths.lessons_dir()])
    lessons = [(lesson.id, lesson.version, tuple(step.kind for step in lesson.steps))
               for _id, lesson in sorted(catalog.lessons.items())]
    server = start_server()
    try:
        started = startup(server, folder, args.startup_runs)
        url = server.url(server.create_database())
        Database(url).close()  # the schema is made once, before the computers open it
        plan = Plan(url, args.seconds, lessons, args.think / 1000,
                    ask_every_s=2.5 * args.computers * min(1.0, args.seconds / 60),
                    help_poll_s=HELP_POLL_MS / 1000, refresh_s=REFRESH_MS / 1000,
                    folder=str(folder))
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else math.nan
        found, took = run_load(plan, args.computers)
        played = [part for part in found if part["name"] != "volunteer"]
        watched = next(part for part in found if part["name"] == "volunteer")
        checked = compare(url, played)
        watched["idle_ms"] = idle_refreshes(url)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    figures = summarise(args, started, played, watched, checked, took, load, HELP_POLL_MS,
                        REFRESH_MS)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def summarise(args: argparse.Namespace, started: dict[str, Any], played: list[dict[str, Any]],
              watched: dict[str, Any], checked: dict[str, int], took: float, load: float,
              help_poll_ms: int, refresh_ms: int) -> dict[str, Any]:
    """Print the table; the figures for --json."""
    answers = [ms for one in played for ms in one["answers_ms"]]
    others = [ms for one in played for ms in one["others_ms"]]
    errors = Counter[str]()
    for one in [*played, watched]:
        errors.update(one["errors"])
    helped = help_times(played, watched)
    to_volunteer, to_learner = helped["to_volunteer_s"], helped["to_learner_s"]
    later, first = started["later"], started["first"]
    step = max(1, round(took / 6))  # answers per second in six parts of the run
    by_part = Counter(int(at // step) for one in played for at in one["answered_at"])
    pace = [by_part[n] / step for n in range(max(1, int(took // step)))]
    ratio = median(later["postgresql"]) / median(later["sqlite"])
    first_ratio = median(first["postgresql"]) / median(first["sqlite"])
    lost = checked["lost_answers"]
    figures = {
        "computers": args.computers, "seconds": round(took, 1), "think_ms": args.think,
        "cpus": os.cpu_count(), "load_before": load,
        "computer_cpu_ms_per_write": sum(one["cpu_s"] for one in played) * 1000 / max(
            1, len(answers) + len(others)),
        "write_path": played[0]["path"], "answers": len(answers),
        "answers_per_s": len(answers) / took, "answers_per_s_by_part": pace,
        "answer_commit_ms": {"median": median(answers), "p95": percentile(answers, 0.95),
                             "max": max(answers, default=math.nan)},
        "other_writes_ms": {"median": median(others), "p95": percentile(others, 0.95)},
        "errors": sum(errors.values()), "error_kinds": dict(errors), **checked,
        "kept_on_computer": sum(one["kept"] for one in played),
        "help": {"asked": helped["asked"], "not_seen": helped["not_seen"],
                 "not_back": helped["not_back"], "poll_ms": help_poll_ms,
                 "refresh_ms": refresh_ms,
                 "to_volunteer_s": {"median": median(to_volunteer),
                                    "max": max(to_volunteer, default=math.nan)},
                 "to_learner_s": {"median": median(to_learner),
                                  "max": max(to_learner, default=math.nan)}},
        "overview_refresh_ms": {"median": median(watched["ticks_ms"]),
                                "p95": percentile(watched["ticks_ms"], 0.95),
                                "max": max(watched["ticks_ms"], default=math.nan),
                                "idle_median": median(watched["idle_ms"]),
                                "each_ms": watched["ticks_ms"]},
        "startup_s": {kind: {"later": median(later[kind]), "first": median(first[kind]),
                             **{part: median([split[part] for split in started["parts"][kind]])
                                for part in ("imports", "open", "picker")}}
                      for kind in ("sqlite", "postgresql")},
        "startup_ratio": ratio, "first_startup_ratio": first_ratio,
    }

    def mark(ok: bool, *measured: float) -> str:
        return "n/a" if any(math.isnan(m) for m in measured) else "PASS" if ok else "MISS"

    a, h = figures["answer_commit_ms"], figures["help"]
    s = figures["startup_s"]
    rows = [
        ("computers / seconds / CPUs", f"{args.computers} / {took:.1f} / {os.cpu_count()}", "",
         ""),
        ("load average before the run (1 min)", f"{load:.2f}", "", ""),
        ("learner's pause between writes", f"{args.think:g} ms", "", ""),
        ("answers written through", f"{figures['write_path']}", "", ""),
        ("answers per second", f"{figures['answers_per_s']:.0f} ({len(answers)} answers)", "",
         ""),
        (f"answers per second, each {step} s", " ".join(f"{n:.0f}" for n in pace), "", ""),
        ("answer to commit, median", f"{a['median']:.1f} ms", "", ""),
        ("answer to commit, p95", f"{a['p95']:.1f} ms (max {a['max']:.0f})",
         f"<= {ANSWER_GOAL_MS:.0f} ms", mark(a["p95"] <= ANSWER_GOAL_MS, a["p95"])),
        ("CPU of a computer per write",
         f"{figures['computer_cpu_ms_per_write']:.1f} ms (the server's not counted)", "", ""),
        ("move/finish/new lesson, p95",
         f"{figures['other_writes_ms']['p95']:.1f} ms "
         f"(median {figures['other_writes_ms']['median']:.1f})", "", ""),
        ("errors", f"{figures['errors']}", "0", mark(figures["errors"] == 0)),
        ("lost answers", f"{lost} of {checked['answers_believed']}", "0", mark(lost == 0)),
        ("written twice / though failed",
         f"{checked['written_twice']} / {checked['written_though_failed']}", "0",
         mark(checked["written_twice"] == checked["written_though_failed"] == 0)),
        ("runs whose step or end differs / unknown",
         f"{checked['runs_differing']} / {checked['runs_unknown']}", "0",
         mark(checked["runs_differing"] == checked["runs_unknown"] == 0)),
        ("answers kept on a computer", f"{figures['kept_on_computer']}", "", ""),
        ("overview refresh under load, p95",
         f"{figures['overview_refresh_ms']['p95']:.1f} ms "
         f"(median {figures['overview_refresh_ms']['median']:.1f}, "
         f"max {figures['overview_refresh_ms']['max']:.0f})", "", ""),
        ("the same query afterwards, idle, median",
         f"{figures['overview_refresh_ms']['idle_median']:.1f} ms", "", ""),
        (f"Hulp to volunteer, median (every {refresh_ms} ms)",
         f"{h['to_volunteer_s']['median']:.2f} s (max {h['to_volunteer_s']['max']:.2f}; "
         f"{len(to_volunteer)} of {h['asked']})", f"<= {HELP_GOAL_S:g} s",
         mark(h["to_volunteer_s"]["median"] <= HELP_GOAL_S and h["not_seen"] == 0,
              h["to_volunteer_s"]["median"])),
        (f"Geholpen to learner, median (every {help_poll_ms} ms)",
         f"{h['to_learner_s']['median']:.2f} s (max {h['to_learner_s']['max']:.2f}; "
         f"{len(to_learner)} of {len(watched['clicked'])})", f"<= {HELP_GOAL_S:g} s",
         mark(h["to_learner_s"]["median"] <= HELP_GOAL_S and h["not_back"] == 0,
              h["to_learner_s"]["median"])),
        ("start-up, SQLite file", f"{s['sqlite']['later'] * 1000:.0f} ms "
         f"(open {s['sqlite']['open'] * 1000:.0f}, picker {s['sqlite']['picker'] * 1000:.1f})",
         "", ""),
        ("start-up, location database", f"{s['postgresql']['later'] * 1000:.0f} ms "
         f"(open {s['postgresql']['open'] * 1000:.0f}, "
         f"picker {s['postgresql']['picker'] * 1000:.1f})", "", ""),
        ("start-up, location / SQLite", f"{ratio:.2f}x", "", ""),
        ("first start (migrations), loc./SQLite",
         f"{first_ratio:.2f}x ({s['postgresql']['first'] * 1000:.0f} / "
         f"{s['sqlite']['first'] * 1000:.0f} ms)", "", ""),
    ]
    for name, value, goal, ok in rows:
        print(f"{name:>42}: {value:<36} {goal:>9} {ok}".rstrip())
    for kind, count in errors.most_common(5):
        print(f"{'error':>42}: {count} x {kind}")
    return figures


if __name__ == "__main__":
    sys.exit(main())
