"""A new learner: first a name (or nickname), then a picture. Two screens, one thing each."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from oefenplek import paths
from oefenplek.core.learners import AVATARS, MAX_NAME_LENGTH
from oefenplek.core.text import clean_line
from oefenplek.gui import theme
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.widgets.buttons import BigButton, TileButton
from oefenplek.gui.widgets.flow import flow_row
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import _

AVATAR_TILE = QSize(130, 150)  # at 100 % letters


class NewLearnerScreen(LearnerScreen):
    """Emits `done(name, avatar)`; the controller checks and saves, then calls show_problem."""

    done = Signal(str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = QLabel()
        self.guide.setWordWrap(True)
        self.body.addWidget(self.guide)
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages, 1)

        # Page 1: the name.
        name_page = QWidget()
        name_layout = QVBoxLayout(name_page)
        name_layout.setSpacing(24)
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME_LENGTH + 20)
        self.retranslate()
        self.name.returnPressed.connect(self._to_pictures)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "instruction")
        self.problem.setVisible(False)
        name_layout.addWidget(self.name)
        name_layout.addWidget(self.problem)
        name_layout.addStretch(1)

        # Page 2: the picture.
        # The pictures wrap onto more rows when their names are long (Ukrainian at big
        # letters), and scroll up and down rather than leave the window.
        picture_page = QWidget()
        page_layout = QVBoxLayout(picture_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        tiles_host, grid = flow_row()
        grid.setSpacing(14)
        self.avatar_group = QButtonGroup(self)
        self.avatar_group.setExclusive(True)
        self.avatar_tiles: dict[str, TileButton] = {}
        for key, label in AVATARS.items():
            tile = TileButton(paths.asset("avatars", f"{key}.svg"), _(label),
                              size=AVATAR_TILE, picture_size=80)
            tile.setCheckable(True)
            self.avatar_group.addButton(tile)
            tile.clicked.connect(self._picture_chosen)
            self.avatar_tiles[key] = tile
            grid.addWidget(tile)
        self.picture_problem = QLabel()
        self.picture_problem.setWordWrap(True)
        self.picture_problem.setProperty("role", "instruction")
        self.picture_problem.setVisible(False)
        page_layout.addWidget(scroll_area(tiles_host), 1)
        page_layout.addWidget(self.picture_problem)

        self.pages.addWidget(name_page)
        self.pages.addWidget(picture_page)

        footer = QHBoxLayout()
        self.back = BigButton(_("Back"), "back")
        self.back.clicked.connect(self._back)
        self.next = BigButton(_("Next"), "next", role="primary")
        self.next.clicked.connect(self._next)
        footer.addWidget(self.back)
        footer.addStretch(1)
        footer.addWidget(self.next)
        self.body.addLayout(footer)

    def retranslate(self) -> None:
        """The field's name, the example and the pictures' names in the current language;
        the page's own texts again when the screen is on show."""
        self.name.setAccessibleName(_("Your first name or nickname"))
        self.name.setPlaceholderText(_("For example: Fatima"))
        if hasattr(self, "avatar_tiles"):
            for key, tile in self.avatar_tiles.items():
                tile.set_title(_(AVATARS[key]))
            self._show_page(self.pages.currentIndex(), focus=False)

    # --- flow ---------------------------------------------------------------------------
    def start(self) -> None:
        self.name.clear()
        self.problem.setVisible(False)
        self.picture_problem.setVisible(False)
        self.avatar_group.setExclusive(False)
        for tile in self.avatar_tiles.values():
            tile.setChecked(False)
        self.avatar_group.setExclusive(True)
        self._show_page(0)

    def _show_page(self, index: int, focus: bool = True) -> None:
        self.pages.setCurrentIndex(index)
        if index == 0:
            self.set_title(_("What is your name?"))
            self.guide.setText(_("Type it with the keyboard. Then tap Next."))
            self.next.set_text(_("Next"))
            self.next.setEnabled(True)
            if focus:
                self.name.setFocus()
        else:
            self.set_title(_("Choose your picture, {name}.").format(name=self.shown_name()))
            self.guide.setText(_("Tap a picture you will remember. Then tap Ready."))
            self.next.set_text(_("Ready"))
            self._update_ready()
            self._fit_tiles()
            if focus:
                next(iter(self.avatar_tiles.values())).setFocus()

    def _fit_tiles(self) -> None:
        """All picture tiles one width, wide enough for the longest name (vlinder, ...)."""
        tiles = list(self.avatar_tiles.values())
        width = max([round(AVATAR_TILE.width() * theme.current.scale)]
                    + [tile.narrowest_width() for tile in tiles])
        TileButton.fit_together(tiles, width)

    def shown_name(self) -> str:
        """The name as it will be kept: without signs nobody can see (core.text)."""
        return clean_line(self.name.text(), MAX_NAME_LENGTH + 20)

    def _to_pictures(self) -> None:
        if not self.shown_name():
            self.show_problem(_("Type your first name or a nickname."))
            return
        self.problem.setVisible(False)
        self._show_page(1)

    def _picture_chosen(self) -> None:
        self.picture_problem.setVisible(False)
        self._update_ready()

    def _update_ready(self) -> None:
        self.next.setEnabled(self.chosen_avatar() is not None)

    def _next(self) -> None:
        if self.pages.currentIndex() == 0:
            self._to_pictures()
        elif (avatar := self.chosen_avatar()) is not None:
            self.done.emit(self.name.text(), avatar)

    def _back(self) -> None:
        if self.pages.currentIndex() == 1:
            self._show_page(0)
        else:
            self.cancelled.emit()

    def chosen_avatar(self) -> str | None:
        return next((key for key, tile in self.avatar_tiles.items() if tile.isChecked()), None)

    def show_problem(self, message: str, field: str = "name") -> None:
        """Say plainly what to change; a name problem sends the learner back to the name."""
        label = self.picture_problem if field == "picture" else self.problem
        if field == "name" and self.pages.currentIndex() == 1:
            self._show_page(0)
        label.setText(message)
        label.setVisible(True)
        label.setAccessibleName(message)
        self.next.setEnabled(True)

    def spoken_parts(self) -> list[QLabel]:
        return [self.title, self.guide, self.problem, self.picture_problem]
