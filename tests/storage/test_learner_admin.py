"""The coordinator's AVG duties leave exactly what they should in the database."""

from __future__ import annotations

import json
from datetime import date

from oefenplek.core.certificates import Certificate
from oefenplek.core.engine import Outcome
from oefenplek.storage.db import Database
from oefenplek.storage.learner_admin import LearnerAdmin
from oefenplek.storage.repository import Repository


def setup(database_url: str) -> tuple[Repository, LearnerAdmin, str]:
    repository = Repository(Database(database_url))
    learner = repository.add_learner("Fatima", "cat")
    visit = repository.start_visit(learner.id)
    run = repository.start_run(learner.id, "wifi-android", 1)
    repository.record_attempt(run.id, 1, "tap", Outcome.WRONG, "1,1", visit)
    repository.record_attempt(run.id, 1, "tap", Outcome.CORRECT, "5,5", visit)
    repository.ask_help(learner.id, run.id, "wifi-android", 1)
    repository.issue_certificates([Certificate(
        "Fatima", "lesson", "wifi-android", "Wifi", ("Ik kan wifi.",), date(2026, 11, 22),
        "Bieb", "internet", learner_id=learner.id)])
    return repository, LearnerAdmin(repository), learner.id


def count(repository: Repository, table: str) -> int:
    with repository.database.engine.connect() as connection:
        return int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0)


def test_delete_leaves_nothing(database_url: str) -> None:
    repository, admin, learner_id = setup(database_url)
    admin.delete(learner_id)
    for table in ("learner", "visit", "lesson_run", "attempt", "help_request", "certificate"):
        assert count(repository, table) == 0, table


def test_anonymise_removes_name_and_picture_and_keeps_the_numbers(database_url: str) -> None:
    repository, admin, learner_id = setup(database_url)
    admin.anonymise(learner_id)
    with repository.database.engine.connect() as connection:
        name, avatar = connection.exec_driver_sql("SELECT name, avatar FROM learner").one()
        on_certificates = connection.exec_driver_sql(
            "SELECT learner_name FROM certificate").scalar()
    assert (name, avatar, on_certificates) == ("", "", "")
    assert count(repository, "attempt") == 2 and count(repository, "lesson_run") == 1
    assert repository.learners() == []  # hidden from the picker


def test_merge_moves_everything_to_one_tile(database_url: str) -> None:
    repository, admin, learner_id = setup(database_url)
    second = repository.add_learner("Fatima B", "dog")
    repository.start_run(second.id, "tablet-tikken", 1)
    admin.merge(learner_id, second.id)
    assert [learner.name for learner in repository.learners()] == ["Fatima"]
    assert {run.lesson_id for run in repository.runs(learner_id)} == {
        "wifi-android", "tablet-tikken"}


def test_archive_hides_and_the_export_holds_everything(database_url: str) -> None:
    repository, admin, learner_id = setup(database_url)
    admin.archive(learner_id)
    assert repository.learners() == []
    data = json.loads(admin.export_json(learner_id))
    assert data["learner"]["name"] == "Fatima"
    assert [a["outcome"] for a in data["answers"]] == ["wrong", "correct"]
    assert data["help_requests"][0]["step"] == 2
    assert data["certificates"][0]["title"] == "Wifi"
