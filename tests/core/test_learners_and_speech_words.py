"""Names of every kind are welcome; pronunciations turn written words into spoken ones."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from oefenplek import paths
from oefenplek.core.learners import Learner, NameProblem, check_new_learner, clean_name
from oefenplek.core.pronunciation import load_pronunciations, speakable


@pytest.mark.parametrize("name", ["Zoë", "Đorđe", "محمد", "Anne-Marie", "Ольга", "李娜", "Jan 2"])
def test_names_in_any_script_are_kept(name: str) -> None:
    assert clean_name(f"  {name} ") == name


@pytest.mark.parametrize("name", ["", "   ", "1234", "a" * 41, "Ann\x00a"])
def test_unusable_names_get_a_plain_message(name: str) -> None:
    with pytest.raises(NameProblem) as problem:
        clean_name(name)
    assert str(problem.value)
    assert problem.value.field == "name"


def test_same_name_and_same_picture_must_differ() -> None:
    existing = [Learner("1", "Fatima", "cat", "nl", datetime.now(UTC))]
    assert check_new_learner("fatima ", "dog", existing) == "fatima"
    with pytest.raises(NameProblem) as problem:
        check_new_learner("FATIMA", "cat", existing)
    assert problem.value.field == "picture"


def test_the_dutch_list_makes_digid_and_wifi_sound_right() -> None:
    words = load_pronunciations(paths.locales_dir() / "nl" / "pronunciation.toml")
    said = speakable("Open de DigiD-app. Zet wifi aan. Open de app.", words)
    assert said == "Open de Die-zjie-dee ep. Zet wie-fie aan. Open de ep."
    assert speakable("happy apps", words) == "happy eps"  # whole words only
