"""The volunteer's overview of today: who is here, at which computer, who asked for help.

It refreshes itself every second or two; cards are made anew only when something on them
changed, so a click or the keyboard focus is not lost to a refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from oefenplek import paths
from oefenplek.gui.icons import file_pixmap
from oefenplek.gui.staff.base import StaffScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.discard import discard
from oefenplek.gui.widgets.flow import flow_row
from oefenplek.i18n import _
from oefenplek.views.staff import TodayRow

__all__ = ["TodayRow", "TodayScreen"]  # the views' row, where it was


class TodayScreen(StaffScreen):
    open_learner = Signal(str)
    help_handled = Signal(str)
    end_visit = Signal(str)
    start_visit = Signal(str)
    leave = Signal()
    learners_requested = Signal()
    batch_requested = Signal()
    manage_learners = Signal()
    manage_people = Signal()
    manage_settings = Signal()
    manage_reports = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Today"), _("Close"), "lock", _("Close the staff area"),
                         back_in_header=True, parent=parent)
        self.close_button = self.back_button
        self.back.connect(self.leave.emit)
        self.who = QLabel()
        self.add_to_header(self.who)
        self.rows_host, self.rows = self.content_host, self.content
        self.rows.setSpacing(12)
        self.empty = QLabel(_("Nobody has come in today yet."))
        self.rows.addWidget(self.empty)
        self.rows.addStretch(1)  # cards go above it
        visit_row = QHBoxLayout()
        visit_row.addWidget(QLabel(_("Visit without the computer:")))
        self.visit_learner = QComboBox()
        self.visit_learner.setAccessibleName(_("Learner"))
        self.visit_learner.setMinimumHeight(56)
        visit_row.addWidget(self.visit_learner, 1)
        self.visit = BigButton(_("Start visit"), "check")
        self.visit.clicked.connect(
            lambda: self.start_visit.emit(self.visit_learner.currentData() or ""))
        visit_row.addWidget(self.visit)
        self.below.addLayout(visit_row)
        self.batch = BigButton(_("Certificates for a group"), "star")
        self.batch.clicked.connect(self.batch_requested.emit)
        footer_host, footer = flow_row()  # wraps rather than cutting labels off
        footer.addWidget(self.batch)
        # Only the coordinator sees these.
        self.learners_button = BigButton(_("Learners"), "new-learner")
        self.people_button = BigButton(_("Team"), "help")
        self.settings_button = BigButton(_("Settings"), "settings")
        self.reports_button = BigButton(_("Reports"), "print")
        self.reports_button.clicked.connect(self.manage_reports.emit)
        self.learners_button.clicked.connect(self.manage_learners.emit)
        self.people_button.clicked.connect(self.manage_people.emit)
        self.settings_button.clicked.connect(self.manage_settings.emit)
        for button in (self.learners_button, self.people_button, self.reports_button,
                       self.settings_button):
            footer.addWidget(button)
        self.footer.addWidget(footer_host, 1)
        self.cards: dict[str, QFrame] = {}
        self.shown_rows: list[TodayRow] | None = None

    def show_today(self, who: str, rows: list[TodayRow], learners: list[tuple[str, str]],
                   coordinator: bool = False) -> None:
        """Everything, when the overview opens: who is signed in, the cards, the learners
        a visit can be started for, and the coordinator's buttons."""
        self.who.setText(who)
        for button in (self.learners_button, self.people_button, self.reports_button,
                       self.settings_button):
            button.setVisible(coordinator)
        self.show_rows(rows)
        current = self.visit_learner.currentData()
        self.visit_learner.clear()
        for learner_id, name in learners:
            self.visit_learner.addItem(name, learner_id)
        if current:
            self.visit_learner.setCurrentIndex(max(0, self.visit_learner.findData(current)))

    def show_rows(self, rows: list[TodayRow]) -> None:
        """Only the cards: what the refresh changes. A card whose row is the same stays as
        it is (making 30 cards costs about 100 ms, one card a few); the keyboard focus goes
        back to the same button on the same learner's card when that card was made anew."""
        if rows == self.shown_rows:
            return
        focused = self._focused_button()
        before = {row.learner_id: row for row in self.shown_rows or []}
        old, self.cards = self.cards, {}
        self.shown_rows = list(rows)
        for row in rows:
            card = old.pop(row.learner_id, None)
            if card is not None and before.get(row.learner_id) != row:
                self._drop(card)
                card = None
            self.cards[row.learner_id] = card or self._card(row)
        for card in old.values():
            self._drop(card)
        for place, card in enumerate(self.cards.values(), start=1):  # 0 is `empty`
            if self.rows.indexOf(card) != place:
                self.rows.removeWidget(card)
                self.rows.insertWidget(place, card)  # above the stretch
        self.empty.setVisible(not rows)
        if focused is not None:
            self._focus_again(*focused)

    def _drop(self, card: QFrame) -> None:
        discard(self.rows, [card])

    def _focused_button(self) -> tuple[str, str] | None:
        """(learner id, button text) of the card button that has the keyboard focus."""
        widget = QApplication.focusWidget()
        if not isinstance(widget, QAbstractButton):
            return None
        for learner_id, card in self.cards.items():
            if card.isAncestorOf(widget):
                return learner_id, widget.text()
        return None

    def _focus_again(self, learner_id: str, text: str) -> None:
        card = self.cards.get(learner_id)
        if card is None:
            return
        for button in card.findChildren(QAbstractButton):
            if button.text() == text:
                button.setFocus()
                return

    def _card(self, row: TodayRow) -> QFrame:
        card = QFrame()
        card.setProperty("role", "feedback-try" if row.help_text else "card")
        layout = QHBoxLayout(card)
        picture = QLabel()
        picture.setPixmap(file_pixmap(str(paths.asset("avatars", f"{row.avatar}.svg")),
                                      QSize(64, 64)))
        layout.addWidget(picture)
        text = QVBoxLayout()
        name = QLabel(row.name)
        name.setStyleSheet("font-weight: bold;")
        text.addWidget(name)
        for line in (row.help_text, row.seat, row.where, row.done_text):
            if line:
                label = QLabel(line)
                label.setWordWrap(True)
                text.addWidget(label)
        layout.addLayout(text, 1)
        if row.help_request_id:
            handled = BigButton(_("Helped"), "check", description=_("Mark the help as given"))
            handled.clicked.connect(
                lambda _c=False, r=row.help_request_id: self.help_handled.emit(r))
            layout.addWidget(handled)
        if row.visit_open:
            leave = BigButton(_("End visit"), "stop", description=_("The learner has gone home"))
            leave.clicked.connect(lambda _c=False, i=row.learner_id: self.end_visit.emit(i))
            layout.addWidget(leave)
        open_button = BigButton(_("Open"), "next")
        open_button.setAccessibleName(_("Open {name}").format(name=row.name))
        open_button.clicked.connect(lambda _c=False, i=row.learner_id: self.open_learner.emit(i))
        layout.addWidget(open_button)
        return card
