"""First screen: 'Wie ben jij?' The learner taps their own picture. No password."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from oefenplek import i18n, paths
from oefenplek.core.learners import Learner
from oefenplek.gui.retranslate import text_label
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.widgets.buttons import BigButton, TileButton
from oefenplek.gui.widgets.discard import discard
from oefenplek.gui.widgets.language_bar import LanguageBar
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import _

COLUMNS = 5


class PickerScreen(LearnerScreen):
    learner_chosen = Signal(str)
    new_learner_requested = Signal()
    about_requested = Signal()
    staff_requested = Signal()
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_title(_("Who are you? Tap your picture."))
        self.guide = text_label(_("Here for the first time? Tap: I am new."))
        # First of all, before a word must be read: the languages, by flag and own name.
        self.languages = LanguageBar(i18n.languages())
        self.languages.chosen.connect(self.language_chosen.emit)
        self.body.addWidget(self.languages)
        self.body.addWidget(self.guide)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(20)
        scroll = scroll_area(self.grid_host)
        self.body.addWidget(scroll, 1)
        self.tiles: dict[str, TileButton] = {}
        self.new_tile = TileButton(paths.asset("icons", "new-learner.svg"), _("I am new"),
                                   size=QSize(200, 210), picture_size=96)
        self.new_tile.clicked.connect(self.new_learner_requested.emit)
        # Quiet, small and out of the way: for the coordinator, not for learners.
        self.about = BigButton(_("About oefenplek"), "", description=_("Version and licence"))
        self.about.set_role("secondary")
        self.staff = BigButton(_("Staff"), "lock",
                               description=_("For volunteers and the coordinator, with a PIN"))
        self.staff.set_role("secondary")
        self.staff.clicked.connect(self.staff_requested.emit)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.staff)
        footer.addWidget(self.about)
        self.body.addLayout(footer)
        self.about.clicked.connect(self.about_requested.emit)

    def show_learners(self, learners: list[Learner]) -> None:
        self.languages.show_language(i18n.current_language())
        discard(self.grid, self.tiles.values())
        self.tiles = {}
        self.grid.addWidget(self.new_tile, 0, 0)
        for index, learner in enumerate(learners, start=1):
            tile = TileButton(paths.asset("avatars", f"{learner.avatar}.svg"), learner.name)
            tile.clicked.connect(lambda _checked=False, i=learner.id: self.learner_chosen.emit(i))
            self.grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
            self.tiles[learner.id] = tile
        self.grid.setRowStretch(self.grid.rowCount(), 1)
        self.grid.setColumnStretch(COLUMNS, 1)
        self.new_tile.setFocus()

    def spoken_parts(self) -> list[QLabel]:
        return [self.title, self.guide]
