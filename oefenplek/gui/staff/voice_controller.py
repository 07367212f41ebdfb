"""Instellingen, the voice that reads aloud: the coordinator picks one of the voices found
(the system's for the language, and the built-in one) and can try it first.

The choice is the location's setting gui.speech.VOICE_SETTING; a computer of the location
that does not have the chosen system voice uses the best voice it has.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from oefenplek.gui.main_window import MainWindow
from oefenplek.gui.services import Services
from oefenplek.gui.speech import VOICE_SETTING
from oefenplek.i18n import _


class VoiceController(QObject):
    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window, self.services, self.speaker = window, services, services.speaker
        window.today.manage_settings.connect(self.show_voices)
        window.settings.voice_chosen.connect(self.choose)
        window.settings.try_voice.connect(self.try_voice)
        window.settings.back.connect(self.speaker.stop)

    def show_voices(self) -> None:
        voices = [(choice.key, choice.label) for choice in self.speaker.voices()]
        self.window.settings.show_voices(voices, self.speaker.voice)

    def choose(self, key: str) -> None:
        screen = self.window.settings
        repository = self.services.repository

        def chosen(_result: object) -> None:
            self.speaker.use_voice(key)
            screen.show_voices([(c.key, c.label) for c in self.speaker.voices()],
                               self.speaker.voice)
            screen.show_status(_("The voice is saved: {voice}.").format(
                voice=self.speaker.voice_label))

        self.services.ops.run(lambda: repository.set_settings({VOICE_SETTING: key}),
                              screen.show_status, chosen)

    def try_voice(self, key: str) -> None:
        """Say a sentence with the voice shown (chosen, if it was not yet)."""
        if key and key != self.speaker.voice:
            self.choose(key)
        if not self.speaker.has_sound:
            self.window.settings.show_status(_("This device has no sound."))
            return
        self.speaker.say(_("This is how the lessons are read aloud."))
