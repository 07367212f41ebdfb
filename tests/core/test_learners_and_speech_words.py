"""Names of every kind are welcome; pronunciations turn written words into spoken ones."""

from __future__ import annotations

import pytest

from oefenplek import paths
from oefenplek.core.learners import LearnerEntry, NameProblem, check_new_learner, clean_name
from oefenplek.core.pronunciation import load_pronunciations, speakable


@pytest.mark.parametrize("name", ["Zoë", "Đorđe", "محمد", "Anne-Marie", "Ольга", "李娜", "Jan 2"])
def test_names_in_any_script_are_kept(name: str) -> None:
    assert clean_name(f"  {name} ") == name


@pytest.mark.parametrize("raw, kept", [
    ("Ann\x00a", "Anna"), ("Fat\u202eima", "Fatima"), ("Jan\tPiet\n", "Jan Piet"),
    ("\u200bZoë\ufeff", "Zoë"), ("محمد\u200f", "محمد"), ("\x1b[31mBram", "[31mBram"),
    ("Anna 👍🏽", "Anna 👍🏽")])
def test_signs_nobody_can_see_are_dropped_from_a_name(raw: str, kept: str) -> None:
    assert clean_name(raw) == kept


@pytest.mark.parametrize("name", ["", "   ", "1234", "a" * 41, "\x00\x07\u202e"])
def test_unusable_names_get_a_plain_message(name: str) -> None:
    with pytest.raises(NameProblem) as problem:
        clean_name(name)
    assert str(problem.value)
    assert problem.value.field == "name"


def test_same_name_and_same_picture_must_differ() -> None:
    existing = [LearnerEntry("1", "Fatima", "cat")]
    assert check_new_learner("fatima ", "dog", existing) == "fatima"
    with pytest.raises(NameProblem) as problem:
        check_new_learner("FATIMA", "cat", existing)
    assert problem.value.field == "picture"


def test_the_dutch_list_makes_digid_and_wifi_sound_right() -> None:
    words = load_pronunciations(paths.locales_dir() / "nl" / "pronunciation.toml")
    said = speakable("Open de DigiD-app. Zet wifi aan. Open de app.", words)
    assert said == "Open de Die-zjie-dee ep. Zet wie-fie aan. Open de ep."
    assert speakable("happy apps", words) == "happy eps"  # whole words only


def test_a_spoken_word_is_found_back_in_the_written_text() -> None:
    from oefenplek.core.pronunciation import SpokenText

    words = {"DigiD": "Die-zjie-dee", "app": "ep"}
    text = "Open de DigiD app nu."
    spoken = SpokenText.of(text, words)
    assert spoken.spoken == "Open de Die-zjie-dee ep nu."
    at = spoken.spoken.index("Die-zjie-dee")
    assert spoken.written_span(at, 12) == (text.index("DigiD"), 5)
    assert spoken.written_span(spoken.spoken.index("ep"), 2) == (text.index("app"), 3)
    assert spoken.written_span(spoken.spoken.index("nu"), 2) == (text.index("nu"), 2)
    assert spoken.written_span(0, 4) == (0, 4)


def test_the_at_sign_is_said_inside_an_email_address() -> None:
    words = load_pronunciations(paths.locales_dir() / "nl" / "pronunciation.toml")
    assert speakable("sanne@voorbeeld.nl", words) == "sanne apenstaartje voorbeeld.nl"
