"""What every learner screen shares: a title, and Luister and Hulp always in the top right.

Screens say what the person wants through signals; they never decide anything themselves.
While a text is read aloud, the word being spoken is marked in the label that shows it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from oefenplek.gui import theme
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.flow import flow_row
from oefenplek.i18n import _


class LearnerScreen(QWidget):
    listen_requested = Signal(str)
    help_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.listen = BigButton(_("Listen"), "listen",
                                description=_("Reads this screen aloud"))
        self.listen.clicked.connect(self._listen)
        self.help = BigButton(_("Help"), "help",
                              description=_("Ask the volunteer to come and help you"))
        self.help.clicked.connect(self.help_requested.emit)
        # The top bar: what a screen adds on the left, Luister and Hulp always at the right.
        self.header = QHBoxLayout()
        self.header.setSpacing(16)
        buttons_host, self.header_buttons = flow_row()
        self.header.addWidget(buttons_host, 1)
        self.header.addWidget(self.listen)
        self.header.addWidget(self.help)
        self.body = QVBoxLayout()
        self.body.setSpacing(16)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 18, 28, 18)
        outer.setSpacing(14)
        outer.addLayout(self.header)
        outer.addWidget(self.title)
        outer.addLayout(self.body, 1)
        self._marked: QLabel | None = None

    def _listen(self) -> None:
        self.unmark_word()
        self.listen_requested.emit(self.spoken_text())

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self.title.setAccessibleName(text)

    def spoken_parts(self) -> list[QLabel]:
        """The labels Luister reads, in order; the word being said is marked in them."""
        return [self.title]

    def spoken_text(self) -> str:
        """What Luister reads on this screen."""
        return " ".join(label.text() for label in self.spoken_parts()
                        if label.isVisibleTo(self) and label.text())

    def mark_word(self, start: int, length: int) -> None:
        """Mark the word at this place of spoken_text() in the label that shows it."""
        self.unmark_word()
        offset = 0
        for label in self.spoken_parts():
            if not (label.isVisibleTo(self) and label.text()):
                continue
            text = label.text()
            if offset <= start < offset + len(text):
                at = start - offset
                colour = theme.current.palette.try_again
                marked = (html.escape(text[:at])
                          + f'<span style="background-color:{colour};">'
                          + html.escape(text[at:at + length]) + "</span>"
                          + html.escape(text[at + length:]))
                label.setProperty("plain", text)
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setText(marked)
                self._marked = label
                return
            offset += len(text) + 1

    def unmark_word(self) -> None:
        if self._marked is not None:
            plain = self._marked.property("plain")
            self._marked.setTextFormat(Qt.TextFormat.PlainText)
            self._marked.setText(plain)
            self._marked.setProperty("plain", None)  # the next text is not this one
            self._marked = None

    def set_speech_available(self, available: bool) -> None:
        """Without speech the Luister button is hidden rather than failing."""
        self.listen.setVisible(available)

    def set_help_coming(self, coming: bool) -> None:
        if coming:
            self.help.set_text(_("Help is coming"))
            self.help.set_role("help-coming")
        else:
            self.help.set_text(_("Help"))
            self.help.set_role("")
