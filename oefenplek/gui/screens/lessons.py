"""Choosing a lesson: themes down the left, that theme's lessons as big tiles on the right.

Each tile shows the icon, the title, the minutes and the state: new, busy (stap 4 van 9)
or done. No scrolling through all lessons at once: one theme at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
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
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import _, ngettext

COLUMNS = 3


@dataclass(frozen=True)
class LessonCard:
    id: str
    title: str
    icon: Path | None
    minutes: int
    status: LessonStatus
    step: int = 0
    total: int = 0

    def state_text(self) -> str:
        if self.status is LessonStatus.BUSY:
            return _("Busy: step {n} of {total}").format(n=self.step, total=self.total)
        if self.status is LessonStatus.DONE:
            return _("Done ✓")
        return _("New")


@dataclass(frozen=True)
class ThemeCard:
    id: str
    title: str
    icon: Path | None
    lessons: list[LessonCard] = field(default_factory=list)


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
        self.header_buttons.addWidget(self.look)
        self.header_buttons.addWidget(self.stop)
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
        row.addWidget(tiles_scroll, 1)
        self.body.addLayout(row, 1)
        self.theme_group = QButtonGroup(self)
        self.theme_buttons: dict[str, BigButton] = {}
        self.lesson_tiles: dict[str, TileButton] = {}
        self.themes: list[ThemeCard] = []
        self.current_theme: str | None = None
        self.learner_name = ""

    def show_lessons(self, learner_name: str, themes: list[ThemeCard],
                     theme_id: str | None = None) -> None:
        self.learner_name = learner_name
        self.set_title(_("Hello {name}! Choose a lesson.").format(name=learner_name))
        while self.theme_column.count():
            item = self.theme_column.takeAt(0)
            if item.widget() is not None:
                self.theme_group.removeButton(item.widget())  # type: ignore[arg-type]
                item.widget().hide()
                item.widget().deleteLater()
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
        self.theme_scroll.setFixedWidth(round(widest * 1.15) + 60)
        wanted = theme_id or self._theme_with_busy_lesson()
        if self.themes:
            self.show_theme(wanted if wanted in self.theme_buttons else self.themes[0].id)

    def _theme_with_busy_lesson(self) -> str | None:
        for theme in self.themes:
            if any(card.status is LessonStatus.BUSY for card in theme.lessons):
                return theme.id
        return None

    def show_theme(self, theme_id: str) -> None:
        self.current_theme = theme_id
        self.theme_buttons[theme_id].setChecked(True)
        for tile in self.lesson_tiles.values():
            self.tiles.removeWidget(tile)
            tile.hide()
            tile.deleteLater()
        self.lesson_tiles = {}
        theme = next(t for t in self.themes if t.id == theme_id)
        for index, card in enumerate(theme.lessons):
            minutes = ngettext("{n} minute", "{n} minutes", card.minutes).format(n=card.minutes)
            tile = TileButton(card.icon, card.title, f"{minutes}\n{card.state_text()}",
                              size=QSize(250, 300), picture_size=80)
            tile.clicked.connect(lambda _c=False, i=card.id: self.lesson_chosen.emit(i))
            columns = max(1, int(COLUMNS / theme_look.current.scale))
            self.tiles.addWidget(tile, index // columns, index % columns)
            self.lesson_tiles[card.id] = tile
        self.tiles.setRowStretch(self.tiles.rowCount(), 1)
        self.tiles.setColumnStretch(COLUMNS, 1)

    def spoken_parts(self) -> list[QLabel]:
        parts = [self.title]
        for tile in self.lesson_tiles.values():
            parts.extend((tile.title, tile.subtitle))
        return parts
