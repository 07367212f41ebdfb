"""Connects the learner's screens to the engine, the repository and read-aloud.

Every answer is stored (committed) before the screen changes, and every move through a
lesson stores the position, so a learner can stop at any moment and continue days later.
Every write goes through `services.ops`: when it fails, the screen stays where it was.
While a help request of this computer is open, a timer asks every 1.5 s whether a volunteer
(on any computer of the location) handled it; it runs only then, so an idle app does nothing.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer

from oefenplek import __version__
from oefenplek.core.certificates import theme_complete
from oefenplek.core.engine import LessonRun
from oefenplek.core.learners import Learner, NameProblem, Preferences, check_new_learner
from oefenplek.core.lessons.model import Lesson
from oefenplek.core.lessons.translations import (
    in_language,
    translated_lesson,
    translated_word,
    translation,
)
from oefenplek.core.progress import RunRecord, lesson_progress, resume_position
from oefenplek.gui.look import apply_look
from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.retranslate import apply_language
from oefenplek.gui.room_wait import WaitForRoom
from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.screens.lessons import LessonCard, ThemeCard
from oefenplek.gui.services import Services
from oefenplek.i18n import DEFAULT_LANGUAGE, _
from oefenplek.views.bilingual import Reading, reading
from oefenplek.views.player import start_page, word_spoken

T = TypeVar("T")

HELP_POLL_MS = 1_500  # "help is coming" goes within 2 s of "Geholpen" on another computer


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
        self.help_request: str | None = None
        self.finished_lesson: Lesson | None = None
        self.starting: Lesson | None = None  # the lesson on the start screen, not begun yet
        self.speaking_on: LearnerScreen | None = None
        #: How the learner reads (views.bilingual); the picker's language until one signs in.
        self.reading = Reading(DEFAULT_LANGUAGE, DEFAULT_LANGUAGE)
        self.picker_language = DEFAULT_LANGUAGE
        #: What is still to be read of a screen in two languages: (text, language, offset).
        self._pieces: list[tuple[str, str | None, int]] = []
        self._offset = 0  # where the piece being read starts in the screen's spoken text
        self.told_kept = False  # the learner hears about a lost connection once a visit
        #: An answer the disk had no room for waits here, on screen, until there is room.
        self.room = WaitForRoom(services.ops, self)
        self.told_room = False  # once per outage
        self.help_timer = QTimer(self)
        self.help_timer.setInterval(HELP_POLL_MS)
        self.help_timer.timeout.connect(self._check_help)
        w = window
        for screen in w.learner_screens():
            screen.listen_requested.connect(
                lambda text, s=screen: self.read_aloud(s, text, asked=True))
            screen.help_requested.connect(self.ask_help)
            screen.set_speech_available(self.speaker.available)
        self.speaker.word_spoken.connect(self._mark_word)
        self.speaker.finished.connect(self._speech_finished)
        w.ask_help.call_volunteer.connect(self.call_volunteer)
        w.ask_help.cancel_help.connect(self.cancel_help)
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
        w.closing.connect(self.help_timer.stop)
        services.events.help_handled.connect(self.help_given)
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
        """`asked`: the learner pressed Luister (not: a step read by itself). A screen with
        texts in two languages (Dutch lesson text, buttons in the learner's language) is
        read piece by piece, each by the voice of its language. `language`: the language of
        `text` when it is not the interface's (a second line under the Dutch)."""
        self.speaking_on = screen  # None: nothing on screen to mark (the feedback)
        pieces: list[tuple[str, str | None]] = [(text, language)]
        if screen is not None and language is None:
            found = screen.spoken_pieces()
            if " ".join(piece for piece, _language in found) == text:
                pieces = found
        if not self.speaker.has_sound:  # the built-in voice with no sound output
            self.speaker.last_text = text
            if asked:
                self.window.show_notice(_("This device has no sound."))
            return
        self._pieces, self._offset = [], 0
        offset = 0
        for piece, piece_language in pieces:
            self._pieces.append((piece, piece_language, offset))
            offset += len(piece) + 1
        self._say_next()

    def _stop_reading(self) -> None:
        self._pieces = []
        self.speaker.stop()

    def _say_next(self) -> None:
        piece, language, self._offset = self._pieces.pop(0)
        self.speaker.say(piece, language)

    def _mark_word(self, start: int, length: int) -> None:
        if self.speaking_on is not None and self.speaking_on is self.window.current_screen():
            self.speaking_on.mark_word(self._offset + start, length)

    def _speech_finished(self) -> None:
        if self._pieces:  # the next piece, in its own language
            self._say_next()
            return
        if self.speaking_on is not None:
            self.speaking_on.unmark_word()

    # --- help ---------------------------------------------------------------------------
    def ask_help(self) -> None:
        self.window.ask_help.ask(coming=self.help_request is not None)

    def call_volunteer(self) -> None:
        run, record = self.run, self.record
        learner_id = self.learner.id if self.learner else None
        self._write(lambda: self.repository.ask_help(
            learner_id, record.id if record else None, run.lesson.id if run else None,
            run.position if run else None, self.services.computer), self._help_coming)

    def _help_coming(self, request_id: str | None) -> None:
        self.help_request = request_id
        for screen in self.window.learner_screens():
            screen.set_help_coming(request_id is not None)
        if request_id is None:
            self.help_timer.stop()
        elif not self.help_timer.isActive():
            self.help_timer.start()

    def _check_help(self) -> None:
        """Did a volunteer handle the open request? A read that fails says nothing to the
        learner: "help is coming" stays, and the next tick asks again."""
        request = self.help_request
        if request is None:
            self.help_timer.stop()
            return
        self.services.ops.run(lambda: self.repository.help_handled(request), lambda _m: None,
                              lambda handled: self.help_given(request) if handled else None)

    def cancel_help(self) -> None:
        request = self.help_request
        if request:
            self._write(lambda: self.repository.handle_help_request(request),
                        lambda _done: self._help_coming(None))

    def help_given(self, request_id: str) -> None:
        """A volunteer marked this request as handled in their overview."""
        if self.help_request == request_id:
            self._help_coming(None)

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

    def _lesson_language(self) -> str | None:
        """The language of a lesson's texts when it is not the interface's (else None)."""
        return self.reading.lesson if self.reading.lesson != self.reading.interface else None

    def _second(self, text: str | None) -> str | None:
        """`text` (Dutch) in the learner's language for the line under it, if translated."""
        if text is None or self.reading.second is None:
            return None
        return translation(text, self.reading.second)

    def shown(self, lesson: Lesson) -> Lesson:
        """The lesson as this learner reads it: in their language (only my language), or
        Dutch (side by side and only Dutch, where the second line comes on top)."""
        return translated_lesson(lesson, self.reading.lesson)

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
        self._write(self.repository.learners, self.window.picker.show_learners)
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
        self._help_coming(None)
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
    def theme_cards(self) -> list[ThemeCard]:
        assert self.learner is not None
        runs = self._runs(self.learner.id)
        offered = self.services.settings.themes_offered()
        cards = []
        for theme in self.catalog.themes:
            if offered is not None and theme.id not in offered:
                continue
            lessons = []
            for lesson in self.catalog.lessons_of(theme.id):
                progress = lesson_progress(lesson.id, lesson.step_count, runs)
                title = in_language(lesson.title, self.reading.interface)
                lessons.append(LessonCard(lesson.id, title, lesson.icon or theme.icon,
                                          lesson.minutes, progress.status, progress.step,
                                          progress.total))
            cards.append(ThemeCard(theme.id, in_language(theme.title, self.reading.interface),
                                   theme.icon, lessons))
        return cards

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
        self.window.lessons.show_lessons(self.learner.name, self.theme_cards(), theme)
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
            self._play(LessonRun(self.shown(lesson), position, wrong_tries), record)
        else:
            self.show_start(lesson)

    def show_start(self, lesson: Lesson) -> None:
        """A new run begins with its goal: what the learner can do after it, and how long."""
        self.starting = lesson
        start = self.window.lesson_start
        seconds = tuple(self._second(text) for text in (lesson.title, *lesson.can_do))
        start.show_start(start_page(self.shown(lesson)), self._lesson_language(), seconds,
                         self.reading.second)
        self._show(start)
        self._read_by_itself(start)

    def begin_lesson(self) -> None:
        """Begin on the start screen: only now is the run stored (a look is not a start)."""
        learner, lesson = self.learner, self.starting
        if learner is None or lesson is None:
            return
        self._write(lambda: self.writes.start_run(learner.id, lesson.id, lesson.version),
                    lambda record: self._play(LessonRun(self.shown(lesson)), record))

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
            language=self._step_language(run), second=self._second(run.step.text),
            second_language=self.reading.second,
        )
        self._read_by_itself(player)

    def _step_language(self, run: LessonRun) -> str | None:
        """The language the step's text is in: the learner's own, or Dutch where that
        step has no translation yet (so the Dutch voice reads it); None: the interface's."""
        language = self.reading.lesson
        original = self.catalog.lessons.get(run.lesson.id)
        if language != DEFAULT_LANGUAGE and original is not None \
                and translation(original.steps[run.position].text, language) is None:
            language = DEFAULT_LANGUAGE
        return language if language != self.reading.interface else None

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
                own = replace(feedback, hint=self._second(feedback.hint) or feedback.hint,
                              option_feedback=self._second(feedback.option_feedback)
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
        recap.show_recap(run.lesson.recap, self._lesson_language(),
                         tuple(self._second(line) for line in run.lesson.recap),
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
