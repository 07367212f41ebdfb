"""A learner's answers survive a dropped connection to the location database.

When the location's shared database cannot be reached in the middle of a lesson (the server
is switched off, the network drops), the learner goes on: each answer and each move through
the lesson is kept in a small file on this computer's disk (`waiting-answers.sqlite3` in the
data folder, committed before the screen changes, like any answer) and handed over, in the
order given, when the database answers again. Every answer carries its own id and time, so
handing one over twice (the computer stopped between writing it and crossing it off) writes
it once. While anything waits, new answers queue behind it, so the order is never broken.

On the embedded SQLite file nothing is kept: there a failed write is this computer's own
disk, and the learner is told, as before.

A computer that could not reach the location database at start may *work alone* (see
storage.alone): it then runs on its own copy of the location's learners, and every write of
a learner (a new learner, a visit, a lesson begun, each answer and move) is written there
and also kept in this file, with ids made here, to be handed over when the location
database answers again.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from oefenplek.core.engine import Outcome
from oefenplek.core.learners import Learner, Preferences
from oefenplek.core.progress import RunRecord
from oefenplek.storage.errors import UNREACHABLE, StorageError, not_saved
from oefenplek.storage.models import new_id, utcnow
from oefenplek.storage.repository import Repository

FILE_NAME = "waiting-answers.sqlite3"
REFUSED_NAME = "answers-not-handed-over.jsonl"

ATTEMPT, MOVE, FINISH, END_VISIT = "attempt", "move", "finish", "end-visit"
ADD_LEARNER, START_VISIT, START_RUN = "add-learner", "start-visit", "start-run"


@dataclass(frozen=True)
class HandOver:
    """What one hand-over did: written to the database, still waiting, refused for good."""

    written: int
    waiting: int
    refused: int = 0


class WaitingFile:
    """The kept writes, oldest first, in a SQLite file that survives a crash or power cut."""

    def __init__(self, file: Path) -> None:
        self.file = file

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            connection = sqlite3.connect(self.file, timeout=5)
        except sqlite3.Error as error:
            raise not_saved(f"{self.file}: {error}") from error
        try:
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("CREATE TABLE IF NOT EXISTS waiting (seq INTEGER PRIMARY KEY "
                               "AUTOINCREMENT, kind TEXT NOT NULL, data TEXT NOT NULL)")
            with connection:
                yield connection
        except sqlite3.Error as error:
            raise not_saved(f"{self.file}: {error}") from error
        finally:
            connection.close()

    def add(self, kind: str, data: dict[str, Any]) -> None:
        with self._connect() as connection:
            connection.execute("INSERT INTO waiting (kind, data) VALUES (?, ?)",
                               (kind, json.dumps(data)))

    def entries(self) -> list[tuple[int, str, dict[str, Any]]]:
        if not self.file.exists():
            return []
        with self._connect() as connection:
            rows = connection.execute("SELECT seq, kind, data FROM waiting ORDER BY seq")
            return [(seq, kind, json.loads(data)) for seq, kind, data in rows]

    def remove(self, seq: int) -> None:
        with self._connect() as connection:
            connection.execute("DELETE FROM waiting WHERE seq = ?", (seq,))

    def count(self) -> int:
        if not self.file.exists():
            return 0
        with self._connect() as connection:
            return int(connection.execute("SELECT count(*) FROM waiting").fetchone()[0])


class LessonWrites:
    """The writes of a learner in a lesson, to the database or, while the location database
    is away, kept on this computer. Each method returns True when the database has it now,
    False when it was kept to be handed over later; any other failure raises StorageError.
    """

    def __init__(self, repository: Repository, data_dir: Path, keep: bool,
                 location: Callable[[], Repository] | None = None) -> None:
        self.repository = repository
        self.waiting = WaitingFile(data_dir / FILE_NAME)
        self.refused_file = data_dir / REFUSED_NAME
        #: Working alone: how to open the location database when it is back; every write
        #: goes to `repository` (this computer's copy) and waits for the location as well.
        self.location = location
        self._target: Repository | None = None if location else repository
        self.keep = keep or location is not None  # never for the embedded file
        self._lock = threading.Lock()  # hand_over may run off the GUI thread
        #: How many writes wait, known without opening the file at every answer.
        self.pending = self.waiting.count() if self.keep else 0

    @property
    def alone(self) -> bool:
        return self.location is not None

    def add_learner(self, name: str, avatar: str, preferences: Preferences | None,
                    language: str = "nl") -> Learner:
        wanted = preferences or Preferences()
        if not self.alone:
            return self.repository.add_learner(name, avatar, language, preferences=wanted)
        learner_id = new_id()
        self._write(ADD_LEARNER, {"learner_id": learner_id, "name": name, "avatar": avatar,
                                  "language": language, "preferences": asdict(wanted)})
        learner = self.repository.learner(learner_id)
        assert learner is not None
        return learner

    def start_visit(self, learner_id: str, computer: str) -> str:
        if not self.alone:
            return self.repository.start_visit(learner_id, computer)
        data = {"visit_id": new_id(), "learner_id": learner_id, "computer": computer,
                "at": utcnow().isoformat()}
        self._write(START_VISIT, data)
        return str(data["visit_id"])

    def start_run(self, learner_id: str, lesson_id: str, lesson_version: int) -> RunRecord:
        if not self.alone:
            return self.repository.start_run(learner_id, lesson_id, lesson_version)
        run_id = new_id()
        self._write(START_RUN, {"run_id": run_id, "learner_id": learner_id,
                                "lesson_id": lesson_id, "version": lesson_version,
                                "at": utcnow().isoformat()})
        [record] = [run for run in self.repository.runs(learner_id) if run.id == run_id]
        return record

    def record_attempt(self, run_id: str, step_index: int, step_kind: str, outcome: Outcome,
                       answer: str | None, visit_id: str | None, guided: bool = True) -> bool:
        data = {"run_id": run_id, "step_index": step_index, "step_kind": step_kind,
                "guided": guided,
                "outcome": outcome.value, "answer": answer, "visit_id": visit_id,
                "attempt_id": new_id(), "at": utcnow().isoformat()}
        return self._write(ATTEMPT, data)

    def move_run(self, run_id: str, position: int) -> bool:
        return self._write(MOVE, {"run_id": run_id, "position": position})

    def finish_run(self, run_id: str) -> bool:
        return self._write(FINISH, {"run_id": run_id, "at": utcnow().isoformat()})

    def end_visit(self, visit_id: str) -> bool:
        return self._write(END_VISIT, {"visit_id": visit_id, "at": utcnow().isoformat()})

    def _write(self, kind: str, data: dict[str, Any]) -> bool:
        if self.alone:  # this computer's copy has it now; the location gets it later
            _apply(self.repository, kind, data)
            with self._lock:
                self._keep(kind, data)
            return True
        with self._lock:
            if self.pending:
                return self._keep(kind, data)  # behind what waits already: order stays
        try:
            _apply(self.repository, kind, data)
            return True
        except StorageError as error:
            if not (self.keep and error.kind == UNREACHABLE):
                raise
        with self._lock:
            return self._keep(kind, data)

    def _keep(self, kind: str, data: dict[str, Any]) -> bool:
        self.waiting.add(kind, {**data, "kept": True})
        self.pending += 1
        return False

    def hand_over(self) -> HandOver:
        """Write what waits, oldest first, each crossed off once the database has it. Stops
        at the first sign that the database is still away. A write the database refuses
        for good (its learner was deleted meanwhile) is set aside in a file for the
        coordinator rather than blocking every answer behind it.

        The lock is held only to look at the file, never while the database is asked, so
        the learner's next answer is kept at once even when the network hangs."""
        written = refused = 0
        target = self._location()
        if target is None:
            return HandOver(0, self.pending)
        while True:
            with self._lock:
                entries = self.waiting.entries()
                if not entries:
                    self.pending = 0
                    return HandOver(written, 0, refused)
            for seq, kind, data in entries:
                try:
                    _apply(target, kind, data)
                except StorageError as error:
                    if error.kind == UNREACHABLE:
                        return HandOver(written, self.pending, refused)
                    self._set_aside(kind, data, error.detail)
                    refused += 1
                else:
                    written += 1
                with self._lock:
                    self.waiting.remove(seq)
                    self.pending = max(0, self.pending - 1)

    def _location(self) -> Repository | None:
        """Where kept writes go: the database in use, or (working alone) the location
        database once it can be opened again; None while it cannot."""
        if self._target is None and self.location is not None:
            try:
                self._target = self.location()
            except StorageError:
                return None
        return self._target

    def close(self) -> None:
        """Working alone: let go of the location database opened for handing over."""
        if self.location is not None and self._target is not None:
            self._target.database.close()
            self._target = None

    def _set_aside(self, kind: str, data: dict[str, Any], reason: str) -> None:
        line = json.dumps({"kind": kind, "data": data, "reason": reason[:300]})
        try:
            with self.refused_file.open("a", encoding="utf-8") as out:
                out.write(line + "\n")
        except OSError as error:
            raise not_saved(f"{self.refused_file}: {error}") from error


def _when(data: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(data["at"])


_APPLY: dict[str, Callable[[Repository, dict[str, Any]], object]] = {
    ATTEMPT: lambda r, d: r.record_attempt(
        d["run_id"], d["step_index"], d["step_kind"], Outcome(d["outcome"]), d["answer"],
        d["visit_id"], attempt_id=d["attempt_id"], at=_when(d), kept=d.get("kept", False),
        guided=d.get("guided", True)),
    MOVE: lambda r, d: r.move_run(d["run_id"], d["position"]),
    FINISH: lambda r, d: r.finish_run(d["run_id"], at=_when(d)),
    END_VISIT: lambda r, d: r.end_visit(d["visit_id"], at=_when(d)),
}


def _add_learner(repository: Repository, data: dict[str, Any]) -> None:
    repository.add_learner(data["name"], data["avatar"], data.get("language", "nl"),
                           preferences=Preferences(**data["preferences"]),
                           learner_id=data["learner_id"])


_APPLY.update({
    ADD_LEARNER: _add_learner,
    START_VISIT: lambda r, d: r.start_visit(d["learner_id"], d["computer"],
                                            visit_id=d["visit_id"], at=_when(d)),
    START_RUN: lambda r, d: r.start_run(d["learner_id"], d["lesson_id"], d["version"],
                                        run_id=d["run_id"], at=_when(d)),
})


def _apply(repository: Repository, kind: str, data: dict[str, Any]) -> None:
    _APPLY[kind](repository, data)
