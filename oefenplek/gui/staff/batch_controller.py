"""Certificates for a group: one lesson, the learners who finished it, one print or one PDF."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from oefenplek.core.certificates import LESSON
from oefenplek.gui.certificate_pages import issue_all
from oefenplek.gui.files import documents_folder, safe_file_name
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.services import Services
from oefenplek.i18n import _, ngettext
from oefenplek.views.staff import lesson_choices

if TYPE_CHECKING:
    from oefenplek.documents.certificate import Page


class BatchController(QObject):
    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window, self.services = window, services
        screen = window.batch
        window.today.batch_requested.connect(self.show)
        screen.lesson_changed.connect(self.show_people)
        screen.back.connect(services.events.staff_home.emit)
        screen.print_requested.connect(self.print)
        screen.save_requested.connect(self.save)

    def show(self) -> None:
        self.window.batch.show_lessons(lesson_choices(self.services.catalog))
        self.window.show_screen(self.window.batch)

    def show_people(self, lesson_id: str) -> None:
        self.services.ops.run(lambda: self.services.staff.finished_by(lesson_id),
                              self.window.batch.show_status, self.window.batch.show_people)

    def _pages(self, lesson_id: str, learner_ids: list[str]) -> list[Page]:
        """Record a certificate for each chosen learner (all or none); the pages."""
        made = issue_all(self.services, learner_ids, lesson_id, LESSON,
                         self.services.session.signer)
        return [page for _certificate, page in made]

    def print(self, lesson_id: str, learner_ids: list[str]) -> None:
        if learner_ids:
            self.services.ops.run(lambda: self._pages(lesson_id, learner_ids),
                                  self.window.batch.show_status, self._print_pages)

    def _print_pages(self, pages: list[Page]) -> None:
        from oefenplek.gui.printing import print_page

        screen = self.window.batch
        self.window.ask_printer(lambda printer: screen.show_status(
            ngettext("{n} certificate is on its way to the printer.",
                     "{n} certificates are on their way to the printer.", len(pages))
            .format(n=len(pages)) if print_page(printer, pages)
            else _("The printer did not start.")))

    def save(self, lesson_id: str, learner_ids: list[str]) -> None:
        if learner_ids:
            self.services.ops.run(lambda: self._pages(lesson_id, learner_ids),
                                  self.window.batch.show_status,
                                  lambda pages: self._save_pages(lesson_id, pages))

    def _save_pages(self, lesson_id: str, pages: list[Page]) -> None:
        from oefenplek.documents.certificate import render_pdf

        lesson = self.services.catalog.lessons.get(lesson_id)
        name = f"{_('certificates')} {lesson.title if lesson else lesson_id}"
        screen = self.window.batch

        def write(path: str) -> None:
            screen.show_status(_("Saving…"))
            self.services.ops.save_file(
                Path(path), lambda target, _progress: render_pdf(pages, target),
                screen.show_status,
                lambda _r: screen.show_status(_("Saved: {path}").format(path=path)))

        self.window.ask_save_path(str(documents_folder() / f"{safe_file_name(name)}.pdf"), write)
