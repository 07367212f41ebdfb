"""Reports for the coordinator: figures for a period, and exports that never block.

The period buttons are computed from the services' clock each time the screen opens, so a
screen left open over midnight at the end of a month still offers the right months.

Counting and saving run off the GUI thread with a bar; Stop ends a save at its next
progress report (nothing is saved) and lets go of a count that is still running (its result
is not shown). A newer count replaces an older one the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from oefenplek.core.reports import Period, Report, build_report
from oefenplek.gui.background import Cancel
from oefenplek.gui.files import documents_folder
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.services import Services
from oefenplek.i18n import _
from oefenplek.storage.report_queries import report_facts


class ReportController(QObject):
    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window, self.services = window, services
        self.report: Report | None = None
        self.asked = 0  # the number of the latest count: only its result is shown
        self.saving: Cancel | None = None
        screen = window.reports
        window.today.manage_reports.connect(self.show)
        screen.period_chosen.connect(self.compute)
        screen.export.connect(self.export)
        screen.stop.connect(self.stop)
        screen.back.connect(services.events.staff_home.emit)

    def show(self) -> None:
        today = self.services.today()
        self.window.reports.set_today(today)
        self.window.show_screen(self.window.reports)
        self.compute(Period.month(today))

    def compute(self, period: Period) -> None:
        """Figures are computed off the GUI thread: a busy year takes a moment."""
        catalog, repository = self.services.catalog, self.services.repository
        themes = {lesson.id: (catalog.theme(lesson.theme) or lesson).title
                  for lesson in catalog.lessons.values()}
        titles = {lesson.id: lesson.title for lesson in catalog.lessons.values()}
        screen = self.window.reports
        screen.show_busy(True)
        screen.show_status(_("Counting…"))
        self.asked += 1
        asked = self.asked
        self.services.ops.background(
            lambda _progress: build_report(report_facts(repository, period, themes, titles)),
            lambda message: self._failed(message) if asked == self.asked else None,
            lambda report: self._computed(report) if asked == self.asked else None)

    def stop(self) -> None:
        if self.saving is not None:
            self.saving.stop()  # told back through _failed, once the job has stopped
            return
        self.asked += 1  # the running count is let go
        self.window.reports.show_busy(False)
        self.window.reports.show_status(_("Stopped."))

    def _computed(self, report: Report) -> None:
        self.report = report
        self.window.reports.show_busy(False)
        self.window.reports.show_report(report)

    def export(self, kind: str, for_funder: bool) -> None:
        from oefenplek.documents.report_exports import file_name

        report = self.report
        if report is None:
            return
        location = self.services.settings.location_name()
        word = _("funder report") if for_funder else _("report")
        suggested = documents_folder() / file_name(location, report.period.label, word, kind)
        screen = self.window.reports

        def write(path: str) -> None:
            from oefenplek.documents.report_exports import WRITERS

            screen.show_busy(True)
            screen.show_status(_("Saving…"))
            logo = self.services.settings.logo_path()
            extra = {"logo": logo} if kind == "pdf" else {}
            cancel = self.saving = Cancel()

            def render(target: Path, progress: Callable[[int, int], None]) -> None:
                WRITERS[kind](report, location, target, for_funder, cancel.checked(progress),
                              **extra)

            self.services.ops.save_file(Path(path), render, self._failed,
                                        lambda _r: self._saved(path),
                                        progress=screen.show_progress)

        self.window.ask_save_path(str(suggested), write, kind)

    def _saved(self, path: str) -> None:
        self.saving = None
        self.window.reports.show_busy(False)
        self.window.reports.show_status(_("Saved: {path}").format(path=path))

    def _failed(self, message: str) -> None:
        self.saving = None
        self.window.reports.show_busy(False)
        self.window.reports.show_status(message)
