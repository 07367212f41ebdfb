"""Connects the learner's screens to the engine and the repository.

Every answer is stored (committed) before the screen changes, and every move through a
lesson stores the position, so a learner can stop at any moment and continue days later.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

from PySide6.QtCore import QObject

from oefenplek.core.engine import Feedback, LessonRun
from oefenplek.core.learners import Learner, NameProblem, check_new_learner
from oefenplek.core.lessons.model import Catalog
from oefenplek.core.progress import RunRecord, lesson_progress, resume_position
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.screens.lessons import LessonCard, ThemeCard
from oefenplek.gui.speech import Speaker
from oefenplek.storage.db import StorageError
from oefenplek.storage.repository import Repository


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
        w = window
        for screen in w.learner_screens():
            screen.listen_requested.connect(self.speaker.say)
            screen.set_speech_available(speaker.available, speaker.reason)
        w.picker.learner_chosen.connect(self.choose_learner)
        w.picker.new_learner_requested.connect(self.new_learner)
        w.new_learner.done.connect(self.add_learner)
        w.new_learner.cancelled.connect(self.show_picker)
        w.lessons.lesson_chosen.connect(self.open_lesson)
        w.lessons.stop_requested.connect(self.end_visit)
        w.player.answered.connect(self.answer)
        w.player.next_requested.connect(self.go_on)
        w.player.back_requested.connect(self.go_back)
        w.player.stop_requested.connect(self.stop_lesson)
        w.end.lessons_requested.connect(self.show_lessons)
        w.end.next_lesson_requested.connect(self.open_lesson)
        w.closing.connect(self.shutdown)

    def _safely(self, action: Callable[[], None]) -> bool:
        """Run a storage action; on failure tell the person in plain words and stay put."""
        try:
            action()
        except StorageError as error:
            self.tell(str(error))
            return False
        return True

    # --- who is here --------------------------------------------------------------------
    def show_picker(self) -> None:
        self.speaker.stop()
        self.window.picker.show_learners(self.repository.learners())
        self.window.show_screen(self.window.picker)

    def new_learner(self) -> None:
        self.window.new_learner.start()
        self.window.show_screen(self.window.new_learner)

    def add_learner(self, name: str, avatar: str) -> None:
        try:
            clean = check_new_learner(name, avatar, self.repository.learners())
        except NameProblem as problem:
            self.window.new_learner.show_problem(str(problem), problem.field)
            return
        added: list[Learner] = []
        if self._safely(lambda: added.append(self.repository.add_learner(clean, avatar))):
            self.choose_learner(added[0].id)

    def choose_learner(self, learner_id: str) -> None:
        learner = self.repository.learner(learner_id)
        if learner is None:
            return self.show_picker()
        self.learner = learner
        self._safely(lambda: setattr(self, "visit_id", self.repository.start_visit(learner.id)))
        self.show_lessons()
        return None

    def end_visit(self) -> None:
        if self.visit_id:
            self._safely(lambda: self.repository.end_visit(self.visit_id or ""))
        self.learner, self.visit_id, self.run, self.record = None, None, None, None
        self.show_picker()

    def shutdown(self) -> None:
        self.speaker.stop()
        if self.visit_id:
            self._safely(lambda: self.repository.end_visit(self.visit_id or ""))
            self.visit_id = None

    # --- lessons ------------------------------------------------------------------------
    def theme_cards(self) -> list[ThemeCard]:
        assert self.learner is not None
        runs = self.repository.runs(self.learner.id)
        cards = []
        for theme in self.catalog.themes:
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
        self.speaker.stop()
        theme = None
        if self.run is not None:
            theme = self.run.lesson.theme
        self.run, self.record = None, None
        self.window.lessons.show_lessons(self.learner.name, self.theme_cards(), theme)
        self.window.show_screen(self.window.lessons)

    def open_lesson(self, lesson_id: str) -> None:
        assert self.learner is not None
        lesson = self.catalog.lessons.get(lesson_id)
        if lesson is None:
            return
        runs = self.repository.runs(self.learner.id)
        busy = [r for r in runs if r.lesson_id == lesson_id and r.finished_at is None]
        if busy:
            record = busy[-1]
            position = resume_position(record, lesson.step_count)
            tries = self.repository.wrong_tries(record.id)
            self.run = LessonRun(lesson, position, tries)
            self.record = record
        else:
            started: list[RunRecord] = []
            if not self._safely(lambda: started.append(
                    self.repository.start_run(self.learner.id, lesson.id, lesson.version))):
                return
            self.record = started[0]
            self.run = LessonRun(lesson)
        self.show_step()
        self.window.show_screen(self.window.player)

    # --- playing ------------------------------------------------------------------------
    def show_step(self) -> None:
        run, record = self.run, self.record
        assert run is not None and record is not None
        self.speaker.stop()
        self.window.player.show_step(
            run.step, run.number, run.total,
            can_go_back=run.can_go_back, can_go_on=run.can_go_on,
            solved=run.solved, revealed=run.revealed,
            seed=zlib.crc32(f"{record.id}:{run.position}".encode()),
        )

    def answer(self, value: object, stored: str) -> None:
        run, record = self.run, self.record
        assert run is not None and record is not None
        step = run.step
        feedback: Feedback = run.answer(value)
        saved = self._safely(lambda: self.repository.record_attempt(
            record.id, run.position, step.kind, feedback.outcome, stored[:500], self.visit_id))
        if saved:
            self.window.player.show_feedback(feedback, step, run.can_go_on)

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
        following = self.catalog.lessons.get(lesson.next or "")
        self.window.end.show_end(self.learner.name, lesson.title, lesson.can_do, lesson.ending,
                                 following.id if following else None,
                                 following.title if following else None)
        self.window.show_screen(self.window.end)
