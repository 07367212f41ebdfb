"""Building the running app: lessons, database, speech and window, wired together.

`build()` is used by `oefenplek` itself and by the GUI tests, so tests run the real thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from oefenplek import paths
from oefenplek.core.lessons import Catalog, load_catalog
from oefenplek.i18n import _
from oefenplek.notices import tell_coordinator


def load_lessons() -> Catalog:
    return load_catalog([paths.lessons_dir(), *paths.extra_lesson_dirs()])


def report_left_out(catalog: Catalog) -> None:
    """Tell the coordinator which lessons were left out and why (never the learner)."""
    log = paths.data_dir() / "lesson-problems.txt"
    lines = [str(problem) for problem in catalog.errors]
    try:
        if lines:
            log.write_text("\n".join(lines) + "\n", encoding="utf-8")
        elif log.exists():
            log.unlink()
    except OSError:
        pass
    if lines:
        names = sorted({problem.file.parent.name for problem in catalog.errors})
        tell_coordinator("lessons:" + ",".join(names), _(
            "Some lessons were left out because of problems: {names}. See {file}").format(
                names=", ".join(names), file=log))


def report_speech(speaker: object) -> None:
    """Without read-aloud the learners miss a lot: tell the coordinator once, plainly."""
    reason = getattr(speaker, "reason", "")
    if reason:
        tell_coordinator("speech:" + reason, _(
            "Read-aloud does not work on this computer ({reason}). Install a Dutch voice, "
            "for example espeak-ng with speech-dispatcher on Linux, or a Dutch voice in "
            "Windows settings.").format(reason=reason))


@dataclass
class Running:
    """The parts of a running app, for the GUI tests to reach."""

    window: object
    controller: object
    repository: object
    database: object
    catalog: Catalog


def build(catalog: Catalog | None = None) -> Running:
    """Open the database and build the window on the learner picker. Needs a QApplication."""
    from oefenplek.gui.controller import LearnerController
    from oefenplek.gui.main_window import MainWindow
    from oefenplek.gui.speech import Speaker
    from oefenplek.storage.db import Database, database_url
    from oefenplek.storage.repository import Repository

    catalog = catalog or load_lessons()
    database = Database(database_url(paths.database_path()))
    repository = Repository(database)
    window = MainWindow()
    speaker = Speaker(window)
    report_speech(speaker)
    controller = LearnerController(window, repository, catalog, speaker)
    controller.show_picker()
    return Running(window, controller, repository, database, catalog)


def run_gui(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from oefenplek.gui import theme
    from oefenplek.storage.db import StorageError

    app = QApplication(argv)
    app.setApplicationName("oefenplek")
    app.setStyleSheet(theme.stylesheet())
    catalog = load_lessons()
    report_left_out(catalog)
    try:
        running = build(catalog)
    except StorageError as error:
        QMessageBox.critical(None, "oefenplek", str(error))
        return 2
    running.window.show()  # type: ignore[attr-defined]
    code = app.exec()
    running.database.close()  # type: ignore[attr-defined]
    return int(code)
