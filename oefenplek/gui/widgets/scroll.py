"""A scroll area learners can use: wide bars with a name a screen reader can say."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QWidget

from oefenplek.i18n import _


def scroll_area(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.verticalScrollBar().setAccessibleName(_("Scroll up and down"))
    area.horizontalScrollBar().setAccessibleName(_("Scroll left and right"))
    return area
