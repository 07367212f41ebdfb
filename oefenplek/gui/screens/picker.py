"""First screen: 'Wie ben jij?' The learner taps their own picture. No password.

A busy location has thousands of learners, most recently seen first. A tile takes a few
milliseconds to make, so they are made a few rows at a time: the first rows at once, the next
ones as the learner scrolls or tabs towards the end of what is there, so a start costs the
same with 20 learners as with 2,000. The same learners shown again (the quick look at start,
then the database) keep their tiles.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QApplication, QGridLayout, QHBoxLayout, QLabel, QWidget

from oefenplek import i18n, paths
from oefenplek.core.learners import LearnerEntry
from oefenplek.gui.retranslate import text_label
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.widgets.buttons import BigButton, TileButton
from oefenplek.gui.widgets.discard import discard
from oefenplek.gui.widgets.language_bar import LanguageBar
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import _

COLUMNS = 5
#: Tiles made at a time: more rows than the largest window shows at once.
BATCH = COLUMNS * 6


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
        self.area = scroll_area(self.grid_host)
        self.body.addWidget(self.area, 1)
        #: The tiles made so far, by learner id, in the order of the learners.
        self.tiles: dict[str, TileButton] = {}
        self.learners: list[LearnerEntry] = []
        self._stretched = 0
        bar = self.area.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(self._scrolled)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
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

    def show_learners(self, learners: list[LearnerEntry]) -> None:
        self.languages.show_language(i18n.current_language())
        if learners != self.learners or not self.grid.count():
            discard(self.grid, self.tiles.values())
            self.tiles, self.learners = {}, list(learners)
            self.grid.addWidget(self.new_tile, 0, 0)
            self.grid.setColumnStretch(COLUMNS, 1)
            self.area.verticalScrollBar().setValue(0)
            self.make_tiles(BATCH)
        self.new_tile.setFocus()

    def make_tiles(self, count: int) -> None:
        """Make the next `count` tiles (fewer when there are no more learners)."""
        start = len(self.tiles)
        for index, learner in enumerate(self.learners[start:start + count], start=start + 1):
            tile = TileButton(paths.asset("avatars", f"{learner.avatar}.svg"), learner.name)
            tile.clicked.connect(lambda _checked=False, i=learner.id: self.learner_chosen.emit(i))
            self.grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
            self.tiles[learner.id] = tile
        last = len(self.tiles) // COLUMNS + 1  # the row under the last tile takes the room
        if last != self._stretched:
            self.grid.setRowStretch(self._stretched, 0)
            self.grid.setRowStretch(last, 1)
            self._stretched = last

    def tile(self, learner_id: str) -> TileButton | None:
        """The learner's tile, made now when it was not yet (None: no such learner here)."""
        while learner_id not in self.tiles and len(self.tiles) < len(self.learners):
            self.make_tiles(BATCH)
        return self.tiles.get(learner_id)

    def _scrolled(self, *_args: int) -> None:
        """Near the end of the tiles made so far (or when they do not fill the screen):
        make the next rows, so scrolling never reaches an end while there are more."""
        bar = self.area.verticalScrollBar()
        if len(self.tiles) < len(self.learners) and bar.value() >= bar.maximum() - bar.pageStep():
            self.make_tiles(BATCH)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Tab onto one of the last tiles made: the next rows are made, so Tab goes on to
        them, and the tile with the focus is scrolled into view."""
        if not isinstance(new, TileButton) or not self.grid_host.isAncestorOf(new):
            return
        if len(self.tiles) < len(self.learners) and new in list(self.tiles.values())[-COLUMNS:]:
            self.make_tiles(BATCH)
        self.area.ensureWidgetVisible(new)

    def spoken_parts(self) -> list[QLabel]:
        return [self.title, self.guide]
