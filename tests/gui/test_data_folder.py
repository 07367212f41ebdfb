"""The data folder is closed to other users of the computer, and the coordinator finds the log.

After a real start and a morning's work the folder and everything in it is 0700 (folders)
or 0600 (files), also what an older version left open; an export is 0600 wherever it goes.
The coordinator opens the log from *Instellingen* and sees where it is.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel

from oefenplek.app import load_lessons, report_left_out
from oefenplek.core.lessons import load_catalog

from ..conftest import FIXTURES
from .people import (
    add_new_learner,
    click,
    click_named,
    end_visit,
    open_lesson,
    press_next,
    retype,
    save_as,
    sign_in_as_coordinator,
    tap_target,
)


def open_to_others(folder: Path) -> list[str]:
    """Every folder not 0700 and every file not 0600 under `folder` (links are left out)."""
    found = []
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode != (0o700 if path.is_dir() else 0o600):
            found.append(f"{path.relative_to(folder)}: {oct(mode)}")
    return found


def test_after_a_start_and_a_mornings_work_the_data_folder_is_closed_to_others(
        qtbot, start_app, home: Path, tmp_path: Path, fixture_lessons: Path) -> None:
    # What an older version left behind: an open folder with open files in it.
    old = home / "oud"
    old.mkdir(parents=True)
    (old / "notities.txt").write_text("oud\n", encoding="utf-8")
    (home / "oefenplek.log").write_text("een oude regel\n", encoding="utf-8")
    for path, mode in ((home, 0o755), (old, 0o755), (old / "notities.txt", 0o644),
                       (home / "oefenplek.log", 0o644)):
        path.chmod(mode)
    elsewhere = tmp_path / "elders.txt"  # a link to a file of someone else's is not touched
    elsewhere.write_text("niet van ons\n", encoding="utf-8")
    elsewhere.chmod(0o644)
    (home / "koppeling").symlink_to(elsewhere)
    assert open_to_others(home)

    # The start, as `oefenplek` makes it: lessons checked and cached, problems told.
    report_left_out(load_catalog([fixture_lessons, FIXTURES / "broken"]))
    load_lessons()
    app = start_app()
    add_new_learner(qtbot, app, "Fatima", "vlinder")
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)
    tap_target(qtbot, app)
    end_visit(qtbot, app)
    sign_in_as_coordinator(qtbot, app)
    click(qtbot, app.window.today.settings_button)
    settings = app.window.settings
    retype(qtbot, settings.computer, "Balie 2")
    click_named(qtbot, settings, "Opslaan")
    assert settings.status.text() == "De instellingen zijn bewaard."
    click(qtbot, settings.back_button)

    # A report, saved outside the data folder.
    click(qtbot, app.window.today.reports_button)
    reports = app.window.reports
    qtbot.waitUntil(lambda: bool(reports.total_labels), timeout=10_000)
    click(qtbot, next(b for b in reports.export_buttons if b.text() == "XLSX"))
    export = tmp_path / "documenten" / "rapport.xlsx"
    export.parent.mkdir()
    save_as(qtbot, app.window.save_dialog, export)
    qtbot.waitUntil(lambda: "Opgeslagen" in reports.status.text(), timeout=10_000)

    names = {path.name for path in home.iterdir()}
    assert {"oefenplek.sqlite3", "oefenplek.sqlite3-wal", "oefenplek.sqlite3-shm",
            "oefenplek.log", "computer.json", "voor-de-coordinator.txt",
            "lesson-problems.txt", "lessons-cache.json"} <= names, names
    assert open_to_others(home) == []
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o644


def test_the_coordinator_opens_the_log_from_the_settings(
        qtbot, start_app, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def open_url(url) -> bool:  # the computer's own program for text files: not in a test
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    app = start_app()
    sign_in_as_coordinator(qtbot, app)
    click(qtbot, app.window.today.settings_button)
    settings = app.window.settings
    log = home / "oefenplek.log"
    shown = [label.text() for label in settings.findChildren(QLabel) if label.isVisible()]
    assert "Logboek (stuur het mee met een vraag om hulp):" in shown
    assert str(log) in shown  # to find it again when writing a question for help
    click_named(qtbot, settings, "Logboek openen")
    assert opened == [str(log)]
    text = log.read_text(encoding="utf-8")
    assert "Started oefenplek" in text and "The log was opened from Settings" in text
    assert settings.status.text() == ""

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    click_named(qtbot, settings, "Logboek openen")  # no program for it on this computer
    assert settings.status.text() == f"Het logboek ging niet open. U vindt het hier: {log}"
