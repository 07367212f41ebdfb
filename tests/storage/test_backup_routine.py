"""When backups are made and what follows: the evening's backup once a day after 17:00 local
time, the full integrity check before it, the second folder (also when it is unplugged),
the backup before a change that stops the change when it fails, and putting a backup back
under a running database."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from oefenplek import notices
from oefenplek.storage.backup_place import FILE_NAME, save_second_folder, second_folder
from oefenplek.storage.backup_routine import BackupRoutine, live_file, sqlite_file
from oefenplek.storage.backups import BEFORE_DELETE, NIGHT, START, list_backups
from oefenplek.storage.db import Database
from oefenplek.storage.errors import StorageError
from oefenplek.storage.learner_admin import LearnerAdmin
from oefenplek.storage.repository import Repository

from .test_backups import learner_names, location


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A moment given in this computer's local time, as the app's clock gives it (UTC)."""
    return datetime(year, month, day, hour, minute).astimezone().astimezone(UTC)


def damage(file: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk does."""
    size = file.stat().st_size
    with file.open("r+b") as handle:
        handle.seek(size // 2 // 4096 * 4096)
        handle.write(b"\xa5" * 8192)


def test_the_evening_backup_is_due_once_a_day_after_five(tmp_path: Path, home: Path) -> None:
    routine = BackupRoutine(location(tmp_path, ["Anna"]), home)
    assert not routine.night_due(local(2026, 3, 2, 16, 59))
    assert routine.night_due(local(2026, 3, 2, 17, 0))
    routine.make(START, local(2026, 3, 2, 17, 1))  # a start is no evening backup
    assert routine.night_due(local(2026, 3, 2, 17, 2))
    night = routine.night(local(2026, 3, 2, 17, 2))
    assert night.damage == "" and night.made is not None
    assert night.made.backup.reason == NIGHT
    assert not routine.night_due(local(2026, 3, 2, 23, 59))
    assert not routine.night_due(local(2026, 3, 3, 2, 0))  # after midnight: made already
    assert not routine.night_due(local(2026, 3, 3, 16, 0))
    assert routine.night_due(local(2026, 3, 3, 17, 10))


def test_a_damaged_database_is_told_and_not_backed_up(tmp_path: Path, home: Path) -> None:
    file = location(tmp_path, [f"Deelnemer {n}" for n in range(400)])
    damage(file)
    routine = BackupRoutine(file, home)
    night = routine.night(local(2026, 3, 2, 17, 5))
    assert night.made is None and night.damage
    assert list_backups(routine.folder) == []  # no damaged backup pushes a sound one out
    told = notices.read_notices()
    assert len(told) == 1 and "schade gevonden" in told[0] and str(file) in told[0]


def test_every_backup_goes_to_the_second_folder_when_it_is_there(
        tmp_path: Path, home: Path) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    home.mkdir(parents=True, exist_ok=True)
    assert second_folder(home) is None
    save_second_folder(home, stick)
    assert second_folder(home) == stick
    assert json.loads((home / FILE_NAME).read_text(encoding="utf-8")) == {"folder": str(stick)}
    routine = BackupRoutine(location(tmp_path, ["Anna"]), home)
    made = routine.make(START, local(2026, 3, 2, 9))
    assert made.copy == stick / made.backup.file.name and made.problem == ""
    assert learner_names(made.copy) == ["Anna"]
    assert stat.S_IMODE(made.copy.stat().st_mode) == 0o600  # a network share may be shared

    # The stick is out: the backup is made all the same, the coordinator is told once.
    stick.rename(tmp_path / "elsewhere")
    for hour in (10, 11):
        made = routine.make(START, local(2026, 3, 2, hour))
        assert made.copy is None and "niet te vinden" in made.problem
        assert made.backup.file.is_file()
    assert not stick.exists()  # its path was not made on this disk
    assert sum("niet te vinden" in line for line in notices.read_notices()) == 1

    save_second_folder(home, None)
    assert second_folder(home) is None and not (home / FILE_NAME).exists()
    (home / FILE_NAME).write_text("{not json", encoding="utf-8")
    assert second_folder(home) is None  # a broken file stops no backup


def test_no_backup_no_change(tmp_path: Path, home: Path) -> None:
    file = location(tmp_path, ["Anna", "Cor"])
    database = Database(f"sqlite:///{file}")
    try:
        home.mkdir(parents=True, exist_ok=True)
        (home / "backups").write_text("not a folder", encoding="utf-8")
        routine = BackupRoutine(live_file(database), home)
        with pytest.raises(StorageError) as refused:
            routine.before(BEFORE_DELETE, local(2026, 3, 2, 10))
        assert str(refused.value) == (
            "Er is niets veranderd: er kon eerst geen back-up worden gemaakt. Kijk of er "
            "ruimte op de schijf is en probeer het opnieuw.")
        assert "backups" in refused.value.detail
        (home / "backups").unlink()
        made = routine.before(BEFORE_DELETE, local(2026, 3, 2, 10))
        assert made is not None and made.backup.reason == BEFORE_DELETE
        assert stat.S_IMODE(made.backup.file.stat().st_mode) == 0o600
    finally:
        database.close()


def test_a_backup_is_put_back_under_the_running_database(tmp_path: Path, home: Path) -> None:
    file = location(tmp_path, ["Anna", "Cor"])
    database = Database(f"sqlite:///{file}")
    repository = Repository(database)
    admin = LearnerAdmin(repository)
    try:
        routine = BackupRoutine(live_file(database), home)
        made = routine.before(BEFORE_DELETE, local(2026, 3, 2, 10))
        assert made is not None
        [cor] = [learner.id for learner in repository.learners() if learner.name == "Cor"]
        admin.delete(cor)
        repository.add_learner("Bram", "hond")  # after the backup: in the WAL
        aside = routine.put_back(database, made.backup.file, local(2026, 3, 2, 10, 5))
        assert sorted(learner.name for learner in repository.learners()) == ["Anna", "Cor"]
        assert learner_names(aside) == ["Anna", "Bram"]  # whole, with what was in the WAL
        repository.add_learner("Dirk", "vis")  # the repository writes on as before
        assert learner_names(file) == ["Anna", "Cor", "Dirk"]
        with pytest.raises(StorageError, match="beschadigd"):
            broken = tmp_path / "oefenplek-20260302-110000-by-hand.sqlite3"
            broken.write_text("this is no database", encoding="utf-8")
            routine.put_back(database, broken, local(2026, 3, 2, 11))
        assert len(repository.learners()) == 3  # nothing closed or changed
    finally:
        database.close()


def test_only_the_embedded_database_has_backups_here(tmp_path: Path, home: Path) -> None:
    assert sqlite_file(f"sqlite:///{tmp_path / 'a.sqlite3'}") == tmp_path / "a.sqlite3"
    assert sqlite_file(f"sqlite:///file:{tmp_path / 'a.sqlite3'}?mode=ro&uri=true") == (
        tmp_path / "a.sqlite3")
    assert sqlite_file("postgresql://oefenplek:geheim@db.example:5432/oefenplek") is None
    routine = BackupRoutine(None, home)
    assert not routine.enabled and routine.before(BEFORE_DELETE, datetime.now(UTC)) is None
    assert not routine.night_due(local(2026, 3, 2, 18)) and routine.night(
        local(2026, 3, 2, 18)).made is None
    assert not (home / "backups").exists()
