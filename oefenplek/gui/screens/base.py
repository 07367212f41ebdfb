"""What every learner screen shares: a title, and Luister and Hulp always in the top right.

Screens say what the person wants through signals; they never decide anything themselves.
While a text is read aloud, the word being spoken is marked in the label that shows it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from oefenplek.gui import theme
from oefenplek.gui.reading_order import in_reading_order, tabbable
from oefenplek.gui.retranslate import MSGID
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.flow import flow_row
from oefenplek.gui.widgets.marked_text import MarkedLabel
from oefenplek.i18n import _
from oefenplek.views.bilingual import isolated
from oefenplek.views.bilingual import plain as bidi_plain


def shown_text(label: QLabel) -> str:
    """The words a label shows (and read-aloud says): without marks, brackets or markup."""
    if isinstance(label, MarkedLabel):
        return label.plain_text()
    if label.textFormat() == Qt.TextFormat.RichText and label.property("plain") is not None:
        return str(label.property("plain"))
    return bidi_plain(label.text())  # without the isolates that keep Dutch in its order


class LearnerScreen(QWidget):
    listen_requested = Signal(str)
    help_requested = Signal()
    #: The button Enter presses on this screen when no other button has the focus.
    enter_button: QAbstractButton | None = None

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
        # A title without data in it is shown again in another language (gui/retranslate).
        self.title.setProperty(MSGID, getattr(text, "msgid", "") or None)

    def spoken_parts(self) -> list[QLabel]:
        """The labels Luister reads, in order; the word being said is marked in them."""
        return [self.title]

    def spoken_text(self) -> str:
        """What Luister reads on this screen."""
        return " ".join(shown_text(label) for label in self.spoken_parts()
                        if label.isVisibleTo(self) and shown_text(label))

    def spoken_pieces(self) -> list[tuple[str, str | None]]:
        """What Luister reads, in pieces of one language each: (text, language code), None
        for the interface's language. A label says its language in its "lang" property (a
        Dutch lesson text on a screen in Arabic); joined with spaces the pieces are
        spoken_text(), so a word's place counts the same."""
        pieces: list[tuple[str, str | None]] = []
        for label in self.spoken_parts():
            text = shown_text(label)
            if not (label.isVisibleTo(self) and text):
                continue
            language = label.property("lang") or None
            if pieces and pieces[-1][1] == language:
                pieces[-1] = (pieces[-1][0] + " " + text, language)
            else:
                pieces.append((text, language))
        return pieces

    def mark_word(self, start: int, length: int) -> None:
        """Mark the word at this place of spoken_text() in the label that shows it."""
        self.unmark_word()
        offset = 0
        for label in self.spoken_parts():
            text = shown_text(label)
            if not (label.isVisibleTo(self) and text):
                continue
            if offset <= start < offset + len(text):
                at = start - offset
                if isinstance(label, MarkedLabel):
                    label.mark(at, length)
                    self._marked = label
                    return
                colour = theme.current.palette.try_again
                marked = (html.escape(isolated(text[:at]))
                          + f'<span style="background-color:{colour};">'
                          + html.escape(isolated(text[at:at + length])) + "</span>"
                          + html.escape(isolated(text[at + length:])))
                label.setProperty("plain", text)
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setText(marked)
                self._marked = label
                return
            offset += len(text) + 1

    def unmark_word(self) -> None:
        if isinstance(self._marked, MarkedLabel):
            self._marked.unmark()
            self._marked = None
        if self._marked is not None:
            plain = self._marked.property("plain")
            self._marked.setTextFormat(Qt.TextFormat.PlainText)
            self._marked.setText(isolated(plain))
            self._marked.setProperty("plain", None)  # the next text is not this one
            self._marked = None

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab goes through the screen in reading order, from where the widgets stand now:
        line by line, and on a line from the left, or from the right in Arabic."""
        order = in_reading_order(self, tabbable(self))
        if not order:
            return super().focusNextPrevChild(next)
        focused = QApplication.focusWidget()
        at = next_index = None
        for index, widget in enumerate(order):
            if focused is not None and (widget is focused or widget.isAncestorOf(focused)):
                at = index
                break
        if at is None:
            next_index = 0 if next else len(order) - 1
        else:
            next_index = (at + (1 if next else -1)) % len(order)
        order[next_index].setFocus(Qt.FocusReason.TabFocusReason if next
                                   else Qt.FocusReason.BacktabFocusReason)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the button that has the focus, or else the screen's Enter button."""
        enter = self.enter_button
        if enter is None or event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        focused = QApplication.focusWidget()
        if isinstance(focused, QAbstractButton) and focused is not enter \
                and self.isAncestorOf(focused):
            focused.click()
        elif enter.isVisible() and enter.isEnabled():
            enter.click()

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
