"""The coordinator's screen for the location database: where it is and how to log in, a test
before it is saved, copying this computer's data into it, and the way back to this
computer's own database.

The screen only draws what `LocationState` says and emits what the person asked for; the
location controller decides, tests, saves and copies. A saved password is never put back in
its field: the field stays empty and says that one is saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from oefenplek.gui.staff.base import StaffScreen
from oefenplek.gui.widgets.buttons import BigButton
from oefenplek.i18n import _

FIELD_WIDTH = 560


@dataclass(frozen=True)
class LocationState:
    """What the screen shows; made by the location controller."""

    in_use: str  #: which database this computer uses now, in a sentence (never a password)
    saved: str = ""  #: what happens after a restart, when that differs; else empty
    locked: str = ""  #: why the form cannot be used (set by IT); empty when it can
    host: str = ""
    port: str = ""
    name: str = ""
    user: str = ""
    password_saved: bool = False
    tls: bool = False  #: the connection must be protected (sslmode=require)
    can_copy: bool = False
    can_go_back: bool = False


def _line(text: str = "", muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if muted:
        label.setProperty("role", "muted")
    return label


def _field(name: str, width: int = FIELD_WIDTH) -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(name)
    field.setMaximumWidth(width)
    return field


class LocationDatabaseScreen(StaffScreen):
    test_and_save = Signal(str, str, str, str, str, bool)  # host, port, name, user,
    # password, protected connection required
    copy_data = Signal()
    use_own = Signal()  # asked once more on the screen, then emitted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Location database"), _("Back"), parent=parent)
        self.intro = _line(_(
            "All computers of this location can share one database, so each of them sees "
            "the same learners and help requests. Whoever set up that database gives you "
            "these details."), muted=True)
        self.in_use = _line()
        self.in_use.setProperty("role", "instruction")
        self.saved = _line()
        self.locked = _line()
        self.host = _field(_("Computer or address"))
        self.port = _field(_("Port"), 160)
        self.name = _field(_("Database name"))
        self.user = _field(_("User name"))
        self.password = _field(_("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QCheckBox(_("Protected connection (TLS) required"))
        self.tls.setMinimumHeight(48)
        self.tls.setAccessibleDescription(_(
            "Tick this when whoever set up the database says so (sslmode=require)."))
        self.save_button = BigButton(_("Test the connection and save"), "check", role="primary")
        self.save_button.clicked.connect(lambda: self.test_and_save.emit(
            self.host.text(), self.port.text(), self.name.text(), self.user.text(),
            self.password.text(), self.tls.isChecked()))
        self.password.returnPressed.connect(self.save_button.click)
        self.form_host = QWidget()
        form = QGridLayout(self.form_host)
        form.setContentsMargins(0, 8, 0, 8)
        form.setHorizontalSpacing(16)
        form.setColumnStretch(1, 3)
        form.setColumnStretch(3, 2)
        places = ((self.host, 0, 0), (self.port, 0, 2), (self.name, 1, 0), (self.user, 1, 2),
                  (self.password, 2, 0))
        for field, row, column in places:
            buddy = QLabel(field.accessibleName())
            buddy.setBuddy(field)
            form.addWidget(buddy, row, column)
            form.addWidget(field, row, column + 1)
        form.addWidget(self.tls, 2, 2, 1, 2)
        self.copy_button = BigButton(
            _("Copy this computer's data to the location database"), "next",
            description=_("Only into an empty location database; this computer's own data "
                          "stays as it is."))
        self.copy_button.clicked.connect(self.copy_data.emit)
        self.own_button = BigButton(_("Back to this computer's own database"), "home")
        self.own_button.clicked.connect(self._ask_own)
        self.question = _line(_(
            "Use this computer's own database again? The location database keeps its data, "
            "but this computer no longer sees it."))
        self.confirm_yes = BigButton(_("Yes, do it"), "check", role="primary")
        self.confirm_yes.clicked.connect(self._own_confirmed)
        self.confirm_no = BigButton(_("No"), "back")
        self.confirm_no.clicked.connect(self._hide_question)
        confirm = QHBoxLayout()  # outside the scrolling part: always in sight when asked
        confirm.addWidget(self.question, 1)
        confirm.addWidget(self.confirm_no)
        confirm.addWidget(self.confirm_yes)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Progress"))
        self.progress.setMinimumHeight(32)
        self.progress.setVisible(False)
        actions = QVBoxLayout()
        for button in (self.copy_button, self.own_button):
            line = QHBoxLayout()
            line.addWidget(button)
            line.addStretch(1)
            actions.addLayout(line)
        layout = self.content
        layout.addWidget(self.intro)
        layout.addWidget(self.in_use)
        layout.addWidget(self.saved)
        layout.addWidget(self.locked)
        layout.addWidget(self.form_host)
        layout.addLayout(actions)
        layout.addStretch(1)
        self.below.addLayout(confirm)
        self.below.addWidget(self.progress)
        self.footer.addWidget(self.save_button)
        self.state = LocationState("")
        self.busy = False
        self._hide_question()

    def show_state(self, state: LocationState) -> None:
        """Fill the form from what is saved; the password field stays empty."""
        self.state = state
        self.intro.setVisible(not state.saved and not state.locked)  # room for those
        self.in_use.setText(state.in_use)
        self.saved.setText(state.saved)
        self.saved.setVisible(bool(state.saved))
        self.locked.setText(state.locked)
        self.locked.setVisible(bool(state.locked))
        self.host.setText(state.host)
        self.port.setText(state.port)
        self.name.setText(state.name)
        self.user.setText(state.user)
        self.tls.setChecked(state.tls)
        self.password.clear()
        saved_text = _("(saved)") if state.password_saved else ""
        self.password.setPlaceholderText(saved_text)
        self.password.setAccessibleDescription(
            _("A password is saved; leave this empty to keep it.") if state.password_saved
            else "")
        self._hide_question()
        self._enable()

    def show_busy(self, busy: bool, text: str = "") -> None:
        """While a test or a copy runs nothing else can be started; `text` says what runs."""
        self.busy = busy
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        if text:
            self.show_status(text)
        self._hide_question()
        self._enable()

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total) if total else 0)

    def point_to_copy(self) -> None:
        """The next step after saving: in sight, with the keyboard focus."""
        self.copy_button.setFocus()
        QTimer.singleShot(0, self._scroll_to_copy)  # once the layout has settled

    def _scroll_to_copy(self) -> None:
        area = self.content_host.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None:
            area.ensureWidgetVisible(self.copy_button)

    def _enable(self) -> None:
        free = not self.busy and not self.state.locked
        for widget in (self.host, self.port, self.name, self.user, self.password, self.tls,
                       self.save_button):
            widget.setEnabled(free)
        self.copy_button.setEnabled(free and self.state.can_copy)
        self.own_button.setEnabled(free and self.state.can_go_back)
        self.back_button.setEnabled(not self.busy)

    def _ask_own(self) -> None:
        for widget in (self.question, self.confirm_no, self.confirm_yes):
            widget.setVisible(True)
        self.confirm_no.setFocus()

    def _own_confirmed(self) -> None:
        self._hide_question()
        self.use_own.emit()

    def _hide_question(self) -> None:
        for widget in (self.question, self.confirm_no, self.confirm_yes):
            widget.setVisible(False)

