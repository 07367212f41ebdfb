"""The built-in voice at work: a text is said on a thread of its own, piece by piece.

The player takes each piece of sound as soon as it is made, so it can start playing while
the rest of the text is still being said. The pronunciation list is used first ("DigiD" is
said "Die-zjie-dee"), and every word eSpeak reports is found back in the *written* text,
so the screen marks "DigiD" while "Die-zjie-dee" is heard.
"""

from __future__ import annotations

import logging
import queue
import threading
from array import array
from dataclasses import dataclass

from oefenplek.core.pronunciation import SpokenText, word_at
from oefenplek.speech import espeak
from oefenplek.speech.espeak import SAMPLE_RATE, Speech, SpeechError, Word

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Piece:
    """Sound (16-bit mono samples as bytes) and the written words whose sound starts in it."""

    sound: bytes
    words: list[Word]


class WrittenWords:
    """Turns eSpeak's words in the spoken text into words of the written text, each once."""

    def __init__(self, text: str, spoken: SpokenText) -> None:
        self.text, self.spoken = text, spoken
        self._last = -1

    def __call__(self, words: list[Word]) -> list[Word]:
        found = []
        for word in words:
            start, length = self.spoken.written_span(word.start, word.length)
            start, length = word_at(self.text, start)
            if length == 0 or start <= self._last:
                continue  # between words, or a further part of the word just marked
            self._last = start
            found.append(Word(start, length, word.sample))
        return found


def say(text: str, language: str = "nl", slow: bool = False,
        pronunciations: dict[str, str] | None = None) -> Speech:
    """All of `text` at once, with its words in the written text (for tests and checks)."""
    spoken = SpokenText.of(text, pronunciations or {})
    speech = espeak.synthesize(spoken.spoken, language, slow)
    return Speech(speech.samples, WrittenWords(text, spoken)(speech.words))


class Synthesis:
    """One text being said on a worker thread; `take()` hands over what is ready.

    eSpeak is one library for the whole program: a cancelled synthesis stops at its next
    piece (a few milliseconds), so the next text starts right after it.
    """

    def __init__(self, text: str, language: str, slow: bool,
                 pronunciations: dict[str, str]) -> None:
        self.text, self.language, self.slow = text, language, slow
        self._spoken = SpokenText.of(text, pronunciations)
        self._words = WrittenWords(text, self._spoken)
        self._pieces: queue.SimpleQueue[Piece] = queue.SimpleQueue()
        self._cancelled = threading.Event()
        self._done = threading.Event()
        self.error = ""
        self.samples = 0  # made so far
        self._thread = threading.Thread(target=self._run, name="oefenplek-voice", daemon=True)

    def start(self) -> Synthesis:
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._cancelled.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Until the text is said (or cancelled); True when it is."""
        return self._done.wait(timeout)

    @property
    def done(self) -> bool:
        """Everything is made (or it stopped) and every piece was taken."""
        return self._done.is_set() and self._pieces.empty()

    def take(self) -> list[Piece]:
        pieces = []
        while True:
            try:
                pieces.append(self._pieces.get_nowait())
            except queue.Empty:
                return pieces

    def _piece(self, samples: array[int], words: list[Word]) -> bool:
        if self._cancelled.is_set():
            return True
        self.samples += len(samples)
        self._pieces.put(Piece(samples.tobytes(), self._words(words)))
        return False

    def _run(self) -> None:
        try:
            espeak.synthesize(self._spoken.spoken, self.language, self.slow, self._piece)
        except SpeechError as error:
            self.error = str(error)
            LOGGER.warning("The built-in voice could not say a text: %s", error)
        except Exception as error:  # never a silent dead thread: say why, and finish
            self.error = f"{type(error).__name__}: {error}"
            LOGGER.exception("The built-in voice broke")
        finally:
            self._done.set()


def duration_usecs(samples: int) -> int:
    return samples * 1_000_000 // SAMPLE_RATE
