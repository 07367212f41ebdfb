"""The quick look for the first screen lists the same learners, in the same order, as the
repository; anything unusual hands over to the normal start."""

from __future__ import annotations

from pathlib import Path

import pytest

from oefenplek.storage.db import Database, database_url
from oefenplek.storage.first_look import learners_at_start
from oefenplek.storage.learner_admin import LearnerAdmin
from oefenplek.storage.repository import Repository


def test_the_first_look_sees_what_the_repository_sees(tmp_path: Path) -> None:
    path = tmp_path / "oefenplek.sqlite3"
    database = Database(database_url(path))
    repository = Repository(database)
    names = ["Zoë", "Ahmed", "Bep", "Kees"]
    learners = [repository.add_learner(name, avatar)
                for name, avatar in zip(names, ["cat", "dog", "fish", "sun"], strict=True)]
    repository.start_visit(learners[2].id)  # Bep came in last: first on the picker
    LearnerAdmin(repository).archive(learners[3].id)  # Kees is archived: not shown
    database.close()
    database = Database(database_url(path))
    expected = Repository(database).learners()
    listed = Repository(database).learner_entries()  # the picker's list once the app runs
    database.close()
    seen = learners_at_start(path)
    assert seen is not None
    assert seen == [(learner.id, learner.name, learner.avatar) for learner in expected]
    assert listed == seen  # the same list: the tiles made at start are kept
    assert seen[0].name == "Bep" and "Kees" not in {
        learner.name for learner in seen}


def test_no_file_is_a_new_location_and_odd_files_start_normally(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert learners_at_start(tmp_path / "nothing.sqlite3") == []
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    assert learners_at_start(broken) is None
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert learners_at_start(empty) is None  # no schema revision: the normal start decides
    monkeypatch.setenv("OEFENPLEK_DATABASE_URL", "postgresql://localhost/oefenplek")
    assert learners_at_start(tmp_path / "nothing.sqlite3") is None


def test_a_computer_set_to_the_location_database_starts_normally(tmp_path: Path) -> None:
    from oefenplek.storage.location import LocationDatabase, save_location_database

    save_location_database(tmp_path, LocationDatabase("127.0.0.1", 5432, "plek", "u", "p"))
    assert learners_at_start(tmp_path / "oefenplek.sqlite3") is None
