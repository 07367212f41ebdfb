"""Read-aloud: a good system voice when the computer has one, else the built-in voice.

The built-in voice (eSpeak NG, shipped with the app; gui.builtin_voice) is always there, so
Luister is never hidden for want of a voice. A system voice (Qt's QTextToSpeech: Windows'
own voices, macOS, speech-dispatcher) is used by default only when it has a voice for the
language and tells which word it says, so the word can be marked; the coordinator can pick
any voice found under Instellingen (the setting VOICE_SETTING).

OEFENPLEK_SPEECH_ENGINE picks a voice by name: 'builtin' for the built-in voice, or a Qt
engine ('mock' in the tests: Qt's mock engine, which has no Dutch voice, so any will do).
When the built-in voice is used on a computer without a sound output, `has_sound` is False:
the learner's Luister then says so, and the coordinator is told once.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal

from oefenplek import i18n, paths
from oefenplek.core.pronunciation import SpokenText, load_pronunciations
from oefenplek.gui.builtin_voice import BuiltinVoice, NoSound
from oefenplek.i18n import _, current_language
from oefenplek.speech import espeak

LOGGER = logging.getLogger(__name__)

RATES = {True: -0.35, False: -0.1}  # slow / normal, on Qt's scale of -1.0 .. 1.0
BUILTIN = "builtin"
#: The location's setting: BUILTIN, "qt:<engine>:<voice name>", or empty for the best found.
VOICE_SETTING = "speech_voice"
ENGINE_VARIABLE = "OEFENPLEK_SPEECH_ENGINE"


@dataclass(frozen=True)
class VoiceChoice:
    key: str  # BUILTIN or "qt:<engine>:<voice name>"
    label: str


def builtin_label() -> str:
    try:
        return _("built-in voice (eSpeak NG {version})").format(version=espeak.version())
    except espeak.SpeechError:
        return _("built-in voice")


class Speaker(QObject):
    """Says texts aloud, one at a time; a new text stops the previous one."""

    word_spoken = Signal(int, int)  # start and length of the word, in the written text
    finished = Signal()

    def __init__(self, parent: QObject | None = None, engine: str | None = None,
                 voice: str = "") -> None:
        super().__init__(parent)
        self._tts: Any = None
        self._current: SpokenText | None = None
        self._system_voices: list[VoiceChoice] | None = None
        self._sound_problem: str | None = None  # None: not looked at yet
        self.last_text = ""
        self.slow = True
        self.language = current_language()
        #: The language the system voice (if any) was chosen for.
        self.system_language = self.language
        self.pronunciations = self._pronunciations(self.language)
        self.builtin = BuiltinVoice(self)
        self.builtin.word_spoken.connect(self.word_spoken)
        self.builtin.finished.connect(self.finished)
        try:
            espeak.version()
            self.builtin_problem = ""
        except espeak.SpeechError as error:
            self.builtin_problem = str(error)
        #: Why a wanted system voice is not used (for the log and the self-test).
        self.system_problem = ""
        self.voice = BUILTIN
        self.voice_label = ""
        self.use_voice(voice, engine)

    @staticmethod
    def _pronunciations(language: str) -> dict[str, str]:
        return load_pronunciations(paths.locales_dir() / language / "pronunciation.toml")

    # --- which voice ----------------------------------------------------------------------
    def use_voice(self, key: str = "", engine: str | None = None) -> None:
        """Use the voice with this key; empty: the one asked for by name, or the best found."""
        self.stop()
        if self._tts is not None:
            self._tts.deleteLater()
            self._tts = None
        wanted = engine or os.environ.get(ENGINE_VARIABLE) or ""
        tts = None
        if key.startswith("qt:"):
            _qt, name, voice = key.split(":", 2)
            tts = self._open(name, voice, strict=name != "mock", words=False)
        if tts is None and key != BUILTIN and wanted != BUILTIN:
            if wanted:
                tts = self._open(wanted, "", strict=wanted != "mock", words=False)
            else:
                for name in self._engines():
                    tts = self._open(name, "", strict=True, words=True)
                    if tts is not None:
                        break
        if tts is None:
            self.voice, self.voice_label = BUILTIN, builtin_label()
        else:
            self._tts = tts
            tts.setRate(RATES[self.slow])
            tts.stateChanged.connect(self._state_changed)
            tts.sayingWord.connect(self._saying_word)
            name = tts.voice().name()
            self.voice = f"qt:{tts.engine()}:{name}"
            self.voice_label = _("system voice {voice} ({engine})").format(
                voice=name, engine=tts.engine())
        LOGGER.info("Read-aloud uses %s", self.voice)

    def _engines(self) -> list[str]:
        """The system's speech engines to look through (not Qt's mock one)."""
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except (ImportError, OSError) as error:
            self.system_problem = f"Qt text-to-speech cannot load ({error})"
            return []
        return [name for name in QTextToSpeech.availableEngines() if name != "mock"]

    def _open(self, name: str, voice: str, strict: bool, words: bool) -> Any:
        """The Qt engine `name` with a voice for the language (that voice, if named);
        None when there is none, with the reason in system_problem."""
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except (ImportError, OSError) as error:
            self.system_problem = f"Qt text-to-speech cannot load ({error})"
            return None
        if name not in QTextToSpeech.availableEngines():
            self.system_problem = f"the speech engine '{name}' is not installed"
            return None
        tts = QTextToSpeech(name, self)
        problem = ""
        if tts.state() == QTextToSpeech.State.Error:
            problem = tts.errorString() or "the speech engine did not start"
        elif not self._choose_voice(tts, strict, voice):
            problem = f"no {QLocale(self.language).nativeLanguageName()} voice in '{name}'"
        elif words and not (tts.engineCapabilities()
                            & QTextToSpeech.Capability.WordByWordProgress):
            problem = f"'{name}' does not tell which word it says"
        if problem:
            self.system_problem = problem
            tts.deleteLater()
            return None
        return tts

    def _choose_voice(self, tts: Any, strict: bool, voice: str = "") -> bool:
        language = QLocale(self.language).language()
        for locale in tts.availableLocales():
            if locale.language() == language:
                tts.setLocale(locale)
                break
        else:
            if strict:
                return False
        voices = tts.availableVoices()
        for found in voices:
            if found.name() == voice:
                tts.setVoice(found)
                return True
        return not voice and bool(voices)

    def voices(self) -> list[VoiceChoice]:
        """The voices the coordinator can choose from: the system's for the language (those
        of the engine named in OEFENPLEK_SPEECH_ENGINE, when set), then the built-in one."""
        if self._system_voices is None:
            self._system_voices = []
            wanted = os.environ.get(ENGINE_VARIABLE) or ""
            names = [] if wanted == BUILTIN else [wanted] if wanted else self._engines()
            for name in names:
                tts = self._open(name, "", strict=name != "mock", words=False)
                if tts is None:
                    continue
                for voice in tts.availableVoices():
                    self._system_voices.append(VoiceChoice(
                        f"qt:{name}:{voice.name()}", f"{voice.name()} ({name})"))
                tts.deleteLater()
        return [*self._system_voices, VoiceChoice(BUILTIN, builtin_label())]

    # --- what the app asks ------------------------------------------------------------
    @property
    def available(self) -> bool:
        """Some voice can speak (the built-in one, unless eSpeak NG itself is broken)."""
        return self._tts is not None or not self.builtin_problem

    @property
    def reason(self) -> str:
        """Why nothing can be read aloud at all; empty when a voice works."""
        if self.available:
            return ""
        return "; ".join(part for part in (self.builtin_problem, self.system_problem) if part)

    @property
    def uses_builtin(self) -> bool:
        return self._tts is None

    @property
    def sound_problem(self) -> str:
        """Why the voice cannot be heard (no sound output); empty when it can."""
        if self._tts is not None:
            return ""  # the system's voice plays its own sound
        if self._sound_problem != "":  # not looked yet, or missing: look (again)
            self._sound_problem = self.builtin.sound_problem()
        return self._sound_problem

    @property
    def has_sound(self) -> bool:
        return not self.sound_problem

    def set_slow(self, slow: bool) -> None:
        self.slow = slow
        if self._tts is not None:
            self._tts.setRate(RATES[slow])

    def say(self, text: str, language: str | None = None) -> None:
        """Read `text` aloud in `language` (the interface's when None). The system voice is
        chosen for the language the app started in; another language (a learner's own, or
        the Dutch line beside it) is read by the built-in voice of that language."""
        self.last_text = text
        language = language or current_language()
        self.stop_other()
        if self._tts is not None and language == self.system_language:
            self._current = SpokenText.of(text, self.pronunciations if language == self.language
                                          else self._pronunciations(language))
            self._tts.say(self._current.spoken)
            return
        if self.builtin_problem:
            return
        if language != self.language:
            self.language, self.pronunciations = language, self._pronunciations(language)
        try:
            self.builtin.say(text, i18n.language(language).voice, self.slow,
                             self.pronunciations)
        except NoSound as error:
            self._sound_problem = str(error)
            LOGGER.warning("Nothing read aloud: %s", error)

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()
        self.builtin.stop()

    def stop_other(self) -> None:
        """A new text stops what is being said, whichever voice says it."""
        if self._tts is not None:
            self._tts.stop()

    def _saying_word(self, _word: str, _id: int, start: int, length: int) -> None:
        if self._current is not None:
            self.word_spoken.emit(*self._current.written_span(start, length))

    def _state_changed(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self.finished.emit()
