"""The volunteer's overview of today: who is here, where they are, who asked for help."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from oefenplek import paths
from oefenplek.gui.icons import file_pixmap
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.flow import flow_row
from oefenplek.gui.widgets.scroll import scroll_area
from oefenplek.i18n import _


@dataclass(frozen=True)
class TodayRow:
    learner_id: str
    name: str
    avatar: str
    where: str  # "Wifi op een Android-tablet, stap 4" or "Niet bezig met een les"
    help_text: str  # "Vraagt hulp (5 minuten)" or ""
    help_request_id: str | None
    done_text: str  # "Klaar vandaag: ..." or ""
    visit_open: bool = False


class TodayScreen(QWidget):
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
        super().__init__(parent)
        self.title = QLabel(_("Today"))
        self.title.setProperty("role", "title")
        self.who = QLabel()
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.who)
        self.close_button = BigButton(_("Close"), "lock", description=_("Close the staff area"))
        self.close_button.clicked.connect(self.leave.emit)
        header.addWidget(self.close_button)
        self.rows_host = QWidget()
        self.rows = QVBoxLayout(self.rows_host)
        self.rows.setSpacing(12)
        self.empty = QLabel(_("Nobody has come in today yet."))
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 18)
        layout.addLayout(header)
        layout.addWidget(scroll_area(self.rows_host), 1)
        layout.addLayout(visit_row)
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
        layout.addWidget(footer_host)
        self.cards: dict[str, QFrame] = {}

    def show_today(self, who: str, rows: list[TodayRow], learners: list[tuple[str, str]],
                   coordinator: bool = False) -> None:
        self.who.setText(who)
        for button in (self.learners_button, self.people_button, self.reports_button,
                       self.settings_button):
            button.setVisible(coordinator)
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.cards = {}
        self.rows.addWidget(self.empty)
        self.empty.setVisible(not rows)
        for row in rows:
            card = self._card(row)
            self.rows.addWidget(card)
            self.cards[row.learner_id] = card
        self.rows.addStretch(1)
        current = self.visit_learner.currentData()
        self.visit_learner.clear()
        for learner_id, name in learners:
            self.visit_learner.addItem(name, learner_id)
        if current:
            self.visit_learner.setCurrentIndex(max(0, self.visit_learner.findData(current)))

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
        for line in (row.help_text, row.where, row.done_text):
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
