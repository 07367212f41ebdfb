"""`oefenplek database copy --to URL`: this computer's learners into the location database,
said in plain words, never with the password."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from oefenplek.cli import main
from oefenplek.storage.db import Database, database_url
from oefenplek.storage.location import LocationDatabase
from oefenplek.storage.repository import Repository


def test_copy_fills_the_location_database_once(home: Path, postgres_url: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    home.mkdir(parents=True, exist_ok=True)
    database = Database(database_url(home))
    repository = Repository(database)
    learner = repository.add_learner("Fatima", "cat")
    repository.start_visit(learner.id)
    database.close()
    password = LocationDatabase.from_url(postgres_url).password
    secrets = (password, unquote(password), postgres_url)

    assert main(["database", "copy", "--to", postgres_url]) == 0
    out, err = capsys.readouterr()
    assert "learner: 1" in out and "visit: 1" in out and err == ""
    assert "gekopieerd" in out and "oefenplek.sqlite3" in out
    assert [learner.name for learner in Repository(Database(postgres_url)).learners()] == [
        "Fatima"]

    assert main(["database", "copy", "--to", postgres_url]) == 1  # not empty any more
    out, err = capsys.readouterr()
    assert out == "" and "lege database" in err and err.count("\n") == 1
    for secret in secrets:
        assert secret not in out + err
