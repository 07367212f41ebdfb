"""What the volunteer and coordinator areas ask of the database.

Kept apart from the learner's repository so each stays small; both hand out plain records.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.orm import Session

from oefenplek.core.engine import Outcome
from oefenplek.core.lessons.model import ANSWERED_KINDS
from oefenplek.core.progress import AnswerFact
from oefenplek.core.staff import Lock, StaffMember, hash_pin, pin_matches
from oefenplek.core.text import (
    LOCATION_NAME_LENGTH,
    NOTE_LENGTH,
    STORED_NAME_LENGTH,
    clean_line,
)
from oefenplek.storage.db import Database
from oefenplek.storage.models import (
    AttemptRow,
    HelpRequestRow,
    LearnerRow,
    LessonRunRow,
    SettingRow,
    StaffRow,
    VisitRow,
    utcnow,
)
from oefenplek.storage.repository import Repository
from oefenplek.storage.settings import LOCATION_NAME


@dataclass(frozen=True)
class HereToday:
    """One learner at the location today, for the volunteer's overview."""

    learner_id: str
    name: str
    avatar: str
    arrived: datetime
    left: datetime | None
    lesson_id: str | None
    step_index: int | None
    help_since: datetime | None
    help_request_id: str | None
    finished_today: tuple[str, ...]
    computer: str | None = None  # where the learner sits: their open visit's computer
    help_computer: str | None = None  # where they asked for help: the volunteer walks there


@dataclass(frozen=True)
class StuckStep:
    """A step where the learner had wrong tries or asked for help."""

    lesson_id: str
    step_index: int
    wrong: int
    helped: int
    last: datetime


@dataclass(frozen=True)
class VisitNote:
    visit_id: str
    started_at: datetime
    note: str


class StaffRepository:
    def __init__(self, database: Database, learners: Repository) -> None:
        self.database = database
        self.learners = learners

    @contextmanager
    def _session(self, write: bool = False) -> Iterator[Session]:
        with self.learners._session(write) as session:  # one place for errors and commits
            yield session

    # --- staff and PINs -----------------------------------------------------------------
    def add_staff(self, name: str, role: str, pin: str) -> StaffMember:
        salt, digest = hash_pin(pin)
        with self._session(write=True) as session:
            row = StaffRow(name=clean_line(name, STORED_NAME_LENGTH), role=role,
                           pin_salt=salt, pin_hash=digest)
            session.add(row)
            session.flush()
            return StaffMember(row.id, row.name, row.role)

    def staff(self) -> list[StaffMember]:
        with self._session() as session:
            rows = session.execute(
                select(StaffRow).where(StaffRow.removed_at.is_(None)).order_by(StaffRow.name)
            ).scalars()
            return [StaffMember(r.id, r.name, r.role) for r in rows]

    def remove_staff(self, staff_id: str) -> None:
        with self._session(write=True) as session:
            session.execute(update(StaffRow).where(StaffRow.id == staff_id)
                            .values(removed_at=utcnow()))

    def reset_pin(self, staff_id: str, pin: str) -> None:
        salt, digest = hash_pin(pin)
        with self._session(write=True) as session:
            session.execute(update(StaffRow).where(StaffRow.id == staff_id)
                            .values(pin_salt=salt, pin_hash=digest))

    def check_pin(self, staff_id: str, pin: str) -> StaffMember | None:
        with self._session() as session:
            row = session.get(StaffRow, staff_id)
            if row is None or row.removed_at is not None:
                return None
            member = StaffMember(row.id, row.name, row.role)
            salt, digest = row.pin_salt, row.pin_hash
        return member if pin_matches(pin, salt, digest) else None

    def lock(self) -> Lock:
        keys = ("failures", "locks", "until")
        values = {key: self.learners.setting(f"pin_{key}") for key in keys}
        until = datetime.fromisoformat(values["until"]) if values["until"] else None
        return Lock(int(values["failures"] or 0), int(values["locks"] or 0), until)

    def save_lock(self, lock: Lock) -> None:
        with self._session(write=True) as session:
            for key, value in (("failures", str(lock.failures)), ("locks", str(lock.locks)),
                               ("until", lock.until.isoformat() if lock.until else "")):
                session.merge(SettingRow(key=f"pin_{key}", value=value))

    # --- the volunteer's day ------------------------------------------------------------
    def here_today(self, since: datetime) -> list[HereToday]:
        """Learners with a visit since `since` (start of today), help requests first.

        The overview asks this every 1.5 seconds on the GUI thread while it is on screen, so
        it is three queries however many learners are in (plain SQL and a window function:
        SQLite and PostgreSQL). `computer`: where the learner's latest visit is, while open;
        `help_computer`: where they asked for help (the volunteer walks there)."""
        present = select(VisitRow.learner_id).where(VisitRow.started_at >= since)
        with self._session() as session:
            visits = session.execute(
                select(VisitRow.learner_id, VisitRow.started_at, VisitRow.ended_at,
                       VisitRow.computer, LearnerRow.name, LearnerRow.avatar)
                .join(LearnerRow, LearnerRow.id == VisitRow.learner_id)
                .where(VisitRow.started_at >= since)
                .order_by(VisitRow.started_at, VisitRow.id)
            ).all()
            if not visits:
                return []
            helps = {row.learner_id: row for row in session.execute(  # the newest open one
                select(HelpRequestRow.learner_id, HelpRequestRow.id, HelpRequestRow.created_at,
                       HelpRequestRow.computer)
                .where(HelpRequestRow.handled_at.is_(None),
                       HelpRequestRow.learner_id.in_(present))
                .order_by(HelpRequestRow.created_at, HelpRequestRow.id))}
            # Each present learner's runs, found by learner (not by the many unfinished runs
            # of everyone): the newest busy one, and those finished today, in one pass.
            busy_first = func.row_number().over(
                partition_by=LessonRunRow.learner_id,
                order_by=(case((LessonRunRow.finished_at.is_(None), 0), else_=1),
                          LessonRunRow.started_at.desc(), LessonRunRow.id.desc()))
            runs = (select(LessonRunRow.id, LessonRunRow.learner_id, LessonRunRow.lesson_id,
                           LessonRunRow.position, LessonRunRow.finished_at,
                           busy_first.label("rank"))
                    .where(LessonRunRow.learner_id.in_(present))
                    .subquery())
            current: dict[str, tuple[str, int]] = {}  # learner -> (lesson, step index)
            done: dict[str, list[str]] = {}
            for learner_id, lesson_id, position, finished_at in session.execute(
                    select(runs.c.learner_id, runs.c.lesson_id, runs.c.position,
                           runs.c.finished_at)
                    .where(or_(and_(runs.c.rank == 1, runs.c.finished_at.is_(None)),
                               runs.c.finished_at >= since))
                    .order_by(runs.c.finished_at, runs.c.id)):
                if finished_at is None:
                    current[learner_id] = (lesson_id, position)
                else:
                    done.setdefault(learner_id, []).append(lesson_id)
        latest = {visit.learner_id: visit for visit in visits}  # the latest visit counts
        found = []
        for learner_id, visit in latest.items():
            lesson_id, step_index = current.get(learner_id, (None, None))
            help_row = helps.get(learner_id)
            found.append(HereToday(
                learner_id, visit.name, visit.avatar, visit.started_at, visit.ended_at,
                lesson_id, step_index,
                help_row.created_at if help_row else None, help_row.id if help_row else None,
                tuple(done.get(learner_id, ())),
                visit.computer if visit.ended_at is None else None,
                help_row.computer if help_row else None))
        found.sort(key=lambda h: (h.help_since is None, h.help_since or h.arrived))
        return found

    def stuck_steps(self, learner_id: str) -> list[StuckStep]:
        """Steps with wrong tries or help, the most recent first (counted by the database)."""
        last = func.max(AttemptRow.created_at)
        with self._session() as session:
            rows = session.execute(
                select(LessonRunRow.lesson_id, AttemptRow.step_index,
                       func.sum(case((AttemptRow.outcome == Outcome.WRONG.value, 1), else_=0)),
                       func.sum(case((AttemptRow.outcome == Outcome.HELPED.value, 1), else_=0)),
                       last)
                .join(LessonRunRow, LessonRunRow.id == AttemptRow.run_id)
                .where(LessonRunRow.learner_id == learner_id,
                       AttemptRow.outcome.in_([Outcome.WRONG.value, Outcome.HELPED.value]))
                .group_by(LessonRunRow.lesson_id, AttemptRow.step_index)
                .order_by(last.desc(), LessonRunRow.lesson_id, AttemptRow.step_index)
            ).all()
        return [StuckStep(lesson_id, step, int(wrong), int(helped), at)
                for lesson_id, step, wrong, helped, at in rows]

    def answers(self, learner_id: str) -> list[AnswerFact]:
        """The learner's answers on answered steps (not practise), oldest first, for
        core.progress.success_by_lesson: one learner has some thousands at most."""
        with self._session() as session:
            rows = session.execute(
                select(LessonRunRow.lesson_id, AttemptRow.run_id, AttemptRow.step_index,
                       AttemptRow.guided, AttemptRow.outcome)
                .join(LessonRunRow, LessonRunRow.id == AttemptRow.run_id)
                .where(LessonRunRow.learner_id == learner_id,
                       AttemptRow.step_kind.in_(sorted(ANSWERED_KINDS)),
                       AttemptRow.outcome.in_([Outcome.CORRECT.value, Outcome.WRONG.value]))
                .order_by(AttemptRow.created_at, AttemptRow.id)
            ).all()
        return [AnswerFact(lesson_id, run_id, step, bool(guided),
                           outcome == Outcome.CORRECT.value)
                for lesson_id, run_id, step, guided, outcome in rows]

    def visits(self, learner_id: str) -> list[VisitNote]:
        with self._session() as session:
            rows = session.execute(
                select(VisitRow).where(VisitRow.learner_id == learner_id)
                .order_by(VisitRow.started_at.desc())
            ).scalars()
            return [VisitNote(r.id, r.started_at, r.note) for r in rows]

    def set_visit_note(self, visit_id: str, note: str) -> None:
        with self._session(write=True) as session:
            session.execute(update(VisitRow).where(VisitRow.id == visit_id)
                            .values(note=clean_line(note, NOTE_LENGTH)))

    def set_note_of_today(self, learner_id: str, note: str, today: datetime,
                          guided_by: str | None) -> None:
        """The note on today's visit; a visit is recorded for it when there is none yet,
        in the same transaction, so a failed save leaves no empty visit behind."""
        with self._session(write=True) as session:
            visit = session.execute(
                select(VisitRow).where(VisitRow.learner_id == learner_id,
                                       VisitRow.started_at >= today)
                .order_by(VisitRow.started_at.desc())
            ).scalars().first()
            if visit is None:
                visit = VisitRow(learner_id=learner_id, guided_by=guided_by)
                session.add(visit)
            visit.note = clean_line(note, NOTE_LENGTH)

    def first_run(self, location: str, name: str, role: str, pin: str) -> StaffMember:
        """The first start of the staff area: the location's name and the first coordinator,
        saved together or not at all."""
        salt, digest = hash_pin(pin)
        with self._session(write=True) as session:
            session.merge(SettingRow(key=LOCATION_NAME,
                                     value=clean_line(location, LOCATION_NAME_LENGTH)))
            row = StaffRow(name=clean_line(name, STORED_NAME_LENGTH), role=role,
                           pin_salt=salt, pin_hash=digest)
            session.add(row)
            session.flush()
            return StaffMember(row.id, row.name, row.role)

    def start_visit(self, learner_id: str, guided_by: str | None) -> str:
        """A visit recorded by a volunteer (the learner may not be at the computer)."""
        with self._session(write=True) as session:
            row = VisitRow(learner_id=learner_id, guided_by=guided_by)
            session.add(row)
            session.flush()
            return row.id

    def open_visit(self, learner_id: str) -> str | None:
        with self._session() as session:
            return session.execute(
                select(VisitRow.id).where(VisitRow.learner_id == learner_id,
                                          VisitRow.ended_at.is_(None))
                .order_by(VisitRow.started_at.desc())
            ).scalars().first()

    def mark_practise_helped(self, run_id: str, step_index: int, visit_id: str | None) -> None:
        """A volunteer says a practise step was done together with them."""
        self.learners.record_attempt(run_id, step_index, "practise", Outcome.HELPED,
                                     "volunteer", visit_id)

    def finished_by(self, lesson_id: str) -> list[tuple[str, str]]:
        """(id, name) of active learners who finished this lesson at least once."""
        with self._session() as session:
            rows = session.execute(
                select(LearnerRow.id, LearnerRow.name).distinct()
                .join(LessonRunRow, LessonRunRow.learner_id == LearnerRow.id)
                .where(LessonRunRow.lesson_id == lesson_id,
                       LessonRunRow.finished_at.is_not(None),
                       LearnerRow.archived_at.is_(None))
                .order_by(LearnerRow.name)
            ).all()
            return [(row[0], row[1]) for row in rows]
