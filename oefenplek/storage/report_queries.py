"""The facts a report needs for one period, fetched with a few set-based queries."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute

from oefenplek.core.reports import Facts, Period, RunFact, VisitFact
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
    start, end = utc_bounds(period)
    with repository._session() as session:
        last_activity = (
            select(AttemptRow.visit_id, func.max(AttemptRow.created_at).label("last"))
            .where(AttemptRow.created_at >= start, AttemptRow.created_at < end + timedelta(days=1))
            .group_by(AttemptRow.visit_id).subquery()
        )
        visits = [
            VisitFact(learner, started, ended, last, guide)
            for learner, started, ended, last, guide in session.execute(
                select(VisitRow.learner_id, VisitRow.started_at, VisitRow.ended_at,
                       last_activity.c.last, VisitRow.guided_by)
                .outerjoin(last_activity, last_activity.c.visit_id == VisitRow.id)
                .where(VisitRow.started_at >= start, VisitRow.started_at < end)
            ).all()
        ]
        for index, visit in enumerate(visits):  # the subquery's max() comes back naive
            if visit.last_activity is not None and visit.last_activity.tzinfo is None:
                visits[index] = VisitFact(visit.learner_id, visit.started_at, visit.ended_at,
                                          _as_utc(visit.last_activity), visit.guided_by)

        def runs(column: InstrumentedAttribute[datetime] | InstrumentedAttribute[datetime | None],
                 ) -> list[RunFact]:
            rows = session.execute(
                select(LessonRunRow.learner_id, LessonRunRow.lesson_id,
                       LessonRunRow.started_at, LessonRunRow.finished_at)
                .where(column >= start, column < end)
            ).all()
            return [RunFact(*row) for row in rows]

        started, finished = runs(LessonRunRow.started_at), runs(LessonRunRow.finished_at)
        helps = list(session.execute(
            select(HelpRequestRow.learner_id).where(
                HelpRequestRow.created_at >= start, HelpRequestRow.created_at < end,
                HelpRequestRow.learner_id.is_not(None))).scalars())
        certificates = list(session.execute(
            select(CertificateRow.learner_id).where(
                CertificateRow.issued_on >= period.start,
                CertificateRow.issued_on <= period.end)).scalars())
        first_visit = {
            learner: _as_utc(first) for learner, first in session.execute(
                select(VisitRow.learner_id, func.min(VisitRow.started_at))
                .where(VisitRow.learner_id.in_({v.learner_id for v in visits}))
                .group_by(VisitRow.learner_id)).all()
        } if visits else {}
        names = dict(session.execute(select(LearnerRow.id, LearnerRow.name)).all())
        staff = dict(session.execute(select(StaffRow.id, StaffRow.name)).all())
    return Facts(period, visits, started, finished, [h for h in helps if h], certificates,
                 first_visit, names, staff, lesson_themes, lesson_titles)


def _as_utc(value: datetime | str | date) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.combine(value, time.min, UTC)
