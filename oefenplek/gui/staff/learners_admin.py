"""The coordinator's learner list: rename, picture, merge, archive, export, anonymise, delete.

Destructive actions ask once more, in the same place, before anything happens. Which
actions a learner allows is decided in `oefenplek.views.coordinator`; this only draws it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oefenplek.core.extra_fields import EXTRA_FIELDS
from oefenplek.core.learners import AVATARS
from oefenplek.gui.staff.base import StaffScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.flow import flow_row
from oefenplek.i18n import _
from oefenplek.views.coordinator import NOBODY, Chosen, LearnersAdminView

ID_ROLE = Qt.ItemDataRole.UserRole


class LearnersAdminScreen(StaffScreen):
    add = Signal(str, str)  # name, picture
    rename = Signal(str, str)
    picture = Signal(str, str)
    archive = Signal(str, bool)
    merge = Signal(str, str)  # keep, drop
    export = Signal(str, str)  # learner, "pdf" or "json"
    anonymise = Signal(str)
    delete = Signal(str)
    save_extra = Signal(str, dict)
    selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Learners"), _("Back"), scroll=False, parent=parent)
        self.view = LearnersAdminView()
        self.chosen = NOBODY
        self._pending: Callable[[], None] | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(_("Learners"))
        self.list.currentItemChanged.connect(lambda *_a: self._selected())
        panel = QGridLayout()
        panel.setVerticalSpacing(10)
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name"))
        self.save_name = BigButton(_("Save name"), "check")
        self.save_name.clicked.connect(lambda: self.rename.emit(self.current, self.name.text()))
        self.avatar = QComboBox()
        self.avatar.setAccessibleName(_("Picture"))
        for key, label in AVATARS.items():
            self.avatar.addItem(_(label), key)
        self.save_picture = BigButton(_("Save picture"), "check")
        self.save_picture.clicked.connect(
            lambda: self.picture.emit(self.current, self.avatar.currentData()))
        self.merge_with = QComboBox()
        self.merge_with.setAccessibleName(_("The other tile of the same person"))
        self.merge_button = BigButton(
            _("Merge"), "new-learner",
            description=_("Move everything of the other tile to this learner"))
        self.merge_button.clicked.connect(lambda: self._confirm(
            _("Move everything of {other} to this learner?").format(
                other=self.merge_with.currentText()),
            lambda: self.merge.emit(self.current, self.merge_with.currentData())))
        self.archive_button = BigButton(_("Archive"), "lock")
        self.archive_button.clicked.connect(
            lambda: self.archive.emit(self.current, not self.chosen.archived))
        self.export_pdf = BigButton(_("Export (PDF)"), "print")
        self.export_pdf.clicked.connect(lambda: self.export.emit(self.current, "pdf"))
        self.export_json = BigButton(_("Export (JSON)"), "check")
        self.export_json.clicked.connect(lambda: self.export.emit(self.current, "json"))
        self.anonymise_button = BigButton(_("Anonymise"), "close")
        self.anonymise_button.clicked.connect(lambda: self._confirm(
            _("Remove the name and picture for good? The numbers stay for reports."),
            lambda: self.anonymise.emit(self.current)))
        self.delete_button = BigButton(_("Delete everything"), "close")
        self.delete_button.clicked.connect(lambda: self._confirm(
            _("Delete this learner and everything about them for good?"),
            lambda: self.delete.emit(self.current)))
        # The buttons' column gets the room its words need; the fields take what is left.
        panel.setColumnStretch(1, 1)
        panel.setColumnMinimumWidth(2, max(button.sizeHint().width() for button in (
            self.save_name, self.save_picture, self.merge_button)) + 24)
        panel.addWidget(QLabel(_("Name")), 0, 0)
        panel.addWidget(self.name, 0, 1)
        panel.addWidget(self.save_name, 0, 2)
        panel.addWidget(QLabel(_("Picture")), 1, 0)
        panel.addWidget(self.avatar, 1, 1)
        panel.addWidget(self.save_picture, 1, 2)
        self.add_button = BigButton(_("Add as new learner"), "new-learner",
                                    description=_("Add a learner with this name and picture"))
        self.add_button.clicked.connect(
            lambda: self.add.emit(self.name.text(), self.avatar.currentData()))
        panel.addWidget(QLabel(_("Same person as")), 2, 0)
        panel.addWidget(self.merge_with, 2, 1)
        panel.addWidget(self.merge_button, 2, 2)
        self.extra_fields: dict[str, QLineEdit] = {}
        self.extra_labels: dict[str, QLabel] = {}
        for row_index, extra in enumerate(EXTRA_FIELDS, start=3):
            extra_label = QLabel(_(extra.label))
            field = QLineEdit()
            field.setAccessibleName(_(extra.label))
            field.setToolTip(_(extra.why))
            panel.addWidget(extra_label, row_index, 0)
            panel.addWidget(field, row_index, 1)
            self.extra_fields[extra.key], self.extra_labels[extra.key] = field, extra_label
        self.save_extra_button = BigButton(_("Save details"), "check")
        self.save_extra_button.clicked.connect(lambda: self.save_extra.emit(self.current, {
            key: field.text() for key, field in self.extra_fields.items() if field.isVisible()}))
        panel.addWidget(self.save_extra_button, 3, 2)
        actions_host, actions = flow_row()  # wraps rather than cutting labels off
        for button in (self.add_button, self.archive_button, self.export_pdf,
                       self.export_json, self.anonymise_button, self.delete_button):
            actions.addWidget(button)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_yes = BigButton(_("Yes, do it"), "check", role="primary")
        self.confirm_yes.clicked.connect(self._confirmed)
        self.confirm_no = BigButton(_("No"), "back")
        self.confirm_no.clicked.connect(self._hide_confirm)
        confirm = QHBoxLayout()
        confirm.addWidget(self.confirm_text, 1)
        confirm.addWidget(self.confirm_no)
        confirm.addWidget(self.confirm_yes)
        right = QVBoxLayout()
        right.addLayout(panel)
        right.addWidget(actions_host)
        right.addLayout(confirm)
        right.addStretch(1)
        self.panel_host = QWidget()
        self.panel_host.setLayout(right)
        row = QHBoxLayout()
        self.list.setMaximumWidth(300)
        row.addWidget(self.list, 1)
        row.addWidget(self.panel_host, 3)
        self.content.addLayout(row, 1)
        self._hide_confirm()
        self._show_chosen(NOBODY)

    @property
    def current(self) -> str:
        """The chosen learner's id; empty when there is nobody to choose."""
        return self.chosen.learner_id

    def show_learners(self, view: LearnersAdminView, keep: str = "") -> None:
        """The list, with `keep` (or else the first learner) chosen."""
        self.view = view
        self.list.blockSignals(True)
        self.list.clear()
        for row in view.rows:
            item = QListWidgetItem(row.label)
            item.setData(ID_ROLE, row.learner_id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        first = view.first(keep)
        ids = [row.learner_id for row in view.rows]
        if first:
            self.list.setCurrentRow(ids.index(first))
        self._selected()

    def show_extra(self, enabled: set[str], values: dict[str, str]) -> None:
        """Only the questions the location switched on are shown."""
        for key, field in self.extra_fields.items():
            field.setVisible(key in enabled)
            self.extra_labels[key].setVisible(key in enabled)
            field.setText(values.get(key, ""))
        self.save_extra_button.setVisible(bool(enabled))

    def _selected(self) -> None:
        self._hide_confirm()
        item = self.list.currentItem()
        chosen = self.view.choose(str(item.data(ID_ROLE))) if item is not None else NOBODY
        self._show_chosen(chosen)
        if chosen.learner_id:
            self.selected.emit(chosen.learner_id)

    def _show_chosen(self, chosen: Chosen) -> None:
        self.chosen = chosen
        if chosen.learner_id:  # with nobody chosen the fields stay free for a new learner
            self.name.setText(chosen.name)
            self.avatar.setCurrentIndex(max(0, self.avatar.findData(chosen.avatar)))
        self.archive_button.set_text(chosen.archive_text or _("Archive"))
        self.merge_with.clear()
        for other_id, name in chosen.merge_with:
            self.merge_with.addItem(name, other_id)
        for button, allowed in ((self.save_name, chosen.rename),
                                (self.save_picture, chosen.picture),
                                (self.merge_button, chosen.merge),
                                (self.archive_button, chosen.archive),
                                (self.export_pdf, chosen.export),
                                (self.export_json, chosen.export),
                                (self.anonymise_button, chosen.anonymise),
                                (self.delete_button, chosen.delete),
                                (self.save_extra_button, chosen.details)):
            button.setEnabled(allowed)
        self.merge_with.setEnabled(chosen.merge)

    def _confirm(self, question: str, action: Callable[[], None]) -> None:
        self._pending = action
        self.confirm_text.setText(question)
        for widget in (self.confirm_text, self.confirm_yes, self.confirm_no):
            widget.setVisible(True)
        self.confirm_no.setFocus()

    def _confirmed(self) -> None:
        action, self._pending = self._pending, None
        self._hide_confirm()
        if action is not None:
            action()

    def _hide_confirm(self) -> None:
        for widget in (self.confirm_text, self.confirm_yes, self.confirm_no):
            widget.setVisible(False)
