"""Backups while the app runs: one at start, one every evening (with a full integrity check of
the database), one when the coordinator asks; the backups screen under Settings; putting a
backup back while the app runs.

Making and reading backups runs off the GUI thread (through `services.ops`, which says
failures in plain words and logs them), so the picker is never kept waiting. Putting a backup
back runs on the GUI thread on purpose: between closing the database and opening it on the
restored file, no timer of the app may reach the database (a backup being made is waited
for). The evening's backup has one single-shot timer, set for NIGHT_HOUR (at most an hour
ahead), and is also caught up when the screen changes after that moment. The backups before
a delete, merge or anonymise are made by the coordinator controller, in the same guarded
action as the change (`services.backups.before`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer

from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.services import Services
from oefenplek.gui.staff.backups import BackupsScreen
from oefenplek.i18n import _
from oefenplek.notices import tell_coordinator
from oefenplek.storage.backup_place import save_second_folder
from oefenplek.storage.backup_routine import NIGHT_HOUR, Made, Night, on_server
from oefenplek.storage.backups import BY_HAND, START, Backup, Contents, contents, list_backups
from oefenplek.views.backups import BackupsState, backups_state, made_text

#: The evening backup's timer: it fires at NIGHT_HOUR, and otherwise at most once an hour (a
#: computer that slept, a clock that moved); an idle app has no other timer running.
EVENING_TIMER = "evening-backup"
NIGHT_LOOK_MAX_MS = 60 * 60 * 1000
#: Started in the evening: the first look comes this much later (the start's backup first).
NIGHT_AFTER_START_MS = 10 * 60 * 1000


class BackupsController(QObject):
    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window, self.services = window, services
        self.routine = services.backups
        self.screen = BackupsScreen()
        window.stack.addWidget(self.screen)
        window.settings.backups.connect(self.show)
        # Back to the settings, read again: a restore may have changed them.
        self.screen.back.connect(window.today.manage_settings.emit)
        self.screen.make_now.connect(self.make_now)
        self.screen.restore.connect(self.put_back)
        self.screen.undo.connect(self.undo)
        self.screen.choose_folder.connect(self.choose_folder)
        self.screen.no_second_folder.connect(lambda: self._save_folder(None))
        #: The file the last restore of this run kept aside: "undo" puts it back.
        self.kept: Path | None = None
        self.night_tried: date | None = None
        self.next_night: datetime | None = None
        self.night_timer = QTimer(self)
        self.night_timer.setObjectName(EVENING_TIMER)
        self.night_timer.setSingleShot(True)
        self.night_timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.night_timer.timeout.connect(self.check_night)
        window.closing.connect(self.night_timer.stop)
        if self.routine.enabled:
            # Someone at the computer after the evening's moment: caught up at once.
            window.stack.currentChanged.connect(self._screen_changed)
            self._arm(self.services.clock(), at_start=True)
            self.back_up_at_start()

    # --- made by themselves ------------------------------------------------------------
    def back_up_at_start(self) -> None:
        self.services.ops.background(
            lambda _report: self.routine.make(START, self.services.clock()),
            self._not_made, self._made_by_itself)

    def check_night(self) -> None:
        """In the evening, once a day: the integrity check and a backup; then the timer is
        set for the next evening."""
        now = self.services.clock()
        today = now.astimezone().date()
        if self.night_tried != today and self.routine.night_due(now):
            self.night_tried = today
            self.services.ops.background(lambda _report: self.routine.night(now),
                                         self._not_made, self._night_done)
        self._arm(now)

    def _arm(self, now: datetime, at_start: bool = False) -> None:
        """The timer, for the next evening's moment (NIGHT_HOUR local time), or a little
        after a start in the evening; at most an hour away."""
        local = now.astimezone()
        evening = local.replace(hour=NIGHT_HOUR, minute=0, second=0, microsecond=0)
        if local >= evening and at_start:
            evening = local + timedelta(milliseconds=NIGHT_AFTER_START_MS)
        elif local >= evening:
            evening = datetime.combine(local.date() + timedelta(days=1),
                                       time(NIGHT_HOUR)).astimezone()
        self.next_night = evening.astimezone(UTC)
        wait_ms = (self.next_night - now).total_seconds() * 1000
        self.night_timer.start(int(min(max(wait_ms, 1000), NIGHT_LOOK_MAX_MS)))

    def _screen_changed(self, _index: int) -> None:
        if self.next_night is not None and self.services.clock() >= self.next_night:
            self.check_night()

    def _night_done(self, night: Night) -> None:
        if night.made is not None:
            self._made_by_itself(night.made)

    def _made_by_itself(self, _made: Made) -> None:
        if self.window.current_screen() is self.screen and not self.screen.busy:
            self.refresh()

    def _not_made(self, message: str) -> None:
        """A backup nobody asked for did not work: the log has it (ops), and the
        coordinator reads it once a day."""
        tell_coordinator(f"backup-failed:{self.services.today()}", message)

    # --- the screen ---------------------------------------------------------------------
    def show(self) -> None:
        self.screen.show_status("")
        self.window.show_screen(self.screen)
        self.refresh()

    def refresh(self) -> None:
        if not self.routine.enabled:
            self.screen.show_state(BackupsState(on_server=on_server()))
            return
        self.screen.show_busy(True)
        folder = self.routine.folder
        self.services.ops.background(
            lambda _report: [(backup, contents(backup.file))
                             for backup in list_backups(folder)],
            self._failed, self._listed)

    def _listed(self, found: list[tuple[Backup, Contents]]) -> None:
        self.screen.show_busy(False)
        self.screen.show_state(backups_state(found, self.routine.folder,
                                             self.routine.second_folder,
                                             self.services.today(), self.kept))

    def _failed(self, message: str) -> None:
        self.screen.show_busy(False)
        self.screen.show_status(message)

    def make_now(self) -> None:
        if not self.routine.enabled:
            return
        self.screen.show_busy(True, _("Making a backup… You can go on working."))
        self.services.ops.background(
            lambda _report: self._made_and_read(), self._failed, self._made_by_hand)

    def _made_and_read(self) -> tuple[Made, Contents]:
        made = self.routine.make(BY_HAND, self.services.clock())
        return made, contents(made.backup.file)

    def _made_by_hand(self, result: tuple[Made, Contents]) -> None:
        made, found = result
        self.screen.show_busy(False)
        self.refresh()
        said = made_text(made.backup, found, self.services.today())
        self.screen.show_status(f"{said} {made.problem}".strip())

    # --- putting back -------------------------------------------------------------------
    def put_back(self, file: str) -> None:
        self._put_back(Path(file), _("The backup is put back."), undoing=False)

    def undo(self) -> None:
        if self.kept is not None:
            self._put_back(self.kept, _("The data from before the restore is back."),
                           undoing=True)

    def _put_back(self, file: Path, done: str, undoing: bool) -> None:
        if not self.routine.enabled:
            return

        def restored(aside: Path) -> None:
            self.kept = None if undoing else aside
            self.refresh()
            self.screen.show_status(done if not undoing else " ".join((done, _(
                "The data of the restore is kept in {file}.").format(file=aside))))

        self.services.ops.run(
            lambda: self.routine.put_back(self.services.database, file,
                                          self.services.clock()),
            self.screen.show_status, restored)

    # --- the second folder ------------------------------------------------------------
    def choose_folder(self, folder: str) -> None:
        if folder:
            self._save_folder(Path(folder))

    def _save_folder(self, folder: Path | None) -> None:
        def saved(_result: object) -> None:
            self.services.ops.log(f"Second backup folder: {folder or 'none'}")
            self.refresh()
            self.screen.show_status(
                _("Every backup is also copied to {folder} from now on.").format(
                    folder=folder) if folder else _("Backups are kept on this computer only."))

        self.services.ops.run(lambda: save_second_folder(self.services.data_dir, folder),
                              self.screen.show_status, saved)
