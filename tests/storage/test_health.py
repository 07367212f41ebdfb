"""A damaged database is found before anything opens it, kept aside untouched, and put right
from a backup; a file of a newer oefenplek is left alone and said plainly.

Real files: a busy location's database (smaller than the benchmark's), damaged on disk.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from oefenplek.core.engine import Outcome
from oefenplek.core.staff import COORDINATOR, VOLUNTEER
from oefenplek.storage import backups, health, recovery
from oefenplek.storage.db import Database
from oefenplek.storage.errors import DAMAGED, StorageError
from oefenplek.storage.repository import Repository
from oefenplek.storage.revision import HEAD_REVISION
from oefenplek.storage.staff_repository import StaffRepository

from ..damage import COORDINATOR_PIN, DAMAGES, LEARNERS, copy_database, make_busy_file

NOW = datetime(2026, 12, 2, 17, 2, tzinfo=UTC)
EXPECTED = {"pages-overwritten": health.DAMAGED, "zero-bytes": health.EMPTY,
            "text-written": health.NOT_A_DATABASE}


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_busy_file(tmp_path_factory.mktemp("busy") / "oefenplek.sqlite3")


def digest(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def test_no_file_is_a_new_location_and_a_sound_file_passes(tmp_path: Path, busy: Path) -> None:
    assert health.check(tmp_path / "oefenplek.sqlite3") == health.Health(health.NEW)
    found = health.check(busy)
    assert found.healthy and found.kind == health.SOUND and found.revision == HEAD_REVISION


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_each_damage_is_found_and_nothing_is_written(tmp_path: Path, busy: Path,
                                                     damage: str) -> None:
    file = copy_database(busy, tmp_path / "oefenplek.sqlite3")
    DAMAGES[damage](file)
    before = digest(file)
    found = health.check(file)
    assert found.kind == EXPECTED[damage] and not found.healthy and found.keep_aside
    assert found.detail
    assert digest(file) == before
    # Only what any reader of a WAL database leaves: an empty -wal and the shared index.
    wal = file.with_name(file.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert {path.name for path in tmp_path.iterdir()} <= {
        "oefenplek.sqlite3", "oefenplek.sqlite3-wal", "oefenplek.sqlite3-shm"}


def test_the_first_look_finds_most_and_the_deep_check_the_rest(tmp_path: Path,
                                                               busy: Path) -> None:
    """Size, header and revision cost nothing at start; pages overwritten in the middle
    need the whole file read (quick_check), which the start does in a thread."""
    for damage in ("zero-bytes", "text-written"):
        file = copy_database(busy, tmp_path / damage / "oefenplek.sqlite3")
        DAMAGES[damage](file)
        assert health.check(file, deep=False).kind == EXPECTED[damage]
    file = copy_database(busy, tmp_path / "pages" / "oefenplek.sqlite3")
    DAMAGES["pages-overwritten"](file)
    assert health.check(file, deep=False).healthy
    assert health.Background(file).result().kind == health.DAMAGED


def test_a_file_cut_short_is_damaged_at_the_first_look(tmp_path: Path, busy: Path) -> None:
    file = copy_database(busy, tmp_path / "oefenplek.sqlite3")
    with file.open("r+b") as handle:
        handle.truncate(file.stat().st_size // 3)
    found = health.check(file, deep=False)
    assert found.kind == health.DAMAGED and "pages" in found.detail


def test_a_newer_or_foreign_schema_is_not_taken_for_ours(tmp_path: Path, busy: Path) -> None:
    newer = copy_database(busy, tmp_path / "newer" / "oefenplek.sqlite3")
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.close()
    found = health.check(newer)
    assert (found.kind, found.revision, found.keep_aside) == (health.NEWER, "0099", False)
    foreign = tmp_path / "foreign" / "oefenplek.sqlite3"
    foreign.parent.mkdir()
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    assert health.check(foreign).kind == health.FOREIGN


def test_an_empty_database_without_tables_is_made_up_to_date(tmp_path: Path) -> None:
    file = tmp_path / "oefenplek.sqlite3"
    sqlite3.connect(file).execute("PRAGMA user_version = 1").connection.close()
    assert health.check(file).healthy


def test_a_damaged_file_is_kept_aside_whole_with_its_wal(tmp_path: Path, busy: Path) -> None:
    file = copy_database(busy, tmp_path / "oefenplek.sqlite3")
    wal, shm = (file.with_name(file.name + extra) for extra in ("-wal", "-shm"))
    wal.write_bytes(b"w" * 100)
    shm.write_bytes(b"s" * 100)
    DAMAGES["pages-overwritten"](file)
    before = digest(file)
    found = health.check(file)
    kept = health.keep_aside(file, found, NOW)
    assert kept.kept == tmp_path / "oefenplek.damaged-20261202-170200.sqlite3"
    assert digest(kept.kept) == before and not file.exists()
    assert kept.kept.with_name(kept.kept.name + "-wal").read_bytes() == b"w" * 100
    # The -shm is only SQLite's index of the -wal (every reader rebuilds it): it goes along.
    assert kept.kept.with_name(kept.kept.name + "-shm").exists()
    assert not wal.exists() and not shm.exists()
    # The next start finds the note, not a new location; a second damage the same second
    # gets its own name.
    noted = health.check(file)
    assert (noted.kind, noted.kept, noted.healthy) == (health.DAMAGED, kept.kept, False)
    copy_database(busy, file)
    DAMAGES["zero-bytes"](file)
    again = health.keep_aside(file, health.check(file), NOW)
    assert again.kept == tmp_path / "oefenplek.damaged-20261202-170200-2.sqlite3"
    assert digest(kept.kept) == before
    health.forget_damage(file)
    assert health.check(file).kind == health.NEW


def test_the_coordinator_pin_is_checked_in_the_backup(tmp_path: Path) -> None:
    file = tmp_path / "oefenplek.sqlite3"
    database = Database(f"sqlite:///{file}")
    repository = Repository(database)
    staff = StaffRepository(database, repository)
    staff.add_staff("Joke", COORDINATOR, "4821")
    staff.add_staff("Piet", VOLUNTEER, "1357")
    gone = staff.add_staff("Oud", COORDINATOR, "2468")
    staff.remove_staff(gone.id)
    database.close()
    backup = backups.make_backup(file, tmp_path / "backups", backups.START, NOW).file
    assert recovery.coordinator_pin_matches(backup, "4821")
    assert not recovery.coordinator_pin_matches(backup, "1357")  # a volunteer's
    assert not recovery.coordinator_pin_matches(backup, "2468")  # no longer in the team
    assert not recovery.coordinator_pin_matches(backup, "")
    assert not recovery.coordinator_pin_matches(tmp_path / "nothing.sqlite3", "4821")


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_the_newest_backup_gives_back_every_learner(tmp_path: Path, busy: Path,
                                                    damage: str) -> None:
    file = copy_database(busy, tmp_path / "oefenplek.sqlite3")
    folder = backups.backup_folder(tmp_path)
    backups.make_backup(file, folder, backups.START, NOW)
    DAMAGES[damage](file)
    before = digest(file)
    kept = health.keep_aside(file, health.check(file), NOW)
    newest = backups.newest_sound(folder)
    assert newest is not None and newest[1].learners == LEARNERS
    assert recovery.coordinator_pin_matches(newest[0].file, COORDINATOR_PIN)
    recovery.put_back(newest[0].file, file, NOW)
    assert health.check(file).kind == health.SOUND
    assert not health.note_file(file).exists()
    database = Database(f"sqlite:///{file}")
    assert len(Repository(database).learners()) == LEARNERS
    database.close()
    assert kept.kept is not None and digest(kept.kept) == before


def test_an_empty_start_keeps_the_damaged_file(tmp_path: Path, busy: Path) -> None:
    file = copy_database(busy, tmp_path / "oefenplek.sqlite3")
    DAMAGES["text-written"](file)
    before = digest(file)
    found = health.check(file)
    recovery.start_empty(file, found, NOW)  # not moved yet (say the first move failed)
    assert not file.exists() and health.check(file).kind == health.NEW
    [kept] = tmp_path.glob("oefenplek.damaged-*.sqlite3")
    assert digest(kept) == before


# --- what Database and the repository do with such files -------------------------------------
def test_a_zero_byte_file_is_not_opened_as_a_new_location(tmp_path: Path) -> None:
    file = tmp_path / "oefenplek.sqlite3"
    file.write_bytes(b"")
    with pytest.raises(StorageError) as error:
        Database(f"sqlite:///{file}")
    assert error.value.kind == DAMAGED and "leeg" in str(error.value)
    assert file.read_bytes() == b""


def test_a_file_of_a_newer_oefenplek_is_never_copied_or_changed(tmp_path: Path) -> None:
    file = tmp_path / "oefenplek.sqlite3"
    database = Database(f"sqlite:///{file}")
    Repository(database).add_learner("Fatima", "kat")
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
    database.close()
    before = digest(file)
    for _start in range(3):
        with pytest.raises(StorageError) as error:
            Database(f"sqlite:///{file}")
        assert "nieuwere versie" in str(error.value) and "Installeer" in str(error.value)
    assert list(tmp_path.glob("*before-upgrade*")) == []
    assert digest(file) == before


def test_a_file_damaged_while_the_app_runs_is_one_plain_sentence(tmp_path: Path) -> None:
    """SQLite finds the damage at a write: StorageError (damaged), never the driver's error."""
    file = tmp_path / "oefenplek.sqlite3"
    database = Database(f"sqlite:///{file}")
    repository = Repository(database)
    learner = repository.add_learner("Fatima", "kat")
    run = repository.start_run(learner.id, "wifi", 1)
    damage_the_answers_table(file)
    with pytest.raises(StorageError) as error:
        repository.record_attempt(run.id, 0, "tap", Outcome.CORRECT, "1,1")
    assert error.value.kind == DAMAGED
    assert str(error.value).startswith("Opslaan lukt niet: het bestand met de voortgang is "
                                       "beschadigd.")
    assert "malformed" in error.value.detail
    database.close()


def damage_the_answers_table(file: Path) -> None:
    """Point the answers table at an index's page, through SQLite (so a running app's
    connection sees it at once): the next answer written meets a malformed page."""
    connection = sqlite3.connect(file)
    try:
        index_page = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'index' "
            "AND name = 'sqlite_autoindex_learner_1'").fetchone()[0]
        version = connection.execute("PRAGMA schema_version").fetchone()[0]
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'attempt'",
                           (index_page,))
        connection.execute(f"PRAGMA schema_version = {version + 1}")
        connection.commit()
    finally:
        connection.close()
