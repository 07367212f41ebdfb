"""Choosing a lesson: themes down the left, that theme's lessons as big tiles on the right.

Each tile shows the icon, the title, the minutes and the state: new, busy (stap 4 van 9)
or done. No scrolling through all lessons at once: one theme at a time. When the letters are
so big that themes and tiles do not fit side by side, the screen shows one of them at a time:
first the themes, then the chosen theme's lessons with a button back to the themes.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from oefenplek.core.progress import LessonStatus
from oefenplek.gui import theme as theme_look
from oefenplek.gui.icons import file_pixmap
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.widgets.buttons import BigButton, TileButton
from oefenplek.gui.widgets.discard import discard
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import _, ngettext
from oefenplek.views.lessons import ThemeCard

MOST_COLUMNS = 3
LESSON_TILE = QSize(250, 300)  # at 100 % letters; tiles grow for a long word, shrink to fit 3


class LessonsScreen(LearnerScreen):
    lesson_chosen = Signal(str)
    stop_requested = Signal()
    preferences_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stop = BigButton(_("Stop"), "stop", description=_("Stop practising for today"))
        self.stop.clicked.connect(self.stop_requested.emit)
        self.look = BigButton(_("Letters and voice"), "settings",
                              description=_("Choose bigger letters, colours and the voice"))
        self.look.set_role("secondary")
        self.look.clicked.connect(self.preferences_requested.emit)
        self.to_themes = BigButton(_("Other themes"), "back",
                                   description=_("Back to the list of themes"))
        self.to_themes.clicked.connect(self.show_theme_list)
        self.to_themes.setVisible(False)
        self.header_buttons.addWidget(self.look)
        self.header_buttons.addWidget(self.stop)
        self.body.addWidget(self.to_themes, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.theme_column = QVBoxLayout()
        self.theme_column.setSpacing(10)
        theme_host = QWidget()
        theme_host.setLayout(self.theme_column)
        theme_scroll = scroll_area(theme_host)
        self.theme_scroll = theme_scroll
        row.addWidget(theme_scroll)
        self.tiles_host = QWidget()
        self.tiles = QGridLayout(self.tiles_host)
        self.tiles.setSpacing(20)
        tiles_scroll = scroll_area(self.tiles_host)
        self.tiles_scroll = tiles_scroll
        row.addWidget(tiles_scroll, 1)
        self.body.addLayout(row, 1)
        self.theme_group = QButtonGroup(self)
        self.theme_buttons: dict[str, BigButton] = {}
        self.lesson_tiles: dict[str, TileButton] = {}
        self.themes: list[ThemeCard] = []
        self.current_theme: str | None = None
        self.learner_name = ""
        self.theme_list_width = 0
        self.one_at_a_time = False  # themes or tiles, not both: the letters are too big
        self.showing_tiles = True

    def show_lessons(self, learner_name: str, themes: list[ThemeCard],
                     theme_id: str | None = None) -> None:
        self.learner_name = learner_name
        self.set_title(_("Hello {name}! Choose a lesson.").format(name=learner_name))
        while self.theme_column.count():
            item = self.theme_column.takeAt(0)
            assert item is not None  # count() > 0, so there is an item at 0
            widget = item.widget()  # a theme button, or None for the closing stretch
            if widget is not None:
                if isinstance(widget, QAbstractButton):
                    self.theme_group.removeButton(widget)
                widget.hide()
                widget.deleteLater()
        self.theme_buttons = {}
        self.themes = [theme for theme in themes if theme.lessons]
        for theme in self.themes:
            button = BigButton(theme.title, "", parent=None)
            if theme.icon:
                button.setIcon(file_pixmap(str(theme.icon), QSize(44, 44)))
                button.setIconSize(QSize(44, 44))
            button.setCheckable(True)
            button.setProperty("role", "choice")
            button.clicked.connect(lambda _c=False, t=theme.id: self.show_theme(t))
            self.theme_group.addButton(button)
            self.theme_column.addWidget(button)
            self.theme_buttons[theme.id] = button
        self.theme_column.addStretch(1)
        scale = theme_look.current.scale
        # Wide enough for the longest theme name, also in bold when it is the chosen one.
        widest = max((b.sizeHint().width() for b in self.theme_buttons.values()),
                     default=round(300 * scale))
        self.theme_list_width = round(widest * 1.1) + 40
        wanted = theme_id or self._theme_with_busy_lesson()
        if self.themes:
            self._fill_tiles(wanted if wanted in self.theme_buttons else self.themes[0].id)
        # With very big letters the themes come first, unless the learner was busy in one.
        self.showing_tiles = wanted in self.theme_buttons
        self._arrange()

    def show_theme_list(self) -> None:
        """With very big letters: the themes fill the screen until the learner picks one."""
        self.showing_tiles = False
        self._arrange()
        if self.current_theme in self.theme_buttons:
            self.theme_buttons[self.current_theme].setFocus()

    def _arrange(self) -> None:
        """Themes and tiles side by side when both fit, else one at a time."""
        smallest_tiles = round(LESSON_TILE.width() * 0.8 * theme_look.current.scale) + 80
        self.one_at_a_time = self.theme_list_width + smallest_tiles > self.width() - 40
        tiles = not self.one_at_a_time or self.showing_tiles
        themes = not self.one_at_a_time or not self.showing_tiles
        self.theme_scroll.setVisible(themes)
        self.tiles_scroll.setVisible(tiles)
        self.to_themes.setVisible(self.one_at_a_time and tiles)
        self.look.setVisible(not self.to_themes.isVisibleTo(self))  # it is on the theme list
        if self.one_at_a_time:
            self.theme_scroll.setMinimumWidth(0)
            self.theme_scroll.setMaximumWidth(16_777_215)
        else:
            self.theme_scroll.setFixedWidth(self.theme_list_width)
        self._place_tiles()

    def _theme_with_busy_lesson(self) -> str | None:
        for theme in self.themes:
            if any(card.status is LessonStatus.BUSY for card in theme.lessons):
                return theme.id
        return None

    def show_theme(self, theme_id: str) -> None:
        """The learner picked a theme: its lessons as tiles."""
        self._fill_tiles(theme_id)
        self.showing_tiles = True
        self._arrange()
        if self.one_at_a_time and self.lesson_tiles:
            next(iter(self.lesson_tiles.values())).setFocus()

    def _fill_tiles(self, theme_id: str) -> None:
        """New tiles for the theme's lessons; `_arrange` places them."""
        self.current_theme = theme_id
        self.theme_buttons[theme_id].setChecked(True)
        discard(self.tiles, self.lesson_tiles.values())
        self.lesson_tiles = {}
        theme = next(t for t in self.themes if t.id == theme_id)
        for card in theme.lessons:
            minutes = ngettext("{n} minute", "{n} minutes", card.minutes).format(n=card.minutes)
            tile = TileButton(card.icon, card.title, f"{minutes}\n{card.state_text()}",
                              size=LESSON_TILE, picture_size=80)
            tile.clicked.connect(lambda _c=False, i=card.id: self.lesson_chosen.emit(i))
            self.lesson_tiles[card.id] = tile

    def _place_tiles(self) -> None:
        """As many columns as fit the space, each tile wide enough for its longest word."""
        tiles = list(self.lesson_tiles.values())
        if not tiles:
            return
        for tile in tiles:
            self.tiles.removeWidget(tile)
        spacing = self.tiles.spacing()
        margins = self.tiles.contentsMargins()
        room = self.tiles_scroll.viewport().width() - margins.left() - margins.right() - 4
        narrowest = max(tile.narrowest_width() for tile in tiles)
        wanted = max(narrowest, round(LESSON_TILE.width() * theme_look.current.scale))
        fit = (room + spacing) // (narrowest + spacing)  # columns at the narrowest width
        columns = max(1, min(MOST_COLUMNS, len(tiles), fit))
        width = max(narrowest, min(wanted, (room - spacing * (columns - 1)) // columns))
        TileButton.fit_together(tiles, width)
        for index, tile in enumerate(tiles):
            self.tiles.addWidget(tile, index // columns, index % columns)
        self.tiles.setRowStretch(self.tiles.rowCount(), 1)
        self.tiles.setColumnStretch(MOST_COLUMNS, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # only the width changes columns
            self._arrange()

    def spoken_parts(self) -> list[QLabel]:
        parts = [self.title]
        if not self.tiles_scroll.isVisibleTo(self):
            return parts
        for tile in self.lesson_tiles.values():
            parts.extend((tile.title, tile.subtitle))
        return parts
