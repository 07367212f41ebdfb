"""Buttons a learner can hit and understand: always an icon and a word, never under 64 px."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from oefenplek.gui import theme
from oefenplek.gui.icons import file_pixmap, icon
from oefenplek.i18n import _

#: Icons that point a way: turned round when the writing goes from right to left.
MIRRORED = frozenset({"back", "next", "stop", "listen", "speaking"})


class BigButton(QPushButton):
    """A button with an icon left of its word. `role` picks the look ('primary' for Verder)."""

    def __init__(self, text: str, icon_name: str, role: str = "", parent: QWidget | None = None,
                 description: str = "") -> None:
        super().__init__(text, parent)
        self.icon_name = icon_name
        # What to show again in another language (texts from _() remember their msgid).
        self._msgids = (getattr(text, "msgid", ""), getattr(description, "msgid", ""))
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
        self._msgids = (getattr(text, "msgid", ""), self._msgids[1])

    def retranslate(self) -> None:
        """The text and description again in the current language; the arrow turned for
        the writing direction."""
        text, description = self._msgids
        if text:
            self.setText(_(text))
            self.setAccessibleName(_(text).replace("&", ""))
        if description:
            self.setAccessibleDescription(_(description))
        self.refresh_icon()

    def sizeHint(self) -> QSize:
        """Room for the word in bold too: a chosen choice is drawn bold (theme), and a row
        that gives each button just its size (a flow row) must not cut the word then."""
        hint = super().sizeHint()
        if self.isCheckable() and self.text():
            bold = QFont(self.font())
            bold.setBold(True)
            wide = QFontMetrics(bold)
            extra = wide.horizontalAdvance(self.text()) - QFontMetrics(
                self.font()).horizontalAdvance(self.text())
            # (and a letter's air: the choice's left padding is wider than a button's)
            hint.setWidth(hint.width() + max(0, extra) + wide.horizontalAdvance("m"))
        return hint

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
        mirrored = (self.icon_name in MIRRORED
                    and QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft)
        self.setIcon(icon(self.icon_name, colour, side, mirrored))
        self.setIconSize(QSize(side, side))


TILE_SIZE = QSize(200, 210)
BORDER_ROOM = 8  # a tile's border (6 px when focused or chosen) plus a little air


class TileButton(QPushButton):
    """A big tile: a picture with one or two lines of text under it."""

    def __init__(self, picture: Path | None, title: str, subtitle: str = "",
                 size: QSize = TILE_SIZE, picture_size: int = 110,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.tile_size = size
        self.fitted: QSize | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 12, 10, 10)
        layout.setSpacing(6)
        self._content = layout  # typed: self.layout() would be "QLayout | None"
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
        for label in (self.picture, self.title, self.subtitle):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        # Only once it sits in the tile: a label shown without a parent is a window of its own.
        self.subtitle.setVisible(bool(subtitle))
        self.setAccessibleName(title)
        self.setAccessibleDescription(subtitle)
        self._title_msgid = getattr(title, "msgid", "")

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self.setAccessibleName(text)
        self._title_msgid = getattr(text, "msgid", "")

    def retranslate(self) -> None:
        """A tile named by the app ("Ik ben nieuw") in the current language; a learner's
        or a lesson's name stays as it is."""
        msgid = getattr(self, "_title_msgid", "")
        if msgid:
            self.set_title(_(msgid))

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))
        self.setAccessibleDescription(text)

    def narrowest_width(self) -> int:
        """The width at which the title's longest word still fits on one line."""
        self.title.ensurePolished()
        metrics = QFontMetrics(self.title.font())
        longest = max((metrics.horizontalAdvance(word) for word in self.title.text().split()),
                      default=0)
        margins = self._content.contentsMargins()
        return longest + margins.left() + margins.right() + 2 * BORDER_ROOM

    def fit(self, width: int, at_least: int = 0) -> int:
        """Make the tile this wide and as tall as its text then needs; return that height.

        It is never lower than its height at 100 % letters or `at_least` (tiles in a row
        match); with bigger letters the text decides, so tiles do not grow empty space.
        """
        needed = self._content.heightForWidth(width - 2 * BORDER_ROOM) + 2 * BORDER_ROOM
        height = max(self.tile_size.height(), needed, at_least)
        self.fitted = QSize(width, height)
        self.setFixedSize(self.fitted)
        return height

    @staticmethod
    def fit_together(tiles: list[TileButton], width: int) -> None:
        """Give tiles one width and one height: the height the tallest of them needs."""
        height = max(tile.fit(width) for tile in tiles)
        for tile in tiles:
            tile.fit(width, height)

    def event(self, event: QEvent) -> bool:
        """After the stylesheet sets its own minimum size, put the fitted size back."""
        handled = super().event(event)
        fitted = getattr(self, "fitted", None)  # events come during __init__ too
        if fitted is not None and event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            self.setFixedSize(fitted)
        return handled

    def sizeHint(self) -> QSize:
        """Tiles keep their size (grown with the text); the stylesheet must not shrink them."""
        if self.fitted is not None:
            return self.fitted
        return self.tile_size * theme.current.scale

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
