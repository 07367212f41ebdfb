"""Which written word a voice is saying: the whole word, without the signs around it."""

from __future__ import annotations

import pytest

from oefenplek.core.pronunciation import word_at

TEXT = "Bel 112, of betaal € 385 met de DigiD-app. 's Avonds (na zes) - klaar"


@pytest.mark.parametrize(("inside", "word"), [
    ("Bel", "Bel"), ("12", "112"), ("€", "€"), ("85", "385"), ("gi", "DigiD-app"),
    ("-app", "DigiD-app"), ("'s", "'s"), ("na", "na"), ("zes", "zes"), (" - ", "-"),
    ("klaar", "klaar"),
])
def test_a_place_in_a_word_gives_the_whole_word(inside: str, word: str) -> None:
    start, length = word_at(TEXT, TEXT.index(inside) + (inside == " - "))
    assert TEXT[start:start + length] == word


def test_between_words_or_past_the_end_there_is_no_word() -> None:
    assert word_at(TEXT, TEXT.index(" ")) == (3, 0)
    assert word_at(TEXT, len(TEXT)) == (len(TEXT), 0)
    assert word_at(TEXT, -1) == (-1, 0)
