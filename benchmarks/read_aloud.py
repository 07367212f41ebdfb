"""The built-in voice: how soon Luister is heard, and how fast eSpeak NG speaks.

    uv run python benchmarks/read_aloud.py         # [--runs N] [--wav FILE]

On the longest step text of all lessons (that is the worst case for the first sound, since
the first piece must come out of the same text):

- synthesis speed, normal and slow: seconds of speech made per second of CPU time (the
  whole text, eSpeak NG through oefenplek.speech; goal: at least 10x real time);
- from Luister (`Speaker.say`) to the first sound handed to the sound output, as the app
  does it (gui.builtin_voice: the synthesis thread, the timer, QAudioSink); the first time
  (Qt Multimedia and the sound output are opened then) and the median of the later ones
  (goal: 300 ms). On a computer without a sound output, a stand-in output that takes the
  sound at once is used instead, and the table says so;
- `--wav FILE`: the longest text as a WAV file, to listen to.

Figures, not a test: nothing fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from oefenplek import paths
from oefenplek.core.lessons import load_catalog
from oefenplek.core.pronunciation import load_pronunciations
from oefenplek.speech import builtin, espeak


def longest_text() -> str:
    catalog = load_catalog([paths.lessons_dir()])
    texts = [step.text for lesson in catalog.lessons.values() for step in lesson.steps]
    return max(texts, key=len)


def synthesis_speed(text: str, slow: bool, runs: int) -> tuple[float, float]:
    """(seconds of speech, speech seconds per CPU second), the median over the runs."""
    ratios, seconds = [], 0.0
    for _run in range(runs):
        started = time.process_time()
        speech = espeak.synthesize(text, "nl", slow)
        used = time.process_time() - started
        seconds = speech.seconds
        ratios.append(seconds / max(used, 1e-9))
    return seconds, statistics.median(ratios)


class StandIn:
    """A sound output that takes everything at once (no sound card on this computer)."""

    def write(self, data: bytes) -> int:
        return len(data)

    def played_usecs(self) -> int:
        return 0

    def close(self) -> None:
        pass


def first_sound(text: str, runs: int) -> tuple[str, float, float]:
    """(sound output, first time ms, median of later times ms) from say() to the first
    sound handed to the sound output."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from oefenplek.gui.builtin_voice import sound_problem
    from oefenplek.gui.speech import BUILTIN, Speaker

    app = QApplication.instance() or QApplication([])
    speaker = Speaker(engine=BUILTIN)
    output = "the default sound output"
    if sound_problem():
        speaker.builtin.use_sound(StandIn)
        output = f"a stand-in ({sound_problem()})"
    times = []
    for _run in range(runs + 1):
        speaker.say(text)
        voice = speaker.builtin
        while not voice.first_sound_at:
            QCoreApplication.processEvents()
        times.append((voice.first_sound_at - voice.started_at) * 1000)
        speaker.stop()
        app.processEvents()
    return output, times[0], statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--wav", type=Path)
    args = parser.parse_args()
    text = longest_text()
    print(f"eSpeak NG {espeak.version()}; the longest step text ({len(text)} characters):")
    print(f"  {text}\n")
    for slow in (False, True):
        seconds, ratio = synthesis_speed(text, slow, args.runs)
        print(f"synthesis, {'slow  ' if slow else 'normal'}: {seconds:5.1f} s of speech, "
              f"{ratio:5.0f}x faster than real time (goal: 10x)")
    output, first, later = first_sound(text, args.runs)
    print(f"Luister to the first sound, to {output}:")
    print(f"  first time {first:5.0f} ms, later (median of {args.runs}) {later:5.0f} ms"
          " (goal: 300 ms)")
    if args.wav:
        words = load_pronunciations(paths.locales_dir() / "nl" / "pronunciation.toml")
        speech = builtin.say(text, "nl", True, words)
        with wave.open(str(args.wav), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(espeak.SAMPLE_RATE)
            out.writeframes(speech.samples.tobytes())
        print(f"\n{args.wav}: {speech.seconds:.1f} s, {len(speech.words)} words marked")


if __name__ == "__main__":
    main()
