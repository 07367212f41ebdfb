"""A damaged database at start: the app opens a calm screen instead of a traceback or an
empty location. The learner reads one sentence; the coordinator, with her PIN, puts back the
newest backup and every learner is back on the picker. The damaged file is kept aside as it
was. A file of a newer oefenplek gets a sentence that says what to do, and nothing else.

The app is started as `oefenplek` starts it (gui.start.StartUp), on real damaged copies of
a busy location's database; one test runs the real program in its own process.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from oefenplek import paths
from oefenplek.app import build
from oefenplek.core.lessons import load_catalog
from oefenplek.gui import theme
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.recovery import RecoveryScreen
from oefenplek.gui.start import StartUp
from oefenplek.storage import backups

from ..conftest import REPO
from ..damage import COORDINATOR_PIN, DAMAGES, LEARNERS, copy_database, make_busy_file
from ..storage.test_health import damage_the_answers_table
from .audit import audit
from .people import (
    add_new_learner,
    click,
    click_named,
    open_lesson,
    press_next,
    tap_target,
    type_text,
    visible_text,
)

LEARNER_SENTENCE = "Er is iets mis met de gegevens. Vraag de vrijwilliger."
PROBLEMS = {
    "pages-overwritten": "Het bestand met de gegevens op deze computer is kapot.",
    "zero-bytes": "Het bestand met de gegevens op deze computer is leeg.",
    "text-written": "Het bestand met de gegevens op deze computer is geen database meer.",
}


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_busy_file(tmp_path_factory.mktemp("busy") / "oefenplek.sqlite3")


@pytest.fixture
def start_oefenplek(qapp: QApplication, qtbot, fixture_lessons: Path
                    ) -> Iterator[Callable[[], StartUp]]:
    """Start the app as `oefenplek` does (StartUp.begin), on the data folder's database."""
    qapp.setStyleSheet(theme.stylesheet())
    started: list[StartUp] = []

    def start() -> StartUp:
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1366, 768)
        startup = StartUp(
            window, lambda on, alone: build(load_catalog([fixture_lessons]), window=on,
                                            alone=alone),
            lambda: False, lambda code: pytest.fail(f"the app stopped ({code})"),
            paths.database_path())
        assert startup.begin(qapp)
        qtbot.waitUntil(lambda: startup.running is not None or startup.recovery is not None,
                        timeout=20_000)
        started.append(startup)
        return startup

    yield start
    for startup in started:
        if startup.running is not None:
            startup.running.database.close()


def digest(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def recovery_screen(startup: StartUp) -> RecoveryScreen:
    assert startup.recovery is not None and startup.running is None
    screen = startup.recovery.screen
    assert startup.window.current_screen() is screen
    return screen


def learner_sees_one_sentence(qtbot, screen: RecoveryScreen) -> None:
    assert screen.title.text() == LEARNER_SENTENCE
    # Nothing else to read, or to be afraid of.
    assert visible_text(screen).split() == LEARNER_SENTENCE.split()
    click(qtbot, screen.listen)
    assert startup_speaker(screen).last_text == LEARNER_SENTENCE


def startup_speaker(screen: RecoveryScreen):
    from oefenplek.gui.speech import Speaker

    [speaker] = screen.findChildren(Speaker)
    return speaker


def type_pin(qtbot, screen: RecoveryScreen, pin: str) -> None:
    type_text(qtbot, screen.pin, pin)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_database_is_put_right_from_the_newest_backup(
        qtbot, start_oefenplek, busy: Path, home: Path, damage: str) -> None:
    database = copy_database(busy, home / "oefenplek.sqlite3")
    older = backups.make_backup(database, backups.backup_folder(home), backups.START,
                                datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    made = backups.make_backup(database, backups.backup_folder(home), backups.START,
                               datetime.now(UTC))
    DAMAGES[damage](database)
    damaged = digest(database)

    startup = start_oefenplek()
    screen = recovery_screen(startup)
    learner_sees_one_sentence(qtbot, screen)

    # The coordinator's part is behind her PIN, checked in the backup's team.
    click_named(qtbot, screen, "Voor de coördinator")
    type_pin(qtbot, screen, "1111")
    assert "Dit is niet de pincode van een coördinator" in visible_text(screen)
    type_pin(qtbot, screen, COORDINATOR_PIN)
    shown = visible_text(screen)
    assert PROBLEMS[damage] in shown
    local = made.made_at.astimezone().strftime("%H:%M")
    assert f"Back-up van vandaag {local}: {LEARNERS} deelnemers" in shown
    [kept] = home.glob("oefenplek.damaged-*.sqlite3")
    assert f"{kept.name} in de map {home}" in shown and not database.exists()
    assert digest(kept) == damaged  # kept aside as it was

    click_named(qtbot, screen, "Zet deze back-up terug")
    assert re.search(r"De back-up van vandaag \d\d:\d\d terugzetten\?", visible_text(screen))
    click_named(qtbot, screen, "Ja, doe het")
    qtbot.waitUntil(lambda: startup.running is not None, timeout=20_000)

    window = startup.window
    assert window.current_screen() is window.picker
    assert len(window.picker.learners) == LEARNERS  # on the picker (tiles made as it scrolls)
    assert len(startup.running.repository.learners()) == LEARNERS
    assert digest(kept) == damaged
    assert older.file.exists() and made.file.exists()
    assert not (home / "oefenplek.damaged.json").exists()


def test_without_a_backup_the_coordinator_can_start_empty_and_the_file_stays_kept(
        qtbot, start_oefenplek, busy: Path, home: Path) -> None:
    database = copy_database(busy, home / "oefenplek.sqlite3")
    DAMAGES["zero-bytes"](database)
    startup = start_oefenplek()
    screen = recovery_screen(startup)
    learner_sees_one_sentence(qtbot, screen)
    click_named(qtbot, screen, "Voor de coördinator")  # no backup: no PIN to check
    shown = visible_text(screen)
    assert "Er is geen back-up om terug te zetten" in shown
    assert not screen.restore.isVisible()
    click_named(qtbot, screen, "Terug")
    assert visible_text(screen).split() == LEARNER_SENTENCE.split()

    # Closing the app without a choice: the next start shows the same screen, never an
    # empty location.
    startup.window.close()
    again = start_oefenplek()
    screen = recovery_screen(again)
    click_named(qtbot, screen, "Voor de coördinator")
    click_named(qtbot, screen, "Begin met een lege database")
    assert "Beginnen met een lege database?" in visible_text(screen)
    click_named(qtbot, screen, "Nee")
    assert not screen.question.isVisible() and again.running is None
    click_named(qtbot, screen, "Begin met een lege database")
    click_named(qtbot, screen, "Ja, doe het")
    qtbot.waitUntil(lambda: again.running is not None, timeout=20_000)
    assert again.window.current_screen() is again.window.picker
    assert again.window.picker.tiles == {}
    [kept] = home.glob("oefenplek.damaged-*.sqlite3")
    assert kept.stat().st_size == 0


def test_too_many_wrong_pins_close_the_door_for_a_while(qtbot, start_oefenplek, busy: Path,
                                                        home: Path) -> None:
    database = copy_database(busy, home / "oefenplek.sqlite3")
    backups.make_backup(database, backups.backup_folder(home), backups.START,
                        datetime.now(UTC))
    DAMAGES["text-written"](database)
    screen = recovery_screen(start_oefenplek())
    click_named(qtbot, screen, "Voor de coördinator")
    for _try in range(5):
        type_pin(qtbot, screen, "9999")
    assert "Te veel foute pincodes" in visible_text(screen)
    type_pin(qtbot, screen, COORDINATOR_PIN)  # even the right one waits now
    assert "Te veel foute pincodes" in visible_text(screen)
    assert not screen.restore.isVisibleTo(screen)


def test_every_page_of_the_recovery_screen_passes_the_audit(
        qtbot, start_oefenplek, busy: Path, home: Path) -> None:
    """Big targets, names for screen readers, focus, contrast, nothing cut off (§5)."""
    database = copy_database(busy, home / "oefenplek.sqlite3")
    backups.make_backup(database, backups.backup_folder(home), backups.START,
                        datetime.now(UTC))
    DAMAGES["pages-overwritten"](database)
    startup = start_oefenplek()
    window, screen = startup.window, recovery_screen(startup)
    found = {"learner": audit(window)}
    click_named(qtbot, screen, "Voor de coördinator")
    type_pin(qtbot, screen, "1111")
    found["pin"] = audit(window)
    type_pin(qtbot, screen, COORDINATOR_PIN)
    found["coordinator"] = audit(window)
    click_named(qtbot, screen, "Zet deze back-up terug")
    found["question"] = audit(window)
    assert found == {page: [] for page in found}


def test_a_database_of_a_newer_oefenplek_says_what_to_do_and_changes_nothing(
        qtbot, start_oefenplek, busy: Path, home: Path) -> None:
    import sqlite3

    database = copy_database(busy, home / "oefenplek.sqlite3")
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.close()
    before = digest(database)
    for _start in range(3):
        startup = start_oefenplek()
        screen = recovery_screen(startup)
        learner_sees_one_sentence(qtbot, screen)
        click_named(qtbot, screen, "Voor de coördinator")  # words only: no PIN needed
        shown = visible_text(screen)
        assert ("Deze gegevens zijn gemaakt met een nieuwere versie van oefenplek. "
                "Installeer die versie (of een nieuwere) op deze computer.") in shown
        assert not screen.restore.isVisible() and not screen.empty.isVisible()
        startup.window.close()
    assert digest(database) == before
    assert sorted(path.name for path in home.iterdir()
                  if path.name.startswith("oefenplek.") and "sqlite3" in path.name
                  and not path.name.endswith(("-wal", "-shm"))) == ["oefenplek.sqlite3"]


def test_a_sound_database_opens_as_always(qtbot, start_oefenplek, busy: Path,
                                          home: Path) -> None:
    copy_database(busy, home / "oefenplek.sqlite3")
    startup = start_oefenplek()
    assert startup.recovery is None and startup.running is not None
    assert startup.background is not None and startup.background.found is not None
    assert startup.background.found.healthy
    assert len(startup.window.picker.learners) == LEARNERS


def test_damage_met_in_the_middle_of_a_lesson_is_one_plain_sentence(
        qtbot, start_app) -> None:
    app = start_app()
    window, player = app.window, app.window.player
    add_new_learner(qtbot, app, "Fatima", "vlinder")
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)
    damage_the_answers_table(paths.database_path())
    assert player.instruction.text() == "Tik op Instellingen."
    with qtbot.captureExceptions() as exceptions:
        tap_target(qtbot, app)
    assert exceptions == []
    assert not player.next.isEnabled()  # an answer that was not saved is not judged
    box = window.problem_box
    assert box.isVisible()
    assert box.text() == ("Opslaan lukt niet: het bestand met de voortgang is beschadigd. "
                          "Vraag de coördinator om een reservekopie terug te zetten.")
    qtbot.mouseClick(box.buttons()[0], Qt.MouseButton.LeftButton)
    assert window.current_screen() is player
    assert player.instruction.text() == "Tik op Instellingen."
    log = (paths.data_dir() / "oefenplek.log").read_text(encoding="utf-8")
    assert "malformed" in log  # the details are for the coordinator's log


CHILD = r"""
import json, sys
from PySide6.QtWidgets import QApplication
from oefenplek.gui.main_window import MainWindow

def run(*_args):
    for _ in range(200):  # the first turns of the event loop: the rest is built or not
        QApplication.processEvents()
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    screen = window.current_screen()
    print("RESULT", json.dumps({"screen": type(screen).__name__,
                                "title": screen.title.text()}), flush=True)
    return 0

QApplication.exec = run
from oefenplek.cli import main
sys.exit(main([]))
"""


def test_the_real_program_opens_the_recovery_screen_without_a_traceback(
        busy: Path, home: Path) -> None:
    database = copy_database(busy, home / "oefenplek.sqlite3")
    DAMAGES["pages-overwritten"](database)  # found by the deep check, after the picker
    damaged = digest(database)
    env = {**os.environ, "OEFENPLEK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "OEFENPLEK_SPEECH_ENGINE": "mock"}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=REPO, text=True,
                          capture_output=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    seen = json.loads(line.removeprefix("RESULT "))
    assert seen == {"screen": "RecoveryScreen", "title": LEARNER_SENTENCE}
    [kept] = home.glob("oefenplek.damaged-*.sqlite3")
    assert digest(kept) == damaged and not database.exists()


def test_listen_without_a_sound_output_says_so_on_the_recovery_screen(
        qtbot, start_oefenplek, busy: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from oefenplek.gui import builtin_voice
    from oefenplek.gui.speech import BUILTIN, ENGINE_VARIABLE

    monkeypatch.setenv(ENGINE_VARIABLE, BUILTIN)
    monkeypatch.delenv("OEFENPLEK_SOUND", raising=False)
    monkeypatch.setattr(builtin_voice, "sound_problem", lambda: "no sound output found")
    DAMAGES["zero-bytes"](copy_database(busy, home / "oefenplek.sqlite3"))
    startup = start_oefenplek()
    screen = recovery_screen(startup)
    assert screen.listen.isVisibleTo(screen)  # never hidden for want of a sound output
    click(qtbot, screen.listen)
    box = startup.window.problem_box
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "Dit apparaat heeft geen geluid."
    assert startup_speaker(screen).last_text == LEARNER_SENTENCE
