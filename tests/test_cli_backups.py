"""`oefenplek database backup [FOLDER]` and `oefenplek database restore FILE`: a backup and
back again from the command line, a damaged backup refused in one sentence, and on the
location database a pointer to pg_dump."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from oefenplek.cli import main
from oefenplek.storage.backups import BY_HAND, list_backups
from oefenplek.storage.db import Database, database_url
from oefenplek.storage.repository import Repository

PG_DUMP = ("De gegevens van de deelnemers staan in de locatiedatabase. De back-ups daarvan "
           "maakt de IT-beheerder op de server, met pg_dump (zie de README, The location "
           "database (for IT)).\n")


def add_learners(home: Path, *names: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    database = Database(database_url(home))
    repository = Repository(database)
    for name in names:
        repository.start_visit(repository.add_learner(name, "kat").id)
    database.close()


def names(file: Path) -> list[str]:
    connection = sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM learner ORDER BY name")]
    finally:
        connection.close()


def test_a_backup_and_back_again(home: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    add_learners(home, "Anna", "Fatima")
    assert main(["database", "backup"]) == 0
    out, err = capsys.readouterr()
    [made] = list_backups(home / "backups")
    assert made.reason == BY_HAND
    assert out == f"Back-up gemaakt: {made.file} (2 deelnemers).\n" and err == ""

    # Into a folder of one's own (a USB stick): just the backup.
    stick = tmp_path / "stick"
    assert main(["database", "backup", str(stick)]) == 0
    out, _err = capsys.readouterr()
    [copy] = list(stick.iterdir())
    assert out == f"Back-up gemaakt: {copy} (2 deelnemers).\n"
    assert names(copy) == ["Anna", "Fatima"]

    add_learners(home, "Jan")
    live = home / "oefenplek.sqlite3"
    assert main(["database", "restore", str(made.file)]) == 0
    out, err = capsys.readouterr()
    [kept] = list(home.glob("oefenplek.before-restore-*.sqlite3"))
    assert out == (f"De back-up is teruggezet in {live}: 2 deelnemers.\n"
                   f"De gegevens van daarvoor staan apart in {kept}. Wil je dit ongedaan "
                   "maken? Zet dat bestand dan op dezelfde manier terug.\n")
    assert err == ""
    assert names(live) == ["Anna", "Fatima"] and names(kept) == ["Anna", "Fatima", "Jan"]


def test_a_damaged_backup_is_refused_in_one_sentence(
        home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_learners(home, "Anna")
    broken = tmp_path / "oefenplek-20260302-170000-night.sqlite3"
    broken.write_text("geen database", encoding="utf-8")
    assert main(["database", "restore", str(broken)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "Deze back-up is beschadigd en kan niet worden teruggezet. Kies een andere.\n"
    assert names(home / "oefenplek.sqlite3") == ["Anna"]
    assert not list(home.glob("oefenplek.before-restore-*"))
    assert main(["database", "restore", str(tmp_path / "nergens.sqlite3")]) == 1
    assert capsys.readouterr().err == f"Het bestand {tmp_path / 'nergens.sqlite3'} bestaat niet.\n"


def test_nothing_to_back_up_yet(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["database", "backup"]) == 1
    assert capsys.readouterr().err.startswith("Er is nog geen bestand met voortgang op ")
    assert not (home / "backups").exists()


def test_the_location_database_is_backed_up_by_it(
        home: Path, tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("OEFENPLEK_DATABASE_URL", postgres_url)
    assert main(["database", "backup"]) == 1
    assert capsys.readouterr() == ("", PG_DUMP)
    backup = tmp_path / "oefenplek-20260302-170000-night.sqlite3"
    backup.write_text("", encoding="utf-8")
    assert main(["database", "restore", str(backup)]) == 1
    assert capsys.readouterr() == ("", PG_DUMP)
    assert not (home / "backups").exists()
