"""One glossary word explained: the word big, its picture, one sentence, Luister and Sluit.

It opens over the step and never blocks the app; Sluit, Escape or closing it brings the
learner back to the step exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from oefenplek.gui.icons import file_pixmap
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.i18n import _

PICTURE_SIZE = QSize(320, 200)


class WordDialog(QDialog):
    """Tells what one word means. Emits `listen_requested(text)` for Luister."""

    listen_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.word = QLabel()
        self.word.setProperty("role", "title")
        self.word.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.word.setWordWrap(True)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain = QLabel()
        self.explain.setProperty("role", "instruction")
        self.explain.setWordWrap(True)
        self.explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.listen = BigButton(_("Listen"), "listen",
                                description=_("Reads the explanation aloud"))
        self.close_button = BigButton(_("Close it"), "close", role="primary",
                                      description=_("Back to the step"))
        self.spoken = ""
        self.listen.clicked.connect(lambda: self.listen_requested.emit(self.spoken))
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addStretch(1)
        row.addWidget(self.listen)
        row.addWidget(self.close_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(24)
        layout.addWidget(self.word)
        layout.addWidget(self.picture)
        layout.addWidget(self.explain)
        layout.addLayout(row)

    def show_word(self, word: str, explain: str, picture: Path | None, spoken: str,
                  can_listen: bool) -> None:
        """Open the dialog for one word; `spoken` is what Luister says (the word, then its
        explanation, or the glossary's own `say`)."""
        self.setWindowTitle(word)
        self.setAccessibleName(word)
        self.word.setText(word)
        self.word.setAccessibleName(word)
        self.explain.setText(explain)
        self.explain.setAccessibleName(explain)
        pixmap = file_pixmap(str(picture), PICTURE_SIZE) if picture is not None else None
        if pixmap is not None and not pixmap.isNull():
            self.picture.setPixmap(pixmap)
            self.picture.setAccessibleName(word)
            self.picture.setVisible(True)
        else:
            self.picture.clear()
            self.picture.setVisible(False)
        self.spoken = spoken
        self.listen.setVisible(can_listen)
        owner = self.parentWidget()
        self.setMinimumWidth(round(owner.width() * 0.7) if owner else 700)
        self.adjustSize()
        self.open()
        self.close_button.setFocus()
