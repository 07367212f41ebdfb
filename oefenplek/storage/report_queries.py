"""The facts a report needs for one period, fetched with a few set-based queries."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import InstrumentedAttribute

from oefenplek.core.engine import Outcome
from oefenplek.core.lessons.model import ANSWERED_KINDS
from oefenplek.core.reports import Facts, Period, VisitFact
from oefenplek.storage.models import (
    AttemptRow,
    CertificateRow,
    HelpRequestRow,
    LearnerRow,
    LessonRunRow,
    StaffRow,
    VisitRow,
)
from oefenplek.storage.repository import Repository


def utc_bounds(period: Period) -> tuple[datetime, datetime]:
    """The period's local days as UTC times: [start, end)."""
    zone = datetime.now().astimezone().tzinfo
    start = datetime.combine(period.start, time.min, zone).astimezone(UTC)
    end = datetime.combine(period.end + timedelta(days=1), time.min, zone).astimezone(UTC)
    return start, end


def report_facts(repository: Repository, period: Period, lesson_themes: dict[str, str],
                 lesson_titles: dict[str, str]) -> Facts:
    """A fixed number of queries, whatever the size of the location: none per learner or
    per visit.

    Only the period's visits come back row by row (their length, month and volunteer are
    counted in core.reports); runs, help requests and certificates are counted by the
    database. A visit's last activity is its latest answer, looked up through the index on
    (visit_id, created_at) for the period's visits only, instead of grouping every answer.
    """
    start, end = utc_bounds(period)
    in_period = (VisitRow.started_at >= start, VisitRow.started_at < end)
    with repository._session() as session:
        last_activity = (select(func.max(AttemptRow.created_at))
                         .where(AttemptRow.visit_id == VisitRow.id)
                         .correlate(VisitRow).scalar_subquery())
        visits = [
            VisitFact(learner, started, ended,
                      None if last is None else _as_utc(last), guide)
            for learner, started, ended, last, guide in session.execute(
                select(VisitRow.learner_id, VisitRow.started_at, VisitRow.ended_at,
                       last_activity, VisitRow.guided_by).where(*in_period)
            ).all()
        ]

        def count(key: InstrumentedAttribute[str] | InstrumentedAttribute[str | None],
                  *where: ColumnElement[bool]) -> dict[str, int]:
            return {group: n for group, n in session.execute(
                select(key, func.count()).where(*where).group_by(key)).all()
                if group is not None}

        def runs(column: InstrumentedAttribute[datetime] | InstrumentedAttribute[datetime | None],
                 key: InstrumentedAttribute[str]) -> dict[str, int]:
            return count(key, column >= start, column < end)

        started_by_learner = runs(LessonRunRow.started_at, LessonRunRow.learner_id)
        started_by_lesson = runs(LessonRunRow.started_at, LessonRunRow.lesson_id)
        finished_by_learner = runs(LessonRunRow.finished_at, LessonRunRow.learner_id)
        finished_by_lesson = runs(LessonRunRow.finished_at, LessonRunRow.lesson_id)
        helps = count(HelpRequestRow.learner_id, HelpRequestRow.created_at >= start,
                      HelpRequestRow.created_at < end)
        certificates = count(CertificateRow.learner_id, CertificateRow.issued_on >= period.start,
                             CertificateRow.issued_on <= period.end)
        visitors = select(VisitRow.learner_id).where(*in_period)
        first_visit = {
            learner: _as_utc(first) for learner, first in session.execute(
                select(VisitRow.learner_id, func.min(VisitRow.started_at))
                .where(VisitRow.learner_id.in_(visitors))
                .group_by(VisitRow.learner_id)).all()
        }
        answers = {
            bool(guided): (int(right or 0), int(total)) for guided, right, total in
            session.execute(
                select(AttemptRow.guided,
                       func.sum(case((AttemptRow.outcome == Outcome.CORRECT.value, 1),
                                     else_=0)),
                       func.count())
                .join(VisitRow, VisitRow.id == AttemptRow.visit_id)
                .where(*in_period, AttemptRow.step_kind.in_(sorted(ANSWERED_KINDS)))
                .group_by(AttemptRow.guided)).all()}
        learners = session.execute(
            select(LearnerRow.id, LearnerRow.name, LearnerRow.language)).all()
        names = {learner: name for learner, name, _language in learners}
        languages = {learner: language for learner, _name, language in learners}
        staff = dict(session.execute(select(StaffRow.id, StaffRow.name)).all())
    return Facts(period, visits, started_by_learner, started_by_lesson, finished_by_learner,
                 finished_by_lesson, helps, certificates, first_visit, names, staff,
                 lesson_themes, lesson_titles, answers.get(True, (0, 0)),
                 answers.get(False, (0, 0)), languages)


def _as_utc(value: datetime | str | date) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.combine(value, time.min, UTC)
