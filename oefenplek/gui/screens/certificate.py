"""The learner's certificate: a picture of it, and Print or Save as PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.i18n import _

if TYPE_CHECKING:
    from oefenplek.documents.certificate import Page


class CertificateScreen(LearnerScreen):
    print_requested = Signal()
    save_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_title(_("Your certificate"))
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.preview, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        footer = QHBoxLayout()
        footer.setSpacing(16)
        self.back = BigButton(_("Back"), "back")
        self.save = BigButton(_("Save as PDF"), "check",
                              description=_("Save the certificate as a PDF file"))
        self.print = BigButton(_("Print"), "print", role="primary",
                               description=_("Print the certificate on paper"))
        self.back.clicked.connect(self.back_requested.emit)
        self.save.clicked.connect(self.save_requested.emit)
        self.print.clicked.connect(self.print_requested.emit)
        footer.addWidget(self.back)
        footer.addStretch(1)
        footer.addWidget(self.save)
        footer.addWidget(self.print)
        self.body.addLayout(footer)
        self.page: Page | None = None

    def show_certificate(self, page: Page) -> None:
        self.page = page
        self.status.clear()
        from oefenplek.gui.printing import preview_image  # reportlab: only when needed

        image = preview_image(page, 900)
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            760, 540, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self.preview.setAccessibleName(page.title)
        self.print.setFocus()

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def spoken_parts(self) -> list[QLabel]:
        return [self.title, self.status]
