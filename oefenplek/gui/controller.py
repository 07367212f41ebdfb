"""Connects the learner's screens to the engine, the repository and read-aloud.

Every answer is stored (committed) before the screen changes, and every move through a
lesson stores the position, so a learner can stop at any moment and continue days later.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

from PySide6.QtCore import QObject

from oefenplek.cli import app_version
from oefenplek.core.certificates import theme_complete
from oefenplek.core.engine import Feedback, LessonRun
from oefenplek.core.learners import Learner, NameProblem, Preferences, check_new_learner
from oefenplek.core.lessons.model import Catalog, Lesson
from oefenplek.core.progress import RunRecord, lesson_progress, resume_position
from oefenplek.gui.look import apply_look
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.safely import run_safely
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.screens.lessons import LessonCard, ThemeCard
from oefenplek.gui.speech import Speaker
from oefenplek.storage.repository import Repository
from oefenplek.storage.settings import AUTO_READ, THEMES_OFFERED, offered_themes


class LearnerController(QObject):
    def __init__(self, window: MainWindow, repository: Repository, catalog: Catalog,
                 speaker: Speaker, tell: Callable[[str], None] | None = None) -> None:
        super().__init__(window)
        self.window, self.repository, self.catalog, self.speaker = (
            window, repository, catalog, speaker)
        self.tell = tell or window.show_problem
        self.learner: Learner | None = None
        self.visit_id: str | None = None
        self.run: LessonRun | None = None
        self.record: RunRecord | None = None
        self.help_request: str | None = None
        self.finished_lesson: Lesson | None = None
        self.speaking_on: LearnerScreen | None = None
        w = window
        for screen in w.learner_screens():
            screen.listen_requested.connect(lambda text, s=screen: self.read_aloud(s, text))
            screen.help_requested.connect(self.ask_help)
            screen.set_speech_available(speaker.available)
        speaker.word_spoken.connect(self._mark_word)
        speaker.finished.connect(self._speech_finished)
        w.ask_help.call_volunteer.connect(self.call_volunteer)
        w.ask_help.cancel_help.connect(self.cancel_help)
        w.picker.learner_chosen.connect(self.choose_learner)
        w.picker.new_learner_requested.connect(self.new_learner)
        w.picker.about_requested.connect(lambda: w.show_about(app_version()))
        w.new_learner.done.connect(self.add_learner)
        w.new_learner.cancelled.connect(self.show_picker)
        w.lessons.lesson_chosen.connect(self.open_lesson)
        w.lessons.stop_requested.connect(self.end_visit)
        w.lessons.preferences_requested.connect(self.show_preferences)
        w.preferences.changed.connect(self.change_preferences)
        w.preferences.done.connect(self.show_lessons)
        w.player.answered.connect(self.answer)
        w.player.next_requested.connect(self.go_on)
        w.player.back_requested.connect(self.go_back)
        w.player.stop_requested.connect(self.stop_lesson)
        w.end.lessons_requested.connect(self.show_lessons)
        w.end.next_lesson_requested.connect(self.open_lesson)
        w.closing.connect(self.shutdown)
        from oefenplek.gui.certificate_controller import CertificateController

        self.certificates = CertificateController(self)
        from oefenplek.gui.staff.controller import StaffController

        self.staff = StaffController(self)

    def _safely(self, action: Callable[[], None]) -> bool:
        """Run a storage action; on failure tell the person in plain words and stay put."""
        return run_safely(action, self.tell)

    def _show(self, screen: LearnerScreen) -> None:
        self.speaker.stop()
        self.window.show_screen(screen)

    # --- read-aloud ---------------------------------------------------------------------
    def read_aloud(self, screen: LearnerScreen, text: str) -> None:
        self.speaking_on = screen
        self.speaker.say(text)

    def _mark_word(self, start: int, length: int) -> None:
        if self.speaking_on is not None and self.speaking_on is self.window.current_screen():
            self.speaking_on.mark_word(start, length)

    def _speech_finished(self) -> None:
        if self.speaking_on is not None:
            self.speaking_on.unmark_word()

    # --- help ---------------------------------------------------------------------------
    def ask_help(self) -> None:
        self.window.ask_help.ask(coming=self.help_request is not None)

    def call_volunteer(self) -> None:
        run, record = self.run, self.record
        learner_id = self.learner.id if self.learner else None
        ids: list[str] = []
        if self._safely(lambda: ids.append(self.repository.ask_help(
                learner_id, record.id if record else None,
                run.lesson.id if run else None, run.position if run else None))):
            self.help_request = ids[0]
            self._show_help_state()

    def cancel_help(self) -> None:
        if self.help_request:
            self._safely(lambda: self.repository.handle_help_request(self.help_request or ""))
        self.help_request = None
        self._show_help_state()

    def help_given(self, request_id: str) -> None:
        """A volunteer marked this request as handled in their overview."""
        if self.help_request == request_id:
            self.help_request = None
            self._show_help_state()

    def _show_help_state(self) -> None:
        for screen in self.window.learner_screens():
            screen.set_help_coming(self.help_request is not None)

    # --- who is here --------------------------------------------------------------------
    def show_picker(self) -> None:
        apply_look(None)
        self.window.picker.show_learners(self.repository.learners())
        self._show(self.window.picker)

    def new_learner(self) -> None:
        self.window.new_learner.start()
        self._show(self.window.new_learner)

    def add_learner(self, name: str, avatar: str) -> None:
        try:
            clean = check_new_learner(name, avatar, self.repository.learners())
        except NameProblem as problem:
            self.window.new_learner.show_problem(str(problem), problem.field)
            return
        added: list[Learner] = []
        if self._safely(lambda: added.append(self.repository.add_learner(clean, avatar))):
            if self.repository.setting(AUTO_READ) == "1":
                self.repository.set_preferences(added[0].id, Preferences(read_aloud_auto=True))
            self.choose_learner(added[0].id)

    def choose_learner(self, learner_id: str) -> None:
        learner = self.repository.learner(learner_id)
        if learner is None:
            return self.show_picker()
        self.learner = learner
        self._use_preferences(learner.preferences)
        self._safely(lambda: setattr(self, "visit_id", self.repository.start_visit(learner.id)))
        self.show_lessons()
        return None

    def end_visit(self) -> None:
        if self.visit_id:
            self._safely(lambda: self.repository.end_visit(self.visit_id or ""))
        self.learner, self.visit_id, self.run, self.record = None, None, None, None
        # An open help request stays open for the volunteer; this screen forgets it.
        self.help_request = None
        self._show_help_state()
        self.show_picker()

    def shutdown(self) -> None:
        self.speaker.stop()
        if self.visit_id:
            self._safely(lambda: self.repository.end_visit(self.visit_id or ""))
            self.visit_id = None

    # --- how the learner sees and hears best -------------------------------------------
    def _use_preferences(self, preferences: Preferences) -> None:
        apply_look(preferences)
        self.speaker.set_slow(preferences.speech_slow)

    def show_preferences(self) -> None:
        assert self.learner is not None
        self.window.preferences.show_preferences(self.learner.preferences)
        self._show(self.window.preferences)

    def change_preferences(self, preferences: Preferences) -> None:
        learner = self.learner
        assert learner is not None
        if self._safely(lambda: self.repository.set_preferences(learner.id, preferences)):
            self.learner = self.repository.learner(learner.id)
            self._use_preferences(preferences)

    # --- lessons ------------------------------------------------------------------------
    def theme_cards(self) -> list[ThemeCard]:
        assert self.learner is not None
        runs = self.repository.runs(self.learner.id)
        offered = offered_themes(self.repository.setting(THEMES_OFFERED))
        cards = []
        for theme in self.catalog.themes:
            if offered is not None and theme.id not in offered:
                continue
            lessons = []
            for lesson in self.catalog.lessons_of(theme.id):
                progress = lesson_progress(lesson.id, lesson.step_count, runs)
                lessons.append(LessonCard(lesson.id, lesson.title, lesson.icon or theme.icon,
                                          lesson.minutes, progress.status, progress.step,
                                          progress.total))
            cards.append(ThemeCard(theme.id, theme.title, theme.icon, lessons))
        return cards

    def show_lessons(self) -> None:
        assert self.learner is not None
        theme = self.run.lesson.theme if self.run is not None else None
        self.run, self.record = None, None
        self.window.lessons.show_lessons(self.learner.name, self.theme_cards(), theme)
        self._show(self.window.lessons)

    def open_lesson(self, lesson_id: str) -> None:
        learner = self.learner
        assert learner is not None
        lesson = self.catalog.lessons.get(lesson_id)
        if lesson is None:
            return
        runs = self.repository.runs(learner.id)
        busy = [r for r in runs if r.lesson_id == lesson_id and r.finished_at is None]
        if busy:
            record = busy[-1]
            position = resume_position(record, lesson.step_count)
            self.run = LessonRun(lesson, position, self.repository.wrong_tries(record.id))
            self.record = record
        else:
            started: list[RunRecord] = []
            if not self._safely(lambda: started.append(
                    self.repository.start_run(learner.id, lesson.id, lesson.version))):
                return
            self.record = started[0]
            self.run = LessonRun(lesson)
        self._show(self.window.player)
        self.show_step()

    # --- playing ------------------------------------------------------------------------
    def show_step(self) -> None:
        run, record = self.run, self.record
        assert run is not None and record is not None
        self.speaker.stop()
        player = self.window.player
        player.show_step(
            run.step, run.number, run.total,
            can_go_back=run.can_go_back, can_go_on=run.can_go_on,
            solved=run.solved, revealed=run.revealed,
            seed=zlib.crc32(f"{record.id}:{run.position}".encode()),
        )
        if self.learner and self.learner.preferences.read_aloud_auto:
            self.read_aloud(player, player.spoken_text())

    def answer(self, value: object, stored: str) -> None:
        run, record = self.run, self.record
        assert run is not None and record is not None
        step = run.step
        feedback: Feedback = run.answer(value)
        saved = self._safely(lambda: self.repository.record_attempt(
            record.id, run.position, step.kind, feedback.outcome, stored[:500], self.visit_id))
        if saved:
            self.window.player.show_feedback(feedback, step, run.can_go_on)
            if self.learner and self.learner.preferences.read_aloud_auto:
                self.speaking_on = None  # only the feedback is read; nothing to mark
                self.speaker.say(self.window.player.feedback_text.text())

    def go_on(self) -> None:
        run, record = self.run, self.record
        assert run is not None and record is not None
        finished = run.go_on()
        if finished:
            if self._safely(lambda: self.repository.finish_run(record.id)):
                self.show_end()
            return
        if self._safely(lambda: self.repository.move_run(record.id, run.position)):
            self.show_step()

    def go_back(self) -> None:
        run, record = self.run, self.record
        assert run is not None and record is not None
        run.go_back()
        self._safely(lambda: self.repository.move_run(record.id, run.position))
        self.show_step()

    def stop_lesson(self) -> None:
        self.show_lessons()

    def show_end(self) -> None:
        run = self.run
        assert run is not None and self.learner is not None
        lesson = run.lesson
        self.finished_lesson = lesson
        following = self.catalog.lessons.get(lesson.next or "")
        theme_done = theme_complete(lesson.theme, self.catalog,
                                    self.repository.runs(self.learner.id))
        self.window.end.show_end(self.learner.name, lesson.title, lesson.can_do, lesson.ending,
                                 following.id if following else None,
                                 following.title if following else None, theme_done)
        self._show(self.window.end)
