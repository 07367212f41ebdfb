"""The coordinator's learner list: rename, picture, merge, archive, export, anonymise, delete.

Destructive actions ask once more, in the same place, before anything happens.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
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
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.gui.widgets.flow import flow_row
from oefenplek.i18n import _


class LearnersAdminScreen(QWidget):
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
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("Learners"))
        title.setProperty("role", "title")
        self.list = QListWidget()
        self.list.setAccessibleName(_("Learners"))
        self.list.currentItemChanged.connect(lambda *_a: self._selected())
        panel = QGridLayout()
        panel.setVerticalSpacing(10)
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name"))
        save_name = BigButton(_("Save name"), "check")
        save_name.clicked.connect(lambda: self.rename.emit(self.current, self.name.text()))
        self.avatar = QComboBox()
        self.avatar.setAccessibleName(_("Picture"))
        for key, label in AVATARS.items():
            self.avatar.addItem(_(label), key)
        save_picture = BigButton(_("Save picture"), "check")
        save_picture.clicked.connect(
            lambda: self.picture.emit(self.current, self.avatar.currentData()))
        self.merge_with = QComboBox()
        self.merge_with.setAccessibleName(_("The other tile of the same person"))
        merge = BigButton(_("Merge"), "new-learner",
                          description=_("Move everything of the other tile to this learner"))
        merge.clicked.connect(lambda: self._confirm(
            _("Move everything of {other} to this learner?").format(
                other=self.merge_with.currentText()),
            lambda: self.merge.emit(self.current, self.merge_with.currentData())))
        self.archive_button = BigButton(_("Archive"), "lock")
        self.archive_button.clicked.connect(
            lambda: self.archive.emit(self.current, not self.archived))
        export_pdf = BigButton(_("Export (PDF)"), "print")
        export_pdf.clicked.connect(lambda: self.export.emit(self.current, "pdf"))
        export_json = BigButton(_("Export (JSON)"), "check")
        export_json.clicked.connect(lambda: self.export.emit(self.current, "json"))
        anonymise = BigButton(_("Anonymise"), "close")
        anonymise.clicked.connect(lambda: self._confirm(
            _("Remove the name and picture for good? The numbers stay for reports."),
            lambda: self.anonymise.emit(self.current)))
        delete = BigButton(_("Delete everything"), "close")
        delete.clicked.connect(lambda: self._confirm(
            _("Delete this learner and everything about them for good?"),
            lambda: self.delete.emit(self.current)))
        # The buttons' column gets the room its words need; the fields take what is left.
        panel.setColumnStretch(1, 1)
        panel.setColumnMinimumWidth(2, max(button.sizeHint().width()
                                           for button in (save_name, save_picture, merge)) + 24)
        panel.addWidget(QLabel(_("Name")), 0, 0)
        panel.addWidget(self.name, 0, 1)
        panel.addWidget(save_name, 0, 2)
        panel.addWidget(QLabel(_("Picture")), 1, 0)
        panel.addWidget(self.avatar, 1, 1)
        panel.addWidget(save_picture, 1, 2)
        add = BigButton(_("Add as new learner"), "new-learner",
                        description=_("Add a learner with this name and picture"))
        add.clicked.connect(lambda: self.add.emit(self.name.text(), self.avatar.currentData()))
        panel.addWidget(QLabel(_("Same person as")), 2, 0)
        panel.addWidget(self.merge_with, 2, 1)
        panel.addWidget(merge, 2, 2)
        self.extra_fields: dict[str, QLineEdit] = {}
        self.extra_labels: dict[str, QLabel] = {}
        for row_index, extra in enumerate(EXTRA_FIELDS, start=3):
            label = QLabel(_(extra.label))
            field = QLineEdit()
            field.setAccessibleName(_(extra.label))
            field.setToolTip(_(extra.why))
            panel.addWidget(label, row_index, 0)
            panel.addWidget(field, row_index, 1)
            self.extra_fields[extra.key], self.extra_labels[extra.key] = field, label
        self.save_extra_button = BigButton(_("Save details"), "check")
        self.save_extra_button.clicked.connect(lambda: self.save_extra.emit(self.current, {
            key: field.text() for key, field in self.extra_fields.items() if field.isVisible()}))
        panel.addWidget(self.save_extra_button, 3, 2)
        actions_host, actions = flow_row()  # wraps rather than cutting labels off
        for button in (add, self.archive_button, export_pdf, export_json, anonymise, delete):
            actions.addWidget(button)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_yes = BigButton(_("Yes, do it"), "check", role="primary")
        self.confirm_no = BigButton(_("No"), "back")
        self.confirm_no.clicked.connect(self._hide_confirm)
        confirm = QHBoxLayout()
        confirm.addWidget(self.confirm_text, 1)
        confirm.addWidget(self.confirm_no)
        confirm.addWidget(self.confirm_yes)
        self.status = QLabel()
        self.status.setWordWrap(True)
        right = QVBoxLayout()
        right.addLayout(panel)
        right.addWidget(actions_host)
        right.addLayout(confirm)
        right.addWidget(self.status)
        right.addStretch(1)
        self.panel_host = QWidget()
        self.panel_host.setLayout(right)
        row = QHBoxLayout()
        self.list.setMaximumWidth(300)
        row.addWidget(self.list, 1)
        row.addWidget(self.panel_host, 3)
        back = BigButton(_("Back"), "back")
        back.clicked.connect(self.back.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 18)
        layout.addWidget(title)
        layout.addLayout(row, 1)
        footer = QHBoxLayout()
        footer.addWidget(back)
        footer.addStretch(1)
        layout.addLayout(footer)
        self.current, self.archived = "", False
        self._pending = None
        self.confirm_yes.clicked.connect(self._confirmed)
        self._hide_confirm()
        self.rows: list[tuple[str, str, str, bool]] = []

    def show_learners(self, rows: list[tuple[str, str, str, bool]], keep: str = "") -> None:
        self.rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        for learner_id, name, _avatar, archived in rows:
            shown = name or _("(anonymised)")
            item = QListWidgetItem(f"{shown} ({_('archived')})" if archived else shown)
            item.setData(256, learner_id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [r[0] for r in rows]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self._selected()

    def show_extra(self, enabled: set[str], values: dict[str, str]) -> None:
        """Only the questions the location switched on are shown."""
        for key, field in self.extra_fields.items():
            field.setVisible(key in enabled)
            self.extra_labels[key].setVisible(key in enabled)
            field.setText(values.get(key, ""))
        self.save_extra_button.setVisible(bool(enabled))

    def _selected(self) -> None:
        item = self.list.currentItem()
        self._hide_confirm()
        if item is None:
            return
        self.current = item.data(256)
        row = next(r for r in self.rows if r[0] == self.current)
        self.name.setText(row[1])
        self.avatar.setCurrentIndex(max(0, self.avatar.findData(row[2])))
        self.archived = row[3]
        self.archive_button.set_text(_("Bring back") if self.archived else _("Archive"))
        self.selected.emit(self.current)
        self.merge_with.clear()
        for other_id, name, _a, _arch in self.rows:
            if other_id != self.current and name:
                self.merge_with.addItem(name, other_id)

    def _confirm(self, question: str, action: object) -> None:
        self._pending = action
        self.confirm_text.setText(question)
        for widget in (self.confirm_text, self.confirm_yes, self.confirm_no):
            widget.setVisible(True)
        self.confirm_no.setFocus()

    def _confirmed(self) -> None:
        action, self._pending = self._pending, None
        self._hide_confirm()
        if callable(action):
            action()

    def _hide_confirm(self) -> None:
        for widget in (self.confirm_text, self.confirm_yes, self.confirm_no):
            widget.setVisible(False)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
