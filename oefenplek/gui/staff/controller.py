"""The volunteer's part of the staff area: the PIN door, today's overview, one learner's page.

A sibling of the learner's controller: it tells the learner side what changed (a help
request handled, the staff area closed) over `services.events`, never by calling it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from oefenplek.core.certificates import LESSON
from oefenplek.core.staff import COORDINATOR, PinProblem, StaffMember, check_new_pin
from oefenplek.core.text import LOCATION_NAME_LENGTH, NOTE_LENGTH, STAFF_NAME_LENGTH, clean_line
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.services import Services
from oefenplek.i18n import _, ngettext
from oefenplek.views.staff import learner_view, today_rows, today_view

# The overview refreshes itself while it is on screen, so help asked on another computer of
# the location shows within 2 seconds. A tick costs about 5 ms with 30 learners in and 2,000
# in the database, and a few ms more per card that changed (benchmarks/overview.py).
REFRESH_MS = 1_500


class StaffController(QObject):
    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window, self.services = window, services
        self.staff, self.repository = services.staff, services.repository
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh_rows)
        window.closing.connect(self.timer.stop)
        window.stack.currentChanged.connect(self._screen_changed)
        w = window
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
        w.staff_learner.certificate.connect(
            lambda learner_id, lesson_id: services.events.certificate_wanted.emit(
                learner_id, lesson_id, LESSON, services.session.signer, w.staff_learner))
        w.staff_learner.practise_helped.connect(self.practise_helped)
        w.staff_learner.reprint.connect(
            lambda learner_id, certificate_id: services.events.certificate_again.emit(
                learner_id, certificate_id, w.staff_learner))
        services.events.staff_home.connect(self.show_today)
        services.events.certificate_closed.connect(self._back_from_certificate)

    def _write(self, action: Callable[[], Any], tell: Callable[[str], None],
               then: Callable[[Any], object] | None = None) -> bool:
        return self.services.ops.run(action, tell, then)

    # --- the door -----------------------------------------------------------------------
    def open_door(self) -> None:
        door = self.window.door
        if self._write(self.staff.staff, door.show_message,
                       lambda staff: door.show_login(staff) if staff else door.show_wizard()):
            self.window.show_screen(door)

    def first_run(self, location: str, name: str, pin: str, again: str) -> None:
        door = self.window.door
        location = clean_line(location, LOCATION_NAME_LENGTH)
        name = clean_line(name, STAFF_NAME_LENGTH)
        if not location or not name:
            door.show_message(_("Fill in the name of the location and your name."))
            return
        try:
            check_new_pin(pin, again)
        except PinProblem as problem:
            door.show_message(str(problem))
            return
        self._write(lambda: self.staff.first_run(location, name, COORDINATOR, pin),
                    door.show_message, self._signed_in)

    def pin_entered(self, staff_id: str, pin: str) -> None:
        door, now = self.window.door, self.services.clock()
        lock = self.staff.lock()
        if lock.closed(now):
            assert lock.until is not None
            minutes = max(1, round((lock.until - now).total_seconds() / 60))
            door.show_message(ngettext(
                "Too many wrong PINs. Try again in {n} minute.",
                "Too many wrong PINs. Try again in {n} minutes.", minutes).format(n=minutes))
            return
        member = self.staff.check_pin(staff_id, pin)
        if member is None:
            lock = lock.after_wrong_pin(now)
            self._write(lambda: self.staff.save_lock(lock), door.show_message,
                        lambda _done: door.show_message(
                            _("Too many wrong PINs. The door is closed for a while.")
                            if lock.closed(now) else _("This PIN is not right.")))
            return
        cleared = lock.after_right_pin()
        if cleared == lock:  # nothing to save: the door also opens on a read-only database
            self._signed_in(member)
        else:
            self._write(lambda: self.staff.save_lock(cleared), door.show_message,
                        lambda _done: self._signed_in(member))

    def _signed_in(self, member: StaffMember) -> None:
        self.services.session.member = member
        self.show_today()

    def leave(self) -> None:
        self.services.session.member = None
        self.services.events.staff_left.emit()  # the picker shows; _screen_changed stops

    # --- today --------------------------------------------------------------------------
    def _screen_changed(self, _index: int) -> None:
        """The refresh runs only while the overview is on screen (not behind a learner's
        page, a report or the learner picker), so an idle app does nothing."""
        on_today = self.window.current_screen() is self.window.today
        if on_today and self.services.session.member is not None:
            if not self.timer.isActive():
                self.timer.start(REFRESH_MS)
        else:
            self.timer.stop()

    def show_today(self) -> None:
        self.refresh()
        self.window.show_screen(self.window.today)  # _screen_changed starts the refresh

    def refresh(self) -> None:
        """Everything the overview shows, from a few queries however many learners are in."""
        member = self.services.session.member
        if member is None:
            return
        here = self.staff.here_today(self.services.start_of_today())
        view = today_view(here, self.repository.learners(), self.services.catalog,
                          self.services.clock())
        who = _("Signed in: {name}").format(name=member.name)
        self.window.today.show_today(who, view.rows, view.learners, member.is_coordinator)

    def refresh_rows(self) -> None:
        """What the timer refreshes: only who is here and where; a failed read waits for
        the next tick rather than bothering the volunteer every second or two."""
        if self.services.session.member is None:
            return
        self.services.ops.run(
            lambda: self.staff.here_today(self.services.start_of_today()), lambda _m: None,
            lambda here: self.window.today.show_rows(
                today_rows(here, self.services.catalog, self.services.clock())))

    def help_handled(self, request_id: str) -> None:
        self._write(lambda: self.repository.handle_help_request(request_id),
                    self.window.today.show_status, lambda _done: self._help_done(request_id))

    def _help_done(self, request_id: str) -> None:
        self.services.events.help_handled.emit(request_id)
        self.refresh()

    def start_visit(self, learner_id: str) -> None:
        member = self.services.session.member
        if learner_id and member is not None:
            self._write(lambda: self.staff.start_visit(learner_id, member.id),
                        self.window.today.show_status, lambda _visit: self.refresh())

    def end_visit(self, learner_id: str) -> None:
        visit = self.staff.open_visit(learner_id)
        if visit:
            self._write(lambda: self.repository.end_visit(visit),
                        self.window.today.show_status, lambda _done: self.refresh())

    # --- one learner --------------------------------------------------------------------
    def open_learner(self, learner_id: str) -> None:
        learner = self.repository.learner(learner_id)
        if learner is None:
            return
        view = learner_view(
            learner, self.repository.runs(learner_id), self.staff.stuck_steps(learner_id),
            self.staff.visits(learner_id), self.repository.certificates(learner_id),
            self.services.catalog, self.services.start_of_today(),
            self.staff.answers(learner_id))
        self.window.staff_learner.show_learner(view)
        self.window.show_screen(self.window.staff_learner)

    def save_note(self, learner_id: str, note: str) -> None:
        member = self.services.session.member
        today = self.services.start_of_today()
        page = self.window.staff_learner
        self._write(
            lambda: self.staff.set_note_of_today(learner_id, clean_line(note, NOTE_LENGTH),
                                                 today, member.id if member else None),
            page.show_status, lambda _done: self._reopen(learner_id, _("The note is saved.")))

    def practise_helped(self, learner_id: str, lesson_id: str) -> None:
        runs = [r for r in self.repository.runs(learner_id)
                if r.lesson_id == lesson_id and r.finished_at is None]
        if runs:
            run = runs[-1]
            self._write(lambda: self.staff.mark_practise_helped(
                run.id, run.position, self.staff.open_visit(learner_id)),
                self.window.staff_learner.show_status,
                lambda _done: self._reopen(learner_id, _("Marked as done with help.")))

    def _back_from_certificate(self, screen: object) -> None:
        """The learner's page lists the certificate just handed out."""
        page = self.window.staff_learner
        if screen is page and page.learner_id:
            self.open_learner(page.learner_id)

    def _reopen(self, learner_id: str, status: str) -> None:
        self.open_learner(learner_id)
        self.window.staff_learner.show_status(status)
