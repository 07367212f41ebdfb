"""The languages screen under Settings: a table of how complete and how checked each
language is. It only draws the rows `views.languages` made."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from oefenplek.gui.staff.base import StaffScreen
from oefenplek.i18n import _
from oefenplek.views.languages import LanguageRow


class LanguagesScreen(StaffScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Languages"), _("Back"), parent=parent)
        explain = QLabel(_("Learners choose their language on their first screen. Translations "
                           "made by a machine are shown to them, but are not yet checked by "
                           "someone who reads the language. A language is complete with its "
                           "whole interface and at least the 10 most used lessons."))
        explain.setWordWrap(True)
        self.content.addWidget(explain)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(_("Languages and how complete they are"))
        self.table.setHorizontalHeaderLabels(
            [_("Language"), _("Interface translated"), _("Interface checked"),
             _("Lessons translated"), _("Complete")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.content.addWidget(self.table, 1)

    def show_rows(self, rows: Sequence[LanguageRow]) -> None:
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            cells = [row.name, row.interface, row.checked, row.lessons,
                     _("yes") if row.complete else _("not yet")]
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
