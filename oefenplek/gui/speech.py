"""Read-aloud over Qt's QTextToSpeech: a Dutch voice, a bit slower than normal.

When the machine has no speech engine or no voice, `available` is False and the screens
disable their Luister button with a tooltip; nothing fails. OEFENPLEK_SPEECH_ENGINE picks an
engine by name (tests use Qt's 'mock' engine).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale, QObject, Signal

from oefenplek import paths
from oefenplek.core.pronunciation import load_pronunciations, speakable
from oefenplek.i18n import current_language

SLOWER_RATE = -0.2  # -1.0 .. 1.0; a little slower than the engine's default


class Speaker(QObject):
    """Says texts aloud, one at a time; a new text stops the previous one."""

    speaking_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, engine: str | None = None) -> None:
        super().__init__(parent)
        self._tts = None
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
        self._choose_voice(tts)
        tts.setRate(SLOWER_RATE)
        tts.stateChanged.connect(
            lambda state: self.speaking_changed.emit(state == QTextToSpeech.State.Speaking)
        )
        self._tts = tts

    def _choose_voice(self, tts: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        assert isinstance(tts, QTextToSpeech)
        language = QLocale(current_language()).language()
        for locale in tts.availableLocales():
            if locale.language() == language:
                tts.setLocale(locale)
                return
        if not tts.availableVoices():
            self.reason = "the speech engine has no voices"

    @property
    def available(self) -> bool:
        return self._tts is not None and not self.reason

    def say(self, text: str) -> None:
        self.last_text = text
        if self._tts is not None and self.available:
            self._tts.stop()
            self._tts.say(speakable(text, self.pronunciations))

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()
