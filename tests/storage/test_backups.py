"""Backups of the embedded database: whole while written to, kept by the calendar rule over
400 simulated days, read without changes, and put back with the current file kept aside."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from oefenplek.storage import backups
from oefenplek.storage.backups import (
    BY_HAND,
    NIGHT,
    START,
    contents,
    list_backups,
    make_backup,
    newest_sound,
    prune,
    restore,
)
from oefenplek.storage.db import Database
from oefenplek.storage.errors import StorageError
from oefenplek.storage.repository import Repository

from ..gui.disks import full_disk

NOW = datetime(2026, 12, 2, 17, 2, tzinfo=UTC)


def location(folder: Path, names: list[str]) -> Path:
    """A real oefenplek database with these learners, each with one visit."""
    file = folder / "oefenplek.sqlite3"
    database = Database(f"sqlite:///{file}")
    repository = Repository(database)
    for name in names:
        learner = repository.add_learner(name, "kat")
        repository.start_visit(learner.id, "Balie-1")
    database.close()
    return file


def learner_names(file: Path) -> list[str]:
    with sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM learner ORDER BY name")]
    connection.close()
    return names


def test_a_backup_made_during_a_lesson_is_whole_and_private(tmp_path: Path) -> None:
    file = location(tmp_path, ["Anna", "Fatima"])
    folder = tmp_path / "backups"
    database = Database(f"sqlite:///{file}")
    repository = Repository(database)
    try:
        learner = repository.add_learner("Jan", "boom")  # written to the WAL, not the file
        run = repository.start_run(learner.id, "proefles", 1)
        made = make_backup(file, folder, START, NOW)
        repository.move_run(run.id, 2)  # and the lesson goes on
    finally:
        database.close()
    assert made.file.name == "oefenplek-20261202-170200-start.sqlite3"
    assert stat.S_IMODE(made.file.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert learner_names(made.file) == ["Anna", "Fatima", "Jan"]
    found = contents(made.file)
    assert (found.learners, found.sound) == (3, True)
    assert found.last_activity is not None and found.last_activity.date() == date.today()
    assert [p.name for p in folder.iterdir()] == [made.file.name]  # no partial file left
    again = make_backup(file, folder, BY_HAND, NOW)  # the same second: the next one
    assert again.file.name == "oefenplek-20261202-170201-by-hand.sqlite3"


def test_four_hundred_days_of_starts_keep_what_the_rule_says(tmp_path: Path) -> None:
    """Each simulated day: a start at 09:00 and the nightly one at 17:30, then pruning."""
    file = location(tmp_path, ["Anna"])
    folder = tmp_path / "backups"
    first = datetime(2025, 10, 29, tzinfo=UTC)
    for day in range(400):
        morning = first + timedelta(days=day, hours=9)
        make_backup(file, folder, START, morning)
        prune(folder, morning)
        evening = morning + timedelta(hours=8, minutes=30)
        make_backup(file, folder, NIGHT, evening)
        prune(folder, evening)
    now = first + timedelta(days=399, hours=17, minutes=30)
    kept = list_backups(folder)
    days = {backup.made_at.date() for backup in kept}
    today = now.date()
    # Today's both; then one for each of the last 7 days.
    assert [b.reason for b in kept if b.made_at.date() == today] == [NIGHT, START]
    assert all(today - timedelta(days=n) in days for n in range(7))
    # One for each week of the last 2 months, one for each month of the last year.
    weeks = {b.made_at.isocalendar()[:2] for b in kept}
    for n in range(8):
        assert (today - timedelta(weeks=n)).isocalendar()[:2] in weeks
    months = {(b.made_at.year, b.made_at.month) for b in kept}
    for n in range(12):
        month = (today.year * 12 + today.month - 1 - n)
        assert (month // 12, month % 12 + 1) in months
    # And no more than that: the oldest is within a year, and there are few.
    assert now - kept[-1].made_at < timedelta(days=366)
    assert len(kept) <= 2 + 7 + 9 + 13
    assert {p.name for p in folder.iterdir()} == {b.file.name for b in kept}


def test_a_location_closed_for_a_year_keeps_its_last_backup(tmp_path: Path) -> None:
    file = location(tmp_path, ["Anna"])
    folder = tmp_path / "backups"
    make_backup(file, folder, NIGHT, NOW)
    assert prune(folder, NOW + timedelta(days=800)) == []
    assert len(list_backups(folder)) == 1


@pytest.mark.parametrize("reason", [START, NIGHT, BY_HAND, backups.BEFORE_DELETE])
def test_a_restore_gives_everything_back_and_can_be_undone(tmp_path: Path, reason: str
                                                           ) -> None:
    file = location(tmp_path, ["Anna", "Fatima"])
    made = make_backup(file, tmp_path / "backups", reason, NOW)
    database = Database(f"sqlite:///{file}")
    Repository(database).add_learner("Later", "boom")  # after the backup
    database.close()
    kept = restore(made.file, file, NOW + timedelta(hours=1))
    assert learner_names(file) == ["Anna", "Fatima"]
    assert learner_names(kept) == ["Anna", "Fatima", "Later"]  # the restore can be undone
    assert kept.name == "oefenplek.before-restore-20261202-180200.sqlite3"
    assert learner_names(made.file) == ["Anna", "Fatima"]  # the backup itself unchanged
    reopened = Database(f"sqlite:///{file}")  # the app opens it as its own again
    assert [learner.name for learner in Repository(reopened).learners()] == ["Fatima", "Anna"]
    reopened.close()


def test_a_damaged_backup_is_never_put_back_and_the_newest_sound_one_is_found(
        tmp_path: Path) -> None:
    file = location(tmp_path, ["Anna", "Fatima"])
    folder = tmp_path / "backups"
    good = make_backup(file, folder, START, NOW)
    bad = make_backup(file, folder, NIGHT, NOW + timedelta(hours=2))
    with bad.file.open("r+b") as handle:  # pages in the middle overwritten
        handle.seek(4096)
        handle.write(os.urandom(8192))
    assert not contents(bad.file).sound
    found = newest_sound(folder)
    assert found is not None and found[0] == good and found[1].learners == 2
    before = file.read_bytes()
    with pytest.raises(StorageError) as refused:
        restore(bad.file, file, NOW)
    assert str(refused.value) == ("Deze back-up is beschadigd en kan niet worden "
                                  "teruggezet. Kies een andere.")
    assert file.read_bytes() == before
    (folder / "notes.txt").write_text("not a backup", encoding="utf-8")
    assert [b.file for b in list_backups(folder)] == [bad.file, good.file]


def test_a_full_disk_leaves_no_half_backup(tmp_path: Path) -> None:
    file = location(tmp_path, ["Anna"] * 50)
    with full_disk(tmp_path / "disk") as disk:
        folder = disk.folder / "backups"
        folder.mkdir()
        filler = disk.folder / "filler"
        disk.refuse()
        with pytest.raises(StorageError) as refused:
            make_backup(file, folder, START, NOW)
        assert str(refused.value).startswith(disk.expected)
        assert list(folder.iterdir()) == []
        filler.unlink()
        assert make_backup(file, folder, START, NOW).file.is_file()
