"""Building the running app: lessons, database, speech and window, wired together.

`build()` is used by `oefenplek` itself and by the GUI tests, so tests run the real thing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from oefenplek import __version__, paths
from oefenplek.core.lessons import Catalog, load_catalog
from oefenplek.i18n import _
from oefenplek.notices import tell_coordinator
from oefenplek.privacy import close_to_others

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from oefenplek.gui.main_window import MainWindow
    from oefenplek.gui.services import Services
    from oefenplek.storage.db import Database
    from oefenplek.storage.repository import Repository


def load_lessons() -> Catalog:
    """The app's lessons and the location's own, checked once and cached until a file
    changes (`oefenplek lessons check` always reads them afresh). From the cache, the
    lessons themselves are read only when a learner first needs them."""
    return load_catalog([paths.lessons_dir(), *paths.extra_lesson_dirs()],
                        cache_file=paths.data_dir() / "lessons-cache.json")


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
    """Which voice reads aloud, and what is missing: told to the coordinator once, plainly."""
    reason = getattr(speaker, "reason", "")
    if reason:
        tell_coordinator("speech:" + reason, _(
            "Read-aloud does not work on this computer ({reason}). Install a Dutch voice, "
            "for example espeak-ng with speech-dispatcher on Linux, or a Dutch voice in "
            "Windows settings.").format(reason=reason))
        return
    label = getattr(speaker, "voice_label", "")
    if label:
        tell_coordinator("voice:" + label, _("Read-aloud uses the {voice}.").format(voice=label))
    problem = getattr(speaker, "sound_problem", "")
    if problem:
        tell_coordinator("sound:none", _(
            "This computer has no sound output ({problem}), so learners cannot hear the "
            "texts. Connect speakers or headphones, or switch the sound on.").format(
                problem=problem))


def voice_setting(repository: Repository) -> str:
    """The voice the coordinator chose (gui.speech.VOICE_SETTING); empty: the best found."""
    from oefenplek.gui.speech import VOICE_SETTING
    from oefenplek.storage.errors import StorageError

    try:
        return repository.setting(VOICE_SETTING)
    except StorageError:
        return ""


@dataclass
class Running:
    """The parts of a running app: the window, what the controllers share, the controllers."""

    window: MainWindow
    services: Services
    controllers: list[QObject]

    @property
    def repository(self) -> Repository:
        return self.services.repository

    @property
    def database(self) -> Database:
        return self.services.database

    @property
    def catalog(self) -> Catalog:
        return self.services.catalog


def build(catalog: Catalog | None = None, clock: Callable[[], datetime] | None = None,
          window: MainWindow | None = None, alone: bool = False) -> Running:
    """Open the database, make the services and the sibling controllers, and show the
    learner picker. Needs a QApplication. Used by `oefenplek` and by the GUI tests.

    `window` is one already on screen with the picker (see `gui.start`); it is completed.
    `alone`: the location database did not answer and the person chose to work alone on
    this computer's copy of it (storage.alone); learners' writes wait for the location.
    """
    from oefenplek.core.lessons.cache import lesson_count
    from oefenplek.gui.certificate_controller import CertificateController
    from oefenplek.gui.controller import LearnerController
    from oefenplek.gui.events import Events
    from oefenplek.gui.main_window import MainWindow
    from oefenplek.gui.operations import Operations
    from oefenplek.gui.services import Services, utc_now
    from oefenplek.gui.speech import Speaker
    from oefenplek.gui.staff.backups_controller import BackupsController
    from oefenplek.gui.staff.batch_controller import BatchController
    from oefenplek.gui.staff.controller import StaffController
    from oefenplek.gui.staff.coordinator import CoordinatorController
    from oefenplek.gui.staff.languages_controller import LanguagesController
    from oefenplek.gui.staff.location_controller import LocationController
    from oefenplek.gui.staff.report_controller import ReportController
    from oefenplek.gui.staff.voice_controller import VoiceController
    from oefenplek.gui.waiting_controller import WaitingController
    from oefenplek.storage.alone import copy_url
    from oefenplek.storage.backup_routine import BackupRoutine, live_file
    from oefenplek.storage.computer import computer_name
    from oefenplek.storage.db import Database, database_url
    from oefenplek.storage.learner_admin import LearnerAdmin
    from oefenplek.storage.repository import Repository
    from oefenplek.storage.settings import Settings
    from oefenplek.storage.staff_repository import StaffRepository
    from oefenplek.storage.waiting import LessonWrites

    data_dir = paths.data_dir()
    close_to_others(data_dir)  # before anything is written in it
    catalog = catalog or load_lessons()
    location_url = database_url(paths.database_path())
    database = Database(copy_url(data_dir) if alone else location_url)
    repository = Repository(database)
    window = window or MainWindow()
    window.complete()
    speaker = Speaker(window, voice=voice_setting(repository))
    report_speech(speaker)
    services = Services(
        database=database, repository=repository,
        staff=StaffRepository(database, repository), admin=LearnerAdmin(repository),
        settings=Settings(repository), catalog=catalog, speaker=speaker,
        ops=Operations(data_dir), events=Events(window), data_dir=data_dir,
        computer=computer_name(data_dir),
        writes=LessonWrites(repository, data_dir,
                            keep=database.engine.dialect.name == "postgresql",
                            location=(lambda: Repository(Database(location_url))) if alone
                            else None),
        # Backups of this computer's own file; none of a copy made to work alone.
        backups=BackupRoutine(None if alone else live_file(database), data_dir, database),
        clock=clock or utc_now)
    learner = LearnerController(window, services)
    controllers: list[QObject] = [
        learner, StaffController(window, services), CoordinatorController(window, services),
        ReportController(window, services), BatchController(window, services),
        CertificateController(window, services), WaitingController(window, services),
        LocationController(window, services), BackupsController(window, services),
        VoiceController(window, services), LanguagesController(window, services)]
    learner.show_picker()
    logging.getLogger(__name__).info(
        "Started oefenplek %s: %s database%s, %d lessons, %d left out", __version__,
        database.engine.dialect.name, " (working alone)" if alone else "",
        lesson_count(catalog), len({p.file for p in catalog.errors}))
    return Running(window, services, controllers)


def run_gui(argv: list[str]) -> int:
    """Open the window on the embedded (or the location's) database; the exit code."""
    from oefenplek.storage import health
    from oefenplek.storage.first_look import on_this_computer

    # The database file is looked at first, and its whole check runs in a thread while Qt
    # and the rest load (gui.start waits for it before the database is opened).
    database = paths.database_path()
    first = health.look(database) if on_this_computer(database) else None
    from oefenplek.gui.start import run_window

    def can_work_alone() -> bool:
        from oefenplek.storage.alone import has_copy  # not before the picker is painted

        return has_copy(paths.data_dir())

    def build_on(window: MainWindow, alone: bool) -> Running:
        catalog = load_lessons()
        report_left_out(catalog)
        return build(catalog, window=window, alone=alone)

    return run_window(argv, build_on, database, can_work_alone, first)
