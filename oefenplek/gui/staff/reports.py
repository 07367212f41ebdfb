"""The coordinator's reports: a period, its figures with simple bars, and the exports."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QWidget,
)

from oefenplek.core.reports import Period, Report
from oefenplek.gui import theme
from oefenplek.gui.staff.base import StaffScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.discard import discard
from oefenplek.i18n import _, format_number
from oefenplek.views.reports import period_choices, year_to_date


class Bars(QWidget):
    """A plain bar chart: one bar per label, the number above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[tuple[str, int]] = []
        self.setMinimumHeight(220)

    def show_values(self, values: list[tuple[str, int]], name: str) -> None:
        self.values = values
        self.setAccessibleName(name)
        self.setAccessibleDescription(", ".join(f"{label}: {n}" for label, n in values))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, 240)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = theme.current.palette
        top = max(n for _label, n in self.values) or 1
        width = self.width() / len(self.values)
        font = painter.font()
        font.setPointSize(10)
        painter.setFont(font)
        for index, (label, n) in enumerate(self.values):
            height = (self.height() - 60) * n / top
            x = index * width + width * 0.15
            bar = QRectF(x, self.height() - 36 - height, width * 0.7, height)
            painter.fillRect(bar, QColor(palette.primary))
            painter.setPen(QColor(palette.text))
            painter.drawText(QRectF(index * width, bar.top() - 18, width, 16),
                             Qt.AlignmentFlag.AlignCenter, str(n))
            painter.drawText(QRectF(index * width, self.height() - 32, width, 30),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, label)


class ReportsScreen(StaffScreen):
    """The period buttons are made by `set_today`, each time the screen is opened: an app
    left running over the turn of a month then still offers the right months."""

    period_chosen = Signal(object)  # Period
    export = Signal(str, bool)  # "csv" / "xlsx" / "pdf", for the funder
    stop = Signal()  # stop the counting or the export that is running

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Reports"), _("Back"), parent=parent)
        self.choices = QHBoxLayout()
        self.period_buttons: list[BigButton] = []
        self.start = QDateEdit()
        self.end = QDateEdit()
        for field, name in ((self.start, _("From")), (self.end, _("To"))):
            field.setCalendarPopup(True)
            field.setDisplayFormat("d-M-yyyy")
            field.setAccessibleName(name)
            field.setMinimumHeight(56)
        custom = BigButton(_("Show"), "check")
        custom.clicked.connect(lambda: self.period_chosen.emit(
            Period(_day(self.start.date()), _day(self.end.date()))))
        span = QHBoxLayout()
        span.addWidget(QLabel(_("From")))
        span.addWidget(self.start)
        span.addWidget(QLabel(_("to")))
        span.addWidget(self.end)
        span.addWidget(custom)
        span.addStretch(1)
        self.top.addLayout(self.choices)
        self.top.addLayout(span)
        self.period_label = QLabel()
        self.period_label.setProperty("role", "instruction")
        self.totals = QGridLayout()
        self.months = Bars()
        self.themes = Bars()
        column = self.content
        column.addWidget(self.period_label)
        column.addLayout(self.totals)
        column.addWidget(QLabel(_("Visits per month")))
        column.addWidget(self.months)
        column.addWidget(QLabel(_("Lessons finished per theme")))
        column.addWidget(self.themes)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setAccessibleName(_("Progress of the export"))
        self.below.addWidget(self.progress)
        self.stop_button = BigButton(_("Stop"), "stop",
                                     description=_("Stop counting or saving"))
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.stop.emit)
        self.below.addWidget(self.stop_button)
        self.export_buttons: list[BigButton] = []
        for kind in ("csv", "xlsx", "pdf"):
            button = BigButton(kind.upper(), "check", description=_("Save the report"))
            button.clicked.connect(lambda _c=False, k=kind: self.export.emit(k, False))
            self.export_buttons.append(button)
        funder = BigButton(_("For the funder (XLSX, no names)"), "check")
        funder.clicked.connect(lambda: self.export.emit("xlsx", True))
        self.export_buttons.append(funder)
        for button in self.export_buttons:
            self.footer.addWidget(button)
        self.total_labels: dict[str, QLabel] = {}

    def set_today(self, day: date) -> None:
        """Make the period buttons (this month, last month, …) and the From–to fields for
        the day the screen is opened on."""
        discard(self.choices, self.period_buttons)
        self.period_buttons = []
        for choice in period_choices(day):
            button = BigButton(choice.label, "")
            button.clicked.connect(lambda _c=False, p=choice.period: self.period_chosen.emit(p))
            self.choices.addWidget(button)
            self.period_buttons.append(button)
        span = year_to_date(day)
        self.start.setDate(QDate(span.start.year, span.start.month, span.start.day))
        self.end.setDate(QDate(span.end.year, span.end.month, span.end.day))

    def show_report(self, report: Report) -> None:
        self.period_label.setText(report.period.label)
        for index, (name, value) in enumerate(report.totals()):
            if name not in self.total_labels:
                self.totals.addWidget(QLabel(name), index // 3, (index % 3) * 2)
                label = QLabel()
                label.setStyleSheet("font-weight: bold;")
                self.totals.addWidget(label, index // 3, (index % 3) * 2 + 1)
                self.total_labels[name] = label
            self.total_labels[name].setText(format_number(value))
        self.months.show_values(sorted(report.visits_by_month.items()), _("Visits per month"))
        self.themes.show_values(sorted(report.finished_by_theme.items()),
                                _("Lessons finished per theme"))
        self.status.clear()

    def show_busy(self, busy: bool) -> None:
        """While counting or saving: a moving bar and Stop; the period buttons stay usable
        (another period simply replaces what is being counted)."""
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.stop_button.setVisible(busy)
        for button in self.export_buttons:
            button.setEnabled(not busy)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
