"""The built-in voice played through Qt Multimedia, with the word being heard marked.

eSpeak NG makes the sound on a thread of its own (speech.builtin); a timer here hands each
piece to the sound card (QAudioSink, push mode) as soon as it is made, so the sound starts
within milliseconds, and marks a word when the sound card has played up to its first
sample. The clock is the sound output's own (how much it has played), so the mark stays in
step with what is heard; tests give a sound output whose clock they move themselves.

Qt Multimedia is imported only when sound is needed: a computer without libpulse (or any
sound system) still starts, and hears from the app that it has no sound.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from oefenplek.speech.builtin import Synthesis, duration_usecs
from oefenplek.speech.espeak import SAMPLE_RATE, Word
from oefenplek.speech.resample import Converter

LOGGER = logging.getLogger(__name__)

TICK_MS = 10
#: Sound handed over at most per tick (bytes): half a second.
MAX_WRITE = SAMPLE_RATE
#: A sound output that plays nothing for this many ticks (3 s) is given up on.
STALL_TICKS = 300
#: What the sound card holds ahead of what is heard: small, so Stop is heard at once.
BUFFER_MS = 120


class NoSound(Exception):
    """This computer cannot play sound (no Qt Multimedia, no sound output)."""


class SoundOut(Protocol):
    """Where the built-in voice's sound goes: 16-bit mono samples at SAMPLE_RATE."""

    def write(self, data: bytes) -> int:
        """Take what fits now; how many bytes were taken."""

    def played_usecs(self) -> int:
        """How much of the sound was played (heard) so far: the voice's clock."""

    def close(self) -> None:
        """Stop at once."""


def _multimedia() -> Any:
    """PySide6.QtMultimedia, or NoSound when it cannot load (no libpulse, for example)."""
    try:
        from PySide6 import QtMultimedia
    except (ImportError, OSError) as error:
        raise NoSound(f"Qt Multimedia cannot load: {error}") from error
    return QtMultimedia


def sound_problem() -> str:
    """Why this computer cannot play sound; empty when it can."""
    try:
        devices = _multimedia().QMediaDevices
    except NoSound as error:
        return str(error)
    if devices.defaultAudioOutput().isNull():
        return "no sound output found"
    return ""


class SilentSound:
    """No sound at all, played in real time: the words are marked as if it were heard.

    OEFENPLEK_SOUND=silent picks it (a test run on a machine without a sound system, a
    demonstration on a muted computer).
    """

    def __init__(self) -> None:
        self._written = 0  # samples
        self._started = time.monotonic()

    def write(self, data: bytes) -> int:
        self._written += len(data) // 2
        return len(data)

    def played_usecs(self) -> int:
        elapsed = int((time.monotonic() - self._started) * 1_000_000)
        return min(elapsed, self._written * 1_000_000 // SAMPLE_RATE)

    def close(self) -> None:
        self._written = 0


class QtSound:
    """The default sound output, through QAudioSink in push mode."""

    def __init__(self) -> None:
        qm = _multimedia()
        device = qm.QMediaDevices.defaultAudioOutput()
        if device.isNull():
            raise NoSound("no sound output found")
        wanted = qm.QAudioFormat()
        wanted.setSampleRate(SAMPLE_RATE)
        wanted.setChannelCount(1)
        wanted.setSampleFormat(qm.QAudioFormat.SampleFormat.Int16)
        fmt = wanted if device.isFormatSupported(wanted) else device.preferredFormat()
        self._convert = None if fmt == wanted else Converter(
            fmt.sampleRate(), fmt.channelCount(), fmt.sampleFormat().name)
        self._sink = qm.QAudioSink(device, fmt)
        self._sink.setBufferSize(fmt.bytesForDuration(BUFFER_MS * 1000))
        self._io = self._sink.start()
        self._left = b""  # converted sound that did not fit yet
        self._played = 0
        if self._io is None:
            raise NoSound(f"the sound output did not start ({self._sink.error().name})")

    def write(self, data: bytes) -> int:
        taken = 0
        if not self._left:
            self._left = self._convert(data) if self._convert else data
            taken = len(data)
        free = self._sink.bytesFree()
        if free > 0 and self._left:
            written = self._io.write(self._left[:free])
            self._left = self._left[max(written, 0):]
        return taken

    def played_usecs(self) -> int:
        # Qt's own clock of the sound played (PulseAudio: the time heard; others may run
        # up to the small buffer ahead of it).
        self._played = max(self._played, self._sink.processedUSecs())
        return self._played

    def close(self) -> None:
        self._sink.reset()
        self._sink.stop()
        self._sink.deleteLater()


class BuiltinVoice(QObject):
    """Says one text at a time with eSpeak NG; a new text or stop() ends the one before."""

    word_spoken = Signal(int, int)  # start and length of the word, in the written text
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.open_sound: Callable[[], SoundOut] = QtSound
        self.sound_problem: Callable[[], str] = sound_problem
        if os.environ.get("OEFENPLEK_SOUND") == "silent":
            self.use_sound(SilentSound)
        self._synthesis: Synthesis | None = None
        self._sound: SoundOut | None = None
        self._pending = bytearray()
        self._words: list[Word] = []
        self._next_word = 0
        self._written = 0  # samples handed to the sound output
        self._played = 0
        self._still = 0  # ticks in which nothing more was played
        self.started_at = 0.0  # time.perf_counter() of say() ...
        self.first_sound_at = 0.0  # ... and of the first sound handed over (benchmark)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def use_sound(self, open_sound: Callable[[], SoundOut],
                  problem: Callable[[], str] = lambda: "") -> None:
        """Play through another sound output (tests: one with a clock they move)."""
        self.open_sound, self.sound_problem = open_sound, problem

    @property
    def speaking(self) -> bool:
        return self._synthesis is not None

    @property
    def played(self) -> int:
        """Samples of the text being said that were heard so far."""
        return self._played

    @property
    def words(self) -> list[Word]:
        """The words of the text being said that were made so far, with their samples."""
        return list(self._words)

    def say(self, text: str, language: str, slow: bool, pronunciations: dict[str, str]) -> None:
        """Start saying `text` (the text before it ends: `finished`); raises NoSound when
        there is nowhere to play it."""
        self.stop()
        self.started_at, self.first_sound_at = time.perf_counter(), 0.0
        synthesis = Synthesis(text, language, slow, pronunciations).start()
        try:
            self._sound = self.open_sound()
        except NoSound:
            synthesis.cancel()
            raise
        self._synthesis = synthesis
        self._timer.start()

    def stop(self) -> None:
        if self.speaking:
            self._halt()
            self.finished.emit()

    def _halt(self) -> None:
        self._timer.stop()
        if self._synthesis is not None:
            self._synthesis.cancel()
        if self._sound is not None:
            self._sound.close()
        self._synthesis, self._sound = None, None
        self._pending.clear()
        self._words, self._next_word = [], 0
        self._written = self._played = self._still = 0

    def _tick(self) -> None:
        synthesis, sound = self._synthesis, self._sound
        if synthesis is None or sound is None:
            return
        for piece in synthesis.take():
            self._pending += piece.sound
            self._words += piece.words
        if self._pending:
            taken = sound.write(bytes(self._pending[:MAX_WRITE]))
            if taken:
                del self._pending[:taken]
                self._written += taken // 2
                self.first_sound_at = self.first_sound_at or time.perf_counter()
        played = min(sound.played_usecs() * SAMPLE_RATE // 1_000_000, self._written)
        self._still = 0 if played > self._played else self._still + 1
        self._played = played
        self._mark(played)
        if synthesis.done and not self._pending:
            if synthesis.error and not self._written:
                LOGGER.warning("Nothing to play: %s", synthesis.error)
            if played >= self._written or self._still > STALL_TICKS:
                self._done()
        elif self._still > STALL_TICKS and self._written:
            LOGGER.warning("The sound output stopped playing (%d of %d ms played)",
                           duration_usecs(played) // 1000, duration_usecs(self._written) // 1000)
            self._done()

    def _mark(self, played: int) -> None:
        latest = None
        while self._next_word < len(self._words) and self._words[self._next_word].sample <= played:
            latest = self._words[self._next_word]
            self._next_word += 1
        if latest is not None:
            self.word_spoken.emit(latest.start, latest.length)

    def _done(self) -> None:
        self._halt()
        self.finished.emit()
