"""The app stopped the hard way, and two copies of it at once: nothing is lost.

- The app is killed (SIGKILL: a power cut, a crash) in the middle of a lesson, 20 times,
  each time after a different number of steps. After each: SQLite's integrity_check passes,
  every answer the app had shown as saved is in the database, and the learner's next start
  opens the lesson at the step she had reached (the move that was on its way when the app
  died may or may not have been saved; both are fine, nothing else is).
- Two copies of the app write to one database for 10 seconds: no "database is locked" (no
  sentence at all) reaches either learner, and every answer is there.

Real processes (tests/gui/lesson_child.py), the real app, real files.
"""

from __future__ import annotations

import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from oefenplek.storage.db import Database

from ..conftest import REPO

KILLS = 20
TWO_SECONDS = 10.0
START_LIMIT_S = 60  # a start that takes longer than this is a failure, not a wait


class Child:
    """One app process; its lines are read with a deadline, never by waiting blindly."""

    def __init__(self, home: Path, lessons: Path, name: str, seconds: float) -> None:
        env = {**os.environ, "OEFENPLEK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
               "OEFENPLEK_SPEECH_ENGINE": "mock"}
        env.pop("OEFENPLEK_DATABASE_URL", None)
        self.errors = (home.parent / f"{name}-stderr.txt").open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.gui.lesson_child", str(lessons), name, str(seconds)],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=self.errors)
        assert self.process.stdout is not None
        self.out = self.process.stdout
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.out, selectors.EVENT_READ)
        self.buffer = b""
        self.lines: list[list[str]] = []

    def line(self, timeout: float = START_LIMIT_S) -> list[str] | None:
        """The next line as words; None at the end of the output."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            assert left > 0, f"no line from the app within {timeout} s: {self.lines[-3:]}"
            if self.selector.select(left):
                chunk = os.read(self.out.fileno(), 65536)
                if not chunk:
                    return None
                self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\n", 1)
        words = raw.decode().split(" ", 2) if raw.startswith(b"PROBLEM") else raw.decode(
            ).split()
        self.lines.append(words)
        return words

    def until(self, word: str) -> Iterator[list[str]]:
        while (words := self.line()) is not None:
            yield words
            if words[0] == word:
                return

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.finish()

    def finish(self) -> int:
        code = self.process.wait(timeout=START_LIMIT_S)
        while self.line() is not None:  # what it said before it stopped
            pass
        self.selector.close()
        self.out.close()
        self.errors.close()
        return code


def allowed_resumes(lines: list[list[str]]) -> tuple[set[tuple[str, int]], set[str]]:
    """Where the next start may open the lesson: (run, position) pairs, and runs after
    which any new run at step 0 is right (they were finished, or about to be)."""
    confirmed: tuple[str, ...] = ()
    in_flight: tuple[str, ...] = ()
    for words in lines:
        if words[0] in ("RESUMED", "AT"):
            confirmed, in_flight = ("run", words[1], words[2]), ()
        elif words[0] == "GOING":
            in_flight = ("run", words[1], words[2])
        elif words[0] == "FINISHING":
            in_flight = ("finished", words[1])
        elif words[0] == "FINISHED":
            confirmed, in_flight = ("finished", words[1]), ()
    runs: set[tuple[str, int]] = set()
    finished: set[str] = set()
    for state in (confirmed, in_flight):
        if state and state[0] == "run":
            runs.add((state[1], int(state[2])))
        elif state:
            finished.add(state[1])
    return runs, finished


def saved_answers(database: Path) -> set[tuple[str, int]]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT run_id, step_index FROM attempt").fetchall()
    connection.close()
    return {(run, int(step)) for run, step in rows}


def integrity(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        found = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    connection.close()
    return found


def new_location(home: Path) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    database = home / "oefenplek.sqlite3"
    Database(f"sqlite:///{database}").close()
    return database


class KilledOften:
    """One location whose app is started and killed again and again; two of them take
    turns side by side, so 20 kills take the time of 10."""

    def __init__(self, home: Path, lessons: Path, seed: int) -> None:
        self.home, self.lessons = home, lessons
        self.database = new_location(home)
        self.rng = random.Random(seed)
        self.expected: tuple[set[tuple[str, int]], set[str]] | None = None
        self.answered: set[tuple[str, int]] = set()
        self.kills = 0
        self.child: Child | None = None

    def start(self, last: bool = False) -> None:
        self.child = Child(self.home, self.lessons, "Fatima", 0 if last else 600)

    def resumed(self) -> None:
        """The lesson opened where the learner was when the app died."""
        assert self.child is not None
        [resumed] = [words for words in self.child.until("RESUMED") if words[0] == "RESUMED"]
        where = (resumed[1], int(resumed[2]))
        if self.expected is None:
            return
        runs, finished = self.expected
        new_run_after_finish = bool(finished) and where[1] == 0 and where[0] not in finished
        assert where in runs or new_run_after_finish, (
            f"start after kill {self.kills}: the lesson opened at {where}, expected {runs} "
            f"or a new run after {finished}")

    def play_then_kill(self) -> None:
        assert self.child is not None
        for _step in range(self.rng.randint(1, 14)):
            assert self.child.line() is not None
        self.child.kill()
        self.kills += 1
        lines = self.child.lines
        assert not [words for words in lines if words[0] == "PROBLEM"], lines
        assert integrity(self.database) == ["ok"], f"after kill {self.kills}"
        self.answered |= {(words[1], int(words[2])) for words in lines
                          if words[0] == "ANSWERED"}
        assert self.answered <= saved_answers(self.database), (
            f"an answer was lost at kill {self.kills}")
        self.expected = allowed_resumes(lines)

    def stop(self) -> None:
        assert self.child is not None and self.child.finish() == 0


def test_killed_in_the_middle_of_a_lesson_20_times_nothing_is_lost(
        home: Path, fixture_lessons: Path) -> None:
    places = [KilledOften(home.parent / f"place-{n}", fixture_lessons, seed=n)
              for n in range(2)]
    for _round in range(KILLS // len(places)):
        for place in places:
            place.start()
        for place in places:
            place.resumed()
            place.play_then_kill()
    for place in places:  # and once more, to see where the last kill left the learner
        place.start(last=True)
        place.resumed()
        place.stop()
    assert sum(place.kills for place in places) == KILLS
    for place in places:  # the learner really was answering when the app died
        assert len(place.answered) >= place.kills


def test_two_copies_of_the_app_write_at_once_and_nothing_is_lost(
        home: Path, fixture_lessons: Path) -> None:
    database = new_location(home)
    children = [Child(home, fixture_lessons, name, TWO_SECONDS) for name in ("Fatima", "Ahmed")]
    said = {}
    for child in children:
        said[child] = list(child.until("DONE"))
        assert said[child][-1][0] == "DONE", said[child][-3:]
    for child in children:
        assert child.finish() == 0
    problems = [" ".join(words) for child in children for words in child.lines
                if words[0] == "PROBLEM"]
    assert problems == []  # no "database is locked", and no other sentence either
    answered = [(words[1], int(words[2])) for child in children for words in child.lines
                if words[0] == "ANSWERED"]
    with sqlite3.connect(database) as connection:
        stored = connection.execute("SELECT run_id, step_index FROM attempt").fetchall()
        learners = connection.execute("SELECT count(*) FROM learner").fetchone()[0]
    connection.close()
    assert sorted(answered) == sorted((run, int(step)) for run, step in stored)
    assert learners == 2
    assert all(int(child.lines[-1][1]) > 10 for child in children)  # both really wrote
    assert integrity(database) == ["ok"]
