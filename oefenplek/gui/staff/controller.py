"""The staff area: opening the door with a PIN, the day's overview, one learner's page."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from oefenplek.core.certificates import LESSON
from oefenplek.core.progress import lesson_progress
from oefenplek.core.staff import COORDINATOR, PinProblem, StaffMember, check_new_pin
from oefenplek.documents.certificate import Page, render_pdf
from oefenplek.gui.background import run_in_background
from oefenplek.gui.certificate_controller import documents_folder, safe_file_name
from oefenplek.gui.printing import print_page
from oefenplek.gui.staff.learner_page import LearnerView, LessonLine
from oefenplek.gui.staff.today import TodayRow
from oefenplek.i18n import _, format_date, ngettext
from oefenplek.storage.db import StorageError
from oefenplek.storage.settings import LOCATION_NAME
from oefenplek.storage.staff_repository import StaffRepository

if TYPE_CHECKING:
    from oefenplek.gui.controller import LearnerController

REFRESH_MS = 15_000  # the overview refreshes itself while it is open


def start_of_today(now: datetime) -> datetime:
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


class StaffController(QObject):
    def __init__(self, learners: LearnerController) -> None:
        super().__init__(learners)
        self.learners = learners
        self.window = learners.window
        self.repository = StaffRepository(learners.repository.database, learners.repository)
        self.member: StaffMember | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        learners.window.closing.connect(self.timer.stop)
        w = self.window
        w.picker.staff_requested.connect(self.open_door)
        w.door.first_run.connect(self.first_run)
        w.door.pin_entered.connect(self.pin_entered)
        w.door.closed.connect(self.leave)
        w.today.leave.connect(self.leave)
        w.today.open_learner.connect(self.open_learner)
        w.today.help_handled.connect(self.help_handled)
        w.today.start_visit.connect(self.start_visit)
        w.today.end_visit.connect(self.end_visit)
        w.staff_learner.back.connect(self.show_today)
        w.staff_learner.save_note.connect(self.save_note)
        w.staff_learner.certificate.connect(self.certificate)
        w.staff_learner.practise_helped.connect(self.practise_helped)
        w.staff_learner.reprint.connect(
            lambda learner_id, certificate_id: self.learners.certificates.show_issued(
                learner_id, certificate_id, w.staff_learner))
        w.today.batch_requested.connect(self.show_batch)
        w.batch.lesson_changed.connect(
            lambda lesson_id: w.batch.show_people(self.repository.finished_by(lesson_id)))
        w.batch.back.connect(self.show_today)
        w.batch.print_requested.connect(self.print_batch)
        w.batch.save_requested.connect(self.save_batch)
        from oefenplek.gui.staff.coordinator import CoordinatorController

        self.coordinator = CoordinatorController(self)
        from oefenplek.gui.staff.report_controller import ReportController

        self.reports = ReportController(self)

    # --- the door -----------------------------------------------------------------------
    def open_door(self) -> None:
        staff = self.repository.staff()
        if staff:
            self.window.door.show_login(staff)
        else:
            self.window.door.show_wizard()
        self.window.show_screen(self.window.door)

    def first_run(self, location: str, name: str, pin: str, again: str) -> None:
        door = self.window.door
        location, name = " ".join(location.split()), " ".join(name.split())
        if not location or not name:
            door.show_message(_("Fill in the name of the location and your name."))
            return
        try:
            check_new_pin(pin, again)
        except PinProblem as problem:
            door.show_message(str(problem))
            return
        self.learners.repository.set_setting(LOCATION_NAME, location)
        self.member = self.repository.add_staff(name, COORDINATOR, pin)
        self.show_today()

    def pin_entered(self, staff_id: str, pin: str) -> None:
        door, now = self.window.door, datetime.now(UTC)
        lock = self.repository.lock()
        if lock.closed(now):
            assert lock.until is not None
            minutes = max(1, round((lock.until - now).total_seconds() / 60))
            door.show_message(ngettext(
                "Too many wrong PINs. Try again in {n} minute.",
                "Too many wrong PINs. Try again in {n} minutes.", minutes).format(n=minutes))
            return
        member = self.repository.check_pin(staff_id, pin)
        if member is None:
            lock = lock.after_wrong_pin(now)
            self.repository.save_lock(lock)
            door.show_message(_("Too many wrong PINs. The door is closed for a while.")
                              if lock.closed(now) else _("This PIN is not right."))
            return
        self.repository.save_lock(lock.after_right_pin())
        self.member = member
        self.show_today()

    def leave(self) -> None:
        self.member = None
        self.timer.stop()
        self.learners.show_picker()

    # --- today --------------------------------------------------------------------------
    def show_today(self) -> None:
        self.refresh()
        self.window.show_screen(self.window.today)
        self.timer.start()

    def refresh(self) -> None:
        if self.member is None:
            return
        now = datetime.now(UTC)
        rows = [self._row(here, now) for here in self.repository.here_today(start_of_today(now))]
        learners = [(learner.id, learner.name) for learner in self.learners.repository.learners()]
        who = _("Signed in: {name}").format(name=self.member.name)
        self.window.today.show_today(who, rows, learners, self.member.is_coordinator)

    def _row(self, here: object, now: datetime) -> TodayRow:
        from oefenplek.storage.staff_repository import HereToday

        assert isinstance(here, HereToday)
        catalog = self.learners.catalog
        where = _("Not busy with a lesson")
        if here.lesson_id is not None and here.step_index is not None:
            lesson = catalog.lessons.get(here.lesson_id)
            title = lesson.title if lesson else here.lesson_id
            where = _("{lesson}, step {n}").format(lesson=title, n=here.step_index + 1)
        help_text = ""
        if here.help_since is not None:
            minutes = max(0, round((now - here.help_since).total_seconds() / 60))
            help_text = ngettext("Asks for help ({n} minute)", "Asks for help ({n} minutes)",
                                 minutes).format(n=minutes)
        done = [catalog.lessons[i].title if i in catalog.lessons else i
                for i in here.finished_today]
        done_text = _("Finished today: {lessons}").format(lessons=", ".join(done)) if done else ""
        return TodayRow(here.learner_id, here.name, here.avatar, where, help_text,
                        here.help_request_id, done_text, here.left is None)

    def help_handled(self, request_id: str) -> None:
        self.learners.repository.handle_help_request(request_id)
        self.learners.help_given(request_id)
        self.refresh()

    def start_visit(self, learner_id: str) -> None:
        if learner_id and self.member is not None:
            self.repository.start_visit(learner_id, self.member.id)
            self.refresh()

    def end_visit(self, learner_id: str) -> None:
        visit = self.repository.open_visit(learner_id)
        if visit:
            self.learners.repository.end_visit(visit)
        self.refresh()

    # --- one learner --------------------------------------------------------------------
    def open_learner(self, learner_id: str) -> None:
        self.window.staff_learner.show_learner(self._view(learner_id))
        self.window.show_screen(self.window.staff_learner)

    def _view(self, learner_id: str) -> LearnerView:
        repository, catalog = self.learners.repository, self.learners.catalog
        learner = repository.learner(learner_id)
        assert learner is not None
        runs = repository.runs(learner_id)
        lines = []
        for lesson_id in dict.fromkeys(run.lesson_id for run in runs):
            lesson = catalog.lessons.get(lesson_id)
            if lesson is None:
                continue
            progress = lesson_progress(lesson_id, lesson.step_count, runs)
            busy = progress.status.value == "busy"
            state = (_("busy, step {n} of {total}").format(n=progress.step, total=progress.total)
                     if busy else _("done"))
            waiting = busy and lesson.steps[progress.step - 1].kind == "practise"
            done = any(r.lesson_id == lesson_id and r.finished_at for r in runs)
            lines.append(LessonLine(lesson_id, f"{lesson.title} — {state}", done, waiting))
        stuck = []
        for step in self.repository.stuck_steps(learner_id):
            lesson = catalog.lessons.get(step.lesson_id)
            title = lesson.title if lesson else step.lesson_id
            said = ""
            if lesson and step.step_index < lesson.step_count:
                said = f" ({lesson.steps[step.step_index].text})"
            parts = []
            if step.wrong:
                parts.append(ngettext("{n} time wrong", "{n} times wrong", step.wrong)
                             .format(n=step.wrong))
            if step.helped:
                parts.append(ngettext("{n} time help", "{n} times help", step.helped)
                             .format(n=step.helped))
            stuck.append(_("{lesson}, step {n}{said}: {what}").format(
                lesson=title, n=step.step_index + 1, said=said, what=", ".join(parts)))
        visits = self.repository.visits(learner_id)
        notes = [f"{format_date(v.started_at.astimezone(), 'long')}: {v.note}"
                 for v in visits if v.note]
        today = start_of_today(datetime.now(UTC))
        note_today = next((v.note for v in visits if v.started_at >= today), "")
        issued = [(c.id, f"{c.title} — {format_date(c.issued_on)}")
                  for c in repository.certificates(learner_id)]
        return LearnerView(learner_id, learner.name, lines, stuck, notes, note_today, issued)

    def save_note(self, learner_id: str, note: str) -> None:
        today = start_of_today(datetime.now(UTC))
        visit = next((v for v in self.repository.visits(learner_id) if v.started_at >= today),
                     None)
        visit_id = visit.visit_id if visit else self.repository.start_visit(
            learner_id, self.member.id if self.member else None)
        self.repository.set_visit_note(visit_id, " ".join(note.split()))
        self.open_learner(learner_id)
        self.window.staff_learner.show_status(_("The note is saved."))

    def practise_helped(self, learner_id: str, lesson_id: str) -> None:
        runs = [r for r in self.learners.repository.runs(learner_id)
                if r.lesson_id == lesson_id and r.finished_at is None]
        if runs:
            run = runs[-1]
            self.repository.mark_practise_helped(run.id, run.position,
                                                 self.repository.open_visit(learner_id))
            self.open_learner(learner_id)
            self.window.staff_learner.show_status(_("Marked as done with help."))

    def certificate(self, learner_id: str, lesson_id: str) -> None:
        signer = self.member.name if self.member else ""
        self.learners.certificates.make_for(learner_id, lesson_id, LESSON, signer,
                                            back_to=self.window.staff_learner)

    # --- certificates for a group -------------------------------------------------------
    def show_batch(self) -> None:
        catalog = self.learners.catalog
        lessons = [(lesson.id, lesson.title) for theme in catalog.themes
                   for lesson in catalog.lessons_of(theme.id)]
        self.window.batch.show_lessons(lessons)
        self.window.show_screen(self.window.batch)

    def _batch_pages(self, lesson_id: str, learner_ids: list[str]) -> list[Page]:
        """Record a certificate for each chosen learner; the pages to print or save."""
        signer = self.member.name if self.member else ""
        try:
            return [self.learners.certificates.issue(learner_id, lesson_id, LESSON, signer)[1]
                    for learner_id in learner_ids]
        except StorageError as error:
            self.window.batch.show_status(str(error))
            return []

    def print_batch(self, lesson_id: str, learner_ids: list[str]) -> None:
        if not learner_ids:
            return
        pages = self._batch_pages(lesson_id, learner_ids)
        if not pages:
            return
        self.window.ask_printer(lambda printer: self.window.batch.show_status(
            ngettext("{n} certificate is on its way to the printer.",
                     "{n} certificates are on their way to the printer.", len(pages))
            .format(n=len(pages)) if print_page(printer, pages)
            else _("The printer did not start.")))

    def save_batch(self, lesson_id: str, learner_ids: list[str]) -> None:
        if not learner_ids:
            return
        pages = self._batch_pages(lesson_id, learner_ids)
        if not pages:
            return
        lesson = self.learners.catalog.lessons.get(lesson_id)
        name = f"{_('certificates')} {lesson.title if lesson else lesson_id}"
        screen = self.window.batch

        def write(path: str) -> None:
            screen.show_status(_("Saving…"))
            run_in_background(
                lambda: render_pdf(pages, Path(path)),
                lambda _r: screen.show_status(_("Saved: {path}").format(path=path)),
                lambda error: screen.show_status(
                    _("The certificates could not be saved there: {error}").format(error=error)))

        self.window.ask_save_path(str(documents_folder() / f"{safe_file_name(name)}.pdf"), write)
