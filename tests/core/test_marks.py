"""Glossary marks: `[word]` in lesson text is shown as a word to tap and read without brackets."""

from __future__ import annotations

from oefenplek.core.lessons.marks import marked, plain, segments
from oefenplek.core.lessons.model import Step


def test_segments_split_plain_text_from_marked_words_with_their_key() -> None:
    assert segments("Open de [Links] in je [QR-code].") == [
        ("Open de ", None), ("Links", "links"), (" in je ", None), ("QR-code", "qr-code"),
        (".", None)]
    assert segments("[wifi]") == [("wifi", "wifi")]
    assert segments("Geen woord om te tikken.") == [("Geen woord om te tikken.", None)]
    assert segments("") == []


def test_a_mark_is_one_line_without_brackets_inside() -> None:
    assert segments("Een [ lege  plek ] en [kapot") == [
        ("Een ", None), (" lege  plek ", "lege plek"), (" en [kapot", None)]
    assert segments("[[dubbel]]") == [("[", None), ("dubbel", "dubbel"), ("]", None)]
    assert marked("Tik op de [link]. Het [wachtwoord] ook.") == ["link", "wachtwoord"]


def test_plain_text_drops_the_brackets_only() -> None:
    assert plain("Tik op de [link]. Open de [links].") == "Tik op de link. Open de links."
    assert plain("Niets gemarkeerd.") == "Niets gemarkeerd."


def test_read_aloud_says_the_text_without_marks() -> None:
    step = Step(number=1, kind="explain", text="Tik op de [link].")
    assert step.spoken == "Tik op de link."
    assert Step(number=1, kind="explain", text="[DigiD]", say="Die-zjie-dee").spoken == (
        "Die-zjie-dee")
