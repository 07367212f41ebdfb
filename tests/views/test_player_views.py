"""The player's words and marks, without Qt: the step count, and where a glossary word and
the word being read aloud are marked in the shown text."""

from __future__ import annotations

from oefenplek.core.lessons.marks import plain, segments
from oefenplek.views.player import marked_html, steps_sentence

TEXT = "Tik op de [app] & open [Links]."


def test_the_number_of_steps_is_said_in_singular_and_plural() -> None:
    assert steps_sentence(1) == "Deze les heeft 1 stap."
    assert steps_sentence(8) == "Deze les heeft 8 stappen."


def test_glossary_words_become_links_and_the_rest_stays_text() -> None:
    shown = marked_html(segments(TEXT), "#124A99")
    assert shown.startswith("Tik op de <a href=\"app\" style=\"color:#124A99;")
    assert ">app</a> &amp; open <a href=\"links\"" in shown and ">Links</a>." in shown
    assert "[" not in shown and "<span" not in shown


def test_the_word_read_aloud_is_found_by_its_place_in_the_text_without_brackets() -> None:
    spoken = plain(TEXT)
    for word in ("Tik", "app", "open", "Links"):
        start = spoken.index(word)
        shown = marked_html(segments(TEXT), "#124A99", (start, len(word)), "#FFF3D1")
        [marked] = [part.split("</span>")[0] for part in shown.split(
            '<span style="background-color:#FFF3D1;">')[1:]]
        assert marked == word
    # A mark inside a glossary word keeps the link around it.
    start = spoken.index("Links")
    shown = marked_html(segments(TEXT), "#124A99", (start, 5), "#FFF3D1")
    assert '<a href="links" style="color:#124A99; font-weight:bold; text-decoration:underline;">' \
        '<span style="background-color:#FFF3D1;">Links</span></a>' in shown
