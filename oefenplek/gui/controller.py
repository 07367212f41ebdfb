"""Connects the learner's screens to the engine, the repository and read-aloud.

Every answer is stored (committed) before the screen changes, and every move through a
lesson stores the position, so a learner can stop at any moment and continue days later.
Every write goes through `services.ops`: when it fails, the screen stays where it was.
Luister is gui/read_aloud.py, Hulp gui/help_call.py.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import QObject

from oefenplek import __version__
from oefenplek.core.certificates import theme_complete
from oefenplek.core.engine import LessonRun
from oefenplek.core.learners import Learner, NameProblem, Preferences, check_new_learner
from oefenplek.core.lessons.model import Lesson
from oefenplek.core.lessons.translations import translated_word
from oefenplek.core.progress import RunRecord, resume_position
from oefenplek.gui.help_call import HelpCall, Where
from oefenplek.gui.look import apply_look
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.read_aloud import ReadAloud
from oefenplek.gui.retranslate import apply_language
from oefenplek.gui.room_wait import WaitForRoom
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.services import Services
from oefenplek.i18n import DEFAULT_LANGUAGE, _
from oefenplek.views.bilingual import Reading, reading
from oefenplek.views.lessons import theme_cards
from oefenplek.views.player import start_page, word_spoken

T = TypeVar("T")



class LearnerController(QObject):
    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window, self.services = window, services
        self.repository, self.catalog, self.speaker = (
            services.repository, services.catalog, services.speaker)
        self.writes = services.writes
        self.tell = window.show_problem
        self.learner: Learner | None = None
        self.visit_id: str | None = None
        self.run: LessonRun | None = None
        self.record: RunRecord | None = None
        self.finished_lesson: Lesson | None = None
        self.starting: Lesson | None = None  # the lesson on the start screen, not begun yet
        #: Luister on every learner screen (each piece by the voice of its language).
        self.reader = ReadAloud(self.speaker, window, self)
        #: How the learner reads (views.bilingual); the picker's language until one signs in.
        self.reading = Reading(DEFAULT_LANGUAGE, DEFAULT_LANGUAGE)
        self.picker_language = DEFAULT_LANGUAGE
        self.told_kept = False  # the learner hears about a lost connection once a visit
        #: An answer the disk had no room for waits here, on screen, until there is room.
        self.room = WaitForRoom(services.ops, self)
        self.told_room = False  # once per outage
        self.help = HelpCall(window, services, self._where, self.tell)
        w = window
        for screen in w.learner_screens():
            screen.listen_requested.connect(
                lambda text, s=screen: self.read_aloud(s, text, asked=True))
            screen.set_speech_available(self.speaker.available)
        w.picker.learner_chosen.connect(self.choose_learner)
        w.picker.language_chosen.connect(self.choose_picker_language)
        w.picker.staff_requested.connect(self._to_staff_language)
        w.preferences.language_chosen.connect(self.change_language)
        w.player.second_listen_requested.connect(
            lambda text, language: self.read_aloud(None, text, asked=True, language=language))
        w.picker.new_learner_requested.connect(self.new_learner)
        w.picker.about_requested.connect(lambda: w.show_about(__version__))
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
        w.player.stop_requested.connect(self.show_lessons)
        w.player.word_requested.connect(self.open_word)
        w.word_dialog.listen_requested.connect(
            lambda text: self.read_aloud(None, text, asked=True))
        w.word_dialog.finished.connect(lambda _result: self._stop_reading())
        w.lesson_start.begin_requested.connect(self.begin_lesson)
        w.lesson_start.lessons_requested.connect(self.show_lessons)
        w.recap.next_requested.connect(self.show_end)
        w.end.lessons_requested.connect(self.show_lessons)
        w.end.next_lesson_requested.connect(self.open_lesson)
        w.end.certificate_requested.connect(self.certificate)
        w.closing.connect(self.shutdown)
        services.events.staff_left.connect(self.show_picker)

    def _write(self, action: Callable[[], T], then: Callable[[T], object] | None = None
               ) -> bool:
        return self.services.ops.run(action, self.tell, then)

    def _lesson_write(self, action: Callable[[], bool], then: Callable[[], object]) -> bool:
        """An answer or a move through the lesson (see storage.waiting): when the location
        database is away it is kept on this computer and the learner goes on, told once."""
        def after(saved: bool) -> None:
            if not saved:
                self._kept()
            then()
        return self._write(action, after)

    def _kept(self) -> None:
        if not self.told_kept:
            self.told_kept = True
            self.window.show_notice(_("The connection is away for a moment. Just go on: "
                                      "your answers are kept on this computer."))
        self.services.events.answers_kept.emit()

    def _show(self, screen: LearnerScreen) -> None:
        self._stop_reading()
        self.window.show_screen(screen)

    # --- read-aloud ---------------------------------------------------------------------
    def read_aloud(self, screen: LearnerScreen | None, text: str, asked: bool = False,
                   language: str | None = None) -> None:
        self.reader.read(screen, text, asked, language)

    def _stop_reading(self) -> None:
        self.reader.stop()

    def _where(self) -> Where:
        """Where the learner is, for a call for help (the volunteer walks there)."""
        run, record = self.run, self.record
        return (self.learner.id if self.learner else None, record.id if record else None,
                run.lesson.id if run else None, run.position if run else None)

    # --- who is here --------------------------------------------------------------------
    # --- languages ----------------------------------------------------------------------
    def choose_picker_language(self, code: str) -> None:
        """A language chosen on the first screen: the picker and a new learner's screens
        speak it, and a new learner gets it."""
        self.picker_language = code
        self.show_picker()

    def _to_staff_language(self) -> None:
        """The staff area speaks the location's language, whoever used the picker last."""
        self.picker_language = DEFAULT_LANGUAGE
        self._use_reading(Reading(DEFAULT_LANGUAGE, DEFAULT_LANGUAGE))

    def _use_reading(self, wanted: Reading) -> None:
        self.reading = wanted
        if apply_language(wanted.interface, [self.window]):
            self.speaker.stop()

    def change_language(self, code: str) -> None:
        learner = self.learner
        assert learner is not None
        if self._write(lambda: self.writes.repository.set_language(learner.id, code)):
            self.learner = replace(learner, language=code)
            self._use_reading(reading(code, learner.preferences.language_mode))
        self.show_preferences()

    def show_picker(self) -> None:
        self._use_reading(Reading(self.picker_language, self.picker_language))
        apply_look(None)
        self._write(self.repository.learner_entries, self.window.picker.show_learners)
        self._show(self.window.picker)

    def new_learner(self) -> None:
        self.window.new_learner.start()
        self._show(self.window.new_learner)

    def add_learner(self, name: str, avatar: str) -> None:
        try:
            clean = check_new_learner(name, avatar, self.repository.learner_entries())
        except NameProblem as problem:
            self.window.new_learner.show_problem(str(problem), problem.field)
            return
        auto = Preferences(read_aloud_auto=True) if self.services.settings.read_aloud_auto() \
            else None
        language = self.picker_language
        self._write(lambda: self.writes.add_learner(clean, avatar, auto, language),
                    lambda added: self.choose_learner(added.id))

    def choose_learner(self, learner_id: str) -> None:
        found: list[Learner | None] = []
        if not self._write(lambda: self.repository.learner(learner_id), found.append):
            return None
        learner = found[0]
        if learner is None:
            return self.show_picker()
        self.told_kept = False
        if self._write(lambda: self.writes.start_visit(learner.id, self.services.computer),
                       lambda visit: setattr(self, "visit_id", visit)):
            self.learner = learner
            self._use_preferences(learner.preferences)
            self._use_reading(reading(learner.language, learner.preferences.language_mode))
            self.show_lessons()
        return None

    def end_visit(self) -> None:
        visit = self.visit_id
        if visit and not self._lesson_write(lambda: self.writes.end_visit(visit), lambda: None):
            return
        self.learner, self.visit_id, self.run, self.record = None, None, None, None
        # An open help request stays open for the volunteer; this screen forgets it.
        self.help.coming(None)
        self.picker_language = DEFAULT_LANGUAGE  # the next person finds the picker in Dutch
        self.show_picker()

    def shutdown(self) -> None:
        self._stop_reading()
        self.room.forget()
        visit = self.visit_id
        if visit:
            self._write(lambda: self.writes.end_visit(visit))
            self.visit_id = None

    # --- how the learner sees and hears best -------------------------------------------
    def _use_preferences(self, preferences: Preferences) -> None:
        apply_look(preferences)
        self.speaker.set_slow(preferences.speech_slow)

    def show_preferences(self) -> None:
        assert self.learner is not None
        self.window.preferences.show_preferences(self.learner.preferences,
                                                 self.learner.language)
        self._show(self.window.preferences)

    def change_preferences(self, preferences: Preferences) -> None:
        learner = self.learner
        assert learner is not None
        if self._write(lambda: self.repository.set_preferences(learner.id, preferences)):
            self.learner = learner.with_preferences(preferences)
            self._use_preferences(preferences)
            if preferences.language_mode != learner.preferences.language_mode:
                self._use_reading(reading(learner.language, preferences.language_mode))
        else:  # the screen shows again what is really saved
            self.window.preferences.show_preferences(learner.preferences, learner.language)

    # --- lessons ------------------------------------------------------------------------
    def _runs(self, learner_id: str) -> list[RunRecord]:
        """The learner's runs, for progress marks; none while the database is away (the
        lessons still open from this computer's answers, and the learner goes on)."""
        found: list[list[RunRecord]] = []
        self.services.ops.run(lambda: self.repository.runs(learner_id), self._away,
                              found.append)
        return found[0] if found else []

    def _away(self, message: str) -> None:
        """A read for progress marks failed: logged by ops; the learner is not stopped."""
        if not self.told_kept:
            self.tell(message)

    def show_lessons(self) -> None:
        assert self.learner is not None
        theme = self.run.lesson.theme if self.run is not None else None
        self.run, self.record, self.starting = None, None, None
        cards = theme_cards(self.catalog, self._runs(self.learner.id),
                            self.services.settings.themes_offered(), self.reading.interface)
        self.window.lessons.show_lessons(self.learner.name, cards, theme)
        self._show(self.window.lessons)

    def open_lesson(self, lesson_id: str) -> None:
        learner, lesson = self.learner, self.catalog.lessons.get(lesson_id)
        assert learner is not None
        if lesson is None:
            return
        found: list[tuple[list[RunRecord], dict[int, int]]] = []

        def busy_runs() -> tuple[list[RunRecord], dict[int, int]]:
            busy = [r for r in self.repository.runs(learner.id)
                    if r.lesson_id == lesson_id and r.finished_at is None]
            return busy, self.repository.wrong_tries(busy[-1].id) if busy else {}

        if not self._write(busy_runs, found.append):
            return
        busy, wrong_tries = found[0]
        if busy:
            record = busy[-1]
            position = resume_position(record, lesson.step_count)
            self._play(LessonRun(self.reading.shown(lesson), position, wrong_tries), record)
        else:
            self.show_start(lesson)

    def show_start(self, lesson: Lesson) -> None:
        """A new run begins with its goal: what the learner can do after it, and how long."""
        self.starting = lesson
        start = self.window.lesson_start
        reading = self.reading
        seconds = tuple(reading.second_of(text) for text in (lesson.title, *lesson.can_do))
        start.show_start(start_page(reading.shown(lesson)), reading.lesson_language, seconds,
                         reading.second)
        self._show(start)
        self._read_by_itself(start)

    def begin_lesson(self) -> None:
        """Begin on the start screen: only now is the run stored (a look is not a start)."""
        learner, lesson = self.learner, self.starting
        if learner is None or lesson is None:
            return
        self._write(lambda: self.writes.start_run(learner.id, lesson.id, lesson.version),
                    lambda record: self._play(LessonRun(self.reading.shown(lesson)), record))

    def _play(self, run: LessonRun, record: RunRecord) -> None:
        self.run, self.record, self.starting = run, record, None
        self._show(self.window.player)
        self.show_step()

    # --- playing ------------------------------------------------------------------------
    def show_step(self) -> None:
        run, record = self.run, self.record
        assert run is not None and record is not None
        self._stop_reading()
        player = self.window.player
        player.show_step(
            run.step, run.number, run.total,
            can_go_back=run.can_go_back, can_go_on=run.can_go_on,
            solved=run.solved, revealed=run.revealed,
            seed=zlib.crc32(f"{record.id}:{run.position}".encode()),
            language=self.reading.step_language(self.catalog.lessons.get(run.lesson.id),
                                                run.position),
            second=self.reading.second_of(run.step.text),
            second_language=self.reading.second,
        )
        self._read_by_itself(player)

    def _read_by_itself(self, screen: LearnerScreen) -> None:
        """Read a new screen aloud when the learner chose that (Voorlezen: vanzelf)."""
        if self.learner and self.learner.preferences.read_aloud_auto:
            self.read_aloud(screen, screen.spoken_text())

    def answer(self, value: object, stored: str) -> None:
        """The answer is saved first; only then does the learner see what it was worth."""
        run, record = self.run, self.record
        assert run is not None and record is not None
        step, position = run.step, run.position
        feedback = run.check(value)
        if self.room.waiting:
            return  # the answer before this one waits for room and is still on the screen

        def judged(saved: bool) -> None:
            if not saved:
                self._kept()
            self.told_room = False
            if self.run is not run or run.position != position:
                return  # saved after the learner left the step: nothing to show
            run.accept(feedback)
            second = None
            if self.reading.second is not None:
                own = replace(feedback, hint=self.reading.second_of(feedback.hint) or feedback.hint,
                              option_feedback=self.reading.second_of(feedback.option_feedback)
                              or feedback.option_feedback)
                second = (own, step, self.reading.second)
            self.window.player.show_feedback(feedback, step, run.can_go_on, second)
            if self.learner and self.learner.preferences.read_aloud_auto:
                self.read_aloud(None, self.window.player.feedback_text.plain_text())

        self.room.write(lambda: self.writes.record_attempt(
            record.id, position, step.kind, feedback.outcome, stored[:500], self.visit_id,
            guided=step.guided), judged, self.tell, self._waiting_for_room)

    def _waiting_for_room(self) -> None:
        if not self.told_room:
            self.told_room = True
            self.window.show_notice(_("The disk of this computer is full. Your answer stays "
                                      "on the screen and is saved as soon as there is room. "
                                      "Tell the volunteer."))

    def go_on(self) -> None:
        run, record = self.run, self.record
        assert run is not None and record is not None
        if run.is_last:
            self._lesson_write(lambda: self.writes.finish_run(record.id), self._finished)
        else:
            self._lesson_write(lambda: self.writes.move_run(record.id, run.position + 1),
                               lambda: self._moved(run.go_on))

    def go_back(self) -> None:
        run, record = self.run, self.record
        assert run is not None and record is not None
        self._lesson_write(lambda: self.writes.move_run(record.id, run.position - 1),
                           lambda: self._moved(run.go_back))

    def _moved(self, move: Callable[[], object]) -> None:
        move()
        self.show_step()

    def _finished(self) -> None:
        run = self.run
        assert run is not None
        run.go_on()
        if run.lesson.recap:
            self.show_recap()
        else:
            self.show_end()

    def show_recap(self) -> None:
        """After the last step, before the praise: what the learner knows now."""
        run = self.run
        assert run is not None
        recap = self.window.recap
        recap.show_recap(run.lesson.recap, self.reading.lesson_language,
                         tuple(self.reading.second_of(line) for line in run.lesson.recap),
                         self.reading.second)
        self._show(recap)
        self._read_by_itself(recap)

    def show_end(self) -> None:
        run = self.run
        assert run is not None and self.learner is not None
        lesson = run.lesson
        self.finished_lesson = lesson
        following = self.catalog.lessons.get(lesson.next or "")
        theme_done = theme_complete(lesson.theme, self.catalog, self._runs(self.learner.id))
        self.window.end.show_end(self.learner.name, lesson.title, lesson.can_do, lesson.ending,
                                 following.id if following else None,
                                 following.title if following else None, theme_done)
        self._show(self.window.end)

    # --- words --------------------------------------------------------------------------
    def open_word(self, key: str) -> None:
        """A glossary word the learner opened in a step: its window over the step."""
        word = self.catalog.glossary.get(key.lower())
        if word is None:
            return
        dialog = self.window.word_dialog
        word = translated_word(word, self.reading.interface)  # explained in their language
        spoken = word_spoken(word.word, word.spoken)
        self._stop_reading()
        dialog.show_word(word.word, word.explain, word.picture, spoken, self.speaker.available)
        if self.learner and self.learner.preferences.read_aloud_auto:
            self.read_aloud(None, spoken)

    def certificate(self, kind: str) -> None:
        """From the end screen: the learner's certificate for the lesson just finished."""
        if self.learner is not None and self.finished_lesson is not None:
            self.services.events.certificate_wanted.emit(
                self.learner.id, self.finished_lesson.id, kind, "", self.window.end)
