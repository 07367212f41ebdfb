"""Making, recording, printing and saving a learner's certificate."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QWidget

from oefenplek.core.certificates import LESSON, Certificate, for_lesson, for_theme
from oefenplek.documents.certificate import Page, layout, render_pdf, theme_icon
from oefenplek.gui.background import run_in_background
from oefenplek.gui.printing import print_page
from oefenplek.i18n import _
from oefenplek.storage.db import StorageError
from oefenplek.storage.settings import logo_path

if TYPE_CHECKING:
    from oefenplek.gui.controller import LearnerController


class CertificateController(QObject):
    def __init__(self, learners: LearnerController) -> None:
        super().__init__(learners)
        self.learners = learners
        self.window = learners.window
        self.page: Page | None = None
        self.certificate: Certificate | None = None
        screen = self.window.certificate
        self.window.end.certificate_requested.connect(self.make)
        screen.print_requested.connect(self.print)
        screen.save_requested.connect(self.save)
        screen.back_requested.connect(lambda: self.window.show_screen(self.back_to))
        self.back_to: QWidget = self.window.end

    def make(self, kind: str) -> None:
        """From the end screen: the learner's certificate for the lesson just finished."""
        learner, lesson = self.learners.learner, self.learners.finished_lesson
        if learner is not None and lesson is not None:
            self.make_for(learner.id, lesson.id, kind, "", self.window.end)

    def make_for(self, learner_id: str, lesson_id: str, kind: str, signer: str,
                 back_to: QWidget) -> None:
        """Record the certificate as handed out and show it; Back returns to `back_to`."""
        if self.learners.repository.learner(learner_id) is None:
            return
        if lesson_id not in self.learners.catalog.lessons:
            return
        self.back_to = back_to
        try:
            self.certificate, self.page = self.issue(learner_id, lesson_id, kind, signer)
        except StorageError as error:
            self.learners.tell(str(error))
            return
        self.window.certificate.show_certificate(self.page)
        self.window.show_screen(self.window.certificate)

    def show_issued(self, learner_id: str, certificate_id: str, back_to: QWidget) -> None:
        """A certificate handed out before, exactly as it was (its stored text)."""
        found = [c for c in self.learners.repository.certificates(learner_id)
                 if c.id == certificate_id]
        if not found:
            return
        self.back_to, self.certificate = back_to, found[0]
        self.page = self._layout(found[0])
        self.window.certificate.show_certificate(self.page)
        self.window.show_screen(self.window.certificate)

    def _layout(self, certificate: Certificate) -> Page:
        theme = self.learners.catalog.theme(certificate.theme_id)
        colour = theme.colour if theme else "#124A99"
        return layout(certificate, colour, theme_icon(certificate.theme_id),
                      logo_path(self.learners.repository))

    def issue(self, learner_id: str, lesson_id: str, kind: str,
              signer: str) -> tuple[Certificate, Page]:
        """Record a certificate as handed out and lay it out; the same paper every reprint."""
        repository, catalog = self.learners.repository, self.learners.catalog
        learner, lesson = repository.learner(learner_id), catalog.lessons[lesson_id]
        assert learner is not None
        location, today = repository.location_name(), date.today()
        theme = catalog.theme(lesson.theme)
        if kind == LESSON or theme is None:
            certificate = for_lesson(learner.name, lesson, location, today, signer,
                                     learner_id=learner.id)
        else:
            certificate = for_theme(learner.name, theme, catalog, location, today, signer,
                                    learner_id=learner.id)
        issued = repository.issue_certificate(certificate)
        return issued, self._layout(issued)

    def print(self) -> None:
        page = self.page
        if page is None:
            return
        self.window.ask_printer(lambda printer: self._printed(print_page(printer, page)))

    def _printed(self, ok: bool) -> None:
        self.window.certificate.show_status(
            _("The certificate is on its way to the printer.") if ok
            else _("The printer did not start. Ask the volunteer."))

    def save(self) -> None:
        if self.page is None or self.certificate is None:
            return
        name = safe_file_name(f"{_('certificate')} {self.certificate.learner_name} "
                              f"{self.certificate.title}")
        self.window.ask_save_path(str(documents_folder() / f"{name}.pdf"), self._save_to)

    def _save_to(self, path: str) -> None:
        page = self.page
        assert page is not None
        screen = self.window.certificate
        screen.show_status(_("Saving…"))
        run_in_background(
            lambda: render_pdf(page, Path(path)),
            lambda _result: screen.show_status(_("Saved: {path}").format(path=path)),
            lambda error: screen.show_status(
                _("The certificate could not be saved there: {error}").format(error=error)))


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def safe_file_name(text: str) -> str:
    """A file name without characters that Windows or Linux refuse."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text)
    return " ".join(cleaned.split())[:120] or "certificaat"
