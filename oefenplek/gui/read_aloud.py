"""Luister: a screen read aloud, each piece by the voice of its language, with the word being
said marked on the screen that shows it.

A screen may hold texts in two languages (a Dutch lesson text on a screen whose buttons are
in Arabic): it is read piece by piece, and a word's place counts in the screen's whole spoken
text. On a computer without a sound output nothing is played and the person who asked is
told so. Shared by the learner's screens and the recovery screen.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject

from oefenplek.gui.screens.base import LearnerScreen
from oefenplek.gui.speech import Speaker
from oefenplek.i18n import _


class Shows(Protocol):
    """What reading aloud needs of the window: which screen is on show, and a calm notice."""

    def current_screen(self) -> object: ...

    def show_notice(self, message: str) -> None: ...


class ReadAloud(QObject):
    def __init__(self, speaker: Speaker, window: Shows, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speaker, self.window = speaker, window
        self.speaking_on: LearnerScreen | None = None
        #: What is still to be read: (text, language, where it starts in the spoken text).
        self._pieces: list[tuple[str, str | None, int]] = []
        self._offset = 0  # where the piece being read starts in the screen's spoken text
        speaker.word_spoken.connect(self._mark_word)
        speaker.finished.connect(self._finished)

    def read(self, screen: LearnerScreen | None, text: str, asked: bool = False,
             language: str | None = None) -> None:
        """`asked`: the person pressed Luister (not: a step read by itself). `language`: the
        language of `text` when it is not the interface's (a second line under the Dutch);
        `screen`: where to mark the words (None: nowhere, e.g. the feedback)."""
        self.speaking_on = screen
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
        self._pieces, offset = [], 0
        for piece, piece_language in pieces:
            self._pieces.append((piece, piece_language, offset))
            offset += len(piece) + 1
        self._say_next()

    def stop(self) -> None:
        self._pieces = []
        self.speaker.stop()

    def _say_next(self) -> None:
        piece, language, self._offset = self._pieces.pop(0)
        self.speaker.say(piece, language)

    def _mark_word(self, start: int, length: int) -> None:
        if self.speaking_on is not None and self.speaking_on is self.window.current_screen():
            self.speaking_on.mark_word(self._offset + start, length)

    def _finished(self) -> None:
        if self._pieces:  # the next piece, in its own language
            self._say_next()
            return
        if self.speaking_on is not None:
            self.speaking_on.unmark_word()
