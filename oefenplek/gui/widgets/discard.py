"""Taking widgets off a screen that is drawn again (a list, tiles, cards)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLayout, QWidget


def discard(layout: QLayout, widgets: Iterable[QWidget]) -> None:
    """Take the widgets out of the layout and delete them. They are hidden at once: Qt
    deletes them only later, and until then they would still show (twice, beside the new)."""
    for widget in list(widgets):
        layout.removeWidget(widget)
        widget.hide()
        widget.deleteLater()


def clear_layout(layout: QLayout) -> None:
    """Remove and delete everything in a layout, nested layouts too."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif inner is not None:
            clear_layout(inner)
            inner.deleteLater()
