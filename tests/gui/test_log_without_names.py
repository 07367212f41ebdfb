"""The log holds no learner's name: after a morning on a disk that runs full, with Fatima
Zahra in a lesson, a certificate and her data saved under file names that carry her name,
the log says what went wrong and names her only by her id."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from .disks import full_disk
from .people import (
    add_new_learner,
    button_named,
    choose_in_list,
    click,
    end_visit,
    learner_id,
    open_lesson,
    play_to_the_end,
    press_next,
    retype,
    save_as,
    sign_in_as_coordinator,
    tap_target,
)

FULL = "Opslaan lukt niet: de schijf is vol."


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with full_disk(tmp_path / "disk") as full:
        monkeypatch.setenv("OEFENPLEK_DATABASE_URL", full.url)
        yield full


def close_box(qtbot, app) -> str:
    box = app.window.problem_box
    assert box.isVisible()
    text = box.text()
    qtbot.mouseClick(box.buttons()[0], Qt.MouseButton.LeftButton)
    return text


def save_where_offered(qtbot, app, folder: Path) -> Path:
    """In the save dialog, keep the file name the app offers, in `folder`."""
    dialog = app.window.save_dialog
    offered = Path(dialog.selectedFiles()[0]).name
    save_as(qtbot, dialog, folder / offered)
    return folder / offered


def test_no_learner_name_reaches_the_log(qtbot, start_app, disk, home: Path) -> None:
    app = start_app()
    window, player = app.window, app.window.player
    add_new_learner(qtbot, app, "Fatima Zahra", "vlinder")
    fatima = learner_id(app, "Fatima Zahra")
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)

    disk.refuse()  # an answer waits for room; a call for help cannot be saved
    tap_target(qtbot, app)
    assert close_box(qtbot, app).startswith("De schijf van deze computer is vol.")
    click(qtbot, player.help)
    click(qtbot, window.ask_help.yes)
    assert close_box(qtbot, app).startswith(FULL)
    retry = window.findChild(QTimer, "wait-for-room")
    retry.setInterval(20)
    disk.allow()
    qtbot.waitUntil(lambda: not retry.isActive(), timeout=5_000)  # the answer is saved
    play_to_the_end(qtbot, app)

    # Her certificate, saved on the full disk under the name the app offers.
    click(qtbot, window.end.certificate)
    certificate = window.certificate
    disk.refuse()
    click(qtbot, certificate.save)
    target = save_where_offered(qtbot, app, disk.folder)
    assert "Fatima Zahra" in target.name
    qtbot.waitUntil(lambda: certificate.status.text().startswith(FULL), timeout=10_000)
    disk.allow()
    click(qtbot, certificate.back)
    click(qtbot, window.end.to_lessons)
    end_visit(qtbot, app)

    # The coordinator renames her and saves her data while the disk is full.
    sign_in_as_coordinator(qtbot, app)
    click(qtbot, window.today.learners_button)
    admin = window.learners_admin
    choose_in_list(qtbot, admin.list, "Fatima Zahra")
    disk.refuse()
    assert admin.status.text() == ""
    click(qtbot, button_named(admin, "Exporteren (PDF)"))
    target = save_where_offered(qtbot, app, disk.folder)
    assert "Fatima Zahra" in target.name
    qtbot.waitUntil(lambda: admin.status.text().startswith(FULL), timeout=10_000)
    retype(qtbot, admin.name, "Fatima Z.")
    click(qtbot, admin.save_name)
    assert admin.status.text().startswith(FULL)
    disk.allow()

    log = "\n".join(file.read_text(encoding="utf-8")
                    for file in sorted(home.glob("oefenplek.log*")))
    # What went wrong is all there (the call for help is the answer's line again, within a
    # minute, so it is left out) ...
    assert log.count(FULL) == 4, log
    assert f"learner-{fatima}" in log  # ... the files named by her id ...
    for part in ("Fatima", "Zahra"):
        assert part not in log  # ... and her name nowhere
