"""Showing, printing and saving a learner's certificate.

Asked for over `Events` (from the learner's end screen or the volunteer's learner page), so
the controllers that ask do not import this one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from oefenplek.core.certificates import Certificate
from oefenplek.gui.certificate_pages import issue, page_of
from oefenplek.gui.files import documents_folder, private_names, safe_file_name
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.services import Services
from oefenplek.i18n import _

if TYPE_CHECKING:
    from oefenplek.documents.certificate import Page


class CertificateController(QObject):
    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window, self.services = window, services
        self.page: Page | None = None
        self.certificate: Certificate | None = None
        self.back_to: QWidget = window.end
        screen = window.certificate
        screen.print_requested.connect(self.print)
        screen.save_requested.connect(self.save)
        screen.back_requested.connect(self.back)
        services.events.certificate_wanted.connect(self.make_for)
        services.events.certificate_again.connect(self.show_issued)

    def back(self) -> None:
        self.window.show_screen(self.back_to)
        self.services.events.certificate_closed.emit(self.back_to)

    def make_for(self, learner_id: str, lesson_id: str, kind: str, signer: str,
                 back_to: QWidget) -> None:
        """Record the certificate as handed out and show it; Back returns to `back_to`."""
        def show(made: tuple[Certificate, Page] | None) -> None:
            if made is not None:
                self.back_to = back_to
                self._show(*made)

        self.services.ops.run(
            lambda: issue(self.services, learner_id, lesson_id, kind, signer),
            self.window.show_problem, show)

    def show_issued(self, learner_id: str, certificate_id: str, back_to: QWidget) -> None:
        """A certificate handed out before, exactly as it was (its stored text)."""
        found = [c for c in self.services.repository.certificates(learner_id)
                 if c.id == certificate_id]
        if found:
            self.back_to = back_to
            self._show(found[0], page_of(self.services, found[0]))

    def _show(self, certificate: Certificate, page: Page) -> None:
        self.certificate, self.page = certificate, page
        self.window.certificate.show_certificate(page)
        self.window.show_screen(self.window.certificate)

    def print(self) -> None:
        from oefenplek.gui.printing import print_page

        page = self.page
        if page is not None:
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
        from oefenplek.documents.certificate import render_pdf

        page, certificate = self.page, self.certificate
        assert page is not None and certificate is not None
        screen = self.window.certificate
        screen.show_status(_("Saving…"))
        self.services.ops.save_file(
            Path(path), lambda target, _progress: render_pdf(page, target), screen.show_status,
            lambda _result: screen.show_status(_("Saved: {path}").format(path=path)),
            private=private_names(certificate.learner_name, certificate.learner_id))
