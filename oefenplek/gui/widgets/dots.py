"""The row of progress dots with 'stap 3 van 8': the learner always sees how far they are."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from oefenplek.gui import theme
from oefenplek.i18n import _


class _Dots(QWidget):
    DOT = 22
    GAP = 12

    def __init__(self) -> None:
        super().__init__()
        self.current, self.total = 0, 1

    def sizeHint(self) -> QSize:
        return QSize(self.total * (self.DOT + self.GAP), self.DOT + 8)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        step = min(self.DOT + self.GAP, max(8, (self.width() - 4) // max(1, self.total)))
        size = min(self.DOT, step - 4)
        y = (self.height() - size) / 2
        for index in range(self.total):
            rect = QRectF(2 + index * step, y, size, size)
            if index < self.current:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(theme.current.palette.dot_done))
            elif index == self.current:
                painter.setPen(QPen(QColor(theme.current.palette.dot_done), 4))
                painter.setBrush(QColor(theme.current.palette.panel))
                rect = rect.adjusted(-3, -3, 3, 3)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(theme.current.palette.dot_todo))
            painter.drawEllipse(rect)


class ProgressDots(QWidget):
    """Dots for done, current and coming steps, and the same in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dots = _Dots()
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.dots)
        layout.addWidget(self.label)
        layout.addStretch()

    def show_step(self, number: int, total: int) -> None:
        self.dots.current, self.dots.total = number - 1, total
        self.dots.updateGeometry()
        self.dots.update()
        words = _("step {n} of {total}").format(n=number, total=total)
        self.label.setText(words)
        self.setAccessibleName(words)
