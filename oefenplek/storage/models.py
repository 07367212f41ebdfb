"""Database tables. Progress is kept as facts (visits, runs, attempts); statuses are derived.

Ids are UUID strings and times are UTC, so records made on two computers can be merged.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import DateTime, TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, hands back aware UTC datetimes (SQLite keeps no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("times must carry a time zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class LearnerRow(Base):
    __tablename__ = "learner"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(80))
    avatar: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(10), default="nl")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    archived_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    # How this learner sees and hears best (chosen with pictures, remembered per learner).
    text_scale: Mapped[int] = mapped_column(default=100, server_default="100")
    high_contrast: Mapped[bool] = mapped_column(default=False, server_default="0")
    read_aloud_auto: Mapped[bool] = mapped_column(default=False, server_default="0")
    speech_slow: Mapped[bool] = mapped_column(default=True, server_default="1")
    #: "nl", "own" or "both" (Dutch with the learner's language under it): core.learners.
    language_mode: Mapped[str] = mapped_column(String(10), default="both",
                                               server_default="both")
    # Optional, only when the location switches them on for funder reporting.
    birth_year: Mapped[int | None] = mapped_column(default=None)
    postcode: Mapped[str | None] = mapped_column(String(4), default=None)
    first_language: Mapped[str | None] = mapped_column(String(40), default=None)
    gender: Mapped[str | None] = mapped_column(String(20), default=None)

    runs: Mapped[list[LessonRunRow]] = relationship(
        back_populates="learner", cascade="all, delete-orphan", passive_deletes=True
    )


class VisitRow(Base):
    """One time a learner came to practise (from picking their tile until they leave)."""

    __tablename__ = "visit"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    learner_id: Mapped[str] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    guided_by: Mapped[str | None] = mapped_column(
        ForeignKey("staff.id", ondelete="SET NULL"), default=None
    )
    computer: Mapped[str | None] = mapped_column(String(40), default=None)  # where they sit

    __table_args__ = (
        Index("ix_visit_learner_started", "learner_id", "started_at"),
        Index("ix_visit_started", "started_at"),
    )


class LessonRunRow(Base):
    """A learner working through one version of one lesson."""

    __tablename__ = "lesson_run"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    learner_id: Mapped[str] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"))
    lesson_id: Mapped[str] = mapped_column(String(80))
    lesson_version: Mapped[int]
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    position: Mapped[int] = mapped_column(default=0)  # 0-based step the learner stands on
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)

    learner: Mapped[LearnerRow] = relationship(back_populates="runs")
    attempts: Mapped[list[AttemptRow]] = relationship(
        back_populates="run", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        Index("ix_run_learner_lesson", "learner_id", "lesson_id"),
        Index("ix_run_started", "started_at"),
        Index("ix_run_finished", "finished_at"),
    )


class AttemptRow(Base):
    """One answer on one step: what it was and when."""

    __tablename__ = "attempt"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    run_id: Mapped[str] = mapped_column(ForeignKey("lesson_run.id", ondelete="CASCADE"))
    visit_id: Mapped[str | None] = mapped_column(
        ForeignKey("visit.id", ondelete="SET NULL"), default=None
    )
    step_index: Mapped[int]
    step_kind: Mapped[str] = mapped_column(String(20))
    # False for an answer in a lesson's *Nu zelf* part, where the text does not name the
    # button: progress and reports count those successes apart.
    guided: Mapped[bool] = mapped_column(default=True, server_default="1")
    outcome: Mapped[str] = mapped_column(String(20))
    answer: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    run: Mapped[LessonRunRow] = relationship(back_populates="attempts")

    __table_args__ = (
        Index("ix_attempt_run_step", "run_id", "step_index"),
        # A visit's answers in order; with what a report counts of each (migration 0009).
        Index("ix_attempt_visit", "visit_id", "created_at", "step_kind", "guided", "outcome"),
    )


class HelpRequestRow(Base):
    """A learner pressed Hulp: the volunteer view shows it until it is handled."""

    __tablename__ = "help_request"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    learner_id: Mapped[str | None] = mapped_column(
        ForeignKey("learner.id", ondelete="CASCADE"), default=None
    )
    run_id: Mapped[str | None] = mapped_column(
        ForeignKey("lesson_run.id", ondelete="SET NULL"), default=None
    )
    lesson_id: Mapped[str | None] = mapped_column(String(80), default=None)
    step_index: Mapped[int | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    handled_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    computer: Mapped[str | None] = mapped_column(String(40), default=None)  # where to walk

    __table_args__ = (Index("ix_help_open", "handled_at", "created_at"),)


class CertificateRow(Base):
    """A certificate handed out, with everything it showed, so a reprint is the same paper."""

    __tablename__ = "certificate"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    learner_id: Mapped[str] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    subject_id: Mapped[str] = mapped_column(String(80))
    theme_id: Mapped[str] = mapped_column(String(80))
    learner_name: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(200))
    can_do: Mapped[str] = mapped_column(Text)  # one line per sentence
    #: The language the certificate speaks, so a reprint is the same paper.
    language: Mapped[str] = mapped_column(String(10), default="nl", server_default="nl")
    issued_on: Mapped[date] = mapped_column(Date)
    location: Mapped[str] = mapped_column(String(200))
    signer: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (Index("ix_certificate_learner", "learner_id", "issued_on"),)


class SettingRow(Base):
    """A setting of this location (its name, for certificates and reports)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class StaffRow(Base):
    """A volunteer or coordinator. The PIN is kept only as a salted scrypt hash."""

    __tablename__ = "staff"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(20))
    pin_salt: Mapped[str] = mapped_column(String(64))
    pin_hash: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
