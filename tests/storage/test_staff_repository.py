"""The volunteer's overview: the right records, from a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from oefenplek.core.engine import Outcome
from oefenplek.storage.db import Database
from oefenplek.storage.models import AttemptRow, HelpRequestRow, LessonRunRow, VisitRow
from oefenplek.storage.repository import Repository
from oefenplek.storage.staff_repository import HereToday, StaffRepository, StuckStep

TODAY = datetime(2026, 11, 22, tzinfo=UTC)  # start of the day the overview shows


def make(database_url: str) -> tuple[Database, Repository, StaffRepository]:
    database = Database(database_url)
    repository = Repository(database)
    return database, repository, StaffRepository(database, repository)


def add(database: Database, *rows: object) -> None:
    """Facts with the times a test needs (the repository stamps 'now')."""
    with database.session() as session:
        session.add_all(rows)
        session.commit()


def at(hours: float) -> datetime:
    return TODAY + timedelta(hours=hours)


def test_the_overview_names_who_is_in_where_they_are_and_who_waits(database_url: str) -> None:
    database, repository, staff = make(database_url)
    anna, bram, cor, dewi = (repository.add_learner(name, "cat")
                             for name in ("Anna", "Bram", "Cor", "Dewi"))
    add(database,
        VisitRow(id="a0", learner_id=anna.id, started_at=at(-20), ended_at=at(-19)),
        VisitRow(id="a1", learner_id=anna.id, started_at=at(9), ended_at=at(10)),
        VisitRow(id="a2", learner_id=anna.id, started_at=at(11)),  # the latest visit counts
        VisitRow(id="b1", learner_id=bram.id, started_at=at(10), ended_at=at(12)),
        VisitRow(id="c1", learner_id=cor.id, started_at=at(-5)),  # yesterday: not in
        VisitRow(id="d1", learner_id=dewi.id, started_at=at(12)),
        LessonRunRow(learner_id=anna.id, lesson_id="old-busy", lesson_version=1,
                     started_at=at(-70), position=3),
        LessonRunRow(learner_id=anna.id, lesson_id="wifi", lesson_version=1,
                     started_at=at(11.5), position=4),
        LessonRunRow(learner_id=anna.id, lesson_id="yesterday", lesson_version=1,
                     started_at=at(-20), position=5, finished_at=at(-19.5)),
        LessonRunRow(learner_id=anna.id, lesson_id="second", lesson_version=1,
                     started_at=at(9.1), position=5, finished_at=at(10.5)),
        LessonRunRow(learner_id=anna.id, lesson_id="first", lesson_version=1,
                     started_at=at(9.2), position=5, finished_at=at(9.5)),
        LessonRunRow(learner_id=cor.id, lesson_id="wifi", lesson_version=1,
                     started_at=at(-5), position=1),
        HelpRequestRow(id="h-bram", learner_id=bram.id, created_at=at(11.9)),
        HelpRequestRow(id="h-bram-done", learner_id=bram.id, created_at=at(10.1),
                       handled_at=at(10.2)),
        HelpRequestRow(id="h-dewi-old", learner_id=dewi.id, created_at=at(12.1)),
        HelpRequestRow(id="h-dewi", learner_id=dewi.id, created_at=at(12.2)),
        HelpRequestRow(id="h-cor", learner_id=cor.id, created_at=at(-4)))
    assert staff.here_today(TODAY) == [
        HereToday(bram.id, "Bram", "cat", at(10), at(12), None, None, at(11.9), "h-bram", ()),
        HereToday(dewi.id, "Dewi", "cat", at(12), None, None, None, at(12.2), "h-dewi", ()),
        HereToday(anna.id, "Anna", "cat", at(11), None, "wifi", 4, None, None,
                  ("first", "second")),
    ]
    assert staff.here_today(at(24)) == []


def test_where_it_was_hard_is_counted_per_step_newest_first(database_url: str) -> None:
    database, repository, staff = make(database_url)
    anna, bram = repository.add_learner("Anna", "cat"), repository.add_learner("Bram", "dog")
    add(database,
        LessonRunRow(id="r1", learner_id=anna.id, lesson_id="wifi", lesson_version=1,
                     started_at=at(1)),
        LessonRunRow(id="r2", learner_id=anna.id, lesson_id="wifi", lesson_version=2,
                     started_at=at(2)),
        LessonRunRow(id="r3", learner_id=anna.id, lesson_id="digid", lesson_version=1,
                     started_at=at(3)),
        LessonRunRow(id="r4", learner_id=bram.id, lesson_id="wifi", lesson_version=1,
                     started_at=at(3)))
    for run_id, step, outcome, hours in (
            ("r1", 1, Outcome.WRONG, 1.1), ("r1", 1, Outcome.CORRECT, 1.2),
            ("r2", 1, Outcome.WRONG, 2.1), ("r2", 1, Outcome.HELPED, 2.2),
            ("r2", 4, Outcome.WRONG, 2.3), ("r3", 0, Outcome.SKIPPED, 3.1),
            ("r3", 2, Outcome.HELPED, 3.2), ("r4", 1, Outcome.WRONG, 4)):
        add(database, AttemptRow(run_id=run_id, step_index=step, step_kind="tap",
                                 outcome=outcome.value, created_at=at(hours)))
    assert staff.stuck_steps(anna.id) == [
        StuckStep("digid", 2, 0, 1, at(3.2)),
        StuckStep("wifi", 4, 1, 0, at(2.3)),
        StuckStep("wifi", 1, 2, 1, at(2.2)),  # both versions of the lesson together
    ]


def fill(database: Database, repository: Repository, present: int) -> None:
    """`present` learners in today, each busy with a lesson, with answers and some help."""
    for n in range(present):
        learner = repository.add_learner(f"Deelnemer {n}", "cat")
        add(database,
            VisitRow(id=f"v{n}", learner_id=learner.id, started_at=at(9 + n / 60)),
            LessonRunRow(id=f"done{n}", learner_id=learner.id, lesson_id="wifi",
                         lesson_version=1, started_at=at(9), finished_at=at(9.5)),
            LessonRunRow(id=f"busy{n}", learner_id=learner.id, lesson_id="digid",
                         lesson_version=1, started_at=at(10), position=2),
            AttemptRow(run_id=f"busy{n}", visit_id=f"v{n}", step_index=1, step_kind="tap",
                       outcome="wrong", created_at=at(10.1)))
        if n % 3 == 0:
            repository.ask_help(learner.id, f"busy{n}", "digid", 2)


@contextmanager
def statements(database: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
        seen.append(sql)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", count)


def refresh_statements(database_url: str, present: int) -> list[str]:
    """The statements of one overview refresh: who is in, and who could start a visit."""
    database, repository, staff = make(database_url)
    fill(database, repository, present)
    staff.here_today(TODAY)  # the first refresh also opens the connection
    with statements(database) as seen:
        here = staff.here_today(TODAY)
        learners = repository.learners()
    assert len(here) == len(learners) == present
    assert all(one.lesson_id == "digid" and one.finished_today == ("wifi",) for one in here)
    assert sum(one.help_request_id is not None for one in here) == (present + 2) // 3
    return seen


@pytest.fixture
def second_database_url(database_url: str, tmp_path: Path,
                        request: pytest.FixtureRequest) -> Iterator[str]:
    """Another empty database of the same kind as `database_url`."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'second.sqlite3'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


def test_a_refresh_asks_the_same_few_questions_for_3_or_30_learners(
        database_url: str, second_database_url: str) -> None:
    few = refresh_statements(database_url, 3)
    many = refresh_statements(second_database_url, 30)
    assert len(few) == len(many) <= 5
    assert few == many  # the very same statements: nothing is asked per learner


def test_a_learners_answers_count_guided_and_alone_apart(database_url: str) -> None:
    """Through the real write path (record_attempt), on SQLite and PostgreSQL."""
    from oefenplek.core.progress import Success, success_by_lesson

    database, repository, staff = make(database_url)
    learner = repository.add_learner("Amal", "vlinder")
    other = repository.add_learner("Bram", "boot")
    run = repository.start_run(learner.id, "wifi-android", 2)
    answers = [(1, "tap", Outcome.CORRECT, True), (2, "tap", Outcome.WRONG, True),
               (2, "tap", Outcome.CORRECT, True), (5, "practise", Outcome.CORRECT, True),
               (8, "tap", Outcome.WRONG, False), (8, "tap", Outcome.CORRECT, False),
               (9, "type", Outcome.CORRECT, False)]
    for step, kind, outcome, guided in answers:
        repository.record_attempt(run.id, step, kind, outcome, guided=guided)
    elsewhere = repository.start_run(other.id, "wifi-android", 2)
    repository.record_attempt(elsewhere.id, 8, "tap", Outcome.CORRECT, guided=False)

    facts = staff.answers(learner.id)
    assert [(f.step_index, f.guided, f.correct) for f in facts] == [
        (1, True, True), (2, True, False), (2, True, True), (8, False, False),
        (8, False, True), (9, False, True)]  # the practise step is no answer to count
    assert success_by_lesson(facts) == {"wifi-android": Success(1, 2, 1, 2)}
    database.close()
