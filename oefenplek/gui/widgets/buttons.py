"""Buttons a learner can hit and understand: always an icon and a word, never under 64 px."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from oefenplek.gui import theme
from oefenplek.gui.icons import file_pixmap, icon


class BigButton(QPushButton):
    """A button with an icon left of its word. `role` picks the look ('primary' for Verder)."""

    def __init__(self, text: str, icon_name: str, role: str = "", parent: QWidget | None = None,
                 description: str = "") -> None:
        super().__init__(text, parent)
        self.icon_name = icon_name
        self.setProperty("role", role)
        self.refresh_icon()
        self.setAccessibleName(text.replace("&", ""))
        if description:
            self.setAccessibleDescription(description)
        self.setMinimumSize(theme.MIN_TARGET, theme.MIN_TARGET)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)

    def set_text(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)

    def set_role(self, role: str) -> None:
        self.setProperty("role", role)
        self.style().unpolish(self)
        self.style().polish(self)
        self.refresh_icon()

    def refresh_icon(self) -> None:
        """Draw the icon in the colour of the text it sits beside (contrast, size)."""
        if not self.icon_name:
            return
        palette = theme.current.palette
        colour = palette.primary_text if self.property("role") == "primary" else palette.text
        if self.property("role") == "help-coming":
            colour = palette.try_again_text
        side = round(36 * min(theme.current.scale, 1.4))  # icons grow less than words
        self.setIcon(icon(self.icon_name, colour, side))
        self.setIconSize(QSize(side, side))


TILE_SIZE = QSize(200, 210)


class TileButton(QPushButton):
    """A big tile: a picture with one or two lines of text under it."""

    def __init__(self, picture: Path | None, title: str, subtitle: str = "",
                 size: QSize = TILE_SIZE, picture_size: int = 110,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.tile_size = size
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 12, 10, 10)
        layout.setSpacing(6)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if picture is not None:
            self.picture.setPixmap(file_pixmap(str(picture), QSize(picture_size, picture_size)))
        self.picture.setMinimumHeight(picture_size)
        self.title = QLabel(title)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.subtitle = QLabel(subtitle)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        self.subtitle.setProperty("role", "muted")
        self.subtitle.setVisible(bool(subtitle))
        for label in (self.picture, self.title, self.subtitle):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setAccessibleName(title)
        self.setAccessibleDescription(subtitle)

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))
        self.setAccessibleDescription(text)

    def sizeHint(self) -> QSize:
        """Tiles keep their size (grown with the text); the stylesheet must not shrink them."""
        return self.tile_size * theme.current.scale

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
