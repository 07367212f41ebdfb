"""A scroll area learners can use: wide bars with a name a screen reader can say."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QScrollArea, QWidget

from oefenplek.i18n import _

#: The property a widget keeps the msgid of its accessible name in (gui/retranslate.py).
ACCESSIBLE_MSGID = "accessible_msgid"


class _FitsWrappedText(QObject):
    """Qt's scroll area measures its content without word wrap, so wrapped text (big
    letters) could be cut off with no scroll bar. On every width change the content is
    told how tall its layout really is at that width."""

    def __init__(self, area: QScrollArea, content: QWidget) -> None:
        super().__init__(area)
        self.area, self.content = area, content

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            layout = self.content.layout()
            if layout is not None and layout.hasHeightForWidth():
                width = self.area.viewport().width()
                self.content.setMinimumHeight(max(0, layout.heightForWidth(width)))
        return False


def scroll_area(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    for bar, name in ((area.verticalScrollBar(), _("Scroll up and down")),
                      (area.horizontalScrollBar(), _("Scroll left and right"))):
        bar.setAccessibleName(name)
        bar.setProperty(ACCESSIBLE_MSGID, getattr(name, "msgid", ""))
    fit = _FitsWrappedText(area, content)
    area.viewport().installEventFilter(fit)
    content.installEventFilter(fit)
    return area
