"""The built-in voice in the app: Luister on a computer with no system voice, the word being
heard marked in step with the sound, stopped when the learner goes on, and a plain sentence
when the computer has no sound at all.

The offscreen test platform may have no sound card, so the marking is driven by a sound
output whose clock the test moves (Headphones); eSpeak NG itself is always the real one.
"""

from __future__ import annotations

import math
import os
import re
from array import array

import pytest

from oefenplek import notices
from oefenplek.app import Running
from oefenplek.gui import builtin_voice
from oefenplek.gui.builtin_voice import NoSound, QtSound
from oefenplek.gui.speech import BUILTIN, ENGINE_VARIABLE, VOICE_SETTING, Speaker
from oefenplek.speech.espeak import SAMPLE_RATE

from .people import (
    add_new_learner,
    answer_step_right,
    choose_in_combo,
    click,
    click_named,
    open_lesson,
    press_next,
    sign_in_as_coordinator,
)

MARK = re.compile(r"<span[^>]*>(.*?)</span>")


class Headphones:
    """A sound output that takes all sound at once and has played as much as the test says."""

    def __init__(self) -> None:
        self.sound = bytearray()
        self.clock_usecs = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self.sound += data
        return len(data)

    def played_usecs(self) -> int:
        return self.clock_usecs

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def builtin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENGINE_VARIABLE, BUILTIN)


def with_headphones(app: Running) -> list[Headphones]:
    """Every text said from now on plays on a new pair of headphones, kept in the list."""
    outputs: list[Headphones] = []

    def plug_in() -> Headphones:
        outputs.append(Headphones())
        return outputs[-1]

    app.services.speaker.builtin.use_sound(plug_in)
    return outputs


def marked(label_text: str) -> str | None:
    found = MARK.search(label_text)
    return found.group(1) if found else None


def open_tap_step(qtbot, app: Running) -> None:
    add_new_learner(qtbot, app, "Ahmed", "fiets")
    open_lesson(qtbot, app, "Proefles")
    press_next(qtbot, app)
    assert app.window.player.instruction.text() == "Tik op Instellingen."


@pytest.mark.usefixtures("builtin")
def test_the_marked_word_follows_the_sound_of_the_built_in_voice(qtbot, start_app) -> None:
    app = start_app()
    speaker, player = app.services.speaker, app.window.player
    assert speaker.uses_builtin and speaker.voice == BUILTIN
    outputs = with_headphones(app)
    open_tap_step(qtbot, app)
    assert player.listen.isVisible()
    text = player.instruction.text()
    said: list[str] = []
    speaker.word_spoken.connect(lambda start, length: said.append(text[start:start + length]))
    click(qtbot, player.listen)
    [phones] = outputs
    voice = speaker.builtin
    qtbot.waitUntil(lambda: marked(player.instruction.text()) == "Tik")  # at once: sample 0
    qtbot.waitUntil(lambda: len(voice.words) == 3)
    before = "Tik"
    for word in voice.words[1:]:
        starts = word.sample * 1_000_000 // SAMPLE_RATE
        phones.clock_usecs = starts - 30_000  # just before the word is heard: not yet
        qtbot.waitUntil(lambda starts=starts: voice.played >= (starts - 30_000) * SAMPLE_RATE
                        // 1_000_000)
        assert marked(player.instruction.text()) == before
        phones.clock_usecs = starts + 1
        before = text[word.start:word.start + word.length]
        qtbot.waitUntil(lambda before=before: marked(player.instruction.text()) == before)
    assert said == ["Tik", "op", "Instellingen"]
    with qtbot.waitSignal(speaker.finished, timeout=5000):
        phones.clock_usecs = 60_000_000  # everything heard
    assert player.instruction.text() == "Tik op Instellingen."  # unmarked at the end
    samples = array("h", bytes(phones.sound))
    assert 0.8 < len(samples) / SAMPLE_RATE < 4  # three words, slowly
    assert math.sqrt(sum(s * s for s in samples) / len(samples)) > 300  # not silence


@pytest.mark.usefixtures("builtin")
def test_the_voice_stops_when_the_learner_goes_on_or_asks_again(qtbot, start_app) -> None:
    app = start_app()
    speaker, player = app.services.speaker, app.window.player
    outputs = with_headphones(app)
    open_tap_step(qtbot, app)
    click(qtbot, player.listen)
    qtbot.waitUntil(lambda: marked(player.instruction.text()) == "Tik")
    with qtbot.waitSignal(speaker.finished, timeout=2000):  # Listen again: a new start
        click(qtbot, player.listen)
    assert outputs[0].closed and not outputs[1].closed
    qtbot.waitUntil(lambda: marked(player.instruction.text()) == "Tik")
    answer_step_right(qtbot, app)
    with qtbot.waitSignal(speaker.finished, timeout=2000):
        press_next(qtbot, app)  # the learner goes on: the voice stops at once
    assert outputs[1].closed and not speaker.builtin.speaking
    assert marked(player.instruction.text()) is None
    click(qtbot, player.listen)
    qtbot.waitUntil(lambda: marked(player.instruction.text()) is not None)
    with qtbot.waitSignal(speaker.finished, timeout=2000):
        click(qtbot, player.stop)  # Stop: back to the lessons, silent
    assert outputs[2].closed and not speaker.builtin.speaking


@pytest.mark.usefixtures("builtin")
def test_without_sound_listen_stays_and_says_the_device_has_no_sound(
        qtbot, start_app, monkeypatch: pytest.MonkeyPatch) -> None:
    # The offscreen platform of the tests usually has no sound card; a desk may have one.
    problem = builtin_voice.sound_problem() or "no sound output found"
    monkeypatch.setattr(builtin_voice, "sound_problem", lambda: problem)
    monkeypatch.delenv("OEFENPLEK_SOUND", raising=False)  # (conftest, without libpulse)
    app = start_app()
    speaker, window = app.services.speaker, app.window
    assert speaker.available and not speaker.has_sound
    for screen in window.learner_screens():
        assert screen.listen.isVisibleTo(screen)
    lines = notices.read_notices()
    assert sum("geen geluidsuitgang" in line for line in lines) == 1, lines
    assert any("Voorlezen gebeurt met de ingebouwde stem (eSpeak NG" in line for line in lines)
    click(qtbot, window.picker.listen)
    box = window.problem_box
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "Dit apparaat heeft geen geluid."
    assert not speaker.builtin.speaking
    start_app()  # the coordinator is told once, not at every start
    assert sum("geen geluidsuitgang" in line for line in notices.read_notices()) == 1


def test_the_real_sound_output_plays_or_is_known_to_be_missing(
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OEFENPLEK_SOUND", raising=False)
    speaker = Speaker(engine=BUILTIN)
    if builtin_voice.sound_problem():
        with pytest.raises(NoSound):
            QtSound()
        assert not speaker.has_sound
        return
    assert speaker.has_sound  # a computer with sound: the whole text is played
    with qtbot.waitSignal(speaker.finished, timeout=10000):
        speaker.say("Tik op de knop.")


def test_with_no_system_voice_the_built_in_voice_is_chosen(qtbot) -> None:
    speaker = Speaker(engine="no-such-engine")
    assert speaker.available and speaker.uses_builtin and not speaker.reason
    # (without libpulse Qt's text-to-speech itself cannot load: no engine at all)
    assert re.search("no-such-engine|text-to-speech cannot load", speaker.system_problem)
    assert speaker.voice_label.startswith("ingebouwde stem (eSpeak NG ")
    assert speaker.voices()[-1].key == BUILTIN


def test_a_chosen_system_voice_and_the_built_in_one_can_be_switched(qtbot) -> None:
    speaker = Speaker()  # the tests' voice (conftest): Qt's mock engine, when it loads
    if os.environ[ENGINE_VARIABLE] == BUILTIN:  # no Qt text-to-speech on this machine
        assert speaker.uses_builtin and [c.key for c in speaker.voices()] == [BUILTIN]
        return
    assert not speaker.uses_builtin and speaker.voice.startswith("qt:mock:")
    keys = [choice.key for choice in speaker.voices()]
    assert keys[-1] == BUILTIN and len(keys) > 1
    speaker.use_voice(BUILTIN)
    assert speaker.uses_builtin
    speaker.use_voice(keys[1])
    assert speaker.voice == keys[1]
    speaker.use_voice("qt:mock:Nobody")  # gone from this computer: the default instead
    assert speaker.voice == keys[0]


def test_the_coordinator_tries_and_chooses_the_voice(qtbot, start_app) -> None:
    app = start_app()
    speaker = app.services.speaker
    sign_in_as_coordinator(qtbot, app)
    click(qtbot, app.window.today.settings_button)
    settings = app.window.settings
    offered = [settings.voice.itemText(i) for i in range(settings.voice.count())]
    assert offered[-1].startswith("ingebouwde stem (eSpeak NG ")
    assert settings.voice.currentData() == speaker.voice  # the best one found, at first
    if len(offered) > 1:  # (without Qt's text-to-speech the built-in voice is all there is)
        choose_in_combo(qtbot, settings.voice, offered[-1])
        assert settings.status.text() == f"De stem is bewaard: {offered[-1]}."
        assert app.repository.setting(VOICE_SETTING) == BUILTIN
    assert speaker.uses_builtin
    outputs = with_headphones(app)
    click_named(qtbot, settings, "Probeer")
    assert speaker.last_text == "Zo worden de lessen voorgelezen."
    qtbot.waitUntil(lambda: len(outputs[0].sound) > SAMPLE_RATE)  # half a second, and more
    click(qtbot, settings.back_button)  # leaving the screen stops the voice
    assert outputs[0].closed
    again = start_app()  # the next start uses the chosen voice
    assert again.services.speaker.uses_builtin
