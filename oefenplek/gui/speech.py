"""Read-aloud over Qt's QTextToSpeech: a Dutch voice, slower than normal if the learner wants.

When the machine has no speech engine or no voice for the language, `available` is False
and the screens hide their Luister button; nothing fails. OEFENPLEK_SPEECH_ENGINE picks an
engine by name. Qt's 'mock' engine (used by the tests) has no Dutch voice, so for it any
voice will do.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale, QObject, Signal

from oefenplek import paths
from oefenplek.core.pronunciation import SpokenText, load_pronunciations
from oefenplek.i18n import current_language

RATES = {True: -0.35, False: -0.1}  # slow / normal, on Qt's scale of -1.0 .. 1.0


class Speaker(QObject):
    """Says texts aloud, one at a time; a new text stops the previous one."""

    word_spoken = Signal(int, int)  # start and length of the word, in the written text
    finished = Signal()

    def __init__(self, parent: QObject | None = None, engine: str | None = None) -> None:
        super().__init__(parent)
        self._tts = None
        self._current: SpokenText | None = None
        self.reason = ""
        self.last_text = ""
        self.pronunciations = load_pronunciations(
            paths.locales_dir() / current_language() / "pronunciation.toml"
        )
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            self.reason = "Qt text-to-speech is not installed"
            return
        wanted = engine or os.environ.get("OEFENPLEK_SPEECH_ENGINE")
        installed = QTextToSpeech.availableEngines()
        if wanted and wanted not in installed:
            self.reason = f"the speech engine '{wanted}' is not installed"
            return
        engines = [name for name in installed if name != "mock"]
        name = wanted or (engines[0] if engines else None)
        if not name:
            self.reason = "no speech engine on this computer"
            return
        tts = QTextToSpeech(name, self)
        if tts.state() == QTextToSpeech.State.Error:
            self.reason = tts.errorString() or "the speech engine did not start"
            return
        if not self._choose_voice(tts, strict=name != "mock"):
            self.reason = f"no {QLocale(current_language()).nativeLanguageName()} voice"
            return
        tts.setRate(RATES[True])
        tts.stateChanged.connect(self._state_changed)
        tts.sayingWord.connect(self._saying_word)
        self._tts = tts

    @staticmethod
    def _choose_voice(tts: object, strict: bool) -> bool:
        from PySide6.QtTextToSpeech import QTextToSpeech

        assert isinstance(tts, QTextToSpeech)
        language = QLocale(current_language()).language()
        for locale in tts.availableLocales():
            if locale.language() == language:
                tts.setLocale(locale)
                return bool(tts.availableVoices())
        return not strict and bool(tts.availableVoices())

    @property
    def available(self) -> bool:
        return self._tts is not None

    def set_slow(self, slow: bool) -> None:
        if self._tts is not None:
            self._tts.setRate(RATES[slow])

    def say(self, text: str) -> None:
        self.last_text = text
        if self._tts is None:
            return
        self._tts.stop()
        self._current = SpokenText.of(text, self.pronunciations)
        self._tts.say(self._current.spoken)

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def _saying_word(self, _word: str, _id: int, start: int, length: int) -> None:
        if self._current is not None:
            self.word_spoken.emit(*self._current.written_span(start, length))

    def _state_changed(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self.finished.emit()
