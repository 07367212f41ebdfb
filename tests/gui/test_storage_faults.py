"""The disk refuses (full, or not writable): every write action says so plainly, the screen
stays where it was, and nothing is half-written. No traceback reaches the person.

pytest-qt fails a test when an exception escapes a slot, so a missed error fails here too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .disks import RefusingDisk, refusing_disk, snapshot
from .people import add_new_learner, press_next, tap_target, tile_named, visible_text


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with refusing_disk(tmp_path / "disk") as refusing:
        monkeypatch.setenv("OEFENPLEK_DATABASE_URL", refusing.url)
        yield refusing


def told(app, disk: RefusingDisk, qtbot) -> str:
    """The sentence in the message box; the box is closed as the person would."""
    box = app.window.problem_box
    assert box.isVisible()
    text = box.text()
    qtbot.mouseClick(box.buttons()[0], Qt.MouseButton.LeftButton)
    assert not box.isVisible()
    return text


def refused(qtbot, app, disk: RefusingDisk, action) -> None:
    """Do `action` while the disk refuses: one plain sentence, same screen, same data."""
    window = app.window
    before, screen = snapshot(disk.database), window.current_screen()
    action()
    assert told(app, disk, qtbot).startswith(disk.expected)
    assert window.current_screen() is screen
    assert snapshot(disk.database) == before


def test_a_learner_on_a_refusing_disk_is_told_and_loses_nothing(qtbot, start_app, disk) -> None:
    app = start_app()
    window, player = app.window, app.window.player
    close = app.database.engine.dispose
    add_new_learner(qtbot, app, "Fatima", "vlinder")
    qtbot.mouseClick(tile_named(window.lessons.lesson_tiles, "Proefles"),
                     Qt.MouseButton.LeftButton)
    press_next(qtbot, app)
    assert player.instruction.text() == "Tik op Instellingen."

    disk.refuse(close)
    # An answer that cannot be saved is not judged either: no praise, no way on.
    refused(qtbot, app, disk, lambda: tap_target(qtbot, app))
    assert "Goed" not in visible_text(player) and not player.next.isEnabled()
    # Help that cannot be recorded does not pretend to come.
    def ask_help() -> None:
        qtbot.mouseClick(player.help, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.ask_help.yes, Qt.MouseButton.LeftButton)
    refused(qtbot, app, disk, ask_help)
    assert "Hulp komt eraan" not in visible_text(player)

    disk.allow(close)
    tap_target(qtbot, app)
    assert player.next.isEnabled()
    disk.refuse(close)
    # Going on or back cannot be remembered: the learner stays on this step.
    refused(qtbot, app, disk, lambda: qtbot.mouseClick(player.next, Qt.MouseButton.LeftButton))
    assert player.dots.label.text() == "stap 2 van 6"
    refused(qtbot, app, disk, lambda: qtbot.mouseClick(player.back, Qt.MouseButton.LeftButton))
    assert player.dots.label.text() == "stap 2 van 6"

    # Stopping a lesson writes nothing; a new lesson cannot start; the visit cannot end.
    qtbot.mouseClick(player.stop, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.lessons
    qtbot.mouseClick(window.lessons.theme_buttons["internet"], Qt.MouseButton.LeftButton)
    refused(qtbot, app, disk, lambda: qtbot.mouseClick(
        tile_named(window.lessons.lesson_tiles, "Tweede les"), Qt.MouseButton.LeftButton))
    qtbot.mouseClick(window.lessons.theme_buttons["tablet"], Qt.MouseButton.LeftButton)
    refused(qtbot, app, disk, lambda: qtbot.mouseClick(window.lessons.stop,
                                                        Qt.MouseButton.LeftButton))
    # Letters and voice: the choice is not kept, and the screen shows what is kept.
    qtbot.mouseClick(window.lessons.look, Qt.MouseButton.LeftButton)
    preferences = window.preferences
    refused(qtbot, app, disk, lambda: qtbot.mouseClick(preferences.strong,
                                                        Qt.MouseButton.LeftButton))
    assert preferences.normal.isChecked() and not preferences.strong.isChecked()

    # Once the disk has room again, everything goes on where it was.
    disk.allow(close)
    qtbot.mouseClick(preferences.ready, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tile_named(window.lessons.lesson_tiles, "Proefles"),
                     Qt.MouseButton.LeftButton)
    assert player.dots.label.text() == "stap 2 van 6"
    learner = next(iter(app.repository.learners()))
    [run] = app.repository.runs(learner.id)
    assert [outcome for _step, outcome, _answer in app.repository.attempts(run.id)] == [
        "correct"]


def finish_proefles(qtbot, app) -> None:
    window, player = app.window, app.window.player
    qtbot.mouseClick(tile_named(window.lessons.lesson_tiles, "Proefles"),
                     Qt.MouseButton.LeftButton)
    press_next(qtbot, app)
    tap_target(qtbot, app)
    press_next(qtbot, app)
    qtbot.keyClicks(player.view.field, "Bieb2024")
    qtbot.keyClick(player.view.field, Qt.Key.Key_Return)
    press_next(qtbot, app)
    qtbot.mouseClick(player.view.buttons[1], Qt.MouseButton.LeftButton)
    press_next(qtbot, app)
    for item in range(3):
        qtbot.mouseClick(player.view.buttons[item], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(player.view.ok, Qt.MouseButton.LeftButton)
    press_next(qtbot, app)
    qtbot.mouseClick(player.view.done, Qt.MouseButton.LeftButton)
    press_next(qtbot, app)
    assert window.current_screen() is window.end


def test_certificates_on_a_refusing_disk_are_not_half_handed_out(
        qtbot, start_app, disk) -> None:
    app = start_app()
    window = app.window
    close = app.database.engine.dispose
    add_new_learner(qtbot, app, "Zoë", "kat")
    finish_proefles(qtbot, app)
    learner = next(iter(app.repository.learners()))

    disk.refuse(close)
    refused(qtbot, app, disk, lambda: qtbot.mouseClick(window.end.certificate,
                                                        Qt.MouseButton.LeftButton))
    disk.allow(close)
    assert app.repository.certificates(learner.id) == []
    qtbot.mouseClick(window.end.certificate, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.certificate
    assert len(app.repository.certificates(learner.id)) == 1

    # Saving the PDF on the refusing disk: the status line says why, no file is left.
    disk.refuse(close)
    qtbot.mouseClick(window.certificate.save, Qt.MouseButton.LeftButton)
    target = disk.folder / "certificaat.pdf"
    window.save_dialog.selectFile(str(target))
    window.save_dialog.accept()
    qtbot.waitUntil(lambda: window.certificate.status.text().startswith("Opslaan lukt niet"),
                    timeout=10_000)
    assert window.certificate.status.text().startswith(disk.expected_for_files)
    assert window.current_screen() is window.certificate
    disk.allow(close)
    log = (app.services.data_dir / "oefenplek.log").read_text(encoding="utf-8")
    assert disk.expected_for_files in log and "certificaat.pdf" in log
