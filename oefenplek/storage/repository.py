"""Everything the app asks of the database, in plain words and plain records.

Each write commits before it returns: a power cut loses at most the step on screen. Callers
get core dataclasses, never database rows, so widgets cannot reach the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, func, select, update
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from oefenplek.core.certificates import Certificate
from oefenplek.core.engine import Outcome
from oefenplek.core.learners import Learner, LearnerEntry, Preferences
from oefenplek.core.progress import RunRecord
from oefenplek.core.text import STORED_NAME_LENGTH, clean_line
from oefenplek.storage.db import Database
from oefenplek.storage.errors import not_saved
from oefenplek.storage.models import (
    AttemptRow,
    CertificateRow,
    HelpRequestRow,
    LearnerRow,
    LessonRunRow,
    SettingRow,
    VisitRow,
    new_id,
    utcnow,
)

#: Any select of learners (whole rows or a few columns).
S = TypeVar("S", bound="Select[*tuple[Any, ...]]")


def _learner(row: LearnerRow) -> Learner:
    preferences = Preferences(row.text_scale, row.high_contrast, row.read_aloud_auto,
                              row.speech_slow, row.language_mode)
    return Learner(row.id, row.name, row.avatar, row.language, row.created_at, preferences)


def _most_recent_first(query: S) -> S:
    """Active learners only, the most recently seen first (else the newest), then by name."""
    last_seen = (
        select(VisitRow.learner_id, func.max(VisitRow.started_at).label("seen"))
        .group_by(VisitRow.learner_id)
        .subquery()
    )
    return (query.outerjoin(last_seen, last_seen.c.learner_id == LearnerRow.id)
            .where(LearnerRow.archived_at.is_(None))
            .order_by(func.coalesce(last_seen.c.seen, LearnerRow.created_at).desc(),
                      LearnerRow.name))


def _run(row: LessonRunRow) -> RunRecord:
    return RunRecord(
        id=row.id,
        learner_id=row.learner_id,
        lesson_id=row.lesson_id,
        lesson_version=row.lesson_version,
        started_at=row.started_at,
        position=row.position,
        finished_at=row.finished_at,
    )


class Repository:
    def __init__(self, database: Database) -> None:
        self.database = database

    @contextmanager
    def _session(self, write: bool = False) -> Iterator[Session]:
        """The one way into the database: commit on success, and on any database failure
        roll back (nothing half-written) and raise a StorageError in plain words."""
        session = self.database.session()
        try:
            yield session
            if write:
                session.commit()
        except SQLAlchemyError as error:
            _roll_back(session)
            raise not_saved(str(getattr(error, "orig", None) or error),
                            unreachable=_connection_lost(error)) from error
        except BaseException:
            _roll_back(session)
            raise
        finally:
            session.close()

    # --- learners -----------------------------------------------------------------------
    def add_learner(self, name: str, avatar: str, language: str = "nl",
                    preferences: Preferences | None = None,
                    learner_id: str | None = None) -> Learner:
        """A new learner, with their first preferences in the same transaction.
        `learner_id`: made on a computer working alone; a second hand-over adds nothing."""
        wanted = preferences or Preferences()
        with self._session(write=True) as session:
            if learner_id and (known := session.get(LearnerRow, learner_id)) is not None:
                return _learner(known)
            row = LearnerRow(id=learner_id or new_id(),
                             name=clean_line(name, STORED_NAME_LENGTH), avatar=avatar,
                             language=language,
                             text_scale=wanted.text_scale, high_contrast=wanted.high_contrast,
                             read_aloud_auto=wanted.read_aloud_auto,
                             speech_slow=wanted.speech_slow,
                             language_mode=wanted.language_mode)
            session.add(row)
            session.flush()
            return _learner(row)

    def learners(self) -> list[Learner]:
        """Active learners, the most recently seen first, so regulars are at the top."""
        with self._session() as session:
            rows = session.execute(_most_recent_first(select(LearnerRow))).scalars()
            return [_learner(row) for row in rows]

    def learner_entries(self) -> list[LearnerEntry]:
        """The same learners in the same order, by name and picture only: the picker's list,
        read as plain columns (a large library has tens of thousands of learners)."""
        with self._session() as session:
            rows = session.execute(_most_recent_first(
                select(LearnerRow.id, LearnerRow.name, LearnerRow.avatar)))
            return list(map(LearnerEntry._make, rows))

    def learner(self, learner_id: str) -> Learner | None:
        with self._session() as session:
            row = session.get(LearnerRow, learner_id)
            return _learner(row) if row else None

    def set_preferences(self, learner_id: str, preferences: Preferences) -> None:
        with self._session(write=True) as session:
            session.execute(
                update(LearnerRow)
                .where(LearnerRow.id == learner_id)
                .values(
                    text_scale=preferences.text_scale,
                    high_contrast=preferences.high_contrast,
                    read_aloud_auto=preferences.read_aloud_auto,
                    speech_slow=preferences.speech_slow,
                    language_mode=preferences.language_mode,
                )
            )

    def set_language(self, learner_id: str, language: str) -> None:
        """The language the learner learns in (a code of i18n.languages())."""
        with self._session(write=True) as session:
            session.execute(update(LearnerRow).where(LearnerRow.id == learner_id)
                            .values(language=language[:10]))

    # --- visits -------------------------------------------------------------------------
    def start_visit(self, learner_id: str, computer: str | None = None,
                    visit_id: str | None = None, at: datetime | None = None) -> str:
        """A learner picked their tile on `computer` (this computer's name). `visit_id`
        and `at`: made on a computer working alone, handed over later (once)."""
        with self._session(write=True) as session:
            if visit_id and session.get(VisitRow, visit_id) is not None:
                return visit_id
            row = VisitRow(id=visit_id or new_id(), learner_id=learner_id, computer=computer,
                           started_at=at or utcnow())
            session.add(row)
            session.flush()
            return row.id

    def end_visit(self, visit_id: str, at: datetime | None = None) -> None:
        """The visit ended (`at`: when, if it was kept on this computer for a while)."""
        with self._session(write=True) as session:
            session.execute(
                update(VisitRow)
                .where(VisitRow.id == visit_id, VisitRow.ended_at.is_(None))
                .values(ended_at=at or utcnow())
            )

    # --- lesson runs --------------------------------------------------------------------
    def runs(self, learner_id: str) -> list[RunRecord]:
        with self._session() as session:
            rows = session.execute(
                select(LessonRunRow)
                .where(LessonRunRow.learner_id == learner_id)
                .order_by(LessonRunRow.started_at)
            ).scalars()
            return [_run(row) for row in rows]

    def start_run(self, learner_id: str, lesson_id: str, lesson_version: int,
                  run_id: str | None = None, at: datetime | None = None) -> RunRecord:
        """A lesson begun (`run_id`, `at`: made on a computer working alone, see
        storage.waiting; a second hand-over changes nothing)."""
        with self._session(write=True) as session:
            if run_id and (known := session.get(LessonRunRow, run_id)) is not None:
                return _run(known)
            row = LessonRunRow(
                id=run_id or new_id(), learner_id=learner_id, lesson_id=lesson_id,
                lesson_version=lesson_version, started_at=at or utcnow()
            )
            session.add(row)
            session.flush()
            return _run(row)

    def move_run(self, run_id: str, position: int) -> None:
        with self._session(write=True) as session:
            session.execute(
                update(LessonRunRow).where(LessonRunRow.id == run_id).values(position=position)
            )

    def finish_run(self, run_id: str, at: datetime | None = None) -> None:
        """The lesson is done; a second call (a kept answer handed over twice) changes
        nothing."""
        with self._session(write=True) as session:
            session.execute(
                update(LessonRunRow)
                .where(LessonRunRow.id == run_id, LessonRunRow.finished_at.is_(None))
                .values(finished_at=at or utcnow())
            )

    # --- attempts -----------------------------------------------------------------------
    def record_attempt(
        self,
        run_id: str,
        step_index: int,
        step_kind: str,
        outcome: Outcome,
        answer: str | None = None,
        visit_id: str | None = None,
        attempt_id: str | None = None,
        at: datetime | None = None,
        kept: bool = False,
        guided: bool = True,
    ) -> None:
        """One answer, with the time it was given (`at`) so the order stays as the learner
        answered. `kept`: an answer kept on this computer while the location database was
        away, handed over now; it may have arrived before the connection broke, so it is
        looked up by `attempt_id` first and written once however often it is handed over
        (a new answer skips that lookup: its id is new)."""
        with self._session(write=True) as session:
            arrived = session.get(AttemptRow, attempt_id) if kept and attempt_id else None
            if arrived is not None:
                return
            session.add(
                AttemptRow(
                    id=attempt_id or new_id(),
                    run_id=run_id,
                    visit_id=visit_id,
                    step_index=step_index,
                    step_kind=step_kind,
                    guided=guided,
                    outcome=outcome.value,
                    answer=answer,
                    created_at=at or utcnow(),
                )
            )

    def wrong_tries(self, run_id: str) -> dict[int, int]:
        """Wrong answers per step of a run, to restore hints when a learner comes back."""
        with self._session() as session:
            rows = session.execute(
                select(AttemptRow.step_index).where(
                    AttemptRow.run_id == run_id, AttemptRow.outcome == Outcome.WRONG.value
                )
            ).scalars()
            return dict(Counter(rows))

    def attempts(self, run_id: str) -> list[tuple[int, str, str | None]]:
        """(step index, outcome, answer) of a run, oldest first."""
        with self._session() as session:
            rows = session.execute(
                select(AttemptRow.step_index, AttemptRow.outcome, AttemptRow.answer)
                .where(AttemptRow.run_id == run_id)
                .order_by(AttemptRow.created_at)
            ).all()
            return [(row[0], row[1], row[2]) for row in rows]

    # --- help ---------------------------------------------------------------------------
    def ask_help(
        self,
        learner_id: str | None,
        run_id: str | None = None,
        lesson_id: str | None = None,
        step_index: int | None = None,
        computer: str | None = None,
    ) -> str:
        """Record that a learner asked for the volunteer (at `computer`); the request's id."""
        with self._session(write=True) as session:
            row = HelpRequestRow(
                learner_id=learner_id, run_id=run_id, lesson_id=lesson_id, step_index=step_index,
                computer=computer,
            )
            session.add(row)
            session.flush()
            return row.id

    def open_help_requests(self) -> list[tuple[str, str | None, str | None, int | None]]:
        """(id, learner id, lesson id, step index) of requests not yet handled, oldest first."""
        with self._session() as session:
            rows = session.execute(
                select(HelpRequestRow)
                .where(HelpRequestRow.handled_at.is_(None))
                .order_by(HelpRequestRow.created_at)
            ).scalars()
            return [(r.id, r.learner_id, r.lesson_id, r.step_index) for r in rows]

    def help_handled(self, request_id: str) -> bool:
        """Whether a volunteer (on any computer) handled this request; a request that is
        gone (its learner deleted) counts as handled. One primary-key lookup: the learner's
        screen asks this every second or two while it says "help is coming"."""
        with self._session() as session:
            found = session.execute(
                select(HelpRequestRow.handled_at).where(HelpRequestRow.id == request_id)
            ).first()
            return found is None or found[0] is not None

    def handle_help_request(self, request_id: str) -> None:
        with self._session(write=True) as session:
            session.execute(
                update(HelpRequestRow)
                .where(HelpRequestRow.id == request_id, HelpRequestRow.handled_at.is_(None))
                .values(handled_at=utcnow())
            )

    # --- certificates -------------------------------------------------------------------
    def issue_certificates(self, certificates: list[Certificate]) -> list[Certificate]:
        """Record certificates as handed out, all in one transaction; returned with ids."""
        with self._session(write=True) as session:
            rows = [CertificateRow(
                learner_id=c.learner_id, kind=c.kind, subject_id=c.subject_id,
                theme_id=c.theme_id, learner_name=c.learner_name, title=c.title,
                can_do="\n".join(c.can_do), issued_on=c.issued_on, location=c.location,
                signer=c.signer, language=c.language) for c in certificates]
            session.add_all(rows)
            session.flush()
            return [_certificate(row) for row in rows]

    def certificates(self, learner_id: str) -> list[Certificate]:
        with self._session() as session:
            rows = session.execute(
                select(CertificateRow)
                .where(CertificateRow.learner_id == learner_id)
                .order_by(CertificateRow.created_at)
            ).scalars()
            return [_certificate(row) for row in rows]

    # --- settings -----------------------------------------------------------------------
    def setting(self, key: str, default: str = "") -> str:
        with self._session() as session:
            row = session.get(SettingRow, key)
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        self.set_settings({key: value})

    def set_settings(self, values: dict[str, str]) -> None:
        """Several settings in one transaction: all of them are saved, or none."""
        with self._session(write=True) as session:
            for key, value in values.items():
                session.merge(SettingRow(key=key, value=value))


def _roll_back(session: Session) -> None:
    """Undo the half-done write; on a connection that is gone there is nothing to undo."""
    try:
        session.rollback()
    except SQLAlchemyError:
        session.invalidate()


def _connection_lost(error: SQLAlchemyError) -> bool:
    """The location database went away (stopped, network down): not the computer's disk."""
    if not isinstance(error, DBAPIError):
        return False
    from_server = "sqlite" not in type(getattr(error, "orig", None)).__module__
    return error.connection_invalidated or (
        from_server and isinstance(error, (OperationalError, InterfaceError)))


def _certificate(row: CertificateRow) -> Certificate:
    return Certificate(
        learner_name=row.learner_name, kind=row.kind, subject_id=row.subject_id,
        title=row.title, can_do=tuple(line for line in row.can_do.split("\n") if line),
        issued_on=row.issued_on, location=row.location, theme_id=row.theme_id,
        signer=row.signer, learner_id=row.learner_id, id=row.id, language=row.language,
    )
