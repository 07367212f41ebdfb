"""Reports for the coordinator: figures for a period, and exports that never block."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from oefenplek.core.reports import Period, Report, build_report
from oefenplek.documents.report_exports import WRITERS, file_name
from oefenplek.gui.background import run_in_background
from oefenplek.gui.certificate_controller import documents_folder
from oefenplek.i18n import _
from oefenplek.storage.report_queries import report_facts
from oefenplek.storage.settings import logo_path

if TYPE_CHECKING:
    from oefenplek.gui.staff.controller import StaffController


class ReportController(QObject):
    def __init__(self, staff: StaffController) -> None:
        super().__init__(staff)
        self.staff = staff
        self.window = staff.window
        self.report: Report | None = None
        screen = self.window.reports
        self.window.today.manage_reports.connect(self.show)
        screen.period_chosen.connect(self.compute)
        screen.export.connect(self.export)
        screen.back.connect(staff.show_today)

    def show(self) -> None:
        self.window.show_screen(self.window.reports)
        self.compute(Period.month(date.today()))

    def compute(self, period: Period) -> None:
        """Figures are computed off the GUI thread: a busy year takes a moment."""
        catalog = self.staff.learners.catalog
        themes = {lesson.id: (catalog.theme(lesson.theme) or lesson).title
                  for lesson in catalog.lessons.values()}
        titles = {lesson.id: lesson.title for lesson in catalog.lessons.values()}
        repository, screen = self.staff.learners.repository, self.window.reports
        screen.show_busy(True)
        screen.show_status(_("Counting…"))

        def done(report: object) -> None:
            assert isinstance(report, Report)
            self.report = report
            screen.show_busy(False)
            screen.show_report(report)

        run_in_background(lambda: build_report(report_facts(repository, period, themes, titles)),
                          done, self._failed)

    def export(self, kind: str, for_funder: bool) -> None:
        report = self.report
        if report is None:
            return
        location = self.staff.learners.repository.location_name()
        word = _("funder report") if for_funder else _("report")
        suggested = documents_folder() / file_name(location, report.period.label, word, kind)
        screen = self.window.reports

        def write(path: str) -> None:
            screen.show_busy(True)
            screen.show_status(_("Saving…"))

            logo = logo_path(self.staff.learners.repository)
            extra = {"logo": logo} if kind == "pdf" else {}

            def work(progress: Callable[[int, int], None]) -> None:
                WRITERS[kind](report, location, Path(path), for_funder, progress, **extra)

            run_in_background(work, lambda _r: self._saved(path), self._failed,
                              progress=screen.show_progress)

        self.window.ask_save_path(str(suggested), write, kind)

    def _saved(self, path: str) -> None:
        self.window.reports.show_busy(False)
        self.window.reports.show_status(_("Saved: {path}").format(path=path))

    def _failed(self, error: str) -> None:
        self.window.reports.show_busy(False)
        self.window.reports.show_status(_("This did not work: {error}").format(error=error))
