"""Tab goes through a screen in reading order: line by line from the top, and on each line
from the left, or from the right in a language written right to left.

Qt's own Tab order is the order in which the widgets were made, which is not where they
stand (the header's Stop is made after Luister and Hulp, the window mirrors for Arabic).
So a learner screen (screens/base.py) answers Tab itself, from the places the widgets have
on screen at that moment.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

#: Widgets whose tops are this close stand on one line.
LINE = 24
_PASSED_BY = "tab_passes_by"  # a scroll area Tab passes by (what is in it takes the keys)


def _stops(root: QWidget) -> list[QWidget]:
    return [widget for widget in root.findChildren(QWidget)
            if widget.isVisibleTo(root) and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(widget, QAbstractScrollArea)]


def tabbable(root: QWidget) -> list[QWidget]:
    """The widgets of `root` that Tab stops at now: shown, enabled, taking Tab focus. A
    scroll area is a stop of its own only when nothing in it is (then the arrow keys
    scroll it); when something in it is, Tab goes there and passes the area by."""
    stops = _stops(root)
    for area in root.findChildren(QAbstractScrollArea):
        inside = any(area.isAncestorOf(stop) for stop in stops)
        if inside and area.focusPolicy() != Qt.FocusPolicy.NoFocus:
            area.setProperty(_PASSED_BY, True)
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        elif not inside and area.property(_PASSED_BY):
            area.setProperty(_PASSED_BY, False)
            area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if area.isVisibleTo(root) and area.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(area)
    return stops


def place(root: QWidget, widget: QWidget) -> QPoint:
    """Where `widget` stands in `root` as laid out, not as scrolled: a button under the fold
    of a scroll area keeps its place in the reading order (Tab scrolls it into view)."""
    point = QPoint(0, 0)
    current: QWidget | None = widget
    while current is not None and current is not root:
        parent = current.parentWidget()
        area = parent.parentWidget() if parent is not None else None
        if not (isinstance(area, QAbstractScrollArea) and area.viewport() is parent):
            point += current.pos()  # (a scroll area's content moves by its scrolling)
        current = parent
    return point


def in_reading_order(root: QWidget, widgets: list[QWidget]) -> list[QWidget]:
    right_to_left = root.layoutDirection() == Qt.LayoutDirection.RightToLeft
    placed = [(place(root, widget), widget) for widget in widgets]
    placed.sort(key=lambda item: item[0].y())
    lines: list[list[tuple[QPoint, QWidget]]] = []
    for point, widget in placed:
        if lines and point.y() - lines[-1][0][0].y() < LINE:
            lines[-1].append((point, widget))
        else:
            lines.append([(point, widget)])
    ordered: list[QWidget] = []
    for line in lines:
        line.sort(key=lambda item: -(item[0].x() + item[1].width()) if right_to_left
                  else item[0].x())
        ordered.extend(widget for _point, widget in line)
    return ordered
