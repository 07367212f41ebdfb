"""What every learner screen shares: a title, a Luister button always in the top right,
and a body. Screens tell what they want through signals; they never decide anything."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.i18n import _


class LearnerScreen(QWidget):
    listen_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.listen = BigButton(_("Listen"), "listen",
                                description=_("Reads this screen aloud"))
        self.listen.clicked.connect(lambda: self.listen_requested.emit(self.spoken_text()))
        self.header = QHBoxLayout()
        self.header.setSpacing(16)
        self.header.addWidget(self.title, 1)
        self.header_buttons = QHBoxLayout()
        self.header_buttons.setSpacing(12)
        self.header.addLayout(self.header_buttons)
        self.header.addWidget(self.listen)
        self.body = QVBoxLayout()
        self.body.setSpacing(18)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.setSpacing(20)
        outer.addLayout(self.header)
        outer.addLayout(self.body, 1)

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self.title.setAccessibleName(text)

    def spoken_text(self) -> str:
        """What Luister reads on this screen."""
        return self.title.text()

    def set_speech_available(self, available: bool, reason: str = "") -> None:
        self.listen.setEnabled(available)
        self.listen.setToolTip("" if available else _("Read-aloud does not work on this "
                                                      "computer: {reason}").format(reason=reason))
