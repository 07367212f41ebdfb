"""The window: one screen at a time, in a stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from oefenplek.gui.fonts import use_shipped_fonts
from oefenplek.gui.screens.picker import PickerScreen
from oefenplek.i18n import _

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from oefenplek.gui.screens.base import LearnerScreen
    from oefenplek.gui.screens.certificate import CertificateScreen
    from oefenplek.gui.screens.end import EndScreen
    from oefenplek.gui.screens.lesson_start import LessonStartScreen
    from oefenplek.gui.screens.lessons import LessonsScreen
    from oefenplek.gui.screens.new_learner import NewLearnerScreen
    from oefenplek.gui.screens.player import PlayerScreen
    from oefenplek.gui.screens.preferences import PreferencesScreen
    from oefenplek.gui.screens.recap import RecapScreen
    from oefenplek.gui.staff.batch import BatchScreen
    from oefenplek.gui.staff.door import StaffDoor
    from oefenplek.gui.staff.learner_page import LearnerPage
    from oefenplek.gui.staff.learners_admin import LearnersAdminScreen
    from oefenplek.gui.staff.people import PeopleScreen
    from oefenplek.gui.staff.reports import ReportsScreen
    from oefenplek.gui.staff.settings import SettingsScreen
    from oefenplek.gui.staff.today import TodayScreen
    from oefenplek.gui.widgets.ask_help import AskHelpDialog
    from oefenplek.gui.widgets.word_dialog import WordDialog


class MainWindow(QMainWindow):
    """Made in two steps: the learner picker first, so it is on screen at once, and the
    other screens by `complete()`, which `app.build` calls before the controllers."""

    closing = Signal()
    new_learner: NewLearnerScreen
    lessons: LessonsScreen
    lesson_start: LessonStartScreen
    player: PlayerScreen
    recap: RecapScreen
    end: EndScreen
    preferences: PreferencesScreen
    certificate: CertificateScreen
    door: StaffDoor
    today: TodayScreen
    staff_learner: LearnerPage
    batch: BatchScreen
    learners_admin: LearnersAdminScreen
    people: PeopleScreen
    settings: SettingsScreen
    reports: ReportsScreen
    ask_help: AskHelpDialog
    word_dialog: WordDialog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_shipped_fonts()  # before the first screen is made: it measures its words in them
        self.setWindowTitle("oefenplek")
        self.setMinimumSize(QSize(1024, 700))
        self.resize(1280, 800)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.picker = PickerScreen()
        self.stack.addWidget(self.picker)
        self.completed = False

    def complete(self) -> None:
        """Every other screen; their modules are imported only now."""
        if self.completed:
            return
        from oefenplek.gui.screens.certificate import CertificateScreen
        from oefenplek.gui.screens.end import EndScreen
        from oefenplek.gui.screens.lesson_start import LessonStartScreen
        from oefenplek.gui.screens.lessons import LessonsScreen
        from oefenplek.gui.screens.new_learner import NewLearnerScreen
        from oefenplek.gui.screens.player import PlayerScreen
        from oefenplek.gui.screens.preferences import PreferencesScreen
        from oefenplek.gui.screens.recap import RecapScreen
        from oefenplek.gui.staff.batch import BatchScreen
        from oefenplek.gui.staff.door import StaffDoor
        from oefenplek.gui.staff.learner_page import LearnerPage
        from oefenplek.gui.staff.learners_admin import LearnersAdminScreen
        from oefenplek.gui.staff.people import PeopleScreen
        from oefenplek.gui.staff.reports import ReportsScreen
        from oefenplek.gui.staff.settings import SettingsScreen
        from oefenplek.gui.staff.today import TodayScreen
        from oefenplek.gui.widgets.ask_help import AskHelpDialog
        from oefenplek.gui.widgets.word_dialog import WordDialog

        self.new_learner = NewLearnerScreen()
        self.lessons = LessonsScreen()
        self.lesson_start = LessonStartScreen()
        self.player = PlayerScreen()
        self.recap = RecapScreen()
        self.end = EndScreen()
        self.preferences = PreferencesScreen()
        self.certificate = CertificateScreen()
        self.door = StaffDoor()
        self.today = TodayScreen()
        self.staff_learner = LearnerPage()
        self.batch = BatchScreen()
        self.learners_admin = LearnersAdminScreen()
        self.people = PeopleScreen()
        self.settings = SettingsScreen()
        self.reports = ReportsScreen()
        for screen in (*self.learner_screens()[1:], self.door, self.today, self.staff_learner,
                       self.batch, self.learners_admin, self.people, self.settings,
                       self.reports):
            self.stack.addWidget(screen)
        self.ask_help = AskHelpDialog(self)
        self.word_dialog = WordDialog(self)
        self.completed = True

    def learner_screens(self) -> list[LearnerScreen]:
        return [self.picker, self.new_learner, self.lessons, self.lesson_start, self.player,
                self.recap, self.end, self.preferences, self.certificate]

    def show_screen(self, screen: QWidget) -> None:
        self.stack.setCurrentWidget(screen)

    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_about(self, version: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, _("About oefenplek"), _(
            "oefenplek {version}\n\nPractise digital skills step by step, offline.\n"
            "Free software under the EUPL 1.2.").format(version=version),
            QMessageBox.StandardButton.Ok, self)
        box.open()
        self._replace("about_box", box)

    def ask_printer(self, on_chosen: Callable[[QPrinter], None]) -> None:
        """Qt's print dialog, without blocking the window; prints when the person says so."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: on_chosen(printer))
        self._replace("print_dialog", dialog)
        QDialog.open(dialog)  # PySide6 hides the plain open() of print and file dialogs

    def ask_save_path(self, suggested: str, on_chosen: Callable[[str], None],
                      suffix: str = "pdf") -> None:
        kinds = {"pdf": _("PDF files (*.pdf)"), "json": _("JSON files (*.json)"),
                 "csv": _("CSV files (*.csv)"), "xlsx": _("Excel files (*.xlsx)")}
        dialog = QFileDialog(self, _("Save"), suggested, kinds.get(suffix, f"*.{suffix}"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
        dialog.fileSelected.connect(on_chosen)
        self._replace("save_dialog", dialog)
        QDialog.open(dialog)

    def ask_open_path(self, caption: str, kinds: str, on_chosen: Callable[[str], None]) -> None:
        dialog = QFileDialog(self, caption, "", kinds)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(on_chosen)
        self._replace("open_dialog", dialog)
        QDialog.open(dialog)

    def show_problem(self, message: str) -> None:
        """A plain sentence over the current screen; the screen below stays as it was.

        Opened without blocking, so the app keeps running (and its timers) while it shows.
        """
        self._message(QMessageBox.Icon.Warning, _("Something went wrong"), message)

    def show_notice(self, message: str) -> None:
        """A calm sentence over the screen when nothing went wrong for the person (the
        connection is away, their answers are kept): no warning sign, same one OK."""
        self._message(QMessageBox.Icon.Information, _("Good to know"), message)

    def _message(self, icon: QMessageBox.Icon, title: str, message: str) -> None:
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAccessibleName(title)
        ok = box.button(QMessageBox.StandardButton.Ok)
        if ok is not None:  # a big target, as on every learner screen
            ok.setMinimumSize(120, 64)
        box.open()
        self._replace("problem_box", box)

    def _replace(self, name: str, dialog: QDialog) -> None:
        """Keep the newest dialog of a kind (tests answer it there); the one before is
        deleted, so a day of saving and printing does not pile up hidden dialogs."""
        old = getattr(self, name, None)
        if isinstance(old, QDialog) and old is not dialog:
            old.deleteLater()
        setattr(self, name, dialog)

    def closeEvent(self, event: QCloseEvent) -> None:
        # A PDF or export still being written is finished, not lost.
        QThreadPool.globalInstance().waitForDone(60_000)
        QApplication.processEvents()
        self.closing.emit()
        super().closeEvent(event)
