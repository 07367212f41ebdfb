"""The repository stores facts and hands back plain records."""

from __future__ import annotations

from oefenplek.core.engine import Outcome
from oefenplek.storage.db import Database
from oefenplek.storage.repository import Repository


def make(database_url: str) -> Repository:
    """On SQLite and on PostgreSQL (the `database_url` fixture in conftest.py)."""
    return Repository(Database(database_url))


def test_learners_recently_seen_come_first(database_url: str) -> None:
    repository = make(database_url)
    anna = repository.add_learner("Anna", "cat")
    bram = repository.add_learner("Bram", "dog")
    repository.start_visit(anna.id)
    assert [learner.name for learner in repository.learners()] == ["Anna", "Bram"]
    assert repository.learner(bram.id) == bram


def test_a_run_remembers_lesson_version_position_and_attempts(database_url: str) -> None:
    repository = make(database_url)
    learner = repository.add_learner("Anna", "cat")
    visit = repository.start_visit(learner.id)
    run = repository.start_run(learner.id, "wifi-aanzetten", 3)
    repository.record_attempt(run.id, 1, "tap", Outcome.WRONG, "10,20", visit)
    repository.record_attempt(run.id, 1, "tap", Outcome.WRONG, "30,20", visit)
    repository.record_attempt(run.id, 1, "tap", Outcome.CORRECT, "300,200", visit)
    repository.move_run(run.id, 2)
    [stored] = repository.runs(learner.id)
    assert (stored.lesson_id, stored.lesson_version, stored.position) == ("wifi-aanzetten", 3, 2)
    assert stored.started_at.tzinfo is not None
    assert repository.wrong_tries(run.id) == {1: 2}
    assert [a[1] for a in repository.attempts(run.id)] == ["wrong", "wrong", "correct"]
    repository.finish_run(run.id)
    assert repository.runs(learner.id)[0].finished_at is not None
    repository.end_visit(visit)


def test_preferences_are_kept_per_learner(database_url: str) -> None:
    from oefenplek.core.learners import Preferences

    repository = make(database_url)
    anna = repository.add_learner("Anna", "cat")
    bram = repository.add_learner("Bram", "dog")
    repository.set_preferences(anna.id, Preferences(200, True, True, False))
    assert repository.learner(anna.id).preferences == Preferences(200, True, True, False)
    assert repository.learner(bram.id).preferences == Preferences()


def test_help_requests_stay_open_until_handled(database_url: str) -> None:
    repository = make(database_url)
    anna = repository.add_learner("Anna", "cat")
    run = repository.start_run(anna.id, "wifi-android", 1)
    request = repository.ask_help(anna.id, run.id, "wifi-android", 4)
    assert repository.open_help_requests() == [(request, anna.id, "wifi-android", 4)]
    repository.handle_help_request(request)
    assert repository.open_help_requests() == []
