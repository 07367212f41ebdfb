"""A row of buttons that wraps onto a new line when the letters are big, instead of
squeezing the buttons until their words are cut."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        """Rows from the start of the reading direction: from the right in Arabic."""
        x, y, line = rect.x(), rect.y(), 0
        gap = self.spacing()
        host = self.parentWidget()
        direction = host.layoutDirection() if host is not None else Qt.LayoutDirection.LeftToRight
        for item in self._items:
            widget = item.widget()
            if widget is not None and not _shown_in_parent(widget):
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line = rect.x(), y + line + gap, 0
            if move:
                item.setGeometry(QStyle.visualRect(direction, rect, QRect(QPoint(x, y), hint)))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y()


def _shown_in_parent(widget: QWidget) -> bool:
    """Would the widget show when its parent shows? (A hidden button takes no room.)"""
    parent = widget.parentWidget()
    if parent is None:
        # What Qt's isVisibleTo(nullptr) answers: whether the widget itself is visible.
        return widget.isVisible()
    return widget.isVisibleTo(parent)


def flow_row(parent: QWidget | None = None, spacing: int = 12) -> tuple[QWidget, FlowLayout]:
    host = QWidget(parent)
    layout = FlowLayout(host, spacing)
    return host, layout
