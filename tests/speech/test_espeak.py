"""The built-in voice, eSpeak NG through ctypes: the real engine, never a mock."""

from __future__ import annotations

import math
import threading
import tomllib
import wave
from array import array
from pathlib import Path

import pytest

from oefenplek import paths
from oefenplek.core.pronunciation import SpokenText, load_pronunciations
from oefenplek.speech import builtin, espeak
from oefenplek.speech.espeak import SAMPLE_RATE

#: Below this the sound is as good as silence (16-bit samples; speech is in the thousands).
RMS_FLOOR = 300


def rms(samples: array[int]) -> float:
    return math.sqrt(sum(sample * sample for sample in samples) / max(len(samples), 1))


def dutch_words() -> dict[str, str]:
    return load_pronunciations(paths.locales_dir() / "nl" / "pronunciation.toml")


def lesson_text(lesson: str, contains: str) -> str:
    """A step's text from a real lesson, so the voice is tried on what learners hear."""
    data = tomllib.loads((paths.lessons_dir() / lesson / "lesson.toml").read_text("utf-8"))
    texts = [str(step.get("text", "")) for step in data["steps"]]
    for name, fact in data.get("facts", {}).items():  # the values learners hear, as the loader does
        texts = [text.replace("{" + name + "}", str(fact["value"])) for text in texts]
    [text] = [text for text in texts if contains in text]
    return text


def written(text: str) -> list[str]:
    return [word.strip(".,?!:") for word in text.split()]


def test_a_dutch_sentence_is_heard_and_long_enough() -> None:
    text = "Tik op de groene knop. Daarna zie je de wifi."
    speech = espeak.synthesize(text, "nl")
    assert 1.5 < speech.seconds < 6, speech.seconds  # ten words: about 3 s
    assert rms(speech.samples) > RMS_FLOOR
    assert len(speech.words) == 10


def test_slow_is_at_least_a_fifth_longer_than_normal() -> None:
    text = "Met de code maak je DigiD klaar voor gebruik."
    normal = espeak.synthesize(text, "nl", slow=False)
    slow = espeak.synthesize(text, "nl", slow=True)
    assert len(slow.samples) >= 1.2 * len(normal.samples)


@pytest.mark.parametrize(("lesson", "contains"), [
    ("zorgverzekeraar-online", "€ 385"),  # a sum of money and a year
    ("huisarts-online", "112"),  # a number said as two words
    ("digid-aanvragen", "digid.nl"),  # an address from the pronunciation list
])
def test_the_words_said_are_the_words_written_in_order(lesson: str, contains: str) -> None:
    text = lesson_text(lesson, contains)
    speech = builtin.say(text, "nl", pronunciations=dutch_words())
    assert rms(speech.samples) > RMS_FLOOR and speech.seconds > 0.5
    assert [text[w.start:w.start + w.length] for w in speech.words] == written(text)
    offsets = [word.sample for word in speech.words]
    assert offsets == sorted(set(offsets)) and offsets[-1] < len(speech.samples)


def test_diacritics_and_listed_words_are_marked_where_they_are_written() -> None:
    text = "Zoë zit in een café met wifi. Ze opent de DigiD-app één keer."
    speech = builtin.say(text, "nl", pronunciations=dutch_words())
    assert [text[w.start:w.start + w.length] for w in speech.words] == written(text)


def test_the_pronunciation_list_changes_what_is_said() -> None:
    text = "Log in met DigiD op je tablet."
    spoken = SpokenText.of(text, dutch_words()).spoken
    assert spoken == "Log in met Die-zjie-dee op je tab-let."
    assert espeak.phonemes(spoken, "nl") != espeak.phonemes(text, "nl")
    listed = builtin.say(text, "nl", pronunciations=dutch_words())
    plain = builtin.say(text, "nl")
    assert listed.samples != plain.samples
    assert [text[w.start:w.start + w.length] for w in listed.words] == written(text)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Press the green button."),
    ("ar", "اضغط على الزر الأخضر."),
    ("tr", "Yeşil düğmeye bas."),
    ("uk", "Натисніть зелену кнопку."),
    ("pl", "Naciśnij zielony przycisk."),
])
def test_the_other_languages_are_spoken_too(language: str, text: str) -> None:
    speech = builtin.say(text, language)
    assert speech.seconds > 0.5 and rms(speech.samples) > RMS_FLOOR
    assert [text[w.start:w.start + w.length] for w in speech.words] == written(text)
    assert espeak.phonemes(text, language)


def test_a_dutch_sentence_as_a_wav_file(tmp_path: Path) -> None:
    text = lesson_text("zorgverzekeraar-online", "€ 385")
    speech = builtin.say(text, "nl", pronunciations=dutch_words())
    file = tmp_path / "zin.wav"
    with wave.open(str(file), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(speech.samples.tobytes())
    with wave.open(str(file), "rb") as back:
        assert (back.getnchannels(), back.getsampwidth(), back.getframerate()) == (
            1, 2, SAMPLE_RATE)
        frames = array("h", back.readframes(back.getnframes()))
    assert frames == speech.samples
    assert 3 < len(frames) / SAMPLE_RATE < 15 and rms(frames) > RMS_FLOOR


def test_the_sound_comes_in_pieces_and_can_be_stopped() -> None:
    text = "Het eigen risico is geld dat je eerst zelf betaalt."
    whole = espeak.synthesize(text, "nl")
    pieces: list[int] = []

    def first_only(samples: array[int], _words: list[espeak.Word]) -> bool:
        pieces.append(len(samples))
        return True  # stop after the first piece

    stopped = espeak.synthesize(text, "nl", on_chunk=first_only)
    assert pieces and len(stopped.samples) == pieces[0] < len(whole.samples) / 4
    streamed: list[int] = []
    again = espeak.synthesize(text, "nl", on_chunk=lambda s, _w: bool(streamed.append(len(s))))
    assert len(streamed) > 5 and sum(streamed) == len(again.samples)


def test_texts_said_at_once_on_several_threads_each_come_out_whole() -> None:
    texts = ["Tik op de groene knop.", "Zet wifi aan.", "Kies je netwerk.", "Typ je wachtwoord."]
    alone = [espeak.synthesize(text, "nl") for text in texts]
    together: dict[int, espeak.Speech] = {}

    def say(index: int) -> None:
        together[index] = espeak.synthesize(texts[index], "nl")

    threads = [threading.Thread(target=say, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for index, text in enumerate(texts):
        # eSpeak varies its voice a little (a few samples), never the words
        assert together[index].seconds == pytest.approx(alone[index].seconds, rel=0.02), text
        assert together[index].words == [
            espeak.Word(w.start, w.length, together[index].words[i].sample)
            for i, w in enumerate(alone[index].words)], text


def test_a_synthesis_hands_over_pieces_until_it_is_done() -> None:
    text = "Open de app. Tik op Inloggen."
    synthesis = builtin.Synthesis(text, "nl", False, dutch_words()).start()
    assert synthesis.wait(10)
    pieces = synthesis.take()
    assert synthesis.done and not synthesis.error
    sound = b"".join(piece.sound for piece in pieces)
    assert len(sound) // 2 == synthesis.samples
    words = [word for piece in pieces for word in piece.words]
    assert [text[w.start:w.start + w.length] for w in words] == written(text)


def test_a_cancelled_synthesis_stops_early() -> None:
    text = " ".join(["Dit is een lange zin om voor te lezen."] * 20)
    synthesis = builtin.Synthesis(text, "nl", False, {})
    synthesis.cancel()
    synthesis.start()
    assert synthesis.wait(10)
    assert synthesis.samples == 0 and not synthesis.error


def test_the_version_is_known() -> None:
    assert espeak.version()[0].isdigit()
