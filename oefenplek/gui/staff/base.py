"""The frame every staff screen shares: a title, the screen's own part (scrolling when it
can grow), a status line, and the way back in the same place on every screen.

Screens built on it only draw what they are told; what to show is decided in
`oefenplek.views`, what happens in the controllers.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.scroll import scroll_area


class StatusLine(QLabel):
    """A sentence under the screen's content; it takes no room while there is nothing to say
    (so lists keep their height until something happened)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setVisible(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


class StaffScreen(QWidget):
    """Top to bottom: `header` (title, then what a screen adds), `top`, `content` (in a
    scroll area unless `scroll` is off), `below`, `status`, `footer` (the back button at the
    left). With `back_in_header` the back button closes the area from the top right instead.
    """

    back = Signal()

    def __init__(self, title: str = "", back_text: str = "", back_icon: str = "back",
                 back_description: str = "", back_in_header: bool = False,
                 scroll: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setProperty("role", "title")
        self.back_button = BigButton(back_text, back_icon, description=back_description)
        self.back_button.clicked.connect(self.back.emit)
        self.header = QHBoxLayout()
        self.header.addWidget(self.title)
        self.header.addStretch(1)
        self.top = QVBoxLayout()
        self.content_host = QWidget()
        self.content = QVBoxLayout(self.content_host)
        self.below = QVBoxLayout()
        self.status = StatusLine()
        self.footer = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 18)
        layout.addLayout(self.header)
        layout.addLayout(self.top)
        if scroll:
            layout.addWidget(scroll_area(self.content_host), 1)
        else:
            self.content.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.content_host, 1)
        layout.addLayout(self.below)
        layout.addWidget(self.status)
        layout.addLayout(self.footer)
        self._back_in_header = back_in_header
        if back_in_header:
            self.header.addWidget(self.back_button)
        else:
            self.footer.addWidget(self.back_button)
            self.footer.addStretch(1)

    def add_to_header(self, widget: QWidget) -> None:
        """Right of the title (and left of a close button in the header)."""
        at = self.header.count() - 1 if self._back_in_header else self.header.count()
        self.header.insertWidget(at, widget)

    def show_status(self, text: str) -> None:
        """One plain sentence about what just happened (saved, not saved, and why)."""
        self.status.setText(text)
